import FundLedger

extension Report {
    /// The report in the chosen format and language.
    func rendered(_ format: ReportFormat, language: Language) -> String {
        // CSV and JSON are for machines and the same in both languages (English text, English order).
        let report = inReadingOrder(format == .csv || format == .json ? .english : language)
        return switch format {
        case .table: TextTableRenderer(language: language).render(report)
        case .csv: CSVRenderer().render(report)
        case .json: JSONRenderer().render(report)
        case .html: HTMLRenderer(language: language).render(report)
        }
    }
}
