import Foundation
import Testing
@testable import FundLedger
import TestSupport

/// `ReferenceHorizon`: which references an import may post without looking them up. A
/// reference is skipped only when its bytes sort after every reference posted, as SQLite
/// orders them; anything else is looked up, so a wrong answer can only cost a lookup.
@Suite struct ReferenceHorizonTests {
    private func post(_ fixture: TemporaryLedger, reference: String) throws {
        try fixture.ledger.post(EntryDraft(date: LedgerDate(year: 2018, month: 6, day: 15)!, memo: "gift", externalRef: reference,
                                           lines: [.debit("1121", .vnd(1000)), .credit("5132", .vnd(1000))]), user: "tester")
    }

    /// The byte comparison (`memcmp` in place) orders as comparing the UTF-8 views does, for
    /// inline and heap strings, prefixes, empty text and bytes past 0x7F.
    @Test func theByteComparisonOrdersAsTheUTF8Views() {
        let texts = ["", "A", "PT-0009", "PT-00090", "PT-", "GEN-2018-00000001", "GEN-2018-00000001X", "e\u{301}", "é",
                     "Quỹ Bảo trợ trẻ em 2018", "Quỹ Bảo trợ trẻ em 2019", String(repeating: "z", count: 40), "\u{7F}", "\u{80}"]
        for first in texts {
            for second in texts {
                #expect(ReferenceHorizon.bytes(of: first, precede: second) == first.utf8.lexicographicallyPrecedes(second.utf8),
                        "\(first) against \(second)")
            }
        }
    }

    @Test func anEmptyJournalMakesEveryReferenceNew() throws {
        let fixture = try TemporaryLedger()
        let horizon = try ReferenceHorizon(ledger: fixture.ledger)
        #expect(horizon.isNew("PT-0001") && horizon.isNew(""))
    }

    @Test func referencesAreComparedByTheirBytesLikeSQLite() throws {
        let fixture = try TemporaryLedger()
        try post(fixture, reference: "PT-0009")
        try post(fixture, reference: "PT-0002")
        var horizon = try ReferenceHorizon(ledger: fixture.ledger)
        // Byte by byte, not by number: "PT-009" and "PT-000999" sort after "PT-0009", "PT-00089" before it.
        #expect(horizon.isNew("PT-00090") && horizon.isNew("PT-009") && horizon.isNew("PT-0010") && horizon.isNew("PT-000999"))
        #expect(!horizon.isNew("PT-0009") && !horizon.isNew("PT-0003") && !horizon.isNew("PT-00089") && !horizon.isNew("PT-"))
        // "e" with a combining accent equals the precomposed "é" as a Swift string, but its
        // bytes (65 CC 81) sort before the precomposed one's (C3 A9), as in SQLite.
        horizon.pass("PT-\u{E9}")
        #expect(!horizon.isNew("PT-e\u{301}"))
        #expect(horizon.isNew("PT-\u{E9}a"))
    }

    @Test func aPassedReferenceIsNoLongerNew() throws {
        let fixture = try TemporaryLedger()
        var horizon = try ReferenceHorizon(ledger: fixture.ledger)
        horizon.pass("B-2")
        #expect(!horizon.isNew("B-2") && !horizon.isNew("B-1") && horizon.isNew("B-3"))
        horizon.pass("A-9")   // behind the horizon: it stays where it was
        #expect(!horizon.isNew("B-2") && horizon.isNew("B-3"))
    }

    /// A file whose references go back and forth still posts each reference once: the ones
    /// behind the horizon are looked up.
    @Test func anImportOutOfReferenceOrderStillPostsEachReferenceOnce() throws {
        let fixture = try TemporaryLedger()
        try post(fixture, reference: "R-5")
        let path = fixture.directory.file("out-of-order.csv")
        var csv = "entry,date,memo,ref,account,debit,credit,currency\n"
        for (index, reference) in ["R-7", "R-3", "R-7", "R-5", "R-8", "R-3"].enumerated() {
            csv += "\(index + 1),2018-06-15,gift,\(reference),1121,1000,,VND\n\(index + 1),,,,5132,,1000,VND\n"
        }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(csv.utf8)))
        let summary = try fixture.ledger.importCSV(path: path, format: .entries, user: "tester")
        #expect(summary.postedCount == 3 && summary.alreadyPostedCount == 3)
        #expect(try fixture.ledger.database.scalarInt64("SELECT count(*) FROM entry WHERE external_ref IN ('R-3', 'R-5', 'R-7', 'R-8')") == 4)
    }
}
