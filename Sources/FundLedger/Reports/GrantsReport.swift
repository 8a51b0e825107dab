extension Ledger {
    /// The grants with their utilization through `date`, one row each.
    public func grantsReport(through date: LedgerDate, funderCode: String? = nil) throws -> Report {
        try read {
            let head = try stateHead()
            var table = ReportTable(key: "grants", columns: [
                ReportColumn("grant", LocalizedText("Grant", "Khoản tài trợ"), .text),
                ReportColumn("funder", LocalizedText("Funder", "Nhà tài trợ"), .text),
                ReportColumn("status", LocalizedText("Status", "Trạng thái"), .text),
                ReportColumn("restriction", LocalizedText("Restriction", "Hạn chế"), .text),
                ReportColumn("committed", LocalizedText("Committed", "Cam kết"), .amount),
                ReportColumn("committed_vnd", LocalizedText("Committed (VND at date)", "Cam kết (VND theo tỷ giá)"), .dong),
                ReportColumn("received", LocalizedText("Received", "Đã nhận"), .amount),
                ReportColumn("outstanding", LocalizedText("Outstanding", "Còn phải nhận"), .amount),
                ReportColumn("received_vnd", LocalizedText("Received (VND)", "Đã nhận (VND)"), .dong),
                ReportColumn("spent_vnd", LocalizedText("Spent (VND)", "Đã chi (VND)"), .dong),
                ReportColumn("fx_effect_vnd", LocalizedText("FX effect (VND)", "Chênh lệch tỷ giá"), .dong),
                ReportColumn("available_vnd", LocalizedText("Available (VND)", "Còn lại (VND)"), .dong),
                ReportColumn("children", LocalizedText("Child-instances", "Lượt trẻ em"), .count),
            ])
            var totals = (committed: Int64(0), received: Int64(0), spent: Int64(0), fx: Int64(0), available: Int64(0), children: Int64(0))
            var bars: [(label: LocalizedText, values: [Int64])] = []
            for utilization in try grantUtilizations(through: date, funderCode: funderCode) {
                let figures = utilization.figures
                bars.append((LocalizedText(verbatim: "\(utilization.grant.code) · \(utilization.grant.funderCode)"),
                             [utilization.committedDong ?? 0, figures.receivedDong, figures.spentDong, figures.availableDong]))
                table.rows.append([.text(utilization.grant.code), .localized(try funderCodeTitle(funderID: utilization.grant.funderID, code: utilization.grant.funderCode)), .localized(utilization.terms.status.localizedName),
                                   .localized(LocalizedText(english: utilization.terms.restriction.rawValue, vietnamese: utilization.terms.restriction.localizedName.vietnamese)),
                                   .amount(utilization.committed),
                                   utilization.committedDong.map(ReportCell.dong) ?? .empty, .amount(utilization.received),
                                   .amount(utilization.outstanding), .dong(figures.receivedDong), .dong(figures.spentDong), .dong(figures.fxEffectDong),
                                   .dong(figures.availableDong), .count(figures.children)])
                totals.committed += utilization.committedDong ?? 0
                totals.received += figures.receivedDong
                totals.spent += figures.spentDong
                totals.fx += figures.fxEffectDong
                totals.available += figures.availableDong
                totals.children += figures.children
            }
            table.totals = [.localized(LocalizedText("Total", "Tổng cộng")), .empty, .empty, .empty, .empty, .dong(totals.committed), .empty, .empty,
                            .dong(totals.received), .dong(totals.spent), .dong(totals.fx), .dong(totals.available), .count(totals.children)]
            var report = Report(key: "grants", title: LocalizedText("Grant utilization", "Tình hình sử dụng các khoản tài trợ"), fundName: fundName,
                                parameters: [(LocalizedText("Through", "Đến ngày"), .date(date))], tables: [table],
                                generatedAt: Timestamp.now(), headSeq: head.seq, headHash: head.digest)
            report.charts = Ledger.grantCharts(bars)
            // Thirteen columns do not fit across a portrait page.
            report.isLandscape = true
            return report
        }
    }

    /// Committed, received, spent and available per grant, in dong, drawn over one another so
    /// a row per grant fits; a chart per 25 grants at most, so each fits a landscape page.
    static func grantCharts(_ bars: [(label: LocalizedText, values: [Int64])]) -> [ReportChart] {
        let names = [LocalizedText("Committed", "Cam kết"), LocalizedText("Received", "Đã nhận"),
                     LocalizedText("Spent", "Đã chi"), LocalizedText("Available", "Còn lại")]
        // At most 25 rows a chart, the grants shared evenly (51 grants: 17, 17, 17).
        let charts = (bars.count + 24) / 25
        let perChart = charts == 0 ? 25 : (bars.count + charts - 1) / charts
        return stride(from: 0, to: bars.count, by: perChart).map { start in
            let part = Array(bars[start..<min(start + perChart, bars.count)])
            let title = bars.count <= perChart ? LocalizedText("Grants in VND: committed, received, spent and available", "Các khoản tài trợ (VND): cam kết, đã nhận, đã chi và còn lại")
                : LocalizedText("Grants in VND (\(start + 1)–\(start + part.count) of \(bars.count)): committed, received, spent and available",
                                "Các khoản tài trợ (VND, \(start + 1)–\(start + part.count) trên \(bars.count)): cam kết, đã nhận, đã chi và còn lại")
            return ReportChart(title: title, labels: part.map(\.label),
                               series: names.indices.map { index in .init(name: names[index], values: part.map { $0.values[index] }) },
                               valueKind: .dong, style: .overlaid)
        }
    }
}
