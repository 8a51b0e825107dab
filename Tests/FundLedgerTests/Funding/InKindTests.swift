import Testing
@testable import FundLedger
import TestSupport

/// Goods received in kind (docs/domain.md §3): at fair value with quantity, unit and valuation basis,
/// held on 156 as goods for distribution, and expensed at their carrying value when handed
/// out by quantity. Expected values are computed here with the test's own `halfEven`.
@Suite struct InKindTests {
    private func date(_ text: String) -> LedgerDate { FundingBooks.date(text) }

    /// Quantity and dong of one item on the goods account, summed from its lines.
    private func onHand(_ books: FundingBooks, _ item: String) throws -> (quantity: Int64, dong: Int64) {
        let sql = """
            SELECT coalesce(sum(l.quantity), 0), coalesce(sum(l.amount_vnd), 0) FROM line l
            JOIN account a ON a.id = l.account_id JOIN goods_item g ON g.id = l.item_id
            WHERE a.code = '156' AND g.code = ?
            """
        return try #require(try books.ledger.database.firstRow(sql, [item]) { ($0.int64(at: 0), $0.int64(at: 1)) })
    }

    @Test func goodsAreReceivedAtFairValueWithQuantityUnitAndBasis() throws {
        let books = try FundingBooks()
        let entry = try books.receiveInKind("2018-06-01", funder: "AIA", item: "bicycle", quantity: 90, unitValue: 1_500_000,
                                            basis: "market price of the model given", unitName: "chiếc")
        #expect(entry.lines.count == 2)
        let goods = entry.lines[0]
        #expect(goods.account.code == "156" && goods.amountDong == 90 * 1_500_000)
        #expect(goods.item?.code == "bicycle" && goods.quantity == 90)
        #expect(goods.funder?.code == "AIA")
        #expect(goods.memo == "in kind: 90 bicycle × 1,500,000 VND (market price of the model given)")
        let revenue = entry.lines[1]
        #expect(revenue.account.code == "5133" && revenue.amountDong == -135_000_000 && revenue.funder?.code == "AIA")
        #expect(revenue.quantity == nil)
        // The new item was registered with its unit of count, once.
        #expect(try books.ledger.goodsItems().map { "\($0.code) \($0.unit)" } == ["bicycle chiếc"])
        try books.receiveInKind("2018-06-02", funder: "AIA", item: "bicycle", quantity: 10, unitValue: 1_500_000, unitName: "cái")
        #expect(try books.ledger.goodsItems().map { "\($0.code) \($0.unit)" } == ["bicycle chiếc"])
        #expect(try onHand(books, "bicycle") == (100, 150_000_000))
        // The fund's setting names the in-kind revenue account.
        try books.ledger.setSetting("in-kind-revenue-account", to: "5131", user: "ketoantruong")
        let company = try books.receiveInKind("2018-06-03", funder: "AIA", item: "milk-year", quantity: 3, unitValue: 500_000)
        #expect(company.lines[1].account.code == "5131")
    }

    @Test func goodsAreHandedOutAtTheirCarryingValue() throws {
        let books = try FundingBooks()
        try books.receiveInKind("2018-06-01", funder: "AIA", item: "bicycle", quantity: 90, unitValue: 1_500_000)
        let handOut = try books.handOut("2018-06-05", item: "bicycle", quantity: 30, children: 30)
        #expect(handOut.lines.map(\.account.code) == ["6115", "156"])
        #expect(handOut.lines[0].amountDong == 45_000_000 && handOut.lines[0].children == 30 && handOut.lines[0].program?.code == "bicycle")
        #expect(handOut.lines[1].amountDong == -45_000_000 && handOut.lines[1].quantity == -30 && handOut.lines[1].item?.code == "bicycle")
        #expect(try onHand(books, "bicycle") == (60, 90_000_000))
    }

    /// Goods leave their lots first in, first out, each unit at its own lot's value
    /// (docs/goods-lots.md); the last unit of a lot takes what is left of its value.
    @Test func afterReceiptsAtDifferentValuesGoodsLeaveFirstInFirstOut() throws {
        let books = try FundingBooks()
        try books.receiveInKind("2018-06-01", funder: "AIA", item: "gift-pack", quantity: 3, unitValue: 100_000)
        try books.receiveInKind("2018-06-02", funder: "NSTW", item: "gift-pack", quantity: 4, unitValue: 100_001)
        #expect(try onHand(books, "gift-pack") == (7, 3 * 100_000 + 4 * 100_001))
        // 2 of the first lot: 200,000.
        #expect(try books.ledger.carryingValue(itemCode: "gift-pack", quantity: 2) == 200_000)
        let first = try books.handOut("2018-06-05", program: "gift", item: "gift-pack", quantity: 2)
        #expect(first.lines[0].amountDong == 200_000)
        // A third lot at yet another value waits behind the second.
        try books.receiveInKind("2018-06-06", funder: "AIA", item: "gift-pack", quantity: 6, unitValue: 99_999)
        // 3 more: the first lot's last unit and 2 of the second.
        let second = try books.handOut("2018-06-07", program: "gift", item: "gift-pack", quantity: 3)
        #expect(second.lines[0].amountDong == 100_000 + 2 * 100_001)
        // The last ones take exactly what is left: no remainder stays on 156.
        let last = try books.handOut("2018-06-08", program: "gift", item: "gift-pack", quantity: 8)
        #expect(last.lines[0].amountDong == 2 * 100_001 + 6 * 99_999)
        #expect(try onHand(books, "gift-pack") == (0, 0))
        #expect(try books.dong(on: "6114") == 3 * 100_000 + 4 * 100_001 + 6 * 99_999)
    }

    /// A lot's units share its value in proportion, rounded half-even, and its last unit
    /// takes the rest: a lot of 2 worth 5 VND leaves at 2 (2.5 → 2), then 3.
    @Test func aLotsValueLeavesWholeAndTiesRoundToTheEvenDong() throws {
        let books = try FundingBooks()
        try books.receiveInKind("2018-06-01", funder: "AIA", item: "pencil", quantity: 1, unitValue: 2)
        try books.receiveInKind("2018-06-01", funder: "AIA", item: "pencil", quantity: 1, unitValue: 3)
        #expect(try books.handOut("2018-06-02", program: "gift", item: "pencil", quantity: 1).lines[0].amountDong == 2)
        #expect(try books.handOut("2018-06-02", program: "gift", item: "pencil", quantity: 1).lines[0].amountDong == 3)
        var receipt = Receipt(date: FundingBooks.date("2018-06-03"))
        receipt.funderCode = "AIA"
        receipt.inKind = InKindGoods(itemCode: "eraser", quantity: 2, unitValue: .vnd(3), basis: "invoice")
        _ = try books.ledger.receive(receipt, user: "tester")
        // A receipt valued 6 for 2; the journal line of a 2-unit lot worth 5 is made by hand below.
        try books.ledger.post(EntryDraft(date: FundingBooks.date("2018-06-03"), memo: "two erasers worth 5", lines: [
            LineDraft(accountCode: "156", side: .debit, amount: .vnd(5), dimensions: Dimensions(funder: "AIA"), item: "eraser", quantity: 2),
            LineDraft(accountCode: "5133", side: .credit, amount: .vnd(5), dimensions: Dimensions(funder: "AIA")),
        ]), user: "tester")
        #expect(try books.handOut("2018-06-04", program: "gift", item: "eraser", quantity: 2).lines[0].amountDong == 6, "the first lot whole")
        #expect(try books.handOut("2018-06-04", program: "gift", item: "eraser", quantity: 1).lines[0].amountDong == 2, "2.5 → 2")
        #expect(try books.handOut("2018-06-04", program: "gift", item: "eraser", quantity: 1).lines[0].amountDong == 3, "the rest of the lot")
        #expect(try onHand(books, "eraser") == (0, 0))
    }

    /// A receipt whose goods were handed out since cannot be reversed before those hand-outs:
    /// they were valued from its lot.
    @Test func aReceiptDrawnOnIsNotReversedBeforeItsHandOuts() throws {
        let books = try FundingBooks()
        let receipt = try books.receiveInKind("2018-06-01", funder: "AIA", item: "bicycle", quantity: 10, unitValue: 1_500_000)
        try books.receiveInKind("2018-06-02", funder: "NSTW", item: "bicycle", quantity: 10, unitValue: 1_400_000)
        let handOut = try books.handOut("2018-06-03", item: "bicycle", quantity: 4)
        #expect(handOut.lines[0].amountDong == 4 * 1_500_000, "from AIA's lot first")
        let entries = try books.integer("SELECT count(*) FROM entry")
        let refused = #expect(throws: LedgerError.self) { try books.ledger.reverse(seq: receipt.seq, reason: "wrong donor", date: FundingBooks.date("2018-06-05"), user: "tester") }
        #expect(refused?.rule == .valuationOrder && refused?.message.contains("handed out since") == true)
        #expect(refused?.explanation.vietnamese.contains("đã được cấp phát một phần") == true)
        #expect(try books.integer("SELECT count(*) FROM entry") == entries, "nothing was written")
        _ = try books.ledger.reverse(seq: handOut.seq, reason: "not given", date: FundingBooks.date("2018-06-05"), user: "tester")
        _ = try books.ledger.reverse(seq: receipt.seq, reason: "wrong donor", date: FundingBooks.date("2018-06-05"), user: "tester")
        #expect(try onHand(books, "bicycle") == (10, 14_000_000), "NSTW's lot is what is left")
        #expect(try books.handOut("2018-06-06", item: "bicycle", quantity: 1).lines[0].amountDong == 1_400_000)
    }

    @Test func itemsAreKeptApartAndTheGoodsAccountAgreesWithThem() throws {
        let books = try FundingBooks()
        try books.receiveInKind("2018-01-15", funder: "AIA", item: "savings-book-10m", quantity: 4, unitValue: 10_000_000, unitName: "sổ")
        try books.receiveInKind("2018-01-15", funder: "AIA", item: "savings-book-5m", quantity: 2, unitValue: 5_000_000, unitName: "sổ")
        try books.handOut("2018-01-20", program: "scholarship", item: "savings-book-10m", quantity: 3)
        // The other item's stock does not pay for this one.
        try books.expectRefused(.insufficientGoods, ["only 2 savings-book-5m are on hand on 2018-01-21; 3 cannot be handed out"]) {
            try books.handOut("2018-01-21", program: "scholarship", item: "savings-book-5m", quantity: 3)
        }
        #expect(try onHand(books, "savings-book-10m") == (1, 10_000_000))
        #expect(try onHand(books, "savings-book-5m") == (2, 10_000_000))
        #expect(try books.dong(on: "156") == 20_000_000)
        let row = try books.ledger.trialBalance(through: date("2018-12-31")).first { $0.accountCode == "156" }
        #expect(row?.balanceDong == 20_000_000)
    }

    @Test func reversingAHandOutPutsTheGoodsBackAtTheSameValue() throws {
        let books = try FundingBooks()
        try books.receiveInKind("2018-06-01", funder: "AIA", item: "gift-pack", quantity: 3, unitValue: 100_000)
        try books.receiveInKind("2018-06-02", funder: "AIA", item: "gift-pack", quantity: 4, unitValue: 100_001)
        let handOut = try books.handOut("2018-06-05", program: "gift", item: "gift-pack", quantity: 2)
        _ = try books.ledger.reverse(seq: handOut.seq, reason: "not delivered", user: "tester")
        #expect(try onHand(books, "gift-pack") == (7, 700_004))
        #expect(try books.dong(on: "6114") == 0)
        #expect(try books.integer("SELECT sum(children) FROM line") == 0)
    }

    /// A hand-out dated before one already posted would draw on lots that one drew on: refused
    /// as any movement dated before a valuation is, even when the item had enough on that day.
    @Test func aHandOutDatedBeforeAPostedOneIsRefusedNotMisvalued() throws {
        let books = try FundingBooks()
        try books.receiveInKind("2018-06-01", funder: "AIA", item: "bicycle", quantity: 10, unitValue: 1_500_000)
        try books.handOut("2018-06-10", item: "bicycle", quantity: 10)
        let entries = try books.integer("SELECT count(*) FROM entry")
        let refused = #expect(throws: LedgerError.self) { try books.handOut("2018-06-05", item: "bicycle", quantity: 5) }
        #expect(refused?.rule == .valuationOrder, "\(String(describing: refused))")
        #expect(refused?.message.contains("2018-06-10") == true)
        #expect(try books.integer("SELECT count(*) FROM entry") == entries, "nothing was written")
    }

    /// Lots come from the lines: a receipt's quantity lowered outside cpf leaves the lots short
    /// of the holding, and the next hand-out is refused as damage, never valued by a guess.
    @Test func linesChangedOutsideCpfAreRefusedAsDamage() throws {
        let books = try FundingBooks()
        let receipt = try books.receiveInKind("2018-06-01", funder: "AIA", item: "bicycle", quantity: 10, unitValue: 1_500_000)
        try books.ledger.database.execute("DROP TRIGGER line_is_immutable")
        try books.ledger.database.execute("UPDATE line SET quantity = 2 WHERE entry_seq = ? AND quantity = 10", [receipt.seq])
        let entries = try books.integer("SELECT count(*) FROM entry")
        let refused = #expect(throws: LedgerError.self) { try books.handOut("2018-06-05", item: "bicycle", quantity: 5) }
        #expect(refused?.rule == .damaged, "\(String(describing: refused))")
        #expect(try books.integer("SELECT count(*) FROM entry") == entries, "nothing was written")
    }

    /// Goods received under a grant are that grant's: a hand-out drawing on its lot is charged
    /// to it (its spent figure counts them, its restrictions hold), and a hand-out drawing on two
    /// lots is split between them.
    @Test func goodsFromAGrantsLotAreThatGrantsSpending() throws {
        let books = try FundingBooks()
        try books.addGrant("AIA-BIKES", funder: "AIA", committed: "15000000 VND", programs: ["bicycle"], units: ["TN"])
        try books.receiveInKind("2018-06-01", funder: "AIA", grant: "AIA-BIKES", item: "bicycle", quantity: 10, unitValue: 1_500_000)
        try books.receiveInKind("2018-06-02", funder: "NSTW", item: "bicycle", quantity: 10, unitValue: 1_400_000)
        let handOut = try books.handOut("2018-06-05", item: "bicycle", quantity: 12, children: 12)
        let spending = handOut.lines.filter { $0.account.code == "6115" }
        #expect(spending.map(\.amountDong) == [15_000_000, 2_800_000])
        #expect(spending.map { $0.grant?.code } == ["AIA-BIKES", nil])
        #expect(spending.map { $0.children ?? 0 } == [10, 2])
        let figures = try books.ledger.grantFigures(grantID: try #require(try books.ledger.grant(code: "AIA-BIKES")).id)
        #expect(figures.spentDong == 15_000_000 && figures.availableDong == 0)
        #expect(try books.ledger.description(of: handOut).english == "Bicycles in TN: 12 child-instances")
    }

    /// Restricted goods stay restricted: a grant's lot handed out for another program is
    /// refused by the grant's terms, and nothing is written.
    @Test func aGrantsGoodsHandedOutOutsideItsTermsAreRefused() throws {
        let books = try FundingBooks()
        try books.addGrant("AIA-BIKES", funder: "AIA", committed: "15000000 VND", programs: ["bicycle"], units: ["TN"])
        try books.receiveInKind("2018-06-01", funder: "AIA", grant: "AIA-BIKES", item: "bicycle", quantity: 10, unitValue: 1_500_000)
        let entries = try books.integer("SELECT count(*) FROM entry")
        let refused = #expect(throws: LedgerError.self) { try books.handOut("2018-06-05", program: "gift", item: "bicycle", quantity: 2) }
        #expect(refused?.rule == .restriction, "\(String(describing: refused))")
        #expect(try books.integer("SELECT count(*) FROM entry") == entries)
    }
}
