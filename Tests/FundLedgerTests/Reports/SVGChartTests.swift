import Testing
@testable import FundLedger

/// The bar charts of HTML reports: labels are never cut short, and overlaid bars keep their
/// proportions.
@Suite struct SVGChartTests {
    private func rects(_ svg: String) -> [(y: Int, width: Int, height: Int, x: Int)] {
        svg.split(separator: "<rect ").dropFirst().map { piece in
            func number(_ name: String) -> Int {
                guard let start = piece.range(of: name + "=\"") else { return -1 }
                return Int(piece[start.upperBound...].prefix { $0 != "\"" }) ?? -1
            }
            return (number("y"), number("width"), number("height"), number("x"))
        }
    }

    @Test func aLongLabelWrapsWhole() {
        let label = "Hỗ trợ khẩn cấp cho trẻ em bị ảnh hưởng bởi thiên tai và dịch bệnh tại các xã vùng sâu"
        let chart = ReportChart(title: LocalizedText(verbatim: "T"), labels: [LocalizedText(verbatim: label)], series: [.init(name: LocalizedText(verbatim: "S"), values: [10])], valueKind: .dong)
        let svg = SVGChart(chart: chart, format: .vietnamese, isPublic: false).render()
        let lines = SVGChart.wrapped(label, characters: SVGChart.labelCharacters)
        #expect(lines.count > 1 && lines.allSatisfy { $0.count <= SVGChart.labelCharacters })
        #expect(lines.joined(separator: " ") == label, "nothing is left out")
        for line in lines { #expect(svg.contains(">\(line)</text>")) }
        #expect(!svg.contains("…"))
    }

    @Test func overlaidBarsKeepTheirProportionsAndTheMarkerFollowsTheSeriesBeforeIt() {
        let text = { (value: String) in LocalizedText(verbatim: value) }
        let chart = ReportChart(title: text("Grants"), labels: [text("A"), text("B")], series: [
            .init(name: text("Committed"), values: [1_000, 500]), .init(name: text("Received"), values: [800, 500]),
            .init(name: text("Spent"), values: [600, 100]), .init(name: text("Available"), values: [200, 400]),
        ], valueKind: .dong, style: .overlaid)
        let svg = SVGChart(chart: chart, format: .english, isPublic: false).render()
        let bars = rects(svg).filter { $0.x >= 210 && $0.y > 40 }
        // 900 px wide, 210 for labels, 120 for values: 570 px for the largest value.
        #expect(bars.map(\.width) == [570, 456, 342, 114, 285, 285, 57, 228])
        #expect(bars[3].x == 210 + 342, "available starts where spent ends")
        #expect(bars[7].x == 210 + 57)
        #expect(svg.contains(">200 VND</text>") && svg.contains(">400 VND</text>"))
    }
}
