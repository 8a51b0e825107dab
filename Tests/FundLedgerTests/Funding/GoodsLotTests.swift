import Testing
@testable import FundLedger
import LedgerGenerator
import LedgerSchema
import TestSupport

/// Goods lots (docs/goods-lots.md): each receipt in kind is a lot of its donor; hand-outs draw
/// on the oldest lot first; a reversal puts units back where they came from; every unit,
/// child-instance and dong of a hand-out is attributed to exactly one lot.
@Suite struct GoodsLotTests {
    private func date(_ text: String) -> LedgerDate { FundingBooks.date(text) }

    private func funderID(_ books: FundingBooks, _ code: String) throws -> Int64 {
        try #require(try books.ledger.funder(code: code)).id
    }

    @Test func aHandOutDrawsOnTheOldestLotFirstAndSplitsAcrossLots() throws {
        let books = try FundingBooks()
        try books.receiveInKind("2018-03-01", funder: "AIA", item: "bicycle", quantity: 10, unitValue: 1_500_000)
        try books.receiveInKind("2018-04-01", funder: "NSTW", item: "bicycle", quantity: 10, unitValue: 1_500_000)
        try books.handOut("2018-05-01", item: "bicycle", quantity: 15, children: 15)
        let trace = try books.ledger.goodsLotTrace(through: date("2018-12-31"))
        let aia = try funderID(books, "AIA"), nstw = try funderID(books, "NSTW")
        let aiaUses = trace.uses(ofFunder: aia, from: date("2018-01-01"), to: date("2018-12-31"))
        let nstwUses = trace.uses(ofFunder: nstw, from: date("2018-01-01"), to: date("2018-12-31"))
        #expect(aiaUses.map(\.quantity) == [10] && aiaUses.map(\.children) == [10] && aiaUses.map(\.valueDong) == [15_000_000])
        #expect(nstwUses.map(\.quantity) == [5] && nstwUses.map(\.children) == [5] && nstwUses.map(\.valueDong) == [7_500_000])
        #expect(trace.lots.map(\.remaining) == [0, 5])
        #expect(aiaUses.first?.programID == (try books.ledger.codes(of: .program).byCode["bicycle"]))
        #expect(aiaUses.first?.unitID == (try books.ledger.codes(of: .unit).byCode["TN"]))
    }

    @Test func aReversedHandOutPutsItsUnitsBackIntoTheirLots() throws {
        let books = try FundingBooks()
        try books.receiveInKind("2018-03-01", funder: "AIA", item: "bicycle", quantity: 10, unitValue: 1_500_000)
        try books.receiveInKind("2018-04-01", funder: "NSTW", item: "bicycle", quantity: 10, unitValue: 1_500_000)
        let handOut = try books.handOut("2018-05-01", item: "bicycle", quantity: 8)
        _ = try books.ledger.reverse(seq: handOut.seq, reason: "wrong commune", date: date("2018-05-02"), user: "tester")
        try books.handOut("2018-05-03", unit: "BP", item: "bicycle", quantity: 12)
        let trace = try books.ledger.goodsLotTrace(through: date("2018-12-31"))
        let aia = try funderID(books, "AIA")
        let uses = trace.uses(ofFunder: aia, from: date("2018-01-01"), to: date("2018-12-31"))
        // +8 in TN, −8 back, then the 10 of AIA's lot go to BP before NSTW's.
        #expect(uses.map(\.quantity) == [8, -8, 10])
        let tn = try books.ledger.codes(of: .unit).byCode["TN"]
        #expect(uses.filter { $0.unitID == tn }.map(\.quantity).reduce(0, +) == 0)
        #expect(trace.lots.map(\.remaining) == [0, 8])
    }

    @Test func theDonorStatementOfAnInKindDonorSaysWhereItsGoodsWent() throws {
        let books = try FundingBooks()
        try books.receiveInKind("2018-06-01", funder: "AIA", item: "bicycle", quantity: 90, unitValue: 1_500_000)
        try books.handOut("2018-06-01", item: "bicycle", quantity: 90, children: 90)
        let report = try books.ledger.donorStatementReport(funderCode: "AIA", from: date("2018-01-01"), to: date("2018-12-31"))
        let goods = try #require(report.tables.first { $0.key == "goods_uses" })
        #expect(goods.rows.count == 1)
        #expect(goods.rows.first?[3] == .count(90) && goods.rows.first?[4] == .children(90) && goods.rows.first?[5] == .dong(135_000_000))
        #expect(!report.tables.contains { $0.key == "uses" }, "an in-kind-only donor gets no empty money table")
    }

    /// Random books: receipts of several donors and hand-outs of random sizes, some reversed.
    /// Every unit, dong and child-instance handed out is attributed to exactly one lot, and
    /// the lots hold what a plain first-in-first-out model of the same movements says.
    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64]) func everyUnitOfEveryHandOutBelongsToExactlyOneLot(seed: UInt64) throws {
        var random = RepeatableRandomNumberGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15)
        let books = try FundingBooks()
        let donors = ["AIA", "NSTW", "KFW", "PLAN"]
        var model: [Int64] = []                       // each lot's units left, in receipt order
        var modelLots: [(quantity: Int64, value: Int64)] = []
        // A lot's first `units` units are worth its value in proportion, rounded half-even.
        func share(_ lot: Int, _ units: Int64) -> Int64 {
            units >= modelLots[lot].quantity ? modelLots[lot].value
                : Int64(Rate.divideRoundingHalfEven(Int128(modelLots[lot].value) * Int128(units), Int128(modelLots[lot].quantity)))
        }
        var modelDraws: [Int64: [(lot: Int, units: Int64)]] = [:]
        var handedOut = (quantity: Int64(0), value: Int64(0), children: Int64(0))
        var handOuts: [JournalEntry] = []
        for day in 1...40 {
            let when = String(format: "2018-%02d-%02d", 1 + day / 28, 1 + day % 28)
            let onHand = model.reduce(0, +)
            if onHand < 5 || random.next(upperBound: 3) == 0 {
                let quantity = Int64(1 + random.next(upperBound: 20))
                let unitValue = Int64(1_000_000 + 1_000 * random.next(upperBound: 900))
                try books.receiveInKind(when, funder: donors[Int(random.next(upperBound: 4))], item: "bicycle", quantity: quantity, unitValue: unitValue)
                model.append(quantity)
                modelLots.append((quantity, quantity * unitValue))
            } else if !handOuts.isEmpty && random.next(upperBound: 6) == 0 {
                let last = handOuts.removeLast()
                _ = try books.ledger.reverse(seq: last.seq, reason: "test", date: date(when), user: "tester")
                for draw in modelDraws[last.seq] ?? [] { model[draw.lot] += draw.units }
                let line = try #require(last.lines.first { $0.quantity != nil })
                handedOut = (handedOut.quantity + line.quantity!, handedOut.value + line.amountDong,
                             handedOut.children - last.lines.compactMap(\.children).reduce(0, +))
            } else {
                let quantity = Int64(1 + random.next(upperBound: UInt64(onHand)))
                let entry = try books.handOut(when, unit: random.next(upperBound: 2) == 0 ? "TN" : "BP", item: "bicycle", quantity: quantity, children: quantity + 1)
                handOuts.append(entry)
                var left = quantity, modelValue: Int64 = 0
                for lot in model.indices where left > 0 && model[lot] > 0 {
                    let units = min(left, model[lot])
                    let drawn = modelLots[lot].quantity - model[lot]
                    modelValue += share(lot, drawn + units) - share(lot, drawn)
                    model[lot] -= units
                    left -= units
                    modelDraws[entry.seq, default: []].append((lot, units))
                }
                let goods = try #require(entry.lines.first { $0.quantity != nil })
                #expect(-goods.amountDong == modelValue, "the hand-out is valued first in, first out, each lot at its own value")
                handedOut = (handedOut.quantity - goods.quantity!, handedOut.value - goods.amountDong, handedOut.children + quantity + 1)
            }
        }
        let trace = try books.ledger.goodsLotTrace(through: date("2018-12-31"))
        #expect(trace.lots.map(\.remaining) == model)
        #expect(trace.uses.map(\.quantity).reduce(0, +) == handedOut.quantity)
        #expect(trace.uses.map(\.valueDong).reduce(0, +) == handedOut.value)
        #expect(trace.uses.map(\.children).reduce(0, +) == handedOut.children)
        for (index, lot) in trace.lots.enumerated() {
            let used = trace.uses.filter { $0.lotSeq == lot.seq && $0.lotLine == lot.lineNumber }.map(\.quantity).reduce(0, +)
            #expect(used == lot.quantity - lot.remaining, "lot \(index): its uses account for every unit it lost")
        }
        // What posting stored, hand-out by hand-out, is what the replay gives.
        #expect(try books.ledger.storedGoodsUses() == trace.uses.sorted { $0.precedes($1) })
        #expect(try books.ledger.verify().findings.isEmpty)
    }

    /// Migration 014 fills goods_use for books written before it with what posting stores, in
    /// the file (a read-write open) and in the copy in memory a read-only open migrates.
    @Test func theMigrationFillsGoodsUsesAsPostingStoresThem() throws {
        let fixture = try CashFlowTests.generatedBooks(seed: 14, entries: 1_500)
        let stored = try fixture.ledger.storedGoodsUses()
        #expect(stored.count > 50 && stored.contains { $0.funderID != 0 })
        // The books as a cpf before migration 014 left them (fact record 1 still holds the row
        // of 014; the migration's own record then holds it again).
        try fixture.ledger.database.execute("DROP TABLE goods_use")
        try fixture.ledger.database.execute("DELETE FROM schema_migration WHERE version = 14")
        try fixture.ledger.database.execute("DELETE FROM fact_touch")
        let readOnly = try Ledger.open(at: fixture.path, readOnly: true)
        #expect(try readOnly.storedGoodsUses() == stored)
        let migrated = try Ledger.open(at: fixture.path)
        #expect(try migrated.schemaVersion() == LedgerSchema.migrations.count)
        #expect(try migrated.storedGoodsUses() == stored)
        let findings = try migrated.verify().findings
        #expect(findings.isEmpty, "\(findings.map(\.text.english))")
    }

    @Test func sharesAddUpExactlyAndFollowTheWeights() {
        #expect(Apportion.shares(of: 10, by: [1, 1, 1]) == [4, 3, 3])
        #expect(Apportion.shares(of: -10, by: [1, 1, 1]) == [-4, -3, -3])
        #expect(Apportion.shares(of: 7, by: [0, 0]) == [7, 0])
        #expect(Apportion.shares(of: 100, by: [3, 1]) == [75, 25])
        var random = RepeatableRandomNumberGenerator(seed: 9 &* 0x9E37_79B9_7F4A_7C15)
        for _ in 0..<500 {
            let weights = (0..<Int(1 + random.next(upperBound: 6))).map { _ in Int64(random.next(upperBound: 1_000)) }
            let total = Int64(random.next(upperBound: 1_000_000_000)) - 500_000_000
            let shares = Apportion.shares(of: total, by: weights)
            #expect(shares.reduce(0, +) == total)
            let sum = weights.reduce(0, +)
            if sum > 0 {
                for (share, weight) in zip(shares, weights) {
                    #expect(abs(Int128(share) * Int128(sum) - Int128(total) * Int128(weight)) < Int128(sum))
                }
            }
        }
    }
}

