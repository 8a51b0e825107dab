import Foundation
import Testing
@testable import FundLedger
import TestSupport

/// `ReportWorkbook` (Sources/FundLedger/Workbook/ReportWorkbook.swift): a report's sheets read
/// back — the rows above the table (title, fund, parameters, unit, digest), the frozen header,
/// every kind of cell typed, the masked counts of a public report as the text they show, the
/// totals in bold, the notes — and a real trial balance whose every figure is the CSV's.
@Suite struct ReportWorkbookTests {
    static let generatedAt = Timestamp(millisecondsSinceEpoch: 1_796_164_055_000)
    static let hash = [UInt8](repeating: 0xAB, count: 32)

    /// A public report with two tables and every kind of cell.
    static var report: Report {
        let grants = ReportTable(key: "grants", title: LocalizedText("Grants received", "Các khoản tài trợ đã nhận"), columns: [
            ReportColumn("seq", LocalizedText("Entry", "Bút toán"), .count), ReportColumn("date", LocalizedText("Date", "Ngày"), .date),
            ReportColumn("funder", LocalizedText("Funder", "Nhà tài trợ"), .text), ReportColumn("kind", LocalizedText("Kind", "Loại"), .text),
            ReportColumn("amount", LocalizedText("Amount", "Số tiền nguyên tệ"), .amount), ReportColumn("vnd", LocalizedText("In VND", "Quy đổi VND"), .dong),
            ReportColumn("children", LocalizedText("Child-instances", "Lượt trẻ em"), .count), ReportColumn("share", LocalizedText("Share", "Tỷ lệ"), .percent),
        ], rows: [
            [.identifier(1253), .date(LedgerDate(year: 2018, month: 6, day: 1)!), .text("=HYPERLINK(\"http://x\")"), .localized(LocalizedText("Cash", "Tiền mặt")),
             .amount(Amount(minorUnits: 1_000_050, currency: .usd)), .dong(227_511_375), .children(3), .percent(part: 11, whole: 40)],
            [.identifier(1254), .date(LedgerDate(year: 2018, month: 12, day: 31)!), .text("UNICEF <VN> & co"), .localized(LocalizedText("Goods", "Hiện vật")),
             .amount(.vnd(5_000_000)), .dong(5_000_000), .children(7), .percent(part: 1, whole: 0)],
        ], totals: [.empty, .empty, .localized(LocalizedText("Total", "Tổng cộng")), .empty, .empty, .dong(232_511_375), .withheldCount, .empty])
        let uses = ReportTable(key: "uses", title: LocalizedText("Uses", "Sử dụng"), columns: [
            ReportColumn("program", LocalizedText("Program", "Chương trình"), .text), ReportColumn("vnd", LocalizedText("Spent", "Đã chi"), .dong),
        ], rows: [])
        return Report(key: "donor-statement", title: LocalizedText("Donor statement", "Báo cáo nhà tài trợ"), fundName: "Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm",
                      parameters: [(LocalizedText("From", "Từ ngày"), .date(LedgerDate(year: 2018, month: 1, day: 1)!)),
                                   (LocalizedText("To", "Đến ngày"), .date(LedgerDate(year: 2018, month: 12, day: 31)!))],
                      tables: [grants, uses], notes: [LocalizedText("Child-instances are rounded.", "Số lượt trẻ em được làm tròn.")],
                      generatedAt: generatedAt, headSeq: 1254, headHash: hash, isPublic: true)
    }

    @Test func aVietnameseReportReadsBackTyped() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("bao-cao.xlsx")
        try ReportWorkbook.write(ReportWorkbookTests.report, language: .vietnamese, to: path)
        let book = try WorkbookReading(path: path)
        #expect(book.sheets.map(\.name) == ["Các khoản tài trợ đã nhận", "Sử dụng"])
        let sheet = book.sheets[0]
        // Above the table: title, fund, parameters, unit, digest, then the table's title.
        let heading = (1...9).map { sheet.content("A\($0)") }
        #expect(heading == ["Báo cáo nhà tài trợ", "Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm", "Từ ngày: 01/01/2018", "Đến ngày: 31/12/2018",
                            "Đơn vị tính: đồng, trừ khi ghi loại tiền khác", "Mã xác thực sổ (bút toán 1254): " + String(repeating: "ab", count: 32),
                            nil, "Các khoản tài trợ đã nhận", nil])
        #expect(book.isBold(sheet.cells["A1"]) && !book.isBold(sheet.cells["A2"]))
        // The header row, frozen with the rows above it.
        #expect((["A", "B", "C", "E", "F", "G", "H"]).map { sheet.content("\($0)10") } == ["Bút toán", "Ngày", "Nhà tài trợ", "Số tiền nguyên tệ", "Quy đổi VND", "Lượt trẻ em", "Tỷ lệ"])
        #expect(sheet.frozenRowCount == 10 && book.isBold(sheet.cells["A10"]))
        // Figures are numbers; dates serials with the Vietnamese date format.
        #expect(sheet.content("A11") == "1253" && book.formatCode(sheet.cells["A11"]) == "General")
        #expect(sheet.content("B11") == String(WorkbookReading.serial("2018-06-01")) && book.formatCode(sheet.cells["B11"]) == "[$-42A]dd/mm/yyyy")
        #expect(sheet.content("E11") == "10000.50" && book.formatCode(sheet.cells["E11"]) == "[$-42A]#,##0.00 \"USD\"")
        #expect(sheet.content("E12") == "5000000" && book.formatCode(sheet.cells["E12"]) == "[$-42A]#,##0 \"₫\"")
        #expect(sheet.content("F11") == "227511375" && book.formatCode(sheet.cells["F11"]) == "[$-42A]#,##0")
        #expect(sheet.content("H11") == "0.275" && book.formatCode(sheet.cells["H11"]) == "[$-42A]0.0%")
        #expect(sheet.content("H12") == "—" && sheet.cells["H12"]?.type == "inlineStr")
        // Text in the report's language; a formula stays text.
        #expect(sheet.content("D11") == "Tiền mặt" && sheet.content("C11") == "=HYPERLINK(\"http://x\")" && sheet.cells["C11"]?.type == "inlineStr")
        // Children in a public report: "<5" as text, 7 shown as 5, the withheld total as "(ẩn)".
        #expect(sheet.content("G11") == "<5" && sheet.cells["G11"]?.type == "inlineStr")
        #expect(sheet.content("G12") == "5" && sheet.cells["G12"]?.type == nil)
        #expect(sheet.content("G13") == "(ẩn)" && sheet.cells["G13"]?.type == "inlineStr")
        // The totals row in bold.
        #expect(sheet.content("C13") == "Tổng cộng" && sheet.content("F13") == "232511375")
        #expect(book.isBold(sheet.cells["F13"]) && !book.isBold(sheet.cells["F12"]) && book.formatCode(sheet.cells["F13"]) == "[$-42A]#,##0")
        // The notes on the first sheet, after a blank row.
        #expect(sheet.content("A14") == nil && sheet.content("A15") == "Số lượt trẻ em được làm tròn.")
        #expect(sheet.cells.values.allSatisfy { !$0.hasFormula })
        // The second table has no rows and says so; no notes there.
        let uses = book.sheets[1]
        #expect(uses.content("A8") == "Sử dụng" && uses.content("A10") == "Chương trình" && uses.content("A11") == "Không có dòng nào")
        #expect(uses.frozenRowCount == 10 && uses.rows.last?.number == 11)
        try ZIPWriterTests.checkWithUnzip(path)
    }

    @Test func anEnglishReportUsesEnglishTextsAndFormats() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("report.xlsx")
        var report = ReportWorkbookTests.report
        report.isPublic = false
        report.tables.removeLast()
        try ReportWorkbook.write(report, language: .english, to: path)
        let book = try WorkbookReading(path: path)
        // One table: the sheet is named after the report, and no table title row.
        #expect(book.sheets.map(\.name) == ["Donor statement"])
        let sheet = book.sheets[0]
        #expect((1...7).map { sheet.content("A\($0)") } == ["Donor statement", "Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm", "From: 2018-01-01", "To: 2018-12-31",
                                                            "Amounts in VND unless another currency is shown",
                                                            "Ledger digest (entry 1254): " + String(repeating: "ab", count: 32), nil])
        #expect(sheet.frozenRowCount == 8)
        #expect(book.formatCode(sheet.cells["B9"]) == "yyyy-mm-dd" && book.formatCode(sheet.cells["F9"]) == "#,##0")
        #expect(book.formatCode(sheet.cells["E9"]) == "#,##0.00 \"USD\"" && book.formatCode(sheet.cells["E10"]) == "#,##0 \"VND\"")
        #expect(sheet.content("D9") == "Cash")
        // Not public: the true counts, as numbers.
        #expect(sheet.content("G9") == "3" && sheet.content("G10") == "7" && sheet.cells["G9"]?.type == nil)
    }

    /// A trial balance from real books: every figure of the sheet is the CSV's figure.
    @Test func aTrialBalanceHasTheCSVFigures() throws {
        let fixture = try TemporaryLedger()
        let june = LedgerDate(year: 2018, month: 6, day: 1)!
        for (index, dong) in [227_500_000, 3_000_000, 1_234_567].enumerated() {
            _ = try fixture.ledger.post(EntryDraft(date: june.adding(days: index), memo: "gift \(index)",
                                                   lines: [.debit("1121", .vnd(Int64(dong))), .credit("5132", .vnd(Int64(dong)))]), user: "tester")
        }
        _ = try fixture.ledger.post(EntryDraft(date: june, memo: "spend", lines: [.debit("6111", .vnd(2_000_000)), .credit("1121", .vnd(2_000_000))]), user: "tester")
        let report = try fixture.ledger.trialBalanceReport(through: LedgerDate(year: 2018, month: 12, day: 31)!)
        let path = fixture.directory.file("trial-balance.xlsx")
        try ReportWorkbook.write(report, language: .vietnamese, to: path)
        let sheet = try WorkbookReading(path: path).sheets[0]
        let headerRow = try #require(sheet.frozenRowCount)
        let table = report.tables[0]
        #expect(table.rows.count >= 3)
        for (offset, row) in table.rows.enumerated() {
            for (index, cell) in row.enumerated() {
                let reference = String(UnicodeScalar(UInt8(ascii: "A") + UInt8(index))) + String(headerRow + 1 + offset)
                let expected: String? = switch cell {
                case .empty: nil
                case .localized(let text): text.vietnamese
                default: cell.machineText(isPublic: false)
                }
                #expect(sheet.content(reference) == expected, "\(reference)")
            }
        }
        let totalsRow = headerRow + table.rows.count + 1
        #expect(sheet.content("C\(totalsRow)") == "233734567" && sheet.content("D\(totalsRow)") == "233734567")
    }
}
