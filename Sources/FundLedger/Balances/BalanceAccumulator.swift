/// Totals per account and day, gathered while entries are written and added to
/// `balance_day` and `balance_month` once, at the end of the transaction.
///
/// A batch of thousands of entries touches a few hundred (day, account) pairs, so the
/// maintained totals cost a few hundred upserts per batch instead of two per line.
struct BalanceAccumulator {
    struct Key: Hashable {
        let dayKey: Int32
        let accountID: Int64
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

    private(set) var byDay: [Key: Totals] = [:]

    var isEmpty: Bool { byDay.isEmpty }

    /// Adds a line. `foreignAccount` says whether the account is kept in a foreign currency,
    /// whose balance is then tracked in that currency too.
    mutating func add(_ line: PostedLine, date: LedgerDate, foreignAccount: Bool) throws {
        let key = Key(dayKey: Int32(date.dayKey), accountID: line.account.id)
        let foreign = foreignAccount ? line.foreign?.amount.minorUnits : nil
        guard byDay[key, default: Totals()].add(amountDong: line.amountDong, foreignMinorUnits: foreign) else {
            throw BalanceAccumulator.overflowError(account: line.account.code)
        }
    }

    /// The totals gathered so far for one account on or before `dayKey`, not yet in the file.
    func pendingTotals(accountID: Int64, throughDayKey dayKey: Int) -> Totals {
        var totals = Totals()
        for (key, value) in byDay where key.accountID == accountID && Int(key.dayKey) <= dayKey {
            _ = totals.add(value)
        }
        return totals
    }

    /// Adds everything gathered to the maintained totals and starts afresh.
    mutating func flush(into database: Database) throws {
        guard !byDay.isEmpty else { return }
        var byMonth: [Key: Totals] = [:]
        for (key, totals) in byDay {
            let monthKey = Key(dayKey: key.dayKey / 100, accountID: key.accountID)
            guard byMonth[monthKey, default: Totals()].add(totals) else { throw BalanceAccumulator.overflowError(account: "#\(key.accountID)") }
        }
        do {
            try upsert(byDay, table: "balance_day", keyColumn: "day_key", database: database)
            try upsert(byMonth, table: "balance_month", keyColumn: "month_key", database: database)
        } catch let error as SQLiteError where error.isConstraintViolation {
            // An integer sum past Int64 becomes REAL in SQLite, which a STRICT INTEGER column refuses.
            throw LedgerError(.overflow, "an account's running total would exceed what the ledger can hold (\(error.message))",
                              hint: "this many dong cannot be real; check the amounts")
        }
        byDay.removeAll(keepingCapacity: true)
    }

    private func upsert(_ totals: [Key: Totals], table: String, keyColumn: String, database: Database) throws {
        let statement = try database.cachedStatement("""
            INSERT INTO \(table) (\(keyColumn), account_id, debit_vnd, credit_vnd, foreign_net, line_count)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (\(keyColumn), account_id) DO UPDATE SET
                debit_vnd = debit_vnd + excluded.debit_vnd,
                credit_vnd = credit_vnd + excluded.credit_vnd,
                foreign_net = foreign_net + excluded.foreign_net,
                line_count = line_count + excluded.line_count
            """)
        for (key, value) in totals.sorted(by: { ($0.key.dayKey, $0.key.accountID) < ($1.key.dayKey, $1.key.accountID) }) {
            try statement.bind(Int64(key.dayKey), at: 1)
            try statement.bind(key.accountID, at: 2)
            try statement.bind(value.debitDong, at: 3)
            try statement.bind(value.creditDong, at: 4)
            try statement.bind(value.foreignNet, at: 5)
            try statement.bind(value.lineCount, at: 6)
            try statement.execute()
        }
    }

    private static func overflowError(account: String) -> LedgerError {
        LedgerError(.overflow, "the running total of account \(account) would exceed what the ledger can hold",
                    hint: "this many dong cannot be real; check the amounts")
    }
}
