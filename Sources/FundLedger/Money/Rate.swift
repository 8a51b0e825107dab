/// An exact exchange rate: how many dong one whole unit of a foreign currency is worth,
/// e.g. `22750` VND per USD, or `23175.5`.
///
/// Stored as an integer with a decimal scale (`231755` with scale 1), never as a floating
/// point number. Its canonical text (no trailing zeros after the point) is what the ledger
/// stores and hashes.
public struct Rate: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The rate times 10^scale.
    public let scaledValue: Int64
    /// Decimal places, 0 through `scaleMax`.
    public let scale: Int

    /// Rates carry at most 8 decimal places.
    public static let scaleMax = 8
    /// No real rate against the dong comes near a billion dong per unit.
    public static let valueMax: Int64 = 1_000_000_000

    /// Creates a rate from its scaled integer, normalized so equal rates compare equal.
    public init(scaledValue: Int64, scale: Int) {
        precondition(scaledValue > 0 && scale >= 0 && scale <= Rate.scaleMax)
        var value = scaledValue
        var scale = scale
        while scale > 0 && value % 10 == 0 {
            value /= 10
            scale -= 1
        }
        self.scaledValue = value
        self.scale = scale
    }

    /// The canonical text: `22750`, `23175.5`.
    public var description: String { Amount.decimalText(scaledValue, exponent: scale) }

    public static func < (lhs: Rate, rhs: Rate) -> Bool {
        let common = max(lhs.scale, rhs.scale)
        return Int128(lhs.scaledValue) * Int128(powerOfTen(common - lhs.scale))
            < Int128(rhs.scaledValue) * Int128(powerOfTen(common - rhs.scale))
    }

    /// Whether `bytes` are a rate written as `description` writes one: `0` or a whole number
    /// without leading zeros below `valueMax`, then nothing or `.` and 1 to `scaleMax` digits
    /// of which the last is not 0, and not zero. Such text parses (`parse`) to a rate whose description is the same text,
    /// so `verify` hashes it as stored without parsing it (`ChainScan`).
    static func isCanonical(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        var nonZero = false
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            nonZero = nonZero || bytes[index] != 0x30
            index += 1
        }
        // 1 to 9 whole digits (below 10^9 = valueMax), no leading zero but for "0" itself.
        guard index >= 1, index <= 9, index == 1 || bytes[0] != 0x30 else { return false }
        guard index < bytes.count else { return nonZero }
        guard bytes[index] == 0x2E else { return false }
        let fractionStart = index + 1
        index = fractionStart
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            nonZero = nonZero || bytes[index] != 0x30
            index += 1
        }
        return index == bytes.count && index > fractionStart && index - fractionStart <= scaleMax && bytes[index - 1] != 0x30 && nonZero
    }

    /// Parses a rate typed by a user or read from the ledger: a positive plain decimal.
    ///
    /// - Throws: `LedgerError` with rule `invalidRate`.
    public static func parse(_ text: String) throws -> Rate {
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = pieces[0]
        let fraction = pieces.count == 2 ? pieces[1] : ""
        guard pieces.count <= 2, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit),
              pieces.count == 1 || !fraction.isEmpty else {
            throw LedgerError(.invalidRate, LocalizedText("rate '\(text)' is not a plain positive decimal number", "tỷ giá '\(text)' không phải số thập phân dương thông thường"),
                              hint: LocalizedText("write dong per one unit of the currency with '.' as the decimal point and no separators, e.g. 22750 or 23175.5", "hãy ghi số đồng cho một đơn vị ngoại tệ, dùng '.' làm dấu thập phân và không có dấu phân cách, ví dụ 22750 hoặc 23175.5"))
        }
        guard fraction.count <= scaleMax else {
            throw LedgerError(.invalidRate, LocalizedText("rate '\(text)' has more than \(scaleMax) decimals", "tỷ giá '\(text)' có quá \(scaleMax) chữ số thập phân"), hint: LocalizedText("round it to \(scaleMax) decimals at most", "hãy làm tròn đến tối đa \(scaleMax) chữ số thập phân"))
        }
        let digits = (whole + fraction).drop(while: { $0 == "0" })
        guard digits.count <= 18, let scaled = Int64(digits.isEmpty ? "0" : String(digits)) else {
            throw LedgerError(.invalidRate, LocalizedText("rate '\(text)' is too large", "tỷ giá '\(text)' quá lớn"), hint: LocalizedText("a rate is dong per one unit of the foreign currency", "tỷ giá là số đồng cho một đơn vị ngoại tệ"))
        }
        guard scaled > 0 else {
            throw LedgerError(.invalidRate, LocalizedText("rate '\(text)' is zero", "tỷ giá '\(text)' bằng 0"), hint: LocalizedText("a rate must be positive", "tỷ giá phải là số dương"))
        }
        let rate = Rate(scaledValue: scaled, scale: fraction.count)
        guard rate < Rate(scaledValue: valueMax, scale: 0) else {
            throw LedgerError(.invalidRate, LocalizedText("rate '\(text)' is not plausible: more than \(valueMax) dong per unit", "tỷ giá '\(text)' không hợp lý: hơn \(valueMax) đồng cho một đơn vị"),
                              hint: LocalizedText("a rate is dong per one unit of the foreign currency, e.g. 22750 for USD", "tỷ giá là số đồng cho một đơn vị ngoại tệ, ví dụ 22750 cho USD"))
        }
        return rate
    }

    /// The dong value of `amount` at this rate, rounded half-to-even to the whole dong.
    ///
    /// Exact: `amount.minorUnits × scaledValue / 10^(scale + exponent)` in 128-bit integers,
    /// then one rounding step. 10000.00 USD at 22750 is 227,500,000 VND.
    ///
    /// - Throws: `LedgerError` with rule `overflow` when the result does not fit a line.
    public func convertToDong(_ amount: Amount) throws -> Int64 {
        let numerator = Int128(amount.minorUnits) * Int128(scaledValue)
        let denominator = Int128(powerOfTen(scale + amount.currency.exponent))
        let rounded = Rate.divideRoundingHalfEven(numerator, denominator)
        guard rounded.magnitude <= UInt128(Amount.magnitudeMax) else {
            throw LedgerError(.overflow, LocalizedText("\(amount) at \(self) is more than one line can carry", "\(amount) theo tỷ giá \(self) vượt quá mức một dòng có thể ghi"),
                              hint: LocalizedText("split it into several lines or entries", "hãy tách thành nhiều dòng hoặc nhiều bút toán"))
        }
        return Int64(rounded)
    }

    /// `numerator / denominator` rounded to the nearest integer, ties to the even one
    /// (banker's rounding, IEEE 754 roundTiesToEven), for either sign of the numerator.
    public static func divideRoundingHalfEven(_ numerator: Int128, _ denominator: Int128) -> Int128 {
        precondition(denominator > 0)
        let quotient = numerator / denominator      // truncates toward zero
        let remainder = numerator % denominator     // same sign as the numerator
        let twiceRemainder = remainder.magnitude * 2
        let away: Int128 = numerator < 0 ? -1 : 1
        if twiceRemainder > denominator.magnitude { return quotient + away }
        if twiceRemainder == denominator.magnitude && quotient % 2 != 0 { return quotient + away }
        return quotient
    }

    /// The exact rate `dong / amount` if it has at most `scaleMax` decimals, else `nil`.
    /// Used to state the rate actually obtained in a conversion.
    public static func implied(dong: Int64, by amount: Amount) -> Rate? {
        guard dong > 0, amount.minorUnits > 0 else { return nil }
        for scale in 0...scaleMax {
            let numerator = Int128(dong) * Int128(powerOfTen(scale + amount.currency.exponent))
            if numerator % Int128(amount.minorUnits) == 0 {
                let value = numerator / Int128(amount.minorUnits)
                guard value <= Int128(Int64.max) else { return nil }
                return Rate(scaledValue: Int64(value), scale: scale)
            }
        }
        return nil
    }
}
