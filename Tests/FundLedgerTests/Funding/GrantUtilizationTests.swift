import Testing
@testable import FundLedger
import TestSupport

/// Grant figures (`cpf grant show`, `cpf grant list`) equal the sums of the grant's general-
/// ledger lines, read here with SQL of the test's own straight from the `line` table (not
/// reports/grant-figures.sql, nor the maintained totals), on several days including the
/// middle of months; and an amendment keeps the terms of the past.
@Suite struct GrantUtilizationTests {
    private func date(_ text: String) -> LedgerDate { FundingBooks.date(text) }

    /// The USD rates the books record, in ten-thousandths of a dong, by the day they start.
    private static let rates: [(String, Int64)] = [("2018-01-01", 227_500_000), ("2018-07-01", 231_000_000), ("2018-12-31", 232_500_000)]

    private func rate(on day: String) -> Int64 {
        GrantUtilizationTests.rates.last { $0.0 <= day }!.1
    }

    /// A grant's figures through `day`, summed from its lines.
    private struct LineSums: Equatable {
        var receivedDong: Int64
        var receivedForeign: Int64
        var spentDong: Int64
        var fxDong: Int64
        var children: Int64
    }

    private func sums(_ books: FundingBooks, grant: String, through day: String) throws -> LineSums {
        let sql = """
            SELECT coalesce(-sum(CASE WHEN a.type = 'revenue' THEN l.amount_vnd END), 0),
                   coalesce(-sum(CASE WHEN a.type = 'revenue' AND l.currency = g.currency THEN l.amount_foreign END), 0),
                   coalesce(sum(CASE WHEN a.type = 'expense' THEN l.amount_vnd END), 0),
                   coalesce(-sum(CASE WHEN a.code = '413' THEN l.amount_vnd END), 0),
                   coalesce(sum(CASE WHEN a.type = 'expense' THEN l.children END), 0)
            FROM line l
            JOIN entry e ON e.seq = l.entry_seq
            JOIN account a ON a.id = l.account_id
            JOIN "grant" g ON g.id = l.grant_id
            WHERE g.code = ? AND e.entry_date <= ?
            """
        return try #require(try books.ledger.database.firstRow(sql, [grant, day]) {
            LineSums(receivedDong: $0.int64(at: 0), receivedForeign: $0.int64(at: 1), spentDong: $0.int64(at: 2),
                     fxDong: $0.int64(at: 3), children: $0.int64(at: 4))
        })
    }

    /// The 1122 balance through the books so far: what a book-valued outflow takes its share of.
    private func bank1122(_ books: FundingBooks) throws -> (dong: Int64, cents: Int64) {
        (try books.dong(on: "1122"), try books.foreign(on: "1122"))
    }

    /// Three grants and some unrestricted money:
    /// - KFW-2018, 10,000.00 USD for scholarships and houses in TN in 2018, two tranches: two
    ///   receipts at different rates, conversions with a gain and a loss, dong spending, a USD
    ///   payment, a disbursement that is reversed;
    /// - AIA-2018, 100,000,000 VND for bicycles and milk in TN: money and bicycles in kind;
    /// - PLAN-2018, 5,000.00 USD, nothing received yet.
    /// Returns the year-end figures of KFW-2018 worked out by hand, entry by entry.
    private func books() throws -> (FundingBooks, LineSums) {
        let books = try FundingBooks()
        try books.setRate("2018-07-01", "23100")
        try books.setRate("2018-12-31", "23250")
        try books.addGrant(tranches: [Tranche(dueOn: date("2018-03-01"), amount: try Amount.parse("5000.00 USD")),
                                      Tranche(dueOn: date("2018-09-01"), amount: try Amount.parse("5000.00 USD"))])
        try books.addGrant("AIA-2018", funder: "AIA", committed: "100000000 VND", programs: ["bicycle", "milk"], from: nil, to: nil)
        try books.addGrant("PLAN-2018", funder: "PLAN", committed: "5000.00 USD", programs: [], units: ["BP"])
        var expected = LineSums(receivedDong: 0, receivedForeign: 0, spentDong: 0, fxDong: 0, children: 0)

        try books.receive("2018-03-02", funder: "KFW", grant: "KFW-2018", "4000.00 USD")
        expected.receivedDong += 4_000 * 22_750
        expected.receivedForeign += 400_000
        var bank = try bank1122(books)
        let firstBook = halfEven(bank.dong * 200_000, bank.cents)
        #expect(firstBook == 45_500_000, "one receipt so far: the book rate is its rate, 22,750")
        try books.convert("2018-03-05", "2000.00 USD", received: 46_000_000, grant: "KFW-2018")
        expected.fxDong += 46_000_000 - firstBook
        try books.disburse("2018-03-20", "30000000 VND", children: 30)
        expected.spentDong += 30_000_000
        expected.children += 30
        try books.receive("2018-04-01", funder: "AIA", "10000000 VND")   // unrestricted, on no grant

        try books.receive("2018-07-02", funder: "KFW", grant: "KFW-2018", "3000.50 USD")
        expected.receivedDong += 300_050 * 23_100 / 100
        expected.receivedForeign += 300_050
        bank = try bank1122(books)
        let paidBook = halfEven(bank.dong * 100_000, bank.cents)
        try books.disburse("2018-07-10", program: "house", unit: "TN-HT", "1000.00 USD", children: 5)
        expected.spentDong += 23_100_000
        expected.fxDong += 23_100_000 - paidBook
        expected.children += 5
        bank = try bank1122(books)
        let lossBook = halfEven(bank.dong * 150_000, bank.cents)
        try books.convert("2018-08-01", "1500.00 USD", received: 33_000_000, grant: "KFW-2018")
        expected.fxDong += 33_000_000 - lossBook
        let reversed = try books.disburse("2018-08-15", program: "house", "20000000 VND", children: 4)
        _ = try books.ledger.reverse(seq: reversed.seq, reason: "house not built", date: date("2018-08-20"), user: "tester")
        var scholarships = try books.disbursement("2018-09-15", "15000000 VND", children: 15)
        scholarships.beneficiaryCodes = ["TN-0001", "TN-0002"]
        try books.ledger.disburse(scholarships, user: "tester")
        expected.spentDong += 15_000_000
        expected.children += 15

        try books.receive("2018-04-01", funder: "AIA", grant: "AIA-2018", "60000000 VND")
        try books.receiveInKind("2018-04-02", funder: "AIA", grant: "AIA-2018", item: "bicycle", quantity: 20, unitValue: 1_500_000)
        try books.handOut("2018-04-03", item: "bicycle", quantity: 20, grant: "AIA-2018")
        try books.disburse("2018-05-10", program: "milk", grant: "AIA-2018", "12345678 VND", children: 25)
        return (books, expected)
    }

    @Test func figuresWorkedOutByHandMatchTheLinesAndTheGrantView() throws {
        let (books, expected) = try books()
        #expect(expected.fxDong < 0, "the loss on 2018-08-01 outweighs the gains in this example")
        #expect(try sums(books, grant: "KFW-2018", through: "2018-12-31") == expected)
        let utilization = try books.ledger.grantUtilization(code: "KFW-2018", through: date("2018-12-31"))
        #expect(utilization.committed == (try Amount.parse("10000.00 USD")))
        #expect(utilization.received == (try Amount.parse("7000.50 USD")))
        #expect(utilization.figures.receivedDong == 91_000_000 + 69_311_550)
        #expect(utilization.outstanding == (try Amount.parse("2999.50 USD")))
        // Outstanding valued at the 2018-12-31 rate of 23,250: 299,950 cents × 23,250 / 100.
        #expect(utilization.outstandingDong == 69_738_375)
        #expect(utilization.committedDong == 232_500_000)
        #expect(utilization.figures.spentDong == 68_100_000)
        #expect(utilization.figures.fxEffectDong == expected.fxDong)
        #expect(utilization.figures.availableDong == 160_311_550 + expected.fxDong - 68_100_000)
        #expect(utilization.figures.children == 50)
        #expect(utilization.dueSoFar == (try Amount.parse("10000.00 USD")))
        // Spent in dollars at the grant's average received rate (dong received + exchange effect per cent received).
        let spentCents = halfEven(68_100_000 * 700_050, 160_311_550 + expected.fxDong)
        #expect(utilization.spentInGrantCurrency == Amount(minorUnits: spentCents, currency: .usd))
        #expect(utilization.availableInGrantCurrency == Amount(minorUnits: 700_050 - spentCents, currency: .usd))
    }

    @Test func everyGrantOnEveryDayEqualsTheSumsOfItsLines() throws {
        let (books, _) = try books()
        let days = ["2018-01-31", "2018-03-04", "2018-03-05", "2018-03-31", "2018-04-02", "2018-07-10", "2018-08-19", "2018-08-20",
                    "2018-09-14", "2018-12-30", "2018-12-31", "2019-06-30"]
        for day in days {
            let all = try books.ledger.grantUtilizations(through: date(day))
            #expect(all.map(\.grant.code) == ["AIA-2018", "KFW-2018", "PLAN-2018"])
            for utilization in all {
                let code = utilization.grant.code
                let lines = try sums(books, grant: code, through: day)
                let figures = utilization.figures
                #expect(LineSums(receivedDong: figures.receivedDong, receivedForeign: figures.receivedForeign, spentDong: figures.spentDong,
                                 fxDong: figures.fxEffectDong, children: figures.children) == lines, "\(code) through \(day)")
                #expect(figures.availableDong == lines.receivedDong + lines.fxDong - lines.spentDong)
                let single = try books.ledger.grantUtilization(code: code, through: date(day))
                #expect(single.figures == figures)
                // Received and outstanding in the grant's own currency, and in dong at the day's rate.
                let isDong = utilization.currency == .vnd
                let received = isDong ? lines.receivedDong : lines.receivedForeign
                #expect(utilization.received.minorUnits == received)
                let outstanding = max(0, utilization.committed.minorUnits - received)
                #expect(utilization.outstanding.minorUnits == outstanding)
                #expect(utilization.outstandingDong == (isDong ? outstanding : dongValue(cents: outstanding, rateTenThousandths: rate(on: day))))
            }
        }
        // The AIA grant's money and goods: 60,000,000 + 30,000,000 received, 30,000,000 + 12,345,678 spent.
        let aia = try books.ledger.grantUtilization(code: "AIA-2018", through: date("2018-12-31"))
        #expect(aia.figures.receivedDong == 90_000_000 && aia.figures.spentDong == 42_345_678 && aia.figures.children == 45)
        #expect(aia.outstanding == .vnd(10_000_000) && aia.figures.availableDong == 47_654_322)
        // Nothing received on PLAN-2018: all of it outstanding.
        let plan = try books.ledger.grantUtilization(code: "PLAN-2018", through: date("2018-12-31"))
        #expect(try plan.figures == GrantFigures() && plan.outstanding == Amount.parse("5000.00 USD"))
        #expect(try books.ledger.grantUtilizations(through: date("2018-12-31"), funderCode: "PLAN").map(\.grant.code) == ["PLAN-2018"])
    }

    @Test func theGrantReportShowsTheFiguresInBothCurrencies() throws {
        let (books, _) = try books()
        let utilization = try books.ledger.grantUtilization(code: "KFW-2018", through: date("2018-12-31"))
        let report = try books.ledger.grantReport(code: "KFW-2018", through: date("2018-12-31"))
        let figures = try #require(report.tables.first { $0.key == "figures" })
        let byName = Dictionary(figures.rows.compactMap { row -> (String, [ReportCell])? in
            guard case .localized(let text) = row[0] else { return nil }
            return (text.english, Array(row.dropFirst()))
        }, uniquingKeysWith: { first, _ in first })
        let lines = try sums(books, grant: "KFW-2018", through: "2018-12-31")
        // Committed in dong = received (at the receipts' rates) + outstanding (at 23,250): the rows add up.
        #expect(byName["Committed"] == [.amount(try Amount.parse("10000.00 USD")), .dong(lines.receivedDong + 69_738_375)])
        #expect(byName["Received"] == [.amount(Amount(minorUnits: lines.receivedForeign, currency: .usd)), .dong(lines.receivedDong)])
        #expect(byName["Outstanding"] == [.amount(Amount(minorUnits: 1_000_000 - lines.receivedForeign, currency: .usd)), .dong(69_738_375)])
        // Dollars only where dollars moved: this grant's spending was paid in dong.
        #expect(byName["Spent"] == [utilization.figures.spentForeign == 0 ? .empty : .amount(utilization.spentAsPaid), .dong(lines.spentDong)])
        #expect(byName["Exchange effect (realized)"] == [.empty, .dong(lines.fxDong)])
        #expect(byName["Available"] == [.empty, .dong(lines.receivedDong + lines.fxDong - lines.spentDong)])
        let reach = try #require(report.tables.first { $0.key == "reach" })
        #expect(reach.rows == [[.count(lines.children)]])
    }

    @Test func anAmendmentKeepsTheTermsOfThePast() throws {
        let (books, _) = try books()
        let versionOne = """
            SELECT version || '|' || effective_on || '|' || committed_minor || '|' || coalesce(valid_to, '') || '|' || reason
            FROM grant_terms WHERE grant_id = (SELECT id FROM "grant" WHERE code = 'KFW-2018') AND version = 1
            """
        let before = try books.ledger.database.scalarText(versionOne)
        let journalBefore = try books.integer("SELECT count(*) FROM line")
        var amendment = GrantAmendment(effectiveOn: date("2018-10-01"), reason: "addendum 2: more for houses")
        amendment.committed = try Amount.parse("12000.00 USD")
        amendment.validTo = date("2019-12-31")
        try books.ledger.amendGrant(code: "KFW-2018", amendment, user: "ketoantruong")

        // The agreement's row is as it was, and no posted line changed.
        #expect(try books.ledger.database.scalarText(versionOne) == before)
        #expect(try books.integer("SELECT count(*) FROM line") == journalBefore)
        let grant = try #require(try books.ledger.grant(code: "KFW-2018"))
        #expect(grant.terms.map(\.version) == [1, 2])
        #expect(grant.terms.map(\.reason) == ["agreement", "addendum 2: more for houses"])
        #expect(grant.terms[1].recordedBy == "ketoantruong")
        #expect(grant.terms[1].programIDs == grant.terms[0].programIDs && grant.terms[1].unitIDs == grant.terms[0].unitIDs)
        #expect(grant.terms[1].tranches == grant.terms[0].tranches)
        #expect(try books.integer("SELECT count(*) FROM change_log WHERE action = 'grant-amend' AND subject = 'grant:KFW-2018'") == 1)

        // Figures through a day before the amendment use the old commitment; after, the new one.
        let september = try books.ledger.grantUtilization(code: "KFW-2018", through: date("2018-09-30"))
        #expect(try september.terms.version == 1 && september.committed == Amount.parse("10000.00 USD"))
        let december = try books.ledger.grantUtilization(code: "KFW-2018", through: date("2018-12-31"))
        #expect(try december.terms.version == 2 && december.committed == Amount.parse("12000.00 USD"))
        #expect(december.outstanding.minorUnits == 1_200_000 - 700_050)
        // The new window lets the grant be spent in 2019; a 2019 entry before the amendment would not have been.
        try books.disburse("2019-01-15", "1000000 VND", children: 1)
        #expect(try sums(books, grant: "KFW-2018", through: "2019-01-15").spentDong == 69_100_000)
    }
}
