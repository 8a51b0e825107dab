/// Draws a `ReportChart` as a self-contained SVG horizontal bar chart: a row per label, a bar
/// per series, the value written at the end of each bar. Small child counts are masked
/// like the tables' cells.
struct SVGChart {
    let chart: ReportChart
    let format: MoneyFormat
    let isPublic: Bool

    static let colors = ["#1f5f8b", "#e39b2f"]
    static let width = 680
    static let labelWidth = 210
    static let barHeight = 16
    static let rowGap = 8

    func render() -> String {
        let language = format.language
        let seriesCount = chart.series.count
        let rowHeight = seriesCount * SVGChart.barHeight + SVGChart.rowGap
        let legendHeight = seriesCount > 1 ? 22 : 0
        let height = 34 + legendHeight + chart.labels.count * rowHeight + 6
        let maximum = max(1, chart.series.flatMap(\.values).map { max(drawn($0), 0) }.max() ?? 1)
        let plotWidth = SVGChart.width - SVGChart.labelWidth - 120
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVGChart.width)\" height=\"\(height)\" viewBox=\"0 0 \(SVGChart.width) \(height)\" role=\"img\" aria-label=\"\(HTMLRenderer.escape(chart.title(language)))\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"11\">\n"
        svg += "<text x=\"0\" y=\"16\" font-size=\"13\" font-weight=\"bold\" fill=\"#1d2430\">\(HTMLRenderer.escape(chart.title(language)))</text>\n"
        if seriesCount > 1 {
            for (index, series) in chart.series.enumerated() {
                let x = SVGChart.labelWidth + index * 150
                svg += "<rect x=\"\(x)\" y=\"26\" width=\"12\" height=\"12\" fill=\"\(SVGChart.colors[index % 2])\"/>"
                svg += "<text x=\"\(x + 16)\" y=\"36\" fill=\"#1d2430\">\(HTMLRenderer.escape(series.name(language)))</text>\n"
            }
        }
        for (row, label) in chart.labels.enumerated() {
            let top = 30 + legendHeight + row * rowHeight
            let text = HTMLRenderer.escape(SVGChart.shortened(label(language), to: 34))
            svg += "<text x=\"\(SVGChart.labelWidth - 8)\" y=\"\(top + seriesCount * SVGChart.barHeight / 2 + 4)\" text-anchor=\"end\" fill=\"#1d2430\">\(text)</text>\n"
            for (index, series) in chart.series.enumerated() {
                let value = series.values[row]
                let length = Int(Int128(max(drawn(value), 0)) * Int128(plotWidth) / Int128(maximum))
                let y = top + index * SVGChart.barHeight
                svg += "<rect x=\"\(SVGChart.labelWidth)\" y=\"\(y)\" width=\"\(max(length, drawn(value) > 0 ? 1 : 0))\" height=\"\(SVGChart.barHeight - 3)\" fill=\"\(SVGChart.colors[index % 2])\"/>"
                svg += "<text x=\"\(SVGChart.labelWidth + length + 5)\" y=\"\(y + SVGChart.barHeight - 5)\" fill=\"#333\">\(HTMLRenderer.escape(valueText(value)))</text>\n"
            }
        }
        return svg + "</svg>"
    }

    /// The length a value is drawn with: in a public chart of counts, what is shown (a count
    /// hidden as "<5" draws nothing), so no bar measures what its label hides.
    private func drawn(_ value: Int64) -> Int64 {
        chart.valueKind == .count && isPublic ? PublishedCount(value).drawnValue : value
    }

    private func valueText(_ value: Int64) -> String {
        switch chart.valueKind {
        case .dong: return format.format(dong: value)
        case .count: return ReportCell.children(value).displayText(format, isPublic: isPublic)
        }
    }

    static func shortened(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
