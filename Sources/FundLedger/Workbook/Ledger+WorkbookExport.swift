/// What `Ledger.exportWorkbook` wrote.
public struct WorkbookExportSummary: Sendable, Equatable {
    public let entryCount: Int
    /// Rows of figures, one per line (and one per entry without lines), headers not counted.
    public let rowCount: Int
    /// The sheets, in order: one, and a continuation whenever a sheet is full.
    public let sheetNames: [String]
}

extension Ledger {
    /// Writes the whole journal as a workbook: the rows and columns of the CSV export
    /// (`JournalListing.csvColumns`, one row per line), as typed cells, from one snapshot of
    /// the books, entry by entry: memory holds one entry and the writer's buffers, whatever
    /// the ledger's size. Beneficiary codes are never written, and entries' hashes only when
    /// the CSV export shows them.
    ///
    /// The sheet is "Sổ nhật ký" (Vietnamese) or "Journal" (English), its first row the column
    /// titles in that language, kept in view when scrolling. A sheet holds 1,048,576 rows; a
    /// larger journal continues on "Sổ nhật ký (2)" and so on, each with its header row.
    ///
    /// - Parameter createdAt: when the workbook is made. The default is now.
    /// - Throws: `LedgerError.invalidInput` when the file cannot be written,
    ///   `LedgerError.overflow` when the workbook would reach 4 GiB (a row takes about 1.1 KB,
    ///   so at about 3.8 million lines); no file is left at `path` then.
    @discardableResult
    public func exportWorkbook(to path: String, language: Language, createdAt: Timestamp = .now()) throws -> WorkbookExportSummary {
        try exportWorkbook(to: path, language: language, createdAt: createdAt, rowCountLimit: WorkbookWriter.rowCountMax)
    }

    /// `exportWorkbook`, with sheets of at most `rowCountLimit` rows (tests show the
    /// continuation sheets without writing a million rows).
    func exportWorkbook(to path: String, language: Language, createdAt: Timestamp, rowCountLimit: Int) throws -> WorkbookExportSummary {
        try read {
            let listing = try JournalListing(ledger: self, language: language)
            let title = JournalWorkbook.sheetTitle(language)
            let workbook = try WorkbookWriter(path: path, language: language, title: "\(title) — \(fundName)", createdAt: createdAt,
                                              rowCountLimit: rowCountLimit)
            let header = JournalWorkbook.columns.map { WorkbookCell.text($0.title(language)) }
            func beginSheet() throws {
                try workbook.beginSheet(title)
                try workbook.appendRow(header, style: .header)
            }
            try beginSheet()
            var entryCount = 0
            var rowCount = 0
            try forEachEntry { entry in
                entryCount += 1
                for row in listing.workbookRows(entry) {
                    if workbook.rowCount == rowCountLimit { try beginSheet() }
                    try workbook.appendRow(row)
                    rowCount += 1
                }
            }
            try workbook.finish()
            return WorkbookExportSummary(entryCount: entryCount, rowCount: rowCount, sheetNames: workbook.sheetNamesWritten)
        }
    }
}

/// The journal sheet's columns: the CSV export's, titled for people.
enum JournalWorkbook {
    static func sheetTitle(_ language: Language) -> String { language == .vietnamese ? "Sổ nhật ký" : "Journal" }

    /// In the order of `JournalListing.csvColumns`, key by key.
    static let columns: [(key: String, title: LocalizedText)] = [
        ("entry", LocalizedText("Entry", "Bút toán")), ("date", LocalizedText("Date", "Ngày")),
        ("memo", LocalizedText("Memo", "Diễn giải")), ("ref", LocalizedText("Reference", "Số chứng từ")),
        ("account", LocalizedText("Account", "Tài khoản")), ("debit", LocalizedText("Debit", "Nợ")),
        ("credit", LocalizedText("Credit", "Có")), ("currency", LocalizedText("Currency", "Tiền tệ")),
        ("vnd", LocalizedText("In VND", "Quy đổi VND")), ("rate", LocalizedText("Rate", "Tỷ giá")),
        ("rate_source", LocalizedText("Rate source", "Nguồn tỷ giá")), ("rate_date", LocalizedText("Rate date", "Ngày tỷ giá")),
        ("funder", LocalizedText("Funder", "Nhà tài trợ")), ("grant", LocalizedText("Grant", "Khoản tài trợ")),
        ("program", LocalizedText("Program", "Chương trình")), ("unit", LocalizedText("Unit", "Địa bàn")),
        ("item", LocalizedText("Item", "Hàng hóa")), ("quantity", LocalizedText("Quantity", "Số lượng")),
        ("children", LocalizedText("Child-instances", "Lượt trẻ em")), ("line_memo", LocalizedText("Line memo", "Diễn giải dòng")),
        ("restriction", LocalizedText("Restriction", "Hạn chế")), ("kind", LocalizedText("Kind", "Loại")),
        ("line_no", LocalizedText("Line", "Dòng")), ("posted_by", LocalizedText("Posted by", "Người ghi")),
        ("posted_at", LocalizedText("Posted at (UTC)", "Thời điểm ghi (UTC)")), ("approved_by", LocalizedText("Approved by", "Người duyệt")),
        ("reverses", LocalizedText("Reverses entry", "Đảo bút toán")), ("hash", LocalizedText("Hash", "Mã băm")),
    ]
}

extension JournalListing {
    /// An entry's rows of the journal sheet: those `csv(_:)` writes, field by field, typed.
    /// Amounts are exact decimals in their currency beside its code; dong, quantities and
    /// counts are numbers; dates are dates; codes and times are text.
    func workbookRows(_ entry: JournalEntry) -> [[WorkbookCell]] {
        func text(_ value: String?) -> WorkbookCell { value.map { $0.isEmpty ? .empty : .text($0) } ?? .empty }
        let header: [WorkbookCell] = [.identifier(entry.seq), .date(entry.date), text(entry.memo), text(entry.externalRef)]
        var audit: [WorkbookCell] = [text(entry.kind.rawValue), .empty, text(entry.postedBy), .text(entry.postedAt.iso), text(entry.approvedBy),
                                     entry.reversesSeq.map(WorkbookCell.identifier) ?? .empty, text(shownHash(entry))]
        guard !entry.lines.isEmpty else {
            return [header + Array(repeating: .empty, count: JournalWorkbook.columns.count - header.count - audit.count) + audit]
        }
        return entry.lines.map { line in
            let magnitude = line.foreign.map { Amount(minorUnits: abs($0.amount.minorUnits), currency: $0.amount.currency) } ?? .vnd(abs(line.amountDong))
            let amount = WorkbookCell.decimal(magnitude.minorUnits, exponent: magnitude.currency.exponent)
            audit[1] = .identifier(Int64(line.lineNumber))
            let fields: [WorkbookCell] = [
                .text(line.account.code), line.amountDong > 0 ? amount : .empty, line.amountDong < 0 ? amount : .empty,
                .text(magnitude.currency.code), .integer(abs(line.amountDong)),
                line.foreign.map { .plainDecimal($0.rate.scaledValue, exponent: $0.rate.scale) } ?? .empty,
                text(line.foreign?.rateSource), line.foreign.map { .date($0.rateDate) } ?? .empty,
                text(line.funder?.code), text(line.grant?.code), text(line.program?.code), text(line.unit?.code),
                text(line.item?.code), line.quantity.map { .integer(abs($0)) } ?? .empty, line.children.map { .integer(abs($0)) } ?? .empty,
                text(line.memo), .text(line.restriction.rawValue),
            ]
            return header + fields + audit
        }
    }
}
