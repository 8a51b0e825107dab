/// Renders a report as aligned plain text for a terminal: a title, the parameters, each
/// table with right-aligned numbers and a totals row, and — on a document that leaves the
/// fund (donor statement, reach, disclosure) — the chain head, so its reader can later check
/// the books (`Report.verificationText`), as the HTML footer says.
public struct TextTableRenderer {
    public let language: Language
    /// How the notes and the check name what the reader does. The default is
    /// `NeutralVocabulary`.
    public let vocabulary: any ReferenceVocabulary

    public init(language: Language, vocabulary: any ReferenceVocabulary = NeutralVocabulary()) {
        self.language = language
        self.vocabulary = vocabulary
    }

    public func render(_ report: Report) -> String {
        let format = MoneyFormat(language: language)
        var output = "\(report.title(language)) — \(report.fundName)\n"
        for parameter in report.parameters {
            output += "\(parameter.label(language)): \(parameter.value.displayText(format, isPublic: report.isPublic))\n"
        }
        if let unit = report.unitLine { output += unit(language) + "\n" }
        for table in report.tables {
            output += "\n"
            if let title = table.title { output += "\(title(language))\n" }
            output += render(table, format: format, isPublic: report.isPublic)
        }
        for note in report.notes { output += "\n\(note.rendered(with: vocabulary)(language))" }
        if !report.notes.isEmpty { output += "\n" }
        if let text = report.digestText {
            output += "\n\(text.rendered(with: vocabulary)(language))\n"
        } else if report.isPublic {
            let digest = report.headHash.hexString
            output += language == .vietnamese
                ? "\nMã xác thực sổ (bút toán \(report.headSeq)): \(digest)\n"
                : "\nLedger digest (entry \(report.headSeq)): \(digest)\n"
            output += report.verificationText.rendered(with: vocabulary)(language) + "\n"
        }
        return output
    }

    func render(_ table: ReportTable, format: MoneyFormat, isPublic: Bool) -> String {
        let header = table.columns.map { $0.title(language) }
        // A table is read on a terminal: a control character that tampering put in a stored
        // text is shown escaped, never sent.
        let body = table.rows.map { $0.map { TextRules.escapingControls($0.displayText(format, isPublic: isPublic)) } }
        let totals = table.totals.map { $0.map { TextRules.escapingControls($0.displayText(format, isPublic: isPublic)) } }
        var widths = header.map(\.count)
        for row in body + (totals.map { [$0] } ?? []) {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
                let aligned = table.columns[index].isNumeric ? padding + cell : cell + padding
                text += (index == 0 ? "" : "  ") + aligned
            }
            return String(text.reversed().drop(while: { $0 == " " }).reversed()) + "\n"
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        var output = line(header) + rule
        for row in body { output += line(row) }
        if table.rows.isEmpty { output += language == .vietnamese ? "(không có dòng nào)\n" : "(no rows)\n" }
        if let totals { output += rule + line(totals) }
        return output
    }
}
