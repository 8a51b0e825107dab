import Foundation
import Testing
@testable import FundLedger
import TestSupport

/// `DeferredConstraints`: a journal writer that defers foreign keys and the closed-period
/// trigger (as `cpf import` does) still refuses what they refuse, before the commit, and
/// leaves both rules in force afterwards.
@Suite struct DeferredConstraintsTests {
    typealias Fixture = ControlFixture

    /// Writes `entries` the way an import does: foreign keys off, the trigger dropped at the
    /// first entry, both checked by `finish()`.
    private func writeDeferred(_ books: Fixture, _ entries: [ValidatedEntry]) throws {
        try DeferredConstraints.withForeignKeysOff(books.ledger.database) {
            try books.ledger.write {
                let writer = try JournalWriter(ledger: books.ledger, deferringConstraints: true)
                for entry in entries { try writer.append(entry, postedBy: "importer", postedAt: Timestamp.now()) }
                try writer.finish()
            }
        }
    }

    private func gift(_ books: Fixture, on date: String, accountID: Int64? = nil) throws -> ValidatedEntry {
        var cash = try books.line(1, "1121", 1_000)
        if let accountID { cash = PostedLine(lineNumber: 1, account: RegistryReference(id: accountID, code: "9999"), amountDong: 1_000) }
        return ValidatedEntry(date: Fixture.date(date), memo: "gift", externalRef: nil,
                              lines: [cash, try books.line(2, "5131", -1_000, funder: "AIA")])
    }

    private func triggerSQL(_ books: Fixture) throws -> String? {
        try books.ledger.database.scalarText("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?", [DeferredConstraints.periodTriggerName])
    }

    @Test func writtenEntriesLeaveBothRulesInForce() throws {
        let books = try Fixture()
        let trigger = try #require(try triggerSQL(books))
        try writeDeferred(books, [try gift(books, on: "2018-07-01"), try gift(books, on: "2018-07-02")])
        #expect(try triggerSQL(books) == trigger)
        #expect(try books.ledger.database.scalarInt64("PRAGMA foreign_keys") == 1)
        #expect(try books.ledger.verify().isIntact)
        // The foreign keys are enforced again: a line naming no account is refused by SQLite.
        #expect(throws: SQLiteError.self) {
            try books.forge(try gift(books, on: "2018-07-03", accountID: 987_654))
        }
    }

    @Test func aLineNamingNoAccountRefusesTheWholeWrite() throws {
        let books = try Fixture()
        let before = try LedgerFingerprint.of(books.ledger.database.path)
        let refusal = try #require(throws: SQLiteError.self) {
            try writeDeferred(books, [try gift(books, on: "2018-07-01"), try gift(books, on: "2018-07-02", accountID: 987_654)])
        }
        #expect(refusal.extendedResultCode == DeferredConstraints.constraintForeignKey)
        #expect(refusal.message.contains("account id 987654"))
        #expect(try books.ledger.database.scalarInt64("SELECT count(*) FROM entry WHERE memo = 'gift'") == 0)
        #expect(try triggerSQL(books) != nil)
        #expect(try LedgerFingerprint.of(books.ledger.database.path).contentDigest == before.contentDigest)
    }

    @Test func anEntryInAClosedPeriodRefusesTheWholeWrite() throws {
        let books = try Fixture()
        _ = try books.ledger.closePeriod(AccountingPeriod(year: 2018, month: 6), user: "ketoantruong")
        let refusal = try #require(throws: SQLiteError.self) {
            try writeDeferred(books, [try gift(books, on: "2018-07-01"), try gift(books, on: "2018-06-30")])
        }
        #expect(refusal.extendedResultCode == DeferredConstraints.constraintTrigger)
        #expect(refusal.message.contains("closed period"))
        #expect(try books.ledger.database.scalarInt64("SELECT count(*) FROM entry WHERE memo = 'gift'") == 0)
        // The rollback brought the trigger back: storage refuses a closed date on its own.
        #expect(try triggerSQL(books) != nil)
        #expect(throws: SQLiteError.self) {
            try books.forge(try gift(books, on: "2018-06-29"))
        }
    }

    @Test func writingNothingChangesNothing() throws {
        let books = try Fixture()
        let before = try LedgerFingerprint.of(books.ledger.database.path)
        try writeDeferred(books, [])
        #expect(try LedgerFingerprint.of(books.ledger.database.path) == before)
    }
}
