/// Writes an Office Open XML workbook (`.xlsx`, ECMA-376 5th edition, Part 1 SpreadsheetML and
/// Part 2 Open Packaging Conventions) that Excel and LibreOffice Calc open, sheet by sheet and
/// row by row, without holding the rows in memory.
///
///     let workbook = try WorkbookWriter(path: "so-nhat-ky.xlsx", language: .vietnamese, title: "Sổ nhật ký")
///     try workbook.beginSheet("Sổ nhật ký")
///     try workbook.appendRow([.text("Ngày"), .text("Số tiền")], style: .header)
///     try workbook.appendRow([.date(date), .integer(1_234_567)])
///     try workbook.finish()
///
/// Cells are typed (`WorkbookCell`): numbers are written as numbers, exactly; dates as serial
/// day numbers with a date format; text as inline strings, so nothing is ever a formula. The
/// header rows at the top of a sheet stay in view (a frozen pane), and columns are as wide as
/// their first rows need. Number and date formats follow `language`.
///
/// The package's parts: `_rels/.rels`, `docProps/core.xml` and `app.xml`, each sheet as
/// `xl/worksheets/sheetN.xml`, `xl/workbook.xml` and its relationships, `xl/styles.xml`, and
/// `[Content_Types].xml` — in that order: the parts that list the sheets can only be written
/// once the last sheet is, and OPC does not order a package's parts. Until `finish()` the
/// workbook is a temporary file beside `path`; one released unfinished (after a thrown error)
/// is removed.
public final class WorkbookWriter {
    /// Rows in a sheet, at most (Excel and LibreOffice: 1,048,576).
    public static let rowCountMax = 1_048_576
    /// Columns in a sheet, at most (XFD).
    public static let columnCountMax = 16_384

    public let language: Language
    private let zip: ZIPWriter
    private let title: String
    private let createdAt: Timestamp
    private var styles: WorkbookStyles
    private var sheetNames = SheetNames()
    private var sheet: WorksheetWriter?
    private var finished = false
    /// `rowCountMax`, smaller in tests, which cannot write a million rows to show the limit.
    let rowCountLimit: Int

    /// Starts a workbook to be named `path` when finished.
    ///
    /// - Parameters:
    ///   - language: the language of the number and date formats.
    ///   - title: the document's title (File › Properties). The default is none.
    ///   - createdAt: when the workbook is made; its entries are stamped with it, in the time of
    ///     Vietnam (UTC+7) for Vietnamese and in UTC for English, as the HTML reports say it.
    ///     The default is now.
    /// - Throws: `LedgerError.invalidInput` when the file cannot be created.
    public convenience init(path: String, language: Language, title: String = "", createdAt: Timestamp = .now()) throws {
        try self.init(path: path, language: language, title: title, createdAt: createdAt, rowCountLimit: WorkbookWriter.rowCountMax)
    }

    init(path: String, language: Language, title: String, createdAt: Timestamp, rowCountLimit: Int) throws {
        precondition(rowCountLimit > 0 && rowCountLimit <= WorkbookWriter.rowCountMax)
        self.rowCountLimit = rowCountLimit
        self.language = language
        self.title = title
        self.createdAt = createdAt
        styles = WorkbookStyles(language: language)
        let clockOffsetMilliseconds: Int64 = language == .vietnamese ? 7 * 3_600_000 : 0
        zip = try ZIPWriter(path: path, modifiedAt: Timestamp(millisecondsSinceEpoch: createdAt.millisecondsSinceEpoch + clockOffsetMilliseconds))
        try zip.addEntry("_rels/.rels", WorkbookWriter.packageRelationships)
        try zip.addEntry("docProps/core.xml", coreProperties)
    }

    /// The names of the sheets begun so far, as written.
    public var sheetNamesWritten: [String] { sheetNames.names }

    /// How many rows the current sheet has; 0 before the first sheet.
    public var rowCount: Int { sheet?.rowCount ?? 0 }

    /// Ends the current sheet, if any, and starts another.
    ///
    /// - Parameter title: the sheet's name, made acceptable to Excel (`SheetNames`): cut to
    ///   31 characters, without `[ ] : * ? / \`, ` (2)` added when the name is taken.
    /// - Returns: the name given to the sheet.
    @discardableResult
    public func beginSheet(_ title: String) throws -> String {
        precondition(!finished, "beginSheet after finish")
        try endSheet()
        let name = sheetNames.add(title, fallback: language == .vietnamese ? "Trang \(sheetNames.names.count + 1)" : "Sheet\(sheetNames.names.count + 1)")
        try zip.beginEntry("xl/worksheets/sheet\(sheetNames.names.count).xml")
        sheet = WorksheetWriter(zip: zip, name: name, isFirst: sheetNames.names.count == 1, rowCountLimit: rowCountLimit)
        return name
    }

    /// Appends a row to the current sheet.
    ///
    /// - Throws: `LedgerError.overflow` past `rowCountMax` rows or when the file would reach
    ///   4 GiB; `LedgerError.invalidInput` when it cannot be written.
    public func appendRow(_ cells: [WorkbookCell], style: WorkbookRowStyle = .body) throws {
        guard let sheet else { preconditionFailure("appendRow before beginSheet") }
        try sheet.append(cells, style: style, styles: &styles)
    }

    /// Ends the last sheet and writes the parts that list the sheets and styles; the file then
    /// gets its name. A workbook without a sheet gets an empty one: a workbook has at least one.
    public func finish() throws {
        precondition(!finished, "finish twice")
        if sheetNames.names.isEmpty { try beginSheet("") }
        try endSheet()
        try zip.addEntry("xl/workbook.xml", workbookPart)
        try zip.addEntry("xl/_rels/workbook.xml.rels", workbookRelationships)
        try zip.addEntry("xl/styles.xml", styles.xml)
        try zip.addEntry("docProps/app.xml", applicationProperties)
        try zip.addEntry("[Content_Types].xml", contentTypes)
        try zip.finish()
        finished = true
    }

    private func endSheet() throws {
        guard let sheet else { return }
        try sheet.finish()
        try zip.endEntry()
        self.sheet = nil
    }

    // MARK: The package's parts

    private static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    /// Part 2, §9.3: the package's relationships to its main part and its properties.
    private static let packageRelationships = declaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
        + #"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#
        + "</Relationships>"

    /// Part 2, §11: title, creator, language and time (W3CDTF, to the second, in UTC).
    private var coreProperties: String {
        let time = createdAt.iso.prefix(19) + "Z"
        return WorkbookWriter.declaration
            + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
            + "<dc:title>\(XMLText.escaped(title))</dc:title><dc:creator>cpf</dc:creator>"
            + "<dc:language>\(language == .vietnamese ? "vi-VN" : "en")</dc:language>"
            + #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(time)</dcterms:created>"#
            + #"<dcterms:modified xsi:type="dcterms:W3CDTF">\#(time)</dcterms:modified>"#
            + "</cp:coreProperties>"
    }

    private var applicationProperties: String {
        WorkbookWriter.declaration
            + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#
            + "<Application>cpf</Application></Properties>"
    }

    /// Part 1, §18.2: the sheets, in order.
    private var workbookPart: String {
        var xml = WorkbookWriter.declaration
        xml += #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        xml += #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (index, name) in sheetNames.names.enumerated() {
            xml += #"<sheet name="\#(XMLText.escaped(name, inAttribute: true))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        return xml + "</sheets></workbook>"
    }

    private var workbookRelationships: String {
        var xml = WorkbookWriter.declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in sheetNames.names.indices {
            xml += #"<Relationship Id="rId\#(index + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(index + 1).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheetNames.names.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        return xml + "</Relationships>"
    }

    /// Part 2, §10.1: the content type of every part.
    private var contentTypes: String {
        var xml = WorkbookWriter.declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        for index in sheetNames.names.indices {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(index + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        xml += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        xml += #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        xml += #"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
        return xml + "</Types>"
    }
}
