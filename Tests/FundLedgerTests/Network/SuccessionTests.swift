import Foundation
@testable import FundLedger
import LedgerGenerator
import Testing
import TestSupport

/// Funds that merge (`cpf init --successor-of`, docs/fund-network.md): the successor's trial
/// balance on the merger date equals the sum of the predecessors', to the dong; so do every
/// grant's figures and the goods on hand; the predecessors take no more entries; and every
/// refusal leaves no successor and the predecessors as they were.
@Suite struct SuccessionTests {
    static let day = LedgerDate(year: 2025, month: 6, day: 30)!
    static let from = LedgerDate(year: 2025, month: 7, day: 1)!

    /// A province's books for the first half of 2025, from `seed`.
    static func predecessor(_ directory: TemporaryDirectory, _ name: String, index: Int, seed: UInt64) throws -> (path: String, ledger: Ledger) {
        var random = RepeatableRandomNumberGenerator(seed: seed)
        let path = directory.file("\(name).cpf")
        let ledger = try Ledger.create(at: path, fundName: "Quỹ BTTE tỉnh \(name)", user: "tester", configuration: TemporaryLedger.fastConfiguration)
        try ledger.addFunder(code: "NSDP", name: "Ngân sách địa phương", kind: .governmentLocal, user: "tester")
        try ledger.addFunder(code: "CO\(index)", name: "Công ty \(index)", kind: .company, user: "tester")
        try ledger.addUnit(code: "U\(index)", name: "Xã \(index)", level: .commune, user: "tester")
        var grant = GrantDefinition(code: "G\(index)", funderCode: "CO\(index)", committed: .vnd(900_000_000))
        grant.programCodes = ["gift", "bicycle"]
        grant.designated = index % 2 == 0
        grant.signedOn = LedgerDate(year: 2025, month: 1, day: 1)!
        try ledger.addGrant(grant, user: "tester")
        for step in 0..<40 {
            let date = LedgerDate(year: 2025, month: 1, day: 2)!.adding(days: Int.random(in: 0...175, using: &random))
            do {
                switch Int.random(in: 0..<5, using: &random) {
                case 0:
                    var receipt = Receipt(date: date)
                    receipt.funderCode = Bool.random(using: &random) ? "NSDP" : "CO\(index)"
                    receipt.grantCode = receipt.funderCode == "NSDP" ? nil : "G\(index)"
                    receipt.amount = .vnd(Int64.random(in: 1...90, using: &random) * 1_000_000)
                    receipt.externalRef = "PT-\(step)"
                    try ledger.receive(receipt, user: "tester")
                case 1:
                    var goods = Receipt(date: date)
                    goods.funderCode = "CO\(index)"
                    goods.grantCode = Bool.random(using: &random) ? "G\(index)" : nil
                    goods.inKind = InKindGoods(itemCode: "bicycle", quantity: Int64.random(in: 1...20, using: &random),
                                               unitValue: .vnd(Int64.random(in: 10...20, using: &random) * 100_000), basis: "hóa đơn")
                    try ledger.receive(goods, user: "tester")
                case 2:
                    var handOut = Disbursement(date: date, programCode: "bicycle", unitCode: "U\(index)", children: 1)
                    handOut.inKindItemCode = "bicycle"
                    handOut.quantity = Int64.random(in: 1...6, using: &random)
                    handOut.children = handOut.quantity!
                    try ledger.disburse(handOut, user: "tester")
                default:
                    var spending = Disbursement(date: date, programCode: "gift", unitCode: "U\(index)", children: Int64.random(in: 1...30, using: &random))
                    spending.grantCode = Bool.random(using: &random) ? "G\(index)" : nil
                    spending.amount = .vnd(Int64.random(in: 1...20, using: &random) * 1_000_000)
                    try ledger.disburse(spending, user: "tester")
                }
            } catch is LedgerError {
                // Short on that date: refused, as the books should.
            }
        }
        return (path, ledger)
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func theSuccessorsBalancesOnTheMergerDateAreThePredecessorsSum(seed: UInt64) throws {
        let directory = TemporaryDirectory("cpf-merger")
        let count = 2 + Int(seed % 2)
        let predecessors = try (0..<count).map { try SuccessionTests.predecessor(directory, "P\($0)", index: $0, seed: seed * 10 + UInt64($0)) }
        for predecessor in predecessors {
            try predecessor.ledger.setPlan(year: 2025, programCode: "gift", source: nil, amount: .vnd(400_000_000), user: "tester")
            try predecessor.ledger.setPlan(year: 2026, programCode: "scholarship", source: nil, amount: .vnd(50_000_000), user: "tester")
            try predecessor.ledger.setPlan(year: 2024, programCode: "house", source: nil, amount: .vnd(10_000_000), user: "tester")
        }
        let successor = try Ledger.createSuccessor(at: directory.file("successor.cpf"), fundName: "Quỹ BTTE tỉnh mới", predecessorPaths: predecessors.map(\.path),
                                                   from: SuccessionTests.from, user: "tester", configuration: TemporaryLedger.fastConfiguration)
        // Plans: later years whole, the merger year less what was spent against it; past years not.
        var giftSpent: Int64 = 0
        for predecessor in predecessors {
            var spent: Int64 = 0
            try predecessor.ledger.forEachEntry { entry in
                for line in entry.lines where line.program?.code == "gift" && line.account.code.hasPrefix("6") { spent += line.amountDong }
            }
            giftSpent += max(400_000_000 - spent, 0)
        }
        let plans = try successor.plans()
        #expect(plans.first { $0.year == 2025 && $0.programCode == "gift" }?.amountDong == giftSpent)
        #expect(plans.first { $0.year == 2026 && $0.programCode == "scholarship" }?.amountDong == Int64(count) * 50_000_000)
        #expect(!plans.contains { $0.year == 2024 })

        // The trial balance, account by account, to the dong.
        var expected: [String: (debit: Int64, credit: Int64)] = [:]
        for predecessor in predecessors {
            try predecessor.ledger.forEachEntry { entry in
                for line in entry.lines {
                    expected[line.account.code, default: (0, 0)].debit += max(line.amountDong, 0)
                    expected[line.account.code, default: (0, 0)].credit += max(-line.amountDong, 0)
                }
            }
        }
        let balances = try successor.trialBalance(through: SuccessionTests.day)
        #expect(!expected.isEmpty)
        for (code, figures) in expected {
            let row = balances.first { $0.accountCode == code }
            #expect((row?.debitDong ?? 0) - (row?.creditDong ?? 0) == figures.debit - figures.credit, "account \(code)")
        }
        // Every grant's figures, and the goods on hand with their value.
        for predecessor in predecessors {
            for grant in try predecessor.ledger.grants() {
                let before = try predecessor.ledger.grantFigures(grantID: grant.id)
                let carried = try successor.grantFigures(grantID: try #require(try successor.grants().first { $0.code == grant.code }).id)
                #expect(carried.receivedDong == before.receivedDong && carried.spentDong == before.spentDong && carried.availableDong == before.availableDong, "grant \(grant.code)")
            }
        }
        let lotsBefore = try predecessors.flatMap { try $0.ledger.goodsLotTrace(through: SuccessionTests.day).lots }.filter { $0.remaining > 0 }
        let lotsAfter = try successor.goodsLotTrace(through: SuccessionTests.day).lots
        #expect(lotsAfter.reduce(0) { $0 + $1.remaining } == lotsBefore.reduce(0) { $0 + $1.remaining })
        #expect(try successor.carryingValue(itemCode: "bicycle", quantity: lotsAfter.reduce(0) { $0 + $1.remaining }, on: SuccessionTests.from) ==
                expected["156"].map { $0.debit - $0.credit } ?? 0)

        #expect(try successor.verify().isIntact)
        #expect(try successor.checkPredecessors(at: predecessors.map(\.path)).isEmpty)
        #expect(!(try successor.audit().hasErrors))
        for predecessor in predecessors {
            let reopened = try Ledger.open(at: predecessor.path)
            #expect(try reopened.verify().isIntact)
            #expect(try reopened.successor()?.ledgerID == successor.ledgerID)
            var late = Receipt(date: SuccessionTests.day)
            late.funderCode = "NSDP"
            late.amount = .vnd(1)
            #expect(throws: LedgerError.self) { try reopened.receive(late, user: "tester") }
        }
        // The successor spends what it carried, under the same restrictions.
        var spending = Disbursement(date: SuccessionTests.from, programCode: "scholarship", unitCode: "U0", children: 1)
        spending.grantCode = "G0"
        spending.amount = .vnd(1_000_000)
        #expect { try successor.disburse(spending, user: "tester") } throws: { ($0 as? LedgerError)?.rule == .restriction || ($0 as? LedgerError)?.rule == .overspent }
    }

    @Test func aPredecessorChangedAfterwardsIsFoundByVerify() throws {
        let directory = TemporaryDirectory("cpf-merger")
        let predecessors = try (0..<2).map { try SuccessionTests.predecessor(directory, "P\($0)", index: $0, seed: 7 + UInt64($0)) }
        let successor = try Ledger.createSuccessor(at: directory.file("successor.cpf"), fundName: "Quỹ mới", predecessorPaths: predecessors.map(\.path),
                                                   from: SuccessionTests.from, user: "tester", configuration: TemporaryLedger.fastConfiguration)
        let database = try Database(path: predecessors[1].path, mode: .readWrite)
        try database.execute("DROP TRIGGER line_is_immutable")
        try database.execute("UPDATE line SET amount_vnd = amount_vnd + 1 WHERE entry_seq = 1 AND amount_vnd > 0")
        try database.execute("UPDATE line SET amount_vnd = amount_vnd - 1 WHERE entry_seq = 1 AND amount_vnd < 0")
        let findings = try successor.checkPredecessors(at: predecessors.map(\.path))
        #expect(findings.contains { $0.english.contains("does not equal") }, "\(findings.map(\.english))")
        #expect(findings.contains { $0.english.hasPrefix("Quỹ BTTE tỉnh P1:") })
    }

    /// Every refusal: nothing is created, no predecessor changes.
    @Test func refusalsLeaveNoSuccessorAndThePredecessorsAsTheyWere() throws {
        let directory = TemporaryDirectory("cpf-merger")
        let first = try SuccessionTests.predecessor(directory, "P0", index: 0, seed: 1)
        let second = try SuccessionTests.predecessor(directory, "P1", index: 1, seed: 2)
        // A third whose funder code CO1 names another company than the second's.
        let clash = try Ledger.create(at: directory.file("clash.cpf"), fundName: "Quỹ khác", user: "tester", configuration: TemporaryLedger.fastConfiguration)
        try clash.addFunder(code: "CO1", name: "Công ty khác", kind: .company, user: "tester")
        // A fourth with an entry after the merger date.
        let late = try Ledger.create(at: directory.file("late.cpf"), fundName: "Quỹ muộn", user: "tester", configuration: TemporaryLedger.fastConfiguration)
        try late.post(EntryDraft(date: SuccessionTests.from, memo: "sau sáp nhập", lines: [
            LineDraft(accountCode: "1111", side: .debit, amount: .vnd(5)), LineDraft(accountCode: "4211", side: .credit, amount: .vnd(5)),
        ]), user: "tester")
        let paths = [first.path, second.path, clash.path, late.path]
        let before = try paths.map { try LedgerFingerprint.of($0) }
        for (given, rule) in [([first.path, second.path, clash.path], LedgerError.Rule.invalidInput), ([first.path, late.path], .invalidInput), ([first.path, first.path], .invalidInput)] {
            let target = directory.file("successor.cpf")
            #expect(throws: LedgerError.self) {
                do { _ = try Ledger.createSuccessor(at: target, fundName: "Quỹ mới", predecessorPaths: given, from: SuccessionTests.from, user: "tester") } catch let error as LedgerError {
                    #expect(error.rule == rule, "\(error)")
                    throw error
                }
            }
            #expect(!FileManager.default.fileExists(atPath: target))
        }
        #expect(try paths.map { try LedgerFingerprint.of($0) } == before)
        // Merged once, a predecessor cannot be merged again.
        _ = try Ledger.createSuccessor(at: directory.file("s1.cpf"), fundName: "Quỹ mới", predecessorPaths: [first.path, second.path], from: SuccessionTests.from, user: "tester")
        #expect(throws: LedgerError.self) { try Ledger.createSuccessor(at: directory.file("s2.cpf"), fundName: "Quỹ mới", predecessorPaths: [first.path], from: SuccessionTests.from, user: "tester") }
        #expect(!FileManager.default.fileExists(atPath: directory.file("s2.cpf")))
    }

    /// A year that spans the merger, consolidated with the predecessors: each balance counted
    /// once — the predecessors' own books until the merger, the successor's after it — and
    /// the statements agree with themselves.
    @Test(arguments: [21, 22] as [UInt64])
    func consolidatingThePredecessorsWithTheSuccessorCountsEveryBalanceOnce(seed: UInt64) throws {
        let directory = TemporaryDirectory("cpf-merger")
        let predecessors = try (0..<2).map { try SuccessionTests.predecessor(directory, "P\($0)", index: $0, seed: seed * 10 + UInt64($0)) }
        let path = directory.file("successor.cpf")
        let successor = try Ledger.createSuccessor(at: path, fundName: "Quỹ mới", predecessorPaths: predecessors.map(\.path),
                                                   from: SuccessionTests.from, user: "tester", configuration: TemporaryLedger.fastConfiguration)
        var receipt = Receipt(date: LedgerDate(year: 2025, month: 8, day: 1)!)
        receipt.funderCode = "NSDP"
        receipt.amount = .vnd(70_000_000)
        try successor.receive(receipt, user: "tester")
        var spending = Disbursement(date: LedgerDate(year: 2025, month: 8, day: 2)!, programCode: "gift", unitCode: "U1", children: 7)
        spending.amount = .vnd(9_000_000)
        try successor.disburse(spending, user: "tester")

        var expected: [String: Int64] = [:]
        for ledger in predecessors.map(\.ledger) + [successor] {
            try ledger.forEachEntry { entry in
                guard entry.externalRef?.hasPrefix("MERGE-") != true else { return }
                for line in entry.lines { expected[line.account.code, default: 0] += line.amountDong }
            }
        }
        for (from, to) in [(LedgerDate(year: 2025, month: 1, day: 1)!, LedgerDate(year: 2025, month: 12, day: 31)!),
                           (LedgerDate(year: 2025, month: 7, day: 15)!, LedgerDate(year: 2025, month: 12, day: 31)!)] {
            let books = try ConsolidatedBooks.consolidate(paths: predecessors.map(\.path) + [path], from: from, to: to)
            #expect(books.findings.isEmpty)
            let report = books.report()
            for (code, amount) in expected {
                #expect(ConsolidationTests.consolidated(report, "trial-balance", row: code) == amount, "account \(code) from \(from)")
            }
            let cash = try #require(report.tables.first { $0.key == "cash-flow" })
            let opening = ConsolidationTests.value(cash.rows.first!.last!), net = ConsolidationTests.value(cash.rows.last!.last!)
            let closing = ConsolidationTests.value(cash.totals!.last!)
            #expect(opening + net == closing)
            #expect(closing == expected.filter { $0.key.hasPrefix("111") || $0.key.hasPrefix("112") }.values.reduce(0, +))
            let position = try #require(report.tables.first { $0.key == "financial-position" })
            let totals = position.rows.filter { ["Total assets", "Total liabilities and net assets"].contains($0[0].displayText(.english, isPublic: false)) }
            #expect(totals.count == 2 && ConsolidationTests.value(totals[0].last!) == ConsolidationTests.value(totals[1].last!))
        }
    }

    /// A foreign balance whose dong value no exact rate gives cannot be carried as it is.
    @Test func aForeignBalanceWithoutAnExactRateIsRefused() throws {
        let directory = TemporaryDirectory("cpf-merger")
        let ledger = try Ledger.create(at: directory.file("p.cpf"), fundName: "Quỹ", user: "tester", configuration: TemporaryLedger.fastConfiguration)
        try ledger.addFunder(code: "NGO", name: "NGO", kind: .ngo, currency: .usd, country: "DE", user: "tester")
        for (day, rate, cents) in [(2, "22750", Int64(100)), (3, "22751", Int64(200))] {
            var receipt = Receipt(date: LedgerDate(year: 2025, month: 2, day: day)!)
            receipt.funderCode = "NGO"
            receipt.amount = Amount(minorUnits: cents, currency: .usd)
            receipt.rate = try Rate.parse(rate)
            receipt.rateSource = "VCB"
            try ledger.receive(receipt, user: "tester")
        }
        let before = try LedgerFingerprint.of(directory.file("p.cpf"))
        #expect { try Ledger.createSuccessor(at: directory.file("s.cpf"), fundName: "Quỹ mới", predecessorPaths: [directory.file("p.cpf")], from: SuccessionTests.from, user: "tester") }
            throws: { ($0 as? LedgerError)?.rule == .invalidRate && ($0 as? LedgerError)?.message.contains("1122") == true }
        #expect(!FileManager.default.fileExists(atPath: directory.file("s.cpf")))
        #expect(try LedgerFingerprint.of(directory.file("p.cpf")) == before)
    }
}
