import ReportQueries

/// What a grant has received, spent and gained or lost on exchange, by the definitions of
/// reports/grant-figures.sql.
public struct GrantFigures: Sendable, Equatable {
    public var receivedDong: Int64 = 0
    /// In the grant's currency (minor units), from the revenue lines that carry it.
    public var receivedForeign: Int64 = 0
    public var spentDong: Int64 = 0
    /// In the grant's currency (minor units), from the expense lines paid in it.
    public var spentForeign: Int64 = 0
    /// Realized exchange differences on the grant's money: gains positive.
    public var fxEffectDong: Int64 = 0
    public var children: Int64 = 0

    public init() {}

    /// What is left to spend, in dong: received + exchange effect − spent.
    public var availableDong: Int64 { receivedDong + fxEffectDong - spentDong }

    /// Received in the grant's own currency.
    public func receivedInGrantCurrency(_ currency: Currency) -> Int64 {
        currency == .vnd ? receivedDong : receivedForeign
    }

    /// Adds one line of the grant, as reports/grant-figures.sql sums it.
    mutating func add(_ line: PostedLine, accountType: AccountType, isFXAccount: Bool, grantCurrency: Currency) {
        switch accountType {
        case .revenue:
            receivedDong -= line.amountDong
            if let foreign = line.foreign, foreign.amount.currency == grantCurrency { receivedForeign -= foreign.amount.minorUnits }
        case .expense:
            spentDong += line.amountDong
            if let foreign = line.foreign, foreign.amount.currency == grantCurrency { spentForeign += foreign.amount.minorUnits }
            children += line.children ?? 0
        default:
            break
        }
        if isFXAccount { fxEffectDong -= line.amountDong }
    }
}

/// A running balance in dong and in a second measure: a foreign currency's minor units for a
/// foreign-currency account, a count for goods.
struct DualBalance: Equatable {
    var dong: Int64 = 0
    var other: Int64 = 0

    /// The dong value of `part` out of `other`: proportional, rounded half-even; all of it
    /// when `part` is everything, so no remainder is ever left behind.
    func dongValue(of part: Int64) -> Int64 {
        if part == other { return dong }
        return Int64(Rate.divideRoundingHalfEven(Int128(dong) * Int128(part), Int128(other)))
    }
}

/// A connection's `FundingState`, held by reference so that the posting rules read and
/// update it in place (a value copied out and written back would copy its tables whenever
/// one of them changed while both copies were alive).
final class FundingCache {
    var state = FundingState()
}

/// The figures posting rules consult while a transaction validates entries: per grant, and
/// per limited holding (`HoldingTimeline`: money accounts, goods items, grants' available
/// money). Each is read from the maintained totals (plus what this transaction already
/// wrote) the first time it is needed, then kept up to date as entries are written.
struct FundingState {
    private(set) var grants: [Int64: GrantFigures] = [:]
    private(set) var holdings: [HoldingKey: HoldingTimeline] = [:]
    /// Whether `holdings` holds every holding with a change (`readAll`): one missing has none.
    private var holdingsAllRead = false
    private var grantCurrencies: [Int64: Currency] = [:]
    /// The journal's extent (`journal_extent`) once read, kept current like the rest.
    private var extent: JournalExtent?
    /// Goods lots (docs/goods-lots.md), per item once read, or every item's (`readAll`);
    /// kept current as entries are written. They value goods handed out.
    private var goodsLots: [Int64: GoodsLotTracer] = [:]
    private var allGoodsLots: GoodsLotTracer?

    /// The journal's extent, counting what the transaction wrote.
    mutating func extent(ledger: Ledger, pending: BalanceAccumulator) throws -> JournalExtent {
        if let extent { return extent }
        var read = try ledger.database.firstRow("SELECT dong, foreign_minor, quantity, children FROM journal_extent WHERE id = 1") {
            JournalExtent(dong: $0.int64(at: 0), foreignMinor: $0.int64(at: 1), quantity: $0.int64(at: 2), children: $0.int64(at: 3))
        } ?? JournalExtent()
        read.add(pending.extent)
        extent = read
        return read
    }

    mutating func grantFigures(_ grantID: Int64, currency: Currency, ledger: Ledger, pending: BalanceAccumulator) throws -> GrantFigures {
        if let figures = grants[grantID] { return figures }
        var figures = try ledger.grantFigures(grantID: grantID)
        let roles = try AccountRoles.of(ledger)
        for (key, totals) in pending.byDimension where key.grantID == grantID {
            figures.add(pendingLine(key, totals), accountType: roles.type(key.accountID), isFXAccount: key.accountID == roles.fxAccountID, grantCurrency: currency)
        }
        grants[grantID] = figures
        grantCurrencies[grantID] = currency
        return figures
    }

    /// Reads every grant (into the ledger's cache, `cacheAllGrants`), the figures of every
    /// grant and the total of every holding at once, one query each, before the transaction
    /// writes anything: an import then consults them without a query (the posting thread need
    /// not take the connection back from `JournalWriter`'s second thread) while its entries
    /// come in date order.
    mutating func readAll(ledger: Ledger, pending: BalanceAccumulator) throws {
        precondition(pending.count == 0, "the figures are read whole before anything is written")
        let figures = try ledger.grantFiguresByID(from: Int64.min, to: Int64.max, through: .latest)
        for grant in try ledger.cacheAllGrants() {
            grants[grant.id] = figures[grant.id] ?? GrantFigures()
            grantCurrencies[grant.id] = grant.currency
        }
        holdings = try ledger.allHoldingTimelines()
        holdingsAllRead = true
        allGoodsLots = try ledger.goodsLotTracer(through: .latest, item: nil, attributingUses: false)
        // Every item's lots are in it now: a tracer of one item read before would apply each
        // entry a second time.
        goodsLots = [:]
        _ = try extent(ledger: ledger, pending: pending)
    }

    /// A holding's timeline, covering `date` and every later day.
    mutating func timeline(_ holding: HoldingKey, from date: LedgerDate, ledger: Ledger, pending: BalanceAccumulator) throws -> HoldingTimeline {
        let dayKey = Int32(date.dayKey)
        if let timeline = holdings[holding], timeline.covers(dayKey) { return timeline }
        // Spending by program and place is read only for an allocated grant, when needed.
        if holdingsAllRead && holdings[holding] == nil && holding.kind != .grantSpending {
            return HoldingTimeline(total: HoldingChange(), loadedFrom: Int32.min, days: [])
        }
        // Read a month early, so entries a few days apart do not read the table each time.
        let timeline = try ledger.holdingTimeline(holding, from: Int32(date.dayKey / 100 * 100), pending: pending)
        holdings[holding] = timeline
        return timeline
    }

    /// The goods on hand of an item at the end of `date`: quantity and carrying value.
    mutating func goodsOnHand(_ itemID: Int64, on date: LedgerDate, ledger: Ledger, pending: BalanceAccumulator) throws -> DualBalance {
        let figures = try timeline(HoldingKey(kind: .goods, subjectID: itemID), from: date, ledger: ledger, pending: pending).asOf(Int32(date.dayKey))
        return DualBalance(dong: figures.valueDong, other: figures.net)
    }

    /// A money account's balance at the end of `date`: dong and its own currency.
    mutating func moneyBalance(_ accountID: Int64, on date: LedgerDate, ledger: Ledger, pending: BalanceAccumulator) throws -> DualBalance {
        let figures = try timeline(HoldingKey(kind: .money, subjectID: accountID), from: date, ledger: ledger, pending: pending).asOf(Int32(date.dayKey))
        return DualBalance(dong: figures.valueDong, other: figures.net)
    }

    /// Whether every goods lot is in memory (`readAll`): valuing goods handed out then reads
    /// nothing from the file.
    var holdsEveryLot: Bool { allGoodsLots != nil }

    /// The lots of an item, counting what the transaction wrote.
    mutating func goodsLots(_ itemID: Int64, ledger: Ledger) throws -> GoodsLotTracer {
        if let all = allGoodsLots { return all }
        if let lots = goodsLots[itemID] { return lots }
        // The goods lines are read through their index, which holds this transaction's too.
        let lots = try ledger.goodsLotTracer(through: .latest, item: itemID, attributingUses: false)
        goodsLots[itemID] = lots
        return lots
    }

    /// The carrying value of `quantity` units of an item handed out on `date` after `skipping`
    /// units the same entry already takes: first in, first out from the lots, each at its own
    /// value (docs/goods-lots.md). `nil` when the lots hold fewer.
    mutating func lotValue(_ itemID: Int64, quantity: Int64, on date: LedgerDate, skipping: Int64 = 0,
                           ledger: Ledger) throws -> Int64? {
        try goodsLots(itemID, ledger: ledger).value(of: quantity, item: itemID, on: date, skipping: skipping)
    }

    /// What a hand-out of `quantity` units on `date` takes from each lot, the draws of one
    /// owner next to each other merged (`lotValueOrRefusal` for the refusals).
    mutating func lotDraws(_ itemID: Int64, itemCode: String, quantity: Int64, on date: LedgerDate,
                           ledger: Ledger, pending: BalanceAccumulator) throws -> [GoodsDraw] {
        guard let draws = try goodsLots(itemID, ledger: ledger).draws(of: quantity, item: itemID, on: date) else {
            _ = try lotValueOrRefusal(itemID, itemCode: itemCode, quantity: quantity, on: date, ledger: ledger, pending: pending)
            throw Ledger.lotsDisagree(itemCode)
        }
        var merged: [GoodsDraw] = []
        for draw in draws {
            if let last = merged.last, last.owner == draw.owner {
                merged[merged.count - 1] = GoodsDraw(owner: last.owner, quantity: last.quantity + draw.quantity, valueDong: last.valueDong + draw.valueDong)
            } else {
                merged.append(draw)
            }
        }
        return merged
    }

    /// `lotValue`, or the refusal that says why the lots cannot value it: goods handed out
    /// since `date` already drew on them (a hand-out dated before one posted is refused, as
    /// `HoldingRules` refuses any movement dated before a valuation), else damage.
    mutating func lotValueOrRefusal(_ itemID: Int64, itemCode: String, quantity: Int64, on date: LedgerDate, skipping: Int64 = 0,
                                    ledger: Ledger, pending: BalanceAccumulator) throws -> Int64 {
        if let value = try lotValue(itemID, quantity: quantity, on: date, skipping: skipping, ledger: ledger) { return value }
        let timeline = try self.timeline(HoldingKey(kind: .goods, subjectID: itemID), from: date, ledger: ledger, pending: pending)
        if let dayKey = timeline.firstValuation(after: Int32(date.dayKey)), let day = LedgerDate(dayKey: Int(dayKey)) {
            throw LedgerError(.valuationOrder, LocalizedText("goods item \(itemCode) already has goods handed out on \(day), valued from its lots; goods handed out on \(date) would change what they drew on, which is posted and immutable",
                                                             "mặt hàng \(itemCode) đã có lần cấp phát ngày \(day), tính theo giá trị các lô; cấp phát ngày \(date) sẽ làm thay đổi các lô đó, vốn đã ghi sổ và không sửa được"),
                              hint: LocalizedText("date this hand-out on or after \(day)", "hãy ghi ngày cấp phát này từ ngày \(day) trở đi"))
        }
        throw Ledger.lotsDisagree(itemCode)
    }

    /// `lotDraws` for an item named by its code.
    mutating func lotDraws(itemCode: String, quantity: Int64, on date: LedgerDate, ledger: Ledger, pending: BalanceAccumulator) throws -> [GoodsDraw] {
        let itemID = try ledger.registryID(.goodsItem, code: itemCode)
        let onHand = try goodsOnHand(itemID, on: date, ledger: ledger, pending: pending)
        guard quantity > 0, quantity <= onHand.other else { _ = try carryingValue(itemCode: itemCode, quantity: quantity, on: date, ledger: ledger, pending: pending); return [] }
        return try lotDraws(itemID, itemCode: itemCode, quantity: quantity, on: date, ledger: ledger, pending: pending)
    }

    /// The carrying value of `quantity` units of an item on hand on `date`
    /// (`DualBalance.dongValue`), counting `pending`, what the transaction wrote and has not flushed.
    ///
    /// - Throws: `LedgerError.insufficientGoods` when fewer are on hand that day.
    mutating func carryingValue(itemCode: String, quantity: Int64, on date: LedgerDate, ledger: Ledger, pending: BalanceAccumulator) throws -> Int64 {
        let itemID = try ledger.registryID(.goodsItem, code: itemCode)
        let onHand = try goodsOnHand(itemID, on: date, ledger: ledger, pending: pending)
        guard quantity > 0, quantity <= onHand.other else {
            throw LedgerError(.insufficientGoods, LocalizedText("only \(onHand.other) \(itemCode) are on hand on \(date); \(quantity) cannot be handed out", "ngày \(date) chỉ còn \(onHand.other) \(itemCode) trong kho; không thể cấp phát \(quantity)"),
                              hint: LocalizedText("receive the goods first (\(action: .receive, "\(parameter: .inKindItem)")), or hand out at most \(onHand.other)", "hãy nhập hàng trước (\(action: .receive, "\(parameter: .inKindItem)")), hoặc cấp phát tối đa \(onHand.other)"))
        }
        return try lotValueOrRefusal(itemID, itemCode: itemCode, quantity: quantity, on: date, ledger: ledger, pending: pending)
    }

    /// Whether the lots of `itemID` are in memory, so that a hand-out of it applied here is
    /// shared among its lots (`apply`).
    func holdsLots(of itemID: Int64) -> Bool { allGoodsLots != nil || goodsLots[itemID] != nil }

    /// Brings every figure already read up to date with an entry just written. Returns the
    /// uses of the goods it hands out (`GoodsUse`), from the lots of each item it takes out,
    /// which the caller has had read (`holdsLots`); none for a reversal.
    @discardableResult
    mutating func apply(_ entry: JournalEntry, roles: AccountRoles) throws -> [GoodsUse] {
        var uses: [GoodsUse] = []
        if let goodsAccountID = roles.goodsAccountID, entry.lines.contains(where: { $0.account.id == goodsAccountID && $0.item != nil }) {
            let attributing = entry.reversesSeq == nil ? roles : nil
            if allGoodsLots != nil {
                let first = allGoodsLots!.trace.uses.count
                try allGoodsLots!.apply(entry, goodsAccountID: goodsAccountID, roles: attributing)
                if attributing != nil { uses += allGoodsLots!.trace.uses[first...] }
            }
            for item in Set(entry.lines.compactMap { $0.account.id == goodsAccountID ? $0.item?.id : nil }) where allGoodsLots == nil && goodsLots[item] != nil {
                let first = goodsLots[item]!.trace.uses.count
                try goodsLots[item]!.apply(entry, goodsAccountID: goodsAccountID, roles: attributing)
                // An item's tracer knows only that item's lots.
                if attributing != nil { uses += goodsLots[item]!.trace.uses[first...].filter { $0.itemID == item } }
            }
        }
        let dayKey = Int32(entry.date.dayKey)
        let isReversal = entry.reversesSeq != nil
        for index in entry.lines.indices {
            extent?.add(entry.lines[index])
            if let grant = entry.lines[index].grant, var figures = grants[grant.id], let currency = grantCurrencies[grant.id] {
                let accountID = entry.lines[index].account.id
                figures.add(entry.lines[index], accountType: roles.type(accountID), isFXAccount: accountID == roles.fxAccountID, grantCurrency: currency)
                grants[grant.id] = figures
            }
            roles.forEachHolding(of: entry.lines[index], isReversal: isReversal) { holding, change in
                if let index = holdings.index(forKey: holding) {
                    holdings.values[index].apply(change, on: dayKey)
                } else if holdingsAllRead && holding.kind != .grantSpending {
                    var timeline = HoldingTimeline(total: HoldingChange(), loadedFrom: Int32.min, days: [])
                    timeline.apply(change, on: dayKey)
                    holdings[holding] = timeline
                }
            }
        }
        return uses
    }

    /// A pending total seen as one line, to fold it in like a posted one.
    private func pendingLine(_ key: BalanceAccumulator.DimensionKey, _ totals: BalanceAccumulator.DimensionTotals) -> PostedLine {
        let currency = key.currency.isEmpty ? nil : Currency.named(key.currency)
        return PostedLine(lineNumber: 1, account: RegistryReference(id: key.accountID, code: ""),
                          amountDong: totals.amounts.debitDong - totals.amounts.creditDong,
                          foreign: currency.map { ForeignAmount(amount: Amount(minorUnits: totals.amounts.foreignNet, currency: $0), rate: Rate(scaledValue: 1, scale: 0), rateDate: .earliest, rateSource: "") },
                          children: totals.childrenNet)
    }
}

/// The accounts posting rules treat specially, by id.
struct AccountRoles {
    let types: [Int64: AccountType]
    let goodsAccountID: Int64?
    let fxAccountID: Int64?
    let managementAccountIDs: Set<Int64>
    /// The transfers-to-other-funds account and those under it (`NetworkAccounts`): a grant's
    /// money passed on there keeps its purpose at the receiving fund.
    let transferOutAccountIDs: Set<Int64>
    /// Cash and bank accounts by id, with the one currency each carries (`isMoneyAccount`).
    let moneyAccounts: [Int64: Currency]
    /// Per account id: `moneyFlag`, `foreignFlag`, `grantFlag`, `expenseFlag` (what
    /// `forEachHolding` asks).
    private let accountFlags: [UInt8]
    static let moneyFlag: UInt8 = 1
    /// Kept in a foreign currency, whose balance is tracked in it too.
    static let foreignFlag: UInt8 = 2
    /// Revenue, expense or the exchange-difference account: a grant's line there changes
    /// what the grant has available.
    static let grantFlag: UInt8 = 4
    /// An expense account: a grant's line there is spending on its program and place.
    static let expenseFlag: UInt8 = 8

    @inline(__always)
    func flags(_ accountID: Int64) -> UInt8 {
        accountID >= 0 && accountID < accountFlags.count ? accountFlags[Int(accountID)] : 0
    }
    /// For each expense account that belongs to programs, those programs: the programs whose
    /// expense account is the account or one of its headings. A program named on an expense
    /// line must be one of them.
    let programsByExpenseAccount: [Int64: Set<Int64>]

    /// The roles of the ledger's accounts (cached with the chart).
    static func of(_ ledger: Ledger) throws -> AccountRoles {
        if let cached = ledger.registryCache.accountRoles { return cached }
        let roles = try AccountRoles(building: ledger)
        ledger.registryCache.accountRoles = roles
        return roles
    }

    private init(building ledger: Ledger) throws {
        let accounts = try ledger.accountsByCode()
        let settings = try ledger.settings()
        types = Dictionary(accounts.values.map { ($0.id, $0.type) }, uniquingKeysWith: { first, _ in first })
        goodsAccountID = accounts[settings.goodsAccountCode]?.id
        fxAccountID = accounts[settings.fxDifferenceAccountCode]?.id
        transferOutAccountIDs = Set(accounts.values.filter { $0.code.hasPrefix(NetworkAccounts.transferOut.code) }.map(\.id))
        moneyAccounts = Dictionary(accounts.values.filter(AccountRoles.isMoneyAccount).map { ($0.id, $0.currency) },
                                   uniquingKeysWith: { first, _ in first })
        // Ids are small integers (INTEGER PRIMARY KEY from 1), so a dense table answers the
        // per-line questions without hashing.
        var flags = [UInt8](repeating: 0, count: Int(accounts.values.map(\.id).max() ?? 0) + 1)
        for account in accounts.values where account.id >= 0 {
            var flag: UInt8 = 0
            if AccountRoles.isMoneyAccount(account) { flag |= AccountRoles.moneyFlag }
            if account.isForeignCurrency { flag |= AccountRoles.foreignFlag }
            if account.type == .revenue || account.type == .expense || account.id == fxAccountID { flag |= AccountRoles.grantFlag }
            if account.type == .expense { flag |= AccountRoles.expenseFlag }
            flags[Int(account.id)] = flag
        }
        accountFlags = flags
        var programsByAccountCode: [String: Set<Int64>] = [:]
        for program in try ledger.programs() {
            if let code = program.expenseAccountCode { programsByAccountCode[code, default: []].insert(program.id) }
        }
        var programsByExpenseAccount: [Int64: Set<Int64>] = [:]
        for account in accounts.values where account.type == .expense {
            var programs: Set<Int64> = []
            var code: String? = account.code
            while let current = code {
                programs.formUnion(programsByAccountCode[current] ?? [])
                code = accounts[current]?.parentCode
            }
            if !programs.isEmpty { programsByExpenseAccount[account.id] = programs }
        }
        self.programsByExpenseAccount = programsByExpenseAccount
        // The management heading and every account under it.
        var management: Set<String> = [settings.managementAccountCode]
        var grew = true
        while grew {
            grew = false
            for account in accounts.values where !management.contains(account.code) {
                if let parent = account.parentCode, management.contains(parent) {
                    management.insert(account.code)
                    grew = true
                }
            }
        }
        managementAccountIDs = Set(management.compactMap { accounts[$0]?.id })
    }

    func type(_ accountID: Int64) -> AccountType { types[accountID] ?? .asset }
}

extension Ledger {
    /// A grant's figures over its whole life (reports/grant-figures.sql).
    public func grantFigures(grantID: Int64, through date: LedgerDate = .latest) throws -> GrantFigures {
        try grantFiguresByID(from: grantID, to: grantID, through: date)[grantID] ?? GrantFigures()
    }

    /// Figures of the grants with ids in `from...to`, through `date`.
    func grantFiguresByID(from: Int64, to: Int64, through date: LedgerDate) throws -> [Int64: GrantFigures] {
        var result: [Int64: GrantFigures] = [:]
        let fxAccount = try settings().fxDifferenceAccountCode
        try withReportPeriod(PeriodSpans(through: date)) {
          try database.forEachRow(ReportQueries.grantFigures, named: [":grant_from": from, ":grant_to": to, ":fx_account": fxAccount]) { row in
            var figures = GrantFigures()
            figures.receivedDong = row.int64(at: 1)
            figures.receivedForeign = row.int64(at: 2)
            figures.spentDong = row.int64(at: 3)
            figures.spentForeign = row.int64(at: 4)
            figures.fxEffectDong = row.int64(at: 5)
            figures.children = row.int64(at: 6)
            result[row.int64(at: 0)] = figures
          }
        }
        return result
    }
}

extension Ledger {
    /// The lots of an item hold fewer units than its holding: both come from the same lines,
    /// so the books were changed outside cpf.
    static func lotsDisagree(_ itemCode: String) -> LedgerError {
        LedgerError(.damaged, LocalizedText("the goods lots of item \(itemCode) hold fewer units than the goods account: the lines were changed outside cpf",
                                            "các lô của mặt hàng \(itemCode) ít hơn số lượng trên tài khoản hàng hóa: các dòng đã bị sửa ngoài cpf"),
                    hint: LocalizedText("run \(action: .verify, quoted: true) and restore the ledger from a backup (\(action: .backup))", "hãy chạy \(action: .verify, quoted: true) và khôi phục sổ từ bản sao lưu (\(action: .backup))"))
    }
}
