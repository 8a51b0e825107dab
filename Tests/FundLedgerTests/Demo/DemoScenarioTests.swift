import Testing
@testable import FundLedger
@testable import DemoScenarios
import TestSupport

/// Each demonstration scenario reproduces the totals its article published (docs/domain.md §2,
/// shared/seeds/), read back from the ledger's lines with SQL of the test's own; and each
/// ledger verifies and passes the audit.
@Suite struct DemoScenarioTests {
    /// A scenario built into a fresh temporary ledger.
    private struct Built {
        let directory: TemporaryDirectory
        let ledger: Ledger

        init(_ scenario: DemoScenario) throws {
            directory = TemporaryDirectory("cpf-demo-scenario")
            ledger = try scenario.run(at: directory.file("demo.cpf"), user: "demo", configuration: TemporaryLedger.fastConfiguration)
        }

        func integer(_ sql: String, _ arguments: [any DatabaseBindable] = []) throws -> Int64 {
            try ledger.database.scalarInt64(sql, arguments) ?? 0
        }

        /// Net debits of the expense lines of a program, and their child-instances.
        func spending(program: String) throws -> (dong: Int64, children: Int64) {
            let sql = """
                SELECT coalesce(sum(l.amount_vnd), 0), coalesce(sum(l.children), 0) FROM line l
                JOIN account a ON a.id = l.account_id JOIN program p ON p.id = l.program_id
                WHERE a.type = 'expense' AND p.code = ?
                """
            return try #require(try ledger.database.firstRow(sql, [program]) { ($0.int64(at: 0), $0.int64(at: 1)) })
        }

        /// What came into the goods account for an item: quantity and dong of its debit lines.
        func goodsReceived(_ item: String) throws -> (quantity: Int64, dong: Int64) {
            let sql = """
                SELECT coalesce(sum(l.quantity), 0), coalesce(sum(l.amount_vnd), 0) FROM line l
                JOIN account a ON a.id = l.account_id JOIN goods_item g ON g.id = l.item_id
                WHERE a.code = '156' AND g.code = ? AND l.amount_vnd > 0
                """
            return try #require(try ledger.database.firstRow(sql, [item]) { ($0.int64(at: 0), $0.int64(at: 1)) })
        }

        /// Net credits of revenue lines from funders of `kinds`.
        func revenue(kinds: [FunderKind]) throws -> Int64 {
            let list = kinds.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            return try integer("""
                SELECT -sum(l.amount_vnd) FROM line l JOIN account a ON a.id = l.account_id JOIN funder f ON f.id = l.funder_id
                WHERE a.type = 'revenue' AND f.kind IN (\(list))
                """)
        }

        /// The books are whole: the chain verifies, every entry balances, the audit finds no error.
        func expectSound(sourceLocation: SourceLocation = #_sourceLocation) throws {
            let verification = try ledger.verify()
            #expect(verification.isIntact, "\(verification.findings)", sourceLocation: sourceLocation)
            #expect(verification.entryCount == (try integer("SELECT count(*) FROM entry")), sourceLocation: sourceLocation)
            #expect(try integer("SELECT count(*) FROM (SELECT entry_seq FROM line GROUP BY entry_seq HAVING sum(amount_vnd) <> 0)") == 0,
                    sourceLocation: sourceLocation)
            let errors = try ledger.audit().findings.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(errors.map(\.message))", sourceLocation: sourceLocation)
        }
    }

    @Test func tayNinh2018() throws {
        let books = try Built(.tayNinh2018)
        // Six savings books: 4 × 10,000,000 and 2 × 5,000,000 VND, all given as scholarships.
        #expect(try books.goodsReceived("savings-book-10m") == (4, 4 * 10_000_000))
        #expect(try books.goodsReceived("savings-book-5m") == (2, 2 * 5_000_000))
        // More than 250 million VND raised in money by the campaign.
        let campaign = try books.integer("""
            SELECT sum(l.amount_vnd) FROM line l JOIN account a ON a.id = l.account_id JOIN funder f ON f.id = l.funder_id
            WHERE a.code = '1121' AND l.amount_vnd > 0 AND f.code IN ('CLYT-CN', 'CLYT-DN')
            """)
        #expect(campaign > 250_000_000)
        // Scholarships totalling 240,000,000 VND, the savings books among them.
        #expect(try books.spending(program: "scholarship").dong == 240_000_000)
        // One house of 50,000,000 VND.
        #expect(try books.spending(program: "house").dong == 50_000_000)
        #expect(try books.integer("""
            SELECT count(*) FROM line l JOIN account a ON a.id = l.account_id JOIN program p ON p.id = l.program_id
            WHERE a.type = 'expense' AND p.code = 'house'
            """) == 1)
        // 400 gift packages: 1,000,000 VND cash plus a 200,000 VND gift each, to 400 pupils.
        #expect(try books.goodsReceived("gift-pack") == (400, 400 * 200_000))
        let gifts = try books.spending(program: "gift")
        #expect(gifts == (400 * (1_000_000 + 200_000), 400))
        let giftCash = try books.integer("""
            SELECT -sum(l.amount_vnd) FROM line l JOIN account a ON a.id = l.account_id JOIN entry e ON e.seq = l.entry_seq
            WHERE a.code = '1121' AND e.external_ref = 'TN18-GIFT-03'
            """)
        #expect(giftCash == 400 * 1_000_000)
        // 90 bicycles in kind from AIA, handed out to 90 children.
        #expect(try books.goodsReceived("bicycle").quantity == 90)
        #expect(try books.integer("""
            SELECT count(*) FROM line l JOIN funder f ON f.id = l.funder_id JOIN goods_item g ON g.id = l.item_id
            WHERE g.code = 'bicycle' AND f.code = 'AIA' AND l.quantity = 90
            """) == 1)
        #expect(try books.spending(program: "bicycle").children == 90)
        // Free milk for 1,337 children.
        #expect(try books.goodsReceived("milk-year").quantity == 1_337)
        #expect(try books.spending(program: "milk").children == 1_337)
        // Everything in kind was handed out: nothing is left on 156.
        #expect(try books.integer("SELECT sum(l.amount_vnd) FROM line l JOIN account a ON a.id = l.account_id WHERE a.code = '156'") == 0)
        try books.expectSound()
    }

    @Test func konTum2013To2020() throws {
        let books = try Built(.konTum2013To2020)
        // State budget 20,594 million VND = 7,266 million central + 13,328 million local.
        let central = try books.revenue(kinds: [.governmentCentral])
        let local = try books.revenue(kinds: [.governmentLocal])
        #expect(central == 7_266_000_000)
        #expect(local == 13_328_000_000)
        #expect(central + local == 20_594_000_000)
        #expect(try books.integer("SELECT -sum(l.amount_vnd) FROM line l JOIN account a ON a.id = l.account_id WHERE a.code IN ('5111', '5112')")
                == 20_594_000_000)
        // 24 foreign NGOs and 2 individuals committed 10.2 million USD through 51 programmes.
        #expect(try books.integer("SELECT count(DISTINCT g.funder_id) FROM \"grant\" g JOIN funder f ON f.id = g.funder_id WHERE f.kind = 'ngo'") == 24)
        #expect(try books.integer("SELECT count(DISTINCT g.funder_id) FROM \"grant\" g JOIN funder f ON f.id = g.funder_id WHERE f.kind = 'individual'") == 2)
        #expect(try books.integer("SELECT count(*) FROM \"grant\" WHERE currency = 'USD'") == 51)
        #expect(try books.integer("SELECT count(*) FROM \"grant\"") == 51)
        let committedCents = try books.integer("SELECT sum(committed_minor) FROM grant_terms WHERE version = 1")
        #expect(committedCents == 10_200_000 * 100)
        #expect(try books.integer("SELECT count(*) FROM grant_terms WHERE version > 1") == 0)
        // ≈ 236 billion VND at the 2020-12-31 rate of 23,130 (235,926,000,000).
        let committedDong = halfEven(committedCents * 23_130, 100)
        #expect(committedDong == 235_926_000_000)
        #expect(halfEven(committedDong, 1_000_000_000) == 236)
        let utilizations = try books.ledger.grantUtilizations(through: LedgerDate(year: 2020, month: 12, day: 31)!)
        #expect(utilizations.reduce(0) { $0 + ($1.committedDong ?? 0) } == 235_926_000_000)
        // Each commitment restricted to one program and one district.
        #expect(try books.integer("SELECT count(*) FROM grant_terms_program") == 51)
        #expect(try books.integer("SELECT count(*) FROM grant_terms_unit") == 51)
        // Every foreign receipt is booked at a yearly SBV rate with its date and source.
        #expect(try books.integer("SELECT count(*) FROM line WHERE currency = 'USD' AND amount_foreign > 0 AND rate_source <> 'SBV'") == 0)
        #expect(try books.integer("SELECT count(*) FROM line WHERE currency = 'USD' AND (rate IS NULL OR rate_date IS NULL)") == 0)
        // Everything that came into 1122 was converted: both balances are zero.
        #expect(try books.integer("SELECT sum(l.amount_vnd) FROM line l JOIN account a ON a.id = l.account_id WHERE a.code = '1122'") == 0)
        #expect(try books.integer("SELECT sum(l.amount_foreign) FROM line l JOIN account a ON a.id = l.account_id WHERE a.code = '1122'") == 0)
        // More than 20,000 child-instances a year.
        for year in 2013...2020 {
            let children = try books.integer("""
                SELECT sum(l.children) FROM line l JOIN entry e ON e.seq = l.entry_seq WHERE e.entry_date BETWEEN ? AND ?
                """, ["\(year)-01-01", "\(year)-12-31"])
            #expect(children > 20_000, "\(year): \(children)")
        }
        try books.expectSound()
    }

    @Test func thuaThienHue2016To2020() throws {
        let books = try Built(.thuaThienHue2016To2020)
        // 96.245 billion VND spent on the project against a 35 billion VND plan: 275 %.
        let spent = try books.integer("""
            SELECT sum(l.amount_vnd) FROM line l JOIN account a ON a.id = l.account_id JOIN entry e ON e.seq = l.entry_seq
            WHERE a.type = 'expense' AND e.entry_date BETWEEN '2016-01-01' AND '2020-12-31'
            """)
        #expect(spent == 96_245_000_000)
        let plan = try books.integer("SELECT sum(amount_vnd) FROM plan WHERE year BETWEEN 2016 AND 2020")
        #expect(plan == 35_000_000_000)
        #expect(halfEven(spent * 100, plan) == 275)
        // The fund mobilized more than 35 billion VND (everything but the state budget).
        let mobilized = try books.revenue(kinds: [.ngo, .company, .individual, .other])
        #expect(mobilized > 35_000_000_000)
        #expect(mobilized == 35_193_557_000)
        // More than 66,000 child-instances.
        let children = try books.integer("SELECT sum(l.children) FROM line l JOIN account a ON a.id = l.account_id WHERE a.type = 'expense'")
        #expect(children > 66_000)
        #expect(children == 66_400)
        try books.expectSound()
    }

    @Test func everyScenarioIsListedWithItsDescriptionAndPeriod() {
        #expect(DemoScenario.all.map(\.name) == ["tay-ninh-2018", "kon-tum-2013-2020", "thua-thien-hue-2016-2020"])
        for scenario in DemoScenario.all {
            #expect(DemoScenario.named(scenario.name)?.name == scenario.name)
            #expect(scenario.startDate < scenario.endDate)
            let english = scenario.description.english, vietnamese = scenario.description.vietnamese
            #expect(english.contains("Published") && (english.contains("Assumed") || english.contains("Spread")))
            #expect(vietnamese.contains("Số liệu đã công bố") && (vietnamese.contains("Giả định") || vietnamese.contains("Phân bổ")))
        }
    }
}
