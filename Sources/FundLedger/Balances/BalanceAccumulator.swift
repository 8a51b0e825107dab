/// Totals of the lines written in a transaction, gathered in memory and added to the
/// maintained totals once, at the end (`flush`): per account and day (`balance_day`,
/// `balance_month`) and per month and every dimension (`dimension_month`).
///
/// A batch of thousands of entries touches a few hundred (day, account) pairs, so the
/// maintained totals cost a few hundred upserts per batch instead of four per line.
struct BalanceAccumulator {
    /// A day (or, after `monthly`, a month) and an account.
    struct Key: TableKey {
        let dayKey: Int32
        let accountID: Int64

        func tableHash(_ hashing: TableHashing) -> UInt64 {
            hashing.mix(UInt64(UInt32(bitPattern: dayKey)), UInt64(bitPattern: accountID))
        }
    }

    /// A month, an account and every dimension of a line. 0 (or "") means none.
    struct DimensionKey: TableKey {
        let monthKey: Int32
        let accountID: Int64
        let funderID: Int64
        let grantID: Int64
        let programID: Int64
        let unitID: Int64
        let itemID: Int64
        let restriction: Restriction
        let currency: String

        init(monthKey: Int32, accountID: Int64, funderID: Int64, grantID: Int64, programID: Int64, unitID: Int64,
             itemID: Int64, restriction: Restriction, currency: String) {
            self.monthKey = monthKey
            self.accountID = accountID
            self.funderID = funderID
            self.grantID = grantID
            self.programID = programID
            self.unitID = unitID
            self.itemID = itemID
            self.restriction = restriction
            self.currency = currency
        }

        /// The ids only, folded into two words: hashing the currency's text cost more than all
        /// the rest, and keys that differ only in currency or restriction are rare (equality
        /// still compares every field). The odd multipliers spread the ids over the word.
        func hash(into hasher: inout Hasher) {
            hasher.combine(Int64(monthKey) << 40 ^ accountID)
            hasher.combine(funderID &* 0x9E37_79B9 ^ grantID &* 0x85EB_CA6B ^ programID &* 0xC2B2_AE35
                           ^ unitID &* 0x27D4_EB2F ^ itemID &* 0x1656_67B1)
        }

        /// Every field, the currency's bytes included (none for dong).
        func tableHash(_ hashing: TableHashing) -> UInt64 {
            let place = UInt64(UInt32(bitPattern: monthKey)) << 32 ^ UInt64(bitPattern: accountID)
            let who = UInt64(bitPattern: funderID) << 32 ^ UInt64(bitPattern: grantID)
            let what = UInt64(bitPattern: programID) << 32 ^ UInt64(bitPattern: unitID)
            let restrictionWord: UInt64 = switch restriction { case .unrestricted: 0; case .restricted: 1; case .designated: 2 }
            let goods = UInt64(bitPattern: itemID) << 2 ^ restrictionWord
            let word = hashing.mix(place, who, what, goods)
            return currency.isEmpty ? word : hashing.mix(word, hashing.word(currency))
        }

        init(_ line: some LineFigures, monthKey: Int32) {
            self.init(monthKey: monthKey, accountID: line.accountID, funderID: line.funderID ?? 0, grantID: line.grantID ?? 0,
                      programID: line.programID ?? 0, unitID: line.unitID ?? 0, itemID: line.itemID ?? 0,
                      restriction: line.restriction, currency: line.currencyCode)
        }
    }

    /// A month, an account, a funder and a program (0: none): the other lines of entries that
    /// move cash (`cash_flow_month`).
    struct CashFlowKey: TableKey {
        let monthKey: Int32
        let accountID: Int64
        let funderID: Int64
        let programID: Int64

        func tableHash(_ hashing: TableHashing) -> UInt64 {
            hashing.mix(UInt64(UInt32(bitPattern: monthKey)) << 32 ^ UInt64(bitPattern: accountID), UInt64(bitPattern: funderID) << 32 ^ UInt64(bitPattern: programID))
        }
    }

    /// What those lines add up to: the cash they explain is minus the amount.
    struct CashFlowTotals: Equatable {
        var amountDong: Int64 = 0
        var lineCount: Int64 = 0

        /// Adds one line; `false` when the sum would overflow (nothing is changed then).
        mutating func add(_ amount: Int64) -> Bool {
            let sum = amountDong.addingReportingOverflow(amount)
            guard !sum.overflow else { return false }
            amountDong = sum.partialValue
            lineCount += 1
            return true
        }
    }

    struct Totals: Equatable {
        var debitDong: Int64 = 0
        var creditDong: Int64 = 0
        var foreignNet: Int64 = 0
        var lineCount: Int64 = 0

        /// Adds one line; `false` when a total would overflow.
        mutating func add(amountDong: Int64, foreignMinorUnits: Int64?) -> Bool {
            var overflow = false
            if amountDong > 0 {
                (debitDong, overflow) = debitDong.addingReportingOverflow(amountDong)
            } else {
                (creditDong, overflow) = creditDong.addingReportingOverflow(-amountDong)
            }
            guard !overflow else { return false }
            if let foreign = foreignMinorUnits {
                (foreignNet, overflow) = foreignNet.addingReportingOverflow(foreign)
                guard !overflow else { return false }
            }
            lineCount += 1
            return true
        }

        mutating func add(_ other: Totals) -> Bool {
            let debit = debitDong.addingReportingOverflow(other.debitDong)
            let credit = creditDong.addingReportingOverflow(other.creditDong)
            let foreign = foreignNet.addingReportingOverflow(other.foreignNet)
            guard !debit.overflow, !credit.overflow, !foreign.overflow else { return false }
            (debitDong, creditDong, foreignNet) = (debit.partialValue, credit.partialValue, foreign.partialValue)
            lineCount += other.lineCount
            return true
        }
    }

    struct DimensionTotals: Equatable {
        var amounts = Totals()
        var quantityNet: Int64 = 0
        var childrenNet: Int64 = 0

        mutating func add(_ line: some LineFigures) -> Bool {
            guard amounts.add(amountDong: line.amountDong, foreignMinorUnits: line.foreignMinorUnits) else { return false }
            let quantity = quantityNet.addingReportingOverflow(line.quantity ?? 0)
            let children = childrenNet.addingReportingOverflow(line.children ?? 0)
            guard !quantity.overflow, !children.overflow else { return false }
            (quantityNet, childrenNet) = (quantity.partialValue, children.partialValue)
            return true
        }

        mutating func add(_ other: DimensionTotals) -> Bool {
            guard amounts.add(other.amounts) else { return false }
            let quantity = quantityNet.addingReportingOverflow(other.quantityNet)
            let children = childrenNet.addingReportingOverflow(other.childrenNet)
            guard !quantity.overflow, !children.overflow else { return false }
            (quantityNet, childrenNet) = (quantity.partialValue, children.partialValue)
            return true
        }
    }

    private(set) var byDay = TotalsTable<Key, Totals>()
    private(set) var byDimension = TotalsTable<DimensionKey, DimensionTotals>()
    /// The daily change of every limited quantity (`holding_day`).
    private(set) var byHolding = TotalsTable<HoldingDayKey, HoldingChange>()
    /// The other lines of entries that move cash, by month (`cash_flow_month`).
    private(set) var byCashFlow = TotalsTable<CashFlowKey, CashFlowTotals>()
    /// What the lines add to the journal's extent (`journal_extent`).
    private(set) var extent = JournalExtent()
    /// The uses of the goods handed out, and their cancellations (`goods_use`): rows of their
    /// own, not totals, given by the posting pipeline (`JournalWriter`), which knows the lots.
    private(set) var goodsUses: [GoodsUse] = []
    /// `add`'s working lists, kept so that adding an entry allocates nothing once they have
    /// grown; empty between calls. Each key the entry touches, where its totals are stored
    /// (`nil` when they are new) and its new totals.
    private var scratchDays: [(Key, Int?, Totals)] = []
    private var scratchDimensions: [(DimensionKey, Int?, DimensionTotals)] = []

    var isEmpty: Bool { byDay.isEmpty }

    init() {}

    /// Empty, with room for as many totals of each kind as `counts` says (an earlier one's).
    init(reservingCapacity counts: (days: Int, dimensions: Int, holdings: Int)) {
        byDay.reserveCapacity(counts.days)
        byDimension.reserveCapacity(counts.dimensions)
        byHolding.reserveCapacity(counts.holdings)
    }

    /// How many totals of each kind are held.
    var counts: (days: Int, dimensions: Int, holdings: Int) { (byDay.count, byDimension.count, byHolding.count) }

    /// Adds the lines of one entry dated `date`, all of them or none: when a total would
    /// overflow, nothing is added and the refusal is thrown, so a batch that goes on past a
    /// refused entry keeps exact totals. `roles` says which accounts are kept in a
    /// foreign currency, whose balance is then tracked in that currency too.
    ///
    /// Each key is hashed once: totals already held are found by their index and replaced
    /// in place, and only new keys are inserted.
    mutating func add(_ lines: [PostedLine], date: LedgerDate, roles: AccountRoles, isReversal: Bool = false) throws {
        try add(lines, dayKey: Int32(date.dayKey), roles: roles, isReversal: isReversal)
    }

    /// The same, for lines of any kind on the day `dayKey` (`yyyymmdd`).
    mutating func add<Line: LineFigures>(_ lines: [Line], dayKey: Int32, roles: AccountRoles, isReversal: Bool) throws {
        // The new totals of every key the entry touches, checked before any is stored.
        var days = scratchDays, dimensions = scratchDimensions
        (scratchDays, scratchDimensions) = ([], [])
        defer {
            days.removeAll(keepingCapacity: true)
            dimensions.removeAll(keepingCapacity: true)
            (scratchDays, scratchDimensions) = (days, dimensions)
        }
        // By index: iterating the lines would copy each one (and retain its texts).
        for index in lines.indices {
            let line = lines[index]
            let key = Key(dayKey: dayKey, accountID: line.accountID)
            let dimensionKey = DimensionKey(line, monthKey: dayKey / 100)
            let foreign = roles.flags(line.accountID) & AccountRoles.foreignFlag != 0 ? line.foreignMinorUnits : nil
            let dayIndex = days.firstIndex { $0.0 == key } ?? {
                let stored = byDay.index(of: key)
                days.append((key, stored, stored.map { byDay[entry: $0] } ?? Totals()))
                return days.count - 1
            }()
            let dimensionIndex = dimensions.firstIndex { $0.0 == dimensionKey } ?? {
                let stored = byDimension.index(of: dimensionKey)
                dimensions.append((dimensionKey, stored, stored.map { byDimension[entry: $0] } ?? DimensionTotals()))
                return dimensions.count - 1
            }()
            guard days[dayIndex].2.add(amountDong: line.amountDong, foreignMinorUnits: foreign),
                  dimensions[dimensionIndex].2.add(line) else {
                throw BalanceAccumulator.overflowError(account: line.accountCode)
            }
        }
        for (key, stored, totals) in days {
            if let stored { byDay[entry: stored] = totals } else { byDay.insert(key, totals) }
        }
        for (key, stored, totals) in dimensions {
            if let stored { byDimension[entry: stored] = totals } else { byDimension.insert(key, totals) }
        }
        var movesCash = false
        for index in lines.indices {
            extent.add(lines[index])
            movesCash = movesCash || roles.flags(lines[index].accountID) & AccountRoles.moneyFlag != 0
            roles.forEachHolding(of: lines[index], isReversal: isReversal) { holding, change in
                // Within a day's lines of at most 10^15 each, and totals bounded by the extent.
                byHolding.update(HoldingDayKey(holding: holding, dayKey: dayKey), default: HoldingChange()) { _ = $0.add(change) }
            }
        }
        guard movesCash else { return }
        for index in lines.indices where roles.flags(lines[index].accountID) & AccountRoles.moneyFlag == 0 {
            let line = lines[index]
            let key = CashFlowKey(monthKey: dayKey / 100, accountID: line.accountID, funderID: line.funderID ?? 0, programID: line.programID ?? 0)
            // Bounded by the extent, as the holdings are.
            byCashFlow.update(key, default: CashFlowTotals()) { _ = $0.add(line.amountDong) }
        }
    }

    /// Adds the uses of an entry's goods, after its lines (`add`).
    mutating func add(goodsUses uses: [GoodsUse]) {
        goodsUses += uses
    }

    /// How many totals are held in memory; `flush` empties them.
    var count: Int { byDay.count + byDimension.count + byHolding.count + byCashFlow.count + goodsUses.count }

    /// The same totals by month instead of by day.
    static func monthly(_ byDay: TotalsTable<Key, Totals>) -> TotalsTable<Key, Totals>? {
        var byMonth = TotalsTable<Key, Totals>()
        for (key, totals) in byDay {
            guard byMonth.update(Key(dayKey: key.dayKey / 100, accountID: key.accountID), default: Totals(), { $0.add(totals) }) else { return nil }
        }
        return byMonth
    }

    /// The three upserts of `flush`, prepared once: a writer that flushes on a second thread
    /// holds them, since the connection's statement cache belongs to the posting thread.
    struct Statements {
        let day: Statement
        let month: Statement
        let dimension: Statement
        let holding: Statement
        let holdingTotal: Statement
        let extent: Statement
        let cashFlow: Statement
        let goodsUse: Statement

        init(database: Database) throws {
            day = try database.cachedStatement(BalanceAccumulator.upsertSQL(table: "balance_day", keyColumn: "day_key"))
            month = try database.cachedStatement(BalanceAccumulator.upsertSQL(table: "balance_month", keyColumn: "month_key"))
            dimension = try database.cachedStatement(BalanceAccumulator.dimensionUpsertSQL)
            holding = try database.cachedStatement(BalanceAccumulator.holdingUpsertSQL)
            holdingTotal = try database.cachedStatement(BalanceAccumulator.holdingTotalUpsertSQL)
            extent = try database.cachedStatement(BalanceAccumulator.extentUpsertSQL)
            cashFlow = try database.cachedStatement(BalanceAccumulator.cashFlowUpsertSQL)
            goodsUse = try database.cachedStatement(GoodsUses.insertSQL)
        }
    }

    /// Adds everything gathered to the maintained totals and starts afresh.
    mutating func flush(into database: Database) throws {
        guard !byDay.isEmpty else { return }
        try flush(using: Statements(database: database))
    }

    /// The same with statements prepared beforehand.
    mutating func flush(using statements: Statements) throws {
        try write(using: statements)
        byDay.removeAll(keepingCapacity: true)
        byDimension.removeAll(keepingCapacity: true)
        byHolding.removeAll(keepingCapacity: true)
        byCashFlow.removeAll(keepingCapacity: true)
        goodsUses.removeAll(keepingCapacity: true)
        extent = JournalExtent()
    }

    /// Adds everything gathered to the maintained totals, keeping it: for totals handed to
    /// another thread to write and then drop, which emptying in place would only copy.
    func write(using statements: Statements) throws {
        guard !byDay.isEmpty else { return }
        guard let byMonth = BalanceAccumulator.monthly(byDay) else {
            throw BalanceAccumulator.overflowError(account: "(a month's total)")
        }
        do {
            try upsert(byDay, statement: statements.day)
            try upsert(byMonth, statement: statements.month)
            try upsert(byDimension, statement: statements.dimension)
            try upsert(byHolding, statement: statements.holding, totals: statements.holdingTotal)
            try upsert(byCashFlow, statement: statements.cashFlow)
            try GoodsUses.insert(goodsUses, using: statements.goodsUse)
            try statements.extent.bind(extent.dong, at: 1)
            try statements.extent.bind(extent.foreignMinor, at: 2)
            try statements.extent.bind(extent.quantity, at: 3)
            try statements.extent.bind(extent.children, at: 4)
            try statements.extent.execute()
        } catch let error as SQLiteError where error.isConstraintViolation {
            // An integer sum past Int64 becomes REAL in SQLite, which a STRICT INTEGER column refuses.
            throw LedgerError(.overflow, LocalizedText("an account's running total would exceed what the ledger can hold (\(error.message))", "số lũy kế của một tài khoản sẽ vượt quá mức sổ có thể ghi (\(error.message))"),
                              hint: LocalizedText("this many dong cannot be real; check the amounts", "không thể có số tiền lớn như vậy; hãy kiểm tra số tiền"))
        }
    }

    private static func upsertSQL(table: String, keyColumn: String) -> String {
        """
            INSERT INTO \(table) (\(keyColumn), account_id, debit_vnd, credit_vnd, foreign_net, line_count)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (\(keyColumn), account_id) DO UPDATE SET
                debit_vnd = debit_vnd + excluded.debit_vnd,
                credit_vnd = credit_vnd + excluded.credit_vnd,
                foreign_net = foreign_net + excluded.foreign_net,
                line_count = line_count + excluded.line_count
            """
    }

    /// Writes each of `totals` with its table's upsert `statement`, in the order of their keys.
    private func upsert<RowKey: TotalsRowKey>(_ totals: TotalsTable<RowKey, RowKey.Figures>, statement: Statement) throws {
        for (key, figures) in totals.sorted(by: { $0.key.precedes($1.key) }) {
            try key.bind(figures, to: statement)
            try statement.execute()
        }
    }

    /// The figures follow the key in the order `Totals` binds them (debit, credit, foreign
    /// net, line count), then the quantity and the children.
    private static let dimensionUpsertSQL = """
            INSERT INTO dimension_month (month_key, account_id, funder_id, grant_id, program_id, unit_id, item_id, restriction, currency,
                                  debit_vnd, credit_vnd, foreign_net, line_count, quantity_net, children_net)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
            ON CONFLICT (month_key, account_id, funder_id, grant_id, program_id, unit_id, item_id, restriction, currency) DO UPDATE SET
                debit_vnd = debit_vnd + excluded.debit_vnd,
                credit_vnd = credit_vnd + excluded.credit_vnd,
                foreign_net = foreign_net + excluded.foreign_net,
                quantity_net = quantity_net + excluded.quantity_net,
                children_net = children_net + excluded.children_net,
                line_count = line_count + excluded.line_count
            """

    private static let holdingUpsertSQL = """
            INSERT INTO holding_day (kind, subject_id, day_key, net, value_vnd, valuations, line_count)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT (kind, subject_id, day_key) DO UPDATE SET
                net = net + excluded.net,
                value_vnd = value_vnd + excluded.value_vnd,
                valuations = valuations + excluded.valuations,
                line_count = line_count + excluded.line_count
            """

    private static let holdingTotalUpsertSQL = """
            INSERT INTO holding_total (kind, subject_id, net, value_vnd, valuations, line_count, last_day)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT (kind, subject_id) DO UPDATE SET
                net = net + excluded.net,
                value_vnd = value_vnd + excluded.value_vnd,
                valuations = valuations + excluded.valuations,
                line_count = line_count + excluded.line_count,
                last_day = max(last_day, excluded.last_day)
            """

    private static let cashFlowUpsertSQL = """
            INSERT INTO cash_flow_month (month_key, account_id, funder_id, program_id, amount_vnd, line_count)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (month_key, account_id, funder_id, program_id) DO UPDATE SET
                amount_vnd = amount_vnd + excluded.amount_vnd,
                line_count = line_count + excluded.line_count
            """

    private static let extentUpsertSQL = """
            INSERT INTO journal_extent (id, dong, foreign_minor, quantity, children) VALUES (1, ?1, ?2, ?3, ?4)
            ON CONFLICT (id) DO UPDATE SET
                dong = dong + excluded.dong,
                foreign_minor = foreign_minor + excluded.foreign_minor,
                quantity = quantity + excluded.quantity,
                children = children + excluded.children
            """

    /// Adds the daily changes to `holding_day` and their sums to `holding_total`.
    private func upsert(_ changes: TotalsTable<HoldingDayKey, HoldingChange>, statement: Statement, totals: Statement) throws {
        var byHolding: [HoldingKey: (change: HoldingChange, lastDay: Int32)] = [:]
        for (key, value) in changes.sorted(by: { ($0.key.holding.kind.rawValue, $0.key.holding.subjectID, $0.key.dayKey) < ($1.key.holding.kind.rawValue, $1.key.holding.subjectID, $1.key.dayKey) }) {
            try statement.bind(key.holding.kind.rawValue, at: 1)
            try statement.bind(key.holding.subjectID, at: 2)
            try statement.bind(Int64(key.dayKey), at: 3)
            try statement.bind(value.net, at: 4)
            try statement.bind(value.valueDong, at: 5)
            try statement.bind(value.valuations, at: 6)
            try statement.bind(value.lineCount, at: 7)
            try statement.execute()
            var sum = byHolding[key.holding] ?? (HoldingChange(), key.dayKey)
            guard sum.change.add(value) else { throw BalanceAccumulator.overflowError(account: "(a holding's total)") }
            sum.lastDay = max(sum.lastDay, key.dayKey)
            byHolding[key.holding] = sum
        }
        for (holding, sum) in byHolding {
            try totals.bind(holding.kind.rawValue, at: 1)
            try totals.bind(holding.subjectID, at: 2)
            try totals.bind(sum.change.net, at: 3)
            try totals.bind(sum.change.valueDong, at: 4)
            try totals.bind(sum.change.valuations, at: 5)
            try totals.bind(sum.change.lineCount, at: 6)
            try totals.bind(Int64(sum.lastDay), at: 7)
            try totals.execute()
        }
    }

    private static func overflowError(account: String) -> LedgerError {
        LedgerError(.overflow, LocalizedText("the running total of account \(account) would exceed what the ledger can hold", "số lũy kế của tài khoản \(account) sẽ vượt quá mức sổ có thể ghi"),
                    hint: LocalizedText("this many dong cannot be real; check the amounts", "không thể có số tiền lớn như vậy; hãy kiểm tra số tiền"))
    }
}

/// The key of a maintained total: it orders the rows of its table's upsert and binds itself
/// and its figures as one row's parameters.
protocol TotalsRowKey: Hashable {
    associatedtype Figures
    /// Whether this key's row is written before `other`'s.
    func precedes(_ other: Self) -> Bool
    /// Binds the key and `figures` to every parameter of the upsert `statement`.
    func bind(_ figures: Figures, to statement: Statement) throws
}

extension BalanceAccumulator.Totals {
    /// Binds the debits, credits, foreign net and line count to the parameters `first` to
    /// `first + 3`.
    func bind(to statement: Statement, from first: Int32) throws {
        try statement.bind(debitDong, at: first)
        try statement.bind(creditDong, at: first + 1)
        try statement.bind(foreignNet, at: first + 2)
        try statement.bind(lineCount, at: first + 3)
    }
}

/// A row of `balance_day` or `balance_month` (`BalanceAccumulator.upsertSQL`).
extension BalanceAccumulator.Key: TotalsRowKey {
    func precedes(_ other: Self) -> Bool { (dayKey, accountID) < (other.dayKey, other.accountID) }

    func bind(_ totals: BalanceAccumulator.Totals, to statement: Statement) throws {
        try statement.bind(Int64(dayKey), at: 1)
        try statement.bind(accountID, at: 2)
        try totals.bind(to: statement, from: 3)
    }
}

/// A row of `dimension_month` (`BalanceAccumulator.dimensionUpsertSQL`).
extension BalanceAccumulator.DimensionKey: TotalsRowKey {
    func precedes(_ other: Self) -> Bool { (monthKey, accountID) < (other.monthKey, other.accountID) }

    func bind(_ totals: BalanceAccumulator.DimensionTotals, to statement: Statement) throws {
        try statement.bind(Int64(monthKey), at: 1)
        try statement.bind(accountID, at: 2)
        try statement.bind(funderID, at: 3)
        try statement.bind(grantID, at: 4)
        try statement.bind(programID, at: 5)
        try statement.bind(unitID, at: 6)
        try statement.bind(itemID, at: 7)
        try statement.bind(restriction.rawValue, at: 8)
        try statement.bind(currency, at: 9)
        try totals.amounts.bind(to: statement, from: 10)
        try statement.bind(totals.quantityNet, at: 14)
        try statement.bind(totals.childrenNet, at: 15)
    }
}

/// A row of `cash_flow_month` (`BalanceAccumulator.cashFlowUpsertSQL`).
extension BalanceAccumulator.CashFlowKey: TotalsRowKey {
    func precedes(_ other: Self) -> Bool { (monthKey, accountID, funderID, programID) < (other.monthKey, other.accountID, other.funderID, other.programID) }

    func bind(_ totals: BalanceAccumulator.CashFlowTotals, to statement: Statement) throws {
        try statement.bind(Int64(monthKey), at: 1)
        try statement.bind(accountID, at: 2)
        try statement.bind(funderID, at: 3)
        try statement.bind(programID, at: 4)
        try statement.bind(totals.amountDong, at: 5)
        try statement.bind(totals.lineCount, at: 6)
    }
}
