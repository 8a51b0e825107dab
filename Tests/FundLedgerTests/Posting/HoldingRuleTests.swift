import Testing
@testable import FundLedger
import LedgerGenerator
import LedgerSchema
import TestSupport

/// The rules that hold on every date (docs/posting-rules.md, steps 12–13) and the maintained
/// daily holdings they read (ledger-schema/009).
@Suite struct HoldingRuleTests {
    static func date(_ text: String) -> LedgerDate { try! LedgerDate.parse(text) }

    // MARK: The timeline, against a brute-force replay

    /// Random changes on random days, applied in random order; every question the rules ask
    /// of the timeline is checked against the end-of-day balances worked out by hand.
    @Test(.tags(.heavy), TestRun.heavy, arguments: [1 as UInt64, 2, 3, 4, 5])
    func theTimelineAnswersAsAReplayWould(seed: UInt64) {
        var random = RepeatableRandomNumberGenerator(seed: seed)
        var timeline = HoldingTimeline(total: HoldingChange(), loadedFrom: Int32.min, days: [])
        var changes: [(day: Int32, net: Int64, valued: Bool)] = []
        for _ in 0..<300 {
            let day = Int32(20180101 + Int.random(in: 0..<28, using: &random))
            let net = Int64.random(in: -50...80, using: &random)
            let valued = Int.random(in: 0..<5, using: &random) == 0
            changes.append((day, net, valued))
            timeline.apply(HoldingChange(net: net, valueDong: net * 10, valuations: valued ? 1 : 0, lineCount: 1), on: day)
            // Questions about a random day.
            let asked = Int32(20180101 + Int.random(in: 0..<30, using: &random))
            let closing = { (day: Int32) in changes.filter { $0.day <= day }.reduce(Int64(0)) { $0 + $1.net } }
            #expect(timeline.asOf(asked).net == closing(asked))
            #expect(timeline.asOf(asked).valueDong == closing(asked) * 10)
            #expect(timeline.firstValuation(after: asked) == changes.filter { $0.valued && $0.day > asked }.map(\.day).min())
            let outflow = -Int64.random(in: 1...200, using: &random)
            let days = Set(changes.map(\.day).filter { $0 >= asked } + [asked]).sorted()
            let expected = days.first { closing($0) + outflow < 0 }.map { ($0, closing($0) + outflow) }
            let actual = timeline.firstShortfall(adding: outflow, on: asked)
            #expect(actual?.dayKey == expected?.0 && actual?.balance == expected?.1, "seed \(seed): outflow \(outflow) on \(asked)")
        }
    }

    /// A long run of days in date order keeps at most `dayCountMax` of them; the rest stay in
    /// the total, so the figures of every day still covered are exact.
    @Test func aLongTimelineKeepsFlatMemoryAndExactFigures() {
        var timeline = HoldingTimeline(total: HoldingChange(), loadedFrom: Int32.min, days: [])
        var start = LedgerDate(year: 2010, month: 1, day: 1)!
        var closing: [Int32: Int64] = [:]
        var running: Int64 = 0
        for index in 0..<2_000 {
            let day = Int32(start.dayKey)
            let net = Int64(index % 7 == 0 ? -30 : 10)
            running += net
            closing[day] = running
            timeline.apply(HoldingChange(net: net, valueDong: net, valuations: 0, lineCount: 1), on: day)
            start = start.adding(days: 1)
        }
        #expect(timeline.days.count <= HoldingTimeline.dayCountMax)
        #expect(timeline.total.net == running)
        #expect(!timeline.covers(20100101))
        for (day, balance) in closing where timeline.covers(day) {
            #expect(timeline.asOf(day).net == balance)
        }
        let lastDay = timeline.lastDay!
        #expect(timeline.firstShortfall(adding: -running, on: lastDay) == nil)
        #expect(timeline.firstShortfall(adding: -running - 1, on: lastDay)?.balance == -1)
    }

    // MARK: Back-dated posting, against a replay of the bank account

    /// Receipts and payments on 1121 with random dates in random order: each is accepted
    /// exactly when no end of day from its date on would go below zero, and the refusal names
    /// the first day that would. The file is unchanged by every refusal.
    @Test(.tags(.heavy), TestRun.heavy, arguments: [11 as UInt64, 12, 13])
    func backDatedPaymentsAreAcceptedExactlyWhenEveryLaterDayStaysCovered(seed: UInt64) throws {
        var random = RepeatableRandomNumberGenerator(seed: seed)
        let books = try TemporaryLedger()
        let ledger = books.ledger
        var posted: [(day: Int, amount: Int64)] = []
        var refusals = 0, payments = 0
        for index in 0..<120 {
            let offset = Int.random(in: 0..<60, using: &random)
            let day = LedgerDate(year: 2018, month: 3, day: 1)!.adding(days: offset)
            let isPayment = Int.random(in: 0..<5, using: &random) < 3
            let amount = Int64.random(in: 1...40, using: &random) * 100_000
            let lines: [LineDraft] = isPayment
                ? [.debit("6119", .vnd(amount), dimensions: Dimensions(program: "other")), .credit("1121", .vnd(amount))]
                : [.debit("1121", .vnd(amount)), .credit("5132", .vnd(amount))]
            let closing = { (key: Int) in posted.filter { $0.day <= key }.reduce(Int64(0)) { $0 + $1.amount } }
            let days = Set(posted.map(\.day).filter { $0 >= day.dayKey } + [day.dayKey]).sorted()
            let firstShort = isPayment ? days.first { closing($0) - amount < 0 } : nil
            let before = try LedgerFingerprint.of(books.path)
            do {
                try ledger.post(EntryDraft(date: day, memo: "entry \(index)", lines: lines), user: "tester")
                #expect(firstShort == nil, "seed \(seed): entry \(index) of \(amount) on \(day) should have been refused")
                posted.append((day: day.dayKey, amount: isPayment ? -amount : amount))
                if isPayment { payments += 1 }
            } catch let error as LedgerError {
                #expect(error.rule == .insufficientFunds, "\(error)")
                let short = try #require(firstShort, "seed \(seed): entry \(index) on \(day) was refused: \(error)")
                #expect(error.message.contains(LedgerDate(dayKey: short)!.iso), "names the first day that breaks: \(error.message)")
                #expect(try LedgerFingerprint.of(books.path) == before)
                refusals += 1
            }
        }
        #expect(payments >= 10 && refusals >= 5, "both outcomes occur: \(payments) payments, \(refusals) refusals")
        #expect(try ledger.verify().isIntact)
        #expect(try !ledger.audit().hasErrors)
    }

    // MARK: The maintained tables

    /// A small fund with money, dollars, goods and a grant.
    static func books() throws -> FundingBooks {
        let books = try FundingBooks()
        try books.addGrant("AIA-2018", funder: "AIA", committed: "100000000 VND", programs: ["scholarship"])
        try books.receive("2018-02-01", funder: "AIA", grant: "AIA-2018", "60000000 VND")
        try books.receive("2018-02-02", funder: "KFW", "1000.00 USD")
        try books.convert("2018-03-01", "100.00 USD", received: 2_300_000)
        var disbursement = Disbursement(date: date("2018-03-05"), programCode: "scholarship", unitCode: "TN", children: 3)
        disbursement.grantCode = "AIA-2018"
        disbursement.amount = .vnd(10_000_000)
        try books.ledger.disburse(disbursement, user: "tester")
        return books
    }

    /// What migration 009 computes for a ledger written before it equals what posting
    /// maintains: the tables are emptied and filled again by the migration's own statements.
    @Test func theMigrationsBackfillEqualsWhatPostingMaintains() throws {
        let books = try HoldingRuleTests.books()
        let database = books.ledger.database
        var before: [String] = []
        for table in ["holding_day", "holding_total", "journal_extent"] {
            before += try database.rows("SELECT * FROM \(table) ORDER BY 1, 2, 3") { row in (0..<row.columnCount).map { row.int64(at: $0) }.description }
        }
        #expect(before.count > 5)
        let migration = try #require(LedgerSchema.migrations.first { $0.name == "009_holdings_by_day" })
        let inserts = migration.sql.components(separatedBy: ";").filter { $0.contains("INSERT INTO") }
        #expect(inserts.count == 3)
        try database.writeTransaction {
            for table in ["holding_day", "holding_total", "journal_extent"] { try database.execute("DELETE FROM \(table)") }
            for statement in inserts { try database.execute(statement) }
        }
        var after: [String] = []
        for table in ["holding_day", "holding_total", "journal_extent"] {
            after += try database.rows("SELECT * FROM \(table) ORDER BY 1, 2, 3") { row in (0..<row.columnCount).map { row.int64(at: $0) }.description }
        }
        #expect(after == before)
    }

    /// Each derived table changed by hand is a finding of `verify`.
    @Test(arguments: [
        "UPDATE holding_day SET net = net + 1 WHERE rowid IN (SELECT rowid FROM holding_day LIMIT 1)",
        "UPDATE holding_day SET valuations = valuations + 1 WHERE kind = 1",
        "DELETE FROM holding_day WHERE kind = 3",
        "UPDATE holding_total SET net = net - 1 WHERE kind = 1",
        "UPDATE holding_total SET last_day = 21991231 WHERE kind = 3",
        "UPDATE journal_extent SET dong = dong + 1",
        "INSERT INTO holding_day VALUES (2, 999, 20180101, 5, 5, 0, 1)",
    ])
    func verifyFindsTamperedHoldings(statement: String) throws {
        let books = try HoldingRuleTests.books()
        #expect(try books.ledger.verify().isIntact)
        try books.ledger.database.execute(statement.replacingOccurrences(of: "rowid IN (SELECT rowid FROM holding_day LIMIT 1)", with: "kind = 1"))
        books.ledger.invalidateRegistryCache()
        let report = try books.ledger.verify()
        #expect(!report.isIntact, "verify should find: \(statement)")
    }

    /// An allocation "anywhere" takes the spending of its program in every place without an
    /// allocation of its own; a place with its own is held to that one.
    @Test func allocationsHoldOnEveryDateForTheirPlaces() throws {
        let books = try FundingBooks()
        try books.addGrant("AIA-2018", funder: "AIA", committed: "100000000 VND", programs: ["scholarship"], units: ["TN"])
        try books.receive("2018-02-01", funder: "AIA", grant: "AIA-2018", "100000000 VND")
        try books.ledger.allocateGrant("AIA-2018", program: "scholarship", unit: nil, amount: .vnd(30_000_000), user: "tester")
        try books.ledger.allocateGrant("AIA-2018", program: "scholarship", unit: "TN-HT", amount: .vnd(20_000_000), user: "tester")
        func spend(_ dong: Int64, in unit: String, on day: String) throws {
            var disbursement = Disbursement(date: HoldingRuleTests.date(day), programCode: "scholarship", unitCode: unit, children: 1)
            disbursement.grantCode = "AIA-2018"
            disbursement.amount = .vnd(dong)
            try books.ledger.disburse(disbursement, user: "tester")
        }
        func refused(_ dong: Int64, in unit: String, on day: String, mentioning text: String) throws {
            let before = try LedgerFingerprint.of(books.path)
            do {
                try spend(dong, in: unit, on: day)
                Issue.record("\(dong) in \(unit) on \(day) should have been refused")
            } catch let error as LedgerError {
                #expect(error.rule == .overspent, "\(error)")
                #expect(error.message.contains(text), "\(error.message)")
            }
            #expect(try LedgerFingerprint.of(books.path) == before)
        }
        try spend(25_000_000, in: "TN", on: "2018-03-01")
        try refused(10_000_000, in: "TN", on: "2018-03-02", mentioning: "any place")
        try spend(15_000_000, in: "TN-HT", on: "2018-03-02")     // its own allocation, not "anywhere"
        try refused(10_000_000, in: "TN-HT", on: "2018-03-03", mentioning: "unit TN-HT")
        try spend(5_000_000, in: "TN", on: "2018-03-03")         // 30,000,000 anywhere: exactly the allocation
        // Back-dated before them, 1 dong more anywhere breaks 2018-03-03.
        try refused(1, in: "TN", on: "2018-02-15", mentioning: "on 2018-03-03 (a later date already posted)")
        #expect(try books.ledger.verify().isIntact)
        let findings = try books.ledger.audit().findings
        #expect(!findings.contains { $0.severity == .error }, "\(findings)")
    }

    /// A revaluation's line on 1122 carries dong alone, and so does its reversal: written
    /// through the ledger, they are no finding of the audit.
    @Test func aRevaluationAndItsReversalAreNoFinding() throws {
        let books = try FundingBooks()
        try books.ledger.setSetting("fx-revaluation", to: "allowed", user: "tester")
        try books.receive("2018-02-01", funder: "KFW", "1000.00 USD")
        try books.setRate("2018-12-31", "23200")
        let revaluation = try #require(try books.ledger.revalue(accountCode: "1122", on: HoldingRuleTests.date("2018-12-31"), user: "tester"))
        var findings = try books.ledger.audit().findings
        #expect(!findings.contains { $0.severity == .error }, "\(findings)")
        try books.ledger.reverse(seq: revaluation.seq, reason: "not allowed after all", date: HoldingRuleTests.date("2018-12-31"), user: "tester")
        findings = try books.ledger.audit().findings
        #expect(!findings.contains { $0.severity == .error }, "\(findings)")
        #expect(try books.ledger.verify().isIntact)
    }

    /// Books written before lines had to agree with their accounts: the audit's `lines-agree`
    /// control finds a program on another program's account and dollars on a dong account.
    @Test func theAuditFindsLinesThatDisagreeWithTheirAccounts() throws {
        let books = try HoldingRuleTests.books()
        let database = books.ledger.database
        #expect(try books.ledger.audit().findings(for: .linesAgree).isEmpty)
        try database.writeTransaction {
            try database.execute("""
                INSERT INTO entry (seq, entry_date, memo, posted_by, posted_at, hash)
                VALUES ((SELECT max(seq) + 1 FROM entry), '2018-04-01', 'old books', 'x', '2018-04-01T00:00:00.000Z', zeroblob(32))
                """)
            try database.execute("""
                INSERT INTO line (entry_seq, line_no, account_id, amount_vnd, program_id) VALUES
                ((SELECT max(seq) FROM entry), 1, (SELECT id FROM account WHERE code = '6112'), 1000, (SELECT id FROM program WHERE code = 'scholarship'))
                """)
            try database.execute("""
                INSERT INTO line (entry_seq, line_no, account_id, amount_vnd, currency, amount_foreign, rate, rate_date, rate_source) VALUES
                ((SELECT max(seq) FROM entry), 2, (SELECT id FROM account WHERE code = '1121'), -1000, 'USD', -4, '250', '2018-04-01', 'x')
                """)
        }
        let findings = try books.ledger.audit().findings(for: .linesAgree)
        #expect(findings.count == 2, "\(findings)")
        #expect(findings.contains { $0.message.contains("scholarship") && $0.message.contains("6112") })
        #expect(findings.contains { $0.message.contains("1121") && $0.message.contains("USD") })
    }
}

/// `TextRules.nfc` and its ASCII test, against the standard library's canonical equivalence.
@Suite struct NFCTests {
    @Test(arguments: ["", "a", "PHIẾU-1", "PHIE\u{302}\u{301}U-1", "0123456789abcdef", "0123456789abcdeé", "é0123456789abcdef", "Quỹ Bảo trợ trẻ em tỉnh Tây Ninh", String(repeating: "x", count: 100) + "\u{301}"])
    func nfcIsComposedAndCanonicallyEquivalent(text: String) {
        let composed = TextRules.nfc(text)
        #expect(composed == text, "canonically equivalent")
        #expect(TextRules.nfc(composed).utf8.elementsEqual(composed.utf8), "idempotent")
        #expect(TextRules.isASCII(text) == text.utf8.allSatisfy { $0 < 0x80 })
        #expect(Array(TextRules.nfc("PHIE\u{302}\u{301}U-1").utf8) == Array("PHI\u{1EBE}U-1".utf8))
    }
}
