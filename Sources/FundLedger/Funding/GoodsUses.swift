import ReportQueries

/// One lot's share of one spending line of a hand-out (docs/goods-lots.md), or its
/// cancellation by the hand-out's reversal: a row of `goods_use` (migration 014).
///
/// Posting writes a hand-out's uses once, as it writes the hand-out: the lots it drew from
/// never change afterwards (`HoldingRules`). `verify` replays the lots from the lines
/// (`GoodsLotTracer`) and compares, row by row.
public struct GoodsUse: Hashable, Sendable {
    /// The hand-out, or the reversal that cancels it.
    public let seq: Int64
    /// `yyyymmdd` of `seq`'s date.
    public let dayKey: Int32
    /// The hand-out's goods line and spending line (for a cancellation, the hand-out's).
    public let goodsLine: Int64
    public let spendingLine: Int64
    /// The lot: the line of the receipt that brought its goods in.
    public let lotSeq: Int64
    public let lotLine: Int64
    public let itemID: Int64
    /// The lot's owner: its donor and grant (0: the fund's own goods, no grant).
    public let funderID: Int64
    public let grantID: Int64
    /// The spending line's account, program and place (0: none).
    public let accountID: Int64
    public let programID: Int64
    public let unitID: Int64
    /// Whether the spending line names a funder or grant itself (then statements count it
    /// under that donor already).
    public let namesDonor: Bool
    /// Negative for a cancellation.
    public let quantity: Int64
    public let valueDong: Int64
    public let children: Int64

    /// The same use cancelled by entry `seq` dated `dayKey`.
    func cancelled(by seq: Int64, on dayKey: Int32) -> GoodsUse {
        GoodsUse(seq: seq, dayKey: dayKey, goodsLine: goodsLine, spendingLine: spendingLine, lotSeq: lotSeq, lotLine: lotLine, itemID: itemID,
                 funderID: funderID, grantID: grantID, accountID: accountID, programID: programID, unitID: unitID, namesDonor: namesDonor,
                 quantity: -quantity, valueDong: -valueDong, children: -children)
    }

    /// The table's key order.
    func precedes(_ other: GoodsUse) -> Bool {
        (seq, goodsLine, spendingLine, lotSeq, lotLine) < (other.seq, other.goodsLine, other.spendingLine, other.lotSeq, other.lotLine)
    }
}

/// Reading and writing `goods_use`.
enum GoodsUses {
    static let insertSQL = """
        INSERT INTO goods_use (entry_seq, goods_line, spending_line, lot_seq, lot_line, day_key, item_id, funder_id, grant_id,
                               account_id, program_id, unit_id, names_donor, quantity, value_vnd, children)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
        """
    static let columns = """
        entry_seq, goods_line, spending_line, lot_seq, lot_line, day_key, item_id, funder_id, grant_id,
        account_id, program_id, unit_id, names_donor, quantity, value_vnd, children
        """

    static func insert(_ uses: [GoodsUse], using statement: Statement) throws {
        for use in uses {
            try statement.bind(use.seq, at: 1)
            try statement.bind(use.goodsLine, at: 2)
            try statement.bind(use.spendingLine, at: 3)
            try statement.bind(use.lotSeq, at: 4)
            try statement.bind(use.lotLine, at: 5)
            try statement.bind(Int64(use.dayKey), at: 6)
            try statement.bind(use.itemID, at: 7)
            try statement.bind(use.funderID, at: 8)
            try statement.bind(use.grantID, at: 9)
            try statement.bind(use.accountID, at: 10)
            try statement.bind(use.programID, at: 11)
            try statement.bind(use.unitID, at: 12)
            try statement.bind(Int64(use.namesDonor ? 1 : 0), at: 13)
            try statement.bind(use.quantity, at: 14)
            try statement.bind(use.valueDong, at: 15)
            try statement.bind(use.children, at: 16)
            try statement.execute()
        }
    }

    /// A row read with `columns`; `nil` when a value is out of range (damage).
    static func decode(_ row: Statement) -> GoodsUse? {
        // Every column is an INTEGER: a text or a real would read as some integer.
        guard row.holdsIntegers(0..<16) else { return nil }
        let dayKey = row.int64(at: 5), namesDonor = row.int64(at: 12)
        guard let day = Int32(exactly: dayKey), namesDonor == 0 || namesDonor == 1 else { return nil }
        return GoodsUse(seq: row.int64(at: 0), dayKey: day, goodsLine: row.int64(at: 1), spendingLine: row.int64(at: 2),
                        lotSeq: row.int64(at: 3), lotLine: row.int64(at: 4), itemID: row.int64(at: 6), funderID: row.int64(at: 7),
                        grantID: row.int64(at: 8), accountID: row.int64(at: 9), programID: row.int64(at: 10), unitID: row.int64(at: 11),
                        namesDonor: namesDonor == 1, quantity: row.int64(at: 13), valueDong: row.int64(at: 14), children: row.int64(at: 15))
    }

    /// Fills `goods_use` for books written before it (migration 014): the lots replayed from
    /// the lines, as `verify` replays them. Runs in the migration's transaction.
    static func fill(_ database: Database) throws {
        guard try database.scalarInt64("SELECT count(*) FROM (SELECT 1 FROM entry LIMIT 1)") ?? 0 > 0 else { return }
        let ledger = try Ledger(database: database)
        let uses = try ledger.goodsLotTracer(through: .latest, item: nil, attributingUses: true).trace.uses
        try insert(uses.sorted { $0.precedes($1) }, using: database.prepare(insertSQL))
    }
}

/// What `verify` replays the goods lots from, gathered as it reads the journal in sequence:
/// every goods line on the goods account, and the spending lines of the entries that take
/// goods out.
struct GoodsJournal {
    private var movements: [GoodsLotTracer.Movement] = []
    private var spending: [Int64: [GoodsLotTracer.Spending]] = [:]

    /// An entry's spending lines: its lines on expense accounts.
    static func spending<Line: LineFigures>(of lines: [Line], roles: AccountRoles) -> [GoodsLotTracer.Spending] {
        var spending: [GoodsLotTracer.Spending] = []
        for index in lines.indices where roles.type(lines[index].accountID) == .expense {
            let line = lines[index]
            spending.append(GoodsLotTracer.Spending(lineNumber: Int64(index + 1), accountID: line.accountID, amount: line.amountDong,
                                                    programID: line.programID ?? 0, unitID: line.unitID ?? 0, children: line.children ?? 0,
                                                    namesDonor: line.funderID != nil || line.grantID != nil))
        }
        return spending
    }

    /// Gathers one entry's goods lines (numbered 1…n in order), and its spending lines when it
    /// takes goods out; false when the entry has goods lines and `dayKey` is no date.
    mutating func add<Line: LineFigures>(_ lines: [Line], seq: Int64, dayKey: Int32, reversesSeq: Int64?, roles: AccountRoles) -> Bool {
        guard let goodsAccountID = roles.goodsAccountID else { return true }
        var takesOut = false
        var date: LedgerDate?
        for index in lines.indices where lines[index].accountID == goodsAccountID {
            let line = lines[index]
            guard let item = line.itemID, let quantity = line.quantity else { continue }
            if date == nil { date = LedgerDate(dayKey: Int(dayKey)) }
            guard let date else { return false }
            movements.append(GoodsLotTracer.Movement(seq: seq, date: date, reversesSeq: reversesSeq ?? 0, lineNumber: Int64(index + 1), itemID: item,
                                                     quantity: quantity, valueDong: line.amountDong,
                                                     owner: .init(funderID: line.funderID ?? 0, grantID: line.grantID ?? 0, restriction: line.restriction)))
            takesOut = takesOut || quantity < 0
        }
        if takesOut { spending[seq] = GoodsJournal.spending(of: lines, roles: roles) }
        return true
    }

    /// Every use the lines give, in `goods_use`'s key order: the lots replayed in the order
    /// they are drawn (by date, then entry, then line).
    func uses(ledger: Ledger) throws -> [GoodsUse] {
        var tracer = GoodsLotTracer(ledger: ledger)
        tracer.setSpending(spending)
        let ordered = movements.sorted { ($0.date, $0.seq, $0.lineNumber) < ($1.date, $1.seq, $1.lineNumber) }
        var start = ordered.startIndex
        while start < ordered.endIndex {
            var end = start + 1
            while end < ordered.endIndex && ordered[end].seq == ordered[start].seq { end += 1 }
            try tracer.apply(Array(ordered[start..<end]))
            start = end
        }
        return tracer.trace.uses.sorted { $0.precedes($1) }
    }
}

extension Ledger {
    /// Every row of `goods_use`, in its key order.
    func storedGoodsUses() throws -> [GoodsUse] {
        try read {
            try database.rows("SELECT \(GoodsUses.columns) FROM goods_use ORDER BY entry_seq, goods_line, spending_line, lot_seq, lot_line") { row in
                guard let use = GoodsUses.decode(row) else { throw StoredValue.damaged("goods_use", "entry \(row.int64(at: 0))") }
                return use
            }
        }
    }

    /// Compares `goods_use` with the uses the goods lines give (`GoodsJournal`).
    func verifyGoodsUses(_ journal: GoodsJournal, into report: inout VerificationReport) throws {
        let expected = try journal.uses(ledger: self)
        var index = 0, agree = true
        try database.forEachRow("SELECT \(GoodsUses.columns) FROM goods_use ORDER BY entry_seq, goods_line, spending_line, lot_seq, lot_line") { row in
            guard agree else { return }
            guard index < expected.count, let use = GoodsUses.decode(row), use == expected[index] else { agree = false; return }
            index += 1
        }
        guard !agree || index != expected.count else { return }
        struct Key: Hashable { let seq, goodsLine, spendingLine, lotSeq, lotLine: Int64 }
        func key(_ use: GoodsUse) -> Key { Key(seq: use.seq, goodsLine: use.goodsLine, spendingLine: use.spendingLine, lotSeq: use.lotSeq, lotLine: use.lotLine) }
        var stored: [Key: GoodsUse] = [:]
        var unreadable = 0
        try database.forEachRow("SELECT \(GoodsUses.columns) FROM goods_use") { row in
            if let use = GoodsUses.decode(row) { stored[key(use)] = use } else { unreadable += 1 }
        }
        let given = Dictionary(expected.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let differing = Set(stored.keys).union(given.keys).filter { stored[$0] != given[$0] }
            .sorted { ($0.seq, $0.goodsLine, $0.spendingLine, $0.lotSeq, $0.lotLine) < ($1.seq, $1.goodsLine, $1.spendingLine, $1.lotSeq, $1.lotLine) }
        func describe(_ use: GoodsUse?) -> LocalizedText {
            guard let use else { return LocalizedText("nothing", "không có gì") }
            return LocalizedText("\(use.quantity) units worth \(use.valueDong) VND for \(use.children) child-instances (donor #\(use.funderID), grant #\(use.grantID), account #\(use.accountID), program #\(use.programID), unit #\(use.unitID))",
                                 "\(use.quantity) đơn vị trị giá \(use.valueDong) VND cho \(use.children) lượt trẻ em (nhà tài trợ #\(use.funderID), khoản tài trợ #\(use.grantID), tài khoản #\(use.accountID), chương trình #\(use.programID), đơn vị #\(use.unitID))")
        }
        for key in differing.prefix(5) {
            let held = describe(stored[key]), wanted = describe(given[key])
            report.add(key.seq, LocalizedText("goods_use: entry \(key.seq), goods line \(key.goodsLine), spending line \(key.spendingLine), lot of entry \(key.lotSeq) line \(key.lotLine) holds \(held.english) but the goods lots replayed from the lines give \(wanted.english)",
                                              "goods_use: bút toán \(key.seq), dòng hàng \(key.goodsLine), dòng chi \(key.spendingLine), lô của bút toán \(key.lotSeq) dòng \(key.lotLine) ghi \(held.vietnamese) nhưng các lô hàng tính lại từ các dòng cho \(wanted.vietnamese)"))
        }
        if differing.count > 5 {
            report.add(nil, LocalizedText("goods_use: \(differing.count - 5) more rows disagree with the goods lots", "goods_use: thêm \(differing.count - 5) dòng không khớp với các lô hàng"))
        }
        if unreadable > 0 {
            report.add(nil, LocalizedText("goods_use: \(unreadable) rows hold values cpf never writes", "goods_use: \(unreadable) dòng có giá trị cpf không bao giờ ghi"))
        }
    }
}
