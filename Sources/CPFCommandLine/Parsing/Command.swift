import FundLedger

/// What a command says about itself in `--help`: its name, summary and longer text. Its
/// options and positional arguments are declared as properties (`@Option`, `@Argument`, …)
/// and collected into its `CommandSignature`.
struct CommandConfiguration: Sendable {
    /// The words after `cpf`, e.g. `account add`.
    let name: String
    let abstract: LocalizedText
    /// Longer text: rules, examples.
    let discussion: LocalizedText

    init(name: String, abstract: LocalizedText, discussion: LocalizedText = .empty) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
    }
}

/// A command's configuration with the options and positional arguments its properties
/// declare, in the order they are written: what the parser accepts and `--help` shows.
/// A command that takes `--format` also takes `--output` (unless it declares its own) and
/// `--bom`: every command that prints in a chosen format can write it to a file.
struct CommandSignature {
    let configuration: CommandConfiguration
    let positionals: [PositionalSpec]
    let options: [OptionSpec]

    init(_ configuration: CommandConfiguration, declared: DeclaredArguments) {
        self.configuration = configuration
        positionals = declared.positionals
        var options = declared.options
        if options.contains(where: { $0.name == CommonOptions.formatName }) {
            let output = CommonOptions.output.spec(help: nil)
            if !options.contains(where: { $0.name == output.name }) { options.append(output) }
            options.append(CommonOptions.byteOrderMark)
        }
        self.options = options
    }

    var name: String { configuration.name }
    var abstract: LocalizedText { configuration.abstract }
    var discussion: LocalizedText { configuration.discussion }
}

/// One `cpf` command, declared as swift-argument-parser declares one: its options and
/// arguments are stored properties (`@Option`, `@Flag`, `@Argument`, `@OptionGroup`) made by
/// `init()`; `cpf` parses the command line against them and fills them in, then calls
/// `validate()` (before anything runs) and `run(_:)`.
protocol Command {
    static var configuration: CommandConfiguration { get }
    /// A command with every declaration and no value yet.
    init()
    /// Checks the values together once they are filled in; the default checks nothing.
    /// Throws `UsageError` or `LedgerError`.
    func validate() throws
    /// Does the work; the return value is the exit status.
    func run(_ context: CommandContext) throws -> ExitStatus
}

extension Command {
    func validate() throws {}

    /// The configuration with the options and arguments the command's properties declare.
    static var signature: CommandSignature {
        CommandSignature(configuration, declared: DeclaredArguments(of: Self()))
    }
}

/// `cpf`'s exit statuses (docs/domain.md §4).
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// A refusal or an audit finding.
    case failure = 1
    /// Bad usage.
    case usage = 2
}

