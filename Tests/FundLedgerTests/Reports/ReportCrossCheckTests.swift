import Testing
@testable import FundLedger
import LedgerGenerator
import TestSupport

/// Every report's figures against sums the test computes itself from the raw `line` table
/// (with `entry` for dates and the registries for names and kinds) — never through
/// reports/*.sql, the `period_totals` view or the maintained totals — over one seeded random
/// ledger: a few thousand generated entries (state budget, USD aid against grants with
/// conversions and realized differences, dong and in-kind donations, disbursements, goods
/// handed out, management costs, interest), reversals of some disbursements, a designated
/// grant, and plans. Periods start and end in the middle of months, so both the whole-month
/// totals and the partial-month lines are read.
@Suite struct ReportCrossCheckTests {
    static let books = Result { try CrossCheckBooks() }

    /// A connection of the test's own to the shared books (reports only read; tests run in
    /// parallel, and a connection is used by one thread at a time), and the sums read with it.
    private func open() throws -> (Ledger, LineSums) {
        let ledger = try Ledger.open(at: try ReportCrossCheckTests.books.get().fixture.path)
        return (ledger, LineSums(database: ledger.database))
    }

    private static func date(_ text: String) -> LedgerDate { try! LedgerDate.parse(text) }

    /// The books hold what the cross-checks are meant to cover, and they verify.
    @Test func theBooksHoldEveryKindOfLine() throws {
        let (ledger, books) = try open()
        let counts = try books.sums("""
            SELECT '', count(DISTINCT e.seq), count(*) FILTER (WHERE l.currency IS NOT NULL), count(*) FILTER (WHERE l.grant_id IS NOT NULL),
                   count(*) FILTER (WHERE l.item_id IS NOT NULL), count(*) FILTER (WHERE l.children IS NOT NULL),
                   count(DISTINCT e.reverses_seq), count(*) FILTER (WHERE l.restriction = 'designated')
            FROM entry e JOIN line l ON l.entry_seq = e.seq
            """)[""]!
        #expect(counts[0] == Int64(CrossCheckBooks.entryCount + 2) + Int64(try ReportCrossCheckTests.books.get().reversals))
        #expect(counts[1] > 300 && counts[2] > 300 && counts[3] > 300 && counts[4] > 1000, "foreign, grant, goods and spending lines: \(counts)")
        #expect(counts[5] >= 5 && counts[6] >= 2, "reversals and designated lines: \(counts)")
        #expect(try ledger.verify().isIntact)
    }

    // MARK: trial balance and financial position

    @Test(arguments: ["2016-08-17", "2017-06-30", "2018-12-31"])
    func trialBalancePerAccount(_ day: String) throws {
        let (ledger, books) = try open()
        let report = try ledger.trialBalanceReport(through: Self.date(day))
        let table = try #require(report.tables.first { $0.key == "accounts" })
        let expected = try books.sums("""
            SELECT a.code, sum(max(l.amount_vnd, 0)), sum(max(-l.amount_vnd, 0)), sum(CASE WHEN l.currency = a.currency THEN l.amount_foreign ELSE 0 END)
            FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id
            WHERE e.entry_date <= ? GROUP BY a.code
            """, [day])
        var actual: [String: [Int64]] = [:]
        for row in table.rows {
            let debit = try #require(row[2].integer), credit = try #require(row[3].integer)
            #expect(row[4].integer.map { $0 == debit - credit } ?? (debit <= credit), "debit balance of \(row[0].english)")
            #expect(row[5].integer.map { $0 == credit - debit } ?? (credit <= debit), "credit balance of \(row[0].english)")
            actual[row[0].english] = [debit, credit, row[6].integer ?? 0]
        }
        #expect(actual == expected)
        let foreign = Set(table.rows.filter { if case .amount = $0[6] { true } else { false } }.map { $0[0].english })
        #expect(foreign == Set(expected.keys).intersection(["1122", "1112"]), "only foreign-currency accounts show a foreign balance")
        let totals = try #require(table.totals)
        let turnover = expected.values.reduce(0) { $0 + $1[0] }
        #expect(totals[2].integer == turnover && totals[3].integer == turnover, "debits equal credits")
        let debitBalances = expected.values.reduce(0) { $0 + max($1[0] - $1[1], 0) }
        #expect(totals[4].integer == debitBalances && totals[5].integer == debitBalances)
        #expect(expected.count > 20 && turnover > 0, "the books are not trivially empty")
    }

    @Test(arguments: ["2016-08-17", "2017-06-30", "2018-12-31"])
    func financialPositionIsAssetsLiabilitiesAndNetAssetsByClass(_ day: String) throws {
        let (ledger, books) = try open()
        let report = try ledger.financialPositionReport(at: Self.date(day))
        let balances = try books.sums("""
            SELECT a.code, sum(l.amount_vnd), a.type = 'asset', a.type = 'liability'
            FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id
            WHERE e.entry_date <= ? GROUP BY a.code
            """, [day])
        let assets = balances.filter { $0.value[1] == 1 && $0.value[0] != 0 }.mapValues { $0[0] }
        let liabilities = balances.filter { $0.value[2] == 1 && $0.value[0] != 0 }.mapValues { -$0[0] }
        #expect(try rowsByFirstCell(report, "asset", column: 2) == assets)
        #expect(try rowsByFirstCell(report, "liability", column: 2) == liabilities)
        let byClass = try books.sums("""
            SELECT l.restriction, -sum(l.amount_vnd)
            FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id
            WHERE e.entry_date <= ? AND a.type IN ('revenue', 'expense', 'net-assets') GROUP BY l.restriction
            """, [day]).mapValues { $0[0] }
        let names = ["unrestricted": "Unrestricted", "restricted": "Restricted", "designated": "Designated support"]
        let expectedClasses = Dictionary(uniqueKeysWithValues: byClass.map { (names[$0.key]!, $0.value) })
        #expect(try rowsByFirstCell(report, "net-assets", column: 1) == expectedClasses)
        let totalAssets = assets.values.reduce(0, +), totalLiabilities = liabilities.values.reduce(0, +)
        let netAssets = byClass.values.reduce(0, +)
        #expect(try total(report, "asset", column: 2) == totalAssets)
        #expect(try total(report, "liability", column: 2) == totalLiabilities)
        #expect(try total(report, "net-assets", column: 1) == netAssets)
        #expect(totalAssets - totalLiabilities == netAssets, "assets − liabilities = net assets")
        // The trial balance carries the same figures: its asset and liability balances, and
        // minus the balances of every revenue, expense and net-assets account.
        let trial = try ledger.trialBalance(through: Self.date(day))
        #expect(trial.filter { $0.type == .asset }.reduce(0) { $0 + $1.balanceDong } == totalAssets)
        #expect(trial.filter { $0.type == .liability }.reduce(0) { $0 - $1.balanceDong } == totalLiabilities)
        #expect(trial.filter { [.revenue, .expense, .netAssets].contains($0.type) }.reduce(0) { $0 - $1.balanceDong } == netAssets)
        #expect(byClass["designated"].map { $0 != 0 } ?? (day < "2017-03-03"), "the designated grant's money is its own class")
    }

    // MARK: activities

    @Test(arguments: [("2016-03-15", "2017-02-10"), ("2017-01-01", "2017-12-31"), ("2016-05-02", "2016-05-30")])
    func activitiesAreRevenueAndExpenseOfThePeriod(_ from: String, _ to: String) throws {
        let (ledger, books) = try open()
        let report = try ledger.activitiesReport(from: Self.date(from), to: Self.date(to))
        let lines = "FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id LEFT JOIN funder f ON f.id = l.funder_id LEFT JOIN program p ON p.id = l.program_id WHERE e.entry_date BETWEEN ? AND ?"
        let receipts = try books.sums("SELECT coalesce(f.kind, '') || '|' || a.code || '|' || l.restriction, -sum(l.amount_vnd) \(lines) AND a.type = 'revenue' GROUP BY 1", [from, to])
            .filter { $0.value[0] != 0 }
        let uses = try books.sums("SELECT coalesce(p.name_en, '(no program)') || '|' || coalesce(f.kind, '') || '|' || a.code || '|' || l.restriction, sum(l.amount_vnd), coalesce(sum(l.children), 0) \(lines) AND a.type = 'expense' GROUP BY 1", [from, to])
            .filter { $0.value != [0, 0] }
        let fx = try books.sums("SELECT '413', -sum(l.amount_vnd) \(lines) AND a.code = '413'", [from, to])["413"]?[0] ?? 0
        let kinds = Dictionary(uniqueKeysWithValues: FunderKind.allCases.map { ($0.rawValue, $0.nameEnglish) })
        var actualReceipts: [String: [Int64]] = [:]
        for row in try #require(report.tables.first { $0.key == "receipts" }).rows {
            let source = kinds.first { $0.value == row[0].english }?.key ?? ""
            actualReceipts[[source, String(row[1].english.prefix { $0 != " " }), try restrictionCode(row[2])].joined(separator: "|"), default: []].append(try #require(row[3].integer))
        }
        #expect(actualReceipts == receipts, "receipts by source, account and restriction")
        var actualUses: [String: [Int64]] = [:]
        for row in try #require(report.tables.first { $0.key == "uses" }).rows {
            let source = kinds.first { $0.value == row[1].english }?.key ?? ""
            actualUses[[row[0].english, source, String(row[2].english.prefix { $0 != " " }), try restrictionCode(row[3])].joined(separator: "|"), default: []]
                .append(contentsOf: [try #require(row[4].integer), try #require(row[5].integer)])
        }
        #expect(actualUses == uses, "uses by program, source, account and restriction, with child-instances")
        let totalReceipts = receipts.values.reduce(0) { $0 + $1[0] }
        let totalUses = uses.values.reduce(0) { $0 + $1[0] }
        #expect(try total(report, "receipts", column: 3) == totalReceipts)
        #expect(try total(report, "uses", column: 4) == totalUses)
        #expect(try total(report, "uses", column: 5) == uses.values.reduce(0) { $0 + $1[1] })
        let result = try #require(report.tables.first { $0.key == "result" })
        #expect(result.rows.map { $0[1].integer } == [totalReceipts, totalUses, fx])
        #expect(result.totals?[1].integer == totalReceipts - totalUses + fx)
        #expect(totalReceipts > 0 && totalUses > 0)
    }

    /// Revenue − expense (+ exchange differences) of a period = the change in net assets
    /// between the statements of financial position at its two ends, and the trial balance's
    /// revenue and expense turnover of the period is the same figure.
    @Test(arguments: [("2016-03-15", "2017-02-10"), ("2017-01-01", "2017-12-31")])
    func surplusOfThePeriodIsTheChangeInNetAssets(_ from: String, _ to: String) throws {
        let (ledger, books) = try open()
        let activities = try ledger.activitiesReport(from: Self.date(from), to: Self.date(to))
        let surplus = try #require(activities.tables.first { $0.key == "result" }?.totals?[1].integer)
        let before = Self.date(from).adding(days: -1)
        let opening = try #require(try ledger.financialPositionReport(at: before).tables.first { $0.key == "net-assets" }?.totals?[1].integer)
        let closing = try #require(try ledger.financialPositionReport(at: Self.date(to)).tables.first { $0.key == "net-assets" }?.totals?[1].integer)
        let otherNetAssets = try books.sums("""
            SELECT '', -coalesce(sum(l.amount_vnd), 0) FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id
            WHERE e.entry_date BETWEEN ? AND ? AND a.type = 'net-assets' AND a.code <> '413'
            """, [from, to])[""]?[0] ?? 0
        #expect(closing - opening == surplus + otherNetAssets)
        let start = try ledger.trialBalance(through: before), end = try ledger.trialBalance(through: Self.date(to))
        func movement(_ types: Set<AccountType>, _ codes: Set<String> = []) -> Int64 {
            let sum = { (rows: [TrialBalanceRow]) in rows.filter { types.contains($0.type) || codes.contains($0.accountCode) }.reduce(Int64(0)) { $0 - $1.balanceDong } }
            return sum(end) - sum(start)
        }
        #expect(movement([.revenue, .expense], ["413"]) == surplus, "trial balance: revenue − expense of the period")
        #expect(movement([.asset]) + movement([.liability]) == -(closing - opening), "trial balance: assets − liabilities moved by the change in net assets")
    }

    // MARK: grants and donor statement

    @Test(arguments: ["2016-08-17", "2017-06-14", "2018-12-31"])
    func grantUtilizationPerGrant(_ day: String) throws {
        let (ledger, books) = try open()
        let report = try ledger.grantsReport(through: Self.date(day))
        let table = try #require(report.tables.first { $0.key == "grants" })
        let sums = try books.grantSums(through: day)
        #expect(table.rows.count == LedgerGenerator.grantCount + 1)
        var totals: [Int64] = [0, 0, 0, 0, 0]
        for row in table.rows {
            let code = row[0].english
            let figures = sums[code] ?? [0, 0, 0, 0, 0]
            let (receivedDong, receivedForeign, spentDong, fxDong, children) = (figures[0], figures[1], figures[2], figures[3], figures[4])
            let committed = code == CrossCheckBooks.designatedGrant ? CrossCheckBooks.designatedCommitted : CrossCheckBooks.generatedCommitted
            #expect(row[4].integer == committed, "\(code) committed")
            #expect(row[6].integer == receivedForeign, "\(code) received in its currency")
            #expect(row[7].integer == max(0, committed - receivedForeign), "\(code) outstanding")
            #expect([row[8], row[9], row[10], row[11], row[12]].map(\.integer) == [receivedDong, spentDong, fxDong, receivedDong + fxDong - spentDong, children], "\(code)")
            for (index, value) in [receivedDong, spentDong, fxDong, receivedDong + fxDong - spentDong, children].enumerated() { totals[index] += value }
        }
        #expect(try #require(table.totals)[8...12].map(\.integer) == totals.map { Optional($0) })
        #expect(totals[0] > 0 && totals[1] > 0 && totals[2] != 0, "money received, spent and exchanged")
    }

    @Test(arguments: [("NGO3", "2016-04-02", "2017-10-30"), ("CO1", "2017-01-01", "2017-12-31"), ("NSDP", "2016-02-03", "2016-11-28")])
    func donorStatementForAFunder(_ funder: String, _ from: String, _ to: String) throws {
        let (ledger, books) = try open()
        let report = try ledger.donorStatementReport(funderCode: funder, from: Self.date(from), to: Self.date(to))
        let lines = "FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id JOIN funder f ON f.id = l.funder_id LEFT JOIN program p ON p.id = l.program_id LEFT JOIN org_unit u ON u.id = l.unit_id WHERE f.code = ? AND e.entry_date BETWEEN ? AND ?"
        let given = try books.database.rows("SELECT e.entry_date, -l.amount_vnd, -coalesce(l.amount_foreign, l.amount_vnd) \(lines) AND a.type = 'revenue' ORDER BY e.entry_date, e.seq, l.line_no", [funder, from, to]) {
            [$0.text(at: 0), String($0.int64(at: 1)), String($0.int64(at: 2))]
        }
        let givenTable = try #require(report.tables.first { $0.key == "given" })
        #expect(givenTable.rows.map { [$0[0].english, String($0[6].integer ?? -1), String($0[4].integer ?? -1)] } == given)
        #expect(givenTable.totals?[6].integer == given.reduce(0) { $0 + Int64($1[1])! })
        let uses = try books.sums("SELECT coalesce(p.name_en, a.name_en) || '|' || coalesce(u.name, ''), sum(l.amount_vnd), coalesce(sum(l.children), 0) \(lines) AND a.type = 'expense' GROUP BY 1", [funder, from, to])
            .filter { $0.value != [0, 0] }
        let usesTable = try #require(report.tables.first { $0.key == "uses" })
        var actualUses: [String: [Int64]] = [:]
        for row in usesTable.rows { actualUses[row[0].english + "|" + row[1].english] = [try #require(row[2].integer), try #require(row[3].integer)] }
        #expect(actualUses == uses)
        #expect(usesTable.totals?[2].integer == uses.values.reduce(0) { $0 + $1[0] })
        #expect(usesTable.totals?[3].integer == uses.values.reduce(0) { $0 + $1[1] })
        // What remains: the funder's grants through the end of the period.
        let sums = try books.grantSums(through: to)
        let grants = try #require(report.tables.first { $0.key == "grants" })
        let codes = try books.database.rows("SELECT g.code FROM \"grant\" g JOIN funder f ON f.id = g.funder_id WHERE f.code = ? ORDER BY g.code", [funder]) { $0.text(at: 0) }
        #expect(grants.rows.map { $0[0].english } == codes)
        for row in grants.rows {
            let figures = sums[row[0].english] ?? [0, 0, 0, 0, 0]
            #expect([row[2], row[4], row[5], row[6], row[8]].map(\.integer) == [figures[1], figures[2], figures[3], figures[0] + figures[3] - figures[2], figures[4]], "\(row[0].english)")
        }
        #expect(!given.isEmpty, "\(funder) gave in the period")
        if funder.hasPrefix("NGO") {
            let partial = try books.sums("SELECT '', count(*) \(lines) AND a.type = 'expense' AND (e.entry_date < substr(?, 1, 7) || '-32' OR e.entry_date >= substr(?, 1, 8) || '01')",
                                         [funder, from, to, from, to])[""]![0]
            #expect(partial > 0, "the grants of \(funder) paid for something in the partly covered months")
        }
    }

    // MARK: reach, disclosure, management cap, plan versus actual, register

    @Test(arguments: [("2016-02-11", "2017-11-29"), ("2017-01-01", "2017-12-31")])
    func reachByProgramUnitAndQuarter(_ from: String, _ to: String) throws {
        let (ledger, books) = try open()
        let report = try ledger.reachReport(from: Self.date(from), to: Self.date(to), grouping: ReachGrouping(byProgram: true, byUnit: true, period: "quarter"))
        let expected = try books.sums("""
            SELECT substr(e.entry_date, 1, 4) || '-Q' || ((CAST(substr(e.entry_date, 6, 2) AS INTEGER) + 2) / 3) || '|' || coalesce(p.name_en, '(no program)') || '|' || coalesce(u.code || ' ' || u.name, ''),
                   coalesce(sum(l.children), 0), sum(l.amount_vnd)
            FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id
            LEFT JOIN program p ON p.id = l.program_id LEFT JOIN org_unit u ON u.id = l.unit_id
            WHERE e.entry_date BETWEEN ? AND ? AND a.type = 'expense' GROUP BY 1
            """, [from, to]).filter { $0.value != [0, 0] && !($0.key.contains("|(no program)|") && $0.value[0] == 0) }
        let table = try #require(report.tables.first { $0.key == "reach" })
        var actual: [String: [Int64]] = [:]
        for row in table.rows { actual[row[0...2].map(\.english).joined(separator: "|")] = [try #require(row[3].integer), try #require(row[4].integer)] }
        #expect(actual == expected)
        #expect(table.totals?[3].integer == expected.values.reduce(0) { $0 + $1[0] })
        #expect(table.totals?[4].integer == expected.values.reduce(0) { $0 + $1[1] })
        #expect(expected.values.reduce(0) { $0 + $1[0] } > 1000, "children were reached")
    }

    @Test(arguments: [2016, 2017])
    func disclosureOfAYear(_ year: Int) throws {
        let (ledger, books) = try open()
        let report = try ledger.disclosureReport(year: year)
        let period = ["\(year)-01-01", "\(year)-12-31"]
        let lines = "FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id WHERE e.entry_date BETWEEN ? AND ?"
        let receipts = try books.sums("""
            SELECT coalesce((SELECT f.name FROM funder f WHERE f.id = l.funder_id), a.name_en),
                   -sum(CASE WHEN a.code = '5133' THEN 0 ELSE l.amount_vnd END), -sum(CASE WHEN a.code = '5133' THEN l.amount_vnd ELSE 0 END)
            \(lines) AND a.type = 'revenue' GROUP BY 1
            """, period).filter { $0.value != [0, 0] }
        #expect(try rowsByFirstCell(report, "receipts", columns: [2, 3]) == receipts)
        #expect(try #require(report.tables.first { $0.key == "receipts" }).rows.allSatisfy { $0[4].integer == $0[2].integer! + $0[3].integer! })
        let uses = try books.sums("""
            SELECT coalesce((SELECT p.name_en FROM program p WHERE p.id = l.program_id), a.name_en), sum(l.amount_vnd), coalesce(sum(l.children), 0)
            \(lines) AND a.type = 'expense' GROUP BY 1
            """, period).filter { $0.value != [0, 0] }
        #expect(try rowsByFirstCell(report, "uses", columns: [1, 2]) == uses)
        let money = receipts.values.reduce(0) { $0 + $1[0] }, inKind = receipts.values.reduce(0) { $0 + $1[1] }
        #expect(try #require(report.tables.first { $0.key == "receipts" }).totals?[2...4].map(\.integer) == [money, inKind, money + inKind])
        #expect(try #require(report.tables.first { $0.key == "uses" }).totals?[1...2].map(\.integer) == [uses.values.reduce(0) { $0 + $1[0] }, uses.values.reduce(0) { $0 + $1[1] }])
        #expect(money > 0 && inKind > 0, "money and goods were received")
    }

    @Test(arguments: [2016, 2017])
    func managementCapOfAYear(_ year: Int) throws {
        let (ledger, books) = try open()
        let period = ["\(year)-01-01", "\(year)-12-31"]
        let classes = try books.sums("""
            SELECT CASE WHEN f.kind LIKE 'government-%' THEN 'state' WHEN a.code = '5133' THEN 'in-kind' WHEN l.restriction = 'designated' THEN 'designated' ELSE 'qualifying' END,
                   -sum(l.amount_vnd)
            FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id LEFT JOIN funder f ON f.id = l.funder_id
            WHERE e.entry_date BETWEEN ? AND ? AND a.type = 'revenue' GROUP BY 1
            """, period).mapValues { $0[0] }
        let management = try books.sums("""
            SELECT '', coalesce(sum(l.amount_vnd), 0) FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id
            WHERE e.entry_date BETWEEN ? AND ? AND a.code IN ('642', '6421', '6422', '6428')
            """, period)[""]![0]
        let qualifying = classes["qualifying"] ?? 0
        let cap = halfEven(qualifying * 10, 100)
        let report = try ledger.managementCapReport(year: year)
        let figures = try #require(report.tables.first { $0.key == "cap" }).rows.map { $0[1].integer }
        #expect(figures == [classes.values.reduce(0, +), classes["state"] ?? 0, classes["in-kind"] ?? 0, classes["designated"] ?? 0,
                            qualifying, cap, management, cap - management])
        #expect(management > 0 && (classes["state"] ?? 0) > 0 && (classes["in-kind"] ?? 0) > 0)
        #expect(year == 2016 || (classes["designated"] ?? 0) == CrossCheckBooks.designatedReceivedDong)
    }

    @Test func planVersusActualOfAYear() throws {
        let (ledger, books) = try open()
        let report = try ledger.planVersusActualReport(fromYear: 2017, toYear: 2017)
        let spent = try books.sums("""
            SELECT coalesce(p.code, '') || '|' || coalesce(f.kind, ''), sum(l.amount_vnd)
            FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id
            LEFT JOIN program p ON p.id = l.program_id LEFT JOIN funder f ON f.id = l.funder_id
            WHERE e.entry_date BETWEEN '2017-01-01' AND '2017-12-31' AND a.type = 'expense' GROUP BY 1
            """).mapValues { $0[0] }
        func actual(program: String, source: String) -> Int64 {
            spent.filter { key, _ in
                let parts = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                return (program.isEmpty || parts[0] == program) && (source.isEmpty || parts[1] == source)
            }.values.reduce(0, +)
        }
        let rows = try #require(report.tables.first { $0.key == "plans" }).rows
        let expected = CrossCheckBooks.plans.map { plan in [plan.amount, actual(program: plan.program, source: plan.source)] }
        #expect(rows.map { [$0[2].integer!, $0[3].integer!] } == expected)
        #expect(rows.map { $0[4] } == expected.map { ReportCell.percent(part: $0[1], whole: $0[0]) })
    }

    @Test func accountRegisterRunsFromTheOpeningBalance() throws {
        let (ledger, books) = try open()
        let report = try ledger.accountRegisterReport(accountCode: "1122", from: Self.date("2016-04-12"), to: Self.date("2016-09-03"))
        let table = try #require(report.tables.first { $0.key == "lines" })
        let opening = try books.sums("SELECT '', coalesce(sum(l.amount_vnd), 0), coalesce(sum(l.amount_foreign), 0) FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id WHERE a.code = '1122' AND e.entry_date < '2016-04-12'")[""]!
        let lines = try books.database.rows("SELECT e.seq, l.amount_vnd, l.amount_foreign FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id WHERE a.code = '1122' AND e.entry_date BETWEEN '2016-04-12' AND '2016-09-03' ORDER BY e.entry_date, e.seq, l.line_no") {
            [$0.int64(at: 0), $0.int64(at: 1), $0.int64(at: 2)]
        }
        #expect(table.rows.count == lines.count + 1)
        #expect(table.rows[0][6].integer == opening[0] && table.rows[0][8].integer == opening[1])
        var balance = opening
        for (row, line) in zip(table.rows.dropFirst(), lines) {
            balance = [balance[0] + line[1], balance[1] + line[2]]
            #expect([row[1].integer, row[4].integer ?? -(row[5].integer ?? 0), row[6].integer, row[7].integer, row[8].integer] == [line[0], line[1], balance[0], line[2], balance[1]])
        }
        #expect(table.totals?[4].integer == lines.reduce(0) { $0 + max($1[1], 0) })
        #expect(table.totals?[5].integer == lines.reduce(0) { $0 + max(-$1[1], 0) })
        #expect(table.totals?[6].integer == balance[0] && table.totals?[8].integer == balance[1])
        #expect(lines.count > 50)
    }

    // MARK: helpers

    /// A table's rows by the English text of their first cell, with the integers of `columns`.
    private func rowsByFirstCell(_ report: Report, _ key: String, columns: [Int]) throws -> [String: [Int64]] {
        let table = try #require(report.tables.first { $0.key == key }, "no table \(key)")
        var rows: [String: [Int64]] = [:]
        for row in table.rows {
            #expect(rows[row[0].english] == nil, "one row per \(row[0].english)")
            rows[row[0].english] = try columns.map { try #require(row[$0].integer) }
        }
        return rows
    }

    private func rowsByFirstCell(_ report: Report, _ key: String, column: Int) throws -> [String: Int64] {
        try rowsByFirstCell(report, key, columns: [column]).mapValues { $0[0] }
    }

    private func total(_ report: Report, _ key: String, column: Int) throws -> Int64? {
        try #require(report.tables.first { $0.key == key }).totals?[column].integer
    }

    private func restrictionCode(_ cell: ReportCell) throws -> String {
        let names = ["Unrestricted": "unrestricted", "Restricted": "restricted", "Designated support": "designated"]
        return try #require(names[cell.english], "restriction \(cell.english)")
    }

    /// a / b rounded half to even, for b > 0.
    private func halfEven(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b, remainder = a % b
        if 2 * remainder > b || (2 * remainder == b && quotient % 2 != 0) { return quotient + 1 }
        return quotient
    }
}

/// The seeded books every cross-check reads, built once through the library.
final class CrossCheckBooks: @unchecked Sendable {
    static let seed: UInt64 = 20_170_331
    static let entryCount = 3_000
    static let designatedGrant = "DES-CO1"
    static let designatedCommitted: Int64 = 200_000_000
    static let designatedReceivedDong: Int64 = 150_000_000
    /// The generator's commitments: 20,000,000,000.00 USD each.
    static let generatedCommitted: Int64 = 2_000_000_000_000
    static let plans: [(program: String, source: String, amount: Int64)] = [
        ("", "", 9_000_000_000), ("", "government-local", 2_500_000_000), ("scholarship", "", 700_000_000), ("milk", "ngo", 300_000_000),
    ]

    let fixture: TemporaryLedger
    var ledger: Ledger { fixture.ledger }
    /// How many reversals were posted.
    let reversals: Int

    init() throws {
        fixture = try TemporaryLedger(withUSDRate: false)
        let ledger = fixture.ledger
        let generator = LedgerGenerator(seed: CrossCheckBooks.seed, startDate: LedgerDate(year: 2016, month: 1, day: 1)!, entriesPerDay: 4)
        try generator.prepare(ledger, entryCount: CrossCheckBooks.entryCount, user: "tester")
        var iterator = generator.makeIterator()
        var drafts: [EntryDraft] = []
        for _ in 0..<CrossCheckBooks.entryCount { drafts.append(iterator.next()!) }
        for start in stride(from: 0, to: drafts.count, by: 500) {
            _ = try ledger.post(Array(drafts[start..<min(start + 500, drafts.count)]), user: "tester")
        }
        var definition = GrantDefinition(code: CrossCheckBooks.designatedGrant, funderCode: "CO1", committed: .vnd(CrossCheckBooks.designatedCommitted))
        definition.programCodes = ["gift"]
        definition.unitCodes = ["U01"]
        definition.designated = true
        definition.validFrom = LedgerDate(year: 2016, month: 1, day: 1)
        try ledger.addGrant(definition, user: "tester")
        var receipt = Receipt(date: LedgerDate(year: 2017, month: 3, day: 3)!)
        receipt.funderCode = "CO1"
        receipt.grantCode = CrossCheckBooks.designatedGrant
        receipt.amount = .vnd(CrossCheckBooks.designatedReceivedDong)
        try ledger.receive(receipt, user: "tester")
        var gifts = Disbursement(date: LedgerDate(year: 2017, month: 4, day: 4)!, programCode: "gift", unitCode: "U01", children: 25)
        gifts.grantCode = CrossCheckBooks.designatedGrant
        gifts.amount = .vnd(40_000_000)
        try ledger.disburse(gifts, user: "tester")
        for plan in CrossCheckBooks.plans {
            try ledger.setPlan(year: 2017, programCode: plan.program.isEmpty ? nil : plan.program,
                               source: plan.source.isEmpty ? nil : FunderKind(rawValue: plan.source), amount: .vnd(plan.amount), user: "tester")
        }
        reversals = try CrossCheckBooks.reverseSomeDisbursements(ledger)
        precondition(reversals >= 5, "the books should hold reversals")
    }

    /// Reverses every 150th disbursement, three days after it — or, when it took goods or
    /// dollars out of a valued holding (an item on 156, the USD account 1122), on the last day
    /// that holding was valued, if that is later: a movement dated before a valuation already
    /// posted is refused (`valuation-order`, docs/posting-rules.md), and the generated books
    /// hand out gift packs and pay in dollars until their last weeks.
    private static func reverseSomeDisbursements(_ ledger: Ledger) throws -> Int {
        let spending = try ledger.database.rows("""
            SELECT seq, entry_date FROM entry WHERE memo IN ('Disbursement', 'Grant disbursement', 'Goods handed out', 'Program paid in USD') ORDER BY seq
            """) { ($0.int64(at: 0), try LedgerDate.parse($0.text(at: 1))) }
        var count = 0
        for (index, (seq, date)) in spending.enumerated() where index % 150 == 7 {
            var reversalDate = date.adding(days: 3)
            // The last valuation of each valued holding the entry moved: goods leaving an item,
            // dollars leaving 1122.
            let lastValuations = try ledger.database.rows("""
                SELECT max(e.entry_date) FROM line mine JOIN account a ON a.id = mine.account_id
                JOIN line l ON l.account_id = mine.account_id AND l.item_id IS mine.item_id AND l.amount_vnd < 0
                JOIN entry e ON e.seq = l.entry_seq
                WHERE mine.entry_seq = ? AND (a.code = '1122' OR mine.item_id IS NOT NULL)
                GROUP BY mine.line_no
                """, [seq]) { try LedgerDate.parse($0.text(at: 0)) }
            for valued in lastValuations where valued > reversalDate { reversalDate = valued }
            _ = try ledger.reverse(seq: seq, reason: "cross-check reversal", date: reversalDate, user: "tester")
            count += 1
        }
        return count
    }
}

/// Sums of the raw lines, by SQL of the test's own.
struct LineSums {
    let database: Database

    /// Rows of `sql` (a text key, then integers) by key.
    func sums(_ sql: String, _ arguments: [any DatabaseBindable] = []) throws -> [String: [Int64]] {
        var result: [String: [Int64]] = [:]
        try database.forEachRow(sql, arguments) { row in
            let key = row.text(at: 0)
            precondition(result[key] == nil, "one row per key: \(key)")
            result[key] = (1..<row.columnCount).map { row.int64(at: $0) }
        }
        return result
    }

    /// Per grant code through `day`: received (dong), received (grant currency), spent (dong),
    /// exchange differences (dong), child-instances — from the grant's lines.
    func grantSums(through day: String) throws -> [String: [Int64]] {
        try sums("""
            SELECT g.code,
                   -coalesce(sum(CASE WHEN a.type = 'revenue' THEN l.amount_vnd END), 0),
                   -coalesce(sum(CASE WHEN a.type = 'revenue' THEN coalesce(l.amount_foreign, l.amount_vnd) END), 0),
                   coalesce(sum(CASE WHEN a.type = 'expense' THEN l.amount_vnd END), 0),
                   -coalesce(sum(CASE WHEN a.code = '413' THEN l.amount_vnd END), 0),
                   coalesce(sum(CASE WHEN a.type = 'expense' THEN l.children END), 0)
            FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id JOIN "grant" g ON g.id = l.grant_id
            WHERE e.entry_date <= ? GROUP BY g.code
            """, [day])
    }
}

extension ReportCell {
    /// The exact integer a cell holds: dong, counts, child-instances (unmasked), minor units.
    var integer: Int64? {
        switch self {
        case .dong(let value), .count(let value), .children(let value), .identifier(let value): value
        case .amount(let amount): amount.minorUnits
        default: nil
        }
    }

    /// The English text of a text, localized or date cell.
    var english: String {
        switch self {
        case .text(let text): text
        case .localized(let text): text.english
        case .date(let date): date.iso
        default: ""
        }
    }
}
