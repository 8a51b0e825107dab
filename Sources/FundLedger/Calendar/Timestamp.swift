#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A moment in UTC with millisecond precision, written `2026-11-22T14:40:05.123Z`.
///
/// Entries record when they were posted as a `Timestamp`; it is part of the hashed header.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public let millisecondsSinceEpoch: Int64

    public init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    /// A moment that stands for "now" in place of the system clock, set once when a process
    /// starts (`cpf` reads it from `CPF_NOW`), so a test or a reproducible demo does not
    /// depend on the day it runs. `nil`, the system clock.
    nonisolated(unsafe) public static var fixedNow: Timestamp?

    /// The current time: `fixedNow`, else the system's real-time clock.
    public static func now() -> Timestamp {
        if let fixedNow { return fixedNow }
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Timestamp(millisecondsSinceEpoch: Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000)
    }

    /// Today's date in the machine's local time zone (Vietnam is UTC+7, so a UTC date would
    /// be yesterday's until 07:00).
    public static func today() -> LedgerDate {
        var now = fixedNow.map { time_t($0.millisecondsSinceEpoch / 1000) } ?? time(nil)
        var local = tm()
        localtime_r(&now, &local)
        return LedgerDate(year: Int(local.tm_year) + 1900, month: Int(local.tm_mon) + 1, day: Int(local.tm_mday)) ?? Timestamp.now().date
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch }

    /// The UTC calendar date of this moment.
    public var date: LedgerDate {
        LedgerDate(daysSinceEpoch: Int(floorDivide(millisecondsSinceEpoch, 86_400_000)))
    }

    public var description: String { iso }

    /// ISO 8601 in UTC: `2026-11-22T14:40:05.123Z`.
    public var iso: String {
        withISOBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the 24 bytes of `iso`, without building a string.
    func withISOBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        let milliseconds = Int(millisecondsSinceEpoch - floorDivide(millisecondsSinceEpoch, 86_400_000) * 86_400_000)
        let seconds = milliseconds / 1000
        var bytes: (UInt64, UInt64, UInt64) = (0, 0, 0)
        return withUnsafeMutableBytes(of: &bytes) { buffer in
            date.withISOBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: 10) }
            let parts = [(10, UInt8(ascii: "T")), (13, UInt8(ascii: ":")), (16, UInt8(ascii: ":")), (19, UInt8(ascii: ".")), (23, UInt8(ascii: "Z"))]
            for (offset, byte) in parts { buffer[offset] = byte }
            func digits(_ value: Int, at offset: Int, count: Int) {
                var value = value
                for index in stride(from: offset + count - 1, through: offset, by: -1) {
                    buffer[index] = UInt8(48 + value % 10)
                    value /= 10
                }
            }
            digits(seconds / 3600, at: 11, count: 2)
            digits(seconds / 60 % 60, at: 14, count: 2)
            digits(seconds % 60, at: 17, count: 2)
            digits(milliseconds % 1000, at: 20, count: 3)
            return body(UnsafeRawBufferPointer(rebasing: buffer[0..<24]))
        }
    }

    /// Parses the form `iso` writes.
    public static func parse(_ text: String) -> Timestamp? {
        var text = text
        return text.withUTF8 { parse(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Parses the bytes of the form `iso` writes, without building a string. A moment parses
    /// exactly when its bytes are what `withISOBytes` writes for it.
    static func parse(bytes: UnsafeRawBufferPointer) -> Timestamp? {
        guard bytes.count == 24, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              bytes[19] == UInt8(ascii: "."), bytes[23] == UInt8(ascii: "Z"),
              case .date(let date) = LedgerDate.parse(bytes: UnsafeRawBufferPointer(rebasing: bytes[0..<10])) else { return nil }
        // Digits only: a sign is not part of any field.
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                guard bytes[index] >= 48 && bytes[index] <= 57 else { return nil }
                value = value * 10 + Int64(bytes[index] - 48)
            }
            return value
        }
        guard let hours = number(11..<13), let minutes = number(14..<16), let seconds = number(17..<19),
              let milliseconds = number(20..<23), hours < 24, minutes < 60, seconds < 60 else { return nil }
        let total = Int64(date.daysSinceEpoch) * 86_400_000 + ((hours * 60 + minutes) * 60 + seconds) * 1000 + milliseconds
        return Timestamp(millisecondsSinceEpoch: total)
    }
}

@inline(__always)
func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

extension Timestamp {
    /// The moment as each reader reads it: in English the exact UTC moment the ledger records
    /// (`2018-12-05T02:03:04.000Z`); in Vietnamese the local time of Vietnam (UTC+7 all year)
    /// to the second, `05/12/2018 09:03:04`. Tables name the zone in their column heading.
    public var localizedMoment: LocalizedText {
        let local = Timestamp(millisecondsSinceEpoch: millisecondsSinceEpoch + 7 * 3_600_000)
        return LocalizedText(english: iso, vietnamese: "\(local.date.vietnamese) \(local.iso.dropFirst(11).prefix(8))")
    }
}
