/// Renders a report as one self-contained HTML file: inline CSS, printable on A4, in the
/// chosen language, with the fund's name, what the report covers, when it was made and the
/// chain digest in the footer. Beneficiary codes are never part of a `Report`, so they cannot
/// reach the page.
public struct HTMLRenderer {
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
        var html = """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8"/>
        <title>\(HTMLRenderer.escape(report.title(language))) — \(HTMLRenderer.escape(report.fundName))</title>
        <style>\(HTMLRenderer.css)\(report.isLandscape ? HTMLRenderer.landscapeCSS : "")</style>
        </head>
        <body>
        <header><p class="fund">\(HTMLRenderer.escape(report.fundName))</p><h1>\(HTMLRenderer.escape(report.title(language)))</h1>

        """
        if !report.parameters.isEmpty {
            html += "<p class=\"parameters\">"
            html += report.parameters.map {
                "\(HTMLRenderer.escape($0.label(language))): <strong>\(HTMLRenderer.escape($0.value.displayText(format, isPublic: report.isPublic)))</strong>"
            }.joined(separator: " · ")
            html += "</p>\n"
        }
        if let unit = report.unitLine { html += "<p class=\"unit\">\(HTMLRenderer.escape(unit(language)))</p>\n" }
        html += "</header>\n<main>\n"
        for table in report.tables { html += render(table, format: format, isPublic: report.isPublic) }
        for chart in report.charts { html += "<figure>\(SVGChart(chart: chart, format: format, isPublic: report.isPublic).render())</figure>\n" }
        for note in report.notes { html += "<p class=\"note\">\(HTMLRenderer.escape(note.rendered(with: vocabulary)(language)))</p>\n" }
        html += "</main>\n" + footer(report) + "</body>\n</html>\n"
        return html
    }

    private func render(_ table: ReportTable, format: MoneyFormat, isPublic: Bool) -> String {
        var html = "<section>\n"
        if let title = table.title { html += "<h2>\(HTMLRenderer.escape(title(language)))</h2>\n" }
        html += table.columns.count > 10 ? "<table class=\"wide widest\">\n<thead><tr>"
            : table.columns.count > 6 ? "<table class=\"wide\">\n<thead><tr>" : "<table>\n<thead><tr>"
        for column in table.columns {
            html += "<th\(HTMLRenderer.cellClass(column))>\(HTMLRenderer.escape(column.title(language)))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows { html += self.row(row, table: table, format: format, isPublic: isPublic, tag: "td") }
        if table.rows.isEmpty {
            html += "<tr><td colspan=\"\(table.columns.count)\">\(language == .vietnamese ? "Không có dòng nào" : "No rows")</td></tr>\n"
        }
        html += "</tbody>\n"
        if let totals = table.totals {
            html += "<tfoot>\n" + row(totals, table: table, format: format, isPublic: isPublic, tag: "td") + "</tfoot>\n"
        }
        return html + "</table>\n</section>\n"
    }

    private func row(_ cells: [ReportCell], table: ReportTable, format: MoneyFormat, isPublic: Bool, tag: String) -> String {
        var html = "<tr>"
        for (column, cell) in zip(table.columns, cells) {
            let text = HTMLRenderer.escape(cell.displayText(format, isPublic: isPublic))
            html += "<\(tag)\(HTMLRenderer.cellClass(column))>\(text)</\(tag)>"
        }
        return html + "</tr>\n"
    }

    private func footer(_ report: Report) -> String {
        let generated = language == .vietnamese ? "Lập lúc" : "Generated"
        let digest = language == .vietnamese ? "Mã xác thực sổ (bút toán" : "Ledger digest (entry"
        let check = report.verificationText.rendered(with: vocabulary)(language)
        return """
        <footer>
        <p>\(HTMLRenderer.escape(report.fundName)) · \(report.parameters.map { HTMLRenderer.escape($0.value.displayText(MoneyFormat(language: language), isPublic: report.isPublic)) }.joined(separator: " · ")) · \(generated) \(generatedAt(report.generatedAt))</p>
        \(report.digestText.map { "<p class=\"check\">\(HTMLRenderer.escape($0.rendered(with: vocabulary)(language)))</p>" }
            ?? "<p>\(digest) \(report.headSeq)): <code>\(report.headHash.hexString)</code></p>\n<p class=\"check\">\(HTMLRenderer.escape(check))</p>")
        </footer>

        """
    }

    /// When the report was made, to the second, with its zone named: in Vietnamese the local
    /// time of Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year), `02/12/2026 05:27:35 (giờ Việt Nam,
    /// UTC+7)`; in English UTC, `2026-12-01 22:27:35 UTC`. The exact moment is in the
    /// `datetime` attribute.
    private func generatedAt(_ time: Timestamp) -> String {
        let shown = language == .vietnamese ? Timestamp(millisecondsSinceEpoch: time.millisecondsSinceEpoch + 7 * 3_600_000) : time
        let clock = shown.iso.dropFirst(11).prefix(8)
        let zone = language == .vietnamese ? "(giờ Việt Nam, UTC+7)" : "UTC"
        return "<time datetime=\"\(time.iso)\">\(MoneyFormat(language: language).format(shown.date)) \(clock) \(zone)</time>"
    }

    static func cellClass(_ column: ReportColumn) -> String {
        column.isNumeric ? " class=\"number\"" : column.kind == .date ? " class=\"date\"" : ""
    }

    /// Escapes text for HTML content and attribute values.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    static let css = """
    @page { size: A4; margin: 16mm 14mm; }
    body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #1d2430; margin: 0 auto; max-width: 182mm; }
    header { border-bottom: 2px solid #1f5f8b; margin-bottom: 10px; }
    .fund { color: #1f5f8b; font-weight: 600; margin: 8px 0 0; }
    h1 { font-size: 17pt; margin: 2px 0 6px; }
    h2 { font-size: 12.5pt; margin: 16px 0 6px; color: #1f5f8b; }
    .parameters { margin: 0 0 4px; color: #444; }
    .parameters strong { white-space: nowrap; }
    .unit { margin: 0 0 8px; color: #444; font-size: 9.5pt; font-style: italic; }
    table { border-collapse: collapse; width: 100%; margin-bottom: 8px; page-break-inside: auto; font-size: 9.5pt; }
    tr { page-break-inside: avoid; }
    th, td { padding: 3px 6px; border-bottom: 1px solid #d8dde4; text-align: left; vertical-align: top; }
    th { background: #eef3f7; font-weight: 600; }
    td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
    td.number { white-space: nowrap; }
    td.date { white-space: nowrap; }
    table.wide { font-size: 8pt; }
    table.wide th, table.wide td { padding: 2px 3px; }
    table.widest { font-size: 7.5pt; }
    table.wide td:first-child { white-space: nowrap; }
    tfoot td { font-weight: 700; border-top: 2px solid #1d2430; }
    figure { margin: 12px 0; page-break-inside: avoid; }
    .note { color: #444; font-size: 9.5pt; }
    footer { margin-top: 18px; border-top: 1px solid #aab4c0; font-size: 8.5pt; color: #555; }
    footer code { font-size: 8pt; word-break: break-all; }
    footer time { white-space: nowrap; }
    """

    /// For reports whose tables need the width of an A4 page turned sideways (297 mm less the margins).
    static let landscapeCSS = """

    @page { size: A4 landscape; }
    body { max-width: 269mm; }
    table.wide td { white-space: nowrap; }
    figure svg { max-width: 100%; height: auto; }
    """
}
