import Foundation
import Testing
@testable import FundLedger
import LedgerGenerator
import TestSupport

/// `goods_use` (migration 014, docs/goods-lots.md): as posting writes a hand-out, it stores
/// each lot's share of each of the hand-out's spending lines (its lines on expense accounts),
/// and a reversal of the hand-out stores a negated copy of every one of its rows.
///
/// On random books — receipts in kind of several items from several donors, some under a
/// grant; hand-outs of two or three items at once with several spending lines (programs,
/// places, donors named, child-instances), single-item ones, some split by lot; batches posted
/// in one transaction, one of them refused; an import; reversals of hand-outs and of receipts —
/// the rows posting stored are exactly those the lots replayed from the lines give; each
/// hand-out's rows account for every unit, dong and child-instance of its lines; a reversal
/// cancels the rows of every item the hand-out took; the lots hold what was received less
/// what is out; and `verify` finds nothing. A changed, missing or extra row is a finding.
@Suite struct GoodsUseTests {
    private func date(_ text: String) -> LedgerDate { FundingBooks.date(text) }

    /// The suite's property, on a random book of 40 to 80 steps per seed.
    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64]) func postingStoresExactlyTheUsesTheLotsGiveOnRandomBooks(seed: UInt64) throws {
        var book = try RandomGoodsBook(seed: seed)
        do {
            try book.build()
        } catch {
            Issue.record(error, "building the book of seed \(seed) failed after: \(book.log.joined(separator: "; "))")
            return
        }
        try book.checkUses()
    }

    /// The case that was wrong before migration 014: a reversal cancelled the uses of the first
    /// item of a hand-out only.
    @Test func aReversedHandOutOfTwoItemsCancelsTheUsesOfBoth() throws {
        let books = try FundingBooks()
        let handOut = try postTwoItemHandOut(books)
        let reversal = try books.ledger.reverse(seq: handOut.seq, reason: "wrong commune", date: date("2018-03-06"), user: "tester")
        let stored = try books.ledger.storedGoodsUses()
        let uses = stored.filter { $0.seq == handOut.seq }, cancels = stored.filter { $0.seq == reversal.seq }
        let items = try books.ledger.codes(of: .goodsItem).byCode
        #expect(Set(uses.map(\.itemID)) == Set([items["bicycle"], items["milk-box"]]))
        #expect(Set(cancels.map(\.itemID)) == Set(uses.map(\.itemID)), "the reversal cancels both items")
        for item in Set(uses.map(\.itemID)) {
            let net = (uses + cancels).filter { $0.itemID == item }
            #expect(net.map(\.quantity).sum == 0 && net.map(\.valueDong).sum == 0 && net.map(\.children).sum == 0)
        }
        #expect(try books.ledger.verify().findings.isEmpty)
    }

    /// A hand-out drawing on a grant's lot and on another lot is posted with a goods line per
    /// lot, of the same item. Its reversal puts each line's units back into the lot that line
    /// drew on, so every unit is on hand again and can be handed out.
    @Test func aReversedHandOutSplitByLotPutsTheUnitsOfEveryLotBack() throws {
        let books = try FundingBooks()
        try books.addGrant("AIA-BIKES", funder: "AIA", committed: "15000000 VND", programs: ["bicycle"], units: ["TN"])
        try books.receiveInKind("2018-06-01", funder: "AIA", grant: "AIA-BIKES", item: "bicycle", quantity: 10, unitValue: 1_500_000)
        try books.receiveInKind("2018-06-02", funder: "NSTW", item: "bicycle", quantity: 10, unitValue: 1_400_000)
        let handOut = try books.handOut("2018-06-05", item: "bicycle", quantity: 12, children: 12)
        #expect(handOut.lines.compactMap(\.quantity) == [-10, -2], "a goods line per lot")
        let reversal = try books.ledger.reverse(seq: handOut.seq, reason: "wrong commune", date: date("2018-06-06"), user: "tester")
        let trace = try books.ledger.goodsLotTrace(through: date("2018-12-31"))
        #expect(trace.lots.map(\.remaining) == [10, 10], "each goods line's units are back in the lot it drew on")
        let net = trace.uses.filter { $0.seq == handOut.seq || $0.seq == reversal.seq }
        #expect(net.map(\.quantity).sum == 0 && net.map(\.valueDong).sum == 0)
        let again = try books.handOut("2018-06-07", item: "bicycle", quantity: 20, children: 20)
        #expect(again.lines.filter { $0.quantity != nil }.map(\.amountDong).sum == -29_000_000)
        #expect(try books.ledger.verify().findings.isEmpty)
    }

    /// With several spending lines, each lot's rows still add up to the units the lot lost
    /// (docs/goods-lots.md: "quantity — the units drawn from the lot"), so a donor's statement
    /// never shows more of its goods handed out than left its lot, nor another donor's fewer.
    @Test func eachLotsRowsAddUpToTheUnitsItLostWithSeveralSpendingLines() throws {
        let books = try FundingBooks()
        try books.receiveInKind("2018-03-01", funder: "AIA", item: "bicycle", quantity: 1, unitValue: 1_500_000)
        try books.receiveInKind("2018-03-02", funder: "NSTW", item: "bicycle", quantity: 1, unitValue: 1_500_000)
        var goods = LineDraft.credit("156", .vnd(3_000_000))
        (goods.item, goods.quantity) = ("bicycle", 2)
        var inTN = LineDraft.debit("6115", .vnd(1_500_000), dimensions: Dimensions(program: "bicycle", unit: "TN"))
        var inBP = LineDraft.debit("6115", .vnd(1_500_000), dimensions: Dimensions(program: "bicycle", unit: "BP"))
        (inTN.children, inBP.children) = (1, 1)
        let handOut = try #require(try books.ledger.post(EntryDraft(date: date("2018-03-05"), memo: "Bicycles", lines: [inTN, inBP, goods]), user: "tester").entry)
        let uses = try books.ledger.storedGoodsUses().filter { $0.seq == handOut.seq }
        for funder in ["AIA", "NSTW"] {
            let id = try #require(try books.ledger.funder(code: funder)).id
            let own = uses.filter { $0.funderID == id }
            #expect(own.map(\.quantity).sum == 1 && own.map(\.children).sum == 1 && own.map(\.valueDong).sum == 1_500_000,
                    "\(funder)'s one bicycle: \(own.map { ($0.spendingLine, $0.quantity, $0.children, $0.valueDong) })")
        }
    }

    /// Each lot's rows carry the value the lot lost (docs/goods-lots.md: "for a hand-out posted
    /// by this version, each lot's share is its own lots' value, up to rounding"), not the
    /// hand-out's value shared by units when the lots' units are worth different amounts.
    @Test func eachLotsRowsCarryTheValueOfItsOwnUnits() throws {
        let books = try FundingBooks()
        try books.receiveInKind("2018-06-01", funder: "AIA", item: "bicycle", quantity: 10, unitValue: 1_500_000)
        try books.receiveInKind("2018-06-02", funder: "NSTW", item: "bicycle", quantity: 10, unitValue: 1_400_000)
        let handOut = try books.handOut("2018-06-05", item: "bicycle", quantity: 12, children: 12)
        #expect(handOut.lines.filter { $0.quantity != nil }.map(\.amountDong) == [-17_800_000])
        let uses = try books.ledger.storedGoodsUses().filter { $0.seq == handOut.seq }
        let aia = try #require(try books.ledger.funder(code: "AIA")).id
        #expect(uses.filter { $0.funderID == aia }.map(\.valueDong) == [15_000_000], "AIA's 10 bicycles at 1,500,000")
        #expect(uses.filter { $0.funderID != aia }.map(\.valueDong) == [2_800_000], "NSTW's 2 bicycles at 1,400,000")
    }

    /// An import reads every lot at once (`FundingState.readAll`); a hand-out posted before it
    /// through the same `Ledger` has left that item's lots read. The imported hand-out's uses
    /// are stored once.
    @Test func anImportAfterAHandOutThroughTheSameLedgerStoresEachUseOnce() throws {
        let books = try FundingBooks()
        try books.receiveInKind("2018-06-01", funder: "AIA", item: "bicycle", quantity: 10, unitValue: 1_500_000)
        try books.receiveInKind("2018-06-02", funder: "NSTW", item: "bicycle", quantity: 10, unitValue: 1_400_000)
        try books.handOut("2018-06-05", item: "bicycle", quantity: 2, children: 2)
        let value = try books.ledger.carryingValue(itemCode: "bicycle", quantity: 9, on: date("2018-06-10"))
        #expect(value == 8 * 1_500_000 + 1_400_000)
        let path = books.fixture.directory.file("hand-out.csv")
        try """
            entry,date,memo,account,debit,credit,currency,program,unit,item,quantity,children
            1,2018-06-10,Bicycles,6115,\(value),,VND,bicycle,TN,,,9
            1,,,156,,\(value),VND,,,bicycle,9,

            """.write(toFile: path, atomically: true, encoding: .utf8)
        let summary = try books.ledger.importCSV(path: path, format: .entries, user: "tester")
        let seq = try #require(summary.firstSeq)
        let uses = try books.ledger.storedGoodsUses().filter { $0.seq == seq }
        #expect(uses.map(\.quantity) == [8, 1] && uses.map(\.children) == [8, 1])
        #expect(try books.ledger.verify().findings.isEmpty)
    }

    /// `verify` compares `goods_use` with the lots replayed from the lines: a row changed by a
    /// dong, a row deleted and a row added are each a finding.
    @Test func verifyFindsAChangedAMissingAndAnExtraGoodsUseRow() throws {
        let books = try FundingBooks()
        let handOut = try postTwoItemHandOut(books)
        let ledger = books.ledger
        #expect(try ledger.verify().findings.isEmpty)
        let use = try #require(try ledger.storedGoodsUses().last { $0.seq == handOut.seq && $0.valueDong > 0 })
        let key = "entry_seq = \(use.seq) AND goods_line = \(use.goodsLine) AND spending_line = \(use.spendingLine) AND lot_seq = \(use.lotSeq) AND lot_line = \(use.lotLine)"
        func findings() throws -> [String] { try ledger.verify().findings.map(\.message) }

        try ledger.database.execute("UPDATE goods_use SET value_vnd = value_vnd + 1 WHERE \(key)")
        let changed = try findings()
        #expect(changed.contains { $0.contains("goods_use") && $0.contains("entry \(use.seq)") && $0.contains("worth \(use.valueDong + 1) VND") }, "\(changed)")
        try ledger.database.execute("UPDATE goods_use SET value_vnd = value_vnd - 1 WHERE \(key)")
        #expect(try findings().isEmpty, "the row restored")

        try ledger.database.execute("DELETE FROM goods_use WHERE \(key)")
        let missing = try findings()
        #expect(missing.contains { $0.contains("goods_use") && $0.contains("entry \(use.seq)") && $0.contains("holds nothing") }, "\(missing)")

        try ledger.database.execute("""
            INSERT INTO goods_use (entry_seq, goods_line, spending_line, lot_seq, lot_line, day_key, item_id, funder_id, grant_id,
                                   account_id, program_id, unit_id, names_donor, quantity, value_vnd, children)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
            """, [use.seq, use.goodsLine, use.spendingLine, use.lotSeq, use.lotLine, Int64(use.dayKey), use.itemID, use.funderID, use.grantID,
                  use.accountID, use.programID, use.unitID, Int64(use.namesDonor ? 1 : 0), use.quantity, use.valueDong, use.children])
        #expect(try findings().isEmpty, "the row put back")
        try ledger.database.execute("""
            INSERT INTO goods_use (entry_seq, goods_line, spending_line, lot_seq, lot_line, day_key, item_id, funder_id, grant_id,
                                   account_id, program_id, unit_id, names_donor, quantity, value_vnd, children)
            SELECT entry_seq, goods_line, spending_line + 100, lot_seq, lot_line, day_key, item_id, funder_id, grant_id,
                   account_id, program_id, unit_id, names_donor, quantity, value_vnd, children
            FROM goods_use WHERE \(key)
            """)
        let extra = try findings()
        #expect(extra.contains { $0.contains("goods_use") && $0.contains("spending line \(use.spendingLine + 100)") && $0.contains("give nothing") }, "\(extra)")
    }

    /// Ten bicycles of AIA and 40 boxes of milk of NSTW received; 4 bicycles and 30 boxes
    /// handed out in one entry, to TN and to BP (the milk's spending line naming NSTW).
    @discardableResult
    private func postTwoItemHandOut(_ books: FundingBooks) throws -> JournalEntry {
        try books.receiveInKind("2018-03-01", funder: "AIA", item: "bicycle", quantity: 10, unitValue: 1_500_000)
        try books.receiveInKind("2018-03-02", funder: "NSTW", item: "milk-box", quantity: 40, unitValue: 250_000)
        let bicycles = try books.ledger.carryingValue(itemCode: "bicycle", quantity: 4, on: date("2018-03-05"))
        let milk = try books.ledger.carryingValue(itemCode: "milk-box", quantity: 30, on: date("2018-03-05"))
        var bicycleLine = LineDraft.credit("156", .vnd(bicycles)), milkLine = LineDraft.credit("156", .vnd(milk))
        (bicycleLine.item, bicycleLine.quantity, milkLine.item, milkLine.quantity) = ("bicycle", 4, "milk-box", 30)
        var inTN = LineDraft.debit("6115", .vnd(bicycles), dimensions: Dimensions(program: "bicycle", unit: "TN"))
        var inBP = LineDraft.debit("6112", .vnd(milk), dimensions: Dimensions(funder: "NSTW", program: "milk", unit: "BP"))
        (inTN.children, inBP.children) = (4, 30)
        return try #require(try books.ledger.post(EntryDraft(date: date("2018-03-05"), memo: "Goods handed out",
                                                             lines: [inTN, inBP, bicycleLine, milkLine]), user: "tester").entry)
    }
}

/// A random book of goods movements, built entry by entry through the ways `cpf` posts them,
/// and what the test knows of it: the units of each item on hand, every hand-out and its
/// reversal.
private struct RandomGoodsBook {
    static let items = ["bicycle", "milk-box", "school-kit"]
    /// The program `cpf disburse --in-kind` hands each item out for.
    static let itemPrograms = ["bicycle": "bicycle", "milk-box": "milk", "school-kit": "gift"]
    /// Programs with the expense account each is booked on.
    static let programs: [(code: String, account: String)] = [("bicycle", "6115"), ("milk", "6112"), ("gift", "6114"),
                                                              ("counselling", "6118"), ("scholarship", "6111")]
    static let units = ["TN", "TN-HT", "BP"]
    static let donors = ["AIA", "NSTW", "KFW", "PLAN"]

    let seed: UInt64
    let books: FundingBooks
    var random: RepeatableRandomNumberGenerator
    /// Days since 2018-01-01; never goes back (a goods movement dated before a hand-out is refused).
    var day = 0
    var onHand: [String: Int64] = [:]
    /// Every hand-out posted, reversed or not, in order.
    var handOuts: [Int64] = []
    /// Each reversed hand-out's reversal.
    var reversals: [Int64: Int64] = [:]
    /// Receipts in kind, in order, and those reversed.
    var receipts: [Int64] = []
    var reversedReceipts: Set<Int64> = []
    /// What was built, for the messages.
    var log: [String] = []

    init(seed: UInt64) throws {
        self.seed = seed
        random = RepeatableRandomNumberGenerator(seed: seed &* 0xD1B5_4A32_D192_ED03)
        books = try FundingBooks()
        try books.addGrant("AIA-KIND", funder: "AIA", committed: "100000000000 VND", programs: ["bicycle", "milk", "gift"], units: ["TN", "BP"])
        try books.receive("2018-01-01", funder: "NSTW", "5000000000 VND")
    }

    var date: LedgerDate { LedgerDate(year: 2018, month: 1 + day / 28, day: 1 + day % 28)! }

    mutating func below(_ bound: Int) -> Int { Int(random.next(upperBound: UInt64(bound))) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func count(upTo most: Int64) -> Int64 { 1 + Int64(below(Int(most))) }

    // MARK: Building

    mutating func build() throws {
        for item in RandomGoodsBook.items { try receiveInKind(item) }
        let steps = 40 + below(41)
        for step in 0..<steps {
            day += below(3)
            if step == steps * 2 / 3 { try importHandOuts(); continue }
            let stocked = RandomGoodsBook.items.filter { onHand[$0, default: 0] > 0 }
            let roll = below(100)
            if stocked.count < 2 || onHand.values.reduce(0, +) < 15 || roll < 22 {
                try receiveInKind(RandomGoodsBook.items[below(RandomGoodsBook.items.count)])
            } else if roll < 42 {
                try post(handOutDraft(pickGoods(from: stocked, items: 2...3)))
            } else if roll < 57 {
                try handOutOneItem(stocked[below(stocked.count)])
            } else if roll < 71 {
                try reverseAHandOut()
            } else if roll < 82 {
                try postABatch(stocked)
            } else if roll < 87 {
                try reverseTheLastReceipt()
            } else if roll < 91 {
                try refuseABatch(stocked)
            } else {
                try receiveInKind(RandomGoodsBook.items[below(RandomGoodsBook.items.count)])
            }
        }
        try reverseAHandOutOfSeveralItems()
    }

    /// `cpf receive --in-kind`: of any donor, AIA's sometimes under its grant.
    mutating func receiveInKind(_ item: String) throws {
        let funder = RandomGoodsBook.donors[below(RandomGoodsBook.donors.count)]
        let grant = funder == "AIA" && chance(50) ? "AIA-KIND" : nil
        let quantity = count(upTo: 25), unitValue = Int64(10_000 + 997 * below(2_000))
        let entry = try books.receiveInKind(date.iso, funder: funder, grant: grant, item: item, quantity: quantity, unitValue: unitValue)
        onHand[item, default: 0] += quantity
        receipts.append(entry.seq)
        log.append("\(entry.seq) receipt \(quantity) \(item) of \(funder)\(grant.map { " under \($0)" } ?? "")")
    }

    /// A receipt in kind as a draft, worth a little more than a whole number of dong a unit,
    /// so that a lot's units do not share its value evenly.
    mutating func receiptDraft(_ item: String) -> (draft: EntryDraft, quantity: Int64) {
        let funder = RandomGoodsBook.donors[below(RandomGoodsBook.donors.count)]
        let quantity = count(upTo: 20)
        let value = quantity * Int64(10_000 + 991 * below(2_000)) + Int64(below(Int(quantity)))
        var goods = LineDraft.debit("156", .vnd(value), dimensions: Dimensions(funder: funder))
        (goods.item, goods.quantity) = (item, quantity)
        return (EntryDraft(date: date, memo: "Goods received", lines: [goods, .credit("5133", .vnd(value), dimensions: Dimensions(funder: funder))]), quantity)
    }

    /// `itemCount` different items on hand (the first sometimes on a second goods line too, as
    /// a hand-out split by lot has it), and how many of each, leaving `taken` aside.
    mutating func pickGoods(from stocked: [String], items itemCount: ClosedRange<Int>, taken: [String: Int64] = [:]) -> [(item: String, quantity: Int64)] {
        let available = stocked.filter { onHand[$0, default: 0] - taken[$0, default: 0] > 0 }.shuffled(using: &random)
        let chosen = available.prefix(min(available.count, itemCount.lowerBound + below(itemCount.count)))
        var goods: [(item: String, quantity: Int64)] = []
        var left = taken
        for item in chosen {
            let quantity = count(upTo: min(onHand[item, default: 0] - left[item, default: 0], 12))
            goods.append((item, quantity))
            left[item, default: 0] += quantity
        }
        if let item = chosen.first, onHand[item, default: 0] - left[item, default: 0] > 0, chance(20) {
            goods.append((item, count(upTo: min(onHand[item, default: 0] - left[item, default: 0], 6))))
        }
        return goods
    }

    /// The carrying value of the `quantity` units of `item` handed out after `skipping` units
    /// handed out before them in the same transaction: first in, first out, so the value of
    /// the first `skipping + quantity` units less that of the first `skipping`.
    func value(_ item: String, _ quantity: Int64, skipping: Int64) throws -> Int64 {
        func firstUnits(_ units: Int64) throws -> Int64 {
            units == 0 ? 0 : try books.ledger.goodsDraws(itemCode: item, quantity: units, on: date).reduce(0) { $0 + $1.valueDong }
        }
        return try firstUnits(skipping + quantity) - firstUnits(skipping)
    }

    /// A hand-out of `goods` at their carrying value, with one to three spending lines sharing
    /// it — on programs' expense accounts in several places, or management costs, some naming
    /// a donor, most with child-instances — sometimes with money paid too, and sometimes an
    /// expense line credited (a spending line with no share), the lines in any order.
    mutating func handOutDraft(_ goods: [(item: String, quantity: Int64)], skipping: [String: Int64] = [:]) throws -> EntryDraft {
        // Valued in the order the lines come: of an item on two lines, the first takes the
        // first units.
        var taken = skipping
        var goodsLines: [LineDraft] = []
        var total: Int64 = 0
        for (item, quantity) in goods.shuffled(using: &random) {
            let value = try value(item, quantity, skipping: taken[item, default: 0])
            taken[item, default: 0] += quantity
            var line = LineDraft.credit("156", .vnd(value))
            (line.item, line.quantity) = (item, quantity)
            goodsLines.append(line)
            total += value
        }
        var lines: [LineDraft] = []
        if chance(25) {
            let cash = 1_000 * count(upTo: 5_000)
            lines.append(.credit("1121", .vnd(cash)))
            total += cash
        }
        if chance(15) {
            let refund = 1_000 * count(upTo: 500)
            lines.append(.credit("6119", .vnd(refund)))
            total += refund
        }
        let spendingCount = 1 + below(3)
        var cuts: Set<Int64> = []
        while cuts.count < spendingCount - 1 { cuts.insert(1 + Int64(below(Int(total - 1)))) }
        let bounds = [0] + cuts.sorted() + [total]
        for index in 0..<spendingCount {
            let amount = Amount.vnd(bounds[index + 1] - bounds[index])
            var line: LineDraft
            if chance(12) {
                line = .debit("6428", amount)
            } else {
                let program = RandomGoodsBook.programs[below(RandomGoodsBook.programs.count)]
                let funder = chance(25) ? ["AIA", "NSTW", "PLAN"][below(3)] : nil
                line = .debit(program.account, amount, dimensions: Dimensions(funder: funder, program: program.code, unit: RandomGoodsBook.units[below(RandomGoodsBook.units.count)]))
            }
            if chance(75) { line.children = count(upTo: 40) }
            lines.append(line)
        }
        // The other lines anywhere among the goods lines, which keep their order.
        var others = lines.shuffled(using: &random)[...], inOrder = goodsLines[...]
        var merged: [LineDraft] = []
        for isGoods in (goodsLines.map { _ in true } + others.map { _ in false }).shuffled(using: &random) {
            merged.append(isGoods ? inOrder.removeFirst() : others.removeFirst())
        }
        return EntryDraft(date: date, memo: "Goods handed out", lines: merged)
    }

    @discardableResult
    mutating func post(_ draft: EntryDraft) throws -> JournalEntry {
        let entry = try #require(try books.ledger.post(draft, user: "tester").entry)
        noteHandOut(entry)
        return entry
    }

    mutating func noteHandOut(_ entry: JournalEntry) {
        noteGoods(entry)
        handOuts.append(entry.seq)
        let goods = entry.lines.compactMap { line in line.item.map { "\(-(line.quantity ?? 0)) \($0.code)" } }
        log.append("\(entry.seq) hand-out \(goods.joined(separator: " + ")), \(entry.lines.count) lines")
    }

    /// A hand-out of one item: `cpf disburse --in-kind` (split by lot when it draws on the
    /// grant's goods), or a draft of its own.
    mutating func handOutOneItem(_ item: String) throws {
        let quantity = count(upTo: min(onHand[item, default: 0], 15))
        if chance(50) {
            let entry = try books.handOut(date.iso, program: RandomGoodsBook.itemPrograms[item]!, unit: RandomGoodsBook.units[below(RandomGoodsBook.units.count)],
                                          item: item, quantity: quantity, children: count(upTo: 30))
            noteHandOut(entry)
        } else {
            try post(handOutDraft([(item, quantity)]))
        }
    }

    mutating func reverseAHandOut() throws {
        let open = handOuts.filter { reversals[$0] == nil }
        guard !open.isEmpty else { return }
        try reverseHandOut(open[below(open.count)])
    }

    mutating func reverseHandOut(_ seq: Int64) throws {
        let reversal = try books.ledger.reverse(seq: seq, reason: "test", date: date, user: "tester")
        noteGoods(reversal)
        reversals[seq] = reversal.seq
        log.append("\(reversal.seq) reverses \(seq)")
    }

    /// The units an entry brings in or takes out.
    mutating func noteGoods(_ entry: JournalEntry) {
        for line in entry.lines where line.account.code == "156" {
            if let item = line.item, let quantity = line.quantity { onHand[item.code, default: 0] += quantity }
        }
    }

    /// Reverses a hand-out of several items, posting one first when none is left to reverse.
    mutating func reverseAHandOutOfSeveralItems() throws {
        var seq: Int64?
        for handOut in handOuts.reversed() where reversals[handOut] == nil {
            let entry = try #require(try books.ledger.entry(seq: handOut))
            if Set(entry.lines.compactMap { $0.item?.id }).count > 1 { seq = handOut; break }
        }
        if seq == nil {
            for item in RandomGoodsBook.items where onHand[item, default: 0] == 0 { try receiveInKind(item) }
            seq = try post(handOutDraft(pickGoods(from: RandomGoodsBook.items, items: 2...3))).seq
        }
        try reverseHandOut(seq!)
    }

    /// Reverses the latest receipt in kind when none of its goods went out since; refused
    /// otherwise (`valuation-order`), and nothing is written.
    mutating func reverseTheLastReceipt() throws {
        guard let seq = receipts.last(where: { !reversedReceipts.contains($0) }) else { return }
        do {
            let reversal = try books.ledger.reverse(seq: seq, reason: "test", date: date, user: "tester")
            noteGoods(reversal)
            reversedReceipts.insert(seq)
            log.append("\(reversal.seq) reverses receipt \(seq)")
        } catch let refusal as LedgerError where refusal.rule == .valuationOrder || refusal.rule == .insufficientGoods {
            log.append("receipt \(seq) not reversed (\(refusal.rule.rawValue))")
        }
    }

    /// A hand-out of several items, a receipt and a hand-out of items the first took, in one
    /// transaction.
    mutating func postABatch(_ stocked: [String]) throws {
        let first = pickGoods(from: stocked, items: 2...3)
        let taken = first.reduce(into: [String: Int64]()) { $0[$1.item, default: 0] += $1.quantity }
        let receipt = receiptDraft(RandomGoodsBook.items[below(RandomGoodsBook.items.count)])
        var drafts = [try handOutDraft(first), receipt.draft]
        let second = pickGoods(from: Array(taken.keys).sorted(), items: 1...2, taken: taken)
        if !second.isEmpty { drafts.append(try handOutDraft(second, skipping: taken)) }
        let outcomes = try books.ledger.post(drafts, user: "tester")
        let entries = try outcomes.map { try #require($0.entry) }
        noteHandOut(entries[0])
        noteGoods(entries[1])
        receipts.append(entries[1].seq)
        log.append("\(entries[1].seq) receipt \(receipt.quantity) in the batch")
        if entries.count > 2 { noteHandOut(entries[2]) }
    }

    /// A batch whose second hand-out states one dong more than its goods carry: refused
    /// whole, and nothing of the first is left behind (the lots read in the transaction are
    /// dropped with it).
    mutating func refuseABatch(_ stocked: [String]) throws {
        let first = pickGoods(from: stocked, items: 2...3)
        let taken = first.reduce(into: [String: Int64]()) { $0[$1.item, default: 0] += $1.quantity }
        let second = pickGoods(from: Array(taken.keys).sorted(), items: 1...1, taken: taken)
        guard !second.isEmpty else { return }
        var wrong = try handOutDraft(second, skipping: taken)
        let goods = try #require(wrong.lines.firstIndex { $0.item != nil })
        let spending = try #require(wrong.lines.firstIndex { $0.side == .debit })
        for index in [goods, spending] { wrong.lines[index].amount = .vnd(wrong.lines[index].amount.minorUnits + 1) }
        let drafts = [try handOutDraft(first), wrong]
        let books = self.books
        try books.expectRefused(.rateMismatch) { _ = try books.ledger.post(drafts, user: "tester") }
        log.append("batch refused")
    }

    /// `cpf import`: a hand-out of several items and one of an item the first took, from a
    /// file of entries, through a connection of its own as the command opens it (through the
    /// same `Ledger`: `anImportAfterAHandOutThroughTheSameLedgerStoresEachUseOnce`).
    mutating func importHandOuts() throws {
        let stocked = RandomGoodsBook.items.filter { onHand[$0, default: 0] > 0 }
        guard stocked.count >= 2 else { return }
        let first = pickGoods(from: stocked, items: 2...3)
        let taken = first.reduce(into: [String: Int64]()) { $0[$1.item, default: 0] += $1.quantity }
        var drafts = [try handOutDraft(first)]
        let second = pickGoods(from: Array(taken.keys).sorted(), items: 1...1, taken: taken)
        if !second.isEmpty { drafts.append(try handOutDraft(second, skipping: taken)) }
        let path = books.fixture.directory.file("hand-outs-\(day).csv")
        try RandomGoodsBook.csv(drafts).write(toFile: path, atomically: true, encoding: .utf8)
        let summary = try Ledger.open(at: books.path).importCSV(path: path, format: .entries, user: "tester")
        #expect(summary.postedCount == drafts.count)
        for seq in try #require(summary.firstSeq)...(try #require(summary.lastSeq)) {
            noteHandOut(try #require(try books.ledger.entry(seq: seq)))
            log[log.count - 1] += " (imported)"
        }
    }

    /// Drafts in the `entries` layout of `cpf import` (docs/import-formats.md).
    static func csv(_ drafts: [EntryDraft]) -> String {
        var text = "entry,date,memo,account,debit,credit,currency,funder,grant,program,unit,item,quantity,children\n"
        for (index, draft) in drafts.enumerated() {
            for (number, line) in draft.lines.enumerated() {
                let amount = String(line.amount.minorUnits)
                let entry: [String] = ["\(index + 1)", number == 0 ? draft.date.iso : "", number == 0 ? draft.memo : ""]
                let amounts: [String] = [line.accountCode, line.side == .debit ? amount : "", line.side == .credit ? amount : "", "VND"]
                let dimensions: [String?] = [line.dimensions.funder, line.dimensions.grant, line.dimensions.program, line.dimensions.unit]
                let goods: [String?] = [line.item, line.quantity.map { String($0) }, line.children.map { String($0) }]
                let fields = entry + amounts + (dimensions + goods).map { $0 ?? "" }
                text += fields.joined(separator: ",") + "\n"
            }
        }
        return text
    }

    // MARK: Checking

    func checkUses() throws {
        let ledger = books.ledger
        let context = "seed \(seed): \(log.joined(separator: "; "))"
        let trace = try ledger.goodsLotTrace(through: LedgerDate(year: 2018, month: 12, day: 31)!)
        let stored = try ledger.storedGoodsUses()
        #expect(stored == trace.uses.sorted { $0.precedes($1) }, "what posting stored is what the lots replayed from the lines give; \(context)")
        let findings = try ledger.verify().findings.map(\.message)
        #expect(findings.isEmpty, "\(findings); \(context)")

        let types = Dictionary(uniqueKeysWithValues: try ledger.accountsByCode().values.map { ($0.id, $0.type) })
        let lots = Dictionary(uniqueKeysWithValues: trace.lots.map { ("\($0.seq)/\($0.lineNumber)", $0) })
        var hadTwoItems = false, reversedTwoItems = false
        for seq in handOuts {
            let entry = try #require(try ledger.entry(seq: seq))
            let uses = stored.filter { $0.seq == seq }
            let goods = entry.lines.filter { $0.account.code == "156" && ($0.quantity ?? 0) < 0 }
            let spending = entry.lines.filter { types[$0.account.id] == .expense && $0.amountDong > 0 }
            let about = "seed \(seed), hand-out \(seq)"
            #expect(!goods.isEmpty && !spending.isEmpty && !uses.isEmpty, "\(about)")
            // Every unit, dong and child-instance of the hand-out, exactly once.
            #expect(uses.map(\.quantity).sum == -goods.compactMap(\.quantity).sum, "\(about)")
            #expect(uses.map(\.valueDong).sum == -goods.map(\.amountDong).sum, "\(about)")
            #expect(uses.map(\.children).sum == spending.compactMap(\.children).sum, "\(about)")
            for line in goods {
                let share = uses.filter { $0.goodsLine == Int64(line.lineNumber) }
                #expect(share.map(\.quantity).sum == -(line.quantity ?? 0), "goods line \(line.lineNumber); \(about)")
                #expect(share.map(\.valueDong).sum == -line.amountDong, "goods line \(line.lineNumber); \(about)")
                #expect(share.allSatisfy { $0.itemID == line.item?.id }, "goods line \(line.lineNumber); \(about)")
            }
            for line in spending {
                let share = uses.filter { $0.spendingLine == Int64(line.lineNumber) }
                let namesDonor = line.funder != nil || line.grant != nil
                #expect(share.map(\.children).sum == line.children ?? 0, "spending line \(line.lineNumber); \(about)")
                for use in share {
                    #expect(use.accountID == line.account.id, "spending line \(line.lineNumber); \(about)")
                    #expect(use.programID == line.program?.id ?? 0 && use.unitID == line.unit?.id ?? 0, "spending line \(line.lineNumber); \(about)")
                    #expect(use.namesDonor == namesDonor, "spending line \(line.lineNumber); \(about)")
                }
            }
            let goodsLines = Set(goods.map { Int64($0.lineNumber) }), spendingLines = Set(spending.map { Int64($0.lineNumber) })
            for use in uses {
                #expect(goodsLines.contains(use.goodsLine) && spendingLines.contains(use.spendingLine),
                        "every row is of a goods line and a spending line with an amount; \(about)")
                #expect(use.dayKey == Int32(entry.date.dayKey), "\(about)")
                let lot = lots["\(use.lotSeq)/\(use.lotLine)"]
                #expect(lot?.itemID == use.itemID, "every row is of a lot of its item; \(about)")
                #expect(lot?.owner.funderID == use.funderID && lot?.owner.grantID == use.grantID, "every row carries its lot's owner; \(about)")
            }
            let items = Set(goods.compactMap { $0.item?.id })
            hadTwoItems = hadTwoItems || items.count > 1

            guard let reversal = reversals[seq] else { continue }
            let cancels = stored.filter { $0.seq == reversal }
            let reversalDay = Int32(try #require(try ledger.entry(seq: reversal)).date.dayKey)
            #expect(Set(cancels.map(\.itemID)) == items, "the reversal \(reversal) cancels every item; \(about)")
            struct Lot: Hashable { let item, seq, line: Int64 }
            let net = (uses + cancels).reduce(into: [Lot: (Int64, Int64, Int64)]()) { net, use in
                let lot = Lot(item: use.itemID, seq: use.lotSeq, line: use.lotLine)
                let sum = net[lot] ?? (0, 0, 0)
                net[lot] = (sum.0 + use.quantity, sum.1 + use.valueDong, sum.2 + use.children)
            }
            #expect(net.values.allSatisfy { $0 == (0, 0, 0) }, "reversal \(reversal) nets every lot to zero: \(net); \(about)")
            #expect(cancels.count == uses.count, "reversal \(reversal) cancels each row of the hand-out; \(about)")
            for (use, cancel) in zip(uses, cancels) {
                let sameKey = (cancel.goodsLine, cancel.spendingLine, cancel.lotSeq, cancel.lotLine) == (use.goodsLine, use.spendingLine, use.lotSeq, use.lotLine)
                let negated = (cancel.quantity, cancel.valueDong, cancel.children) == (-use.quantity, -use.valueDong, -use.children)
                #expect(sameKey && negated && cancel.dayKey == reversalDay, "reversal \(reversal) negates \(use) on its own date: \(cancel); \(about)")
            }
            reversedTwoItems = reversedTwoItems || items.count > 1
        }
        #expect(Set(stored.map(\.seq)).isSubset(of: Set(handOuts).union(reversals.values)), "rows only for hand-outs and their reversals; \(context)")
        #expect(hadTwoItems && reversedTwoItems, "the book hands out several items at once, and reverses such a hand-out; \(context)")

        // Each lot's rows add up to the units it lost to hand-outs (a reversed receipt's lot lost
        // its units to the reversal, and has no rows), and, while no reversal of a hand-out put
        // units back into it, to those units' value in the lot. (A reversal cancels a hand-out at
        // the value it took, which need not be the value of the lot's last units drawn.)
        let reversalSeqs = Set(reversals.values)
        let returnedTo = Set(stored.filter { reversalSeqs.contains($0.seq) }.map { "\($0.lotSeq)/\($0.lotLine)" })
        for lot in trace.lots {
            let rows = stored.filter { $0.lotSeq == lot.seq && $0.lotLine == lot.lineNumber }
            let drawn = reversedReceipts.contains(lot.seq) ? 0 : lot.quantity - lot.remaining
            #expect(rows.map(\.quantity).sum == drawn, "lot \(lot.seq)/\(lot.lineNumber): its rows account for every unit it lost; \(context)")
            guard !returnedTo.contains("\(lot.seq)/\(lot.lineNumber)") else { continue }
            #expect(rows.map(\.valueDong).sum == GoodsLotTracer.share(of: lot, upTo: drawn), "lot \(lot.seq)/\(lot.lineNumber): its rows carry its own units' value; \(context)")
        }

        // The lots hold what is on hand: a reversal put back every unit its hand-out took.
        let itemIDs = try ledger.codes(of: .goodsItem).byCode
        for item in RandomGoodsBook.items {
            let held = trace.lots.filter { $0.itemID == itemIDs[item] }.map(\.remaining).sum
            #expect(held == onHand[item, default: 0], "the lots of \(item) hold what is on hand; \(context)")
        }
    }
}

private extension Array where Element == Int64 {
    var sum: Int64 { reduce(0, +) }
}
