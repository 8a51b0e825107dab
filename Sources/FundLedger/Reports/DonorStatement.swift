import ReportQueries

extension Ledger {
    /// A statement for one funder and period (báo cáo cho nhà tài trợ): what they gave, in
    /// their currency and in dong with the rates used (reports/donor-receipts.sql); their
    /// grants — committed, received, spent, available (reports/grant-figures.sql); where the
    /// money went by program and place, with child-instances (reports/donor-uses.sql); and, in
    /// the footer, the chain head so the donor can later check the books with
    /// `cpf verify --at SEQ --digest HEX`. It is a public document: beneficiary codes are never
    /// part of it, and counts of children are shown as `PublishedCount` does.
    public func donorStatementReport(funderCode: String, from: LedgerDate, to: LedgerDate) throws -> Report {
        try read {
            guard let funder = try funder(code: funderCode) else {
                throw LedgerError(.unknownDimension, LocalizedText("there is no funder '\(funderCode)'", "không có nhà tài trợ '\(funderCode)'"), hint: LocalizedText("\(action: .funderList, quoted: true) shows the funders", "\(action: .funderList, quoted: true) cho xem các nhà tài trợ"))
            }
            let receipts = try donorReceiptsTable(funder, from: from, to: to)
            let grants = try donorGrantsTable(funder, through: to)
            let (uses, chart) = try donorUsesTable(funder, from: from, to: to)
            let goods = try donorGoodsTable(funder, from: from, to: to)
            var notes = [LocalizedText("Money given without a grant joins the fund's unrestricted money; what it paid for is in the fund's statement of receipts and uses.",
                                       "Khoản tài trợ không theo thỏa thuận được dùng chung với nguồn không hạn chế của quỹ."),
                         SmallCounts.note]
            if goods != nil && !uses.rows.isEmpty {
                notes.append(LocalizedText("Goods received under one of your grants are spending of that grant: they are in both tables, in dong where it went and by item where your goods went.",
                                           "Hiện vật nhận theo khoản tài trợ là khoản chi của khoản tài trợ đó: có trong cả hai bảng, theo số tiền ở bảng sử dụng và theo mặt hàng ở bảng hiện vật."))
            }
            if goods != nil {
                notes.append(LocalizedText("Goods in kind are traced by lot: each hand-out draws on the oldest lot first, and its program, place, child-instances and value are shared among the lots it drew on in proportion to the units.",
                                           "Hiện vật được theo dõi theo lô: mỗi lần cấp phát lấy từ lô nhận sớm nhất trước; chương trình, địa bàn, lượt trẻ em và giá trị được chia cho các lô theo số lượng đã lấy."))
            }
            if funder.currency != .vnd {
                notes.append(LocalizedText("Amounts in \(funder.currency.code) are converted at the rate of each receipt's date, from the source shown.",
                                           "Số tiền \(funder.currency.code) được quy đổi theo tỷ giá ngày nhận, theo nguồn ghi bên cạnh."))
            }
            let title = try funderTitle(funder)
            return try makeReport(key: "donor-statement", title: LocalizedText("Donor statement", "Báo cáo cho nhà tài trợ"),
                                  parameters: [(LocalizedText("Funder", "Nhà tài trợ"), .localized(LocalizedText("\(title) (\(funder.code))", "\(title) (\(funder.code))")))] + Ledger.periodParameters(from, to),
                                  tables: [receipts, grants] + (goods == nil || !uses.rows.isEmpty ? [uses] : []) + (goods.map { [$0] } ?? []), notes: notes, charts: chart.map { [$0] } ?? [], isPublic: true)
        }
    }

    private func donorReceiptsTable(_ funder: Funder, from: LedgerDate, to: LedgerDate) throws -> ReportTable {
        var table = ReportTable(key: "given", title: LocalizedText("What you gave", "Các khoản đã tài trợ"), columns: [
            ReportColumn("date", LocalizedText("Date", "Ngày"), .date), ReportColumn("ref", LocalizedText("Reference", "Số hiệu"), .text),
            ReportColumn("grant", LocalizedText("Grant", "Khoản tài trợ"), .text), ReportColumn("memo", LocalizedText("Description", "Diễn giải"), .text),
            ReportColumn("amount", LocalizedText("Amount", "Số tiền nguyên tệ"), .amount), ReportColumn("rate", LocalizedText("Rate (source, date)", "Tỷ giá (nguồn, ngày)"), .text),
            ReportColumn("amount_vnd", LocalizedText("In VND", "Quy đổi VND"), .dong),
        ])
        var totalDong: Int64 = 0
        var totalForeign: [Currency: Int64] = [:]
        try database.forEachRow(ReportQueries.donorReceipts, named: [":funder_id": funder.id, ":from_date": from.iso, ":to_date": to.iso]) { row in
            let dong = row.int64(at: 6)
            totalDong += dong
            var amount = Amount.vnd(dong)
            var rate = ReportCell.empty
            if let code = row.optionalText(at: 7), let currency = Currency.named(code) {
                amount = Amount(minorUnits: row.int64(at: 8), currency: currency)
                totalForeign[currency, default: 0] += amount.minorUnits
                rate = .localized(try Ledger.rateText(row.text(at: 9), source: row.text(at: 11), date: try LedgerDate.parse(row.text(at: 10))))
            }
            table.rows.append([.date(try LedgerDate.parse(row.text(at: 1))), row.optionalText(at: 2).map(ReportCell.text) ?? .empty,
                               .text(row.text(at: 4)), .localized(try description(seq: row.int64(at: 0), memo: row.text(at: 3))), .amount(amount), rate, .dong(dong)])
        }
        let foreignTotal: ReportCell = totalForeign.count == 1 ? .amount(Amount(minorUnits: totalForeign.first!.value, currency: totalForeign.first!.key)) : .empty
        table.totals = [.localized(LocalizedText("Total", "Tổng cộng")), .empty, .empty, .empty, foreignTotal, .empty, .dong(totalDong)]
        return table
    }

    /// A rate with its source and date as each language writes them: `23175.5 (VCB, 2018-06-01)`,
    /// `23.175,5 (VCB, 01/06/2018)` (`MoneyFormat.rate`; CSV carries the English text).
    static func rateText(_ rate: String, source: String, date: LedgerDate) throws -> LocalizedText {
        let rate = try Rate.parse(rate)
        return LocalizedText("\(MoneyFormat.english.rate(rate)) (\(source), \(date.iso))",
                             "\(MoneyFormat.vietnamese.rate(rate)) (\(source), \(date.vietnamese))")
    }

    private func donorGrantsTable(_ funder: Funder, through date: LedgerDate) throws -> ReportTable {
        var table = ReportTable(key: "grants", title: LocalizedText("Your grants and what remains", "Các khoản tài trợ và số còn lại"), columns: [
            ReportColumn("grant", LocalizedText("Grant", "Khoản tài trợ"), .text), ReportColumn("committed", LocalizedText("Committed", "Cam kết"), .amount),
            ReportColumn("received", LocalizedText("Received", "Đã nhận"), .amount), ReportColumn("outstanding", LocalizedText("Outstanding", "Còn phải nhận"), .amount),
            ReportColumn("spent_vnd", LocalizedText("Spent (VND)", "Đã chi (VND)"), .dong), ReportColumn("fx_effect_vnd", LocalizedText("FX effect (VND)", "Chênh lệch tỷ giá"), .dong),
            ReportColumn("available_vnd", LocalizedText("Remaining (VND)", "Còn lại (VND)"), .dong), ReportColumn("remaining", LocalizedText("Remaining", "Còn lại nguyên tệ"), .amount),
            ReportColumn("children", LocalizedText("Child-instances", "Lượt trẻ em"), .count),
        ])
        for utilization in try grantUtilizations(through: date, funderCode: funder.code) {
            let figures = utilization.figures
            table.rows.append([.text(utilization.grant.code), .amount(utilization.committed), .amount(utilization.received), .amount(utilization.outstanding),
                               .dong(figures.spentDong), .dong(figures.fxEffectDong), .dong(figures.availableDong), .amount(utilization.availableInGrantCurrency),
                               .children(figures.children)])
        }
        return table
    }

    private func donorUsesTable(_ funder: Funder, from: LedgerDate, to: LedgerDate) throws -> (ReportTable, ReportChart?) {
        var table = ReportTable(key: "uses", title: LocalizedText("Where it went", "Sử dụng vào đâu"), columns: [
            ReportColumn("program", LocalizedText("Program", "Chương trình"), .text), ReportColumn("unit", LocalizedText("Place", "Địa bàn"), .text),
            ReportColumn("spent_vnd", LocalizedText("Spent (VND)", "Đã chi (VND)"), .dong), ReportColumn("children", LocalizedText("Child-instances", "Lượt trẻ em"), .count),
        ])
        var byProgram: [(LocalizedText, Int64)] = []
        var spent: Int64 = 0
        var children: Int64 = 0
        try withReportPeriod(PeriodSpans(from: from, to: to)) {
            try database.forEachRow(ReportQueries.donorUses, named: [":funder_id": funder.id]) { row in
                let program = LocalizedText(english: row.text(at: 1), vietnamese: row.text(at: 2))
                let amount = row.int64(at: 5)
                table.rows.append([.localized(program), .text(row.text(at: 4)), .dong(amount), .children(row.int64(at: 6))])
                if let index = byProgram.firstIndex(where: { $0.0 == program }) { byProgram[index].1 += amount } else { byProgram.append((program, amount)) }
                spent += amount
                children += row.int64(at: 6)
            }
        }
        table.totals = [.localized(LocalizedText("Total", "Tổng cộng")), .empty, .dong(spent), .children(children)]
        let chart = byProgram.isEmpty ? nil : ReportChart(title: LocalizedText("Where your money went, by program", "Tiền tài trợ theo chương trình"),
                                                          labels: byProgram.map(\.0), series: [.init(name: LocalizedText("Spent", "Đã chi"), values: byProgram.map(\.1))],
                                                          valueKind: .dong)
        return (table, chart)
    }

    /// Where the funder's goods in kind went (docs/goods-lots.md): by item, program and place,
    /// the units drawn from its lots, the child-instances and the value
    /// (reports/donor-goods-uses.sql); `nil` when the funder gave no goods by `to`.
    private func donorGoodsTable(_ funder: Funder, from: LedgerDate, to: LedgerDate) throws -> ReportTable? {
        guard let goodsAccount = try accountsByCode()[try settings().goodsAccountCode],
              try database.scalarInt64("""
                  SELECT EXISTS (SELECT 1 FROM line l CROSS JOIN entry e ON e.seq = l.entry_seq
                                 WHERE l.item_id IS NOT NULL AND l.account_id = ? AND l.quantity > 0 AND l.funder_id = ? AND e.entry_date <= ?)
                  """, [goodsAccount.id, funder.id, to.iso]) == 1 else { return nil }
        var table = ReportTable(key: "goods_uses", title: LocalizedText("Where your goods in kind went", "Hiện vật đã tài trợ được cấp phát vào đâu"), columns: [
            ReportColumn("item", LocalizedText("Item", "Mặt hàng"), .text), ReportColumn("program", LocalizedText("Program", "Chương trình"), .text),
            ReportColumn("unit", LocalizedText("Place", "Địa bàn"), .text), ReportColumn("quantity", LocalizedText("Quantity", "Số lượng"), .count),
            ReportColumn("children", LocalizedText("Child-instances", "Lượt trẻ em"), .count), ReportColumn("value_vnd", LocalizedText("Value (VND)", "Giá trị (VND)"), .dong),
        ])
        var totals = (quantity: Int64(0), children: Int64(0), value: Int64(0))
        try database.forEachRow(ReportQueries.donorGoodsUses, named: [":funder_id": funder.id, ":from_day": Int64(from.dayKey), ":to_day": Int64(to.dayKey)]) { row in
            let (quantity, children, value) = (row.int64(at: 7), row.int64(at: 8), row.int64(at: 9))
            table.rows.append([.localized(LocalizedText(english: row.text(at: 0), vietnamese: row.text(at: 1))),
                               .localized(LocalizedText(english: row.text(at: 3), vietnamese: row.text(at: 4))),
                               .text(row.text(at: 6).isEmpty ? row.text(at: 5) : row.text(at: 6)),
                               .count(quantity), .children(children), .dong(value)])
            totals = (totals.quantity + quantity, totals.children + children, totals.value + value)
        }
        table.totals = [.localized(LocalizedText("Total", "Tổng cộng")), .empty, .empty, .count(totals.quantity), .children(totals.children), .dong(totals.value)]
        return table
    }
}
