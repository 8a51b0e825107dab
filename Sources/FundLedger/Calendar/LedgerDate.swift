/// A calendar date in the proleptic Gregorian calendar, as books are kept: no time, no zone.
///
/// Written `2018-06-01` (ISO 8601) in the ledger and in English, `01/06/2018` in Vietnamese.
public struct LedgerDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The earliest and latest dates an entry may carry.
    public static let earliest = LedgerDate(uncheckedYear: 1900, month: 1, day: 1)
    public static let latest = LedgerDate(uncheckedYear: 2199, month: 12, day: 31)

    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date, or `nil` when the day does not exist or is outside `earliest...latest`.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LedgerDate.daysIn(month: month, year: year) else { return nil }
        self.init(uncheckedYear: year, month: month, day: day)
        guard self >= LedgerDate.earliest && self <= LedgerDate.latest else { return nil }
    }

    /// The date of a `yyyymmdd` key (`dayKey`), or `nil` when it names no valid date.
    init?(dayKey: Int) {
        self.init(year: dayKey / 10_000, month: dayKey / 100 % 100, day: dayKey % 100)
    }

    /// Parses `YYYY-MM-DD` strictly.
    ///
    /// - Throws: `LedgerError` with rule `invalidDate`.
    public static func parse(_ text: String) throws -> LedgerDate {
        var text = text
        switch text.withUTF8({ parse(bytes: UnsafeRawBufferPointer($0)) }) {
        case .date(let date): return date
        case .notWritten:
            throw LedgerError(.invalidDate, LocalizedText("date '\(text)' is not written YYYY-MM-DD", "ngày '\(text)' không viết theo dạng YYYY-MM-DD"), hint: LocalizedText("write dates like 2018-06-01", "hãy viết ngày như 2018-06-01"))
        case .noSuchDay:
            throw LedgerError(.invalidDate, LocalizedText("date '\(text)' does not exist or is outside \(earliest)…\(latest)", "ngày '\(text)' không tồn tại hoặc nằm ngoài khoảng \(earliest)…\(latest)"),
                              hint: LocalizedText("check the day and month, e.g. 2018-02-28 (there is no 2018-02-29)", "hãy kiểm tra ngày và tháng, ví dụ 2018-02-28 (không có ngày 2018-02-29)"))
        }
    }

    /// What `parse(bytes:)` reads.
    enum Parsed {
        case date(LedgerDate)
        /// Not ten bytes `DDDD-DD-DD`.
        case notWritten
        /// Written so, but no such day within `earliest...latest`.
        case noSuchDay
    }

    /// Parses the bytes of `YYYY-MM-DD` strictly, without building a string. A date parses
    /// exactly when its bytes are what `withISOBytes` writes for it.
    static func parse(bytes: UnsafeRawBufferPointer) -> Parsed {
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard bytes[index] >= 48 && bytes[index] <= 57 else { return nil }
                value = value * 10 + Int(bytes[index] - 48)
            }
            return value
        }
        guard bytes.count == 10, bytes[4] == 45, bytes[7] == 45,
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return .notWritten }
        return LedgerDate(year: year, month: month, day: day).map { .date($0) } ?? .noSuchDay
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: LedgerDate, rhs: LedgerDate) -> Bool { lhs.dayKey < rhs.dayKey }

    /// `2018-06-01`.
    public var description: String { iso }

    public var iso: String {
        withISOBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the 10 bytes of `YYYY-MM-DD`, without building a string.
    @inline(__always)
    func withISOBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var bytes: (UInt64, UInt16) = (0, 0)
        return try withUnsafeMutableBytes(of: &bytes) { buffer in
            buffer[0] = UInt8(48 + year / 1000 % 10)
            buffer[1] = UInt8(48 + year / 100 % 10)
            buffer[2] = UInt8(48 + year / 10 % 10)
            buffer[3] = UInt8(48 + year % 10)
            buffer[4] = 45
            buffer[5] = UInt8(48 + month / 10)
            buffer[6] = UInt8(48 + month % 10)
            buffer[7] = 45
            buffer[8] = UInt8(48 + day / 10)
            buffer[9] = UInt8(48 + day % 10)
            return try body(UnsafeRawBufferPointer(rebasing: buffer[0..<10]))
        }
    }

    /// `01/06/2018`, as Vietnamese documents write dates.
    public var vietnamese: String {
        "\(LedgerDate.pad(day, 2))/\(LedgerDate.pad(month, 2))/\(LedgerDate.pad(year, 4))"
    }

    /// The integer `yyyymmdd`, e.g. 20180601: orders like the date and reads like it.
    public var dayKey: Int { year * 10_000 + month * 100 + day }

    /// The integer `yyyymm`, e.g. 201806.
    public var monthKey: Int { year * 100 + month }

    public var firstOfMonth: LedgerDate { LedgerDate(uncheckedYear: year, month: month, day: 1) }

    public var lastOfMonth: LedgerDate {
        LedgerDate(uncheckedYear: year, month: month, day: LedgerDate.daysIn(month: month, year: year))
    }

    public static func firstOf(year: Int) -> LedgerDate { LedgerDate(uncheckedYear: year, month: 1, day: 1) }
    public static func lastOf(year: Int) -> LedgerDate { LedgerDate(uncheckedYear: year, month: 12, day: 31) }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's `days_from_civil`
    /// (http://howardhinnant.github.io/date_algorithms.html).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `daysSinceEpoch` days after 1970-01-01 (Hinnant's `civil_from_days`).
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(uncheckedYear: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    public func adding(days: Int) -> LedgerDate { LedgerDate(daysSinceEpoch: daysSinceEpoch + days) }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
