import Foundation
import Testing
import TestSupport

/// The ledger, its journal files, backups, exports and rejects files hold children's data:
/// `cpf` creates them readable and writable by their owner only, whatever the umask, and
/// `audit` reports a ledger that others can read (issue: files with children's data are
/// private).
@Suite struct FilePrivacyTests {
    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// Runs `cpf --db PATH arguments…` under `umask MASK`, set in a shell for the child alone:
    /// the test process's umask is shared by the tests running beside it.
    private func run(_ path: String, _ arguments: [String], umask mask: String, in directory: String) throws -> CPFResult {
        try CPFRunner.runProgram("/bin/sh", ["-c", "umask \(mask); exec \"$0\" \"$@\"", CPFRunner.executablePath, "--db", path] + arguments,
                                 in: directory, environment: ["PATH": "/usr/bin:/bin", "CPF_USER": "tester", "LANG": "C.UTF-8"])
    }

    @Test(arguments: ["000", "022", "277"])
    func everyFileCpfCreatesIsTheOwnersOnly(mask: String) throws {
        let directory = TemporaryDirectory("cpf-privacy")
        let path = directory.file("fund.cpf")
        func mustRun(_ arguments: [String]) throws {
            let result = try run(path, arguments, umask: mask, in: directory.path)
            #expect(result.status == 0, "umask \(mask): cpf \(arguments.joined(separator: " "))\n\(result)")
        }
        try mustRun(["init", "--name", "Quỹ thử"])
        try mustRun(["post", "--date", "2018-06-01", "--memo", "in", "--ref", "PT-1", "--debit", "1121 1000000 VND", "--credit", "5132 1000000 VND"])
        #expect(try mode(path) == 0o600, "umask \(mask)")
        if FileManager.default.fileExists(atPath: path + "-wal") { #expect(try mode(path + "-wal") == 0o600, "umask \(mask)") }
        try mustRun(["backup", directory.file("copy.cpf")])
        #expect(try mode(directory.file("copy.cpf")) == 0o600, "umask \(mask)")
        try mustRun(["export", "--format", "csv", "--output", directory.file("fund.csv")])
        #expect(try mode(directory.file("fund.csv")) == 0o600, "umask \(mask)")
        let input = directory.file("in.csv")
        try "entry,date,memo,account,debit,credit,currency\n1,2018-06-02,bad,9999,5,,VND\n1,,,5132,,5,VND\n"
            .write(toFile: input, atomically: true, encoding: .utf8)
        let rejects = directory.file("rejects.csv")
        _ = try run(path, ["import", input, "--partial", "--rejects", rejects], umask: mask, in: directory.path)
        #expect(try mode(rejects) == 0o600, "umask \(mask)")
    }

    @Test func auditReportsALedgerOthersCanRead() throws {
        let ledger = try CLILedger()
        let clean = try ledger.run(["audit"])
        #expect(clean.status == 0, "\(clean)")
        #expect(chmod(ledger.path, 0o644) == 0)
        let audit = try ledger.run(["audit"])
        #expect(audit.status == 1, "\(audit)")
        #expect(audit.standardOutput.contains("file-privacy") && audit.standardOutput.contains("chmod 600"), "\(audit)")
    }
}

/// Hostile text on the way out: a field a refusal quotes may hold terminal escapes (ESC, BEL,
/// NUL); `cpf` shows them escaped, so a crafted file cannot drive the terminal.
@Suite struct HostileTextTests {
    @Test func controlCharactersInARefusalAreShownEscaped() throws {
        let ledger = try CLILedger()
        let path = ledger.directory.file("hostile.csv")
        try "entry,date,memo,account,debit,credit,currency\n1,2018-06-02,m,11\u{1B}[31m21\u{07},5,,VND\n1,,,5132,,5,VND\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let before = try ledger.fingerprint()
        let result = try ledger.run(["import", path])
        #expect(result.status == 1, "\(result)")
        #expect(!result.standardError.unicodeScalars.contains { $0 != "\n" && ($0.value < 0x20 || $0.value == 0x7F) }, "\(result)")
        #expect(result.standardError.contains("11\\u{1B}[31m21\\u{7}"), "\(result)")
        #expect(try ledger.fingerprint() == before)
        let posted = try ledger.run(["post", "--date", "2018-06-02", "--memo", "x", "--debit", "11\u{1B}]0;pwn\u{07}21 5 VND", "--credit", "5132 5 VND"])
        #expect(posted.status == 1 && posted.standardError.contains("\\u{1B}]0;pwn\\u{7}"), "\(posted)")
    }
}
