import FundLedger

/// What `--help` shows of a command, and what its parser accepts.
public struct CommandConfiguration: Sendable {
    /// The words after `cpf`, e.g. `account add`.
    public let name: String
    public let abstract: LocalizedText
    /// Longer text: rules, examples.
    public let discussion: LocalizedText
    public let positionals: [PositionalSpec]
    public let options: [OptionSpec]

    /// A command that takes `--format` also takes `--bom` (`OutputOptions.byteOrderMark`).
    init(name: String, abstract: LocalizedText, discussion: LocalizedText = .empty, positionals positionalDeclarations: [any PositionalDeclaration] = [], options declarations: [any OptionDeclaration] = []) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.positionals = positionalDeclarations.map(\.spec)
        // Every command that prints in a chosen format can also write it to a file.
        var options = declarations.map(\.spec)
        if options.contains(where: { $0.name == "--format" }) {
            if !options.contains(where: { $0.name == "--output" }) { options.append(OutputOptions.output.spec) }
            options.append(OutputOptions.byteOrderMark.spec)
        }
        self.options = options
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

/// The format and language a command prints in, read from `--format` and `--lang`.
struct OutputChoice {
    let format: ReportFormat
    let language: Language

    init(_ arguments: ParsedArguments, context: CommandContext, allowed: [ReportFormat] = ReportFormat.allCases) throws {
        format = try OutputOptions.format(arguments, allowed: allowed)
        language = try OutputOptions.language(arguments, context: context)
    }
}

/// Options every report-like command shares.
enum OutputOptions {
    static let format = Option("--format", "FORMAT", LocalizedText("table (default), csv, json, html or xlsx (with --output)",
                                                                           "table (mặc định), csv, json, html hoặc xlsx (cùng --output)"))
    static let output = Option("--output", "FILE", LocalizedText("write to this file instead of standard output (it must not exist); xlsx needs it",
                                                                           "ghi ra tệp này thay vì đầu ra chuẩn (tệp chưa được tồn tại); xlsx bắt buộc có"))
    static let language = Option("--lang", "LANG", LocalizedText("vi or en (default: CPF_LANG, else the fund's language setting)",
                                                                           "vi hoặc en (mặc định: CPF_LANG, nếu không thì ngôn ngữ đã đặt cho quỹ)"))
    static let byteOrderMark = Flag("--bom", LocalizedText("with CSV output: begin with a UTF-8 byte-order mark, so Excel reads Vietnamese text",
                                                                      "với đầu ra CSV: ghi dấu BOM UTF-8 ở đầu tệp để Excel đọc đúng tiếng Việt"))

    /// Whether the command writes CSV with a byte-order mark; `--bom` with another format is a
    /// usage error. `defaultFormat` is what the command writes without `--format`.
    static func byteOrderMark(_ arguments: ParsedArguments, defaultFormat: String) throws -> Bool {
        guard arguments.isSet(byteOrderMark) else { return false }
        guard (arguments.value(of: format) ?? defaultFormat) == "csv" else {
            throw UsageError(LocalizedText("--bom goes with CSV output (--format csv)", "--bom chỉ dùng với đầu ra CSV (--format csv)"), command: arguments.command)
        }
        return true
    }

    static func format(_ arguments: ParsedArguments, allowed: [ReportFormat] = ReportFormat.allCases) throws -> ReportFormat {
        guard let text = arguments.value(of: format) else { return .table }
        guard let format = ReportFormat(rawValue: text), allowed.contains(format) else {
            let names = allowed.map(\.rawValue).joined(separator: ", ")
            throw UsageError(LocalizedText("unknown format '\(text)'; use one of: \(names)", "không có định dạng '\(text)'; hãy dùng một trong: \(names)"), command: arguments.command)
        }
        return format
    }

    /// The reader's language (`CommandContext.language`): `--lang` is read by `cpf` itself,
    /// before the command, so that every message follows it too.
    static func language(_ arguments: ParsedArguments, context: CommandContext) throws -> Language {
        context.language
    }
}
