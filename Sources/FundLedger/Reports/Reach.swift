import ReportQueries

/// How reach is grouped: by program, by unit, and by a period.
public struct ReachGrouping: Sendable, Equatable {
    public var byProgram = true
    public var byUnit = false
    /// `month`, `quarter`, `year`, or `nil` for the whole period.
    public var period: String?

    public init(byProgram: Bool = true, byUnit: Bool = false, period: String? = nil) {
        self.byProgram = byProgram
        self.byUnit = byUnit
        self.period = period
    }

    /// Parses `program,unit,quarter`: any of program, unit, month, quarter, year.
    public static func parse(_ text: String) throws -> ReachGrouping {
        var grouping = ReachGrouping(byProgram: false)
        for word in text.split(separator: ",").map(String.init) {
            switch word {
            case "program": grouping.byProgram = true
            case "unit": grouping.byUnit = true
            case "month", "quarter", "year":
                guard grouping.period == nil else { throw LedgerError(.invalidInput, LocalizedText("group by one period at most", "chỉ nhóm theo tối đa một loại kỳ"), hint: LocalizedText("e.g. \(parameter: .groupBy, "program,quarter")", "ví dụ \(parameter: .groupBy, "program,quarter")")) }
                grouping.period = word
            default:
                throw LedgerError(.invalidInput, LocalizedText("cannot group reach by '\(word)'", "không nhóm lượt trẻ em theo '\(word)' được"),
                                  hint: LocalizedText("group by program, unit, month, quarter or year, e.g. \(parameter: .groupBy, "program,unit")", "hãy nhóm theo program, unit, month, quarter hoặc year, ví dụ \(parameter: .groupBy, "program,unit")"))
            }
        }
        return grouping
    }
}

extension Ledger {
    /// Beneficiary reach (số lượt trẻ em được hỗ trợ): child-instances and spending by
    /// program, unit and period (reports/reach.sql). Published, so its counts are shown as `PublishedCount` does.
    public func reachReport(from: LedgerDate, to: LedgerDate, grouping: ReachGrouping) throws -> Report {
        try read {
            var columns: [ReportColumn] = []
            if grouping.period != nil { columns.append(ReportColumn("period", LocalizedText("Period", "Kỳ"), .text)) }
            if grouping.byProgram { columns.append(ReportColumn("program", LocalizedText("Program", "Chương trình"), .text)) }
            if grouping.byUnit { columns.append(ReportColumn("unit", LocalizedText("Unit", "Địa bàn"), .text)) }
            columns += [ReportColumn("children", LocalizedText("Child-instances", "Lượt trẻ em"), .count),
                        ReportColumn("spent_vnd", LocalizedText("Spent", "Số tiền"), .dong)]
            var table = ReportTable(key: "reach", columns: columns)
            // Periods in time order, then programs and places by name in the reader's language.
            table.orderedBy = Array(0..<(columns.count - 2))
            var totals = (children: Int64(0), spent: Int64(0))
            var byProgram: [(LocalizedText, Int64)] = []
            try withReportPeriod(PeriodSpans(from: from, to: to)) {
                try database.forEachRow(ReportQueries.reach, named: [":by_program": grouping.byProgram, ":by_unit": grouping.byUnit, ":by_period": grouping.period ?? ""]) { row in
                    var cells: [ReportCell] = []
                    if let period = grouping.period { cells.append(.text(Ledger.periodLabel(row.int64(at: 5), period))) }
                    // Spending outside any program that reached no child (management costs) is
                    // not reach; its money is in the statement of activities.
                    guard !row.text(at: 0).isEmpty || row.int64(at: 6) != 0 else { return }
                    let program = row.text(at: 0).isEmpty ? LocalizedText("(no program)", "(không theo chương trình)")
                                                          : LocalizedText(english: row.text(at: 1), vietnamese: row.text(at: 2))
                    if grouping.byProgram { cells.append(.localized(program)) }
                    if grouping.byUnit { cells.append(.text(row.text(at: 4).isEmpty ? row.text(at: 3) : "\(row.text(at: 3)) \(row.text(at: 4))")) }
                    cells += [.children(row.int64(at: 6)), .dong(row.int64(at: 7))]
                    table.rows.append(cells)
                    totals.children += row.int64(at: 6)
                    totals.spent += row.int64(at: 7)
                    if grouping.byProgram {
                        if let index = byProgram.firstIndex(where: { $0.0 == program }) { byProgram[index].1 += row.int64(at: 6) } else { byProgram.append((program, row.int64(at: 6))) }
                    }
                }
            }
            table.totals = Array(repeating: ReportCell.empty, count: columns.count - 2) + [.children(totals.children), .dong(totals.spent)]
            table.totals![0] = columns.count > 2 ? .localized(LocalizedText("Total", "Tổng cộng")) : table.totals![0]
            // The chart shows who was reached, most first; spending that reached no child
            // (management costs) stays in the table.
            let reached = byProgram.filter { $0.1 > 0 }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.english < $1.0.english }
            let charts = reached.isEmpty ? [] : [ReportChart(title: LocalizedText("Child-instances by program", "Lượt trẻ em theo chương trình"),
                                                             labels: reached.map(\.0), series: [.init(name: LocalizedText("Child-instances", "Lượt trẻ em"), values: reached.map(\.1))],
                                                             valueKind: .count)]
            return try makeReport(key: "reach", title: LocalizedText("Beneficiary reach", "Số lượt trẻ em được hỗ trợ"),
                                  parameters: Ledger.periodParameters(from, to), tables: [table],
                                  notes: [LocalizedText("A child helped once counts one child-instance (lượt trẻ em). ", "Mỗi lần hỗ trợ một trẻ tính là một lượt. ") + SmallCounts.note],
                                  charts: charts, isPublic: true)
        }
    }

    /// `2018`, `2018-Q3`, `2018-07` from the period key reports/reach.sql returns.
    static func periodLabel(_ key: Int64, _ period: String) -> String {
        switch period {
        case "month": return "\(key / 100)-\(key % 100 < 10 ? "0" : "")\(key % 100)"
        case "quarter": return "\(key / 10)-Q\(key % 10)"
        default: return String(key)
        }
    }
}
