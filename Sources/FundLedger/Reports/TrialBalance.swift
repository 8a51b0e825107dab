import ReportQueries

/// One account's line in the trial balance.
public struct TrialBalanceRow: Sendable, Equatable {
    public let accountCode: String
    public let nameVietnamese: String
    public let nameEnglish: String
    public let type: AccountType
    public let currency: Currency
    /// All debits and all credits posted to the account up to the date, in dong.
    public let debitDong: Int64
    public let creditDong: Int64
    /// The balance in the account's own currency (foreign-currency accounts only).
    public let foreignBalance: Int64

    /// Debits minus credits.
    public var balanceDong: Int64 { debitDong - creditDong }
}

extension Ledger {
    /// The trial balance through `date` (reports/trial-balance.sql), read from the
    /// maintained totals: a few thousand rows whatever the size of the journal.
    public func trialBalance(through date: LedgerDate) throws -> [TrialBalanceRow] {
        try read {
            try database.rows(ReportQueries.trialBalance, named: [":through_day": date.dayKey]) { row in
                TrialBalanceRow(accountCode: row.text(at: 0), nameVietnamese: row.text(at: 1), nameEnglish: row.text(at: 2),
                                type: try StoredValue.decode(AccountType.self, row.text(at: 3), "account.type"), currency: Currency.named(row.text(at: 4)) ?? .vnd,
                                debitDong: row.int64(at: 5), creditDong: row.int64(at: 6), foreignBalance: row.int64(at: 7))
            }
        }
    }

    /// The trial balance as a report: turnover and closing balance per account, with totals.
    public func trialBalanceReport(through date: LedgerDate) throws -> Report {
        try read {
            let rows = try trialBalance(through: date)
            let head = try stateHead()
            var table = ReportTable(key: "accounts", columns: [
                ReportColumn("account", LocalizedText("Account", "Tài khoản"), .text),
                ReportColumn("name", LocalizedText("Name", "Tên tài khoản"), .text),
                ReportColumn("debit_vnd", LocalizedText("Debits", "Phát sinh Nợ"), .dong),
                ReportColumn("credit_vnd", LocalizedText("Credits", "Phát sinh Có"), .dong),
                ReportColumn("balance_debit_vnd", LocalizedText("Debit balance", "Dư Nợ"), .dong),
                ReportColumn("balance_credit_vnd", LocalizedText("Credit balance", "Dư Có"), .dong),
                ReportColumn("foreign_balance", LocalizedText("Foreign balance", "Số dư ngoại tệ"), .amount),
            ])
            var totals = (debit: Int64(0), credit: Int64(0), balanceDebit: Int64(0), balanceCredit: Int64(0))
            for row in rows {
                let balance = row.balanceDong
                table.rows.append([
                    .text(row.accountCode), .localized(LocalizedText(english: row.nameEnglish, vietnamese: row.nameVietnamese)),
                    .dong(row.debitDong), .dong(row.creditDong),
                    balance > 0 ? .dong(balance) : .empty, balance < 0 ? .dong(-balance) : .empty,
                    row.currency == .vnd ? .empty : .amount(Amount(minorUnits: row.foreignBalance, currency: row.currency)),
                ])
                totals.debit += row.debitDong
                totals.credit += row.creditDong
                totals.balanceDebit += max(balance, 0)
                totals.balanceCredit += max(-balance, 0)
            }
            table.totals = [.localized(LocalizedText("Total", "Tổng cộng")), .empty, .dong(totals.debit), .dong(totals.credit),
                            .dong(totals.balanceDebit), .dong(totals.balanceCredit), .empty]
            return Report(key: "trial-balance", title: LocalizedText("Trial balance", "Bảng cân đối tài khoản"), fundName: fundName,
                          parameters: [(LocalizedText("As of", "Đến ngày"), .date(date))], tables: [table],
                          generatedAt: Timestamp.now(), headSeq: head.seq, headHash: head.digest)
        }
    }
}
