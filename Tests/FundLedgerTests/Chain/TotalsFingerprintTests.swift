import Testing
@testable import FundLedger
import LedgerGenerator
import TestSupport

/// `verify` checks the maintained totals by fingerprint first (Sources/FundLedger/Chain/
/// TotalsFingerprint.swift) and compares them row by row only when the fingerprint cannot
/// vouch for them. These tests hold the fingerprint to that: it agrees on intact books, and
/// every change to any column of any row of a maintained table — a figure moved by 1 or by a
/// multiple of the modulus, a key moved, a row removed, added or split in two — makes it stand
/// aside, after which `verify` names the table.
@Suite struct TotalsFingerprintTests {
    static let maintainedTables = ["balance_day", "balance_month", "dimension_month", "holding_day", "holding_total", "cash_flow_month", "journal_extent"]

    /// The fingerprint's verdict on the ledger as it stands.
    static func agrees(_ ledger: Ledger) throws -> Bool {
        try ledger.read {
            let scanned = try #require(try ChainScan.run(ledger, genesis: CanonicalForm.genesisHash(ledgerID: ledger.ledgerID),
                                                        roles: try AccountRoles.of(ledger), digestSeq: nil, fingerprinting: true))
            var fingerprint = try #require(scanned.fingerprint)
            #expect(scanned.totals.isEmpty)
            return try ledger.maintainedTotalsAgree(with: &fingerprint)
        }
    }

    /// Runs `sql` in a transaction that is rolled back afterwards, and calls `check` in between
    /// when the change took (`false` when SQLite refused it or it changed no row).
    static func tampered(_ ledger: Ledger, _ sql: String, _ check: () throws -> Void) throws -> Bool {
        try ledger.database.execute("BEGIN IMMEDIATE")
        defer { try? ledger.database.execute("ROLLBACK") }
        do { try ledger.database.execute(sql) } catch { return false }
        guard try ledger.database.scalarInt64("SELECT changes()").map({ $0 > 0 }) ?? false else { return false }
        try check()
        return true
    }

    /// Makes each change in turn (rolled back after): each must take, make the fingerprint
    /// stand aside, and have `verify` name its table.
    static func expectEachFound(_ ledger: Ledger, _ changes: [(table: String, sql: String)]) throws {
        for (table, sql) in changes {
            let took = try TotalsFingerprintTests.tampered(ledger, sql) {
                let agrees = try TotalsFingerprintTests.agrees(ledger)
                #expect(!agrees, "\(sql)")
                let report = try ledger.verify()
                #expect(!report.isIntact, "\(sql)")
                #expect(report.findings.contains { $0.text.english.contains(table) }, "\(sql): \(report.findings.map(\.text.english))")
            }
            #expect(took, "the change did not take: \(sql)")
        }
    }

    @Test func arithmeticModuloTheMersennePrimeMatchesDivision() {
        let p = Mod61.p
        var draws = RepeatableRandomNumberGenerator(seed: 61)
        let edges: [UInt64] = [0, 1, 2, p - 1, p, (1 << 60), (1 << 61) - 2]
        var pairs = edges.flatMap { a in edges.map { (a, $0) } }
        for _ in 0..<20_000 { pairs.append((draws.next() % (p + 1), draws.next() % (p + 1))) }
        for (a, b) in pairs {
            let product = a.multipliedFullWidth(by: b)
            #expect(Mod61.canonical(Mod61.multiply(a, b)) == p.dividingFullWidth(product).remainder, "\(a) · \(b)")
            #expect(Mod61.canonical(Mod61.add(a, b)) == (a % p + b % p) % p, "\(a) + \(b)")
            #expect(Mod61.multiply(a, b) <= p && Mod61.add(a, b) <= p)
        }
        let signed: [Int64] = [0, 1, -1, Int64(p), -Int64(p), Int64(p) + 1, -Int64(p) - 1, Int64(p) - 1, .max, .min, .min + 1, 1_000_000_000_000_000_000]
        for value in signed + (0..<20_000).map({ _ in Int64(bitPattern: draws.next()) }) {
            let remainder = value.magnitude % p
            let expected = value >= 0 || remainder == 0 ? remainder : p - remainder
            #expect(Mod61.element(value) == expected, "\(value)")
        }
        // Why stored figures are bounded: a figure moved by p is the same element.
        #expect(Mod61.element(5) == Mod61.element(5 + Int64(p)))
    }

    @Test(arguments: [UInt64(2018), 7])
    func theFingerprintVouchesForIntactBooksThroughSQLiteAndFromThePages(seed: UInt64) throws {
        let fixture = try ChainScanTests.variedBook(seed: seed)
        let ledger = fixture.ledger
        #expect(try TotalsFingerprintTests.agrees(ledger))
        try ChainScanTests.checkpoint(ledger)
        #expect(try TotalsFingerprintTests.agrees(ledger))
        #expect(try ledger.verify().isIntact)
        // Every maintained table has rows for it to vouch for.
        for table in TotalsFingerprintTests.maintainedTables {
            #expect(try ledger.database.scalarInt64("SELECT count(*) FROM \(table)") ?? 0 > 0, "\(table)")
        }
    }

    /// Each listed change, with the table `verify` must then name.
    static let tampers: [(table: String, sql: String)] = [
        ("balance_day", "UPDATE balance_day SET debit_vnd = debit_vnd + 1 WHERE (day_key, account_id) = (SELECT day_key, account_id FROM balance_day WHERE debit_vnd > 0 LIMIT 1)"),
        ("balance_day", "UPDATE balance_day SET debit_vnd = debit_vnd + \(Mod61.p) WHERE (day_key, account_id) = (SELECT day_key, account_id FROM balance_day WHERE debit_vnd > 0 LIMIT 1)"),
        ("balance_day", "UPDATE balance_day SET foreign_net = foreign_net - \(Mod61.p) WHERE (day_key, account_id) = (SELECT day_key, account_id FROM balance_day LIMIT 1)"),
        ("balance_day", "UPDATE balance_day SET day_key = 20991231 WHERE (day_key, account_id) = (SELECT day_key, account_id FROM balance_day LIMIT 1)"),
        ("balance_day", "DELETE FROM balance_day WHERE (day_key, account_id) = (SELECT day_key, account_id FROM balance_day LIMIT 1 OFFSET 3)"),
        ("balance_day", "INSERT INTO balance_day SELECT 20991231, account_id, 0, 0, 0, 1 FROM balance_day LIMIT 1"),
        ("balance_day", "INSERT INTO balance_day SELECT 20991231, account_id, 0, 0, 0, 0 FROM balance_day LIMIT 1"),
        ("balance_month", "UPDATE balance_month SET credit_vnd = credit_vnd + 1 WHERE (month_key, account_id) = (SELECT month_key, account_id FROM balance_month LIMIT 1)"),
        ("balance_month", "DELETE FROM balance_month WHERE (month_key, account_id) = (SELECT month_key, account_id FROM balance_month LIMIT 1)"),
        ("dimension_month", "UPDATE dimension_month SET quantity_net = quantity_net + 1 WHERE quantity_net <> 0"),
        ("dimension_month", "UPDATE dimension_month SET restriction = 'designated' WHERE restriction = 'restricted' AND month_key = (SELECT min(month_key) FROM dimension_month WHERE restriction = 'restricted')"),
        ("dimension_month", "UPDATE dimension_month SET currency = 'EUR' WHERE currency = 'USD'"),
        ("dimension_month", "UPDATE dimension_month SET children_net = children_net + \(Mod61.p) WHERE children_net > 0"),
        ("holding_day", "UPDATE holding_day SET value_vnd = value_vnd + 1 WHERE (kind, subject_id, day_key) = (SELECT kind, subject_id, day_key FROM holding_day WHERE kind = 2 LIMIT 1)"),
        ("holding_day", "UPDATE holding_day SET net = net - \(Mod61.p) WHERE (kind, subject_id, day_key) = (SELECT kind, subject_id, day_key FROM holding_day WHERE kind = 4 LIMIT 1)"),
        ("holding_day", "INSERT INTO holding_day SELECT kind, subject_id, 20991231, 0, 0, 0, 1 FROM holding_day LIMIT 1"),
        ("holding_total", "UPDATE holding_total SET last_day = 20991231 WHERE (kind, subject_id) = (SELECT kind, subject_id FROM holding_total LIMIT 1)"),
        ("holding_total", "DELETE FROM holding_total WHERE (kind, subject_id) = (SELECT kind, subject_id FROM holding_total WHERE kind = 3 LIMIT 1)"),
        ("cash_flow_month", "UPDATE cash_flow_month SET amount_vnd = amount_vnd + \(Mod61.p) * 2 WHERE (month_key, account_id, funder_id, program_id) = (SELECT month_key, account_id, funder_id, program_id FROM cash_flow_month LIMIT 1)"),
        ("cash_flow_month", "UPDATE cash_flow_month SET program_id = program_id + 1000 WHERE (month_key, account_id, funder_id, program_id) = (SELECT month_key, account_id, funder_id, program_id FROM cash_flow_month LIMIT 1)"),
        ("journal_extent", "UPDATE journal_extent SET children = children + 1"),
        // A key split over two rows with the same sums: only the order of the keys tells.
        ("balance_day", """
            ALTER TABLE balance_day RENAME TO balance_day_kept;
            CREATE TABLE balance_day (day_key INTEGER NOT NULL, account_id INTEGER NOT NULL, debit_vnd INTEGER NOT NULL,
                                      credit_vnd INTEGER NOT NULL, foreign_net INTEGER NOT NULL, line_count INTEGER NOT NULL);
            INSERT INTO balance_day SELECT * FROM balance_day_kept;
            DROP TABLE balance_day_kept;
            INSERT INTO balance_day SELECT day_key, account_id, 1, 0, 0, 1 FROM balance_day WHERE debit_vnd > 1 AND line_count > 1 LIMIT 1;
            UPDATE balance_day SET debit_vnd = debit_vnd - 1, line_count = line_count - 1
            WHERE rowid = (SELECT rowid FROM balance_day WHERE debit_vnd > 1 AND line_count > 1 LIMIT 1);
            """),
    ]

    @Test func everyListedChangeSendsVerifyToTheExactComparisonWhichNamesTheTable() throws {
        let fixture = try ChainScanTests.variedBook(seed: 2018)
        let ledger = fixture.ledger
        try ChainScanTests.checkpoint(ledger)
        try TotalsFingerprintTests.expectEachFound(ledger, TotalsFingerprintTests.tampers)
        #expect(try TotalsFingerprintTests.agrees(ledger))
    }

    /// Every column of every maintained table, a random row at a time, moved by a random
    /// amount: small, large, or a multiple of the modulus.
    @Test func anyChangeToAnyColumnOfAnyMaintainedTableMakesTheFingerprintStandAside() throws {
        let fixture = try ChainScanTests.variedBook(seed: 7)
        let ledger = fixture.ledger
        try ChainScanTests.checkpoint(ledger)
        var draws = RepeatableRandomNumberGenerator(seed: 16)
        let p = Int64(Mod61.p)
        var changed = 0
        for table in TotalsFingerprintTests.maintainedTables {
            let columns = try ledger.database.rows("SELECT name, type FROM pragma_table_info('\(table)')") { ($0.text(at: 0), $0.text(at: 1)) }
            let rowCount = try #require(try ledger.database.scalarInt64("SELECT count(*) FROM \(table)"))
            for (column, type) in columns where column != "id" {
                for trial in 0..<4 {
                    let offset = Int64(draws.next() % UInt64(rowCount))
                    let change: String
                    if type == "TEXT" {
                        change = "\(column) = \(column) || 'x'"
                    } else {
                        let deltas: [Int64] = [1, -1, p, -p, 2 * p, Int64(draws.next() % 1_000_000_000_000) + 1]
                        change = "\(column) = \(column) + \(deltas[(trial + Int(draws.next() % 6)) % deltas.count])"
                    }
                    // WITHOUT ROWID tables: the row by its place in key order.
                    let key = try ledger.database.rows("SELECT name FROM pragma_table_info('\(table)') WHERE pk > 0 ORDER BY pk") { $0.text(at: 0) }
                    let keyList = key.isEmpty ? "id" : key.joined(separator: ", ")
                    let sql = "UPDATE \(table) SET \(change) WHERE (\(keyList)) = (SELECT \(keyList) FROM \(table) ORDER BY \(keyList) LIMIT 1 OFFSET \(offset))"
                    let took = try TotalsFingerprintTests.tampered(ledger, sql) {
                        let agrees = try TotalsFingerprintTests.agrees(ledger)
                        #expect(!agrees, "\(sql)")
                    }
                    if took { changed += 1 }
                }
            }
        }
        // Most changes take; SQLite refuses those its CHECKs or key forbid.
        #expect(changed > 100, "\(changed) changes took")
        #expect(try TotalsFingerprintTests.agrees(ledger))
    }

    /// With no entry at all, every row of every maintained table is forged: none may count
    /// (a key the fingerprint had not met must still get a random variable, never 0).
    @Test func onAnEmptyJournalEveryForgedRowIsFound() throws {
        let fixture = try TemporaryLedger()
        let ledger = fixture.ledger
        let account = try #require(try ledger.database.scalarInt64("SELECT min(id) FROM account"))
        let forgeries: [(table: String, sql: String)] = [
            ("balance_day", "INSERT INTO balance_day VALUES (-1, \(account), 500000000, 0, 0, 1)"),
            ("balance_day", "INSERT INTO balance_day VALUES (20180101, \(account), 500000000, 0, 0, 1)"),
            ("balance_month", "INSERT INTO balance_month VALUES (-1, \(account), 500000000, 0, 0, 1)"),
            ("dimension_month", "INSERT INTO dimension_month VALUES (-1, \(account), 0, 0, 0, 0, 0, 'unrestricted', '', 5, 0, 0, 0, 0, 1)"),
            ("holding_day", "INSERT INTO holding_day VALUES (1, \(account), -1, 500000000, 500000000, 0, 1)"),
            ("holding_total", "INSERT INTO holding_total VALUES (1, \(account), 500000000, 500000000, 0, 1, -1)"),
            ("cash_flow_month", "INSERT INTO cash_flow_month VALUES (-1, \(account), 0, 0, 5, 1)"),
        ]
        #expect(try TotalsFingerprintTests.agrees(ledger))
        try ledger.database.execute("PRAGMA ignore_check_constraints = ON")
        defer { try? ledger.database.execute("PRAGMA ignore_check_constraints = OFF") }
        try TotalsFingerprintTests.expectEachFound(ledger, forgeries)
    }

    /// A key moved by 2^32, past what its CHECK allows (`PRAGMA ignore_check_constraints`): read
    /// as a 32-bit day or month it would be the same key.
    @Test func aKeyMovedByTwoToTheThirtySecondIsFound() throws {
        let fixture = try ChainScanTests.variedBook(seed: 2018)
        let ledger = fixture.ledger
        try ChainScanTests.checkpoint(ledger)
        let shifts: [(table: String, column: String)] = [
            ("balance_day", "day_key"), ("balance_month", "month_key"), ("dimension_month", "month_key"),
            ("holding_day", "day_key"), ("holding_total", "last_day"), ("cash_flow_month", "month_key"),
        ]
        try ledger.database.execute("PRAGMA ignore_check_constraints = ON")
        defer { try? ledger.database.execute("PRAGMA ignore_check_constraints = OFF") }
        try TotalsFingerprintTests.expectEachFound(ledger, shifts.map { table, column in
            (table, "UPDATE \(table) SET \(column) = \(column) + 4294967296 WHERE \(column) = (SELECT min(\(column)) FROM \(table))")
        })
    }

    @Test(arguments: [
        ("balance_day", "UPDATE balance_day SET day_key = day_key + 0.5 WHERE (day_key, account_id) = (SELECT day_key, account_id FROM balance_day LIMIT 1 OFFSET 5)"),
        ("balance_day", "UPDATE balance_day SET debit_vnd = CAST(debit_vnd AS TEXT) || 'x' WHERE (day_key, account_id) = (SELECT day_key, account_id FROM balance_day WHERE debit_vnd > 0 LIMIT 1)"),
        ("dimension_month", """
            UPDATE dimension_month SET credit_vnd = credit_vnd + 0.25
            WHERE (month_key, account_id, funder_id, grant_id, program_id, unit_id, item_id, restriction, currency)
                = (SELECT month_key, account_id, funder_id, grant_id, program_id, unit_id, item_id, restriction, currency FROM dimension_month WHERE credit_vnd > 0 LIMIT 1)
            """),
        ("holding_day", "UPDATE holding_day SET net = net + 0.5 WHERE (kind, subject_id, day_key) = (SELECT kind, subject_id, day_key FROM holding_day LIMIT 1)"),
        ("goods_use", "UPDATE goods_use SET value_vnd = value_vnd + 0.5 WHERE (entry_seq, goods_line, spending_line, lot_seq, lot_line) = (SELECT entry_seq, goods_line, spending_line, lot_seq, lot_line FROM goods_use LIMIT 1)"),
    ])
    func aValueOfAnotherTypeThanDeclaredIsFound(table: String, sql: String) throws {
        let fixture = try ChainScanTests.variedBook(seed: 7)
        try ChainScanTests.checkpoint(fixture.ledger)
        #expect(try plantValueOfAnotherType(path: fixture.path, table: table, sql: sql) == 1)
        let ledger = try Ledger.open(at: fixture.path, readOnly: true)
        let report = try ledger.verify()
        if table == "goods_use" {
            #expect(report.findings.contains { $0.text.english.contains("goods_use: 1 rows hold values cpf never writes") }, "\(report.findings.map(\.text.english))")
        } else {
            #expect(try !TotalsFingerprintTests.agrees(ledger))
            #expect(report.findings.contains { $0.text.english.contains("\(table): 1 row(s) hold a value whose type is not the one the table declares") },
                    "\(report.findings.map(\.text.english))")
        }
        // The schema reads as cpf wrote it: only the values tell.
        #expect(!report.findings.contains { $0.text.english.contains("schema") }, "\(report.findings.map(\.text.english))")
    }
}
