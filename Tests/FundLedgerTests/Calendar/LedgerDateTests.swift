import Testing
import FundLedger

/// LedgerDate (Sources/FundLedger/Calendar/LedgerDate.swift): strict ISO parsing, the
/// Gregorian leap rule, the supported range, and day arithmetic.
///
/// Day counts since 1970-01-01 were computed with Python's `datetime.date`:
/// `(date(Y, M, D) - date(1970, 1, 1)).days`.
@Suite struct LedgerDateTests {
    private func date(_ text: String) throws -> LedgerDate { try LedgerDate.parse(text) }

    @Test func parsesISODates() throws {
        let june = try date("2018-06-01")
        #expect((june.year, june.month, june.day) == (2018, 6, 1))
        #expect(june.iso == "2018-06-01")
        #expect(june.description == "2018-06-01")
        #expect(june.vietnamese == "01/06/2018")
        #expect(june.dayKey == 20_180_601)
        #expect(june.monthKey == 201_806)
        #expect(try date("1900-01-01") == LedgerDate.earliest)
        #expect(try date("2199-12-31") == LedgerDate.latest)
    }

    @Test(arguments: ["18-06-01", "2018/06/01", "2018-6-1", "2018-06-1", "20180601", "2018-06-01 ", " 2018-06-01",
                      "2018-06-01T00:00", "01/06/2018", "2018-0a-01", "+018-06-01", "2018−06−01", "２０１８-06-01", "", "-2018-06-0"])
    func refusesWhatIsNotWrittenYYYYMMDD(text: String) throws {
        let error = try #require(throws: LedgerError.self) { try LedgerDate.parse(text) }
        #expect(error.rule == .invalidDate)
        #expect(error.message == "date '\(text)' is not written YYYY-MM-DD")
    }

    @Test(arguments: ["2018-02-29", "2100-02-29", "1900-02-29", "2018-04-31", "2018-06-31", "2018-09-31", "2018-11-31",
                      "2018-01-32", "2018-13-01", "2018-00-10", "2018-06-00", "1899-12-31", "2200-01-01", "0000-01-01", "9999-12-31"])
    func refusesDaysThatDoNotExistOrAreOutOfRange(text: String) throws {
        let error = try #require(throws: LedgerError.self) { try LedgerDate.parse(text) }
        #expect(error.rule == .invalidDate)
        #expect(error.message == "date '\(text)' does not exist or is outside 1900-01-01…2199-12-31")
    }

    @Test func leapYears() throws {
        // Divisible by 4, except centuries, except centuries divisible by 400.
        for year in [1904, 1996, 2000, 2004, 2016, 2020, 2024, 2096, 2160] { #expect(LedgerDate.isLeap(year), "\(year)") }
        for year in [1900, 1901, 2018, 2019, 2100, 2200, 2197] { #expect(!LedgerDate.isLeap(year), "\(year)") }
        #expect(try date("2000-02-29").day == 29)
        #expect(try date("2024-02-29").lastOfMonth == date("2024-02-29"))
        #expect(try date("2018-02-03").lastOfMonth == date("2018-02-28"))
        #expect(try date("2100-02-10").lastOfMonth == date("2100-02-28"))
        let monthLengths2018 = (1...12).map { LedgerDate.daysIn(month: $0, year: 2018) }
        #expect(monthLengths2018 == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
        #expect(monthLengths2018.reduce(0, +) == 365)
        #expect((1...12).map { LedgerDate.daysIn(month: $0, year: 2020) }.reduce(0, +) == 366)
    }

    @Test func memberwiseInitializerChecksTheDay() {
        #expect(LedgerDate(year: 2018, month: 2, day: 29) == nil)
        #expect(LedgerDate(year: 2020, month: 2, day: 29) != nil)
        #expect(LedgerDate(year: 2018, month: 0, day: 1) == nil)
        #expect(LedgerDate(year: 2018, month: 13, day: 1) == nil)
        #expect(LedgerDate(year: 2018, month: 1, day: 0) == nil)
        #expect(LedgerDate(year: 1899, month: 12, day: 31) == nil)
        #expect(LedgerDate(year: 2200, month: 1, day: 1) == nil)
    }

    @Test(arguments: [
        ("1900-01-01", -25_567), ("1900-02-28", -25_509), ("1900-03-01", -25_508), ("1969-12-31", -1), ("1970-01-01", 0),
        ("2000-02-29", 11_016), ("2000-03-01", 11_017), ("2018-06-01", 17_683), ("2024-02-29", 19_782),
        ("2100-03-01", 47_541), ("2199-12-31", 84_005),
    ])
    func daysSinceEpoch(text: String, days: Int) throws {
        let parsed = try date(text)
        #expect(parsed.daysSinceEpoch == days)
        #expect(LedgerDate(daysSinceEpoch: days) == parsed)
    }

    /// Walks every day of the supported range with a plain calendar counter (day + 1,
    /// rolling over by `daysIn`) and checks the day-number arithmetic against it.
    @Test func everyDayOfTheRangeRoundTrips() throws {
        var (year, month, day) = (1900, 1, 1)
        var days = LedgerDate.earliest.daysSinceEpoch
        var previous: LedgerDate?
        var count = 0
        while true {
            let current = try #require(LedgerDate(year: year, month: month, day: day))
            if current.daysSinceEpoch != days || LedgerDate(daysSinceEpoch: days) != current {
                Issue.record("\(current) is not day \(days)")
                break
            }
            if let previous {
                #expect(previous < current)
                if previous.adding(days: 1) != current { Issue.record("\(previous) + 1 day is not \(current)"); break }
            }
            count += 1
            if current == LedgerDate.latest { break }
            previous = current
            days += 1
            day += 1
            if day > LedgerDate.daysIn(month: month, year: year) { day = 1; month += 1 }
            if month > 12 { month = 1; year += 1 }
        }
        // 1900-01-01 through 2199-12-31 inclusive: 109,573 days (Python: 109,572 apart).
        #expect(count == 109_573)
    }

    @Test func dayArithmetic() throws {
        let june = try date("2018-06-01")
        #expect(june.adding(days: 0) == june)
        #expect(june.adding(days: -1) == (try date("2018-05-31")))
        #expect(june.adding(days: 30) == (try date("2018-07-01")))
        #expect(june.adding(days: 365) == (try date("2019-06-01")))
        #expect(try date("2020-02-28").adding(days: 1) == date("2020-02-29"))
        #expect(try date("2020-02-28").adding(days: 2) == date("2020-03-01"))
        #expect(try date("2100-02-28").adding(days: 1) == date("2100-03-01"))
        #expect(try date("2018-12-31").adding(days: 1) == date("2019-01-01"))
        // 146,097 days are exactly 400 Gregorian years (the arithmetic itself is not range-checked).
        let cycle = try date("2000-01-01").adding(days: 146_097)
        #expect((cycle.year, cycle.month, cycle.day) == (2400, 1, 1))
        for offset in [-40_000, -1, 1, 59, 366, 1_461, 36_524, 40_000] {
            #expect(june.adding(days: offset).adding(days: -offset) == june)
            #expect(june.adding(days: offset).daysSinceEpoch - june.daysSinceEpoch == offset)
        }
        #expect(june.firstOfMonth == (try date("2018-06-01")))
        #expect(try date("2018-06-17").firstOfMonth == june)
        #expect(LedgerDate.firstOf(year: 2018) == (try date("2018-01-01")))
        #expect(LedgerDate.lastOf(year: 2018) == (try date("2018-12-31")))
    }

    @Test func ordersLikeTheCalendar() throws {
        let dates = try ["2018-06-01", "2017-12-31", "2018-01-01", "2018-05-31", "1900-01-01", "2199-12-31"].map(date)
        #expect(dates.sorted().map(\.iso) == ["1900-01-01", "2017-12-31", "2018-01-01", "2018-05-31", "2018-06-01", "2199-12-31"])
        #expect(try date("2018-06-01") == date("2018-06-01"))
        #expect(Set(try ["2018-06-01", "2018-06-01", "2018-06-02"].map(date)).count == 2)
    }
}
