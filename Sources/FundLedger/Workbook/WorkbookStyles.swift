/// The cell styles of a workbook, gathered as cells use them, and written as `xl/styles.xml`
/// (ECMA-376 Part 1, §18.8) when the workbook is finished.
///
/// Number formats come in two flavours. Vietnamese ones carry the Vietnamese locale tag
/// `[$-42A]` (LCID 0x042A, vi-VN), so that LibreOffice shows `1.234.567` and `31/12/2018`
/// whatever the reader's own settings; Excel shows the separators of the reader's Windows
/// settings, which are Vietnamese on a Vietnamese accountant's machine. English ones are
/// `#,##0` and ISO dates (`yyyy-mm-dd`).
struct WorkbookStyles {
    /// How a number or date is shown.
    enum NumberFormat: Hashable {
        /// The spreadsheet's own (numFmtId 0).
        case general
        /// The spreadsheet's own, with the language's decimal mark: for numbers whose
        /// decimals vary, such as exchange rates (`23175,5` in Vietnamese).
        case plain
        /// Grouped, with exactly `decimals` decimals, and a unit after the number.
        case grouped(decimals: Int, unit: String?)
        /// A fraction shown as a percentage with one decimal.
        case percent
        case date
    }

    /// How a row sets its cells apart.
    enum Emphasis: Hashable {
        case normal, header, totals, title

        init(_ style: WorkbookRowStyle) {
            switch style {
            case .body, .caption: self = .normal
            case .header: self = .header
            case .totals: self = .totals
            case .title: self = .title
            }
        }

        /// Fonts: 0 regular, 1 bold, 2 bold and larger. Borders: 0 none, 1 thin below, 2 thin above.
        var fontAndBorder: (font: Int, border: Int) {
            switch self {
            case .normal: (0, 0)
            case .header: (1, 1)
            case .totals: (1, 2)
            case .title: (2, 0)
            }
        }
    }

    private struct Key: Hashable {
        let format: NumberFormat
        let emphasis: Emphasis
    }

    let language: Language
    /// Custom number formats' ids start at 164: 0…163 are built in (§18.8.30).
    private static let customFormatIDStart = 164
    private var formatIDs: [NumberFormat: Int] = [:]
    private var formats: [(id: Int, code: String)] = []
    private var styleIndexes: [Key: Int] = [Key(format: .general, emphasis: .normal): 0]
    private var styles: [Key] = [Key(format: .general, emphasis: .normal)]

    init(language: Language) {
        self.language = language
    }

    /// The index (`s` attribute) of a cell's style, registering it on first use.
    mutating func index(_ format: NumberFormat, _ emphasis: Emphasis) -> Int {
        let slot = WorkbookStyles.quickSlot(format, emphasis)
        if let slot, quickIndexes[slot] >= 0 { return quickIndexes[slot] }
        let index = register(format, emphasis)
        if let slot { quickIndexes[slot] = index }
        return index
    }

    /// The styles met in every cell — no unit, few decimals — are found by position, not by
    /// hashing: a journal asks for one per cell, tens of millions of times.
    private var quickIndexes = [Int](repeating: -1, count: 16 * 4)

    private static func quickSlot(_ format: NumberFormat, _ emphasis: Emphasis) -> Int? {
        let kind: Int
        switch format {
        case .general: kind = 0
        case .plain: kind = 1
        case .percent: kind = 2
        case .date: kind = 3
        case .grouped(let decimals, nil) where decimals < 12: kind = 4 + decimals
        case .grouped: return nil
        }
        let emphasisIndex = switch emphasis {
        case .normal: 0
        case .header: 1
        case .totals: 2
        case .title: 3
        }
        return kind * 4 + emphasisIndex
    }

    private mutating func register(_ format: NumberFormat, _ emphasis: Emphasis) -> Int {
        // English needs no locale: its plain format is the spreadsheet's own.
        let format = format == .plain && language == .english ? .general : format
        let key = Key(format: format, emphasis: emphasis)
        if let index = styleIndexes[key] { return index }
        if format != .general && formatIDs[format] == nil {
            let id = WorkbookStyles.customFormatIDStart + formats.count
            formatIDs[format] = id
            formats.append((id, code(format)))
        }
        styleIndexes[key] = styles.count
        styles.append(key)
        return styles.count - 1
    }

    /// The format code (§18.8.31) of a format in this workbook's language.
    func code(_ format: NumberFormat) -> String {
        let locale = language == .vietnamese ? "[$-42A]" : ""
        switch format {
        case .general:
            return "General"
        case .plain:
            return locale + "General"
        case .grouped(let decimals, let unit):
            var code = locale + "#,##0"
            if decimals > 0 { code += "." + String(repeating: "0", count: decimals) }
            // A unit is a literal in quotes; a quote or backslash in it would end or escape it.
            if let unit { code += " \"" + unit.filter { $0 != "\"" && $0 != "\\" } + "\"" }
            return code
        case .percent:
            return locale + "0.0%"
        case .date:
            return language == .vietnamese ? locale + "dd/mm/yyyy" : "yyyy-mm-dd"
        }
    }

    /// `xl/styles.xml`.
    var xml: String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        if !formats.isEmpty {
            xml += #"<numFmts count="\#(formats.count)">"#
            for format in formats { xml += #"<numFmt numFmtId="\#(format.id)" formatCode="\#(XMLText.escaped(format.code, inAttribute: true))"/>"# }
            xml += "</numFmts>"
        }
        xml += #"<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
        xml += #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
        xml += #"<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts>"#
        // The first two fills are required as they are (§18.8.21, Excel's repair otherwise).
        xml += #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        xml += #"<borders count="3"><border><left/><right/><top/><bottom/><diagonal/></border>"#
        xml += #"<border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>"#
        xml += #"<border><left/><right/><top style="thin"><color auto="1"/></top><bottom/><diagonal/></border></borders>"#
        xml += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        xml += #"<cellXfs count="\#(styles.count)">"#
        for style in styles {
            let formatID = formatIDs[style.format] ?? 0
            let (font, border) = style.emphasis.fontAndBorder
            xml += #"<xf numFmtId="\#(formatID)" fontId="\#(font)" fillId="0" borderId="\#(border)" xfId="0""#
            if formatID != 0 { xml += #" applyNumberFormat="1""# }
            if font != 0 { xml += #" applyFont="1""# }
            if border != 0 { xml += #" applyBorder="1""# }
            xml += "/>"
        }
        xml += "</cellXfs>"
        xml += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        xml += "</styleSheet>"
        return xml
    }
}
