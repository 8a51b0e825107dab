/// How amounts, numbers and dates are shown to people, in Vietnamese or English.
///
/// Vietnamese: `1.234.567 ₫`, `10.000,00 USD`, `01/06/2018`.
/// English: `1,234,567 VND`, `10,000.00 USD`, `2018-06-01`.
/// Machine formats (CSV, JSON) never use this: they carry plain integers in minor units.
public struct MoneyFormat: Sendable {
    public let language: Language

    public static let english = MoneyFormat(language: .english)
    public static let vietnamese = MoneyFormat(language: .vietnamese)

    public init(language: Language) { self.language = language }

    private var groupSeparator: String { language == .vietnamese ? "." : "," }
    private var decimalSeparator: String { language == .vietnamese ? "," : "." }

    /// A number in minor units with its decimals and grouping: `1,234,567.89`.
    public func number(_ minorUnits: Int64, exponent: Int = 0) -> String {
        let text = Amount.decimalText(minorUnits, exponent: exponent)
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        return (negative ? "-" : "") + grouped(unsigned)
    }

    /// An unsigned decimal text (`1234567.89`) with this language's grouping and decimal mark.
    private func grouped(_ decimal: String) -> String {
        let parts = decimal.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Array(parts[0])
        var text = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { text += groupSeparator }
            text.append(digit)
        }
        if parts.count == 2 { text += decimalSeparator + parts[1] }
        return text
    }

    /// An exchange rate as a reader of this language writes it: Vietnamese groups it and uses
    /// the decimal comma (`23.175,5`); English keeps the exact decimal as recorded (`23175.5`),
    /// as the rate table and the chain write it.
    public func rate(_ rate: Rate) -> String {
        language == .vietnamese ? grouped(rate.description) : rate.description
    }

    /// Dong: `1,234,567 VND` or `1.234.567 ₫`.
    public func format(dong: Int64) -> String {
        language == .vietnamese ? "\(number(dong)) ₫" : "\(number(dong)) VND"
    }

    /// Any amount: dong as `format(dong:)`, other currencies as `10,000.00 USD`.
    public func format(_ amount: Amount) -> String {
        amount.currency == .vnd ? format(dong: amount.minorUnits)
            : "\(number(amount.minorUnits, exponent: amount.currency.exponent)) \(amount.currency.code)"
    }

    /// A date: ISO in English, `dd/MM/yyyy` in Vietnamese.
    public func format(_ date: LedgerDate) -> String {
        language == .vietnamese ? date.vietnamese : date.iso
    }

    /// A ratio as a percentage with one decimal, e.g. `275.0 %` (`275,0 %` in Vietnamese),
    /// rounded half-even; `nil` when the base is zero.
    public func percentage(_ part: Int64, of whole: Int64) -> String? {
        guard whole != 0 else { return nil }
        let tenths = Rate.divideRoundingHalfEven(Int128(part) * 1000 * (whole < 0 ? -1 : 1), Int128(whole.magnitude))
        return number(Int64(clamping: tenths), exponent: 1) + " %"
    }
}
