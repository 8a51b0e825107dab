/// The rules that keep the books right on every date, not only in the order entries are typed
/// (docs/posting-rules.md, rules `valuation-order` and the limits):
///
/// - **Limits on every date.** Each money account in its own currency, each goods item on
///   hand and each grant's available money stays at or above zero at the end of the entry's
///   date and of every later date. A back-dated inflow is always fine; an outflow is refused
///   when it would break any day from its date on, and the refusal names the first such day
///   and the figures on it.
/// - **Valued holdings in date order.** Money leaving a foreign-currency account and goods
///   leaving stock are valued at the holding's average on their date. A movement dated before
///   such a valuation already posted would change a figure that is now immutable, so it is
///   refused. Movements on the same day are valued in posting order.
///
/// - **Allocations on every date.** Where a grant is allocated by program and place (`cpf
///   grant allocate`), spending charged to an allocation — its program in its place, or for
///   an allocation "anywhere", its program in every place without an allocation of its own —
///   never exceeds it at the end of any day from the entry's date on, and spending with no
///   allocation is refused. An allocation in a foreign currency is held in dong at the grant's
///   average received rate ((received + exchange effect) per unit received), as `cpf
///   reconcile grants` values it.
///
/// Both read the holding's total and its days from the entry's date on (`HoldingTimeline`),
/// never the journal.
struct HoldingRules {
    let ledger: Ledger
    let roles: AccountRoles
    /// Each allocated grant's allocations, by program and unit (0: anywhere), in the grant's
    /// currency; read once per transaction.
    let allocations: [Int64: [AllocationKey: Int64]]

    struct AllocationKey: Hashable {
        let program: Int64
        let unit: Int64
    }

    init(ledger: Ledger, roles: AccountRoles) throws {
        self.ledger = ledger
        self.roles = roles
        var allocations: [Int64: [AllocationKey: Int64]] = [:]
        try ledger.database.forEachRow("SELECT grant_id, program_id, unit_id, amount_minor FROM grant_allocation") { row in
            allocations[row.int64(at: 0), default: [:]][AllocationKey(program: row.int64(at: 1), unit: row.int64(at: 2))] = row.int64(at: 3)
        }
        self.allocations = allocations
    }

    /// Whether checking `lines` reads the file: spending of an allocated grant is held to what
    /// every place has spent, read from the tables when it is needed.
    func readsTheFile(_ lines: [PostedLine]) -> Bool {
        !allocations.isEmpty && lines.contains { line in line.grant.map { allocations[$0.id] != nil } ?? false }
    }

    /// - Parameter changes: a working list, empty, kept by the caller so that checking an entry
    ///   allocates nothing once it has grown.
    func check(_ lines: [PostedLine], date: LedgerDate, funding: inout FundingState, pending: BalanceAccumulator,
               changes: inout [(HoldingKey, HoldingChange)]) throws {
        defer { changes.removeAll(keepingCapacity: true) }
        for index in lines.indices {
            roles.forEachHolding(of: lines[index]) { holding, change in
                if let index = changes.firstIndex(where: { $0.0 == holding }) {
                    _ = changes[index].1.add(change)
                } else {
                    changes.append((holding, change))
                }
            }
        }
        let dayKey = Int32(date.dayKey)
        for (holding, change) in changes where holding.kind != .grantSpending {
            let timeline = try funding.timeline(holding, from: date, ledger: ledger, pending: pending)
            if roles.isValued(holding), let valued = timeline.firstValuation(after: dayKey) {
                throw try outOfOrder(holding, date: date, valuedOn: valued)
            }
            if change.net < 0, let shortfall = timeline.firstShortfall(adding: change.net, on: dayKey) {
                throw try shortOnDate(holding, change: change, date: date, shortfall: shortfall)
            }
        }
        try checkAllocations(changes, date: date, funding: &funding, pending: pending)
    }

    /// The allocations an entry's spending is charged to stay within their budgets on every
    /// date from the entry's on.
    private func checkAllocations(_ changes: [(HoldingKey, HoldingChange)], date: LedgerDate, funding: inout FundingState,
                                  pending: BalanceAccumulator) throws {
        guard !allocations.isEmpty else { return }
        var charged: [(grant: Int64, key: AllocationKey, net: Int64)] = []
        for (holding, change) in changes where holding.kind == .grantSpending {
            let (grant, program, unit) = holding.spendingParts
            guard let allocated = allocations[grant] else { continue }
            let own = AllocationKey(program: program, unit: unit), anywhere = AllocationKey(program: program, unit: 0)
            guard let key = allocated[own] != nil ? own : allocated[anywhere] != nil ? anywhere : nil else {
                if change.net < 0 { throw try unallocated(grant: grant, program: program, unit: unit) }
                continue
            }
            if let index = charged.firstIndex(where: { $0.grant == grant && $0.key == key }) {
                charged[index].net += change.net
            } else {
                charged.append((grant, key, change.net))
            }
        }
        let dayKey = Int32(date.dayKey)
        for (grantID, key, net) in charged where net < 0 {
            guard let grant = try ledger.grant(id: grantID), let amount = allocations[grantID]?[key] else { continue }
            let budget = try budgetDong(amount, of: grant, funding: &funding, pending: pending)
            var timelines: [HoldingTimeline] = []
            for holding in try spendingHoldings(grant: grantID, key: key, funding: funding, pending: pending) {
                timelines.append(try funding.timeline(holding, from: date, ledger: ledger, pending: pending))
            }
            let spending = HoldingTimeline.combined(timelines)
            guard let shortfall = spending.firstShortfall(adding: net, on: dayKey, floor: -budget) else { continue }
            throw try overAllocation(grant, key: key, amount: amount, budget: budget, net: net, date: date, shortfall: shortfall)
        }
    }

    /// An allocation in dong: as it is for a dong grant; for a foreign one, at the grant's
    /// average received rate, rounded half-even (nothing received: nothing to spend).
    private func budgetDong(_ amount: Int64, of grant: Grant, funding: inout FundingState, pending: BalanceAccumulator) throws -> Int64 {
        guard grant.currency != .vnd else { return amount }
        let figures = try funding.grantFigures(grant.id, currency: grant.currency, ledger: ledger, pending: pending)
        guard figures.receivedForeign > 0 else { return 0 }
        return Int64(clamping: Rate.divideRoundingHalfEven(Int128(amount) * Int128(figures.receivedDong + figures.fxEffectDong), Int128(figures.receivedForeign)))
    }

    /// The spending holdings an allocation covers: its own program and unit, or for one
    /// "anywhere", its program in every unit (and none) without an allocation of its own.
    private func spendingHoldings(grant: Int64, key: AllocationKey, funding: FundingState, pending: BalanceAccumulator) throws -> [HoldingKey] {
        guard key.unit == 0 else { return [HoldingKey.spending(grant: grant, program: key.program, unit: key.unit)] }
        let low = HoldingKey.spending(grant: grant, program: key.program, unit: 0)
        let high = HoldingKey.spending(grant: grant, program: key.program, unit: HoldingKey.spendingPartMax)
        var units: Set<Int64> = [0]
        try ledger.database.forEachRow("SELECT subject_id FROM holding_total WHERE kind = ?1 AND subject_id BETWEEN ?2 AND ?3",
                                       [HoldingKind.grantSpending.rawValue, low.subjectID, high.subjectID]) {
            units.insert(HoldingKey(kind: .grantSpending, subjectID: $0.int64(at: 0)).spendingParts.unit)
        }
        for key in pending.byHolding.keys where key.holding.kind == .grantSpending && (low.subjectID...high.subjectID).contains(key.holding.subjectID) {
            units.insert(key.holding.spendingParts.unit)
        }
        for holding in funding.holdings.keys where holding.kind == .grantSpending && (low.subjectID...high.subjectID).contains(holding.subjectID) {
            units.insert(holding.spendingParts.unit)
        }
        let allocated = allocations[grant] ?? [:]
        return units.sorted().filter { $0 == 0 || allocated[AllocationKey(program: key.program, unit: $0)] == nil }
            .map { HoldingKey.spending(grant: grant, program: key.program, unit: $0) }
    }

    private func place(_ unit: Int64) throws -> LocalizedText {
        guard unit != 0 else { return LocalizedText("any place", "mọi địa bàn") }
        let code = try ledger.codes(of: .unit).byID[unit] ?? "#\(unit)"
        return LocalizedText("unit \(code)", "đơn vị \(code)")
    }

    private func unallocated(grant: Int64, program: Int64, unit: Int64) throws -> LedgerError {
        let code = try ledger.codes(of: .grant).byID[grant] ?? "#\(grant)"
        let programCode = try ledger.codes(of: .program).byID[program] ?? "#\(program)"
        let programText = program == 0 ? LocalizedText("no program", "không có chương trình") : LocalizedText("program \(programCode)", "chương trình \(programCode)")
        let placeText = unit == 0 ? LocalizedText("no unit", "không có đơn vị") : try place(unit)
        return LedgerError(.restriction, LocalizedText("grant \(code) is allocated by program and place, and this spending (\(programText) in \(placeText)) has no allocation",
                                                       "khoản tài trợ \(code) được phân bổ theo chương trình và địa bàn, nhưng khoản chi này (\(programText) tại \(placeText)) chưa được phân bổ"),
                           hint: LocalizedText("allocate it first (\(action: .grantAllocate, "\(code) \(parameter: .program, "…") \(parameter: .unit, "…") \(parameter: .amount, "…")")), or charge the spending to an allocated program and place",
                                               "hãy phân bổ trước (\(action: .grantAllocate, "\(code) \(parameter: .program, "…") \(parameter: .unit, "…") \(parameter: .amount, "…")")), hoặc ghi khoản chi vào chương trình và địa bàn đã được phân bổ"))
    }

    private func overAllocation(_ grant: Grant, key: AllocationKey, amount: Int64, budget: Int64, net: Int64, date: LedgerDate,
                                shortfall: (dayKey: Int32, balance: Int64)) throws -> LedgerError {
        let day = LedgerDate(dayKey: Int(shortfall.dayKey)) ?? date
        let program = try ledger.codes(of: .program).byID[key.program] ?? "#\(key.program)"
        let allocated = Amount(minorUnits: amount, currency: grant.currency)
        let inDong = grant.currency == .vnd ? LocalizedText.empty
            : LocalizedText(" (\(groupedDong: budget) at the grant's average received rate)", " (\(dong: budget) theo tỷ giá nhận bình quân của khoản tài trợ)")
        let later = day == date ? LocalizedText("on \(day)", "vào ngày \(day)")
            : LocalizedText("on \(day) (a later date already posted)", "vào ngày \(day) (một ngày sau đã ghi sổ)")
        let place = try place(key.unit)
        return LedgerError(.overspent, LocalizedText("grant \(grant.code) allocates \(grouped: allocated)\(inDong) to program \(program) in \(place); with this entry, dated \(date), the spending charged to it would be \(groupedDong: -shortfall.balance) \(later), \(groupedDong: -shortfall.balance - budget) over",
                                                     "khoản tài trợ \(grant.code) phân bổ \(allocated)\(inDong) cho chương trình \(program) tại \(place); với bút toán ngày \(date) này, số chi tính vào đó sẽ là \(dong: -shortfall.balance) \(later), vượt \(dong: -shortfall.balance - budget)"),
                           hint: LocalizedText("raise the allocation with the funder's agreement (\(action: .grantAllocate, "\(grant.code) \(parameter: .program, "\(program)") …")), or charge the spending elsewhere",
                                               "tăng mức phân bổ khi nhà tài trợ đồng ý (\(action: .grantAllocate, "\(grant.code) \(parameter: .program, "\(program)") …")), hoặc ghi khoản chi vào nguồn khác"))
    }

    private func name(of holding: HoldingKey) throws -> LocalizedText {
        switch holding.kind {
        case .money:
            let code = try ledger.accountCodesByID()[holding.subjectID] ?? "#\(holding.subjectID)"
            return LocalizedText("account \(code)", "tài khoản \(code)")
        case .goods:
            let code = try ledger.codes(of: .goodsItem).byID[holding.subjectID] ?? "#\(holding.subjectID)"
            return LocalizedText("goods item \(code)", "mặt hàng \(code)")
        case .grant:
            let code = try ledger.codes(of: .grant).byID[holding.subjectID] ?? "#\(holding.subjectID)"
            return LocalizedText("grant \(code)", "khoản tài trợ \(code)")
        case .grantSpending:
            let id = holding.spendingParts.grant
            return LocalizedText("grant #\(id)'s spending", "số chi của khoản tài trợ #\(id)")
        }
    }

    /// The holding's measure, for messages.
    private func describe(_ net: Int64, of holding: HoldingKey) throws -> LocalizedText {
        switch holding.kind {
        case .money:
            let amount = Amount(minorUnits: net, currency: roles.moneyAccounts[holding.subjectID] ?? .vnd)
            return LocalizedText("\(grouped: amount)", "\(amount)")
        case .goods: return LocalizedText("\(MoneyFormat.english.number(net)) units", "\(count: net) đơn vị")
        case .grant, .grantSpending: return LocalizedText("\(groupedDong: net)", "\(dong: net)")
        }
    }

    private func outOfOrder(_ holding: HoldingKey, date: LedgerDate, valuedOn dayKey: Int32) throws -> LedgerError {
        let day = LedgerDate(dayKey: Int(dayKey)) ?? date
        let what = holding.kind == .goods ? LocalizedText("goods handed out", "hàng đã xuất cấp phát")
            : LocalizedText("money left it or it was revalued", "tiền đã chi ra hoặc đã đánh giá lại")
        let subject = try name(of: holding)
        return LedgerError(.valuationOrder, LocalizedText("\(subject) already has a movement valued at its average on \(day) (\(what)); an entry dated \(date) would change that valuation, which is posted and immutable",
                                                         "\(subject) đã có nghiệp vụ được tính theo giá bình quân vào ngày \(day) (\(what)); bút toán ngày \(date) sẽ làm thay đổi giá trị đó, vốn đã ghi sổ và không sửa được"),
                           hint: LocalizedText("date this entry on or after \(day): the value at which it left is posted and stays, even if that entry is reversed later",
                                               "hãy ghi bút toán này từ ngày \(day) trở đi: giá trị đã xuất đã ghi sổ và giữ nguyên, kể cả khi bút toán đó bị đảo sau này"))
    }

    private func shortOnDate(_ holding: HoldingKey, change: HoldingChange, date: LedgerDate,
                             shortfall: (dayKey: Int32, balance: Int64)) throws -> LedgerError {
        let day = LedgerDate(dayKey: Int(shortfall.dayKey)) ?? date
        let before = shortfall.balance - change.net
        let subject = try name(of: holding)
        let rule: LedgerError.Rule = switch holding.kind {
        case .money: .insufficientFunds
        case .goods: .insufficientGoods
        case .grant, .grantSpending: .overspent
        }
        let amount = try describe(before, of: holding)
        let held = holding.kind == .grant ? LocalizedText("has \(amount) available", "còn \(amount) có thể sử dụng")
            : LocalizedText("holds \(amount)", "còn \(amount)")
        let later = shortfall.dayKey == Int32(date.dayKey) ? LocalizedText("on \(day)", "vào ngày \(day)")
            : LocalizedText("on \(day), a later date already posted,", "vào ngày \(day), một ngày sau đã ghi sổ,")
        let hint = switch holding.kind {
        case .money: LocalizedText("a fund has no overdraft: receive the money first, date the payment after it arrives, or pay at most what the account holds on every date",
                                   "quỹ không được chi vượt số dư: hãy ghi thu trước, ghi ngày chi sau khi tiền về, hoặc chi không quá số dư của tài khoản ở mọi ngày")
        case .goods: LocalizedText("receive the goods first, or date the hand-out after they arrive", "hãy nhập hàng trước, hoặc ghi ngày cấp phát sau khi hàng về")
        case .grant, .grantSpending: LocalizedText("spend at most what the grant has on every date: receive the tranche first, date the spending after it, or charge the rest elsewhere",
                                                   "chỉ chi trong phạm vi khoản tài trợ còn ở mọi ngày: hãy nhận đợt tiền trước, ghi ngày chi sau đó, hoặc ghi phần còn lại vào nguồn khác")
        }
        let takes = try describe(-change.net, of: holding), leaves = try describe(shortfall.balance, of: holding)
        return LedgerError(rule, LocalizedText("\(subject) \(held) \(later); this entry, dated \(date), takes \(takes) and would leave \(leaves)",
                                               "\(subject) \(held) \(later); bút toán ngày \(date) này lấy \(takes) và sẽ để lại \(leaves)"),
                           hint: hint)
    }
}
