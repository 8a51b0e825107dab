import FundLedger

/// One part of a command line as a command declares it, with `@Option`, `@Flag`,
/// `@Argument` or `@OptionGroup` on a stored property: its name, placeholder, help and
/// parser in one place. `DeclaredArguments` finds a command's declarations by reflection;
/// the parser, the usage line and `--help` are made from them, and after parsing each
/// declaration converts its own values.
protocol ArgumentDeclaration {
    /// Adds what this declaration accepts, and how it takes its values, to `arguments`.
    func declare(into arguments: inout DeclaredArguments)
}

/// A group of declarations several commands share (`@OptionGroup var output: ReportOutput`).
/// The type's stored properties are declarations, and `init()` makes them.
protocol OptionGroupContent {
    init()
    /// Checks the group's values together, after they were converted and before the command's
    /// own `validate()`. The default checks nothing. Throws `UsageError` or `LedgerError`.
    func validate() throws
}

extension OptionGroupContent {
    func validate() throws {}
}

/// The storage one wrapper and all its copies share. `DeclaredArguments` reflects a copy of
/// the command; the values it fills in are the ones the running command reads.
final class DeclaredValue<Value> {
    var value: Value?
    /// Where each value stood on the command line (index among the options given).
    var positions: [Int] = []
}

/// The declarations of a command, in the order its stored properties are written: the
/// options and positional arguments the parser accepts and help lists, and how each value is
/// converted. Groups (`@OptionGroup`) are taken in at their place.
struct DeclaredArguments {
    private(set) var options: [OptionSpec] = []
    private(set) var positionals: [PositionalSpec] = []
    private var steps: [(ParsedArguments) throws -> Void] = []

    /// The declarations among the stored properties of `value`, a command or a group.
    init(of value: Any) {
        take(value)
    }

    mutating func take(_ value: Any) {
        for child in Mirror(reflecting: value).children {
            (child.value as? any ArgumentDeclaration)?.declare(into: &self)
        }
    }

    /// An option, and what to do with its occurrences (position on the line and value; a
    /// flag's value is `nil`).
    mutating func addOption(_ spec: OptionSpec, take: @escaping ([(position: Int, value: String?)]) throws -> Void) {
        precondition(!options.contains { $0.name == spec.name }, "\(spec.name) is declared twice")
        options.append(spec)
        steps.append { parsed in
            try take(parsed.occurrences.enumerated().filter { $0.element.name == spec.name }.map { ($0.offset, $0.element.value) })
        }
    }

    /// A positional argument, and what to do with the words at its place (all the remaining
    /// words for a repeated one; none when an optional one is absent).
    mutating func addPositional(_ spec: PositionalSpec, take: @escaping ([String]) throws -> Void) {
        precondition(positionals.last?.isRepeated != true, "\(spec.name) comes after a repeated positional")
        let index = positionals.count
        positionals.append(spec)
        steps.append { parsed in
            let words = parsed.positionals.dropFirst(index)
            try take(Array(spec.isRepeated ? words : words.prefix(1)))
        }
    }

    /// A check that runs after every value declared before it was converted.
    mutating func addCheck(_ check: @escaping () throws -> Void) {
        steps.append { _ in try check() }
    }

    /// Converts every declared value from `parsed`, in declaration order. Throws what a
    /// parser or a group's check throws (`UsageError`, `LedgerError`).
    func fill(from parsed: ParsedArguments) throws {
        for step in steps { try step(parsed) }
    }
}

/// An option that takes a value, declared once with its name, placeholder, help and parser:
///
///     @Option("--date", "YYYY-MM-DD", help: …, parse: LedgerDate.parse) var date: LedgerDate    // required
///     @Option("--memo", "TEXT", help: …) var memo: String?                                      // optional
///     @Option(CommonOptions.format) var format: ReportFormat = .table                            // with a default
///     @Option("--tranche", "DATE:AMOUNT", help: …) var tranches: [String]                        // repeatable
///
/// The type says what the parser requires: a plain type is a required option, an optional
/// or a default value an optional one, an array a repeatable one. Reading the value before
/// the command line was parsed is a programmer error (it traps).
@propertyWrapper
struct Option<Value>: ArgumentDeclaration {
    private let spec: OptionSpec
    private let convert: ([String]) throws -> Value
    private let storage = DeclaredValue<Value>()

    var wrappedValue: Value {
        guard let value = storage.value else { preconditionFailure("\(spec.name) is read before the command line was parsed") }
        return value
    }

    /// Where each value stood among the options given, so that two repeatable options can be
    /// merged in the order they were typed (`--debit`, `--credit`).
    var projectedValue: [Int] { storage.positions }

    private init(spec: OptionSpec, convert: @escaping ([String]) throws -> Value) {
        self.spec = spec
        self.convert = convert
    }

    func declare(into arguments: inout DeclaredArguments) {
        arguments.addOption(spec) { [storage, convert] occurrences in
            storage.value = try convert(occurrences.compactMap(\.value))
            storage.positions = occurrences.map(\.position)
        }
    }

    /// A required option; the parser refuses a command line without it.
    init(_ definition: OptionDefinition<Value>, help: LocalizedText? = nil) {
        self.init(spec: definition.spec(help: help, required: true)) { values in try definition.parse(values[0]) }
    }

    init(_ name: String, _ valueName: String, help: LocalizedText, parse: @escaping (String) throws -> Value) {
        self.init(OptionDefinition(name, valueName, parse: parse), help: help)
    }

    /// An optional option with a value when it is absent.
    init(wrappedValue: Value, _ definition: OptionDefinition<Value>, help: LocalizedText? = nil) {
        self.init(spec: definition.spec(help: help)) { values in try values.first.map(definition.parse) ?? wrappedValue }
    }

    init(wrappedValue: Value, _ name: String, _ valueName: String, help: LocalizedText, parse: @escaping (String) throws -> Value) {
        self.init(wrappedValue: wrappedValue, OptionDefinition(name, valueName, parse: parse), help: help)
    }
}

extension Option where Value == String {
    init(_ name: String, _ valueName: String, help: LocalizedText) {
        self.init(name, valueName, help: help) { $0 }
    }

    init(wrappedValue: String, _ name: String, _ valueName: String, help: LocalizedText) {
        self.init(wrappedValue: wrappedValue, name, valueName, help: help) { $0 }
    }
}

extension Option {
    /// An optional option: `nil` when it is absent.
    init<Wrapped>(_ definition: OptionDefinition<Wrapped>, help: LocalizedText? = nil) where Value == Wrapped? {
        self.init(spec: definition.spec(help: help)) { values in try values.first.map(definition.parse) }
    }

    init<Wrapped>(_ name: String, _ valueName: String, help: LocalizedText, parse: @escaping (String) throws -> Wrapped) where Value == Wrapped? {
        self.init(OptionDefinition(name, valueName, parse: parse), help: help)
    }

    init(_ name: String, _ valueName: String, help: LocalizedText) where Value == String? {
        self.init(name, valueName, help: help) { $0 }
    }

    /// A repeatable option: its values in the order given, none when it is absent.
    init<Element>(_ name: String, _ valueName: String, help: LocalizedText, parse: @escaping (String) throws -> Element) where Value == [Element] {
        self.init(spec: .value(name, valueName, help, repeatable: true)) { values in try values.map(parse) }
    }

    init(_ name: String, _ valueName: String, help: LocalizedText) where Value == [String] {
        self.init(name, valueName, help: help) { $0 }
    }
}

/// An option several commands take with the same name, placeholder and parser (and often
/// the same help): declared once in `CommonOptions`, used as `@Option(CommonOptions.year)`.
struct OptionDefinition<Value> {
    let name: String
    let valueName: String
    /// The help a command shows unless it gives its own.
    let help: LocalizedText?
    /// Converts the text given; throws `UsageError` or `LedgerError` with what is wrong.
    let parse: (String) throws -> Value

    init(_ name: String, _ valueName: String, help: LocalizedText? = nil, parse: @escaping (String) throws -> Value) {
        self.name = name
        self.valueName = valueName
        self.help = help
        self.parse = parse
    }

    func spec(help: LocalizedText?, required: Bool = false) -> OptionSpec {
        guard let help = help ?? self.help else { preconditionFailure("\(name) is declared without help") }
        return .value(name, valueName, help, required: required)
    }
}

/// An option without a value: `@Flag("--in-kind", help: …) var inKind: Bool` is `true` when
/// it was given.
@propertyWrapper
struct Flag: ArgumentDeclaration {
    private let spec: OptionSpec
    private let storage = DeclaredValue<Bool>()

    init(_ name: String, help: LocalizedText) {
        spec = .flag(name, help)
    }

    var wrappedValue: Bool {
        guard let value = storage.value else { preconditionFailure("\(spec.name) is read before the command line was parsed") }
        return value
    }

    func declare(into arguments: inout DeclaredArguments) {
        arguments.addOption(spec) { [storage] occurrences in storage.value = !occurrences.isEmpty }
    }
}

/// A positional argument, in the order the properties are written:
///
///     @Argument("SEQ", help: …, parse: ReverseCommand.sequence) var seq: Int64       // required
///     @Argument("CURRENCY", help: …, parse: …) var currency: Currency?               // optional
///     @Argument("FILE", help: …, count: .oneOrMore) var paths: [String]              // repeated, last
@propertyWrapper
struct Argument<Value>: ArgumentDeclaration {
    /// How many words a repeated positional takes.
    enum Count { case zeroOrMore, oneOrMore }

    private let spec: PositionalSpec
    private let convert: ([String]) throws -> Value
    private let storage = DeclaredValue<Value>()

    var wrappedValue: Value {
        guard let value = storage.value else { preconditionFailure("\(spec.name) is read before the command line was parsed") }
        return value
    }

    func declare(into arguments: inout DeclaredArguments) {
        arguments.addPositional(spec) { [storage, convert] words in storage.value = try convert(words) }
    }

    /// A required positional; the parser refuses a command line without it.
    init(_ name: String, help: LocalizedText, parse: @escaping (String) throws -> Value) {
        spec = PositionalSpec(name, help)
        convert = { words in try parse(words[0]) }
    }

    init<Wrapped>(_ name: String, help: LocalizedText, parse: @escaping (String) throws -> Wrapped) where Value == Wrapped? {
        spec = PositionalSpec(name, help, optional: true)
        convert = { words in try words.first.map(parse) }
    }

    /// The last positional, given any number of times (`FILE FILE…`).
    init(_ name: String, help: LocalizedText, count: Count) where Value == [String] {
        spec = PositionalSpec(name, help, optional: count == .zeroOrMore, repeated: true)
        convert = { $0 }
    }
}

extension Argument where Value == String {
    init(_ name: String, help: LocalizedText) {
        self.init(name, help: help) { $0 }
    }
}

/// Declarations shared by several commands, taken in at this place:
/// `@OptionGroup var output: ReportOutput`. The group's `validate()` runs after its values
/// were converted.
@propertyWrapper
struct OptionGroup<Group: OptionGroupContent>: ArgumentDeclaration {
    let wrappedValue: Group

    init() {
        wrappedValue = Group()
    }

    func declare(into arguments: inout DeclaredArguments) {
        arguments.take(wrappedValue)
        arguments.addCheck(wrappedValue.validate)
    }
}
