import ReportQueries

/// One row of reports/activities.sql.
struct ActivityRow {
    let type: AccountType
    let accountCode: String
    let accountName: LocalizedText
    let source: String
    let programCode: String
    let restriction: Restriction
    let amountDong: Int64
    let children: Int64
}

extension Ledger {
    func activityRows(from: LedgerDate, to: LedgerDate) throws -> [ActivityRow] {
        let fxAccount = try settings().fxDifferenceAccountCode
        return try withReportPeriod(PeriodSpans(from: from, to: to)) {
            try database.rows(ReportQueries.activities, named: [":fx_account": fxAccount]) { row in
                ActivityRow(type: try StoredValue.decode(AccountType.self, row.text(at: 0), "account.type"), accountCode: row.text(at: 1),
                            accountName: LocalizedText(english: row.text(at: 2), vietnamese: row.text(at: 3)), source: row.text(at: 4), programCode: row.text(at: 5),
                            restriction: try StoredValue.decode(Restriction.self, row.text(at: 6), "line.restriction"), amountDong: row.int64(at: 7), children: row.int64(at: 8))
            }
        }
    }

    /// The statement of receipts and uses (báo cáo thu, chi) over a period: receipts by
    /// source and restriction, uses by program, exchange differences, and the surplus.
    public func activitiesReport(from: LedgerDate, to: LedgerDate) throws -> Report {
        try read {
            let rows = try activityRows(from: from, to: to)
            let programs = Dictionary(try self.programs().map { ($0.code, LocalizedText(english: $0.nameEnglish, vietnamese: $0.nameVietnamese)) }, uniquingKeysWith: { first, _ in first })
            let fxAccount = try settings().fxDifferenceAccountCode
            var receipts = ReportTable(key: "receipts", title: LocalizedText("Receipts by source", "Các khoản thu theo nguồn"), columns: [
                ReportColumn("source", LocalizedText("Source", "Nguồn"), .text), ReportColumn("account", LocalizedText("Account", "Tài khoản"), .text),
                ReportColumn("restriction", LocalizedText("Restriction", "Hạn chế"), .text), ReportColumn("amount_vnd", LocalizedText("Amount", "Số tiền"), .dong),
            ])
            for row in rows where row.type == .revenue {
                receipts.rows.append([.localized(FunderKind.localizedSource(row.source)), .localized(LocalizedText("\(row.accountCode) \(row.accountName.english)", "\(row.accountCode) \(row.accountName.vietnamese)")),
                                      .localized(row.restriction.localizedName), .dong(row.amountDong)])
            }
            let totalReceipts = rows.filter { $0.type == .revenue }.reduce(0) { $0 + $1.amountDong }
            receipts.totals = [.localized(LocalizedText("Total receipts", "Tổng thu")), .empty, .empty, .dong(totalReceipts)]
            var uses = ReportTable(key: "uses", title: LocalizedText("Uses by program", "Các khoản chi theo chương trình"), columns: [
                ReportColumn("program", LocalizedText("Program", "Chương trình"), .text), ReportColumn("source", LocalizedText("Source", "Nguồn"), .text),
                ReportColumn("account", LocalizedText("Account", "Tài khoản"), .text), ReportColumn("restriction", LocalizedText("Restriction", "Hạn chế"), .text),
                ReportColumn("amount_vnd", LocalizedText("Amount", "Số tiền"), .dong), ReportColumn("children", LocalizedText("Child-instances", "Lượt trẻ em"), .count),
            ])
            for row in rows where row.type == .expense {
                let program = programs[row.programCode] ?? LocalizedText("(no program)", "(không theo chương trình)")
                // Spending that names no funder is paid from the fund's general money.
                let source = row.source.isEmpty ? LocalizedText("General funds", "Nguồn chung của quỹ") : FunderKind.localizedSource(row.source)
                uses.rows.append([.localized(program), .localized(source),
                                  .localized(LocalizedText("\(row.accountCode) \(row.accountName.english)", "\(row.accountCode) \(row.accountName.vietnamese)")),
                                  .localized(row.restriction.localizedName), .dong(row.amountDong), .count(row.children)])
            }
            let expenses = rows.filter { $0.type == .expense }
            let totalUses = expenses.reduce(0) { $0 + $1.amountDong }
            uses.totals = [.localized(LocalizedText("Total uses", "Tổng chi")), .empty, .empty, .empty, .dong(totalUses), .count(expenses.reduce(0) { $0 + $1.children })]
            let fx = rows.filter { $0.accountCode == fxAccount }.reduce(0) { $0 + $1.amountDong }
            var result = ReportTable(key: "result", title: LocalizedText("Result", "Kết quả"), columns: [
                ReportColumn("figure", LocalizedText("Figure", "Chỉ tiêu"), .text), ReportColumn("amount_vnd", LocalizedText("Amount", "Số tiền"), .dong),
            ])
            result.rows = [[.localized(LocalizedText("Receipts", "Thu")), .dong(totalReceipts)], [.localized(LocalizedText("Uses", "Chi")), .dong(totalUses)],
                           [.localized(LocalizedText("Exchange differences (net gain)", "Chênh lệch tỷ giá (lãi thuần)")), .dong(fx)]]
            result.totals = [.localized(LocalizedText("Surplus (deficit)", "Chênh lệch thu chi")), .dong(totalReceipts - totalUses + fx)]
            var bySource: [String: Int64] = [:]
            for row in rows where row.type == .revenue { bySource[row.source, default: 0] += row.amountDong }
            var byProgram: [String: Int64] = [:]
            for row in expenses { byProgram[row.programCode, default: 0] += row.amountDong }
            let sources = bySource.sorted { $0.value > $1.value }
            let programTotals = byProgram.sorted { $0.value > $1.value }
            let charts = [
                ReportChart(title: LocalizedText("Receipts by source", "Thu theo nguồn"), labels: sources.map { FunderKind.localizedSource($0.key) },
                            series: [.init(name: LocalizedText("Receipts", "Thu"), values: sources.map(\.value))], valueKind: .dong),
                ReportChart(title: LocalizedText("Uses by program", "Chi theo chương trình"),
                            labels: programTotals.map { programs[$0.key] ?? LocalizedText("(no program)", "(không theo chương trình)") },
                            series: [.init(name: LocalizedText("Uses", "Chi"), values: programTotals.map(\.value))], valueKind: .dong),
            ]
            return try makeReport(key: "activities", title: LocalizedText("Statement of receipts and uses", "Báo cáo thu, chi"),
                                  parameters: Ledger.periodParameters(from, to), tables: [receipts, uses, result], charts: charts)
        }
    }
}
