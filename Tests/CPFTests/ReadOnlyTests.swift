import Foundation
import FundLedger
import Testing
import TestSupport

/// An auditor verifies a ledger they cannot write: on read-only media, in a folder they may
/// not write, or a file they may only read. `verify`, `audit`, `report`, `journal`, `export`,
/// `seal`, `history` and `grant show` work there and never write to the file they read; a
/// command that records something is refused with a clear message.
///
/// The tests run `cpf` as the unprivileged user `nobody` (65534) through `setpriv`, since the
/// tests themselves may run as root, whom no file mode stops; without root or `setpriv` they
/// make the folder and file read-only for the test's own user.
@Suite struct ReadOnlyTests {
    static let readingCommands: [[String]] = [
        ["verify"], ["audit"], ["report", "trial-balance"], ["report", "donor-statement", "--funder", "AIA", "--year", "2018"], ["report", "disclosure", "--year", "2018"], ["journal"],
        ["journal", "--format", "json"], ["export", "--format", "json"], ["export", "--format", "hledger"],
        ["seal", "--period", "2018"], ["history"], ["grant", "show", "AIA-2018"], ["account", "list"], ["rate", "list"],
    ]

    private static var runsAsRoot: Bool { geteuid() == 0 }

    /// Runs `cpf --db PATH arguments…` as a user who may read but not write the ledger.
    private func runAsReader(_ path: String, _ arguments: [String], in directory: String) throws -> CPFResult {
        let environment = ["PATH": "/usr/bin:/bin", "CPF_USER": "auditor", "LANG": "C.UTF-8", "HOME": "/tmp", "CPF_LANG": "en"]
        guard ReadOnlyTests.runsAsRoot else {
            return try CPFRunner.run(["--db", path] + arguments, in: directory, environment: environment)
        }
        return try CPFRunner.runProgram("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", CPFRunner.executablePath,
                                                            "--db", path] + arguments, in: directory, environment: environment)
    }

    /// A ledger with a grant, a donation and coded scholarships, in a folder of its own.
    private func books() throws -> CLILedger {
        let ledger = try CLILedger()
        try ledger.mustRun(["funder", "add", "AIA", "--name", "AIA Việt Nam", "--kind", "company"])
        try ledger.mustRun(["grant", "add", "AIA-2018", "--funder", "AIA", "--amount", "50000000 VND"])
        try ledger.mustRun(["receive", "--date", "2018-06-01", "--funder", "AIA", "--grant", "AIA-2018", "--amount", "50000000 VND", "--ref", "PT-1"])
        try ledger.mustRun(["post", "--date", "2018-06-05", "--memo", "Học bổng", "--ref", "PC-1",
                            "--debit", "6111 3000000 VND program=scholarship grant=AIA-2018 children=3 beneficiaries=TN-0001,TN-0002,TN-0003",
                            "--credit", "1121 3000000 VND grant=AIA-2018"])
        return ledger
    }

    /// The directory's names, and every file's bytes and modification time.
    private func snapshot(_ directory: String) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            let path = directory + "/" + name
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            let data = FileManager.default.contents(atPath: path) ?? Data()
            files[name] = "\(data.count) bytes, sha256 \(SHA256.hash(Array(data)).hexString), modified \(attributes[.modificationDate] ?? "?")"
        }
        return files
    }

    /// The folder and the file made read-only for the reader: owned by root with no write
    /// permission for others (the reader is `nobody`), or read-only for the test's user.
    private func lockDown(_ ledger: CLILedger) throws {
        let manager = FileManager.default
        if ReadOnlyTests.runsAsRoot {
            try manager.setAttributes([.ownerAccountID: 65534, .posixPermissions: 0o400], ofItemAtPath: ledger.path)
        } else {
            try manager.setAttributes([.posixPermissions: 0o400], ofItemAtPath: ledger.path)
        }
        try manager.setAttributes([.posixPermissions: 0o555], ofItemAtPath: ledger.directory.path)
    }

    private func unlock(_ ledger: CLILedger) throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: ledger.directory.path)
        try FileManager.default.setAttributes([.ownerAccountID: geteuid(), .posixPermissions: 0o600], ofItemAtPath: ledger.path)
    }

    @Test func everyReadingCommandWorksInAFolderTheReaderCannotWrite() throws {
        guard !ReadOnlyTests.runsAsRoot || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
        let ledger = try books()
        try lockDown(ledger)
        defer { try? unlock(ledger) }
        let before = try snapshot(ledger.directory.path)
        #expect(before.keys.sorted() == ["fund.cpf"], "the ledger was left checkpointed, with no -wal or -shm")
        for arguments in ReadOnlyTests.readingCommands {
            let result = try runAsReader(ledger.path, arguments, in: "/tmp")
            #expect(result.status == 0, "cpf \(arguments.joined(separator: " ")) on a read-only ledger\n\(result)")
            #expect(!result.standardError.contains("readonly") && !result.standardError.contains("SQLite"), "\(result)")
        }
        let verified = try runAsReader(ledger.path, ["verify"], in: "/tmp")
        #expect(verified.standardOutput.hasPrefix("OK: 2 entries"), "\(verified)")
        #expect(try snapshot(ledger.directory.path) == before, "nothing in the folder changed, the ledger's bytes and time included")
    }

    @Test func aCommandThatRecordsIsRefusedClearlyAndWritesNothing() throws {
        guard !ReadOnlyTests.runsAsRoot || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
        let ledger = try books()
        try lockDown(ledger)
        defer { try? unlock(ledger) }
        let before = try snapshot(ledger.directory.path)
        let refused = try runAsReader(ledger.path, ["post", "--date", "2018-06-07", "--memo", "x", "--debit", "1111 1000 VND",
                                                    "--credit", "1121 1000 VND"], in: "/tmp")
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("refused (read-only)") && refused.standardError.contains("cannot be written"), "\(refused)")
        #expect(!refused.standardError.contains("SQLite") && !refused.standardError.contains("readonly database"), "\(refused)")
        #expect(try snapshot(ledger.directory.path) == before)
    }

    /// A ledger whose last changes are still in its -wal file, in a folder the reader cannot
    /// write: SQLite could only read the file alone and miss them, so it is refused in words.
    @Test func aLedgerWithChangesOnlyInItsWALIsRefusedNotReadIncomplete() throws {
        guard !ReadOnlyTests.runsAsRoot || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
        let ledger = try books()
        let copy = TemporaryDirectory("cpf-readonly")
        do {
            // Two connections, so closing one does not checkpoint; the change stays in the WAL.
            let holder = try Database(path: ledger.path, mode: .readWrite)
            try holder.execute("PRAGMA wal_autocheckpoint = 0")
            let writer = try Database(path: ledger.path, mode: .readWrite)
            try writer.execute("PRAGMA wal_autocheckpoint = 0")
            try writer.execute("UPDATE ledger_meta SET value = value WHERE key = 'fund_name'")
            for suffix in ["", "-wal"] { try FileManager.default.copyItem(atPath: ledger.path + suffix, toPath: copy.file("fund.cpf" + suffix)) }
        }
        let path = copy.file("fund.cpf")
        #expect(((try FileManager.default.attributesOfItem(atPath: path + "-wal"))[.size] as? Int ?? 0) > 0)
        let manager = FileManager.default
        for file in [path, path + "-wal"] {
            try manager.setAttributes(ReadOnlyTests.runsAsRoot ? [.ownerAccountID: 65534, .posixPermissions: 0o400] : [.posixPermissions: 0o400],
                                      ofItemAtPath: file)
        }
        try manager.setAttributes([.posixPermissions: 0o555], ofItemAtPath: copy.path)
        defer { try? manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.path) }
        let refused = try runAsReader(path, ["verify"], in: "/tmp")
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("refused (read-only)") && refused.standardError.contains("-wal"), "\(refused)")
    }

    /// A file the user may write is still never written by a reading command: its bytes and
    /// time stay, and no journal file is left behind.
    @Test func readingCommandsNeverWriteAWritableLedger() throws {
        let ledger = try books()
        let before = try snapshot(ledger.directory.path)
        for arguments in ReadOnlyTests.readingCommands {
            let result = try ledger.run(arguments)
            #expect(result.status == 0, "cpf \(arguments.joined(separator: " "))\n\(result)")
        }
        #expect(try snapshot(ledger.directory.path) == before)
    }
}

