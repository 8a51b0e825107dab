import Foundation
import Testing
@testable import FundLedger
import TestSupport

/// Workbooks opened by LibreOffice Calc, when it is installed (.ci/run installs it when it
/// can): `soffice --headless --convert-to csv` turns the first sheet into CSV with each cell
/// as Calc shows it, so the figures, their formats in each language and the text that looks
/// like a formula are checked as a reader sees them.
@Suite(.enabled(if: LibreOffice.isInstalled, "LibreOffice (/usr/bin/soffice) is not installed"))
struct LibreOfficeWorkbookTests {

    /// Converts `files` in `directory` to CSV: UTF-8 (76), comma-separated, cells as shown
    /// (the ninth token of the filter options), with a profile of its own, so that Calc
    /// neither waits for nor hands its work to another instance.
    static func convert(_ files: [String], in directory: TemporaryDirectory) throws -> [String: String] {
        let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false"
        let result = try CPFRunner.runProgram(LibreOffice.soffice, ["-env:UserInstallation=file://\(directory.file("profile"))", "--headless",
                                                        "--convert-to", filter, "--outdir", directory.file("csv")] + files.map(directory.file))
        #expect(result.status == 0, "\(result)")
        var converted: [String: String] = [:]
        for file in files {
            let csv = directory.file("csv/" + file.replacingOccurrences(of: ".xlsx", with: ".csv"))
            converted[file] = try String(contentsOfFile: csv, encoding: .utf8)
        }
        return converted
    }

    @Test func calcShowsTheReportsFiguresInEachLanguage() throws {
        let directory = TemporaryDirectory()
        try ReportWorkbook.write(ReportWorkbookTests.report, language: .vietnamese, to: directory.file("vi.xlsx"))
        try ReportWorkbook.write(ReportWorkbookTests.report, language: .english, to: directory.file("en.xlsx"))
        let csv = try LibreOfficeWorkbookTests.convert(["vi.xlsx", "en.xlsx"], in: directory)
        let vietnamese = csv["vi.xlsx"]?.split(separator: "\n").map(String.init) ?? []
        let english = csv["en.xlsx"]?.split(separator: "\n").map(String.init) ?? []
        #expect(vietnamese.first == "Báo cáo nhà tài trợ,,,,,,,")
        #expect(vietnamese.contains("Bút toán,Ngày,Nhà tài trợ,Loại,Số tiền nguyên tệ,Quy đổi VND,Lượt trẻ em,Tỷ lệ"))
        #expect(vietnamese.contains(#"1253,01/06/2018,"=HYPERLINK(""http://x"")",Tiền mặt,"10.000,50 USD",227.511.375,<5,"27,5%""#), "\(vietnamese)")
        #expect(vietnamese.contains("1254,31/12/2018,UNICEF <VN> & co,Hiện vật,5.000.000 ₫,5.000.000,5,—"), "\(vietnamese)")
        #expect(vietnamese.contains(",,Tổng cộng,,,232.511.375,(ẩn),"), "\(vietnamese)")
        #expect(english.contains(#"1253,2018-06-01,"=HYPERLINK(""http://x"")",Cash,"10,000.50 USD","227,511,375",<5,27.5%"#), "\(english)")
        #expect(english.contains(#",,Total,,,"232,511,375",(hidden),"#), "\(english)")
        #expect(english.contains("Ledger digest (entry 1254): " + String(repeating: "ab", count: 32) + ",,,,,,,"))
    }

    @Test func calcReadsTheJournalsTypedCells() throws {
        let directory = TemporaryDirectory()
        let (books, ledger) = try JournalWorkbookTests.open()
        try ledger.exportWorkbook(to: directory.file("journal.xlsx"), language: .vietnamese, createdAt: JournalWorkbookTests.createdAt)
        let lines = try LibreOfficeWorkbookTests.convert(["journal.xlsx"], in: directory)["journal.xlsx"]?.split(separator: "\n") ?? []
        #expect(lines.count == books.csv.count)
        #expect(lines.first?.hasPrefix("Bút toán,Ngày,Diễn giải,Số chứng từ,Tài khoản,Nợ,Có,Tiền tệ,Quy đổi VND,Tỷ giá") == true)
        // The first entry's first line, as Calc shows it in Vietnamese: dates dd/mm/yyyy, dong grouped with dots.
        let first = books.csv[1].fields
        let date = try LedgerDate.parse(first[1])
        let dong = Int64(first[8])!
        #expect(lines[1].hasPrefix("1,\(MoneyFormat.vietnamese.format(date)),\(first[2]),\(first[3]),\(first[4]),\(MoneyFormat.vietnamese.number(dong)),"),
                "\(lines[1])")
    }
}

enum LibreOffice {
    static let soffice = "/usr/bin/soffice"
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: soffice) }
}
