import FundLedger

/// The options several commands share, each declared here once: its name, placeholder and
/// parser, and its help where the commands agree on it. A command uses one as
/// `@Option(CommonOptions.year, help: …) var year: Int?`, giving its own help when it says
/// more than the common one.
enum CommonOptions {
    static let formatName = "--format"

    /// `--format`: how a report is printed. `allowed` are the formats the command writes; any
    /// other is a usage error that lists them. The default help names every format.
    static func format(allowed: [ReportFormat] = ReportFormat.allCases) -> OptionDefinition<ReportFormat> {
        OptionDefinition(formatName, "FORMAT", help: LocalizedText("table (default), csv, json, html or xlsx (with --output)",
                                                                   "table (mặc định), csv, json, html hoặc xlsx (cùng --output)")) { text in
            guard let format = ReportFormat(rawValue: text), allowed.contains(format) else {
                let names = allowed.map(\.rawValue).joined(separator: ", ")
                throw UsageError(LocalizedText("unknown format '\(text)'; use one of: \(names)", "không có định dạng '\(text)'; hãy dùng một trong: \(names)"))
            }
            return format
        }
    }

    /// `--output FILE`: the new file a command that prints in a chosen format writes into.
    /// `cpf` reads it itself (`CommandContext.outputPath`); a command that takes `--format`
    /// gets it without declaring it (`CommandSignature`).
    static var output: OptionDefinition<String> {
        OptionDefinition("--output", "FILE", help: LocalizedText("write to this file instead of standard output (it must not exist); xlsx needs it",
                                                                 "ghi ra tệp này thay vì đầu ra chuẩn (tệp chưa được tồn tại); xlsx bắt buộc có")) { $0 }
    }

    /// `--bom`: CSV output begins with a byte-order mark. Every command that takes `--format`
    /// gets it (`CommandSignature`); `cpf` reads it itself (`byteOrderMark(_:defaultFormat:)`).
    static let byteOrderMark = OptionSpec.flag("--bom", LocalizedText("with CSV output: begin with a UTF-8 byte-order mark, so Excel reads Vietnamese text",
                                                                      "với đầu ra CSV: ghi dấu BOM UTF-8 ở đầu tệp để Excel đọc đúng tiếng Việt"))

    /// `--lang` as a command's help lists it. `cpf` reads `--lang` before the command
    /// (`CommandLineTool.run`), so that every message follows it too: the command never sees
    /// it, and uses `CommandContext.language`.
    static var language: OptionDefinition<Language> {
        OptionDefinition("--lang", "LANG", help: LocalizedText("vi or en (default: CPF_LANG, else the fund's language setting)",
                                                               "vi hoặc en (mặc định: CPF_LANG, nếu không thì ngôn ngữ đã đặt cho quỹ)")) { text in
            guard let language = Language(rawValue: text) else { preconditionFailure("cpf reads --lang before the command") }
            return language
        }
    }

    /// `--year YYYY`: a calendar year from 1900 to 2199, the years a ledger date can have.
    static var year: OptionDefinition<Int> { year("--year") }

    /// A year option named `name` (`--from-year`): the one check of a year on the command line.
    static func year(_ name: String) -> OptionDefinition<Int> {
        OptionDefinition(name, "YYYY", help: LocalizedText("a calendar year", "một năm dương lịch")) { text in
            guard let year = Int(text), (1900...2199).contains(year) else {
                throw LedgerError(.invalidDate, LocalizedText("\(name) \(text) is not a year from 1900 to 2199", "\(name) \(text) không phải năm từ 1900 đến 2199"),
                                  hint: LocalizedText("give a four-digit year, e.g. \(name) 2018", "hãy ghi năm bốn chữ số, ví dụ \(name) 2018"))
            }
            return year
        }
    }

    /// `--from YYYY-MM-DD`: the first day of a period.
    static var from: OptionDefinition<LedgerDate> { OptionDefinition("--from", "YYYY-MM-DD", parse: LedgerDate.parse) }

    /// `--to YYYY-MM-DD`: the last day of a period.
    static var to: OptionDefinition<LedgerDate> { OptionDefinition("--to", "YYYY-MM-DD", parse: LedgerDate.parse) }

    /// `--at YYYY-MM-DD`: the day balances are drawn up at (the same as `--to`).
    static var at: OptionDefinition<LedgerDate> { OptionDefinition("--at", "YYYY-MM-DD", parse: LedgerDate.parse) }

    /// `--quantity N`: how many units of goods, a positive whole number.
    static var quantity: OptionDefinition<Int64> {
        OptionDefinition("--quantity", "N", parse: positiveWholeNumber("--quantity"))
    }

    /// A parser of a positive whole number for the option `name`: anything else is a usage error.
    static func positiveWholeNumber(_ name: String) -> (String) throws -> Int64 {
        { text in
            guard let number = Int64(text), number > 0 else {
                throw UsageError(LocalizedText("\(name) takes a positive whole number", "\(name) nhận một số nguyên dương"))
            }
            return number
        }
    }

    /// Whether the command writes CSV with a byte-order mark; `--bom` with another format is a
    /// usage error. `defaultFormat` is what the command writes without `--format`.
    static func byteOrderMark(_ arguments: ParsedArguments, defaultFormat: String) throws -> Bool {
        guard arguments.flag(byteOrderMark) else { return false }
        let format = arguments.occurrences.last { $0.name == formatName }?.value ?? defaultFormat
        guard format == "csv" else {
            throw UsageError(LocalizedText("--bom goes with CSV output (--format csv)", "--bom chỉ dùng với đầu ra CSV (--format csv)"))
        }
        return true
    }
}

/// `--format` and `--lang` of a command that prints a report: `@OptionGroup var output: ReportOutput`.
struct ReportOutput: OptionGroupContent {
    @Option(CommonOptions.format()) var format: ReportFormat = .table
    @Option(CommonOptions.language) private var languageListedInHelp: Language?
}

/// A period given as `--from`/`--to` (or `--at` for `--to`) or as `--year`, as reports and
/// `cpf consolidate` take it. Each command declares the options with its own help.
struct ReportPeriod {
    let from: LedgerDate?
    let to: LedgerDate?
    let year: Int?

    /// Refuses `--from` after `--to`, and `--year` with `--from`/`--to`.
    init(from: LedgerDate?, to: LedgerDate?, year: Int?) throws {
        if let from, let to, from > to {
            throw LedgerError(.invalidDate, LocalizedText("--from \(from) is after --to \(to)", "--from \(from) sau --to \(to)"), hint: LocalizedText("give the earlier date with --from", "hãy ghi ngày sớm hơn ở --from"))
        }
        if year != nil && (from != nil || to != nil) {
            throw UsageError(LocalizedText("give either --year or --from/--to, not both", "hãy ghi --year hoặc --from/--to, không ghi cả hai"), command: "report")
        }
        self.from = from
        self.to = to
        self.year = year
    }

    /// The period of a report over time: --year, or --from (default the start of the books)
    /// and --to (default today).
    func days() throws -> (from: LedgerDate, to: LedgerDate) {
        if let year { return (LedgerDate.firstOf(year: year), LedgerDate.lastOf(year: year)) }
        let to = self.to ?? Timestamp.today()
        let from = self.from ?? .earliest
        guard from <= to else { throw LedgerError(.invalidDate, LocalizedText("--from \(from) is after \(to)", "--from \(from) sau ngày \(to)"), hint: LocalizedText("give --to as well", "hãy ghi thêm --to")) }
        return (from, to)
    }
}

/// A registry row as `cpf … add CODE --name-vi … --name-en …` names it: its short code and
/// its names in both languages.
struct RegistryNames: OptionGroupContent {
    @Argument("CODE", help: LocalizedText("a short code: letters, digits, '.', '_', '-'", "mã ngắn: chữ cái, chữ số, '.', '_', '-'"))
    var code: String
    @Option("--name-vi", "NAME", help: LocalizedText("the Vietnamese name", "tên tiếng Việt"))
    var nameVietnamese: String
    @Option("--name-en", "NAME", help: LocalizedText("the English name", "tên tiếng Anh"))
    var nameEnglish: String
}
