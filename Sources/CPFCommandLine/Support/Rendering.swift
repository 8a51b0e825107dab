import FundLedger

extension Report {
    /// The report in the chosen format and language.
    func rendered(_ format: ReportFormat, language: Language) -> String {
        switch format {
        case .table: TextTableRenderer(language: language).render(self)
        case .csv: CSVRenderer().render(self)
        case .json: JSONRenderer().render(self)
        case .html: HTMLRenderer(language: language).render(self)
        }
    }
}
