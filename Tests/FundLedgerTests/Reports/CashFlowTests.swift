import Testing
@testable import FundLedger
import LedgerGenerator
import TestSupport

/// The statement of cash flows (reports/cash-flow.sql) on generated books: opening plus the
/// flows is the closing balance, the closing balance is the financial position's cash and
/// bank and the sum of the journal's cash lines, and the next period opens where this one closed.
@Suite(.tags(.heavy), TestRun.heavy) struct CashFlowTests {
    @Test(arguments: [7 as UInt64, 8])
    func cashFlowsTieToTheFinancialPositionOnGeneratedBooks(seed: UInt64) throws {
        let fixture = try TemporaryLedger(withUSDRate: false)
        let ledger = fixture.ledger
        let generator = LedgerGenerator(seed: seed, startDate: LedgerDate(year: 2016, month: 1, day: 1)!, entriesPerDay: 6)
        try generator.prepare(ledger, entryCount: 3_000, user: "tester")
        var iterator = generator.makeIterator()
        var drafts: [EntryDraft] = []
        for _ in 0..<3_000 { drafts.append(iterator.next()!) }
        for start in stride(from: 0, to: drafts.count, by: 500) {
            _ = try ledger.post(Array(drafts[start..<min(start + 500, drafts.count)]), user: "tester")
        }
        var previousClosing: Int64?
        // Periods that end on a month's last day and in the middle of a month: the balances come
        // from the maintained totals by month and then by day.
        for (from, to) in [("2016-01-01", "2016-03-31"), ("2016-04-01", "2016-09-30"), ("2016-10-01", "2016-12-17"), ("2016-12-18", "2017-12-31")] {
            let start = try LedgerDate.parse(from), end = try LedgerDate.parse(to)
            let flow = try ledger.cashFlow(from: start, to: end)
            #expect(flow.openingDong + flow.netChangeDong == flow.closingDong, "\(from)…\(to)")
            if let previousClosing { #expect(flow.openingDong == previousClosing, "a period opens where the one before closed") }
            previousClosing = flow.closingDong
            let position = try ledger.financialPositionReport(at: end)
            let cash = position.tables[0].rows.reduce(Int64(0)) { total, row in
                guard case .text(let code) = row[0], code.hasPrefix("111") || code.hasPrefix("112") || code.hasPrefix("113"),
                      case .dong(let amount) = row[2] else { return total }
                return total + amount
            }
            #expect(flow.closingDong == cash, "the closing cash and bank equal the financial position's at \(to)")
            let journalCash = try ledger.database.scalarInt64("""
                SELECT coalesce(sum(l.amount_vnd), 0) FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id
                WHERE a.type = 'asset' AND (a.code LIKE '111%' OR a.code LIKE '112%' OR a.code LIKE '113%') AND e.entry_date <= ?
                """, [to])
            #expect(flow.closingDong == journalCash, "the closing cash and bank equal the journal's cash lines through \(to)")
            #expect(flow.flows.contains { $0.section == "receipt" } && flow.flows.contains { $0.section == "payment" })
        }
    }
}
