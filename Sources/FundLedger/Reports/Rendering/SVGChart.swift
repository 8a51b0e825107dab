/// Draws a `ReportChart` as a self-contained SVG horizontal bar chart: a row per label, a bar
/// per series (or the series over one another, `ReportChart.Style.overlaid`), the value written
/// at the end. Labels are never cut short: a long one wraps onto more lines and its row grows.
/// Small child counts are masked like the tables' cells.
struct SVGChart {
    let chart: ReportChart
    let format: MoneyFormat
    let isPublic: Bool

    static let colors = ["#1f5f8b", "#e39b2f", "#5b8c3a", "#8b3a62"]
    /// Palest to darkest, for the overlaid series; the last series is the marker.
    static let overlaidColors = ["#d3e1ec", "#8fb4d1", "#1f5f8b"]
    static let markerColor = "#e39b2f"
    static let barHeight = 16
    static let rowGap = 8
    static let lineHeight = 13
    /// The average advance of a character at 11 px, for placing text without measuring it.
    static let characterWidth = 6.3

    private var width: Int { chart.style == .overlaid ? 900 : 680 }

    /// The label column; a label longer than `labelCharacters` wraps onto more lines.
    private let labelWidth = 210
    static let labelCharacters = 34

    func render() -> String {
        let language = format.language
        let lines = chart.labels.map { SVGChart.wrapped($0(language), characters: SVGChart.labelCharacters) }
        let barsHeight = chart.style == .overlaid ? 12 : chart.series.count * SVGChart.barHeight
        let rowHeights = lines.map { max(barsHeight, $0.count * SVGChart.lineHeight) + (chart.style == .overlaid ? 6 : SVGChart.rowGap) }
        let legendHeight = chart.series.count > 1 ? 22 : 0
        let height = 34 + legendHeight + rowHeights.reduce(0, +) + 6
        let title = HTMLRenderer.escape(chart.title(language))
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(title)\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"11\">\n"
        svg += "<text x=\"0\" y=\"16\" font-size=\"13\" font-weight=\"bold\" fill=\"#1d2430\">\(title)</text>\n"
        svg += legend()
        var top = 30 + legendHeight
        for (row, rowLines) in lines.enumerated() {
            let middle = top + barsHeight / 2
            let firstBaseline = middle - (rowLines.count - 1) * SVGChart.lineHeight / 2 + 4
            for (index, line) in rowLines.enumerated() {
                svg += "<text x=\"\(labelWidth - 8)\" y=\"\(firstBaseline + index * SVGChart.lineHeight)\" text-anchor=\"end\" fill=\"#1d2430\">\(HTMLRenderer.escape(line))</text>\n"
            }
            svg += chart.style == .overlaid ? overlaidBars(row, top: top) : groupedBars(row, top: top)
            top += rowHeights[row]
        }
        return svg + "</svg>"
    }

    private var plotWidth: Int { width - labelWidth - 120 }

    private var maximum: Int64 { max(1, chart.series.flatMap(\.values).map { max(drawn($0), 0) }.max() ?? 1) }

    private func length(_ value: Int64) -> Int { Int(Int128(max(drawn(value), 0)) * Int128(plotWidth) / Int128(maximum)) }

    private func legend() -> String {
        guard chart.series.count > 1 else { return "" }
        var svg = ""
        var x = labelWidth
        for (index, series) in chart.series.enumerated() {
            let name = series.name(format.language)
            svg += "<rect x=\"\(x)\" y=\"26\" width=\"12\" height=\"12\" fill=\"\(color(index))\"/>"
            svg += "<text x=\"\(x + 16)\" y=\"36\" fill=\"#1d2430\">\(HTMLRenderer.escape(name))</text>\n"
            x += 30 + Int(Double(name.count) * SVGChart.characterWidth)
        }
        return svg
    }

    private func color(_ index: Int) -> String {
        guard chart.style == .overlaid else { return SVGChart.colors[index % SVGChart.colors.count] }
        return index == chart.series.count - 1 ? SVGChart.markerColor : SVGChart.overlaidColors[min(index, SVGChart.overlaidColors.count - 1)]
    }

    private func groupedBars(_ row: Int, top: Int) -> String {
        var svg = ""
        for (index, series) in chart.series.enumerated() {
            let value = series.values[row]
            let bar = length(value)
            let y = top + index * SVGChart.barHeight
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(max(bar, drawn(value) > 0 ? 1 : 0))\" height=\"\(SVGChart.barHeight - 3)\" fill=\"\(color(index))\"/>"
            svg += "<text x=\"\(labelWidth + bar + 5)\" y=\"\(y + SVGChart.barHeight - 5)\" fill=\"#333\">\(HTMLRenderer.escape(valueText(value)))</text>\n"
        }
        return svg
    }

    /// The series before the last from one baseline, the last as a marker after the one before it.
    private func overlaidBars(_ row: Int, top: Int) -> String {
        var svg = ""
        let last = chart.series.count - 1
        for index in 0..<last {
            let bar = length(chart.series[index].values[row])
            let inset = index * 2
            svg += "<rect x=\"\(labelWidth)\" y=\"\(top + inset)\" width=\"\(bar)\" height=\"\(12 - 2 * inset)\" fill=\"\(color(index))\"/>"
        }
        let start = last > 0 ? length(chart.series[last - 1].values[row]) : 0
        let marker = chart.series[last].values[row]
        svg += "<rect x=\"\(labelWidth + start)\" y=\"\(top + 8)\" width=\"\(length(marker))\" height=\"4\" fill=\"\(color(last))\"/>"
        let end = chart.series.map { length($0.values[row]) }.max() ?? 0
        svg += "<text x=\"\(labelWidth + max(end, start + length(marker)) + 5)\" y=\"\(top + 10)\" fill=\"#333\">\(HTMLRenderer.escape(valueText(marker)))</text>\n"
        return svg
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

    /// `text` broken into lines of at most `characters`, at spaces; a word longer than a line
    /// is broken inside. Nothing is left out.
    static func wrapped(_ text: String, characters: Int) -> [String] {
        let limit = max(characters, 8)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            var word = word
            while word.count > limit {
                if !line.isEmpty { lines.append(line); line = "" }
                lines.append(String(word.prefix(limit)))
                word = String(word.dropFirst(limit))
            }
            if line.isEmpty {
                line = word
            } else if line.count + 1 + word.count <= limit {
                line += " " + word
            } else {
                lines.append(line)
                line = word
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
