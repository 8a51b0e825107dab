import ReportQueries

extension Ledger {
    /// The yearly public disclosure (công khai tài chính), due by 31 March of the next year:
    /// what the fund received, by donor and source, in money and in kind
    /// (reports/disclosure-receipts.sql), and what it was used for, by program, with the
    /// child-instances reached (reports/disclosure-uses.sql). Beneficiary codes are never part
    /// of it; counts of children are shown as `PublishedCount` does.
    public func disclosureReport(year: Int) throws -> Report {
        try read {
            let inKindAccount = try settings().inKindRevenueAccountCode
            let spans = PeriodSpans(from: LedgerDate.firstOf(year: year), to: LedgerDate.lastOf(year: year))
            var receipts = ReportTable(key: "receipts", title: LocalizedText("What the fund received", "Các khoản tiếp nhận"), columns: [
                ReportColumn("donor", LocalizedText("Donor", "Nhà tài trợ"), .text), ReportColumn("source", LocalizedText("Source", "Nguồn"), .text),
                ReportColumn("money_vnd", LocalizedText("Money", "Bằng tiền"), .dong), ReportColumn("in_kind_vnd", LocalizedText("In kind", "Bằng hiện vật"), .dong),
                ReportColumn("total_vnd", LocalizedText("Total", "Cộng"), .dong),
            ])
            var uses = ReportTable(key: "uses", title: LocalizedText("What it was used for", "Sử dụng"), columns: [
                ReportColumn("program", LocalizedText("Program", "Chương trình"), .text), ReportColumn("spent_vnd", LocalizedText("Spent", "Số tiền"), .dong),
                ReportColumn("children", LocalizedText("Child-instances", "Lượt trẻ em"), .count),
            ])
            var bySource: [(FunderKind?, Int64)] = []
            var money: Int64 = 0, inKind: Int64 = 0, spent: Int64 = 0, children: Int64 = 0
            var useLabels: [LocalizedText] = []
            var useValues: [Int64] = []
            try withReportPeriod(spans) {
                try database.forEachRow(ReportQueries.disclosureReceipts, named: [":in_kind_account": inKindAccount]) { row in
                    let kind = FunderKind(rawValue: row.text(at: 2))
                    var name = LocalizedText(english: row.text(at: 3), vietnamese: row.text(at: 1))
                    if let funder = try funder(code: row.text(at: 0)) { name = try funderTitle(funder) }
                    let rowMoney = row.int64(at: 4), rowInKind = row.int64(at: 5)
                    receipts.rows.append([.localized(name), .localized(FunderKind.localizedSource(row.text(at: 2))), .dong(rowMoney), .dong(rowInKind), .dong(rowMoney + rowInKind)])
                    money += rowMoney
                    inKind += rowInKind
                    if let index = bySource.firstIndex(where: { $0.0 == kind }) { bySource[index].1 += rowMoney + rowInKind } else { bySource.append((kind, rowMoney + rowInKind)) }
                }
                try database.forEachRow(ReportQueries.disclosureUses, named: [:]) { row in
                    let name = LocalizedText(english: row.text(at: 1), vietnamese: row.text(at: 2))
                    uses.rows.append([.localized(name), .dong(row.int64(at: 3)), .children(row.int64(at: 4))])
                    spent += row.int64(at: 3)
                    children += row.int64(at: 4)
                    useLabels.append(name)
                    useValues.append(row.int64(at: 3))
                }
            }
            receipts.totals = [.localized(LocalizedText("Total", "Tổng cộng")), .empty, .dong(money), .dong(inKind), .dong(money + inKind)]
            uses.totals = [.localized(LocalizedText("Total", "Tổng cộng")), .dong(spent), .children(children)]
            let charts = [
                ReportChart(title: LocalizedText("Received by source", "Tiếp nhận theo nguồn"),
                            labels: bySource.map { FunderKind.localizedSource($0.0?.rawValue ?? "") },
                            series: [.init(name: LocalizedText("Received", "Tiếp nhận"), values: bySource.map(\.1))], valueKind: .dong),
                ReportChart(title: LocalizedText("Used by program", "Sử dụng theo chương trình"), labels: useLabels,
                            series: [.init(name: LocalizedText("Spent", "Đã chi"), values: useValues)], valueKind: .dong),
            ].filter { !$0.labels.isEmpty }
            return try makeReport(key: "disclosure", title: LocalizedText("Public disclosure \(year)", "Công khai tài chính năm \(year)"),
                                  parameters: [(LocalizedText("Year", "Năm"), .text(String(year))),
                                               (LocalizedText("Due by", "Hạn công bố"), .date(LedgerDate(year: year + 1, month: 3, day: 31) ?? LedgerDate.latest))],
                                  tables: [receipts, uses],
                                  notes: [LocalizedText("Published by 31 March of the following year, as the fund's rules require. ", "Công khai trước ngày 31 tháng 3 năm sau theo quy định. ") + SmallCounts.note],
                                  charts: charts, isPublic: true)
        }
    }
}
