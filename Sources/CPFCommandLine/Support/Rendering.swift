import FundLedger

extension Report {
    /// The report in the chosen format and language.
    func rendered(_ format: ReportFormat, language: Language) -> String {
        // CSV and JSON are for machines and the same in both languages (English text, English order).
        let report = inReadingOrder(format == .csv || format == .json ? .english : language)
        return switch format {
        case .table: TextTableRenderer(language: language, vocabulary: .commandLine).render(report)
        case .csv: CSVRenderer().render(report)
        case .json: JSONRenderer().render(report)
        case .html: HTMLRenderer(language: language, vocabulary: .commandLine).render(report)
        // A workbook is binary and goes to a file: `CommandContext.emit` writes it.
        case .xlsx: ""
        }
    }
}

extension CommandContext {
    /// Writes a report as the command line asked: to standard output, or with `--output FILE`
    /// into that new file; `--format xlsx` writes a workbook, always to a file.
    func emit(_ report: Report, _ format: ReportFormat, language: Language) throws {
        guard format == .xlsx else { return writeOutput(report.rendered(format, language: language)) }
        guard let path = outputPath else {
            throw UsageError(LocalizedText("--format xlsx writes a workbook file: give --output FILE.xlsx",
                                           "--format xlsx ghi ra tệp bảng tính: hãy ghi --output TỆP.xlsx"))
        }
        try OutputFile.refuseExisting(path)
        try ReportWorkbook.write(report.inReadingOrder(language), language: language, to: path, vocabulary: .commandLine)
        say(LocalizedText("Wrote \(path).", "Đã ghi \(path)."))
    }
}
