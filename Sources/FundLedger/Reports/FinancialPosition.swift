import ReportQueries

extension Ledger {
    /// The statement of financial position (báo cáo tình hình tài chính) at a day: assets and
    /// liabilities by account (reports/trial-balance.sql) and net assets split into
    /// unrestricted, restricted and designated (reports/net-assets.sql).
    public func financialPositionReport(at date: LedgerDate) throws -> Report {
        try read {
            let balances = try trialBalance(through: date)
            let netAssets = try withReportPeriod(PeriodSpans(through: date)) {
                try database.rows(ReportQueries.netAssets, named: [:]) { (try StoredValue.decode(Restriction.self, $0.text(at: 0), "line.restriction"), $0.int64(at: 1)) }
            }
            let columns = [ReportColumn("account", LocalizedText("Account", "Tài khoản"), .text),
                           ReportColumn("name", LocalizedText("Name", "Tên"), .text),
                           ReportColumn("amount_vnd", LocalizedText("Amount", "Số tiền"), .dong)]
            func section(_ type: AccountType, sign: Int64) -> ReportTable {
                var table = ReportTable(key: type.rawValue, title: LocalizedText(english: type.nameEnglish, vietnamese: type.nameVietnamese), columns: columns)
                for row in balances where row.type == type && row.balanceDong != 0 {
                    table.rows.append([.text(row.accountCode), .localized(LocalizedText(english: row.nameEnglish, vietnamese: row.nameVietnamese)), .dong(sign * row.balanceDong)])
                }
                table.totals = [.localized(LocalizedText("Total", "Tổng cộng")), .empty, .dong(balances.filter { $0.type == type }.reduce(0) { $0 + sign * $1.balanceDong })]
                return table
            }
            var net = ReportTable(key: "net-assets", title: LocalizedText("Net assets", "Tài sản thuần"), columns: [
                ReportColumn("restriction", LocalizedText("Class", "Loại"), .text), ReportColumn("amount_vnd", LocalizedText("Amount", "Số tiền"), .dong),
            ])
            for (restriction, amount) in netAssets { net.rows.append([.localized(restriction.localizedName), .dong(amount)]) }
            net.totals = [.localized(LocalizedText("Total net assets", "Tổng tài sản thuần")), .dong(netAssets.reduce(0) { $0 + $1.1 })]
            let assets = section(.asset, sign: 1)
            let liabilities = section(.liability, sign: -1)
            return try makeReport(key: "financial-position", title: LocalizedText("Statement of financial position", "Báo cáo tình hình tài chính"),
                                  parameters: [(LocalizedText("At", "Tại ngày"), .date(date))], tables: [assets, liabilities, net],
                                  notes: [LocalizedText("Total assets = total liabilities + total net assets.", "Tổng tài sản = Tổng nợ phải trả + Tổng tài sản thuần.")])
        }
    }
}
