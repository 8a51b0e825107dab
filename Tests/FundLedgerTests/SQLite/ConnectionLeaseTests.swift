import Testing
@testable import FundLedger
import TestSupport

/// An import's two threads share one connection through a `ConnectionLease`: the posting
/// thread lends it with the rows it queues and takes it back, explicitly, before it uses the
/// connection again; a use without taking it back stops the program rather than race the
/// inserter on the same connection.
@Suite struct ConnectionLeaseTests {
    /// Appends `count` gifts through an importing writer that hands each entry over alone.
    private static func appendGifts(_ count: Int, books: ControlFixture, writer: JournalWriter) throws {
        for number in 1...count {
            let lines = [try books.line(1, "1121", Int64(number)), try books.line(2, "5131", -Int64(number), funder: "AIA")]
            try writer.append(ValidatedEntry(date: ControlFixture.date("2018-07-01"), memo: "gift", externalRef: nil, lines: lines),
                              postedBy: "importer", postedAt: Timestamp.now())
        }
    }

    @Test func theConnectionChangesHandsOnlyWhereTheWriterSaysSo() throws {
        let books = try ControlFixture()
        books.ledger.entriesPerInsert = 1
        try DeferredConstraints.withForeignKeysOff(books.ledger.database) {
            try books.ledger.write {
                let writer = try JournalWriter(ledger: books.ledger, deferringConstraints: true)
                let lease = try #require(books.ledger.database.lease)
                #expect(lease.isHeldHere, "nothing queued yet: the posting thread holds it")
                try Self.appendGifts(3, books: books, writer: writer)
                #expect(!lease.isHeldHere, "each entry went to the inserter with the connection")
                let database = try writer.takeBackConnection()
                #expect(lease.isHeldHere)
                #expect(try database.scalarInt64("SELECT count(*) FROM entry WHERE memo = 'gift'") == 3)
                try Self.appendGifts(2, books: books, writer: writer)
                #expect(!lease.isHeldHere)
                try writer.finish()
                #expect(books.ledger.database.lease == nil, "finished: the connection is the posting thread's alone")
            }
        }
        #expect(try books.ledger.database.scalarInt64("SELECT count(*) FROM entry WHERE memo = 'gift'") == 5)
        #expect(try books.ledger.verify().isIntact)
    }

    /// A writer for every entry posted outside an import inserts on the calling thread and
    /// lends nothing.
    @Test func aWriterWithoutAnInserterHasNoLease() throws {
        let books = try ControlFixture()
        try books.ledger.write {
            let writer = try JournalWriter(ledger: books.ledger)
            #expect(books.ledger.database.lease == nil)
            try Self.appendGifts(70, books: books, writer: writer)
            #expect(try writer.takeBackConnection().scalarInt64("SELECT count(*) FROM entry WHERE memo = 'gift'") == 70)
            try writer.finish()
        }
    }

    /// The posting thread reading while the inserter holds the connection is a programming
    /// error that would race two threads on one connection: the program stops.
    @Test func usingTheConnectionWithoutTakingItBackStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            let books = try ControlFixture()
            books.ledger.entriesPerInsert = 1
            try DeferredConstraints.withForeignKeysOff(books.ledger.database) {
                try books.ledger.write {
                    let writer = try JournalWriter(ledger: books.ledger, deferringConstraints: true)
                    try Self.appendGifts(1, books: books, writer: writer)
                    _ = try books.ledger.database.scalarInt64("SELECT count(*) FROM entry")
                    try writer.finish()
                }
            }
        }
    }
}
