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
public struct LocalizedText: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let english: String
    public let vietnamese: String

    public init(_ english: Phrase<InEnglish>, _ vietnamese: Phrase<InVietnamese>) {
        self.english = english.text
        self.vietnamese = vietnamese.text
    }

    /// Texts already written in each language (names read from the registries).
    public init(english: String, vietnamese: String) {
        self.english = english
        self.vietnamese = vietnamese
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
        LocalizedText(english: texts.map(\.english).joined(separator: separator.english),
                      vietnamese: texts.map(\.vietnamese).joined(separator: separator.vietnamese))
    }

    public static func + (left: LocalizedText, right: LocalizedText) -> LocalizedText {
        LocalizedText(english: left.english + right.english, vietnamese: left.vietnamese + right.vietnamese)
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
    public let text: String

    public init(stringLiteral value: String) { text = value }
    public init(stringInterpolation: Interpolation) { text = stringInterpolation.text }

    public struct Interpolation: StringInterpolationProtocol {
        var text = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + 8 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) { text += literal }

        /// English keeps the plain form the ledger records (`-94000000 VND`); Vietnamese groups
        /// it (`-94.000.000 ₫`).
        public mutating func appendInterpolation(_ amount: Amount) {
            text += In.language == .vietnamese ? MoneyFormat.vietnamese.format(amount) : amount.description
        }

        public mutating func appendInterpolation(_ date: LedgerDate) {
            text += MoneyFormat(language: In.language).format(date)
        }

        public mutating func appendInterpolation(_ rate: Rate) {
            text += MoneyFormat(language: In.language).rate(rate)
        }

        /// A whole number of dong, grouped in Vietnamese.
        public mutating func appendInterpolation(dong: Int64) {
            text += In.language == .vietnamese ? MoneyFormat.vietnamese.format(dong: dong) : "\(dong) VND"
        }

        /// An amount grouped in both languages: `1,234,567 VND`, `10,000.00 USD`; `1.234.567 ₫`.
        public mutating func appendInterpolation(grouped amount: Amount) {
            text += MoneyFormat(language: In.language).format(amount)
        }

        /// Dong grouped in both languages: `1,234,567 VND`; `1.234.567 ₫`.
        public mutating func appendInterpolation(groupedDong dong: Int64) {
            text += MoneyFormat(language: In.language).format(dong: dong)
        }

        /// A count or quantity, grouped in Vietnamese (`1.000`), plain in English.
        public mutating func appendInterpolation(count: Int64) {
            text += In.language == .vietnamese ? MoneyFormat.vietnamese.number(count) : String(count)
        }

        public mutating func appendInterpolation(_ localized: LocalizedText) {
            text += localized(In.language)
        }

        public mutating func appendInterpolation<Value>(_ value: Value) {
            text += String(describing: value)
        }
    }
}
