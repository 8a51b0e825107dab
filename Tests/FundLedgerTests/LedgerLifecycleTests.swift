import Testing
import FundLedger
import TestSupport

@Suite struct LedgerLifecycleTests {
    @Test func createsLedgerWithStandardChart() throws {
        let fixture = try TemporaryLedger()
        let accounts = try fixture.ledger.accounts()
        #expect(accounts.count == ChartOfAccounts.standard.definitions.count)
        #expect(try fixture.ledger.account(code: "1122")?.currency == .usd)
        #expect(try fixture.ledger.schemaVersion() >= 5)
    }
}
