/// One piece of a text that refers to what the user gives or does: the library writes the
/// reference, a client's `ReferenceVocabulary` writes its wording (`cpf` writes flags and
/// command lines). A `LocalizedText` without references has no pieces.
public indirect enum TextPiece: Sendable, Hashable {
    /// Text written as it is.
    case literal(String)
    /// An input, with the value to give when the text shows one (`"N"`, `"\"400000000 VND\""`).
    case parameter(Parameter, value: String?)
    /// An action, with what the user gives it; `quoted` when a client writes it as a quoted
    /// command line.
    case action(Action, operands: [TextPiece], quoted: Bool)

    /// The parameters this piece names, those inside an action's operands included.
    var parameters: [Parameter] {
        switch self {
        case .literal: []
        case .parameter(let parameter, _): [parameter]
        case .action(_, let operands, _): operands.flatMap(\.parameters)
        }
    }

    /// The actions this piece names.
    var actions: [Action] {
        if case .action(let action, let operands, _) = self { return [action] + operands.flatMap(\.actions) }
        return []
    }
}

/// How a client words the parameters and actions a text refers to. The library writes
/// `NeutralVocabulary`'s wording into `LocalizedText.english` and `.vietnamese`; a client
/// renders a text in its own with `LocalizedText.rendered(with:)`.
public protocol ReferenceVocabulary: Sendable {
    /// The wording of `parameter`, followed by `value` when there is one.
    func parameter(_ parameter: Parameter, value: String?, in language: Language) -> String
    /// The wording of `action` with its operands; `quoted` asks for a quoted command line.
    func action(_ action: Action, operands: [TextPiece], quoted: Bool, in language: Language) -> String
}

extension ReferenceVocabulary {
    /// The pieces written in this vocabulary.
    public func render(_ pieces: [TextPiece], in language: Language) -> String {
        var text = ""
        for piece in pieces {
            switch piece {
            case .literal(let literal): text += literal
            case .parameter(let parameter, let value): text += self.parameter(parameter, value: value, in: language)
            case .action(let action, let operands, let quoted): text += self.action(action, operands: operands, quoted: quoted, in: language)
            }
        }
        return text
    }
}

/// The wording for a client that has none of its own: each parameter and action by its
/// `name`, e.g. "voucher reference", "reversing an entry (SEQ, reason …)".
public struct NeutralVocabulary: ReferenceVocabulary {
    public init() {}

    public func parameter(_ parameter: Parameter, value: String?, in language: Language) -> String {
        guard let value else { return parameter.name(language) }
        return "\(parameter.name(language)) \(value)"
    }

    public func action(_ action: Action, operands: [TextPiece], quoted: Bool, in language: Language) -> String {
        let given = String(render(operands, in: language).drop { $0 == " " })
        return given.isEmpty ? action.name(language) : "\(action.name(language)) (\(given))"
    }
}
