import Foundation
import Testing
@testable import FundLedger
import LedgerGenerator
import TestSupport

/// `Ledger.exportWorkbook` (Sources/FundLedger/Workbook/Ledger+WorkbookExport.swift) on
/// generated books: the sheet has the CSV export's rows and columns, field for field, with
/// numbers, dates and text typed; a journal larger than a sheet continues on further sheets,
/// each with its header.
@Suite struct JournalWorkbookTests {
    static let createdAt = Timestamp(millisecondsSinceEpoch: 1_796_164_055_000)

    /// 400 generated entries (dong, USD with daily rates, grants, goods), a memo that looks
    /// like a formula, and a reversal.
    static let books = Result { try JournalBooks() }

    /// A connection of the test's own to the shared books: tests run in parallel, and a
    /// connection is used by one thread at a time.
    static func open() throws -> (JournalBooks, Ledger) {
        let books = try books.get()
        return (books, try Ledger.open(at: books.fixture.path))
    }

    final class JournalBooks: @unchecked Sendable {
        let fixture: TemporaryLedger
        let csv: [CSVRecord]

        init() throws {
            let fixture = try TemporaryLedger(withUSDRate: false)
            let ledger = fixture.ledger
            try LedgerGenerator().prepare(ledger, entryCount: 400, user: "tester")
            var iterator = LedgerGenerator().makeIterator()
            _ = try ledger.post((0..<400).map { _ in iterator.next()! }, user: "tester")
            let date = LedgerGenerator().startDate.adding(days: 30)
            let posted = try ledger.post(EntryDraft(date: date, memo: "=1+1 <b>&amp;</b>", externalRef: "=HYPERLINK(\"x\")",
                                                    lines: [.debit("1111", .vnd(1_000)), .credit("5111", .vnd(1_000))]), user: "tester")
            _ = try ledger.reverse(seq: posted.entry!.seq, reason: "mistake", date: date, user: "tester")
            self.fixture = fixture
            var text = ""
            try ledger.exportJournal(.csv) { text += $0 }
            // As typed: the CSV puts a ' before a text a spreadsheet would take for a formula;
            // a workbook's text cells need none.
            csv = try ExportTests.csvRecords(text).map { CSVRecord(fields: $0.fields.map(CSVWriter.restored), line: $0.line) }
        }
    }

    /// A cell as the CSV writes it: a date back to ISO, a number's `<v>`, the text.
    static func machineText(_ book: WorkbookReading, _ sheet: WorkbookReading.Sheet, _ reference: String) -> String {
        guard let cell = sheet.cells[reference] else { return "" }
        if let value = cell.value, book.formatCode(cell)?.contains("yy") == true, let serial = Int(value) {
            return LedgerDate(daysSinceEpoch: serial - 25_569).iso
        }
        return cell.text ?? cell.value ?? ""
    }

    static func reference(_ column: Int, _ row: Int) -> String {
        String(decoding: WorksheetWriter.columnLetters(column), as: UTF8.self) + String(row)
    }

    @Test func theSheetHasTheCSVExportsRowsAndColumns() throws {
        let (books, ledger) = try JournalWorkbookTests.open()
        let path = books.fixture.directory.file("journal-en.xlsx")
        let summary = try ledger.exportWorkbook(to: path, language: .english, createdAt: JournalWorkbookTests.createdAt)
        #expect(summary.sheetNames == ["Journal"] && summary.rowCount == books.csv.count - 1)
        #expect(summary.entryCount == Int(try ledger.chainHead().seq))
        #expect(JournalWorkbook.columns.map(\.key) == JournalListing.csvColumns)
        let book = try WorkbookReading(path: path)
        let sheet = try #require(book.sheet("Journal"))
        #expect(sheet.frozenRowCount == 1 && sheet.rows.count == books.csv.count)
        #expect((0..<JournalWorkbook.columns.count).map { sheet.content(JournalWorkbookTests.reference($0, 1)) }
                == JournalWorkbook.columns.map(\.title.english))
        var differences = 0
        for (index, record) in books.csv.enumerated().dropFirst() {
            let fields = (0..<record.fields.count).map { JournalWorkbookTests.machineText(book, sheet, JournalWorkbookTests.reference($0, index + 1)) }
            if fields != record.fields {
                differences += 1
                if differences <= 3 { Issue.record("row \(index + 1):\n  csv  \(record.fields)\n  xlsx \(fields)") }
            }
        }
        #expect(differences == 0)
        // Typed: the entry a number, the date a date, amounts numbers with two decimals for
        // USD, the memo that looks like a formula text.
        let columns = Dictionary(uniqueKeysWithValues: JournalListing.csvColumns.enumerated().map { ($1, $0) })
        func cell(_ key: String, _ row: Int) -> WorkbookReading.Cell? { sheet.cells[JournalWorkbookTests.reference(columns[key]!, row)] }
        #expect(cell("entry", 2)?.type == nil && book.formatCode(cell("date", 2)) == "yyyy-mm-dd" && book.formatCode(cell("vnd", 2)) == "#,##0")
        let usdRow = try #require(books.csv.firstIndex { $0.fields[columns["currency"]!] == "USD" && !$0.fields[columns["debit"]!].isEmpty }) + 1
        #expect(book.formatCode(cell("debit", usdRow)) == "#,##0.00" && cell("rate", usdRow)?.type == nil)
        let hostileRow = try #require(books.csv.firstIndex { $0.fields[columns["memo"]!].hasPrefix("=1+1") }) + 1
        #expect(cell("memo", hostileRow)?.type == "inlineStr" && cell("ref", hostileRow)?.text == "=HYPERLINK(\"x\")")
        #expect(sheet.cells.values.allSatisfy { !$0.hasFormula })
        #expect(books.csv.contains { !$0.fields[columns["reverses"]!].isEmpty })
        try ZIPWriterTests.checkWithUnzip(path)
    }

    @Test func aVietnameseJournalHasVietnameseTitlesAndFormats() throws {
        let (books, ledger) = try JournalWorkbookTests.open()
        let path = books.fixture.directory.file("so-nhat-ky.xlsx")
        try ledger.exportWorkbook(to: path, language: .vietnamese, createdAt: JournalWorkbookTests.createdAt)
        let book = try WorkbookReading(path: path)
        let sheet = try #require(book.sheet("Sổ nhật ký"))
        #expect((0..<5).map { sheet.content(JournalWorkbookTests.reference($0, 1)) } == ["Bút toán", "Ngày", "Diễn giải", "Số chứng từ", "Tài khoản"])
        #expect(book.formatCode(sheet.cells["B2"]) == "[$-42A]dd/mm/yyyy" && book.formatCode(sheet.cells["I2"]) == "[$-42A]#,##0")
        #expect(sheet.rows.count == books.csv.count)
    }

    /// A journal longer than a sheet (here 100 rows, in truth 1,048,576) goes on in "Journal (2)"
    /// and so on, each sheet with its header row, no row lost or repeated.
    @Test func aLongJournalContinuesOnFurtherSheets() throws {
        let (books, ledger) = try JournalWorkbookTests.open()
        let path = books.fixture.directory.file("journal-sheets.xlsx")
        let summary = try ledger.exportWorkbook(to: path, language: .english, createdAt: JournalWorkbookTests.createdAt, rowCountLimit: 100)
        let rowCount = books.csv.count - 1
        let sheetCount = (rowCount + 98) / 99
        #expect(summary.sheetNames == ["Journal"] + (2...sheetCount).map { "Journal (\($0))" })
        let book = try WorkbookReading(path: path)
        #expect(book.sheets.map(\.name) == summary.sheetNames)
        var entries: [String] = []
        for sheet in book.sheets {
            #expect(sheet.content("A1") == "Entry" && sheet.frozenRowCount == 1 && sheet.rows.count <= 100)
            entries += sheet.rows.dropFirst().map { JournalWorkbookTests.machineText(book, sheet, "A\($0.number)") }
        }
        #expect(entries == books.csv.dropFirst().map { $0.fields[0] })
    }

    @Test func aJournalToAMissingFolderIsRefused() throws {
        let (_, ledger) = try JournalWorkbookTests.open()
        let error = #expect(throws: LedgerError.self) {
            try ledger.exportWorkbook(to: "/nonexistent-folder-of-cpf/journal.xlsx", language: .english)
        }
        #expect(error?.rule == .invalidInput)
    }
}
