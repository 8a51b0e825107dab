/// A report as an Excel workbook: one sheet per table, in the report's language.
///
/// Each sheet starts as the HTML page does: the report's title, the fund, the parameters
/// (`label: value`), the unit line, the table's title when the report has several, and the
/// digest line (`Ledger digest (entry N): hash`) anyone can check with `cpf verify --digest`.
/// Then the table: the header row (it and the rows above stay in view when scrolling), the
/// rows, and the totals row in bold. The notes follow the table on the first sheet.
///
/// Cells keep their type: dong and counts are numbers with the dong format, an amount is a
/// number in its currency's decimals with its code in the number format (`10.000,00 USD`),
/// dates are dates, percentages are percentages, text is text. A count of children a public
/// report masks is the text it shows ("<5", "(ẩn)"), never the true count.
public enum ReportWorkbook {
    /// Writes `report` as a workbook at `path`, replacing any file there once it is complete.
    ///
    /// - Parameter createdAt: when the workbook is made. The default is the report's
    ///   `generatedAt`, so the same report gives the same file.
    /// - Parameter vocabulary: how the notes name what the reader does. The default is
    ///   `NeutralVocabulary`.
    /// - Throws: `LedgerError.invalidInput` when the file cannot be written,
    ///   `LedgerError.overflow` when a table has more rows than a sheet holds.
    public static func write(_ report: Report, language: Language, to path: String, createdAt: Timestamp? = nil,
                             vocabulary: any ReferenceVocabulary = NeutralVocabulary()) throws {
        let report = report.rendered(with: vocabulary)
        let workbook = try WorkbookWriter(path: path, language: language, title: report.title(language),
                                          createdAt: createdAt ?? report.generatedAt)
        let format = MoneyFormat(language: language)
        for (index, table) in report.tables.enumerated() {
            let sheetTitle = report.tables.count > 1 ? table.title.map { $0(language) } ?? table.key : report.title(language)
            try workbook.beginSheet(sheetTitle)
            try writeHeading(report, table: table, language: language, format: format, to: workbook)
            try writeTable(table, report: report, language: language, to: workbook)
            if index == 0 { try writeNotes(report, language: language, to: workbook) }
        }
        if report.tables.isEmpty {
            try workbook.beginSheet(report.title(language))
            try writeHeading(report, table: nil, language: language, format: format, to: workbook)
            try writeNotes(report, language: language, to: workbook)
        }
        try workbook.finish()
    }

    private static func writeHeading(_ report: Report, table: ReportTable?, language: Language, format: MoneyFormat,
                                     to workbook: WorkbookWriter) throws {
        try workbook.appendRow([.text(report.title(language))], style: .title)
        try workbook.appendRow([.text(report.fundName)], style: .caption)
        for parameter in report.parameters {
            try workbook.appendRow([.text("\(parameter.label(language)): \(parameter.value.displayText(format, isPublic: report.isPublic))")], style: .caption)
        }
        if let unit = report.unitLine { try workbook.appendRow([.text(unit(language))], style: .caption) }
        try workbook.appendRow([.text(digestLine(report, language: language))], style: .caption)
        if report.tables.count > 1, let title = table?.title {
            try workbook.appendRow([], style: .caption)
            try workbook.appendRow([.text(title(language))], style: .title)
        }
        try workbook.appendRow([], style: .caption)
    }

    /// The digest the HTML footer gives: the chain's head when the report was made.
    static func digestLine(_ report: Report, language: Language) -> String {
        if let text = report.digestText { return text(language) }
        return language == .vietnamese ? "Mã xác thực sổ (bút toán \(report.headSeq)): \(report.headHash.hexString)"
                                : "Ledger digest (entry \(report.headSeq)): \(report.headHash.hexString)"
    }

    private static func writeTable(_ table: ReportTable, report: Report, language: Language, to workbook: WorkbookWriter) throws {
        try workbook.appendRow(table.columns.map { .text($0.title(language)) }, style: .header)
        for row in table.rows {
            try workbook.appendRow(row.map { cell($0, language: language, isPublic: report.isPublic) }, style: .body)
        }
        if table.rows.isEmpty {
            try workbook.appendRow([.text(language == .vietnamese ? "Không có dòng nào" : "No rows")], style: .caption)
        }
        if let totals = table.totals {
            try workbook.appendRow(totals.map { cell($0, language: language, isPublic: report.isPublic) }, style: .totals)
        }
    }

    private static func writeNotes(_ report: Report, language: Language, to workbook: WorkbookWriter) throws {
        guard !report.notes.isEmpty else { return }
        try workbook.appendRow([], style: .caption)
        for note in report.notes { try workbook.appendRow([.text(note(language))], style: .caption) }
    }

    /// A report cell as a typed workbook cell; what it shows is what the HTML page shows.
    static func cell(_ cell: ReportCell, language: Language, isPublic: Bool) -> WorkbookCell {
        switch cell {
        case .empty: return .empty
        case .text(let text): return .text(text)
        case .localized(let text): return .text(text(language))
        case .dong(let dong): return .integer(dong)
        case .amount(let amount): return .decimal(amount.minorUnits, exponent: amount.currency.exponent, unit: unit(amount.currency, language))
        case .count(let count): return .integer(count)
        case .children(let count): return isPublic ? published(PublishedCount(count), language: language) : .integer(count)
        case .withheldCount: return published(.withheld, language: language)
        case .percent(let part, let whole):
            guard whole != 0 else { return .text("—") }
            // Tenths of a percent, rounded half-even as the other renderers round them.
            let tenths = Rate.divideRoundingHalfEven(Int128(part) * 1000 * (whole < 0 ? -1 : 1), Int128(whole.magnitude))
            return .percent(tenths: Int64(clamping: tenths))
        case .date(let date): return .date(date)
        case .identifier(let number): return .identifier(number)
        }
    }

    /// A masked count: a number when one is shown (0, a multiple of 5), else its text.
    private static func published(_ count: PublishedCount, language: Language) -> WorkbookCell {
        switch count {
        case .zero: return .integer(0)
        case .rounded(let value): return .integer(value)
        case .fewerThanFive, .withheld: return .text(count.text(MoneyFormat(language: language)))
        }
    }

    /// The unit an amount's number format names: `₫` for dong in Vietnamese (as
    /// `MoneyFormat` writes dong), the ISO code otherwise.
    private static func unit(_ currency: Currency, _ language: Language) -> String {
        currency == .vnd && language == .vietnamese ? "₫" : currency.code
    }
}
