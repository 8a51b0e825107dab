extension Ledger {
    /// The chart of accounts as a report.
    public func chartReport() throws -> Report {
        try read {
            let head = try stateHead()
            var table = ReportTable(key: "accounts", columns: [
                ReportColumn("code", LocalizedText("Code", "Số hiệu"), .text),
                ReportColumn("name", LocalizedText("Name", "Tên tài khoản"), .text),
                ReportColumn("type", LocalizedText("Type", "Loại"), .text),
                ReportColumn("currency", LocalizedText("Currency", "Tiền tệ"), .text),
                ReportColumn("parent", LocalizedText("Parent", "TK cấp trên"), .text),
                ReportColumn("closed_on", LocalizedText("Closed", "Đã đóng"), .date),
            ])
            for account in try accounts() {
                table.rows.append([.text(account.code), .localized(LocalizedText(english: account.nameEnglish, vietnamese: account.nameVietnamese)),
                                   .localized(LocalizedText(english: account.type.rawValue, vietnamese: account.type.nameVietnamese)),
                                   .text(account.currency.code), account.parentCode.map(ReportCell.text) ?? .empty,
                                   account.closedOn.map(ReportCell.date) ?? .empty])
            }
            return Report(key: "accounts", title: LocalizedText("Chart of accounts", "Hệ thống tài khoản"), fundName: fundName,
                          tables: [table], generatedAt: Timestamp.now(), headSeq: head.seq, headHash: head.digest)
        }
    }

    /// The recorded exchange rates as a report.
    public func ratesReport(currency: Currency? = nil) throws -> Report {
        try read {
            let head = try stateHead()
            var table = ReportTable(key: "rates", columns: [
                ReportColumn("currency", LocalizedText("Currency", "Tiền tệ"), .text),
                ReportColumn("date", LocalizedText("Date", "Ngày"), .date),
                ReportColumn("rate", LocalizedText("VND per unit", "VND/đơn vị"), .text),
                ReportColumn("source", LocalizedText("Source", "Nguồn"), .text),
                ReportColumn("recorded_by", LocalizedText("Recorded by", "Người ghi"), .text),
            ])
            for rate in try exchangeRates(currency: currency) {
                table.rows.append([.text(rate.currency.code), .date(rate.date), .localized(LocalizedText(english: MoneyFormat.english.rate(rate.rate), vietnamese: MoneyFormat.vietnamese.rate(rate.rate))), .text(rate.source), .text(rate.recordedBy)])
            }
            return Report(key: "rates", title: LocalizedText("Exchange rates", "Tỷ giá"), fundName: fundName,
                          tables: [table], generatedAt: Timestamp.now(), headSeq: head.seq, headHash: head.digest)
        }
    }
}

extension Ledger {
    private func listing(_ key: String, _ title: LocalizedText, columns: [ReportColumn], rows: [[ReportCell]]) throws -> Report {
        let head = try stateHead()
        return Report(key: key, title: title, fundName: fundName, tables: [ReportTable(key: key, columns: columns, rows: rows)],
                      generatedAt: Timestamp.now(), headSeq: head.seq, headHash: head.digest)
    }

    /// The funders as a report.
    public func fundersReport() throws -> Report {
        try read {
            try listing("funders", LocalizedText("Funders", "Nhà tài trợ"), columns: [
                ReportColumn("code", LocalizedText("Code", "Mã"), .text), ReportColumn("name", LocalizedText("Name", "Tên"), .text),
                ReportColumn("kind", LocalizedText("Kind", "Loại"), .text), ReportColumn("currency", LocalizedText("Currency", "Tiền tệ"), .text),
                ReportColumn("country", LocalizedText("Country", "Quốc gia"), .text),
            ], rows: try funders().map {
                [.text($0.code), .text($0.name), .localized(LocalizedText(english: $0.kind.rawValue, vietnamese: $0.kind.nameVietnamese)), .text($0.currency.code),
                 $0.country.map(ReportCell.text) ?? .empty]
            })
        }
    }

    /// The programs as a report.
    public func programsReport() throws -> Report {
        try read {
            try listing("programs", LocalizedText("Programs", "Chương trình"), columns: [
                ReportColumn("code", LocalizedText("Code", "Mã"), .text), ReportColumn("name", LocalizedText("Name", "Tên"), .text),
                ReportColumn("expense_account", LocalizedText("Expense account", "TK chi"), .text),
            ], rows: try programs().map {
                [.text($0.code), .localized(LocalizedText(english: $0.nameEnglish, vietnamese: $0.nameVietnamese)), $0.expenseAccountCode.map(ReportCell.text) ?? .empty]
            })
        }
    }

    /// The org units as a report, with their windows and mergers.
    public func unitsReport() throws -> Report {
        try read {
            let units = try self.units()
            return try listing("units", LocalizedText("Org units", "Đơn vị hành chính"), columns: [
                ReportColumn("code", LocalizedText("Code", "Mã"), .text), ReportColumn("name", LocalizedText("Name", "Tên"), .text),
                ReportColumn("level", LocalizedText("Level", "Cấp"), .text), ReportColumn("parent", LocalizedText("Parent", "Trực thuộc"), .text),
                ReportColumn("from", LocalizedText("From", "Từ ngày"), .date), ReportColumn("to", LocalizedText("To", "Đến ngày"), .date),
                ReportColumn("merged_into", LocalizedText("Merged into", "Sáp nhập vào"), .text),
            ], rows: units.values.sorted { $0.code < $1.code }.map { unit in
                [.text(unit.code), .text(unit.name), .text(unit.level.rawValue), unit.parentID.flatMap { units[$0]?.code }.map(ReportCell.text) ?? .empty,
                 unit.effectiveFrom.map(ReportCell.date) ?? .empty, unit.effectiveTo.map(ReportCell.date) ?? .empty,
                 unit.mergedIntoID.flatMap { units[$0]?.code }.map(ReportCell.text) ?? .empty]
            })
        }
    }

    /// The goods items as a report.
    public func goodsItemsReport() throws -> Report {
        try read {
            try listing("items", LocalizedText("Goods items", "Hàng hóa, hiện vật"), columns: [
                ReportColumn("code", LocalizedText("Code", "Mã"), .text), ReportColumn("name", LocalizedText("Name", "Tên"), .text),
                ReportColumn("unit", LocalizedText("Unit", "Đơn vị tính"), .text),
            ], rows: try goodsItems().map { [.text($0.code), .localized(LocalizedText(english: $0.nameEnglish, vietnamese: $0.nameVietnamese)), .text($0.unit)] })
        }
    }

    /// The plans of a year as a report.
    public func plansReport(year: Int?) throws -> Report {
        try read {
            try listing("plans", LocalizedText("Plans", "Kế hoạch"), columns: [
                ReportColumn("year", LocalizedText("Year", "Năm"), .text), ReportColumn("program", LocalizedText("Program", "Chương trình"), .text),
                ReportColumn("source", LocalizedText("Source", "Nguồn"), .text), ReportColumn("amount_vnd", LocalizedText("Amount", "Số tiền"), .dong),
            ], rows: try plans(year: year).map {
                [.text(String($0.year)), .text($0.programCode ?? "*"), .text($0.source?.rawValue ?? "*"), .dong($0.amountDong)]
            })
        }
    }
}
