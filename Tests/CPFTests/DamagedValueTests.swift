import Foundation
import FundLedger
import Testing
import TestSupport

/// Damaged data is a finding, never a default. A value that only cpf writes, changed in the
/// file to one cpf never writes (CHECK constraints switched off, as a tool could), stops the
/// command that reads it with a named refusal, instead of being read as "other", "active" or
/// "unrestricted". The file is left as it was.
@Suite struct DamagedValueTests {
    private func books() throws -> CLILedger {
        let ledger = try CLILedger()
        try ledger.mustRun(["funder", "add", "AIA", "--name", "AIA Việt Nam", "--kind", "company"])
        try ledger.mustRun(["unit", "add", "TN", "--name", "Tỉnh Tây Ninh", "--level", "province"])
        try ledger.mustRun(["grant", "add", "AIA-1", "--funder", "AIA", "--amount", "50000000 VND"])
        try ledger.mustRun(["receive", "--date", "2018-06-01", "--funder", "AIA", "--grant", "AIA-1", "--amount", "50000000 VND"])
        try ledger.mustRun(["settings", "set", "approval-threshold", "40000000 VND"])
        try ledger.mustRun(["post", "--date", "2018-06-02", "--memo", "big", "--debit", "1111 45000000 VND", "--credit", "1121 45000000 VND"])
        return ledger
    }

    @Test(arguments: [
        ("funder", "kind", "charity", ["funder", "list"], "funder.kind holds 'charity'"),
        ("org_unit", "level", "village", ["unit", "list"], "org_unit.level holds 'village'"),
        ("grant_terms", "status", "frozen", ["grant", "show", "AIA-1"], "grant_terms.status holds 'frozen'"),
        ("pending_entry", "status", "maybe", ["approve", "1", "--user", "giamdoc"], "pending_entry.status holds 'maybe'"),
        ("account", "type", "equity", ["report", "trial-balance"], "account.type holds 'equity'"),
        ("ledger_meta", "value", "lots", ["settings", "show"], "ledger_meta.setting.management-cap-percent holds 'lots'"),
        // A closing date or a unit's window that is no date is damage, not "open" or "always".
        ("account", "closed_on", "soon", ["account", "list"], "account.closed_on holds 'soon'"),
        ("org_unit", "effective_from", "2018-02-30", ["unit", "list"], "org_unit.effective_from holds '2018-02-30'"),
        // The journal's own reader reports it as an anomaly: audit lists it as a finding.
        ("line", "restriction", "earmarked", ["audit"], "unknown restriction 'earmarked'"),
    ])
    func aValueCpfNeverWritesIsRefusedByName(table: String, column: String, value: String, command: [String], words: String) throws {
        let ledger = try books()
        try damage(ledger, table: table, column: column, value: value)
        let before = try ledger.fingerprint()
        let refused = try ledger.run(command)
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.standardError.contains("refused (damaged): \(words)") || refused.standardOutput.contains(words), "\(refused)")
        #expect(!refused.standardError.contains("SQLite"), "\(refused)")
        #expect(try ledger.fingerprint() == before)
        // verify says so too: as a finding, or as the same refusal.
        let verified = try ledger.run(["verify"])
        #expect(verified.status == 1, "\(verified)")
    }

    /// An entry's date that is no date is damage, never the first day of the statement: the
    /// bank reconciliation is refused by name.
    @Test func anEntryDateThatIsNoDateStopsTheBankReconciliation() throws {
        let ledger = try books()
        try damage(ledger, table: "entry", column: "entry_date", value: "2018-06-1x")
        let statement = ledger.directory.file("sao-ke.csv")
        try "Ngày giao dịch,Số tham chiếu,Ghi nợ,Ghi có,Diễn giải\n01/06/2018,NH-1,,50000000,AIA\n30/06/2018,NH-2,45000000,,chi\n"
            .write(toFile: statement, atomically: true, encoding: .utf8)
        let before = try ledger.fingerprint()
        let refused = try ledger.run(["reconcile", "bank", "--account", "1121", "--statement", statement])
        #expect(refused.status == 1 && refused.standardError.contains("refused (damaged): entry.entry_date holds '2018-06-1x'"), "\(refused)")
        #expect(try ledger.fingerprint() == before)
    }

    /// A lock date that is no date is damage, never "nothing closed": posting is refused by
    /// name, and verify reports it.
    @Test func aLockThatIsNoDateIsRefusedNotReadAsNothingClosed() throws {
        let ledger = try books()
        try ledger.mustRun(["period", "close", "2018-05"])
        try damage(ledger, table: "period_lock", column: "locked_through", value: "2018-13-01")
        let refused = try ledger.run(["post", "--date", "2018-07-01", "--memo", "x", "--debit", "1111 1 VND", "--credit", "1121 1 VND"])
        #expect(refused.status == 1 && refused.standardError.contains("refused (damaged): period_lock.locked_through holds '2018-13-01'"), "\(refused)")
        let verified = try ledger.run(["verify"])
        #expect(verified.status == 1 && verified.standardOutput.contains("the period lock holds '2018-13-01', which is not a date"), "\(verified)")
    }

    /// An entry whose date is no date: every audit control that dates rows reports it instead
    /// of skipping the row.
    @Test func theAuditReportsARowItCannotDate() throws {
        let ledger = try books()
        try damage(ledger, table: "entry", column: "entry_date", value: "2018-13-01")
        let audit = try ledger.run(["audit", "--format", "json"])
        #expect(audit.status == 1, "\(audit)")
        let object = try #require(try JSON.parse(audit.standardOutput) as? [String: Any])
        let findings = (object["tables"] as? [[String: Any]])?.first { $0["key"] as? String == "findings" }?["rows"] as? [[String: Any]] ?? []
        let undated = findings.filter { ($0["finding"] as? String)?.contains("a date '2018-13-01' that is not a date") == true }
        #expect(undated.contains { $0["rule"] as? String == "closed-periods" }, "\(findings)")
    }

    /// A row planted in fact_touch under a table that is no fact table: the next write is
    /// refused by name and changes nothing, and verify reports the row.
    @Test func aStrayFactTouchRowRefusesTheNextWrite() throws {
        let ledger = try books()
        do {
            let database = try Database(path: ledger.path, mode: .readWrite)
            try database.execute("INSERT INTO fact_touch VALUES ('nonsense', 1, NULL, NULL)")
        }
        let before = try ledger.fingerprint()
        let refused = try ledger.run(["funder", "add", "NEW", "--name", "Nhà hảo tâm", "--kind", "individual"])
        #expect(refused.status == 1 && refused.standardError.contains("refused (damaged): fact_touch.tbl holds 'nonsense'"), "\(refused)")
        #expect(try ledger.fingerprint() == before)
        let verified = try ledger.run(["verify"])
        #expect(verified.status == 1 && verified.standardOutput.contains("fact_touch holds 1 row(s) between transactions"), "\(verified)")
    }

    /// Writes `value` into one row's `column` with CHECK constraints and the table's triggers
    /// off, as a tool could, and closes the file again.
    private func damage(_ ledger: CLILedger, table: String, column: String, value: String) throws {
        let database = try Database(path: ledger.path, mode: .readWrite)
        try database.execute("PRAGMA ignore_check_constraints = ON")
        let triggers = try database.rows("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?", [table]) { ($0.text(at: 0), $0.text(at: 1)) }
        for (name, _) in triggers { try database.execute("DROP TRIGGER \"\(name)\"") }
        let keys = ["line": "entry_seq = 1 AND line_no = 2", "entry": "seq = 1", "account": "code = '5131'", "grant_terms": "grant_id = (SELECT min(grant_id) FROM grant_terms)",
                    "ledger_meta": "key = 'setting.management-cap-percent'", "period_lock": "id = 1"]
        let key = keys[table] ?? "rowid = (SELECT min(rowid) FROM \"\(table)\")"
        try database.execute("UPDATE \"\(table)\" SET \"\(column)\" = ? WHERE \(key)", [value])
        #expect(database.changes == 1)
        for (_, sql) in triggers { try database.execute(sql) }
        try database.execute("DELETE FROM fact_touch")
    }
}

/// Control characters a tool wrote into stored text never reach the terminal: tables, the
/// journal and verify's findings show them escaped.
@Suite struct StoredControlCharacterTests {
    @Test func aMemoWithAnEscapeIsShownEscaped() throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_000_000, debit: "1111", credit: "5132", memo: "Thu tiền", reference: "PT-1")
        do {
            let database = try Database(path: ledger.path, mode: .readWrite)
            try database.execute("DROP TRIGGER entry_is_immutable")
            try database.execute("UPDATE entry SET memo = 'Thu' || char(27) || '[2J tiền' WHERE seq = 1")
        }
        for command in [["journal"], ["report", "ledger", "--account", "1111", "--from", "2018-01-01", "--to", "2018-12-31"], ["verify"]] {
            let result = try ledger.run(command)
            #expect(!result.standardOutput.unicodeScalars.contains("\u{1B}") && !result.standardError.unicodeScalars.contains("\u{1B}"),
                    "cpf \(command.joined(separator: " ")) sent an escape to the terminal")
        }
        #expect(try ledger.run(["journal"]).standardOutput.contains("Thu\\u{1B}[2J tiền"))
    }
}
