extension Ledger {
    /// Revalues a foreign-currency account at the rate of `date` (year-end revaluation): its
    /// dong balance is brought to its foreign balance times that rate, and the difference is
    /// booked to the exchange-difference account as unrealized.
    ///
    /// Refused unless the fund's setting `fx-revaluation` is `allowed`: public-sector
    /// accounting (Circular 107/2017/TT-BTC) does not revalue foreign-currency balances of
    /// non-business activity, so a new ledger forbids it.
    ///
    /// - Returns: the entry, or `nil` when the balance is already at that rate.
    @discardableResult
    public func revalue(accountCode: String, on date: LedgerDate, user: String) throws -> JournalEntry? {
        let user = try TextRules.checkedUser(user)
        let postedAt = Timestamp.now()
        return try write {
            try checkPeriodOpen(date, lock: try periodLock(), doing: "revalue an account")
            let settings = try self.settings()
            guard settings.fxRevaluationAllowed else {
                throw LedgerError(.settings, "year-end revaluation is forbidden for this fund (setting fx-revaluation is 'forbidden')",
                                  hint: "public-sector rules forbid revaluing non-business balances; if the fund's rules allow it: cpf settings set fx-revaluation allowed")
            }
            let accounts = try accountsByCode()
            guard let account = accounts[accountCode] else { throw Ledger.unknownAccount(accountCode) }
            guard account.isForeignCurrency, !account.isHeading, account.closedOn == nil else {
                throw LedgerError(.invalidAccount, "account \(accountCode) is not an open foreign-currency posting account", hint: "revalue an account such as 1122")
            }
            guard let fxAccount = accounts[settings.fxDifferenceAccountCode] else { throw Ledger.unknownAccount(settings.fxDifferenceAccountCode) }
            guard let rate = try exchangeRate(account.currency, onOrBefore: date) else {
                throw LedgerError(.missingRate, "there is no \(account.currency.code) rate on or before \(date)",
                                  hint: "record the year-end rate first: cpf rate set \(account.currency.code) \(date) RATE --source SBV")
            }
            // Whole months before the date's month, then its days through the date (as
            // reports/trial-balance.sql reads the totals): nothing dated after it counts.
            let balance = try database.firstRow("""
                SELECT coalesce(sum(debit_vnd) - sum(credit_vnd), 0), coalesce(sum(foreign_net), 0) FROM (
                    SELECT debit_vnd, credit_vnd, foreign_net FROM balance_month WHERE account_id = ?1 AND month_key < ?2 / 100
                    UNION ALL
                    SELECT debit_vnd, credit_vnd, foreign_net FROM balance_day WHERE account_id = ?1 AND day_key > (?2 / 100) * 100 AND day_key <= ?2)
                """, [account.id, date.dayKey]) { ($0.int64(at: 0), $0.int64(at: 1)) } ?? (0, 0)
            let target = try rate.rate.convertToDong(Amount(minorUnits: balance.1, currency: account.currency))
            let difference = target - balance.0
            guard difference != 0 else { return nil }
            let memo = "Revaluation of \(account.code) at \(rate.rate) (\(rate.source), \(rate.date)): \(Amount(minorUnits: balance.1, currency: account.currency))"
            let entry = ValidatedEntry(date: date, memo: memo, externalRef: "REVAL-\(account.code)-\(date.iso)", lines: [
                PostedLine(lineNumber: 1, account: RegistryReference(id: account.id, code: account.code), amountDong: difference,
                           memo: "unrealized exchange difference"),
                PostedLine(lineNumber: 2, account: RegistryReference(id: fxAccount.id, code: fxAccount.code), amountDong: -difference,
                           memo: difference > 0 ? "unrealized exchange gain" : "unrealized exchange loss"),
            ])
            if try self.entry(externalRef: entry.externalRef!) != nil {
                throw LedgerError(.duplicateReference, "\(account.code) was already revalued on \(date)", hint: "nothing to do")
            }
            let pipeline = try PostingPipeline(ledger: self, user: user, postedAt: postedAt)
            let written = try pipeline.admit(entry)
            try pipeline.finish()
            return written
        }
    }
}
