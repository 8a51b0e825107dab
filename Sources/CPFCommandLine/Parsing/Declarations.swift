import FundLedger

/// Something a command declares once, with its name, help and parser together: an option that
/// takes a value (`Option`), a flag (`Flag`), or an `OptionSpec` for one read by hand. The
/// command's `CommandConfiguration` lists its declarations; usage and `--help` are written from
/// them, and the parsed arguments are read through them (`ParsedArguments.value(of:)`), so no
/// command names an option twice.
protocol OptionDeclaration: Sendable {
    var spec: OptionSpec { get }
}

extension OptionSpec: OptionDeclaration {
    var spec: OptionSpec { self }
}

/// Lets a configuration list `.value(…)` and `.flag(…)` beside typed declarations.
extension OptionDeclaration where Self == OptionSpec {
    static func value(_ name: String, _ valueName: String, _ help: LocalizedText, required: Bool = false, repeatable: Bool = false) -> OptionSpec {
        OptionSpec.value(name, valueName, help, required: required, repeatable: repeatable)
    }

    static func flag(_ name: String, _ help: LocalizedText) -> OptionSpec {
        OptionSpec.flag(name, help)
    }
}

/// An option that takes a value, and how its text becomes one: `--date 2018-06-01` read as a
/// `LedgerDate`. A parser's refusal (`LedgerError` or `UsageError`) is the command's.
struct Option<Value>: OptionDeclaration {
    let spec: OptionSpec
    let parse: @Sendable (String) throws -> Value

    init(_ name: String, _ valueName: String, _ help: LocalizedText, required: Bool = false, repeatable: Bool = false,
         parse: @escaping @Sendable (String) throws -> Value) {
        spec = OptionSpec.value(name, valueName, help, required: required, repeatable: repeatable)
        self.parse = parse
    }

    /// The same option with another help text: a shared option (`--year`) says what it means
    /// to each command.
    func help(_ help: LocalizedText, required: Bool = false) -> Option<Value> {
        Option(spec.name, spec.valueName ?? "", help, required: required, repeatable: spec.isRepeatable, parse: parse)
    }
}

extension Option where Value == String {
    /// An option whose value is its text.
    init(_ name: String, _ valueName: String, _ help: LocalizedText, required: Bool = false, repeatable: Bool = false) {
        self.init(name, valueName, help, required: required, repeatable: repeatable, parse: { $0 })
    }
}

/// An option that takes no value: present or not.
struct Flag: OptionDeclaration {
    let spec: OptionSpec

    init(_ name: String, _ help: LocalizedText) {
        spec = OptionSpec.flag(name, help)
    }
}

/// A positional argument (`CODE`, `FILE…`), and how its text becomes a value; read by its
/// declaration (`ParsedArguments.required(_:)`), never by its position.
protocol PositionalDeclaration: Sendable {
    var spec: PositionalSpec { get }
}

extension PositionalSpec: PositionalDeclaration {
    var spec: PositionalSpec { self }
}

struct Argument<Value>: PositionalDeclaration {
    let spec: PositionalSpec
    let parse: @Sendable (String) throws -> Value

    init(_ name: String, _ help: LocalizedText, optional: Bool = false, repeated: Bool = false, parse: @escaping @Sendable (String) throws -> Value) {
        spec = PositionalSpec(name, help, optional: optional, repeated: repeated)
        self.parse = parse
    }
}

extension Argument where Value == String {
    init(_ name: String, _ help: LocalizedText, optional: Bool = false, repeated: Bool = false) {
        self.init(name, help, optional: optional, repeated: repeated, parse: { $0 })
    }
}

extension ParsedArguments {
    /// The positional argument's value, parsed; `nil` when an optional one is absent.
    func value<Value>(of argument: Argument<Value>) throws -> Value? {
        guard let index = positionalNames.firstIndex(of: argument.spec.name), index < positionals.count else { return nil }
        return try argument.parse(positionals[index])
    }

    /// The value of a positional argument that is not optional (the parser checked it is there).
    func required<Value>(_ argument: Argument<Value>) throws -> Value {
        guard let value = try value(of: argument) else { preconditionFailure("\(argument.spec.name) is declared required") }
        return value
    }

    /// Every value of the last, repeated positional argument (`FILE…`), parsed.
    func values<Value>(of argument: Argument<Value>) throws -> [Value] {
        guard let index = positionalNames.firstIndex(of: argument.spec.name), index < positionals.count else { return [] }
        return try positionals[index...].map(argument.parse)
    }

    /// The text of a positional argument whose value is its text; `nil` when absent.
    func value(of argument: Argument<String>) -> String? {
        positionalNames.firstIndex(of: argument.spec.name).flatMap { $0 < positionals.count ? positionals[$0] : nil }
    }

    /// The text of a positional argument that is not optional.
    func required(_ argument: Argument<String>) -> String {
        guard let value = value(of: argument) else { preconditionFailure("\(argument.spec.name) is declared required") }
        return value
    }

    /// Every text of the last, repeated positional argument.
    func values(of argument: Argument<String>) -> [String] {
        guard let index = positionalNames.firstIndex(of: argument.spec.name), index < positionals.count else { return [] }
        return Array(positionals[index...])
    }

    /// The option's value (its last occurrence), parsed; `nil` when it is absent.
    func value<Value>(of option: Option<Value>) throws -> Value? {
        try value(option.spec.name).map(option.parse)
    }

    /// The value of an option declared required (the parser already checked it is there).
    func required<Value>(_ option: Option<Value>) throws -> Value {
        precondition(option.spec.isRequired, "\(option.spec.name) is not declared required")
        return try option.parse(required(option.spec.name))
    }

    /// Every occurrence of a repeatable option, parsed, in the order given.
    func values<Value>(of option: Option<Value>) throws -> [Value] {
        try values(option.spec.name).map(option.parse)
    }

    /// The text of an option whose value is its text; `nil` when it is absent.
    func value(of option: Option<String>) -> String? { value(option.spec.name) }

    /// The text of an option declared required.
    func required(_ option: Option<String>) -> String {
        precondition(option.spec.isRequired, "\(option.spec.name) is not declared required")
        return required(option.spec.name)
    }

    /// Every occurrence of a repeatable text option, in the order given.
    func values(of option: Option<String>) -> [String] { values(option.spec.name) }

    /// Whether the flag was given.
    func isSet(_ flag: Flag) -> Bool { self.flag(flag.spec.name) }

    /// Whether the option was given at all.
    func isGiven<Value>(_ option: Option<Value>) -> Bool { self.flag(option.spec.name) }
}

/// Options several commands share, declared once here with their parsers; each command may
/// word their help for itself (`Option.help(_:)`).
enum SharedOptions {
    /// `--year YYYY`: a calendar year from 1900 to 2199, the years a ledger's dates may carry.
    static let year = yearOption("--year", LocalizedText("a calendar year", "một năm dương lịch"))

    /// An option that takes a year (`--year`, `--from-year`, `--to-year`), with the one check
    /// every such option makes.
    static func yearOption(_ name: String, _ help: LocalizedText, required: Bool = false) -> Option<Int> {
        Option(name, "YYYY", help, required: required) { text in
            guard let year = Int(text), (1900...2199).contains(year) else {
                throw LedgerError(.invalidDate, LocalizedText("\(name) \(text) is not a year from 1900 to 2199", "\(name) \(text) không phải năm từ 1900 đến 2199"),
                                  hint: LocalizedText("give a four-digit year, e.g. \(name) 2018", "hãy ghi năm bốn chữ số, ví dụ \(name) 2018"))
            }
            return year
        }
    }

    /// An option that takes a positive whole number (`--seq`, `--last`).
    static func positiveNumber(_ name: String, _ valueName: String, _ help: LocalizedText, command: String) -> Option<Int64> {
        Option(name, valueName, help) { text in
            guard let number = Int64(text), number > 0 else { throw UsageError(LocalizedText("\(name) takes a positive number", "\(name) nhận một số dương"), command: command) }
            return number
        }
    }

    /// `--name-vi` and `--name-en`: a registry row's names in both languages.
    static let nameVietnamese = Option("--name-vi", "NAME", LocalizedText("the Vietnamese name", "tên tiếng Việt"), required: true)
    static let nameEnglish = Option("--name-en", "NAME", LocalizedText("the English name", "tên tiếng Anh"), required: true)

    /// `CODE` of a registry row: a short code.
    static let code = Argument("CODE", LocalizedText("a short code: letters, digits, '.', '_', '-'", "mã ngắn: chữ cái, chữ số, '.', '_', '-'"))

    /// `--from` and `--to`: the first and last day of a period.
    static let from = Option<LedgerDate>("--from", "YYYY-MM-DD", LocalizedText("the first day of the period", "ngày đầu của kỳ"), parse: LedgerDate.parse)
    static let to = Option<LedgerDate>("--to", "YYYY-MM-DD", LocalizedText("the last day of the period", "ngày cuối của kỳ"), parse: LedgerDate.parse)
}

/// A registry row as `cpf … add CODE --name-vi … --name-en …` names it.
struct NamedCode {
    let code: String
    let nameVietnamese: String
    let nameEnglish: String

    init(_ arguments: ParsedArguments) {
        code = arguments.required(SharedOptions.code)
        nameVietnamese = arguments.required(SharedOptions.nameVietnamese)
        nameEnglish = arguments.required(SharedOptions.nameEnglish)
    }
}
