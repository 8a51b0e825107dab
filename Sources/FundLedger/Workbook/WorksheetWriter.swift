/// Writes one worksheet part (`xl/worksheets/sheetN.xml`, ECMA-376 Part 1, §18.3) into the
/// open ZIP entry, row by row.
///
/// The parts that come before the rows — the frozen pane and the column widths — depend on
/// the first rows, so the first `sampleRowCountMax` rows (or `sampleByteCountMax` bytes of
/// them) are held back until the head is written; after that each row goes out as it comes,
/// and memory stays flat however many rows follow. Column widths come from the held-back rows.
final class WorksheetWriter {
    /// Rows that size the columns and settle the frozen pane before the head is written.
    static let sampleRowCountMax = 1000
    static let sampleByteCountMax = 4 << 20
    /// Bytes gathered before they go to the ZIP entry.
    static let chunkByteCount = 1 << 16
    /// Excel's largest text in a cell, in UTF-16 code units ("Excel specifications and limits").
    static let cellTextLengthMax = 32_767
    /// Column widths, in characters of the default font: Excel's default is about 8.43.
    static let columnWidthMin = 8
    static let columnWidthMax = 60

    private let zip: ZIPWriter
    let name: String
    private let isFirst: Bool
    private let rowCountLimit: Int
    /// Rows appended so far: the number of the last row.
    private(set) var rowCount = 0
    /// The last header row before the first body or totals row.
    private var frozenRowCount = 0
    private var sawFigures = false
    /// Widest content of each column, in characters.
    private var widths: [Int] = []
    private var headWritten = false
    /// Rows held back before the head, then the bytes not yet written to the entry.
    private var output: [UInt8] = []
    /// The letters of the columns met so far (`columnLetters`).
    private var columnNames: [[UInt8]] = []

    init(zip: ZIPWriter, name: String, isFirst: Bool, rowCountLimit: Int) {
        self.rowCountLimit = rowCountLimit
        self.zip = zip
        self.name = name
        self.isFirst = isFirst
        output.reserveCapacity(WorksheetWriter.chunkByteCount * 2)
    }

    func append(_ cells: [WorkbookCell], style: WorkbookRowStyle, styles: inout WorkbookStyles) throws {
        precondition(cells.count <= WorkbookWriter.columnCountMax, "more than \(WorkbookWriter.columnCountMax) columns")
        guard rowCount < rowCountLimit else {
            throw LedgerError(.overflow, LocalizedText("sheet '\(name)' would have more than \(count: Int64(rowCountLimit)) rows, the most a spreadsheet holds",
                                                       "trang '\(name)' sẽ có hơn \(count: Int64(rowCountLimit)) dòng, quá mức một bảng tính chứa được"),
                              hint: LocalizedText("export a shorter period, or use the CSV export", "xuất một kỳ ngắn hơn, hoặc dùng kết xuất CSV"))
        }
        rowCount += 1
        switch style {
        case .header where !sawFigures: frozenRowCount = rowCount
        case .body, .totals: sawFigures = true
        default: break
        }
        encode(cells, style: style, styles: &styles)
        if headWritten {
            if output.count >= WorksheetWriter.chunkByteCount { try flush() }
            return
        }
        if style.sizesColumns { measure(cells) }
        if rowCount >= WorksheetWriter.sampleRowCountMax || output.count >= WorksheetWriter.sampleByteCountMax { try writeHead() }
    }

    /// Writes what is left and the end of the part. The caller ends the ZIP entry.
    func finish() throws {
        if !headWritten { try writeHead() }
        output += Array(#"</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>"#.utf8)
        try flush()
    }

    private func flush() throws {
        try zip.write(output)
        output.removeAll(keepingCapacity: true)
    }

    private func measure(_ cells: [WorkbookCell]) {
        if widths.count < cells.count { widths += Array(repeating: 0, count: cells.count - widths.count) }
        for (index, cell) in cells.enumerated() where cell != .empty {
            widths[index] = max(widths[index], cell.displayWidth)
        }
    }

    /// The part's start — the frozen pane and the columns' widths — then the held-back rows.
    private func writeHead() throws {
        var head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        head += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        head += #"<sheetViews><sheetView workbookViewId="0""# + (isFirst ? #" tabSelected="1""# : "") + ">"
        if frozenRowCount > 0 {
            let firstFree = "A\(frozenRowCount + 1)"
            head += #"<pane ySplit="\#(frozenRowCount)" topLeftCell="\#(firstFree)" activePane="bottomLeft" state="frozen"/>"#
            head += #"<selection pane="bottomLeft" activeCell="\#(firstFree)" sqref="\#(firstFree)"/>"#
        }
        head += "</sheetView></sheetViews>"
        head += #"<sheetFormatPr defaultRowHeight="15"/>"#
        let columns = widths.enumerated().filter { $0.element > 0 }
        if !columns.isEmpty {
            head += "<cols>"
            for (index, width) in columns {
                let shown = min(max(width + 2, WorksheetWriter.columnWidthMin), WorksheetWriter.columnWidthMax)
                head += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(shown)" customWidth="1"/>"#
            }
            head += "</cols>"
        }
        head += "<sheetData>"
        try zip.write(head)
        headWritten = true
        try flush()
    }

    // MARK: Cells

    private func encode(_ cells: [WorkbookCell], style: WorkbookRowStyle, styles: inout WorkbookStyles) {
        guard cells.contains(where: { $0 != .empty }) else { return }
        let emphasis = WorkbookStyles.Emphasis(style)
        while columnNames.count < cells.count { columnNames.append(WorksheetWriter.columnLetters(columnNames.count)) }
        let columnNames = self.columnNames
        // The bytes are appended to a local array, not to the property: a class's stored
        // property is checked for exclusive access at every append, a tenth of the time.
        var output: [UInt8] = []
        swap(&output, &self.output)
        defer { swap(&output, &self.output) }
        var rowDigits: [UInt8] = []
        WorksheetWriter.appendDigits(UInt64(rowCount), to: &rowDigits)
        output += WorksheetWriter.rowOpen
        output += rowDigits
        output += WorksheetWriter.closeQuoteAndTag
        for (index, cell) in cells.enumerated() where cell != .empty {
            output += WorksheetWriter.cellOpen
            output += columnNames[index]
            output += rowDigits
            output.append(UInt8(ascii: "\""))
            WorksheetWriter.encode(cell, emphasis: emphasis, styles: &styles, into: &output)
        }
        output += WorksheetWriter.rowClose
    }

    /// A cell from just after its reference: ` s="…"` and the value.
    private static func encode(_ cell: WorkbookCell, emphasis: WorkbookStyles.Emphasis, styles: inout WorkbookStyles, into output: inout [UInt8]) {
        switch cell {
        case .empty:
            preconditionFailure("empty cells are not written")
        case .text(let text):
            writeText(text, emphasis: emphasis, styles: &styles, into: &output)
        case .integer(let value):
            number(value, exponent: 0, format: .grouped(decimals: 0, unit: nil), emphasis: emphasis, styles: &styles, into: &output)
        case .identifier(let value):
            number(value, exponent: 0, format: .general, emphasis: emphasis, styles: &styles, into: &output)
        case .decimal(let value, let exponent, let unit):
            number(value, exponent: exponent, format: .grouped(decimals: exponent, unit: unit), emphasis: emphasis, styles: &styles, into: &output)
        case .plainDecimal(let value, let exponent):
            number(value, exponent: exponent, format: .plain, emphasis: emphasis, styles: &styles, into: &output)
        case .percent(let tenths):
            // 275.0 % is the fraction 2.750.
            number(tenths, exponent: 3, format: .percent, emphasis: emphasis, styles: &styles, into: &output)
        case .date(let date):
            guard date >= WorkbookCell.serialDatesStart else {
                writeText(date.iso, emphasis: emphasis, styles: &styles, into: &output)
                return
            }
            number(Int64(WorkbookCell.serialDay(date)), exponent: 0, format: .date, emphasis: emphasis, styles: &styles, into: &output)
        }
    }

    private static func writeText(_ text: String, emphasis: WorkbookStyles.Emphasis, styles: inout WorkbookStyles, into output: inout [UInt8]) {
        styleAttribute(styles.index(.general, emphasis), into: &output)
        output += inlineStringOpen
        XMLText.append(text, to: &output, utf16CountMax: cellTextLengthMax)
        output += inlineStringClose
    }

    /// `value` × 10^-`exponent` as its exact decimal text in `<v>`; as text past 15 digits.
    private static func number(_ value: Int64, exponent: Int, format: WorkbookStyles.NumberFormat, emphasis: WorkbookStyles.Emphasis,
                               styles: inout WorkbookStyles, into output: inout [UInt8]) {
        guard value.magnitude < exactMagnitudeLimit else {
            writeText(Amount.decimalText(value, exponent: exponent), emphasis: emphasis, styles: &styles, into: &output)
            return
        }
        styleAttribute(styles.index(format, emphasis), into: &output)
        output += valueOpen
        if value < 0 { output.append(UInt8(ascii: "-")) }
        appendDecimal(value.magnitude, exponent: exponent, to: &output)
        output += valueClose
    }

    private static func styleAttribute(_ index: Int, into output: inout [UInt8]) {
        guard index != 0 else { return }
        output += styleOpen
        appendDigits(UInt64(index), to: &output)
        output.append(UInt8(ascii: "\""))
    }

    /// 10^15: numbers below it have at most 15 significant digits.
    private static let exactMagnitudeLimit: UInt64 = 1_000_000_000_000_000

    /// `A`, `B`, … `Z`, `AA`, … (§18.3.1.4, the cell reference).
    static func columnLetters(_ index: Int) -> [UInt8] {
        var letters: [UInt8] = []
        var number = index + 1
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.insert(UInt8(ascii: "A") + UInt8(remainder), at: 0)
            number = (number - 1) / 26
        }
        return letters
    }

    static func appendDigits(_ value: UInt64, to output: inout [UInt8]) {
        appendDecimal(value, exponent: 0, to: &output)
    }

    /// `magnitude` × 10^-`exponent` in plain decimal: `123456` with exponent 2 is `1234.56`.
    static func appendDecimal(_ magnitude: UInt64, exponent: Int, to output: inout [UInt8]) {
        // 20 digits for UInt64, a point, and leading zeros up to the exponent (≤ 18).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            var position = 48
            var value = magnitude
            var written = 0
            repeat {
                if exponent > 0 && written == exponent {
                    position -= 1
                    buffer[position] = UInt8(ascii: ".")
                }
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
                written += 1
            } while value > 0 || written <= exponent
            output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position..<48]))
        }
    }

    private static let rowOpen = Array(#"<row r=""#.utf8)
    private static let closeQuoteAndTag = Array(#"">"#.utf8)
    private static let rowClose = Array("</row>".utf8)
    private static let cellOpen = Array(#"<c r=""#.utf8)
    private static let styleOpen = Array(#" s=""#.utf8)
    private static let inlineStringOpen = Array(#" t="inlineStr"><is><t xml:space="preserve">"#.utf8)
    private static let inlineStringClose = Array("</t></is></c>".utf8)
    private static let valueOpen = Array("><v>".utf8)
    private static let valueClose = Array("</v></c>".utf8)
}
