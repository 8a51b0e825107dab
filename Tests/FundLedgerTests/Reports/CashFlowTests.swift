import Testing
@testable import FundLedger
import LedgerGenerator
import LedgerSchema
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

    /// Generated books from 2016, six entries a day, posted at once.
    static func generatedBooks(seed: UInt64, entries: Int) throws -> TemporaryLedger {
        let fixture = try TemporaryLedger(withUSDRate: false)
        let generator = LedgerGenerator(seed: seed, startDate: LedgerDate(year: 2016, month: 1, day: 1)!, entriesPerDay: 6)
        try generator.prepare(fixture.ledger, entryCount: entries, user: "tester")
        var iterator = generator.makeIterator()
        _ = try fixture.ledger.post((0..<entries).map { _ in iterator.next()! }, user: "tester")
        return fixture
    }

    /// The statement as it was computed before cash_flow_month: every cash-moving entry's other
    /// lines read from the journal, for the period — the reference the maintained months and the
    /// edge days are held to.
    static let fromTheLines = """
        WITH cash AS (
            SELECT id FROM account
            WHERE type = 'asset' AND (code LIKE '111%' OR code LIKE '112%' OR code LIKE '113%')
        ),
        -- The entries of the period that move cash, each once, in sequence order.
        moving AS (
            SELECT e.seq AS entry_seq
            FROM entry e
            WHERE e.entry_date BETWEEN :from AND :to
              AND EXISTS (SELECT 1 FROM line c WHERE c.entry_seq = e.seq AND c.account_id IN (SELECT id FROM cash))
        ),
        -- Their other lines, summed by what classifies them, before any text is compared.
        flows AS (
            SELECT l.account_id, l.funder_id, l.program_id, sum(l.amount_vnd) AS amount_vnd
            FROM moving m JOIN line l ON l.entry_seq = m.entry_seq
            WHERE l.account_id NOT IN (SELECT id FROM cash)
            GROUP BY l.account_id, l.funder_id, l.program_id
        )
        SELECT CASE
                   WHEN a.code = :fx_account THEN 'exchange'
                   WHEN substr(a.code, 1, length(:transfer_out)) = :transfer_out OR substr(a.code, 1, length(:transfer_in)) = :transfer_in THEN 'transfer'
                   WHEN a.type = 'revenue' THEN 'receipt'
                   WHEN a.type = 'expense' AND substr(a.code, 1, length(:management_account)) = :management_account THEN 'management'
                   WHEN a.type = 'expense' THEN 'payment'
                   ELSE 'other'
               END AS section,
               CASE
                   WHEN a.code = :fx_account THEN ''
                   WHEN substr(a.code, 1, length(:transfer_out)) = :transfer_out OR substr(a.code, 1, length(:transfer_in)) = :transfer_in THEN a.code
                   WHEN a.type = 'revenue' THEN coalesce(f.kind, '')
                   WHEN a.type = 'expense' AND substr(a.code, 1, length(:management_account)) = :management_account THEN ''
                   WHEN a.type = 'expense' THEN coalesce(p.code, '')
                   ELSE a.code
               END AS subject,
               -sum(t.amount_vnd) AS cash_vnd
        FROM flows t
        JOIN account a ON a.id = t.account_id
        LEFT JOIN funder f ON f.id = t.funder_id
        LEFT JOIN program p ON p.id = t.program_id
        GROUP BY section, subject
        HAVING cash_vnd <> 0
        ORDER BY CASE section WHEN 'receipt' THEN 1 WHEN 'payment' THEN 2 WHEN 'management' THEN 3 WHEN 'transfer' THEN 4 WHEN 'exchange' THEN 5 ELSE 6 END, subject
        """

    @Test(arguments: [("2016-01-01", "2016-12-31"), ("2016-02-10", "2016-11-20"), ("2016-03-05", "2016-03-25"),
                      ("2016-04-30", "2016-06-01"), ("1900-01-01", "2017-02-14"), ("2016-12-18", "2017-12-31")])
    func theMaintainedMonthsAndTheEdgeDaysGiveWhatTheLinesGive(period: (String, String)) throws {
        let fixture = try CashFlowTests.generatedBooks(seed: 11, entries: 2_500)
        let ledger = fixture.ledger
        let from = try LedgerDate.parse(period.0), to = try LedgerDate.parse(period.1)
        let settings = try ledger.settings()
        let reference = try ledger.database.rows(CashFlowTests.fromTheLines, named: [
            ":from": from.iso, ":to": to.iso, ":fx_account": settings.fxDifferenceAccountCode, ":management_account": settings.managementAccountCode,
            ":transfer_out": NetworkAccounts.transferOut.code, ":transfer_in": NetworkAccounts.transferIn.code,
        ]) { CashFlow.Flow(section: $0.text(at: 0), subject: $0.text(at: 1), dong: $0.int64(at: 2)) }
        #expect(reference.count > 3)
        #expect(try ledger.cashFlow(from: from, to: to).flows == reference)
    }

    @Test func aPeriodSplitsIntoWholeMonthsAndTheDaysAround() throws {
        func split(_ from: String, _ to: String) throws -> CashFlow.WholeMonths { CashFlow.WholeMonths(from: try LedgerDate.parse(from), to: try LedgerDate.parse(to)) }
        let year = try split("2018-01-01", "2018-12-31")
        #expect((year.firstMonthKey, year.lastMonthKey, year.headTo.iso, year.tailFrom.iso) == (201801, 201812, "2017-12-31", "2019-01-01"))
        let ragged = try split("2018-02-10", "2018-05-20")
        #expect((ragged.firstMonthKey, ragged.lastMonthKey, ragged.headTo.iso, ragged.tailFrom.iso) == (201803, 201804, "2018-02-28", "2018-05-01"))
        let inside = try split("2018-03-05", "2018-03-25")
        #expect(inside.firstMonthKey > inside.lastMonthKey)
        #expect((inside.headTo.iso, inside.tailFrom.iso) == ("2018-03-25", "2018-03-26"))
        let twoPieces = try split("2018-03-05", "2018-04-25")
        #expect(twoPieces.firstMonthKey > twoPieces.lastMonthKey && twoPieces.headTo.iso == "2018-04-25")
    }

    /// Migration 012 fills cash_flow_month for books written before it with what posting
    /// maintains: the table dropped and the migration run again give the same rows.
    @Test func theMigrationFillsTheTableAsPostingMaintainsIt() throws {
        let fixture = try CashFlowTests.generatedBooks(seed: 12, entries: 1_500)
        let ledger = fixture.ledger
        let rows = { try ledger.database.rows("SELECT * FROM cash_flow_month ORDER BY 1, 2, 3, 4") { row in (0..<row.columnCount).map { row.value(at: $0) } } }
        let maintained = try rows()
        #expect(maintained.count > 50)
        let migration = try #require(LedgerSchema.migrations.first { $0.name == "012_cash_flow_by_month" })
        try ledger.database.execute("DROP TABLE cash_flow_month")
        try ledger.database.execute(migration.sql)
        #expect(try rows() == maintained)
        #expect(try ledger.verify().isIntact)
    }
}
