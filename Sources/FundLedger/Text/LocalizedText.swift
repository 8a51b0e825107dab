/// Text in both languages of the product: the unit of `cpf`'s catalogue of texts.
///
/// Every text a person reads — a label, a message, a refusal and its hint, a finding, a help
/// line, a generated description — is written once as a pair, English then Vietnamese, where it
/// is used:
///
///     LocalizedText("account \(code) would be overdrawn by \(amount)",
///                   "tài khoản \(code) sẽ bị chi vượt \(amount)")
///
/// Each half is a `Phrase` of its language, so an amount, a date or a rate interpolated into it
/// is written the way a reader of that language writes it (`-94000000 VND` and `2018-06-01` in
/// English, `-94.000.000 ₫` and `01/06/2018` in Vietnamese). `docs/catalogue.md` lists every
/// pair; `CatalogueTests` fails when a text lacks either language.
///
/// A text never spells how a client takes an input or an action (a flag, a command line): it
/// refers to them as typed pieces, `\(parameter: .reference)` and `\(action: .reverse)`.
/// `english` and `vietnamese` word them neutrally (`NeutralVocabulary`); a client writes its
/// own wording with `rendered(with:)`.
public struct LocalizedText: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The English text, references worded neutrally.
    public let english: String
    /// The Vietnamese text, references worded neutrally.
    public let vietnamese: String
    /// Each language's pieces; nil for a text that refers to no parameter or action.
    let pieces: Pieces?

    /// The pieces of a text that holds references, in each language.
    struct Pieces: Sendable, Hashable {
        var english: [TextPiece]
        var vietnamese: [TextPiece]
    }

    public init(_ english: Phrase<InEnglish>, _ vietnamese: Phrase<InVietnamese>) {
        self.english = english.text
        self.vietnamese = vietnamese.text
        if english.pieces == nil && vietnamese.pieces == nil {
            pieces = nil
        } else {
            pieces = Pieces(english: english.pieces ?? [.literal(english.text)], vietnamese: vietnamese.pieces ?? [.literal(vietnamese.text)])
        }
    }

    /// Texts already written in each language (names read from the registries).
    public init(english: String, vietnamese: String) {
        self.english = english
        self.vietnamese = vietnamese
        self.pieces = nil
    }

    private init(english: String, vietnamese: String, pieces: Pieces?) {
        self.english = english
        self.vietnamese = vietnamese
        self.pieces = pieces
    }


    /// Text that is the same in both languages, e.g. a name a person typed.
    public init(verbatim value: String) {
        self.init(english: value, vietnamese: value)
    }

    public func callAsFunction(_ language: Language) -> String { language == .vietnamese ? vietnamese : english }

    /// The English text (logs, tests, `String(describing:)`).
    public var description: String { english }

    public static let empty = LocalizedText(english: "", vietnamese: "")
    public var isEmpty: Bool { english.isEmpty && vietnamese.isEmpty }

    /// Both texts joined with `separator` in each language.
    public static func joined(_ texts: [LocalizedText], separator: LocalizedText) -> LocalizedText {
        var joined = LocalizedText(english: texts.map(\.english).joined(separator: separator.english),
                                   vietnamese: texts.map(\.vietnamese).joined(separator: separator.vietnamese))
        guard texts.contains(where: { $0.pieces != nil }) || separator.pieces != nil else { return joined }
        var pieces = Pieces(english: [], vietnamese: [])
        for (index, text) in texts.enumerated() {
            if index > 0 { pieces.append(separator) }
            pieces.append(text)
        }
        joined = LocalizedText(english: joined.english, vietnamese: joined.vietnamese, pieces: pieces)
        return joined
    }

    public static func + (left: LocalizedText, right: LocalizedText) -> LocalizedText {
        var pieces: Pieces?
        if left.pieces != nil || right.pieces != nil {
            pieces = Pieces(english: [], vietnamese: [])
            pieces?.append(left)
            pieces?.append(right)
        }
        return LocalizedText(english: left.english + right.english, vietnamese: left.vietnamese + right.vietnamese, pieces: pieces)
    }

    /// The parameters the text refers to, in English order.
    public var parameters: [Parameter] { pieces?.english.flatMap(\.parameters) ?? [] }

    /// The actions the text refers to, in English order.
    public var actions: [Action] { pieces?.english.flatMap(\.actions) ?? [] }

    /// The text's pieces in `language`: one literal for a text without references.
    public func pieces(in language: Language) -> [TextPiece] {
        guard let pieces else { return [.literal(self(language))] }
        return language == .vietnamese ? pieces.vietnamese : pieces.english
    }

    /// The text with its references worded by `vocabulary` (a client's flags and commands);
    /// the text itself when it refers to nothing.
    public func rendered(with vocabulary: some ReferenceVocabulary) -> LocalizedText {
        guard let pieces else { return self }
        return LocalizedText(english: vocabulary.render(pieces.english, in: .english),
                             vietnamese: vocabulary.render(pieces.vietnamese, in: .vietnamese))
    }
}

extension [TextPiece] {
    /// Appends `piece`, joining it to a literal it follows.
    mutating func appendMerging(_ piece: TextPiece) {
        if case .literal(let added) = piece, case .literal(let last)? = self.last {
            self[count - 1] = .literal(last + added)
        } else {
            append(piece)
        }
    }
}

extension LocalizedText.Pieces {
    /// Appends `text`'s pieces in each language.
    mutating func append(_ text: LocalizedText) {
        for piece in text.pieces(in: .english) { english.appendMerging(piece) }
        for piece in text.pieces(in: .vietnamese) { vietnamese.appendMerging(piece) }
    }
}

/// The language a `Phrase` is written in.
public protocol PhraseLanguage: Sendable {
    static var language: Language { get }
}

public enum InEnglish: PhraseLanguage {
    public static var language: Language { .english }
}

public enum InVietnamese: PhraseLanguage {
    public static var language: Language { .vietnamese }
}

/// One language's half of a `LocalizedText`. Amounts, dates, rates and nested texts
/// interpolated into it are written in that language.
public struct Phrase<In: PhraseLanguage>: ExpressibleByStringInterpolation, Sendable {
    /// The text, references worded neutrally.
    public let text: String
    /// The pieces, when the phrase refers to a parameter or an action.
    public let pieces: [TextPiece]?

    public init(stringLiteral value: String) {
        text = value
        pieces = nil
    }

    public init(stringInterpolation: Interpolation) {
        text = stringInterpolation.text
        pieces = stringInterpolation.pieces
    }

    public struct Interpolation: StringInterpolationProtocol {
        var text = ""
        /// Nil until a reference is appended: most texts refer to nothing.
        var pieces: [TextPiece]?

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + 8 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) { appendPlain(literal) }

        /// Appends text that refers to nothing.
        mutating func appendPlain(_ plain: String) {
            text += plain
            if pieces != nil { pieces!.appendMerging(.literal(plain)) }
        }

        /// Appends pieces, worded neutrally in `text`.
        mutating func appendPieces(_ added: [TextPiece]) {
            if pieces == nil { pieces = text.isEmpty ? [] : [.literal(text)] }
            for piece in added { pieces!.appendMerging(piece) }
            text += NeutralVocabulary().render(added, in: In.language)
        }

        /// A parameter the user gives, and the value to give when the text shows one:
        /// `\(parameter: .quantity, "N")`.
        public mutating func appendInterpolation(parameter: Parameter, _ value: Phrase<In>? = nil) {
            appendPieces([.parameter(parameter, value: value?.text)])
        }

        /// An action the user can take, with what they give it:
        /// `\(action: .reverse, "SEQ \(parameter: .reason, "…")", quoted: true)`.
        public mutating func appendInterpolation(action: Action, _ operands: Phrase<In> = "", quoted: Bool = false) {
            appendPieces([.action(action, operands: operands.pieces ?? (operands.text.isEmpty ? [] : [.literal(operands.text)]), quoted: quoted)])
        }

        /// English keeps the plain form the ledger records (`-94000000 VND`); Vietnamese groups
        /// it (`-94.000.000 ₫`).
        public mutating func appendInterpolation(_ amount: Amount) {
            appendPlain(In.language == .vietnamese ? MoneyFormat.vietnamese.format(amount) : amount.description)
        }

        public mutating func appendInterpolation(_ date: LedgerDate) {
            appendPlain(MoneyFormat(language: In.language).format(date))
        }

        public mutating func appendInterpolation(_ rate: Rate) {
            appendPlain(MoneyFormat(language: In.language).rate(rate))
        }

        /// A whole number of dong, grouped in Vietnamese.
        public mutating func appendInterpolation(dong: Int64) {
            appendPlain(In.language == .vietnamese ? MoneyFormat.vietnamese.format(dong: dong) : "\(dong) VND")
        }

        /// An amount grouped in both languages: `1,234,567 VND`, `10,000.00 USD`; `1.234.567 ₫`.
        public mutating func appendInterpolation(grouped amount: Amount) {
            appendPlain(MoneyFormat(language: In.language).format(amount))
        }

        /// Dong grouped in both languages: `1,234,567 VND`; `1.234.567 ₫`.
        public mutating func appendInterpolation(groupedDong dong: Int64) {
            appendPlain(MoneyFormat(language: In.language).format(dong: dong))
        }

        /// A count or quantity, grouped in Vietnamese (`1.000`), plain in English.
        public mutating func appendInterpolation(count: Int64) {
            appendPlain(In.language == .vietnamese ? MoneyFormat.vietnamese.number(count) : String(count))
        }

        public mutating func appendInterpolation(_ localized: LocalizedText) {
            if localized.pieces != nil {
                appendPieces(localized.pieces(in: In.language))
            } else {
                appendPlain(localized(In.language))
            }
        }

        public mutating func appendInterpolation<Value>(_ value: Value) {
            appendPlain(String(describing: value))
        }
    }
}
