import Testing
@testable import FundLedger
import LedgerGenerator
import TestSupport

/// `ChainScan` (Sources/FundLedger/Chain/ChainScan.swift) reads the journal from its bytes and
/// vouches for it only when every value is as cpf writes it. These tests hold it to the
/// reference reading (`EntryReader` and `CanonicalForm`): on varied books both give the same
/// hashes and the same totals, to the last line; and wherever a stored value is not as cpf
/// writes it, the scan stands aside, even when the forger made the hashes fit the bytes.
@Suite struct ChainScanTests {
    /// The generator's entries (state budget, dollars against grants, goods in and out,
    /// gifts, children reached), with a scholarship paid to named children (beneficiary codes,
    /// hashed as commitments), a reversal, and a month closed and reopened.
    static func variedBook(seed: UInt64, entryCount: Int = 1_200) throws -> TemporaryLedger {
        let fixture = try TemporaryLedger(withUSDRate: false)
        let ledger = fixture.ledger
        let generator = LedgerGenerator(seed: seed)
        try generator.prepare(ledger, entryCount: entryCount, user: "tester")
        var iterator = generator.makeIterator()
        _ = try ledger.post((0..<entryCount).map { _ in iterator.next()! }, user: "tester")
        var scholarship = Disbursement(date: generator.startDate.adding(days: 2), programCode: "scholarship", unitCode: "U01", children: 2)
        scholarship.amount = .vnd(2_000_000)
        scholarship.beneficiaryCodes = ["TN-0002", "TN-0001"]
        scholarship.externalRef = "PC-HB-1"
        let paid = try ledger.disburse(scholarship, user: "tester")
        _ = try ledger.reverse(seq: try #require(paid.entry).seq, reason: "Chi nhầm", user: "tester")
        _ = try ledger.disburse(scholarship.withReference("PC-HB-2"), user: "tester")
        let month = AccountingPeriod(year: generator.startDate.year, month: generator.startDate.month)
        _ = try ledger.closePeriod(month, user: "tester")
        _ = try ledger.reopenPeriod(month, reason: "Điều chỉnh", user: "tester")
        return fixture
    }

    /// The reference reading's chain and totals, computed here from the decoded entries.
    static func referenceReading(_ ledger: Ledger) throws -> (result: ChainScan.Result, intact: Bool) {
        let roles = try AccountRoles.of(ledger)
        var result = ChainScan.Result(headHash: CanonicalForm.genesisHash(ledgerID: ledger.ledgerID))
        var intact = true
        try ledger.forEachEntry { entry in
            intact = intact && CanonicalForm.hash(of: entry, previous: result.headHash) == entry.hash
            try result.totals.add(entry.lines, date: entry.date, roles: roles, isReversal: entry.reversesSeq != nil)
            result.entryCount += 1
            result.lineCount += Int64(entry.lines.count)
            result.headSeq = entry.seq
            result.headHash = entry.hash
        }
        return (result, intact)
    }

    static func scan(_ ledger: Ledger, reading: ChainScan.Reading = .fileFirst) throws -> ChainScan.Result? {
        try ledger.read {
            try ChainScan.run(ledger, genesis: CanonicalForm.genesisHash(ledgerID: ledger.ledgerID), roles: try AccountRoles.of(ledger), digestSeq: nil, reading: reading)
        }
    }

    @Test(arguments: [UInt64(2018), 7])
    func theScanAndTheReferenceReadingAgreeOnEveryEntryAndTotal(seed: UInt64) throws {
        let fixture = try ChainScanTests.variedBook(seed: seed)
        let ledger = fixture.ledger
        // The book has what the scan must handle besides plain dong lines.
        let lineKinds = try ledger.database.firstRow("""
            SELECT count(*) FILTER (WHERE currency IS NOT NULL), count(*) FILTER (WHERE item_id IS NOT NULL), count(*) FILTER (WHERE restriction <> 'unrestricted')
            FROM line
            """) { ($0.int64(at: 0), $0.int64(at: 1), $0.int64(at: 2)) }
        #expect(lineKinds.map { $0.0 > 0 && $0.1 > 0 && $0.2 > 0 } == true)
        #expect(try ledger.database.scalarInt64("SELECT count(*) FROM beneficiary_code") == 4)
        #expect(try ledger.database.scalarInt64("SELECT count(*) FROM entry WHERE kind <> 'journal'") == 2)

        let reference = try ChainScanTests.referenceReading(ledger)
        #expect(reference.intact)
        // Read through SQLite while the changes wait in the -wal file, and from the file's
        // pages once they are in the file.
        let throughSQLite = try #require(try ChainScanTests.scan(ledger))
        #expect(!throughSQLite.readFromPages)
        try ChainScanTests.checkpoint(ledger)
        let fromPages = try #require(try ChainScanTests.scan(ledger))
        #expect(fromPages.readFromPages)
        for scanned in [throughSQLite, fromPages] {
            #expect(scanned.entryCount == reference.result.entryCount)
            #expect(scanned.lineCount == reference.result.lineCount)
            #expect(scanned.headSeq == reference.result.headSeq)
            #expect(scanned.headHash == reference.result.headHash)
            #expect(scanned.totals.byDay == reference.result.totals.byDay)
            #expect(scanned.totals.byDimension == reference.result.totals.byDimension)
            #expect(scanned.totals.byHolding == reference.result.totals.byHolding)
            #expect(scanned.totals.byCashFlow == reference.result.totals.byCashFlow)
            #expect(scanned.totals.extent == reference.result.totals.extent)
        }

        // And `verify` says the same either way.
        let fast = try ledger.verify(against: ChainDigest(seq: 5, hash: try #require(try ledger.entry(seq: 5)).hash), readingAhead: true, scanning: true)
        let slow = try ledger.verify(against: ChainDigest(seq: 5, hash: try #require(try ledger.entry(seq: 5)).hash), readingAhead: true, scanning: false)
        #expect(fast.isIntact && slow.isIntact)
        #expect(fast.digestMatches == true && slow.digestMatches == true)
        #expect(fast.stateDigest == slow.stateDigest)
        #expect((fast.entryCount, fast.lineCount) == (slow.entryCount, slow.lineCount))
    }

    /// Each change a tamperer could make to the stored journal, and what `verify` then finds.
    static let damages: [(name: String, sql: String)] = [
        ("an amount", "UPDATE line SET amount_vnd = amount_vnd + 1000 WHERE entry_seq = 40 AND line_no = 1"),
        ("a line moved to no entry", "UPDATE line SET entry_seq = 999999 WHERE entry_seq = 41 AND line_no = 2"),
        ("an unknown account", "UPDATE line SET account_id = 99999 WHERE entry_seq = 42 AND line_no = 1"),
        ("an unknown grant", "UPDATE line SET grant_id = 99999 WHERE grant_id IS NOT NULL AND entry_seq = (SELECT min(entry_seq) FROM line WHERE grant_id IS NOT NULL)"),
        ("a restriction cpf never writes", "UPDATE line SET restriction = 'maybe' WHERE entry_seq = 43"),
        ("a date written another way", "UPDATE entry SET entry_date = replace(entry_date, '-0', '-') WHERE seq = 44"),
        ("a moment written another way", "UPDATE entry SET posted_at = replace(posted_at, 'Z', '+') WHERE seq = 45"),
        ("an entry removed", "DELETE FROM line WHERE entry_seq = 46; DELETE FROM entry WHERE seq = 46"),
        ("a kind cpf never writes", "UPDATE entry SET kind = 'other' WHERE seq = 47"),
        ("a beneficiary code moved to a missing line", "UPDATE beneficiary_code SET line_no = 9 WHERE code = 'TN-0001'"),
        ("a rate that is no number", "UPDATE line SET rate = 'abc' WHERE rate IS NOT NULL AND entry_seq = (SELECT min(entry_seq) FROM line WHERE rate IS NOT NULL)"),
        ("a memo that is not UTF-8", "UPDATE entry SET memo = CAST(X'C3' AS TEXT) WHERE seq = 48"),
    ]

    @Test(arguments: damages.indices)
    func theScanStandsAsideFromEveryDamageAndVerifyNamesIt(index: Int) throws {
        let fixture = try ChainScanTests.variedBook(seed: 3, entryCount: 300)
        let database = fixture.ledger.database
        for trigger in try database.rows("SELECT name FROM sqlite_master WHERE type = 'trigger'") { $0.text(at: 0) } {
            try database.execute("DROP TRIGGER \"\(trigger)\"")
        }
        try database.execute("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON")
        let before = try ChainScanTests.tableDigest(database)
        try database.execute(ChainScanTests.damages[index].sql)
        #expect(try ChainScanTests.tableDigest(database) != before, "\(ChainScanTests.damages[index].name): the damage was made")
        #expect(try ChainScanTests.scan(fixture.ledger) == nil, "\(ChainScanTests.damages[index].name)")
        try ChainScanTests.checkpoint(fixture.ledger)
        #expect(try ChainScanTests.scan(fixture.ledger) == nil, "\(ChainScanTests.damages[index].name), read from the pages")
        #expect(try ChainScanTests.scan(fixture.ledger, reading: .statements) == nil, "\(ChainScanTests.damages[index].name), read through SQLite")
        let report = try fixture.ledger.verify()
        #expect(!report.isIntact, "\(ChainScanTests.damages[index].name)")
    }

    /// Copies every page waiting in the -wal file into the file and empties the -wal file, as
    /// closing the last connection does: the scan then reads the file's pages.
    static func checkpoint(_ ledger: Ledger) throws {
        try ledger.checkpoint()
    }

    /// Every stored value of the journal's three tables, to tell that a change was made.
    static func tableDigest(_ database: Database) throws -> [[DatabaseValue]] {
        try ["entry", "line", "beneficiary_code"].flatMap { table in
            try database.rows("SELECT * FROM \(table)") { row in (0..<row.columnCount).map { row.value(at: $0) } }
        }
    }

    /// A forger who rewrites a memo to bytes that are not UTF-8 and recomputes the entry's hash
    /// over those very bytes: the hash then fits the bytes, but a reader sees other text
    /// (U+FFFD). The scan must not vouch for it; the reference reading names the entry.
    @Test func aHashForgedOverTextThatIsNotUTF8IsNotVouchedFor() throws {
        let fixture = try ChainScanTests.variedBook(seed: 5, entryCount: 200)
        let ledger = fixture.ledger
        let head = try ledger.chainHead()
        let last = try #require(try ledger.entry(seq: head.seq))
        let previous = try #require(try ledger.entry(seq: head.seq - 1)).hash
        // The canonical form with a placeholder memo of the same length, then its bytes swapped
        // for bytes that are not UTF-8 ("\u{C3}" alone, twice).
        let placeholder = "QQ"
        let forged = JournalEntry(seq: last.seq, kind: last.kind, date: last.date, memo: placeholder, externalRef: last.externalRef,
                                  postedBy: last.postedBy, postedAt: last.postedAt, approvedBy: last.approvedBy, approvedAt: last.approvedAt,
                                  reversesSeq: last.reversesSeq, lines: last.lines, hash: [], factSeq: last.factSeq, factHash: last.factHash)
        var form = CanonicalForm()
        form.encode(forged)
        var bytes = form.bytes
        let netstring = Array("2:QQ,".utf8)
        let at = try #require((0...(bytes.count - netstring.count)).first { Array(bytes[$0..<($0 + netstring.count)]) == netstring })
        bytes[at + 2] = 0xC3
        bytes[at + 3] = 0xC3
        var hasher = SHA256()
        hasher.update(previous)
        hasher.update(bytes)
        let forgedHash = hasher.finalize()
        for trigger in try ledger.database.rows("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'entry'") { $0.text(at: 0) } {
            try ledger.database.execute("DROP TRIGGER \"\(trigger)\"")
        }
        try ledger.database.execute("UPDATE entry SET memo = CAST(X'C3C3' AS TEXT), hash = X'\(forgedHash.hexString)' WHERE seq = \(last.seq)")
        #expect(try ChainScanTests.scan(ledger) == nil)
        try ChainScanTests.checkpoint(ledger)
        #expect(try ChainScanTests.scan(ledger) == nil)
        let report = try ledger.verify()
        #expect(report.findings.contains { $0.seq == last.seq })
    }
    /// A value of another type than the journal's STRICT tables declare, planted with the
    /// schema put back as cpf wrote it: read as the declared type it would hash as before (an
    /// amount of 1000000.5 reads as 1000000), so the scan must not vouch for it, through SQLite or
    /// from the pages, and `verify` must name the entry.
    @Test(arguments: [
        ("line", "UPDATE line SET amount_vnd = amount_vnd + 0.5 WHERE (entry_seq, line_no) = (SELECT entry_seq, line_no FROM line WHERE amount_vnd > 0 LIMIT 1 OFFSET 10)"),
        ("line", "UPDATE line SET account_id = CAST(account_id AS TEXT) || 'x' WHERE (entry_seq, line_no) = (SELECT entry_seq, line_no FROM line LIMIT 1 OFFSET 20)"),
        ("entry", "UPDATE entry SET memo = CAST(memo AS BLOB) WHERE seq = 30"),
        ("beneficiary_code", "UPDATE beneficiary_code SET code = CAST(code AS BLOB) WHERE (entry_seq, line_no, code) = (SELECT entry_seq, line_no, code FROM beneficiary_code LIMIT 1)"),
    ])
    func aValueOfAnotherTypeThanTheJournalDeclaresIsNotVouchedFor(table: String, sql: String) throws {
        let fixture = try ChainScanTests.variedBook(seed: 2018, entryCount: 300)
        try ChainScanTests.checkpoint(fixture.ledger)
        #expect(try plantValueOfAnotherType(path: fixture.path, table: table, sql: sql) == 1)
        let ledger = try Ledger.open(at: fixture.path, readOnly: true)
        #expect(try ChainScanTests.scan(ledger) == nil)
        #expect(try ChainScanTests.scan(ledger, reading: .statements) == nil)
        let report = try ledger.verify()
        #expect(report.findings.contains { $0.text.english.contains("holds a value of another type than its table declares") }, "\(report.findings.map(\.text.english))")
        #expect(!report.findings.contains { $0.text.english.contains("schema") }, "\(report.findings.map(\.text.english))")
    }
}

private extension Disbursement {
    func withReference(_ reference: String) -> Disbursement {
        var copy = self
        copy.externalRef = reference
        return copy
    }

}
