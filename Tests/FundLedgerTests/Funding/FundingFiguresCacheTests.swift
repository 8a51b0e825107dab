import Testing
@testable import FundLedger
import TestSupport

/// The funding figures posting rules read (what a grant has available, goods on hand) are kept
/// from one of a connection's transactions to the next. They must follow every entry written —
/// by a post, a reversal, an approval — and be dropped when another connection writes.
@Suite struct FundingFiguresCacheTests {
    /// A dong grant of 100,000,000 for scholarships in TN, received in full.
    static func books() throws -> FundingBooks {
        let books = try FundingBooks()
        try books.addGrant("CO-2018", funder: "AIA", committed: "100000000 VND")
        try books.receive("2018-02-01", funder: "AIA", grant: "CO-2018", "100000000 VND")
        return books
    }

    static func spend(_ ledger: Ledger, _ dong: Int64, on date: String = "2018-03-01") throws {
        var disbursement = Disbursement(date: FundingBooks.date(date), programCode: "scholarship", unitCode: "TN", children: 5)
        disbursement.grantCode = "CO-2018"
        disbursement.amount = .vnd(dong)
        try ledger.disburse(disbursement, user: "tester")
    }

    @Test func aReversalInItsOwnTransactionGivesTheMoneyBack() throws {
        let books = try FundingFiguresCacheTests.books()
        try FundingFiguresCacheTests.spend(books.ledger, 60_000_000)
        let spent = try books.ledger.chainHead().seq
        try books.ledger.reverse(seq: spent, reason: "paid twice", date: FundingBooks.date("2018-03-02"), user: "tester")
        // On 2018-03-01 only 40,000,000 is available: the reversal gives the money back on 03-02.
        #expect(throws: LedgerError.self) { try FundingFiguresCacheTests.spend(books.ledger, 90_000_000, on: "2018-03-01") }
        // From 2018-03-02 it is 100,000,000 again: 90,000,000 fits, and then only 10,000,000 is left.
        try FundingFiguresCacheTests.spend(books.ledger, 90_000_000, on: "2018-03-02")
        #expect(throws: LedgerError.self) { try FundingFiguresCacheTests.spend(books.ledger, 20_000_000, on: "2018-03-02") }
        #expect(try books.ledger.grantFigures(grantID: books.ledger.registryID(.grant, code: "CO-2018")).availableDong == 10_000_000)
    }

    @Test func anotherConnectionsSpendingIsSeen() throws {
        let books = try FundingFiguresCacheTests.books()
        try FundingFiguresCacheTests.spend(books.ledger, 50_000_000)
        // A second cpf on the same file spends 40,000,000 of the 50,000,000 left.
        let other = try Ledger.open(at: books.path, configuration: TemporaryLedger.fastConfiguration)
        try FundingFiguresCacheTests.spend(other, 40_000_000)
        // The first connection must not trust what it read before: 20,000,000 is too much now.
        do {
            try FundingFiguresCacheTests.spend(books.ledger, 20_000_000)
            Issue.record("the grant was overspent: the first connection used figures from before the other's spending")
        } catch let error as LedgerError {
            #expect(error.rule == .overspent, "\(error)")
            #expect(error.message.contains("10,000,000 VND available"), "\(error.message)")
        }
        try FundingFiguresCacheTests.spend(books.ledger, 10_000_000)
    }

    /// A revaluation moves 1122's dong balance with lines that carry no dollar amount; the
    /// dollars leaving afterwards, on the same connection, are valued on the revalued balance.
    @Test func aRevaluationIsCountedInTheDollarAccountsBookValue() throws {
        let books = try FundingBooks()
        try books.ledger.setSetting("fx-revaluation", to: "allowed", user: "tester")
        try books.receive("2018-02-01", funder: "KFW", "1000.00 USD")               // 22,750,000 at 22,750
        try books.convert("2018-03-01", "100.00 USD", received: 2_275_000)          // reads 1122 into the figures
        try books.setRate("2018-12-31", "23200")
        _ = try #require(try books.ledger.revalue(accountCode: "1122", on: FundingBooks.date("2018-12-31"), user: "tester"))
        // 900.00 USD now carried at 900 × 23,200 = 20,880,000: sold for that, no difference.
        let sale = try books.convert("2019-01-02", "900.00 USD", received: 20_880_000)
        #expect(sale.lines.map(\.account.code) == ["1121", "1122"], "a false exchange difference was booked: \(sale.lines)")
        let balance = try books.ledger.database.firstRow(
            "SELECT sum(amount_vnd), sum(coalesce(amount_foreign, 0)) FROM line l JOIN account a ON a.id = l.account_id WHERE a.code = '1122'") {
            ($0.int64(at: 0), $0.int64(at: 1))
        }
        #expect(balance?.0 == 0 && balance?.1 == 0)
    }

    @Test func aRefusedBatchLeavesNoFiguresBehind() throws {
        let books = try FundingFiguresCacheTests.books()
        // The second entry of the batch overspends: the whole batch is refused, and the
        // figures the first one changed in memory go with it.
        let draft = { (dong: Int64, ref: String) in
            EntryDraft(date: FundingBooks.date("2018-03-01"), memo: "scholarships", externalRef: ref, lines: [
                LineDraft(accountCode: "6111", side: .debit, amount: .vnd(dong), dimensions: Dimensions(grant: "CO-2018", program: "scholarship", unit: "TN"), children: 3),
                LineDraft(accountCode: "1121", side: .credit, amount: .vnd(dong), dimensions: Dimensions(grant: "CO-2018")),
            ])
        }
        #expect(throws: LedgerError.self) { try books.ledger.post([draft(70_000_000, "A"), draft(70_000_000, "B")], user: "tester") }
        try books.ledger.post(draft(100_000_000, "C"), user: "tester")
    }
}
