import Testing
import FundLedger

/// Timestamp (Sources/FundLedger/Calendar/Timestamp.swift): the UTC text that the hash chain
/// covers, and parsing it back.
///
/// Expected texts from Python: `(datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(milliseconds=MS)).strftime(…)`.
@Suite struct TimestampTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"), (1, "1970-01-01T00:00:00.001Z"), (-1, "1969-12-31T23:59:59.999Z"),
        (86_399_999, "1970-01-01T23:59:59.999Z"), (1_543_622_405_123, "2018-12-01T00:00:05.123Z"),
        (1_795_358_405_123, "2026-11-22T14:40:05.123Z"), (-2_208_988_800_000, "1900-01-01T00:00:00.000Z"),
    ])
    func writesAndReadsISO(milliseconds: Int64, text: String) throws {
        let moment = Timestamp(millisecondsSinceEpoch: milliseconds)
        #expect(moment.iso == text)
        #expect(Timestamp.parse(text) == moment)
        #expect(moment.date == (try LedgerDate.parse(String(text.prefix(10)))))
    }

    @Test(arguments: ["", "2018-12-01T00:00:05Z", "2018-12-01 00:00:05.123Z", "2018-12-01T00:00:05.123", "2018-12-01T24:00:00.000Z",
                      "2018-12-01T00:60:00.000Z", "2018-12-01T00:00:60.000Z", "2018-02-29T00:00:00.000Z", "2018-12-01T00:00:05.123+07"])
    func refusesOtherForms(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    /// Only the form `iso` writes is read back: a sign inside a field, or other separators,
    /// are refused rather than read as some other moment.
    @Test(arguments: ["2018-12-01T-1:00:00.000Z", "2018-12-01T+1:00:00.000Z", "2018-12-01T00:-1:05.123Z", "2018-12-01T00:00:05.-12Z",
                      "2018-12-01T00-00-05,123Z", "2018-12-01T00:00:05:123Z", "2018-12-01T 1:00:00.000Z"])
    func refusesSignsAndOtherSeparators(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test func nowIsAfterThisTestWasWritten() {
        let now = Timestamp.now()
        #expect(now > Timestamp.parse("2024-01-01T00:00:00.000Z")!)
        #expect(Timestamp.parse(now.iso) == now)
    }
}
