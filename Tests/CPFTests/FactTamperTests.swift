import Foundation
import FundLedger
import Testing
import TestSupport

/// The thirteen kinds of tampering the issue found undetected, each done as an attacker with
/// the file would (the table's triggers dropped, the row changed, the triggers put back), and
/// each now found by `cpf verify`. `TamperTrialTests` tries every table and column; these are
/// the issue's cases by name, with what verify says about them.
@Suite struct FactTamperTests {
    /// A ledger with a funder, a USD grant with terms, a rate, receipts, spending, an approval
    /// threshold and an audit trail.
    private func books() throws -> CLILedger {
        let ledger = try CLILedger()
        try ledger.mustRun(["funder", "add", "AIA", "--name", "AIA Việt Nam", "--kind", "company"])
        try ledger.mustRun(["funder", "add", "KFW", "--name", "KfW", "--kind", "ngo", "--currency", "USD"])
        try ledger.mustRun(["unit", "add", "TN", "--name", "Tỉnh Tây Ninh", "--level", "province"])
        try ledger.mustRun(["grant", "add", "KFW-2018", "--funder", "KFW", "--amount", "10000.00 USD", "--programs", "scholarship",
                            "--units", "TN", "--from", "2018-01-01", "--to", "2018-12-31"])
        try ledger.mustRun(["receive", "--date", "2018-06-01", "--funder", "KFW", "--grant", "KFW-2018", "--amount", "10000.00 USD", "--ref", "PT-1"])
        try ledger.mustRun(["receive", "--date", "2018-06-01", "--funder", "AIA", "--amount", "300000000 VND", "--ref", "PT-2"])
        try ledger.mustRun(["settings", "set", "approval-threshold", "100000000 VND"])
        return ledger
    }

    /// Runs `sql` on the file with the triggers of `tables` dropped, then puts them back, and
    /// clears what the fact triggers noted: nothing cpf did is left to see but the change.
    private func tamper(_ ledger: CLILedger, tables: [String], _ sql: String) throws {
        let database = try Database(path: ledger.path, mode: .readWrite)
        let triggers = try database.rows("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name IN (\(tables.map { "'\($0)'" }.joined(separator: ",")))") { $0.text(at: 0) }
        let names = try database.rows("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name IN (\(tables.map { "'\($0)'" }.joined(separator: ",")))") { $0.text(at: 0) }
        // As the sqlite3 shell runs: foreign keys are not enforced.
        try database.execute("PRAGMA foreign_keys = OFF")
        for name in names { try database.execute("DROP TRIGGER \(name)") }
        try database.execute(sql)
        for trigger in triggers { try database.execute(trigger) }
    }

    private func expectFound(_ ledger: CLILedger, _ words: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let verified = try ledger.run(["verify"])
        #expect(verified.status == 1, "\(what) went undetected\n\(verified)", sourceLocation: sourceLocation)
        #expect(verified.standardOutput.contains(words), "\(what)\n\(verified)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        ("a rate changed", ["exchange_rate"], "UPDATE exchange_rate SET rate = '23750' WHERE currency = 'USD'", "exchange_rate row currency USD"),
        ("a grant's programs widened", ["grant_terms_program"],
         "INSERT INTO grant_terms_program SELECT grant_id, version, (SELECT id FROM program WHERE code = 'house') FROM grant_terms", "grant_terms_program row"),
        ("a grant's units widened", ["grant_terms_unit"], "DELETE FROM grant_terms_unit", "grant_terms_unit row"),
        ("a grant's dates widened", ["grant_terms"], "UPDATE grant_terms SET valid_to = '2030-12-31'", "grant_terms row"),
        ("a grant made designated with more committed", ["grant_terms"],
         "UPDATE grant_terms SET designated = 1, committed_minor = committed_minor * 2", "grant_terms row"),
        ("a funder's kind changed", ["funder"], "UPDATE funder SET kind = 'government-central' WHERE code = 'AIA'", "funder row id"),
        ("an account's type changed", ["account"], "UPDATE account SET type = 'asset' WHERE code = '6111'", "account row id"),
        ("the management cap changed", ["ledger_meta"], "UPDATE ledger_meta SET value = '50' WHERE key = 'setting.management-cap-percent'",
         "ledger_meta row key setting.management-cap-percent"),
        ("an audit-trail row deleted", ["change_log"], "DELETE FROM change_log WHERE id = (SELECT min(id) FROM change_log)", "change_log row id"),
        ("an audit-trail row rewritten", ["change_log"], "UPDATE change_log SET changed_by = 'someone' WHERE id = (SELECT max(id) FROM change_log)",
         "change_log row id"),
        ("an extra code for a line that does not exist", ["beneficiary_code"],
         "INSERT INTO beneficiary_code (entry_seq, line_no, code) VALUES (1, 9, 'TN-9999')", "which has no such line"),
        ("a funder renamed", ["funder"], "UPDATE funder SET name = 'Công ty ma' WHERE code = 'AIA'", "funder row id"),
        ("a unit renamed", ["org_unit"], "UPDATE org_unit SET name = 'Tỉnh khác' WHERE code = 'TN'", "org_unit row id"),
    ])
    func aFactChangedInTheFileIsFound(what: String, tables: [String], sql: String, words: String) throws {
        let ledger = try books()
        expectSuccess(try ledger.run(["verify"]))
        try tamper(ledger, tables: tables, sql)
        try expectFound(ledger, words, what)
    }

    /// A migration's record deleted: cpf would apply it again on tables that have it. It
    /// refuses in words, for a reading command and a writing one, and changes nothing.
    @Test func aMigrationRecordDeletedIsRefusedInWords() throws {
        let ledger = try books()
        try tamper(ledger, tables: ["schema_migration"], "DELETE FROM schema_migration WHERE version = (SELECT max(version) FROM schema_migration)")
        let before = try ledger.fingerprint()
        for arguments in [["verify"], ["post", "--date", "2018-06-10", "--memo", "x", "--debit", "1111 1 VND", "--credit", "1121 1 VND"]] {
            let refused = try ledger.run(arguments)
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.standardError.contains("its schema record was changed outside cpf")
                    && refused.standardError.contains(ledger.path) && !refused.standardError.contains("SQLite"), "\(refused)")
        }
        #expect(try ledger.fingerprint() == before)
    }

    /// A fact table dropped whole is the schema's finding, not a database error.
    @Test func aFactTableDroppedIsFound() throws {
        let ledger = try books()
        let database = try Database(path: ledger.path, mode: .readWrite)
        try database.execute("DROP TABLE pending_transfer")
        try expectFound(ledger, "the schema lacks the table pending_transfer", "a fact table dropped")
    }

    @Test func triggersDroppedAndLeftDroppedAreFound() throws {
        let ledger = try books()
        let database = try Database(path: ledger.path, mode: .readWrite)
        try database.execute("DROP TRIGGER entry_is_immutable")
        try database.execute("DROP TRIGGER funder_fact_update")
        try expectFound(ledger, "the schema lacks the trigger entry_is_immutable", "a trigger dropped")
        try expectFound(ledger, "the schema lacks the trigger funder_fact_update", "a fact trigger dropped")
    }

    /// The issue's maker–checker attack: the threshold's row deleted from the audit trail, the
    /// setting put back to none, then 200,000,000 posted through cpf with no approval.
    @Test func makerCheckerCannotBeDefeatedInTheFile() throws {
        let ledger = try books()
        try tamper(ledger, tables: ["change_log", "ledger_meta"], """
            DELETE FROM change_log WHERE subject = 'setting:approval-threshold';
            UPDATE ledger_meta SET value = 'none' WHERE key = 'setting.approval-threshold';
            """)
        let posted = try ledger.run(["post", "--date", "2018-06-10", "--memo", "big", "--debit", "6428 200000000 VND", "--credit", "1121 200000000 VND"])
        #expect(posted.status == 0, "the tampered setting lets it through: \(posted)")
        let verified = try ledger.run(["verify"])
        #expect(verified.status == 1, "\(verified)")
        #expect(verified.standardOutput.contains("ledger_meta row key setting.approval-threshold differs"), "\(verified)")
        #expect(verified.standardOutput.contains("change_log row id"), "\(verified)")
        let audit = try ledger.run(["audit"])
        #expect(audit.status != 0 && !audit.standardOutput.contains("no errors"), "\(audit)")
        // The edited audit trail is never shown as if it were true.
        let history = try ledger.run(["history"])
        #expect(history.status != 0 && history.standardError.contains("refused (facts-altered)"), "\(history)")
    }

    /// The newest fact records cut, with nothing after them: the chains alone cannot see it,
    /// a digest published before does.
    @Test func theNewestFactsCutAreFoundAgainstAPublishedDigest() throws {
        let ledger = try books()
        try ledger.mustRun(["funder", "add", "NEW", "--name", "Nhà hảo tâm", "--kind", "individual"])
        let published = try #require(try ledger.run(["verify"]).standardOutput.headDigest)
        try tamper(ledger, tables: ["fact_record", "funder", "change_log"], """
            DELETE FROM fact_record WHERE seq = (SELECT max(seq) FROM fact_record);
            DELETE FROM funder WHERE code = 'NEW';
            DELETE FROM change_log WHERE id = (SELECT max(id) FROM change_log);
            """)
        let seq = try ledger.journalJSON().count
        let checked = try ledger.run(["verify", "--at", String(seq), "--digest", published])
        #expect(checked.status == 1, "\(checked)")
        #expect(checked.standardOutput.contains("no longer matches"), "\(checked)")
    }
}
