/// The limited quantities posting rules keep at or above zero on every date
/// (ledger-schema/009_holdings_by_day.sql, docs/posting-rules.md).
enum HoldingKind: Int64, Sendable, CaseIterable {
    /// A cash or bank account, in its own currency: a fund has no overdraft and may not borrow.
    case money = 1
    /// A goods item on the goods account, in units.
    case goods = 2
    /// A grant's available money (received + exchange effect − spent), in dong.
    case grant = 3
    /// A grant's spending on one program in one place (`HoldingKey.spending`), negated, in
    /// dong: what its allocations (`cpf grant allocate`) are held to.
    case grantSpending = 4
}

/// One limited quantity: which kind, and the account, item or grant it is.
struct HoldingKey: Hashable, Sendable {
    let kind: HoldingKind
    let subjectID: Int64

    /// One word (equality still compares both fields).
    func hash(into hasher: inout Hasher) { hasher.combine(subjectID << 3 ^ kind.rawValue) }

    /// The largest program or unit id a spending key holds (20 bits each; grants get 23).
    static let spendingPartMax: Int64 = (1 << 20) - 1

    /// A grant's spending on a program (0: none) in a unit (0: none), packed as
    /// grant << 40 | program << 20 | unit, as migration 009 packs it.
    static func spending(grant: Int64, program: Int64, unit: Int64) -> HoldingKey {
        HoldingKey(kind: .grantSpending, subjectID: grant << 40 | program << 20 | unit)
    }

    /// The grant, program and unit of a spending key.
    var spendingParts: (grant: Int64, program: Int64, unit: Int64) {
        (subjectID >> 40, subjectID >> 20 & HoldingKey.spendingPartMax, subjectID & HoldingKey.spendingPartMax)
    }
}

/// A holding's change on one day (`holding_day`), or over a span of days.
struct HoldingChange: Equatable, Sendable {
    /// In the holding's own measure: minor units of the account's currency, units of goods,
    /// dong of a grant's available money.
    var net: Int64 = 0
    /// The dong value of `net`, for holdings valued at their average (0 for a grant).
    var valueDong: Int64 = 0
    /// Lines valued at the holding's average that day (`holding_day.valuations`).
    var valuations: Int64 = 0
    var lineCount: Int64 = 0

    /// Adds `other`; `false` when a figure would overflow (nothing is changed then).
    mutating func add(_ other: HoldingChange) -> Bool {
        let net = self.net.addingReportingOverflow(other.net)
        let value = valueDong.addingReportingOverflow(other.valueDong)
        guard !net.overflow, !value.overflow else { return false }
        self = HoldingChange(net: net.partialValue, valueDong: value.partialValue,
                             valuations: valuations + other.valuations, lineCount: lineCount + other.lineCount)
        return true
    }
}

/// A holding and a day, the key of `holding_day`.
struct HoldingDayKey: TableKey, Sendable {
    let holding: HoldingKey
    let dayKey: Int32

    func tableHash(_ hashing: TableHashing) -> UInt64 {
        hashing.mix(UInt64(bitPattern: holding.subjectID), UInt64(UInt32(bitPattern: dayKey)) << 8 ^ UInt64(bitPattern: holding.kind.rawValue))
    }

    /// One word: ids spread by an odd multiplier, the day and the kind (1–4) folded in
    /// (equality still compares every field).
    func hash(into hasher: inout Hasher) {
        hasher.combine(holding.subjectID &* 0x1E37_79B9_7F4A_7C15 ^ Int64(dayKey) << 2 ^ holding.kind.rawValue)
    }
}

extension AccountRoles {
    /// Calls `body` for each holding `line` changes, with the change: its account when it is a
    /// money account, its item when it is on the goods account, its grant when it is revenue,
    /// spending or exchange difference, and its grant's spending on its program and place when
    /// it is spending. The same definitions as migration 009.
    ///
    /// - Parameter isReversal: the line belongs to a reversal, whose figures mirror the
    ///   original's rather than being valued at an average: it counts no valuation.
    @inline(__always)
    func forEachHolding(of line: some LineFigures, isReversal: Bool = false, _ body: (HoldingKey, HoldingChange) -> Void) {
        let accountID = line.accountID
        let flags = self.flags(accountID)
        if flags & AccountRoles.moneyFlag != 0 {
            let isForeign = flags & AccountRoles.foreignFlag != 0
            let net = isForeign ? (line.foreignMinorUnits ?? 0) : line.amountDong
            let isValuation = !isReversal && isForeign && (line.amountDong < 0 || line.foreignMinorUnits == nil)
            body(HoldingKey(kind: .money, subjectID: accountID),
                 HoldingChange(net: net, valueDong: line.amountDong, valuations: isValuation ? 1 : 0, lineCount: 1))
        }
        if let item = line.itemID, accountID == goodsAccountID {
            body(HoldingKey(kind: .goods, subjectID: item),
                 HoldingChange(net: line.quantity ?? 0, valueDong: line.amountDong, valuations: !isReversal && line.amountDong < 0 ? 1 : 0, lineCount: 1))
        }
        if let grant = line.grantID, flags & AccountRoles.grantFlag != 0 {
            body(HoldingKey(kind: .grant, subjectID: grant), HoldingChange(net: -line.amountDong, lineCount: 1))
            let program = line.programID ?? 0, unit = line.unitID ?? 0
            if flags & AccountRoles.expenseFlag != 0, program <= HoldingKey.spendingPartMax, unit <= HoldingKey.spendingPartMax,
               grant < 1 << 23 {
                body(HoldingKey.spending(grant: grant, program: program, unit: unit), HoldingChange(net: -line.amountDong, lineCount: 1))
            }
        }
    }

    /// Whether a holding is valued at its moving average (foreign currency, goods): what
    /// leaves it is valued on the figures of its date.
    func isValued(_ holding: HoldingKey) -> Bool {
        switch holding.kind {
        case .money: flags(holding.subjectID) & (AccountRoles.moneyFlag | AccountRoles.foreignFlag) == AccountRoles.moneyFlag | AccountRoles.foreignFlag
        case .goods: true
        case .grant, .grantSpending: false
        }
    }

    /// A cash or bank account of the chart: an asset account whose code starts 111 (cash),
    /// 112 (bank and treasury) or 113 (cash in transit), as migration 009 says.
    static func isMoneyAccount(_ account: Account) -> Bool {
        account.type == .asset && (account.code.hasPrefix("111") || account.code.hasPrefix("112") || account.code.hasPrefix("113"))
    }
}

/// The sum of every line's magnitude in each measure (`journal_extent`): every total a report
/// computes is bounded by one of these, so keeping them within `limit` keeps reports exact.
struct JournalExtent: Equatable, Sendable {
    var dong: Int64 = 0
    var foreignMinor: Int64 = 0
    var quantity: Int64 = 0
    var children: Int64 = 0

    /// 10^18: twice this (debits and credits together) is still inside a 64-bit integer.
    static let limit: Int64 = 1_000_000_000_000_000_000

    /// Adds one line's magnitudes. Saturating: a file whose lines were forged past their
    /// limits must give a finding in `verify`, not a crash.
    mutating func add(_ line: some LineFigures) {
        dong = JournalExtent.sum(dong, line.amountDong.magnitude)
        foreignMinor = JournalExtent.sum(foreignMinor, line.foreignMinorUnits?.magnitude ?? 0)
        quantity = JournalExtent.sum(quantity, line.quantity?.magnitude ?? 0)
        children = JournalExtent.sum(children, line.children?.magnitude ?? 0)
    }

    mutating func add(_ other: JournalExtent) {
        dong = JournalExtent.sum(dong, other.dong.magnitude)
        foreignMinor = JournalExtent.sum(foreignMinor, other.foreignMinor.magnitude)
        quantity = JournalExtent.sum(quantity, other.quantity.magnitude)
        children = JournalExtent.sum(children, other.children.magnitude)
    }

    private static func sum(_ total: Int64, _ magnitude: UInt64) -> Int64 {
        let (result, overflow) = total.addingReportingOverflow(Int64(clamping: magnitude))
        return overflow ? Int64.max : result
    }

    /// The first measure past `limit`, with its figure.
    var exceeded: (measure: LocalizedText, figure: Int64)? {
        if dong > JournalExtent.limit { return (LocalizedText("dong", "đồng"), dong) }
        if foreignMinor > JournalExtent.limit { return (LocalizedText("foreign-currency minor units", "đơn vị nhỏ của ngoại tệ"), foreignMinor) }
        if quantity > JournalExtent.limit { return (LocalizedText("goods units", "đơn vị hàng hóa"), quantity) }
        if children > JournalExtent.limit { return (LocalizedText("child-instances", "lượt trẻ em"), children) }
        return nil
    }
}
