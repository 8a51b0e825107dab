import Foundation
import FundLedger
import Testing
import TestSupport

/// `cpf init`, and opening files that are not ledgers.
@Suite struct InitCommandTests {
    @Test func createsLedgerWithStandardChart() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("fund.cpf")
        let result = try CPFRunner.run(["--db", path, "init", "--name", "Quỹ BTTE xã An Bình"])
        expectSuccess(result)
        #expect(result.standardOutput.hasPrefix("Created the ledger of Quỹ BTTE xã An Bình at \(path): schema version "), "\(result)")
        #expect(result.standardOutput.hasSuffix(", 51 accounts.\n"), "\(result)")
        let accounts = try CPFRunner.run(["--db", path, "account", "list", "--format", "csv"])
        #expect(accounts.standardOutput.lines.count == 1 + 51)
        let verified = try CPFRunner.run(["--db", path, "verify"])
        expectSuccess(verified)
        #expect(verified.standardOutput.hasPrefix("OK: 0 entries and 0 lines verified"), "\(verified)")
    }

    @Test func createsLedgerWithOwnChart() throws {
        let directory = TemporaryDirectory()
        let chart = directory.file("chart.csv")
        try "code,name_vi,name_en,type,currency,parent\n111,Tiền mặt,Cash,asset,,\n511,Thu,Revenue,revenue,,\n"
            .write(toFile: chart, atomically: true, encoding: .utf8)
        let path = directory.file("fund.cpf")
        let result = try CPFRunner.run(["--db", path, "init", "--name", "Quỹ nhỏ", "--chart", chart])
        expectSuccess(result)
        #expect(result.standardOutput.hasSuffix(", 2 accounts.\n"), "\(result)")
        expectSuccess(try CPFRunner.run(["--db", path, "post", "--date", "2018-01-05", "--debit", "111 100 VND", "--credit", "511 100 VND"]))
    }

    @Test func refusesExistingLedger() throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_000, debit: "1111", credit: "5132")
        try expectRefused(ledger, ["init", "--name", "Another fund"], rule: "ledger-exists", mentions: [ledger.path])
    }

    @Test func refusesAnyExistingFile() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("notes.txt")
        try "my notes\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CPFRunner.run(["--db", path, "init", "--name", "Fund"])
        expectRefusal(result, rule: "ledger-exists", mentions: [path])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "my notes\n")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func refusesEmptyFundNameAndLeavesNoFile() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("fund.cpf")
        let result = try CPFRunner.run(["--db", path, "init", "--name", ""])
        expectRefusal(result, rule: "invalid-text", mentions: ["fund name", "empty"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func refusesInvalidChartAndLeavesNoFile() throws {
        let directory = TemporaryDirectory()
        let chart = directory.file("chart.csv")
        try "code,name_vi,name_en,type,currency,parent\n9,A,B,asset,,\n91,C,D,expense,,9\n".write(toFile: chart, atomically: true, encoding: .utf8)
        let result = try CPFRunner.run(["--db", directory.file("fund.cpf"), "init", "--name", "Fund", "--chart", chart])
        expectRefusal(result, rule: "invalid-chart", mentions: ["91", "expense", "asset"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["chart.csv"])
    }

    @Test func refusesMissingChartFileAndLeavesNoFile() throws {
        let directory = TemporaryDirectory()
        let result = try CPFRunner.run(["--db", directory.file("fund.cpf"), "init", "--name", "Fund", "--chart", directory.file("nope.csv")])
        expectRefusal(result, rule: "invalid-input", mentions: ["nope.csv"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func failsInMissingDirectoryWithAMessageThatHelps() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("no-such-folder/fund.cpf")
        let result = try CPFRunner.run(["--db", path, "init", "--name", "Fund"])
        #expect(result.status == 1, "\(result)")
        #expect(result.standardOutput.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        #expect(result.standardError.contains(path), "\(result)")
        #expect(result.standardError.contains("\nhint: "), "\(result)")
    }

    @Test func nameIsRequired() throws {
        let directory = TemporaryDirectory()
        expectUsageError(try CPFRunner.run(["--db", directory.file("fund.cpf"), "init"]), mentions: ["--name"], help: "init")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    // MARK: Opening what is not a ledger

    @Test func refusesMissingFileAndCreatesNothing() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("missing.cpf")
        for arguments in [["journal"], ["verify"], ["post", "--date", "2018-06-01", "--debit", "1111 1 VND", "--credit", "5132 1 VND"]] {
            let result = try CPFRunner.run(["--db", path] + arguments)
            expectRefusal(result, rule: "not-a-ledger", mentions: [path])
            #expect(result.standardError.contains("init"), "the hint says how to create one\n\(result)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func refusesTextFileAndLeavesItAlone() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("notes.cpf")
        let text = "This is not a ledger.\n" + String(repeating: "x", count: 5000)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        for arguments in [["journal"], ["verify"], ["post", "--date", "2018-06-01", "--debit", "1111 1 VND", "--credit", "5132 1 VND"]] {
            let result = try CPFRunner.run(["--db", path] + arguments)
            expectRefusal(result, rule: "not-a-ledger", mentions: [path, "not an SQLite database"])
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["notes.cpf"])
    }

    /// An SQLite database of another application (`PRAGMA application_id` is not "CPF1"), in
    /// rollback-journal mode as most applications leave their files.
    private func makeOtherDatabase(at path: String) throws {
        var configuration = Database.Configuration()
        configuration.journalModeWAL = false
        let database = try Database(path: path, mode: .readWriteCreate, configuration: configuration)
        try database.execute("PRAGMA application_id = 1234; CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO note (text) VALUES ('hello')")
    }

    @Test func refusesDatabaseOfAnotherApplication() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("other.sqlite")
        try makeOtherDatabase(at: path)
        let before = try LedgerFingerprint.leavingNoTrace(of: path)
        let result = try CPFRunner.run(["--db", path, "journal"])
        expectRefusal(result, rule: "not-a-ledger", mentions: [path, "not a cpf ledger"])
        let after = try LedgerFingerprint.leavingNoTrace(of: path)
        #expect(after.contentDigest == before.contentDigest && after.rowCount == before.rowCount)
        #expect(after.fileDigest == before.fileDigest, "before \(before), after \(after)")
    }

    @Test func refusesFileWithTheLedgerApplicationIDButNoBooks() throws {
        // A damaged ledger, or any SQLite file stamped "CPF1", without the fund's name and id.
        let directory = TemporaryDirectory()
        let path = directory.file("damaged.cpf")
        do {
            var configuration = Database.Configuration()
            configuration.journalModeWAL = false
            let database = try Database(path: path, mode: .readWriteCreate, configuration: configuration)
            try database.execute("PRAGMA application_id = \(Ledger.applicationID); CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)")
        }
        let before = try LedgerFingerprint.leavingNoTrace(of: path)
        let result = try CPFRunner.run(["--db", path, "journal"])
        expectRefusal(result, rule: "not-a-ledger", mentions: [path])
        let after = try LedgerFingerprint.leavingNoTrace(of: path)
        #expect(after.contentDigest == before.contentDigest, "before \(before), after \(after)")
        #expect(after.fileDigest == before.fileDigest)
    }

    @Test func refusesLedgerWrittenByNewerSchema() throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_000, debit: "1111", credit: "5132")
        do {
            let database = try Database(path: ledger.path, mode: .readWrite)
            try database.execute("INSERT INTO schema_migration (version, name, sha256, applied_at) VALUES (999, 'from the future', 'x', '2030-01-01T00:00:00.000Z')")
        }
        for arguments in [["journal"], ["verify"], ["report", "trial-balance"],
                          ["post", "--date", "2018-06-01", "--debit", "1111 1 VND", "--credit", "5132 1 VND"]] {
            try expectRefused(ledger, arguments, rule: "schema-too-new", mentions: ["999"])
        }
    }
}
