import Foundation
import FundLedger
import Testing
import TestSupport

/// `cpf demo`: builds the demonstration ledger, replaces an earlier one, never touches
/// real books.
@Suite struct DemoCommandTests {
    private func ledgerID(_ path: String) throws -> String? {
        var configuration = Database.Configuration()
        configuration.journalModeWAL = false
        let database = try Database(path: path, mode: .readOnly, configuration: configuration)
        return try database.scalarText("SELECT value FROM ledger_meta WHERE key = 'ledger_id'")
    }

    @Test func buildsDemoLedgerInCurrentDirectory() throws {
        let directory = TemporaryDirectory("cpf-demo")
        let result = try CPFRunner.run(["demo"], in: directory.path)
        expectSuccess(result)
        let path = directory.file("cpf-demo.cpf")
        #expect(FileManager.default.fileExists(atPath: path))
        let output = result.standardOutput
        #expect(output.hasPrefix("Quỹ Bảo trợ trẻ em tỉnh Tây Ninh — demonstration ledger at cpf-demo.cpf"), "\(result)")
        #expect(output.contains("Trial balance — Quỹ Bảo trợ trẻ em tỉnh Tây Ninh"), "\(result)")
        let totals = try #require(output.lines.first { $0.hasPrefix("Total") }, "\(result)")
        let figures = totals.split(separator: " ").dropFirst().map(String.init)
        #expect(figures.count == 4 && figures[0] == figures[1] && figures[2] == figures[3], "debits equal credits: \(totals)")
        #expect(output.lines.contains { $0.hasPrefix("OK: ") && $0.contains("entries") }, "\(result)")
        let head = try #require(output.headDigest, "\(result)")

        let verified = try CPFRunner.run(["--db", path, "verify"])
        expectSuccess(verified)
        #expect(verified.standardOutput.headDigest == head)
    }

    @Test func runningTwiceReplacesTheDemoLedger() throws {
        let directory = TemporaryDirectory("cpf-demo")
        let path = directory.file("cpf-demo.cpf")
        expectSuccess(try CPFRunner.run(["demo"], in: directory.path))
        let firstID = try ledgerID(path)
        let firstEntries = try CPFRunner.run(["--db", path, "journal", "--format", "json"])
        let firstCount = (try JSON.parse(firstEntries.standardOutput) as? [Any])?.count ?? -1

        let second = try CPFRunner.run(["demo"], in: directory.path)
        expectSuccess(second)
        #expect(try ledgerID(path) != firstID, "a new ledger replaced the old one")
        let secondEntries = try CPFRunner.run(["--db", path, "journal", "--format", "json"])
        #expect((try JSON.parse(secondEntries.standardOutput) as? [Any])?.count == firstCount, "entries were not appended")
        #expect(firstCount > 0)
        expectSuccess(try CPFRunner.run(["--db", path, "verify"]))
    }

    @Test func writesToTheGivenPathAndFromCPF_DB() throws {
        let directory = TemporaryDirectory("cpf-demo")
        expectSuccess(try CPFRunner.run(["--db", "show.cpf", "demo"], in: directory.path))
        #expect(FileManager.default.fileExists(atPath: directory.file("show.cpf")))
        expectSuccess(try CPFRunner.run(["demo"], in: directory.path, environment: ["CPF_DB": "env.cpf"]))
        #expect(FileManager.default.fileExists(atPath: directory.file("env.cpf")))
        #expect(!FileManager.default.fileExists(atPath: directory.file("cpf-demo.cpf")))
    }

    @Test func refusesToReplaceRealBooks() throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_000, debit: "1111", credit: "5132")
        let result = try expectRefused(ledger, ["demo"], rule: "ledger-exists", mentions: [ledger.path, "not a demonstration ledger"])
        #expect(result.standardError.contains("--db"), "the hint says how to give another path\n\(result)")
        try expectRefused(ledger, ["demo"], rule: "ledger-exists", environment: ["CPF_DB": ledger.path])
        #expect(try ledger.journalJSON().count == 1)
    }

    @Test func refusesToReplaceOtherFiles() throws {
        let directory = TemporaryDirectory("cpf-demo")
        let path = directory.file("cpf-demo.cpf")
        try "not a ledger".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CPFRunner.run(["demo"], in: directory.path)
        expectRefusal(result, rule: "ledger-exists", mentions: ["cpf-demo.cpf"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a ledger")
    }

    @Test func refusesToReplaceDatabaseOfAnotherApplicationAndLeavesItUnchanged() throws {
        let directory = TemporaryDirectory("cpf-demo")
        let path = directory.file("other.sqlite")
        do {
            var configuration = Database.Configuration()
            configuration.journalModeWAL = false
            let database = try Database(path: path, mode: .readWriteCreate, configuration: configuration)
            try database.execute("PRAGMA application_id = 1234; CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO note (text) VALUES ('hello')")
        }
        let before = try LedgerFingerprint.leavingNoTrace(of: path)
        let result = try CPFRunner.run(["--db", path, "demo"])
        expectRefusal(result, rule: "ledger-exists", mentions: [path])
        let after = try LedgerFingerprint.leavingNoTrace(of: path)
        #expect(after.contentDigest == before.contentDigest)
        #expect(after.fileDigest == before.fileDigest, "before \(before), after \(after)")
    }

    @Test func unknownScenarioIsUsageError() throws {
        let directory = TemporaryDirectory("cpf-demo")
        expectUsageError(try CPFRunner.run(["demo", "--scenario", "atlantis"], in: directory.path), mentions: ["atlantis", "tay-ninh-2018"], help: "demo")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
