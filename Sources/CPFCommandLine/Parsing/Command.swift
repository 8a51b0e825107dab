import FundLedger

/// What `--help` shows of a command, and what its parser accepts.
public struct CommandConfiguration: Sendable {
    /// The words after `cpf`, e.g. `account add`.
    public let name: String
    public let abstract: String
    /// Longer text: rules, examples.
    public let discussion: String
    public let positionals: [PositionalSpec]
    public let options: [OptionSpec]

    /// A command that takes `--format` also takes `--bom` (`OutputOptions.byteOrderMark`).
    public init(name: String, abstract: String, discussion: String = "", positionals: [PositionalSpec] = [], options: [OptionSpec] = []) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.positionals = positionals
        self.options = options.contains { $0.name == "--format" } ? options + [OutputOptions.byteOrderMark] : options
    }
}

/// One `cpf` command: it declares its arguments, checks them in `init(_:)` (the
/// `validate()` step, before anything runs), then runs against the library.
protocol Command {
    static var configuration: CommandConfiguration { get }
    /// Converts and checks the parsed arguments. Throws `UsageError` or `LedgerError`.
    init(_ arguments: ParsedArguments, context: CommandContext) throws
    /// Does the work; the return value is the exit status.
    func run(_ context: CommandContext) throws -> ExitStatus
}

/// `cpf`'s exit statuses (docs/domain.md §4).
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// A refusal or an audit finding.
    case failure = 1
    /// Bad usage.
    case usage = 2
}

/// Options every report-like command shares.
enum OutputOptions {
    static let format = OptionSpec.value("--format", "FORMAT", "table (default), csv, json or html")
    static let language = OptionSpec.value("--lang", "LANG", "vi or en (default: en, or CPF_LANG)")
    static let byteOrderMark = OptionSpec.flag("--bom", "with CSV output: begin with a UTF-8 byte-order mark, so Excel reads Vietnamese text")

    /// Whether the command writes CSV with a byte-order mark; `--bom` with another format is a
    /// usage error. `defaultFormat` is what the command writes without `--format`.
    static func byteOrderMark(_ arguments: ParsedArguments, defaultFormat: String) throws -> Bool {
        guard arguments.flag("--bom") else { return false }
        guard (arguments.value("--format") ?? defaultFormat) == "csv" else {
            throw UsageError("--bom goes with CSV output (--format csv)", command: arguments.command)
        }
        return true
    }

    static func format(_ arguments: ParsedArguments, allowed: [ReportFormat] = ReportFormat.allCases) throws -> ReportFormat {
        guard let text = arguments.value("--format") else { return .table }
        guard let format = ReportFormat(rawValue: text), allowed.contains(format) else {
            throw UsageError("unknown format '\(text)'; use one of: \(allowed.map(\.rawValue).joined(separator: ", "))", command: arguments.command)
        }
        return format
    }

    static func language(_ arguments: ParsedArguments, context: CommandContext) throws -> Language {
        guard let text = arguments.value("--lang") ?? context.environment["CPF_LANG"] else { return .english }
        guard let language = Language(rawValue: text) else {
            throw UsageError("unknown language '\(text)'; use vi or en", command: arguments.command)
        }
        return language
    }
}
