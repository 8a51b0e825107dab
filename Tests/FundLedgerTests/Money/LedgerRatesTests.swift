import Testing
import FundLedger
import TestSupport

/// The rate table (Sources/FundLedger/Money/Ledger+Rates.swift): rates are recorded once per
/// currency and day and never rewritten, because entries cite them.
@Suite struct LedgerRatesTests {
    private func date(_ text: String) -> LedgerDate { try! LedgerDate.parse(text) }

    @Test func recordsOnceAndLooksUpTheLatestOnOrBefore() throws {
        let fixture = try TemporaryLedger()   // USD 22750 on 2018-01-01 from SBV
        let ledger = fixture.ledger
        #expect(try ledger.setRate(.usd, on: date("2018-06-01"), rate: Rate.parse("22790"), source: "SBV", user: "tester"))
        // The same rate and source again changes nothing.
        let before = try LedgerFingerprint.of(fixture.path)
        #expect(try !ledger.setRate(.usd, on: date("2018-06-01"), rate: Rate.parse("22790.000"), source: "SBV", user: "tester"))
        #expect(try LedgerFingerprint.of(fixture.path) == before)

        #expect(try ledger.exchangeRate(.usd, onOrBefore: date("2017-12-31")) == nil)
        #expect(try ledger.exchangeRate(.usd, onOrBefore: date("2018-01-01"))?.rate == Rate.parse("22750"))
        #expect(try ledger.exchangeRate(.usd, onOrBefore: date("2018-05-31"))?.rate == Rate.parse("22750"))
        #expect(try ledger.exchangeRate(.usd, onOrBefore: date("2018-06-01"))?.rate == Rate.parse("22790"))
        #expect(try ledger.exchangeRate(.usd, onOrBefore: date("2030-01-01"))?.date == date("2018-06-01"))
        #expect(try ledger.exchangeRate(Currency.named("EUR")!, onOrBefore: date("2030-01-01")) == nil)
        #expect(try ledger.exchangeRates(currency: .usd).map(\.rate.description) == ["22750", "22790"])
    }

    @Test func refusesAnotherRateForARecordedDayAndWritesNothing() throws {
        let fixture = try TemporaryLedger()
        let before = try LedgerFingerprint.of(fixture.path)
        let error = try #require(throws: LedgerError.self) {
            try fixture.ledger.setRate(.usd, on: date("2018-01-01"), rate: Rate.parse("22751"), source: "SBV", user: "tester")
        }
        #expect(error.rule == .rateExists)
        #expect(error.message == "a USD rate for 2018-01-01 is already recorded: 22750 (SBV)")
        // The same figure from another source is another rate too.
        let source = try #require(throws: LedgerError.self) {
            try fixture.ledger.setRate(.usd, on: date("2018-01-01"), rate: Rate.parse("22750"), source: "MOF", user: "tester")
        }
        #expect(source.rule == .rateExists)
        #expect(try LedgerFingerprint.of(fixture.path) == before)
    }

    @Test func refusesARateForTheDongAndBadSources() throws {
        let fixture = try TemporaryLedger()
        let before = try LedgerFingerprint.of(fixture.path)
        let dong = try #require(throws: LedgerError.self) {
            try fixture.ledger.setRate(.vnd, on: date("2018-01-02"), rate: Rate.parse("1"), source: "SBV", user: "tester")
        }
        #expect(dong.rule == .invalidRate)
        for source in ["", "S\nBV", String(repeating: "S", count: 101)] {
            let error = try #require(throws: LedgerError.self) {
                try fixture.ledger.setRate(.usd, on: date("2018-01-02"), rate: Rate.parse("22760"), source: source, user: "tester")
            }
            #expect(error.rule == .invalidText)
            #expect(error.message.contains("rate source"))
        }
        #expect(try LedgerFingerprint.of(fixture.path) == before)
    }
}
