/// A currency and the number of decimal places of its minor unit (ISO 4217).
///
/// The functional currency of every fund is the Vietnamese dong, which has no minor unit:
/// every line of every entry carries its amount in whole dong.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    /// The ISO 4217 code, e.g. `USD`: three letters, which `String` keeps inline, so that
    /// copying a currency (and every amount) counts no reference. The names are looked up.
    public let code: String
    /// Decimal places of the minor unit: 2 for USD (cents), 0 for VND.
    public let exponent: Int

    init(code: String, exponent: Int) {
        self.code = code
        self.exponent = exponent
    }

    public var nameEnglish: String { Currency.names[code]?.english ?? code }
    public var nameVietnamese: String { Currency.names[code]?.vietnamese ?? code }

    public var description: String { code }

    public static let vnd = Currency(code: "VND", exponent: 0)
    public static let usd = Currency(code: "USD", exponent: 2)

    /// The currencies a ledger knows from `init`, with their ISO 4217 minor units
    /// (https://www.six-group.com/en/products-services/financial-information/data-standards.html).
    private static let table: [(code: String, exponent: Int, english: String, vietnamese: String)] = [
        ("VND", 0, "Vietnamese dong", "Đồng Việt Nam"),
        ("USD", 2, "US dollar", "Đô la Mỹ"),
        ("EUR", 2, "Euro", "Euro"),
        ("GBP", 2, "Pound sterling", "Bảng Anh"),
        ("JPY", 0, "Japanese yen", "Yên Nhật"),
        ("KRW", 0, "South Korean won", "Won Hàn Quốc"),
        ("AUD", 2, "Australian dollar", "Đô la Úc"),
        ("CAD", 2, "Canadian dollar", "Đô la Canada"),
        ("CHF", 2, "Swiss franc", "Franc Thụy Sĩ"),
        ("CNY", 2, "Chinese yuan", "Nhân dân tệ"),
        ("SGD", 2, "Singapore dollar", "Đô la Singapore"),
        ("THB", 2, "Thai baht", "Baht Thái"),
        ("HKD", 2, "Hong Kong dollar", "Đô la Hồng Kông"),
        ("TWD", 2, "New Taiwan dollar", "Đô la Đài Loan"),
        ("NZD", 2, "New Zealand dollar", "Đô la New Zealand"),
        ("SEK", 2, "Swedish krona", "Krona Thụy Điển"),
        ("NOK", 2, "Norwegian krone", "Krone Na Uy"),
        ("DKK", 2, "Danish krone", "Krone Đan Mạch"),
    ]

    public static let known: [Currency] = table.map { Currency(code: $0.code, exponent: $0.exponent) }

    private static let byCode: [String: Currency] = Dictionary(uniqueKeysWithValues: known.map { ($0.code, $0) })
    private static let names: [String: (english: String, vietnamese: String)] =
        Dictionary(uniqueKeysWithValues: table.map { ($0.code, ($0.english, $0.vietnamese)) })

    /// The known currency with this code, or `nil`. The dong and the dollar, most lines'
    /// currencies, are compared before the table is hashed.
    public static func named(_ code: String) -> Currency? {
        if code == "VND" { return .vnd }
        if code == "USD" { return .usd }
        return byCode[code]
    }

    public var isFunctional: Bool { self == .vnd }
}
