import Foundation
import Testing
@testable import FundLedger
import TestSupport

/// `WorkbookWriter` (Sources/FundLedger/Workbook/): the package's parts, typed cells read back
/// from the sheet XML (numbers exact in `<v>`, dates as serials with a date format, text as
/// inline strings), hostile text kept as text, number formats in both languages, the frozen
/// header, column widths, the limits, and sheet names Excel accepts.
@Suite struct WorkbookWriterTests {
    static let time = Timestamp(millisecondsSinceEpoch: 1_796_164_055_000)
    static let june1 = LedgerDate(year: 2018, month: 6, day: 1)!

    /// A sheet of every kind of cell, under a title, a caption and a header row.
    static func write(_ language: Language, to path: String) throws {
        let workbook = try WorkbookWriter(path: path, language: language, title: "Sổ <thử> & \"test\"", createdAt: time)
        #expect(try workbook.beginSheet("Figures") == "Figures")
        try workbook.appendRow([.text("The title")], style: .title)
        try workbook.appendRow([.text("A caption that is much longer than any column should be made for it")], style: .caption)
        try workbook.appendRow([], style: .caption)
        try workbook.appendRow([.text("Date"), .text("Dong"), .text("USD"), .text("Rate"), .text("Share"), .text("Entry"), .text("Memo")], style: .header)
        try workbook.appendRow([.date(june1), .integer(1_234_567), .decimal(1_000_050, exponent: 2, unit: "USD"), .plainDecimal(231_755, exponent: 1),
                                .percent(tenths: 2750), .identifier(1253), .text("Quỹ Bảo trợ trẻ em")])
        try workbook.appendRow([.date(LedgerDate(year: 1900, month: 2, day: 28)!), .integer(-5), .decimal(-5, exponent: 2), .empty,
                                .empty, .identifier(7), .integer(1_000_000_000_000_000)])
        try workbook.appendRow([.empty, .integer(1_234_562), .decimal(999_950, exponent: 2, unit: "USD")], style: .totals)
        try workbook.finish()
    }

    @Test func thePackageHasEveryPartAndNamesThem() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("book.xlsx")
        try WorkbookWriterTests.write(.english, to: path)
        let book = try WorkbookReading(path: path)
        let names = book.archive.entries.map(\.name)
        // The package relationships and properties first, then the sheet, then the parts
        // that list the sheets.
        #expect(names == ["_rels/.rels", "docProps/core.xml", "xl/worksheets/sheet1.xml", "xl/workbook.xml",
                          "xl/_rels/workbook.xml.rels", "xl/styles.xml", "docProps/app.xml", "[Content_Types].xml"])
        let types = try XMLTree(book.archive.files["[Content_Types].xml"]!)
        let overrides = Dictionary(uniqueKeysWithValues: types.all("Override").map { ($0.attributes["PartName"]!, $0.attributes["ContentType"]!) })
        #expect(overrides["/xl/workbook.xml"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
        #expect(overrides["/xl/worksheets/sheet1.xml"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")
        #expect(overrides["/xl/styles.xml"] != nil && overrides["/docProps/core.xml"] != nil && overrides["/docProps/app.xml"] != nil)
        let relationships = try XMLTree(book.archive.files["xl/_rels/workbook.xml.rels"]!).all("Relationship").map { $0.attributes["Target"]! }
        #expect(relationships == ["worksheets/sheet1.xml", "styles.xml"])
        #expect(try XMLTree(book.archive.files["_rels/.rels"]!).all("Relationship").map { $0.attributes["Target"]! }
                == ["xl/workbook.xml", "docProps/core.xml", "docProps/app.xml"])
        let core = try XMLTree(book.archive.files["docProps/core.xml"]!)
        #expect(core.all("dc:title").first?.text == "Sổ <thử> & \"test\"")
        #expect(core.all("dcterms:created").first?.text == "2026-12-01T22:27:35Z")
        #expect(book.sheets.map(\.name) == ["Figures"])
        try ZIPWriterTests.checkWithUnzip(path)
        // The same workbook twice is the same bytes.
        let again = directory.file("again.xlsx")
        try WorkbookWriterTests.write(.english, to: again)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(contentsOf: URL(fileURLWithPath: again)))
    }

    @Test func cellsKeepTheirTypes() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("book.xlsx")
        try WorkbookWriterTests.write(.english, to: path)
        let book = try WorkbookReading(path: path)
        let sheet = try #require(book.sheet("Figures"))
        // Numbers are numbers, written exactly.
        #expect(sheet.cells["B5"] == .init(type: nil, style: sheet.cells["B5"]!.style, value: "1234567"))
        #expect(sheet.content("C5") == "10000.50" && sheet.cells["C5"]?.type == nil)
        #expect(sheet.content("D5") == "23175.5" && book.formatCode(sheet.cells["D5"]) == "General")
        #expect(sheet.content("E5") == "2.750" && book.formatCode(sheet.cells["E5"]) == "0.0%")
        #expect(sheet.content("F5") == "1253" && book.formatCode(sheet.cells["F5"]) == "General")
        #expect(sheet.content("B6") == "-5" && sheet.content("C6") == "-0.05")
        // A date is its serial day number with a date format: 2018-06-01 is 43252.
        #expect(sheet.content("A5") == "43252" && WorkbookReading.serial("2018-06-01") == 43252)
        #expect(book.formatCode(sheet.cells["A5"]) == "yyyy-mm-dd")
        // Before 1900-03-01 Excel and LibreOffice count days differently: text.
        #expect(sheet.cells["A6"]?.type == "inlineStr" && sheet.content("A6") == "1900-02-28")
        // Past 15 significant digits a number is text, every digit kept.
        #expect(sheet.cells["G6"]?.type == "inlineStr" && sheet.content("G6") == "1000000000000000")
        // Text is an inline string.
        #expect(sheet.cells["G5"]?.type == "inlineStr" && sheet.content("G5") == "Quỹ Bảo trợ trẻ em")
        // Empty cells are not written; an empty row is not written.
        #expect(sheet.cells["D6"] == nil && sheet.rows.map(\.number) == [1, 2, 4, 5, 6, 7])
        // The header and the totals are bold, the figures not; the title is bold.
        #expect(book.isBold(sheet.cells["A4"]) && book.isBold(sheet.cells["B7"]) && book.isBold(sheet.cells["A1"]))
        #expect(!book.isBold(sheet.cells["B5"]) && !book.isBold(sheet.cells["A2"]))
        #expect(book.formatCode(sheet.cells["B7"]) == "#,##0" && book.formatCode(sheet.cells["C7"]) == "#,##0.00 \"USD\"")
        // Rows down to the header stay in view.
        #expect(sheet.frozenRowCount == 4)
        // Columns are sized from the header and figures, not from the title or caption.
        #expect(sheet.columnWidths[1] == 12)                       // "yyyy-mm-dd" and 2
        #expect(sheet.columnWidths[3] == Double("10,000.50 USD".count + 2))
        #expect(sheet.columnWidths[7] == Double("Quỹ Bảo trợ trẻ em".count + 2))
        #expect(sheet.cells.values.allSatisfy { !$0.hasFormula })
    }

    @Test func vietnameseFormatsCarryTheVietnameseLocaleAndEnglishOnesDoNot() throws {
        let directory = TemporaryDirectory()
        var codes: [Language: [String]] = [:]
        for language in Language.allCases {
            let path = directory.file("\(language.rawValue).xlsx")
            try WorkbookWriterTests.write(language, to: path)
            let book = try WorkbookReading(path: path)
            let sheet = try #require(book.sheet("Figures"))
            codes[language] = ["B5", "A5", "C6", "E5", "C5", "D5", "F5"].map { book.formatCode(sheet.cells[$0]) ?? "" }
        }
        // Dong, dates, two decimals, percentages, an amount with its currency, a rate, an entry's number.
        #expect(codes[.vietnamese] == ["[$-42A]#,##0", "[$-42A]dd/mm/yyyy", "[$-42A]#,##0.00", "[$-42A]0.0%", "[$-42A]#,##0.00 \"USD\"",
                                       "[$-42A]General", "General"])
        #expect(codes[.english] == ["#,##0", "yyyy-mm-dd", "#,##0.00", "0.0%", "#,##0.00 \"USD\"", "General", "General"])
    }

    /// Text that a spreadsheet could take for a formula, markup, or characters XML forbids:
    /// the formula stays text, markup is escaped, forbidden characters are dropped, and tab,
    /// line feed and carriage return come back as they were.
    @Test func hostileTextRoundTripsAsText() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("hostile.xlsx")
        let texts = ["=1+1", "+SUM(A1:A9)", "@cmd", "-2+3", "<&>\"'", "</t></is></c><c><f>1+1</f>",
                     "a\u{0}b\u{1}c\u{8}d\u{B}e\u{C}f\u{1F}g", "tab\there\nline\r\ncr\rend", "\u{FFFE}x\u{FFFF}", "Quỹ 🧒 ]]>"]
        let workbook = try WorkbookWriter(path: path, language: .vietnamese, createdAt: WorkbookWriterTests.time)
        try workbook.beginSheet("=1+1")
        for text in texts { try workbook.appendRow([.text(text)]) }
        try workbook.finish()
        let book = try WorkbookReading(path: path)
        #expect(book.sheets.map(\.name) == ["=1+1"])
        let sheet = book.sheets[0]
        let read = (1...texts.count).map { sheet.content("A\($0)") }
        #expect(read == ["=1+1", "+SUM(A1:A9)", "@cmd", "-2+3", "<&>\"'", "</t></is></c><c><f>1+1</f>",
                         "abcdefg", "tab\there\nline\r\ncr\rend", "x", "Quỹ 🧒 ]]>"])
        #expect(sheet.cells.values.allSatisfy { $0.type == "inlineStr" && !$0.hasFormula })
        #expect(!book.archive.text("xl/worksheets/sheet1.xml")!.contains("<f>"))
    }

    @Test func aCellTextIsCutToExcelsLimit() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("long.xlsx")
        let workbook = try WorkbookWriter(path: path, language: .english, createdAt: WorkbookWriterTests.time)
        try workbook.beginSheet("Long")
        // 🧒 is two UTF-16 units: the cut falls before one that would not fit whole.
        try workbook.appendRow([.text(String(repeating: "a", count: 32_766) + "🧒🧒"), .text(String(repeating: "ê", count: 40_000))])
        try workbook.finish()
        let sheet = try WorkbookReading(path: path).sheets[0]
        #expect(sheet.content("A1") == String(repeating: "a", count: 32_766))
        #expect(sheet.content("B1") == String(repeating: "ê", count: 32_767))
    }

    @Test func aSheetPastItsRowLimitIsRefused() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("rows.xlsx")
        do {
            let workbook = try WorkbookWriter(path: path, language: .english, title: "", createdAt: WorkbookWriterTests.time, rowCountLimit: 3)
            try workbook.beginSheet("Rows")
            for number in 1...3 { try workbook.appendRow([.integer(Int64(number))]) }
            let error = #expect(throws: LedgerError.self) { try workbook.appendRow([.integer(4)]) }
            #expect(error?.rule == .overflow && error?.message.contains("more than 3 rows") == true)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    /// Past the rows held back to size the columns, rows stream out; the sheet is whole.
    @Test func manyRowsStreamAndReadBack() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("many.xlsx")
        let workbook = try WorkbookWriter(path: path, language: .english, createdAt: WorkbookWriterTests.time)
        try workbook.beginSheet("Many")
        try workbook.appendRow([.text("n"), .text("text")], style: .header)
        for number in 1...5_000 { try workbook.appendRow([.integer(Int64(number)), .text("row \(number)")]) }
        try workbook.finish()
        let sheet = try WorkbookReading(path: path).sheets[0]
        #expect(sheet.rows.count == 5_001 && sheet.frozenRowCount == 1)
        #expect(sheet.content("A5001") == "5000" && sheet.content("B5001") == "row 5000")
        // Widths come from the first 1,000 rows: "row 999" and "1,000".
        #expect(sheet.columnWidths[2] == Double("row 999".count + 2))
    }

    @Test func aWorkbookWithoutSheetsHasAnEmptyOne() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("empty.xlsx")
        try WorkbookWriter(path: path, language: .vietnamese, createdAt: WorkbookWriterTests.time).finish()
        let book = try WorkbookReading(path: path)
        #expect(book.sheets.map(\.name) == ["Trang 1"] && book.sheets[0].cells.isEmpty)
    }

    // MARK: Sheet names

    @Test func sheetNamesAreMadeAcceptableToExcel() {
        var names = SheetNames()
        #expect(names.add("Báo cáo: tháng [1/2018]*?", fallback: "x") == "Báo cáo tháng 1 2018")
        #expect(names.add("Tình hình sử dụng các khoản tài trợ theo nhà tài trợ", fallback: "x") == "Tình hình sử dụng các khoản tài")
        #expect(names.add("Tình hình sử dụng các khoản tài trợ theo nhà tài trợ", fallback: "x") == "Tình hình sử dụng các khoản (2)")
        #expect(names.add("TÌNH HÌNH SỬ DỤNG CÁC KHOẢN TÀI", fallback: "x") == "TÌNH HÌNH SỬ DỤNG CÁC KHOẢN (3)")
        #expect(names.add("'quoted'", fallback: "x") == "quoted")
        #expect(names.add("History", fallback: "x") == "History (2)")
        #expect(names.add("[]:*?/\\", fallback: "Sheet 7") == "Sheet 7")
        #expect(names.add("tab\tand\u{1}control\nline", fallback: "x") == "tab and control line")
        #expect(names.add("Journal", fallback: "x") == "Journal" && names.add("journal", fallback: "x") == "journal (2)")
        for name in names.names {
            #expect(name.utf16.count <= 31 && !name.contains(where: { "[]:*?/\\".contains($0) }), "\(name)")
            #expect(name.first != "'" && name.last != "'" && !name.isEmpty)
        }
        #expect(Set(names.names.map { $0.lowercased() }).count == names.names.count)
    }
}
