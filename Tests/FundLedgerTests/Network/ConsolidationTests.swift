import Foundation
@testable import FundLedger
import LedgerGenerator
import Testing
import TestSupport

/// `cpf consolidate` on random networks of 2–5 funds (docs/fund-network.md): the consolidated
/// figures are checked against an independent sum of the funds' journal lines other than the
/// transfers between them, at the year's end and at a date when some transfers are in transit.
@Suite struct ConsolidationTests {
    /// A network of funds that register each other, receive from their donors, spend, and pass
    /// money and goods to each other; some transfers are received at once, some later, some
    /// never (still in transit).
    struct RandomNetwork {
        let directory = TemporaryDirectory("cpf-network")
        var paths: [String] = []
        var ledgers: [Ledger] = []
        /// Each notice and when (if ever) it was received.
        var notices: [(notice: TransferNotice, receivedOn: LedgerDate?)] = []

        init(seed: UInt64) throws {
            var random = RepeatableRandomNumberGenerator(seed: seed)
            let count = Int.random(in: 2...5, using: &random)
            for index in 0..<count {
                let path = directory.file("fund-\(index).cpf")
                let ledger = try Ledger.create(at: path, fundName: "Quỹ \(index)", user: "tester", configuration: TemporaryLedger.fastConfiguration)
                paths.append(path)
                ledgers.append(ledger)
            }
            for (index, ledger) in ledgers.enumerated() {
                for (other, registered) in ledgers.enumerated() where other != index {
                    try ledger.addFund(code: "F\(other)", name: "Quỹ \(other)", level: other == 0 ? .national : .province, parentCode: nil, ledgerID: registered.ledgerID, user: "tester")
                }
                try ledger.addFunder(code: "D\(index)", name: "Nhà tài trợ \(index)", kind: .company, user: "tester")
                try ledger.addUnit(code: "U", name: "Xã", level: .commune, user: "tester")
                var money = Receipt(date: LedgerDate(year: 2018, month: 1, day: 2)!)
                money.funderCode = "D\(index)"
                money.amount = .vnd(2_000_000_000)
                try ledger.receive(money, user: "tester")
                var goods = Receipt(date: LedgerDate(year: 2018, month: 1, day: 3)!)
                goods.funderCode = "D\(index)"
                goods.inKind = InKindGoods(itemCode: "bicycle", quantity: 60, unitValue: .vnd(1_000_000 + Int64(index) * 100_000), basis: "hóa đơn")
                try ledger.receive(goods, user: "tester")
            }
            var pending: [(notice: TransferNotice, arrives: LedgerDate?)] = []
            for step in 0..<(12 * count) {
                let index = Int.random(in: 0..<count, using: &random)
                let date = LedgerDate(year: 2018, month: 1, day: 10)!.adding(days: Int.random(in: 0...340, using: &random))
                let ledger = ledgers[index]
                do {
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0:
                        var spending = Disbursement(date: date, programCode: "gift", unitCode: "U", children: Int64.random(in: 1...40, using: &random))
                        spending.amount = .vnd(Int64.random(in: 1...50, using: &random) * 1_000_000)
                        try ledger.disburse(spending, user: "tester")
                    case 1:
                        var handOut = Disbursement(date: date, programCode: "bicycle", unitCode: "U", children: 0)
                        handOut.inKindItemCode = "bicycle"
                        handOut.quantity = Int64.random(in: 1...5, using: &random)
                        handOut.children = handOut.quantity!
                        try ledger.disburse(handOut, user: "tester")
                    default:
                        let other = (index + Int.random(in: 1..<count, using: &random)) % count
                        var order = TransferOrder(date: date, fundCode: "F\(other)", externalRef: "CK-\(step)")
                        if Bool.random(using: &random) {
                            order.amount = .vnd(Int64.random(in: 1...80, using: &random) * 1_000_000)
                        } else {
                            order.itemCode = "bicycle"
                            order.quantity = Int64.random(in: 1...8, using: &random)
                        }
                        let notice = try ledger.sendTransfer(order, user: "tester").notice!
                        let arrives: LedgerDate? = Int.random(in: 0..<10, using: &random) < 8 ? date.adding(days: Int.random(in: 0...40, using: &random)) : nil
                        pending.append((notice, arrives))
                    }
                } catch is LedgerError {
                    // Goods or money short on that date: the books refuse it, and so do we.
                }
            }
            // Received in the order they arrive, so goods are on hand for what follows.
            for (notice, arrives) in pending.sorted(by: { ($0.arrives ?? .latest) < ($1.arrives ?? .latest) }) {
                guard let arrives, arrives.year == 2018 else {
                    notices.append((notice, nil))
                    continue
                }
                let receiver = ledgers.first { $0.ledgerID == notice.receiver.ledgerID }!
                do {
                    try receiver.receiveTransfer(notice, date: arrives, user: "tester")
                    notices.append((notice, arrives))
                } catch let error as LedgerError where error.rule == .valuationOrder {
                    // Goods arriving before a hand-out already valued there: refused, so they
                    // stay in transit.
                    notices.append((notice, nil))
                }
            }
        }
    }

    static func value(_ cell: ReportCell) -> Int64 {
        switch cell {
        case .dong(let value), .count(let value): value
        default: 0
        }
    }

    /// The consolidated column of the row of `table` whose cell `column` reads `label`.
    static func consolidated(_ report: Report, _ table: String, row label: String, column: Int = 0) -> Int64 {
        guard let rows = report.tables.first(where: { $0.key == table })?.rows,
              let row = rows.first(where: { $0[column].displayText(.english, isPublic: false) == label }) else { return 0 }
        return value(row[row.count - 1])
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func eliminationMatchesAnIndependentSumOfTheLinesOutsideTransfers(seed: UInt64) throws {
        let network = try RandomNetwork(seed: seed)
        #expect(network.notices.count >= 2, "the network passes something on")
        for day in [LedgerDate(year: 2018, month: 6, day: 30)!, LedgerDate(year: 2018, month: 12, day: 31)!] {
            let from = LedgerDate(year: 2018, month: 1, day: 1)!
            let books = try ConsolidatedBooks.consolidate(paths: network.paths, from: from, to: day)
            #expect(books.findings.isEmpty, "\(books.findings.map(\.english))")
            let report = books.report()

            // The independent sums: every line dated through the day, but those on the
            // transfer accounts; the children of every line in the period.
            var expected: [String: Int64] = [:]
            var children: Int64 = 0
            for ledger in network.ledgers {
                try ledger.forEachEntry { entry in
                    guard entry.date <= day else { return }
                    for line in entry.lines where line.account.code != "652" && line.account.code != "519" {
                        expected[line.account.code, default: 0] += line.amountDong
                    }
                    children += entry.lines.reduce(0) { $0 + ($1.children ?? 0) }
                }
            }
            let inTransit = network.notices.filter { $0.notice.date <= day && ($0.receivedOn.map { $0 > day } ?? true) }.reduce(0) { $0 + $1.notice.totalDong }
            for (code, amount) in expected {
                #expect(ConsolidationTests.consolidated(report, "trial-balance", row: code) == amount, "account \(code) at \(day)")
            }
            #expect(ConsolidationTests.consolidated(report, "trial-balance", row: "652") == 0)
            #expect(ConsolidationTests.consolidated(report, "trial-balance", row: "519") == 0)
            #expect(ConsolidationTests.consolidated(report, "trial-balance", row: "Transfers in transit between funds", column: 1) == inTransit, "in transit at \(day)")
            let reach = try #require(report.tables.first { $0.key == "reach" })
            #expect(ConsolidationTests.value(reach.totals!.last!) == children)

            // The statements agree with themselves: assets equal liabilities and net assets;
            // opening cash plus the flows is closing cash, which is the position's cash.
            let position = try #require(report.tables.first { $0.key == "financial-position" })
            let totals = position.rows.filter { [LocalizedText("Total assets", "Tổng tài sản").english, "Total liabilities and net assets"].contains($0[0].displayText(.english, isPublic: false)) }
            #expect(totals.count == 2 && ConsolidationTests.value(totals[0].last!) == ConsolidationTests.value(totals[1].last!))
            let cash = try #require(report.tables.first { $0.key == "cash-flow" })
            let opening = ConsolidationTests.value(cash.rows.first!.last!), net = ConsolidationTests.value(cash.rows.last!.last!)
            #expect(opening + net == ConsolidationTests.value(cash.totals!.last!))
            #expect(ConsolidationTests.value(cash.totals!.last!) == expected.filter { $0.key.hasPrefix("111") || $0.key.hasPrefix("112") }.values.reduce(0, +))
            // The surplus of the year is the consolidated receipts less uses from the lines.
            let activities = try #require(report.tables.first { $0.key == "activities" })
            let surplus = ConsolidationTests.value(activities.rows.last!.last!)
            let accounts = try network.ledgers[0].accountsByCode()
            let flows = expected.filter { [.revenue, .expense].contains(accounts[$0.key]?.type) }.values.reduce(0, +)
            #expect(surplus == -flows)
        }
    }

    /// A notice received with a value its sender never sent (its digest made to match) is a
    /// mismatch between the two files: a finding, and not eliminated.
    @Test func aForgedNoticeIsAMismatch() throws {
        let directory = TemporaryDirectory("cpf-network")
        let national = try Ledger.create(at: directory.file("n.cpf"), fundName: "Quỹ Bảo trợ trẻ em Việt Nam", user: "tester", configuration: TemporaryLedger.fastConfiguration)
        let province = try Ledger.create(at: directory.file("p.cpf"), fundName: "Quỹ BTTE tỉnh Tây Ninh", user: "tester", configuration: TemporaryLedger.fastConfiguration)
        try national.addFund(code: "TN", name: "Quỹ BTTE tỉnh Tây Ninh", level: .province, parentCode: nil, ledgerID: province.ledgerID, user: "tester")
        try province.addFund(code: "VN", name: "Quỹ Bảo trợ trẻ em Việt Nam", level: .national, parentCode: nil, ledgerID: national.ledgerID, user: "tester")
        try national.addFunder(code: "AIA", name: "AIA Việt Nam", kind: .company, user: "tester")
        var money = Receipt(date: LedgerDate(year: 2018, month: 1, day: 2)!)
        money.funderCode = "AIA"
        money.amount = .vnd(500_000_000)
        try national.receive(money, user: "tester")
        var order = TransferOrder(date: LedgerDate(year: 2018, month: 2, day: 1)!, fundCode: "TN", externalRef: "CK-1")
        order.amount = .vnd(100_000_000)
        let sent = try national.sendTransfer(order, user: "tester").notice!
        let forged = TransferNotice(sender: sent.sender, receiver: sent.receiver, date: sent.date, reference: sent.reference, senderSeq: sent.senderSeq,
                                    senderHash: sent.senderHash, parts: sent.parts.map { .init(valueDong: $0.valueDong * 2, restriction: $0.restriction, donor: $0.donor, purpose: $0.purpose, goods: $0.goods) })
        #expect(throws: LedgerError.self) { try national.confirmSent(forged) }
        try province.receiveTransfer(forged, date: LedgerDate(year: 2018, month: 2, day: 3)!, user: "tester")
        let books = try ConsolidatedBooks.consolidate(paths: [directory.file("n.cpf"), directory.file("p.cpf")], from: .earliest, to: LedgerDate(year: 2018, month: 12, day: 31)!)
        #expect(books.findings.count == 1 && books.findings[0].english.contains("does not match"), "\(books.findings.map(\.english))")
        #expect(books.matches.map(\.status) == [.mismatched])
        #expect(books.eliminations(through: LedgerDate(year: 2018, month: 12, day: 31)!).accounts.isEmpty)
    }

    @Test func aLedgerThatFailsToVerifyIsAFindingAndTheSameFileTwiceIsRefused() throws {
        let first = try TemporaryLedger(withUSDRate: false), second = try TemporaryLedger(withUSDRate: false)
        try first.ledger.post(EntryDraft(date: LedgerDate(year: 2018, month: 1, day: 2)!, memo: "rút tiền", lines: [
            LineDraft(accountCode: "1111", side: .debit, amount: .vnd(5)), LineDraft(accountCode: "4211", side: .credit, amount: .vnd(5)),
        ]), user: "tester")
        try first.ledger.database.execute("DROP TRIGGER line_is_immutable")
        try first.ledger.database.execute("UPDATE line SET amount_vnd = 7 WHERE amount_vnd = 5")
        let books = try ConsolidatedBooks.consolidate(paths: [first.path, second.path], from: .earliest, to: .latest)
        #expect(!books.findings.isEmpty && books.findings.allSatisfy { $0.english.hasPrefix("Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm (\(first.path))") })
        #expect(throws: LedgerError.self) { try ConsolidatedBooks.consolidate(paths: [first.path, first.path], from: .earliest, to: .latest) }
    }
}
