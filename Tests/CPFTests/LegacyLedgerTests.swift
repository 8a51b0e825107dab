import Foundation
import FundLedger
import Testing
import TestSupport

/// A ledger written before facts were chained (schema version 9, entries of form
/// cpf-entry-v1; Tests/Fixtures/legacy-schema-9.sql) still verifies: read-only commands bring
/// it up to date in memory and leave the file as it was; the first write upgrades the file,
/// records every fact as found, and posts entries of form v2 after the old ones.
@Suite struct LegacyLedgerTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/legacy-schema-9.sql").path

    private func legacyLedger() throws -> CLILedger {
        try CLILedger { path in
            let database = try Database(path: path, mode: .readWriteCreate)
            try database.execute(try String(contentsOfFile: LegacyLedgerTests.fixture, encoding: .utf8))
            try database.execute("PRAGMA application_id = \(Ledger.applicationID)")
        }
    }

    private func schemaVersion(_ ledger: CLILedger) throws -> Int64? {
        var configuration = Database.Configuration()
        configuration.journalModeWAL = false
        return try Database(path: ledger.path, mode: .readOnly, configuration: configuration)
            .scalarInt64("SELECT max(version) FROM schema_migration")
    }

    @Test func readingCommandsVerifyItAndLeaveTheFileAsItWas() throws {
        let ledger = try legacyLedger()
        let before = try ledger.fingerprint()
        let verified = try ledger.run(["verify"])
        expectSuccess(verified)
        #expect(verified.standardOutput.hasPrefix("OK: 2 entries and 4 lines verified"), "\(verified)")
        // The digest published by the old cpf for entry 2 still matches.
        let published = "2722cd0be894aba2e4e5b1eb0ab07a81d67775c2f10f7c0b984c16f57f8e66d7"
        expectSuccess(try ledger.run(["verify", "--at", "2", "--digest", published]))
        for arguments in [["audit"], ["report", "trial-balance"], ["journal"], ["history"], ["export", "--format", "json"]] {
            expectSuccess(try ledger.run(arguments))
        }
        #expect(try ledger.fingerprint() == before)
        #expect(try schemaVersion(ledger) == 9)
    }

    @Test func theFirstWriteUpgradesItAndNewEntriesCommitToTheFacts() throws {
        let ledger = try legacyLedger()
        try ledger.postDong(1_000_000, debit: "1111", credit: "1121", date: "2018-06-10", reference: "PC-2")
        let fresh = try CLILedger()
        #expect(try schemaVersion(ledger) == (try schemaVersion(fresh)))
        #expect(try schemaVersion(ledger).map { $0 > 9 } == true)
        let verified = try ledger.run(["verify"])
        expectSuccess(verified)
        #expect(verified.standardOutput.hasPrefix("OK: 3 entries and 6 lines verified"), "\(verified)")
        let entries = try ledger.journalJSON()
        #expect(entries.map { JSON.integer($0["format"]) } == [1, 1, 2])
        #expect(JSON.integer(entries[2]["fact_seq"]) == 1, "the new entry commits to the first fact record")
        // The old entry with codes hashed them in clear: its hash, and every later one, would
        // let them be guessed, so outputs withhold hashes.
        #expect(entries.allSatisfy { $0["hash"] is NSNull })
        // Every fact found at the upgrade is chained from then on: a funder renamed in the
        // file is found.
        let database = try Database(path: ledger.path, mode: .readWrite)
        try database.execute("UPDATE funder SET name = 'Công ty khác' WHERE code = 'AIA'")
        try database.execute("DELETE FROM fact_touch")
        let tampered = try ledger.run(["verify"])
        #expect(tampered.status == 1)
        #expect(tampered.standardOutput.contains("funder row id 1 differs from what fact record 1 says"), "\(tampered)")
    }
}
