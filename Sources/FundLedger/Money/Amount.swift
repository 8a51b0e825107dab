/// An exact amount of money: an integer count of the currency's minor units.
///
/// `Amount(minorUnits: 1_000_000, currency: .usd)` is 10,000.00 USD. There is no floating
/// point anywhere in money; arithmetic that would overflow `Int64` throws instead of wrapping.
public struct Amount: Hashable, Sendable, CustomStringConvertible {
    public let minorUnits: Int64
    public let currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// An amount in Vietnamese dong.
    public static func vnd(_ dong: Int64) -> Amount { Amount(minorUnits: dong, currency: .vnd) }

    public var isZero: Bool { minorUnits == 0 }
    public var isNegative: Bool { minorUnits < 0 }

    public var negated: Amount { Amount(minorUnits: -minorUnits, currency: currency) }

    /// The amount as typed by a user: `10000.00 USD`, `-227500000 VND`.
    public var description: String { "\(Amount.decimalText(minorUnits, exponent: currency.exponent)) \(currency.code)" }

    /// The number alone, with exactly `exponent` decimals and no grouping: `10000.00`.
    public var decimalText: String { Amount.decimalText(minorUnits, exponent: currency.exponent) }

    static func decimalText(_ minorUnits: Int64, exponent: Int) -> String {
        let magnitude = minorUnits.magnitude
        let sign = minorUnits < 0 ? "-" : ""
        guard exponent > 0 else { return sign + String(magnitude) }
        let scale = UInt64(powerOfTen(exponent))
        let fraction = String(magnitude % scale)
        let padded = String(repeating: "0", count: exponent - fraction.count) + fraction
        return "\(sign)\(magnitude / scale).\(padded)"
    }

    /// The sum, or an `overflow` refusal.
    public func adding(_ other: Amount) throws -> Amount {
        precondition(currency == other.currency, "adding \(currency) to \(other.currency)")
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        guard !overflow else {
            throw LedgerError(.overflow, LocalizedText("\(self) + \(other) is beyond what the ledger can hold", "\(self) + \(other) vượt quá mức sổ có thể ghi"),
                              hint: LocalizedText("split the amount into several entries", "hãy tách số tiền thành nhiều bút toán"))
        }
        return Amount(minorUnits: sum, currency: currency)
    }
}

/// 10^exponent for small exponents.
@inline(__always)
func powerOfTen(_ exponent: Int) -> Int64 {
    precondition(exponent >= 0 && exponent <= 18)
    var result: Int64 = 1
    for _ in 0..<exponent { result &*= 10 }
    return result
}

extension Amount {
    /// The largest amount a single line may carry, in minor units of any currency:
    /// 10^15 − 1 (999 trillion dong is about forty billion US dollars). With at most
    /// `JournalEntry.lineCountMax` lines an entry's totals stay far inside `Int64`.
    public static let magnitudeMax: Int64 = 999_999_999_999_999

    /// Parses an amount as a user types it: a plain decimal number, a space, and a currency
    /// code — `10000.00 USD`, `227500000 VND`.
    ///
    /// Anything that could be read two ways is refused rather than guessed: grouping
    /// separators (`227,500,000` or `227.500.000`), more decimals than the currency has,
    /// a missing currency, exponents, spaces inside the number.
    ///
    /// - Parameter allowNegative: whether a leading `-` is accepted. The default is `false`.
    /// - Throws: `LedgerError` with rule `invalidAmount`, `unknownCurrency` or `overflow`.
    public static func parse(_ text: String, allowNegative: Bool = false) throws -> Amount {
        let trimmed = text.trimmingSpaces()
        let parts = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2 else {
            if parts.count == 1, parts[0].contains(where: \.isNumber), !parts[0].contains(where: \.isLetter) {
                throw LedgerError(.invalidAmount, LocalizedText("amount '\(text)' has no currency", "số tiền '\(text)' không ghi loại tiền"),
                                  hint: LocalizedText("write the currency code after the number, e.g. '\(parts[0]) VND' or '\(parts[0]) USD'", "hãy ghi mã loại tiền sau số, ví dụ '\(parts[0]) VND' hoặc '\(parts[0]) USD'"))
            }
            throw LedgerError(.invalidAmount, LocalizedText("amount '\(text)' is not a number followed by a currency code", "số tiền '\(text)' không phải là một số kèm mã loại tiền"),
                              hint: LocalizedText("write it like '10000.00 USD' or '227500000 VND' (no grouping separators)", "hãy viết như '10000.00 USD' hoặc '227500000 VND' (không có dấu phân cách hàng nghìn)"))
        }
        return try parse(number: String(parts[0]), currencyCode: String(parts[1]), allowNegative: allowNegative, original: text)
    }

    /// Parses an amount whose number and currency code come apart, as in two columns of an
    /// import file, by the same rules as `parse(_:allowNegative:)`.
    ///
    /// - Parameter original: the amount as the messages quote it; the default is the number,
    ///   a space and the code.
    public static func parse(number: String, currencyCode code: String, allowNegative: Bool = false,
                             original: @autoclosure () -> String? = nil) throws -> Amount {
        func text() -> String { original() ?? "\(number) \(code)" }
        // Most amounts are plain digits in a known currency; only the rest are examined
        // character by character for the mistake to name.
        if let currency = Currency.named(code),
           let minorUnits = plainDecimal(number.utf8, exponent: currency.exponent, allowNegative: allowNegative) {
            return Amount(minorUnits: minorUnits, currency: currency)
        }
        if number.allSatisfy(\.isLetter), code.first?.isNumber == true {
            throw LedgerError(.invalidAmount, LocalizedText("amount '\(text())' puts the currency first", "số tiền '\(text())' ghi loại tiền trước số"),
                              hint: LocalizedText("write the number first: '\(code) \(number)'", "hãy ghi số trước: '\(code) \(number)'"))
        }
        guard let currency = Currency.named(code) else {
            throw LedgerError(.unknownCurrency, LocalizedText("unknown currency '\(code)' in amount '\(text())'", "loại tiền '\(code)' trong số tiền '\(text())' không có trong sổ"),
                              hint: LocalizedText("use an ISO 4217 code the ledger knows: \(Currency.known.map(\.code).joined(separator: ", "))", "hãy dùng mã ISO 4217 mà sổ biết: \(Currency.known.map(\.code).joined(separator: ", "))"))
        }
        let minorUnits = try parseDecimal(number, exponent: currency.exponent, allowNegative: allowNegative, original: text(), currency: currency)
        return Amount(minorUnits: minorUnits, currency: currency)
    }

    private static func parseDecimal(_ number: String, exponent: Int, allowNegative: Bool, original: @autoclosure () -> String, currency: Currency) throws -> Int64 {
        if let value = plainDecimal(number.utf8, exponent: exponent, allowNegative: allowNegative) { return value }
        var digits = Substring(number)
        var negative = false
        if digits.first == "-" {
            guard allowNegative else {
                throw LedgerError(.invalidAmount, LocalizedText("amount '\(original())' is negative", "số tiền '\(original())' là số âm"),
                                  hint: LocalizedText("give a positive amount; the side (debit or credit) says its direction", "hãy ghi số tiền dương; bên Nợ hay Có cho biết chiều của nó"))
            }
            negative = true
            digits = digits.dropFirst()
        }
        let pieces = digits.split(separator: ".", omittingEmptySubsequences: false)
        if digits.contains(",") || pieces.count > 2 {
            throw LedgerError(.invalidAmount, LocalizedText("amount '\(original())' has grouping separators", "số tiền '\(original())' có dấu phân cách hàng nghìn"),
                              hint: LocalizedText("write the number without separators, e.g. '227500000 VND'; a '.' is only the decimal point", "hãy viết số không có dấu phân cách, ví dụ '227500000 VND'; dấu '.' chỉ là dấu thập phân"))
        }
        let whole = pieces[0]
        let fraction = pieces.count == 2 ? pieces[1] : ""
        guard !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit),
              pieces.count == 1 || !fraction.isEmpty else {
            throw LedgerError(.invalidAmount, LocalizedText("amount '\(original())' is not a plain decimal number", "số tiền '\(original())' không phải số thập phân thông thường"),
                              hint: LocalizedText("use digits and at most one '.', e.g. '10000.00 USD'", "hãy dùng chữ số và tối đa một dấu '.', ví dụ '10000.00 USD'"))
        }
        if fraction.count > exponent {
            if exponent == 0 {
                let grouped = fraction.count == 3
                throw LedgerError(.invalidAmount,
                                  LocalizedText("amount '\(original())' has decimals, but \(currency.code) has no minor unit", "số tiền '\(original())' có phần thập phân, nhưng \(currency.code) không có đơn vị lẻ")
                    + (grouped ? LocalizedText(" ('.' here looks like a thousands separator)", " (dấu '.' ở đây trông như dấu phân cách hàng nghìn)") : .empty),
                                  hint: LocalizedText("write whole \(currency.code) without separators, e.g. '\(whole)\(grouped ? fraction : "") \(currency.code)'",
                                                  "hãy ghi số \(currency.code) nguyên, không có dấu phân cách, ví dụ '\(whole)\(grouped ? fraction : "") \(currency.code)'"))
            }
            throw LedgerError(.invalidAmount, LocalizedText("amount '\(original())' has \(fraction.count) decimals; \(currency.code) has \(exponent)", "số tiền '\(original())' có \(fraction.count) chữ số thập phân; \(currency.code) có \(exponent)"),
                              hint: LocalizedText("round it yourself to \(exponent) decimals; the ledger never guesses", "hãy tự làm tròn đến \(exponent) chữ số thập phân; sổ không bao giờ tự đoán"))
        }
        let paddedFraction = String(fraction) + String(repeating: "0", count: exponent - fraction.count)
        let allDigits = (whole + paddedFraction).drop(while: { $0 == "0" })
        guard allDigits.count <= 18, let magnitude = Int64(allDigits.isEmpty ? "0" : String(allDigits)),
              magnitude <= magnitudeMax else {
            throw LedgerError(.overflow, LocalizedText("amount '\(original())' is too large; the most one line can carry is \(Amount.decimalText(magnitudeMax, exponent: exponent)) \(currency.code)", "số tiền '\(original())' quá lớn; mỗi dòng ghi tối đa \(Amount.decimalText(magnitudeMax, exponent: exponent)) \(currency.code)"),
                              hint: LocalizedText("split it into several lines or entries", "hãy tách thành nhiều dòng hoặc nhiều bút toán"))
        }
        return negative ? -magnitude : magnitude
    }
}

extension Amount {
    /// The minor units of a well-formed number (`-`? digits, then `.` and at most `exponent`
    /// digits), read byte by byte; `nil` for anything else, which the careful path then
    /// refuses with its message. Never a different value than the careful path's.
    static func plainDecimal(_ bytes: String.UTF8View, exponent: Int, allowNegative: Bool) -> Int64? {
        var value: Int64 = 0
        var digitCount = 0
        var fractionCount: Int?
        var negative = false
        for (offset, byte) in bytes.enumerated() {
            switch byte {
            case 0x30...0x39:
                digitCount += 1
                guard digitCount <= 18 else { return nil }
                value = value * 10 + Int64(byte - 0x30)
                if let count = fractionCount {
                    fractionCount = count + 1
                    guard count + 1 <= exponent else { return nil }
                }
            case 0x2E where fractionCount == nil && digitCount > 0:
                fractionCount = 0
            case 0x2D where offset == 0 && allowNegative:
                negative = true
            default:
                return nil
            }
        }
        guard digitCount > 0, fractionCount != 0 else { return nil }
        let missing = exponent - (fractionCount ?? 0)
        guard digitCount + missing <= 18 else { return nil }
        for _ in 0..<missing { value *= 10 }
        guard value <= magnitudeMax else { return nil }
        return negative ? -value : value
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs. Spaces and tabs are ASCII, so
    /// the ends are found on the UTF-8 view without decoding characters (import parses
    /// millions of fields).
    func trimmingSpaces() -> String {
        let bytes = utf8
        var start: String.Index?
        var end = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let next = bytes.index(after: index)
            if bytes[index] != 0x20 && bytes[index] != 0x09 {
                if start == nil { start = index }
                end = next
            }
            index = next
        }
        guard let start else { return "" }
        return String(self[start..<end])
    }
}
