import Foundation
import FundLedger
import Testing
import TestSupport

/// A second connection holds the write lock (another cpf importing, a backup tool): a post
/// waits its turn (5 s), then is refused in words, and nothing is written.
@Suite(.tags(.heavy), TestRun.heavy) struct BusyLedgerTests {
    @Test func aPostWhileAnotherWriterHoldsTheLockIsRefusedAndWritesNothing() throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_000_000, debit: "1111", credit: "5132", reference: "PT-1")
        let holder = try Database(path: ledger.path, mode: .readWrite)
        try holder.execute("BEGIN IMMEDIATE")
        let refused = try ledger.run(["post", "--date", "2018-06-02", "--memo", "while busy", "--ref", "PT-2",
                                      "--debit", "1111 1000 VND", "--credit", "5132 1000 VND"])
        try holder.execute("ROLLBACK")
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.standardError.contains("the ledger is busy") && refused.standardError.contains("Nothing was written"), "\(refused)")
        #expect(!refused.standardError.contains("SQLite"), "no raw database error: \(refused)")
        #expect(try ledger.journalJSON().count == 1, "nothing was written")
        expectSuccess(try ledger.run(["verify"]))
        // Once the lock is free, the same post goes through.
        expectSuccess(try ledger.run(["post", "--date", "2018-06-02", "--memo", "after", "--ref", "PT-2",
                                      "--debit", "1111 1000 VND", "--credit", "5132 1000 VND"]))
    }
}
