extension Ledger {
    /// The chart of accounts as a report.
    public func chartReport() throws -> Report {
        try read {
            let head = try chainHead()
            var table = ReportTable(key: "accounts", columns: [
                ReportColumn("code", LocalizedText("Code", "Số hiệu"), .text),
                ReportColumn("name", LocalizedText("Name", "Tên tài khoản"), .text),
                ReportColumn("type", LocalizedText("Type", "Loại"), .text),
                ReportColumn("currency", LocalizedText("Currency", "Tiền tệ"), .text),
                ReportColumn("parent", LocalizedText("Parent", "TK cấp trên"), .text),
                ReportColumn("closed_on", LocalizedText("Closed", "Đã đóng"), .date),
            ])
            for account in try accounts() {
                table.rows.append([.text(account.code), .localized(LocalizedText(account.nameEnglish, account.nameVietnamese)),
                                   .localized(LocalizedText(account.type.rawValue, account.type.nameVietnamese)),
                                   .text(account.currency.code), account.parentCode.map(ReportCell.text) ?? .empty,
                                   account.closedOn.map(ReportCell.date) ?? .empty])
            }
            return Report(key: "accounts", title: LocalizedText("Chart of accounts", "Hệ thống tài khoản"), fundName: fundName,
                          tables: [table], generatedAt: Timestamp.now(), headSeq: head.seq, headHash: head.hash)
        }
    }

    /// The recorded exchange rates as a report.
    public func ratesReport(currency: Currency? = nil) throws -> Report {
        try read {
            let head = try chainHead()
            var table = ReportTable(key: "rates", columns: [
                ReportColumn("currency", LocalizedText("Currency", "Tiền tệ"), .text),
                ReportColumn("date", LocalizedText("Date", "Ngày"), .date),
                ReportColumn("rate", LocalizedText("VND per unit", "VND/đơn vị"), .text),
                ReportColumn("source", LocalizedText("Source", "Nguồn"), .text),
                ReportColumn("recorded_by", LocalizedText("Recorded by", "Người ghi"), .text),
            ])
            for rate in try exchangeRates(currency: currency) {
                table.rows.append([.text(rate.currency.code), .date(rate.date), .text(rate.rate.description), .text(rate.source), .text(rate.recordedBy)])
            }
            return Report(key: "rates", title: LocalizedText("Exchange rates", "Tỷ giá"), fundName: fundName,
                          tables: [table], generatedAt: Timestamp.now(), headSeq: head.seq, headHash: head.hash)
        }
    }
}
