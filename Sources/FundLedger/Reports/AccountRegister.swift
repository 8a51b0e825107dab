import ReportQueries

extension Ledger {
    /// The register of one account (sổ chi tiết) over a period: the opening balance, every line
    /// in date order with its running balance (reports/account-register.sql), and the closing
    /// balance.
    public func accountRegisterReport(accountCode: String, from: LedgerDate, to: LedgerDate) throws -> Report {
        try read {
            guard let account = try accountsByCode()[accountCode] else { throw Ledger.unknownAccount(accountCode) }
            let opening = from == .earliest ? nil : try trialBalance(through: from.adding(days: -1)).first { $0.accountCode == accountCode }
            let openingDong = opening?.balanceDong ?? 0
            let openingForeign = opening?.foreignBalance ?? 0
            let foreign = account.isForeignCurrency
            var columns = [
                ReportColumn("date", LocalizedText("Date", "Ngày"), .date), ReportColumn("seq", LocalizedText("Entry", "Số CT"), .count),
                ReportColumn("ref", LocalizedText("Reference", "Số hiệu"), .text), ReportColumn("memo", LocalizedText("Description", "Diễn giải"), .text),
                ReportColumn("debit_vnd", LocalizedText("Debit", "Nợ"), .dong), ReportColumn("credit_vnd", LocalizedText("Credit", "Có"), .dong),
                ReportColumn("balance_vnd", LocalizedText("Balance", "Số dư"), .dong),
            ]
            if foreign {
                columns += [ReportColumn("amount_foreign", LocalizedText("Foreign amount", "Nguyên tệ"), .amount),
                            ReportColumn("balance_foreign", LocalizedText("Foreign balance", "Số dư nguyên tệ"), .amount)]
            }
            var table = ReportTable(key: "lines", columns: columns)
            var opened: [ReportCell] = [.date(from), .empty, .empty, .localized(LocalizedText("Opening balance", "Số dư đầu kỳ")), .empty, .empty, .dong(openingDong)]
            if foreign { opened += [.empty, .amount(Amount(minorUnits: openingForeign, currency: account.currency))] }
            table.rows.append(opened)
            var debits: Int64 = 0
            var credits: Int64 = 0
            var closing = (openingDong, openingForeign)
            try database.forEachRow(ReportQueries.accountRegister, named: [
                ":account_id": account.id, ":from_date": from.iso, ":to_date": to.iso, ":opening_vnd": openingDong, ":opening_foreign": openingForeign,
            ]) { row in
                let amount = row.int64(at: 5)
                if amount > 0 { debits += amount } else { credits -= amount }
                closing = (row.int64(at: 10), row.int64(at: 11))
                var cells: [ReportCell] = [.date(try LedgerDate.parse(row.text(at: 1))), .identifier(row.int64(at: 0)), row.optionalText(at: 3).map(ReportCell.text) ?? .empty,
                                           .localized(try description(seq: row.int64(at: 0), memo: row.text(at: 2))), amount > 0 ? .dong(amount) : .empty, amount < 0 ? .dong(-amount) : .empty, .dong(row.int64(at: 10))]
                if foreign {
                    cells += [row.optionalInt64(at: 7).map { .amount(Amount(minorUnits: $0, currency: account.currency)) } ?? .empty,
                              .amount(Amount(minorUnits: row.int64(at: 11), currency: account.currency))]
                }
                table.rows.append(cells)
            }
            var totals: [ReportCell] = [.empty, .empty, .empty, .localized(LocalizedText("Closing balance", "Số dư cuối kỳ")), .dong(debits), .dong(credits), .dong(closing.0)]
            if foreign { totals += [.empty, .amount(Amount(minorUnits: closing.1, currency: account.currency))] }
            table.totals = totals
            var report = try makeReport(key: "ledger", title: LocalizedText("Account register", "Sổ chi tiết tài khoản"),
                                  parameters: [(LocalizedText("Account", "Tài khoản"), .localized(LocalizedText("\(account.code) \(account.nameEnglish)", "\(account.code) \(account.nameVietnamese)")))]
                                      + Ledger.periodParameters(from, to),
                                  tables: [table],
                                  notes: [LocalizedText("Balances are debit positive.", "Số dư Nợ ghi dương, số dư Có ghi âm.")])
            // Nine columns leave the description too little room on a portrait page.
            report.isLandscape = foreign
            return report
        }
    }
}
