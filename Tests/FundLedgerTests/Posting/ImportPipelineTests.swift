import Foundation
import Testing
@testable import FundLedger
import TestSupport

/// An import's journal writer inserts rows on a second thread (`WriteBehind`, `RowInserter`)
/// while the posting thread validates and hashes the next entries. The books it writes are
/// the ones posting each entry gives; a read of the journal in the middle sees every entry
/// appended; a row the inserter cannot write refuses the whole import; and appending does
/// not make the posting thread wait for the inserter.
@Suite struct ImportPipelineTests {
    /// `count` gifts of 1,000 + n dong, each with its reference; far more than the inserter's
    /// queue holds (`WriteBehind.queuedBatchCountMax` batches of 64 entries).
    static func giftsCSV(count: Int, then extra: String = "") -> String {
        var csv = "entry,date,memo,ref,account,debit,credit,currency,funder\n"
        for number in 1...count {
            let dong = 1_000 + number
            csv += "\(number),2018-06-\(String(format: "%02d", 1 + number % 28)),gift,R-\(String(format: "%05d", number)),1121,\(dong),,VND,AIA\n"
            csv += "\(number),,,,5132,,\(dong),VND,AIA\n"
        }
        return csv + extra
    }

    static let giftCount = WriteBehind<[JournalEntry]>.queuedBatchCountMax * RowInserter.rowsPerStatementMax * 2 + 17

    private func write(_ csv: String, in fixture: TemporaryLedger, name: String = "gifts.csv") -> String {
        let path = fixture.directory.file(name)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(csv.utf8)))
        return path
    }

    private func drafts(count: Int) throws -> [EntryDraft] {
        try (1...count).map { number in
            let dong = Int64(1_000 + number)
            var debit = LineDraft(accountCode: "1121", side: .debit, amount: .vnd(dong))
            debit.dimensions = Dimensions(funder: "AIA")
            var credit = LineDraft(accountCode: "5132", side: .credit, amount: .vnd(dong))
            credit.dimensions = Dimensions(funder: "AIA")
            return EntryDraft(date: try LedgerDate.parse("2018-06-\(String(format: "%02d", 1 + number % 28))"), memo: "gift",
                              externalRef: "R-\(String(format: "%05d", number))", lines: [debit, credit])
        }
    }

    private func books() throws -> TemporaryLedger {
        let fixture = try TemporaryLedger()
        try fixture.ledger.addFunder(code: "AIA", name: "AIA Việt Nam", kind: .company, user: "tester")
        return fixture
    }

    /// What the journal and the maintained totals hold, without the posting times.
    private func contents(_ ledger: Ledger) throws -> [String] {
        let database = ledger.database
        var rows = try database.rows("SELECT seq, entry_date, memo, external_ref FROM entry ORDER BY seq") {
            "entry \($0.int64(at: 0)) \($0.text(at: 1)) \($0.text(at: 2)) \($0.text(at: 3))"
        }
        rows += try database.rows("SELECT entry_seq, line_no, account_id, amount_vnd, funder_id FROM line ORDER BY entry_seq, line_no") {
            "line \($0.int64(at: 0)).\($0.int64(at: 1)) \($0.int64(at: 2)) \($0.int64(at: 3)) \($0.int64(at: 4))"
        }
        rows += try database.rows("SELECT * FROM balance_day ORDER BY 1, 2, 3") { row in
            "day " + (0..<row.columnCount).map { String(describing: row.value(at: $0)) }.joined(separator: " ")
        }
        rows += try database.rows("SELECT * FROM dimension_month ORDER BY 1, 2, 3, 4, 5, 6, 7") { row in
            "dimension " + (0..<row.columnCount).map { String(describing: row.value(at: $0)) }.joined(separator: " ")
        }
        rows += try database.rows("SELECT * FROM cash_flow_month ORDER BY 1, 2, 3, 4") { row in
            "cash flow " + (0..<row.columnCount).map { String(describing: row.value(at: $0)) }.joined(separator: " ")
        }
        return rows
    }

    @Test func anImportWritesTheBooksThatPostingEachEntryWrites() throws {
        let imported = try books()
        let path = write(Self.giftsCSV(count: Self.giftCount), in: imported)
        let summary = try imported.ledger.importCSV(path: path, format: .entries, user: "tester")
        #expect(summary.postedCount == Self.giftCount)
        let posted = try books()
        _ = try posted.ledger.post(try drafts(count: Self.giftCount), user: "tester")
        let importedRows = try contents(imported.ledger)
        #expect(importedRows.count > Self.giftCount * 3)
        #expect(importedRows == (try contents(posted.ledger)))
        #expect(try imported.ledger.verify().isIntact)
        #expect(try imported.ledger.database.scalarInt64("PRAGMA foreign_keys") == 1)
    }

    /// Totals past the limit are queued behind the rows to the inserter's thread, which adds
    /// them to the tables while this one gathers afresh: the books are the same, and the
    /// posting thread did not wait for them.
    @Test func totalsWrittenMidImportOnTheInserterThreadGiveTheSameBooks() throws {
        let imported = try books()
        imported.ledger.pendingTotalsCountMax = 3
        let path = write(Self.giftsCSV(count: Self.giftCount), in: imported)
        let summary = try imported.ledger.importCSV(path: path, format: .entries, user: "tester", progressInterval: 50)
        #expect(summary.postedCount == Self.giftCount)
        let posted = try books()
        _ = try posted.ledger.post(try drafts(count: Self.giftCount), user: "tester")
        let importedRows = try contents(imported.ledger)
        // Days written in several flushes are upserted, not duplicated.
        #expect(importedRows.filter { $0.hasPrefix("day ") }.count == 28 * 2)
        #expect(importedRows == (try contents(posted.ledger)))
        #expect(try imported.ledger.verify().isIntact)
    }

    /// The same limit with the writer alone: each flush is queued, and no append waits.
    @Test func totalsFlushedMidImportDoNotMakeThePostingThreadWait() throws {
        let books = try ControlFixture()
        books.ledger.pendingTotalsCountMax = 3
        try DeferredConstraints.withForeignKeysOff(books.ledger.database) {
            try books.ledger.write {
                let writer = try JournalWriter(ledger: books.ledger, deferringConstraints: true)
                for number in 1...3_000 {
                    let day = ControlFixture.date("2018-07-\(String(format: "%02d", 1 + number % 28))")
                    let lines = [try books.line(1, "1121", Int64(number)), try books.line(2, "5131", -Int64(number), funder: "AIA")]
                    try writer.append(ValidatedEntry(date: day, memo: "gift", externalRef: nil, lines: lines),
                                      postedBy: "importer", postedAt: Timestamp.now())
                    if number % 100 == 0 { try writer.flushIfLarge() }
                }
                #expect(writer.insertWaitCount == 0)
                #expect(writer.balances.isEmpty)
                try writer.finish()
                let total = try books.ledger.database.scalarInt64("SELECT sum(debit_vnd) FROM balance_day WHERE account_id = (SELECT id FROM account WHERE code = '1121')")
                #expect(total == (try books.ledger.database.scalarInt64("SELECT sum(amount_vnd) FROM line WHERE amount_vnd > 0 AND account_id = (SELECT id FROM account WHERE code = '1121')")))
                #expect(total! >= Int64(3_000 * 3_001 / 2))
            }
        }
        #expect(try books.ledger.verify().isIntact)
    }

    /// A total that storage refuses while the inserter's thread writes it mid-import (here a
    /// day's total pushed past what an integer holds) stops a partial import as a whole: the
    /// entry being posted when the failure surfaces is not reported as refused, and nothing
    /// is written.
    @Test func aTotalRefusedOnTheInserterThreadStopsAPartialImport() throws {
        let fixture = try books()
        fixture.ledger.pendingTotalsCountMax = 3
        _ = try fixture.ledger.post(try drafts(count: 1), user: "tester")
        try fixture.ledger.database.execute("UPDATE balance_day SET debit_vnd = 9223372036854775000 WHERE debit_vnd > 0")
        let before = try LedgerFingerprint.of(fixture.path)
        // References in falling order are each looked up, so every entry hands its row to the
        // inserter and waits for it: the failure surfaces while the next entry is posted.
        var csv = "entry,date,memo,ref,account,debit,credit,currency,funder\n"
        for number in 1...400 {
            csv += "\(number),2018-06-02,gift,S-\(String(format: "%05d", 99_999 - number)),1121,\(1_000 + number),,VND,AIA\n"
            csv += "\(number),,,,5132,,\(1_000 + number),VND,AIA\n"
        }
        let path = write(csv, in: fixture)
        var rejections: [ImportRejection] = []
        let refusal = try #require(throws: LedgerError.self) {
            try fixture.ledger.importCSV(path: path, format: .entries, mode: .partial, user: "tester",
                                         rejected: { rejections.append($0) }, progressInterval: 100)
        }
        #expect(refusal.rule == .overflow)
        #expect(!refusal.message.contains("line "), "the refusal names no entry: \(refusal.message)")
        #expect(rejections.isEmpty)
        #expect(try LedgerFingerprint.of(fixture.path).contentDigest == before.contentDigest)
    }

    /// The reference of an entry early in the file, given again at its end: by then the early
    /// entry has long been handed to the inserter, and the lookup must find it in the journal.
    @Test func aReferenceGivenAgainLaterIsFoundInTheJournal() throws {
        let fixture = try books()
        let again = "again,2018-06-11,gift,R-00010,1121,1010,,VND,AIA\nagain,,,,5132,,1010,VND,AIA\n"
        let path = write(Self.giftsCSV(count: Self.giftCount, then: again), in: fixture)
        let summary = try fixture.ledger.importCSV(path: path, format: .entries, user: "tester")
        #expect(summary.postedCount == Self.giftCount && summary.alreadyPostedCount == 1)
        #expect(try fixture.ledger.database.scalarInt64("SELECT count(*) FROM entry WHERE external_ref = 'R-00010'") == 1)
    }

    @Test func aReferenceGivenAgainWithOtherContentRefusesTheFile() throws {
        let fixture = try books()
        let before = try LedgerFingerprint.of(fixture.path)
        let changed = "again,2018-06-11,gift,R-00010,1121,999,,VND,AIA\nagain,,,,5132,,999,VND,AIA\n"
        let path = write(Self.giftsCSV(count: Self.giftCount, then: changed), in: fixture)
        let refusal = try #require(throws: LedgerError.self) {
            try fixture.ledger.importCSV(path: path, format: .entries, user: "tester")
        }
        #expect(refusal.rule == .duplicateReference)
        #expect(refusal.message.contains("line \(Self.giftCount * 2 + 2), entry again: reference R-00010 is already used by entry"))
        #expect(try LedgerFingerprint.of(fixture.path) == before)
    }

    /// A row that storage refuses (a line memo past the schema's 500 characters, which only
    /// validation would have caught) fails on the inserter's thread; the writer throws it,
    /// and the rollback leaves nothing.
    @Test func aRowTheInserterCannotWriteRefusesEverything() throws {
        let books = try ControlFixture()
        let before = try LedgerFingerprint.of(books.path)
        var entries: [ValidatedEntry] = []
        for number in 1...300 {
            let memo = number == 150 ? String(repeating: "x", count: 501) : nil
            let cash = try books.line(1, "1121", 1_000)
            let gift = try books.line(2, "5131", -1_000, funder: "AIA")
            let lines = [cash, PostedLine(lineNumber: 2, account: gift.account, amountDong: gift.amountDong, funder: gift.funder, memo: memo)]
            entries.append(ValidatedEntry(date: ControlFixture.date("2018-07-01"), memo: "gift \(number)", externalRef: nil, lines: lines))
        }
        let refusal = try #require(throws: SQLiteError.self) {
            try DeferredConstraints.withForeignKeysOff(books.ledger.database) {
                try books.ledger.write {
                    let writer = try JournalWriter(ledger: books.ledger, deferringConstraints: true)
                    for entry in entries { try writer.append(entry, postedBy: "importer", postedAt: Timestamp.now()) }
                    try writer.finish()
                }
            }
        }
        #expect(refusal.message.contains("CHECK constraint failed"))
        #expect(books.ledger.database.lease == nil)
        #expect(try LedgerFingerprint.of(books.path).contentDigest == before.contentDigest)
        // The connection is the posting thread's alone again, and writes as before.
        #expect(try books.ledger.verify().isIntact)
    }

    /// An import holds every goods lot in memory (`PostingPipeline.readAhead`), so goods
    /// handed out are valued without taking the connection back: the posting thread never
    /// waits for the inserter, and the books are those of posting each entry.
    @Test func goodsHandedOutInAnImportDoNotWaitForTheInserter() throws {
        let books = try FundingBooks()
        try books.receiveInKind("2018-01-10", funder: "AIA", item: "bicycle", quantity: 5_000, unitValue: 1_500_000)
        let handOuts = try (1...3_000).map { number in
            var expense = LineDraft(accountCode: "6111", side: .debit, amount: .vnd(1_500_000),
                                    dimensions: Dimensions(program: "scholarship", unit: "TN"))
            expense.children = 1
            // In date order: a hand-out dated before one already valued is refused.
            let goods = LineDraft(accountCode: "156", side: .credit, amount: .vnd(1_500_000), item: "bicycle", quantity: 1)
            return EntryDraft(date: FundingBooks.date("2018-02-\(String(format: "%02d", 1 + (number - 1) * 28 / 3_000))"), memo: "bicycle",
                              externalRef: "XD-\(String(format: "%05d", number))", lines: [expense, goods])
        }
        try DeferredConstraints.withForeignKeysOff(books.ledger.database) {
            try books.ledger.write {
                let pipeline = try PostingPipeline(ledger: books.ledger, user: "importer", postedAt: Timestamp.now(), deferringConstraints: true)
                try pipeline.readAhead()
                for draft in handOuts {
                    guard case .posted = try pipeline.submit(draft) else { Issue.record("\(draft.externalRef ?? "") not posted"); return }
                }
                #expect(pipeline.writer.insertWaitCount == 0)
                try pipeline.finish()
            }
        }
        #expect(try books.ledger.database.scalarInt64("SELECT sum(quantity) FROM line WHERE item_id IS NOT NULL") == 2_000)
        #expect(try books.ledger.verify().isIntact)
    }

    /// Appending uses no query, so the posting thread never waits for the inserter to hand
    /// back the connection until it finishes: each wait would stall the pipeline.
    @Test func appendingNeverWaitsForTheInserter() throws {
        let books = try ControlFixture()
        try DeferredConstraints.withForeignKeysOff(books.ledger.database) {
            try books.ledger.write {
                let writer = try JournalWriter(ledger: books.ledger, deferringConstraints: true)
                for number in 1...5_000 {
                    let lines = [try books.line(1, "1121", Int64(number)), try books.line(2, "5131", -Int64(number), funder: "AIA")]
                    try writer.append(ValidatedEntry(date: ControlFixture.date("2018-07-01"), memo: "gift", externalRef: nil, lines: lines),
                                      postedBy: "importer", postedAt: Timestamp.now())
                }
                #expect(writer.insertWaitCount == 0)
                // Taking the connection back waits (once) for the inserter, and then a read sees
                // every entry appended.
                let database = try writer.takeBackConnection()
                let written = try database.scalarInt64("SELECT count(*) FROM entry WHERE memo = 'gift'")
                #expect(written == 5_000)
                #expect(writer.insertWaitCount <= 1)
                try writer.finish()
            }
        }
        #expect(try books.ledger.verify().isIntact)
    }
}
