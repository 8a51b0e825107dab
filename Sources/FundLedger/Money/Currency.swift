/// A currency and the number of decimal places of its minor unit (ISO 4217).
///
/// The functional currency of every fund is the Vietnamese dong, which has no minor unit:
/// every line of every entry carries its amount in whole dong.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    /// The ISO 4217 code, e.g. `USD`.
    public let code: String
    /// Decimal places of the minor unit: 2 for USD (cents), 0 for VND.
    public let exponent: Int
    public let nameEnglish: String
    public let nameVietnamese: String

    public var description: String { code }

    public static let vnd = Currency(code: "VND", exponent: 0, nameEnglish: "Vietnamese dong", nameVietnamese: "Đồng Việt Nam")
    public static let usd = Currency(code: "USD", exponent: 2, nameEnglish: "US dollar", nameVietnamese: "Đô la Mỹ")

    /// The currencies a ledger knows from `init`, with their ISO 4217 minor units
    /// (https://www.six-group.com/en/products-services/financial-information/data-standards.html).
    public static let known: [Currency] = [
        .vnd, .usd,
        Currency(code: "EUR", exponent: 2, nameEnglish: "Euro", nameVietnamese: "Euro"),
        Currency(code: "GBP", exponent: 2, nameEnglish: "Pound sterling", nameVietnamese: "Bảng Anh"),
        Currency(code: "JPY", exponent: 0, nameEnglish: "Japanese yen", nameVietnamese: "Yên Nhật"),
        Currency(code: "KRW", exponent: 0, nameEnglish: "South Korean won", nameVietnamese: "Won Hàn Quốc"),
        Currency(code: "AUD", exponent: 2, nameEnglish: "Australian dollar", nameVietnamese: "Đô la Úc"),
        Currency(code: "CAD", exponent: 2, nameEnglish: "Canadian dollar", nameVietnamese: "Đô la Canada"),
        Currency(code: "CHF", exponent: 2, nameEnglish: "Swiss franc", nameVietnamese: "Franc Thụy Sĩ"),
        Currency(code: "CNY", exponent: 2, nameEnglish: "Chinese yuan", nameVietnamese: "Nhân dân tệ"),
        Currency(code: "SGD", exponent: 2, nameEnglish: "Singapore dollar", nameVietnamese: "Đô la Singapore"),
        Currency(code: "THB", exponent: 2, nameEnglish: "Thai baht", nameVietnamese: "Baht Thái"),
        Currency(code: "HKD", exponent: 2, nameEnglish: "Hong Kong dollar", nameVietnamese: "Đô la Hồng Kông"),
        Currency(code: "TWD", exponent: 2, nameEnglish: "New Taiwan dollar", nameVietnamese: "Đô la Đài Loan"),
        Currency(code: "NZD", exponent: 2, nameEnglish: "New Zealand dollar", nameVietnamese: "Đô la New Zealand"),
        Currency(code: "SEK", exponent: 2, nameEnglish: "Swedish krona", nameVietnamese: "Krona Thụy Điển"),
        Currency(code: "NOK", exponent: 2, nameEnglish: "Norwegian krone", nameVietnamese: "Krone Na Uy"),
        Currency(code: "DKK", exponent: 2, nameEnglish: "Danish krone", nameVietnamese: "Krone Đan Mạch"),
    ]

    private static let byCode: [String: Currency] = Dictionary(uniqueKeysWithValues: known.map { ($0.code, $0) })

    /// The known currency with this code, or `nil`.
    public static func named(_ code: String) -> Currency? { byCode[code] }

    public var isFunctional: Bool { self == .vnd }
}
