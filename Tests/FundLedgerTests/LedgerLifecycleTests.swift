import Testing
@testable import FundLedger
import TestSupport

@Suite struct LedgerLifecycleTests {
    @Test func createsLedgerWithStandardChart() throws {
        let fixture = try TemporaryLedger()
        let accounts = try fixture.ledger.accounts()
        #expect(accounts.count == ChartOfAccounts.standard.definitions.count)
        #expect(try fixture.ledger.account(code: "1122")?.currency == .usd)
        // Exactly the newest migration: every embedded one ran, in order.
        #expect(try fixture.ledger.schemaVersion() == Migrator().latestVersion)
        #expect(Migrator().latestVersion == 14)
    }
}
