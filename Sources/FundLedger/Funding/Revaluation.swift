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
            try checkPeriodOpen(date, lock: try periodLock(), doing: LocalizedText("revalue an account", "đánh giá lại tài khoản"))
            let settings = try self.settings()
            guard settings.fxRevaluationAllowed else {
                throw LedgerError(.settings, LocalizedText("year-end revaluation is forbidden for this fund (setting fx-revaluation is 'forbidden')", "quỹ này không được đánh giá lại ngoại tệ cuối năm (thiết lập fx-revaluation là 'forbidden')"),
                                  hint: LocalizedText("public-sector rules forbid revaluing non-business balances; if the fund's rules allow it: \(action: .settingsSet, "fx-revaluation allowed")", "quy định khu vực công không cho đánh giá lại số dư của hoạt động không kinh doanh; nếu quy chế của quỹ cho phép: \(action: .settingsSet, "fx-revaluation allowed")"))
            }
            let accounts = try accountsByCode()
            guard let account = accounts[accountCode] else { throw Ledger.unknownAccount(accountCode) }
            guard account.isForeignCurrency, !account.isHeading, account.closedOn == nil else {
                throw LedgerError(.invalidAccount, LocalizedText("account \(accountCode) is not an open foreign-currency posting account", "tài khoản \(accountCode) không phải tài khoản ngoại tệ chi tiết đang mở"), hint: LocalizedText("revalue an account such as 1122", "hãy đánh giá lại một tài khoản như 1122"))
            }
            guard let fxAccount = accounts[settings.fxDifferenceAccountCode] else { throw Ledger.unknownAccount(settings.fxDifferenceAccountCode) }
            guard let rate = try exchangeRate(account.currency, onOrBefore: date) else {
                throw LedgerError(.missingRate, LocalizedText("there is no \(account.currency.code) rate on or before \(date)", "chưa có tỷ giá \(account.currency.code) vào hoặc trước ngày \(date)"),
                                  hint: LocalizedText("record the year-end rate first: \(action: .rateSet, "\(account.currency.code) \(date) RATE \(parameter: .rateSource, "SBV")")", "hãy ghi tỷ giá cuối năm trước: \(action: .rateSet, "\(account.currency.code) \(date.iso) RATE \(parameter: .rateSource, "SBV")")"))
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
                throw LedgerError(.duplicateReference, LocalizedText("\(account.code) was already revalued on \(date)", "\(account.code) đã được đánh giá lại vào ngày \(date)"), hint: LocalizedText("nothing to do", "không cần làm gì"))
            }
            let pipeline = try PostingPipeline(ledger: self, user: user, postedAt: postedAt)
            let written = try pipeline.admit(entry)
            try pipeline.finish()
            return written
        }
    }
}
