import ReportQueries

/// Goods received in kind are kept in **lots** (lô hàng), so that a donor can be shown where
/// its goods went (docs/goods-lots.md).
///
/// - A lot is what one receipt line brought onto the goods account: the item, the quantity,
///   the value, and the owner of the goods — the donor (funder), its grant and the grant's
///   restriction, as the line records them. Goods the fund bought have no donor: their lot's
///   owner is the fund itself.
/// - Goods handed out are drawn from an item's lots **first in, first out**: the lot received on
///   the earliest date (then the lower entry number, then the lower line) first. A reversal of
///   a hand-out puts the units back into the lots they came from; a reversal of a receipt takes
///   its own lot's units first.
/// - The share of a hand-out drawn from a lot carries the hand-out's program, place and
///   child-instances and its part of the value posted, in proportion to the units drawn
///   (largest remainders, so the shares add up exactly).
///
/// The order is the journal's own: `HoldingRules` refuses any goods movement dated before a
/// hand-out already valued, so the lots a posted hand-out drew from never change afterwards.
/// Posting therefore stores each hand-out's uses once, as it is written (`goods_use`, migration
/// 014), and `verify` replays this trace from the chained lines to check them.
public struct GoodsLotTrace: Sendable {
    /// Who owns a lot's goods: the donor, its grant and the restriction (0: none).
    public struct Owner: Hashable, Sendable {
        public let funderID: Int64
        public let grantID: Int64
        public let restriction: Restriction
    }

    /// One lot: a receipt line's goods and what is left of them.
    public struct Lot: Sendable {
        public let seq: Int64
        public let lineNumber: Int64
        public let date: LedgerDate
        public let itemID: Int64
        public let owner: Owner
        public let quantity: Int64
        public let valueDong: Int64
        public internal(set) var remaining: Int64
    }

    public internal(set) var lots: [Lot] = []
    /// Each lot's share of each spending line of each hand-out, and their cancellations by
    /// reversals, in the order they happened (`GoodsUse`, the rows of `goods_use`).
    public internal(set) var uses: [GoodsUse] = []

    /// The uses of the goods of `funderID`'s lots, dated from `from` to `to`.
    public func uses(ofFunder funderID: Int64, from: LedgerDate, to: LedgerDate) -> [GoodsUse] {
        let (first, last) = (Int32(from.dayKey), Int32(to.dayKey))
        return uses.filter { $0.funderID == funderID && $0.dayKey >= first && $0.dayKey <= last }
    }
}

extension Ledger {
    /// Traces every goods lot through `date` (`GoodsLotTrace`).
    public func goodsLotTrace(through date: LedgerDate) throws -> GoodsLotTrace {
        try read { try goodsLotTracer(through: date, item: nil, attributingUses: true).trace }
    }

    /// The tracer after every goods movement through `date` — of one item, or all — read from
    /// the goods lines, those of the current transaction included.
    func goodsLotTracer(through date: LedgerDate, item: Int64?, attributingUses: Bool) throws -> GoodsLotTracer {
            var tracer = GoodsLotTracer(ledger: self)
            guard let goodsAccount = try accountsByCode()[try settings().goodsAccountCode] else { return tracer }
            if attributingUses { try tracer.readSpending(goodsAccountID: goodsAccount.id) }
            var entry: [GoodsLotTracer.Movement] = []
            try database.forEachRow(ReportQueries.goodsMovements, named: [":goods_account_id": goodsAccount.id, ":to_date": date.iso, ":item_id": item]) { row in
                let movement = GoodsLotTracer.Movement(
                    seq: row.int64(at: 0), date: try LedgerDate.parse(row.text(at: 1)), reversesSeq: row.int64(at: 2), lineNumber: row.int64(at: 3),
                    itemID: row.int64(at: 4), quantity: row.int64(at: 5), valueDong: row.int64(at: 6),
                    owner: .init(funderID: row.int64(at: 7), grantID: row.int64(at: 8),
                                 restriction: try StoredValue.decode(Restriction.self, row.text(at: 9), "line.restriction")))
                if let first = entry.first, first.seq != movement.seq {
                    try tracer.apply(entry)
                    entry.removeAll(keepingCapacity: true)
                }
                entry.append(movement)
            }
            if !entry.isEmpty { try tracer.apply(entry) }
            return tracer
    }
}

/// Walks the goods movements entry by entry and keeps the lots' queues (`GoodsLotTrace`).
struct GoodsLotTracer {
    struct Movement {
        let seq: Int64
        let date: LedgerDate
        let reversesSeq: Int64
        let lineNumber: Int64
        let itemID: Int64
        let quantity: Int64
        let valueDong: Int64
        let owner: GoodsLotTrace.Owner
    }

    /// The units one goods line took from one lot.
    private struct Draw {
        let lotIndex: Int
        let quantity: Int64
        /// What the units are worth in their lot (`share(of:upTo:)`).
        let valueDong: Int64
    }

    /// Unowned: a ledger's funding cache keeps its tracers, and they must not keep the ledger
    /// (and its connection) alive.
    unowned let ledger: Ledger
    private(set) var trace = GoodsLotTrace()
    /// Each item's lots in the order they are drawn (indexes into `trace.lots`), and the
    /// position before which every lot of the item is empty.
    private var queues: [Int64: (lots: [Int], head: Int)] = [:]
    /// Each lot's position in its item's queue.
    private var positions: [Int] = []
    /// The lots each receipt opened, for its reversal.
    private var lotsBySeq: [Int64: [Int]] = [:]
    /// What each entry's goods lines took, by entry, for its reversal.
    private var draws: [Int64: [(itemID: Int64, lineNumber: Int64, draws: [Draw])]] = [:]
    /// Each hand-out's uses (indexes into `trace.uses`), for its reversal.
    private var usesBySeq: [Int64: Range<Int>] = [:]
    /// A spending line of a hand-out (a line on an expense account): where the goods went.
    struct Spending: Equatable {
        let lineNumber: Int64
        let accountID: Int64
        let amount: Int64
        /// 0 for none.
        let programID: Int64
        let unitID: Int64
        let children: Int64
        /// Whether the line names a funder or grant itself (then statements count it under
        /// that donor already).
        let namesDonor: Bool
    }
    /// The spending lines of the hand-outs to attribute, by entry: every hand-out's, read at
    /// once before a replay (`readSpending`, or `GoodsJournal` for `verify`), or the one entry
    /// being posted (`apply(_:goodsAccountID:roles:)`).
    private var spendingBySeq: [Int64: [Spending]] = [:]

    init(ledger: Ledger) {
        self.ledger = ledger
    }

    /// One entry's goods lines.
    mutating func apply(_ movements: [Movement]) throws {
        let reversed = movements[0].reversesSeq
        // A reversal of a hand-out cancels every use of it, on the reversal's date.
        if reversed != 0, let original = usesBySeq.removeValue(forKey: reversed) {
            let dayKey = Int32(movements[0].date.dayKey)
            trace.uses += trace.uses[original].map { $0.cancelled(by: movements[0].seq, on: dayKey) }
        }
        var outflows: [(movement: Movement, draws: [Draw])] = []
        for movement in movements {
            if movement.quantity > 0 {
                if reversed != 0, returnUnits(movement, of: reversed) { continue }
                trace.lots.append(.init(seq: movement.seq, lineNumber: movement.lineNumber, date: movement.date, itemID: movement.itemID,
                                        owner: movement.owner, quantity: movement.quantity, valueDong: movement.valueDong, remaining: movement.quantity))
                insertLot(trace.lots.count - 1)
            } else {
                outflows.append((movement, take(-movement.quantity, of: movement.itemID, preferring: reversed)))
            }
        }
        guard !outflows.isEmpty else { return }
        draws[movements[0].seq] = outflows.map { ($0.movement.itemID, $0.movement.lineNumber, $0.draws) }
        // Units a reversal takes out (a receipt undone) were handed out to nobody.
        guard reversed == 0, spendingBySeq[movements[0].seq] != nil else { return }
        try attribute(outflows, seq: movements[0].seq, date: movements[0].date)
    }

    /// Queues a new lot in the order lots are drawn: by date, then entry, then line. Lots
    /// arrive in posting order, and a receipt may be dated before one posted earlier; it never
    /// goes before a lot already drawn on (`HoldingRules` refuses any goods movement dated
    /// before a hand-out), so drawing stays first in, first out by date.
    private mutating func insertLot(_ index: Int) {
        let lot = trace.lots[index]
        // Taken out of the table while it changes, so its array is not copied (nor below).
        var queue = queues.removeValue(forKey: lot.itemID) ?? ([], 0)
        var position = queue.lots.count
        while position > queue.head {
            let before = trace.lots[queue.lots[position - 1]]
            guard (before.date, before.seq, before.lineNumber) > (lot.date, lot.seq, lot.lineNumber) else { break }
            position -= 1
        }
        queue.lots.insert(index, at: position)
        if positions.count < trace.lots.count { positions += repeatElement(0, count: trace.lots.count - positions.count) }
        for shifted in position..<queue.lots.count { positions[queue.lots[shifted]] = shifted }
        queues[lot.itemID] = queue
        lotsBySeq[lot.seq, default: []].append(index)
    }

    /// The carrying value of `quantity` more units of an item handed out on `date`, after
    /// `skipping` units the same entry already takes: first in, first out from the lots
    /// received by then, each lot's units at its own value (the last unit of a lot takes what
    /// is left of its value, so a lot's value leaves whole). `nil` when fewer units are on hand.
    func value(of quantity: Int64, item: Int64, on date: LedgerDate, skipping: Int64 = 0) -> Int64? {
        draws(of: quantity, item: item, on: date, skipping: skipping)?.reduce(0) { $0 + $1.valueDong }
    }

    /// What `quantity` units handed out on `date` take from each lot, in order: the lot's
    /// owner, the units and their value (`value(of:)`). `nil` when fewer units are on hand.
    func draws(of quantity: Int64, item: Int64, on date: LedgerDate, skipping: Int64 = 0) -> [GoodsDraw]? {
        guard let queue = queues[item] else { return quantity == 0 ? [] : nil }
        var skip = skipping, left = quantity
        var draws: [GoodsDraw] = []
        for position in queue.head..<queue.lots.count where left > 0 {
            let lot = trace.lots[queue.lots[position]]
            guard lot.date <= date else { break }
            var available = lot.remaining
            let skipped = min(skip, available)
            skip -= skipped
            available -= skipped
            guard available > 0 else { continue }
            let units = min(left, available)
            let drawnBefore = lot.quantity - lot.remaining + skipped
            let value = GoodsLotTracer.share(of: lot, upTo: drawnBefore + units) - GoodsLotTracer.share(of: lot, upTo: drawnBefore)
            draws.append(GoodsDraw(owner: lot.owner, quantity: units, valueDong: value))
            left -= units
        }
        return left == 0 ? draws : nil
    }

    /// The value of a lot's first `units` units: its value in proportion, rounded half-even.
    static func share(of lot: GoodsLotTrace.Lot, upTo units: Int64) -> Int64 {
        units >= lot.quantity ? lot.valueDong : Int64(Rate.divideRoundingHalfEven(Int128(lot.valueDong) * Int128(units), Int128(lot.quantity)))
    }

    /// The units of an item its lots hold.
    func unitsOnHand(of item: Int64) -> Int64 {
        guard let queue = queues[item] else { return 0 }
        return queue.lots[queue.head...].reduce(0) { $0 + trace.lots[$1].remaining }
    }

    /// Whether what entry `seq` brought in is still whole in its lots (nothing of it handed
    /// out since): a receipt can be reversed only then.
    func lotsAreWhole(of seq: Int64) -> Bool {
        (lotsBySeq[seq] ?? []).allSatisfy { trace.lots[$0].remaining == trace.lots[$0].quantity }
    }

    /// Applies the goods lines of an entry just written (`FundingState.apply`). With `roles`,
    /// a hand-out's goods are shared among its own spending lines (`trace.uses`), as posting
    /// stores them.
    mutating func apply(_ entry: JournalEntry, goodsAccountID: Int64, roles: AccountRoles? = nil) throws {
        // Only a hand-out's spending lines are shared among lots: a receipt gathers none.
        if let roles, entry.reversesSeq == nil, entry.lines.contains(where: { $0.account.id == goodsAccountID && $0.quantity ?? 0 < 0 }) {
            spendingBySeq = [entry.seq: GoodsJournal.spending(of: entry.lines, roles: roles)]
        }
        defer { if roles != nil { spendingBySeq = [:] } }
        let movements = entry.lines.compactMap { line -> Movement? in
            guard line.account.id == goodsAccountID, let item = line.item, let quantity = line.quantity else { return nil }
            return Movement(seq: entry.seq, date: entry.date, reversesSeq: entry.reversesSeq ?? 0, lineNumber: Int64(line.lineNumber), itemID: item.id,
                            quantity: quantity, valueDong: line.amountDong,
                            owner: .init(funderID: line.funder?.id ?? 0, grantID: line.grant?.id ?? 0, restriction: line.restriction))
        }
        if !movements.isEmpty { try apply(movements) }
    }

    /// A reversal of a hand-out puts its units back into the lots they came from (`apply`
    /// cancels its uses): those its own goods line took (a reversal keeps the original's line
    /// numbers), else those of the first goods line of the item with units still out. Returns
    /// false when the reversed entry took none of this item.
    private mutating func returnUnits(_ movement: Movement, of reversed: Int64) -> Bool {
        guard var taken = draws[reversed],
              let index = taken.firstIndex(where: { $0.itemID == movement.itemID && $0.lineNumber == movement.lineNumber && !$0.draws.isEmpty })
                ?? taken.firstIndex(where: { $0.itemID == movement.itemID && !$0.draws.isEmpty })
                ?? taken.firstIndex(where: { $0.itemID == movement.itemID }) else { return false }
        var left = movement.quantity
        var remainingDraws = taken[index].draws
        while left > 0, let draw = remainingDraws.popLast() {
            let back = min(left, draw.quantity)
            trace.lots[draw.lotIndex].remaining += back
            if positions[draw.lotIndex] < queues[movement.itemID]?.head ?? 0 {
                queues[movement.itemID]?.head = positions[draw.lotIndex]
            }
            left -= back
            // What is still out of the lot; only its units are read again (by a later return).
            if back < draw.quantity { remainingDraws.append(Draw(lotIndex: draw.lotIndex, quantity: draw.quantity - back, valueDong: 0)) }
        }
        taken[index].draws = remainingDraws
        draws[reversed] = taken
        return true
    }

    /// Takes `quantity` units of an item: from the lots of entry `preferring` first (a reversed
    /// receipt), then first in, first out. Units no lot holds (only in damaged books) are left
    /// undrawn.
    private mutating func take(_ quantity: Int64, of itemID: Int64, preferring: Int64) -> [Draw] {
        var left = quantity
        var taken: [Draw] = []
        func draw(_ index: Int) {
            guard left > 0, trace.lots[index].remaining > 0, trace.lots[index].itemID == itemID else { return }
            let units = min(left, trace.lots[index].remaining)
            let drawnBefore = trace.lots[index].quantity - trace.lots[index].remaining
            let value = GoodsLotTracer.share(of: trace.lots[index], upTo: drawnBefore + units) - GoodsLotTracer.share(of: trace.lots[index], upTo: drawnBefore)
            trace.lots[index].remaining -= units
            left -= units
            taken.append(Draw(lotIndex: index, quantity: units, valueDong: value))
        }
        if preferring != 0 { lotsBySeq[preferring]?.forEach(draw) }
        guard var queue = queues.removeValue(forKey: itemID) else { return taken }
        while queue.head < queue.lots.count && trace.lots[queue.lots[queue.head]].remaining == 0 { queue.head += 1 }
        var position = queue.head
        while left > 0 && position < queue.lots.count {
            draw(queue.lots[position])
            position += 1
        }
        while queue.head < queue.lots.count && trace.lots[queue.lots[queue.head]].remaining == 0 { queue.head += 1 }
        queues[itemID] = queue
        return taken
    }

    /// Reads the spending lines of every entry that hands goods out (reports/goods-outflow-uses.sql).
    mutating func readSpending(goodsAccountID: Int64) throws {
        var read: [Int64: [Spending]] = [:]
        try ledger.database.forEachRow(ReportQueries.goodsOutflowUses, named: [":goods_account_id": goodsAccountID]) { row in
            read[row.int64(at: 0), default: []].append(Spending(lineNumber: row.int64(at: 1), accountID: row.int64(at: 2), amount: row.int64(at: 3),
                                                                 programID: row.int64(at: 4), unitID: row.int64(at: 5), children: row.int64(at: 6),
                                                                 namesDonor: row.int64(at: 7) != 0))
        }
        spendingBySeq = read
    }

    /// Takes the spending lines of the hand-outs to attribute (`GoodsJournal`).
    mutating func setSpending(_ spending: [Int64: [Spending]]) { spendingBySeq = spending }

    /// Shares each goods line of a hand-out among its spending lines and the lots it drew from
    /// (docs/goods-lots.md, "How a hand-out is shared among lots"):
    ///
    /// - the goods line's units and posted value are shared among the spending lines in
    ///   proportion to their amounts, and each line's child-instances among the goods lines in
    ///   proportion to their values;
    /// - each lot keeps exactly the units drawn from it, and the value of those units in the
    ///   lot (for a hand-out valued otherwise, before lots, the posted value in proportion to
    ///   them): the lots, in the order drawn, are shared among the spending lines in proportion
    ///   to what each line still has to take (`Apportion.table`), so every line's and every
    ///   lot's figures add up exactly;
    /// - a line's child-instances follow its units from each lot.
    private mutating func attribute(_ outflows: [(movement: Movement, draws: [Draw])], seq: Int64, date: LedgerDate) throws {
        let spending = spendingBySeq[seq] ?? []
        let weights = spending.map { max($0.amount, 0) }
        guard weights.contains(where: { $0 > 0 }) else { return }
        let first = trace.uses.count
        let dayKey = Int32(date.dayKey)
        let goodsValues = outflows.map { -$0.movement.valueDong }
        // The usual hand-out — one goods line from one lot to one spending line — takes it all.
        if outflows.count == 1, outflows[0].draws.count == 1, let lineIndex = weights.firstIndex(where: { $0 > 0 }),
           !weights[(lineIndex + 1)...].contains(where: { $0 > 0 }) {
            let (movement, draw) = (outflows[0].movement, outflows[0].draws[0])
            let (line, lot) = (spending[lineIndex], trace.lots[draw.lotIndex])
            trace.uses.append(GoodsUse(seq: seq, dayKey: dayKey, goodsLine: movement.lineNumber, spendingLine: line.lineNumber,
                                       lotSeq: lot.seq, lotLine: lot.lineNumber, itemID: movement.itemID,
                                       funderID: lot.owner.funderID, grantID: lot.owner.grantID,
                                       accountID: line.accountID, programID: line.programID, unitID: line.unitID, namesDonor: line.namesDonor,
                                       quantity: -movement.quantity, valueDong: -movement.valueDong, children: line.children))
            usesBySeq[seq] = first..<trace.uses.count
            return
        }
        let childrenByGoods = outflows.count == 1 ? spending.map { [$0.children] } : spending.map { Apportion.shares(of: $0.children, by: goodsValues) }
        for (goodsIndex, outflow) in outflows.enumerated() {
            let units = -outflow.movement.quantity, value = -outflow.movement.valueDong
            let drawn = outflow.draws.map(\.quantity)
            let ownValues = outflow.draws.map(\.valueDong)
            let lotValues = ownValues.reduce(0, +) == value ? ownValues : Apportion.shares(of: value, by: ownValues.map { max($0, 0) })
            let unitTable = Apportion.table(rows: Apportion.shares(of: units, by: weights), columns: drawn)
            let valueTable = Apportion.table(rows: Apportion.shares(of: value, by: weights), columns: lotValues)
            for (lineIndex, line) in spending.enumerated() where weights[lineIndex] > 0 {
                let lotChildren = Apportion.shares(of: childrenByGoods[lineIndex][goodsIndex], by: unitTable[lineIndex])
                for (drawIndex, draw) in outflow.draws.enumerated() {
                    let lot = trace.lots[draw.lotIndex]
                    trace.uses.append(GoodsUse(seq: seq, dayKey: dayKey, goodsLine: outflow.movement.lineNumber, spendingLine: line.lineNumber,
                                               lotSeq: lot.seq, lotLine: lot.lineNumber, itemID: outflow.movement.itemID,
                                               funderID: lot.owner.funderID, grantID: lot.owner.grantID,
                                               accountID: line.accountID, programID: line.programID, unitID: line.unitID, namesDonor: line.namesDonor,
                                               quantity: unitTable[lineIndex][drawIndex], valueDong: valueTable[lineIndex][drawIndex],
                                               children: lotChildren[drawIndex]))
                }
            }
        }
        usesBySeq[seq] = first..<trace.uses.count
    }
}

/// Units handed out from one lot: whose they are, how many, and their value.
struct GoodsDraw: Equatable {
    let owner: GoodsLotTrace.Owner
    let quantity: Int64
    let valueDong: Int64
}

/// Exact proportional shares of a whole number (largest remainders; ties to the earlier share).
enum Apportion {
    /// A table whose rows add up to `rows` and whose columns add up to `columns` (both
    /// non-negative, with the same sum): each column in turn is shared among the rows in
    /// proportion to what each row still lacks. A share never exceeds what its row lacks
    /// (a share rounds up only when its exact value is not whole, so below the row's need), so
    /// the last column fills every row exactly.
    static func table(rows: [Int64], columns: [Int64]) -> [[Int64]] {
        var lacking = rows
        var table = rows.map { _ in [Int64](repeating: 0, count: columns.count) }
        for (column, total) in columns.enumerated() where total > 0 {
            let shares = lacking.count == 1 ? [total] : Apportion.shares(of: total, by: lacking)
            for row in lacking.indices {
                table[row][column] = shares[row]
                lacking[row] -= shares[row]
            }
        }
        return table
    }

    /// `total` split in proportion to `weights` (non-negative); the shares add up to `total`.
    /// All-zero weights give everything to the first share.
    static func shares(of total: Int64, by weights: [Int64]) -> [Int64] {
        guard weights.count > 1 else { return weights.isEmpty ? [] : [total] }
        let sum = weights.reduce(Int128(0)) { $0 + Int128(max($1, 0)) }
        guard sum > 0 else { return [total] + Array(repeating: 0, count: weights.count - 1) }
        let magnitude = Int128(total.magnitude)
        var shares = weights.map { Int64(magnitude * Int128(max($0, 0)) / sum) }
        let remainders = weights.map { magnitude * Int128(max($0, 0)) % sum }
        var left = Int64(magnitude) - shares.reduce(0, +)
        for index in remainders.indices.sorted(by: { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }) where left > 0 {
            shares[index] += 1
            left -= 1
        }
        return total < 0 ? shares.map { -$0 } : shares
    }
}
