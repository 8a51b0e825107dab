import Foundation
import Testing
import TestSupport

/// `--format xlsx --output FILE` on reports, listings and the export, and `--output` for every
/// other format: the file is a real workbook (the library's tests read its XML; LibreOffice
/// converts one when installed), an existing file is never written over, and a workbook
/// without `--output` is a usage error.
@Suite struct WorkbookOutputTests {
    private func books() throws -> CLILedger {
        let ledger = try CLILedger()
        try ledger.mustRun(["funder", "add", "KFW", "--name", "Kinderhilfe e.V.", "--kind", "ngo", "--currency", "USD"])
        try ledger.mustRun(["unit", "add", "TN", "--name", "Tỉnh Tây Ninh", "--level", "province"])
        try ledger.mustRun(["receive", "--date", "2018-03-02", "--funder", "KFW", "--amount", "4000.00 USD", "--into", "1122", "--ref", "PT-01"])
        try ledger.mustRun(["convert", "--date", "2018-03-05", "--from", "1122", "--amount", "4000.00 USD", "--into", "1121", "--received", "91000000 VND"])
        try ledger.mustRun(["disburse", "--date", "2018-04-01", "--program", "scholarship", "--unit", "TN", "--amount", "3000000 VND",
                            "--children", "6", "--ref", "PC-01"])
        return ledger
    }

    /// The parts of the ZIP (stored entries name themselves in plain bytes).
    private func parts(of path: String) throws -> Data {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(data.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]), "a ZIP archive")
        return data
    }

    private func contains(_ data: Data, _ text: String) -> Bool { data.range(of: Data(text.utf8)) != nil }

    @Test(arguments: [["report", "trial-balance", "--to", "2018-12-31"], ["report", "ledger", "--account", "1121", "--year", "2018"],
                      ["funder", "list"], ["grant", "list"], ["audit"], ["settings", "show"]])
    func reportsAndListingsWriteWorkbooks(_ command: [String]) throws {
        let ledger = try CLILedger()
        let path = ledger.directory.file("out.xlsx")
        let result = try ledger.run(command + ["--format", "xlsx", "--output", path])
        #expect(result.status == 0 || command == ["audit"], "\(result.standardError)")
        #expect(result.standardOutput.contains("Wrote \(path)."))
        let data = try parts(of: path)
        for part in ["[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml"] {
            #expect(contains(data, part), "\(part) in the workbook")
        }
        #expect(contains(data, "state=\"frozen\""), "the header rows are frozen")
    }

    @Test func theJournalExportsAsAWorkbookInTheReadersLanguage() throws {
        let ledger = try books()
        let path = ledger.directory.file("journal.xlsx")
        let result = try ledger.run(["export", "--format", "xlsx", "--output", path], environment: ["CPF_LANG": "vi"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("Đã xuất sổ nhật ký (xlsx, 3 bút toán"))
        let data = try parts(of: path)
        #expect(contains(data, "Sổ nhật ký"), "the sheet is named in Vietnamese")
        #expect(contains(data, "[$-42A]"), "numbers and dates in the Vietnamese format")
    }

    @Test func theJournalListingWritesTheWholeJournalAsAWorkbook() throws {
        let ledger = try books()
        let path = ledger.directory.file("journal.xlsx")
        let result = try ledger.run(["journal", "--format", "xlsx", "--output", path])
        #expect(result.status == 0 && result.standardOutput == "Wrote the journal (3 entries) to \(path).\n", "\(result)")
        #expect(contains(try parts(of: path), "xl/worksheets/sheet1.xml"))
        let part = try ledger.run(["journal", "--format", "xlsx", "--last", "2", "--output", ledger.directory.file("part.xlsx")])
        #expect(part.status == 2 && part.standardError.contains("for a part of it use --format csv"))
    }

    @Test func anExistingFileIsNeverWrittenOverAndNothingElseChanges() throws {
        let ledger = try CLILedger()
        let path = ledger.directory.file("taken.xlsx")
        try Data("mine".utf8).write(to: URL(fileURLWithPath: path))
        for command in [["report", "trial-balance", "--format", "xlsx", "--output", path], ["export", "--format", "xlsx", "--output", path],
                        ["report", "trial-balance", "--format", "csv", "--output", path]] {
            let result = try ledger.run(command)
            #expect(result.status == 1 && result.standardError.contains("already exists"), "\(command): \(result.standardError)")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "mine")
        }
    }

    @Test func aWorkbookNeedsAFile() throws {
        let ledger = try CLILedger()
        for command in [["report", "trial-balance", "--format", "xlsx"], ["export", "--format", "xlsx"], ["grant", "list", "--format", "xlsx"]] {
            let result = try ledger.run(command)
            #expect(result.status == 2 && result.standardError.contains("give --output FILE.xlsx"), "\(command): \(result.standardError)")
        }
    }

    @Test func anyFormatGoesToAFileWithOutputAndTheConfirmationStaysOnStandardOutput() throws {
        let ledger = try books()
        let path = ledger.directory.file("reach.csv")
        let result = try ledger.run(["report", "reach", "--year", "2018", "--format", "csv", "--bom", "--output", path])
        #expect(result.status == 0)
        #expect(result.standardOutput == "Wrote \(path).\n", "the data went into the file, not to standard output")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.prefix(3) == Data([0xEF, 0xBB, 0xBF]) && contains(bytes, "program,children,spent_vnd"))
        let journal = ledger.directory.file("journal.txt")
        #expect(try ledger.run(["journal", "--output", journal]).status == 0)
        #expect(try String(contentsOfFile: journal, encoding: .utf8).contains("#3"))
    }

    /// LibreOffice reads the workbook `cpf` writes (skipped when it is not installed; `.ci/run`
    /// installs it when it can).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice")))
    func libreOfficeConvertsAReportWorkbook() throws {
        let ledger = try books()
        let path = ledger.directory.file("tb.xlsx")
        #expect(try ledger.run(["report", "trial-balance", "--to", "2018-12-31", "--format", "xlsx", "--output", path], environment: ["CPF_LANG": "vi"]).status == 0)
        let outDir = ledger.directory.file("converted")
        let converted = try CPFRunner.runProgram("/usr/bin/soffice", ["-env:UserInstallation=file://\(ledger.directory.path)/lo-profile", "--headless",
                                                                      "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false",
                                                                      "--outdir", outDir, path], environment: ["HOME": ledger.directory.path, "PATH": "/usr/bin:/bin"])
        #expect(converted.status == 0, "\(converted.standardError)")
        let csv = try String(contentsOfFile: outDir + "/tb.csv", encoding: .utf8)
        #expect(csv.contains("Bảng cân đối tài khoản") && csv.contains("1122"), "\(csv)")
        #expect(csv.contains("91.000.000"), "the dong figure, shown the Vietnamese way: \(csv)")
    }
}
