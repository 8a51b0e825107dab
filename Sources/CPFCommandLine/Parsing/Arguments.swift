import FundLedger

/// Bad usage: an unknown command or option, a missing value, a missing required option.
/// `cpf` prints the message with a pointer to `--help` and exits with status 2.
public struct UsageError: Error, CustomStringConvertible, Sendable {
    /// What is wrong with the command line, in both languages.
    public let text: LocalizedText
    /// The command whose help to point at, e.g. `post`.
    public let command: String?

    public init(_ text: LocalizedText, command: String? = nil) {
        self.text = text
        self.command = command
    }

    /// The message in English (tests).
    public var message: String { text.english }
    public var description: String { text.english }
}

/// An option a command accepts: `--date YYYY-MM-DD`, or a flag like `--in-kind`.
public struct OptionSpec: Sendable {
    public let name: String
    /// The placeholder shown in help; `nil` for a flag, which takes no value.
    public let valueName: String?
    public let help: LocalizedText
    public let isRepeatable: Bool
    public let isRequired: Bool

    public static func value(_ name: String, _ valueName: String, _ help: LocalizedText, required: Bool = false, repeatable: Bool = false) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, isRepeatable: repeatable, isRequired: required)
    }

    public static func flag(_ name: String, _ help: LocalizedText) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help, isRepeatable: false, isRequired: false)
    }
}

/// A positional argument: `SEQ`, `FILE`.
public struct PositionalSpec: Sendable {
    public let name: String
    public let help: LocalizedText
    public let isOptional: Bool
    /// The last positional may be given more than once (`FILE…`).
    public let isRepeated: Bool

    public init(_ name: String, _ help: LocalizedText, optional: Bool = false, repeated: Bool = false) {
        self.name = name
        self.help = help
        self.isOptional = optional
        self.isRepeated = repeated
    }
}

/// The arguments of one command after parsing: options in the order given, and positionals.
/// Commands never read it: each declaration takes its own values (`DeclaredArguments.fill`).
struct ParsedArguments: Sendable {
    /// Every option occurrence in order, e.g. `[("--debit", "1121 …"), ("--credit", "…")]`.
    let occurrences: [(name: String, value: String?)]
    let positionals: [String]

    /// The value of the option `spec` (the last one given), or `nil`.
    func value(_ spec: OptionSpec) -> String? { occurrences.last { $0.name == spec.name }?.value ?? nil }

    /// Whether the flag `spec` was given.
    func flag(_ spec: OptionSpec) -> Bool { occurrences.contains { $0.name == spec.name } }
}

/// Parses a command's arguments against its declared options and positionals.
///
/// Accepts `--name value` and `--name=value`; `--` ends the options. Unknown options,
/// a missing value, a repeated single option, a missing required option and a wrong number
/// of positionals are usage errors.
enum ArgumentParser {
    static func parse(_ arguments: [String], signature configuration: CommandSignature) throws -> ParsedArguments {
        let options = Dictionary(configuration.options.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var occurrences: [(name: String, value: String?)] = []
        var positionals: [String] = []
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard !optionsEnded, argument.hasPrefix("--"), argument.count > 2 || argument == "--" else {
                positionals.append(argument)
                continue
            }
            if argument == "--" { optionsEnded = true; continue }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let spec = options[name] else {
                let suggestion = Suggestion.closest(to: name, among: configuration.options.map(\.name) + ["--help"])
                throw UsageError(LocalizedText("unknown option \(name) for 'cpf \(configuration.name)'", "lệnh 'cpf \(configuration.name)' không có tùy chọn \(name)")
                                 + (suggestion.map { LocalizedText("; did you mean \($0)?", "; có phải ý bạn là \($0)?") } ?? .empty),
                                 command: configuration.name)
            }
            if !spec.isRepeatable && occurrences.contains(where: { $0.name == name }) {
                throw UsageError(LocalizedText("\(name) is given more than once", "tùy chọn \(name) được ghi nhiều lần"), command: configuration.name)
            }
            guard spec.valueName != nil else {
                if inlineValue != nil { throw UsageError(LocalizedText("\(name) takes no value", "tùy chọn \(name) không nhận giá trị"), command: configuration.name) }
                occurrences.append((name, nil))
                continue
            }
            if let inlineValue {
                occurrences.append((name, inlineValue))
            } else {
                guard index < arguments.count else {
                    throw UsageError(LocalizedText("\(name) needs a value (\(spec.valueName!))", "tùy chọn \(name) cần một giá trị (\(spec.valueName!))"), command: configuration.name)
                }
                occurrences.append((name, arguments[index]))
                index += 1
            }
        }
        // What comes first on the line is asked for first: `cpf reverse` without SEQ is told
        // SEQ is missing, not --reason.
        let requiredCount = configuration.positionals.filter { !$0.isOptional }.count
        if positionals.count < requiredCount {
            let missing = configuration.positionals[positionals.count].name
            throw UsageError(LocalizedText("missing \(missing)", "thiếu \(missing)"), command: configuration.name)
        }
        for spec in configuration.options where spec.isRequired && !occurrences.contains(where: { $0.name == spec.name }) {
            throw UsageError(LocalizedText("missing \(spec.name) \(spec.valueName ?? "")", "thiếu \(spec.name) \(spec.valueName ?? "")"), command: configuration.name)
        }
        if positionals.count > configuration.positionals.count && configuration.positionals.last?.isRepeated != true {
            throw UsageError(LocalizedText("unexpected argument '\(positionals[configuration.positionals.count])'", "thừa đối số '\(positionals[configuration.positionals.count])'"), command: configuration.name)
        }
        return ParsedArguments(occurrences: occurrences, positionals: positionals)
    }
}
