import ReportQueries

extension Ledger {
    /// Plan versus actual (kế hoạch và thực hiện) for a year or a run of years: every plan
    /// against what was spent (reports/plan-vs-actual.sql), with the percentage achieved —
    /// e.g. 96,245,000,000 VND spent against a 35,000,000,000 VND plan is 275.0 %.
    public func planVersusActualReport(fromYear: Int, toYear: Int) throws -> Report {
        try read {
            let programs = Dictionary(try self.programs().map { ($0.code, LocalizedText(english: $0.nameEnglish, vietnamese: $0.nameVietnamese)) }, uniquingKeysWith: { first, _ in first })
            var table = ReportTable(key: "plans", columns: [
                ReportColumn("program", LocalizedText("Program", "Chương trình"), .text), ReportColumn("source", LocalizedText("Source", "Nguồn"), .text),
                ReportColumn("plan_vnd", LocalizedText("Plan", "Kế hoạch"), .dong), ReportColumn("actual_vnd", LocalizedText("Actual", "Thực hiện"), .dong),
                ReportColumn("percent", LocalizedText("Achieved", "Tỷ lệ đạt"), .percent),
            ])
            var chartLabels: [LocalizedText] = []
            var plans: [Int64] = []
            var actuals: [Int64] = []
            let spans = PeriodSpans(from: LedgerDate.firstOf(year: fromYear), to: LedgerDate.lastOf(year: toYear))
            try withReportPeriod(spans) {
                try database.forEachRow(ReportQueries.planVersusActual, named: [":from_year": fromYear, ":to_year": toYear]) { row in
                    let programCode = row.text(at: 0)
                    let program = programCode.isEmpty ? LocalizedText("All programs", "Tất cả chương trình") : programs[programCode] ?? LocalizedText(verbatim: programCode)
                    let source = row.text(at: 1).isEmpty ? LocalizedText("All sources", "Tất cả nguồn") : FunderKind.localizedSource(row.text(at: 1))
                    let plan = row.int64(at: 2)
                    let actual = row.int64(at: 3)
                    table.rows.append([.localized(program), .localized(source), .dong(plan), .dong(actual), .percent(part: actual, whole: plan)])
                    chartLabels.append(row.text(at: 1).isEmpty ? program : LocalizedText("\(program.english) · \(source.english)", "\(program.vietnamese) · \(source.vietnamese)"))
                    plans.append(plan)
                    actuals.append(actual)
                }
            }
            let chart = ReportChart(title: LocalizedText("Plan and actual", "Kế hoạch và thực hiện"), labels: chartLabels,
                                    series: [.init(name: LocalizedText("Plan", "Kế hoạch"), values: plans), .init(name: LocalizedText("Actual", "Thực hiện"), values: actuals)],
                                    valueKind: .dong)
            let years = fromYear == toYear ? String(fromYear) : "\(fromYear)–\(toYear)"
            return try makeReport(key: "plan-vs-actual", title: LocalizedText("Plan versus actual", "Kế hoạch và thực hiện"),
                                  parameters: [(LocalizedText("Years", "Năm"), .text(years))], tables: [table],
                                  notes: [LocalizedText("Actual is spending: net debits of expense accounts, of the program and paid from the source a plan names.",
                                                        "Thực hiện là số đã chi của chương trình và nguồn mà kế hoạch nêu.")],
                                  charts: chartLabels.isEmpty ? [] : [chart])
        }
    }
}
