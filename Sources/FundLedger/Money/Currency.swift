/// A currency and the number of decimal places of its minor unit (ISO 4217).
///
/// The functional currency of every fund is the Vietnamese dong, which has no minor unit:
/// every line of every entry carries its amount in whole dong.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    /// The code's bytes, and the exponent: two words that copy without reference counting,
    /// where a `String` would count a reference on every copy of every amount.
    private let packedCode: UInt64
    /// Decimal places of the minor unit: 2 for USD (cents), 0 for VND.
    public let exponent: Int

    /// - Parameter code: up to eight ASCII letters (ISO 4217 codes have three); more are cut.
    init(code: String, exponent: Int) {
        var packed: UInt64 = 0
        for byte in code.utf8.prefix(8) { packed = packed << 8 | UInt64(byte) }
        self.packedCode = packed
        self.exponent = exponent
    }

    /// The ISO 4217 code, e.g. `USD`.
    public var code: String {
        var bytes: [UInt8] = []
        var packed = packedCode
        while packed != 0 {
            bytes.append(UInt8(packed & 0xFF))
            packed >>= 8
        }
        return String(decoding: bytes.reversed(), as: UTF8.self)
    }

    public var nameEnglish: String { Currency.names[packedCode]?.english ?? code }
    public var nameVietnamese: String { Currency.names[packedCode]?.vietnamese ?? code }

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
    private static let names: [UInt64: (english: String, vietnamese: String)] =
        Dictionary(uniqueKeysWithValues: table.map { (Currency(code: $0.code, exponent: $0.exponent).packedCode, ($0.english, $0.vietnamese)) })

    /// The known currency with this code, or `nil`. The dong and the dollar, most lines'
    /// currencies, are compared before the table is hashed.
    public static func named(_ code: String) -> Currency? {
        if code == "VND" { return .vnd }
        if code == "USD" { return .usd }
        return byCode[code]
    }

    public var isFunctional: Bool { self == .vnd }
}
