import Foundation
import FundLedger
import Testing
import TestSupport

/// `cpf import` and `cpf export` end to end (Sources/CPFCommandLine/Commands/ImportCommand.swift, ExportCommand.swift):
/// the summary on stdout, partial imports with their rejects file, the disbursements layout,
/// usage errors, refusals that leave the ledger (and no rejects file) behind, the progress
/// line, and every export format with --output.
@Suite struct ImportCommandTests {
    static let header = "entry,date,memo,ref,account,debit,credit,currency"
    /// Two good entries with references: 1,500,000 and 250,000 VND of individual donations.
    static let twoEntries = """
        \(header)
        1,2018-06-01,Donation,PT-1,1121,1500000,,VND
        1,,,,5132,,1500000,VND
        2,2018-06-02,Donation,PT-2,1121,250000,,VND
        2,,,,5132,,250000,VND

        """

    private func write(_ text: String, _ name: String, in ledger: CLILedger) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: ledger.directory.file(name)))
    }

    private func contents(_ name: String, in ledger: CLILedger) -> String? {
        FileManager.default.contents(atPath: ledger.directory.file(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    private func exists(_ name: String, in ledger: CLILedger) -> Bool { FileManager.default.fileExists(atPath: ledger.directory.file(name)) }

    private func csvRecords(_ text: String) throws -> [[String]] {
        let reader = CSVReader(source: MemoryByteSource(text), sourceName: "output")
        var records: [[String]] = []
        while let record = try reader.next() { records.append(record.fields) }
        return records
    }

    /// Account code → closing balance in dong (debits positive), from the trial balance report.
    private func balances(_ ledger: CLILedger) throws -> [String: Int64] {
        let report = try ledger.trialBalanceJSON()
        var result: [String: Int64] = [:]
        for code in report.rows.keys {
            let balance = (report.dong(code, "balance_debit_vnd") ?? 0) - (report.dong(code, "balance_credit_vnd") ?? 0)
            if balance != 0 { result[code] = balance }
        }
        return result
    }

    // MARK: Importing

    @Test func importPostsTheFileAndSaysWhatItDid() throws {
        let ledger = try CLILedger()
        try write(ImportCommandTests.twoEntries, "entries.csv", in: ledger)
        let result = try ledger.run(["import", "entries.csv"])
        expectSuccess(result)
        #expect(result.standardOutput == "Imported entries.csv: 2 entries read from 4 records; 2 posted (4 lines, entries 1 to 2), 0 already posted, 0 waiting for approval, 0 rejected.\n")
        let journal = try ledger.journalJSON()
        #expect(journal.map { $0["ref"] as? String } == ["PT-1", "PT-2"])
        #expect(journal.flatMap { ($0["lines"] as? [[String: Any]] ?? []).map { JSON.integer($0["amount_vnd"]) } } == [1_500_000, -1_500_000, 250_000, -250_000])
        #expect(try balances(ledger) == ["1121": 1_750_000, "5132": -1_750_000])
        // Again: nothing is posted twice, and the file is as it was.
        let before = try ledger.fingerprint()
        let again = try ledger.run(["import", "entries.csv"])
        expectSuccess(again)
        #expect(again.standardOutput == "Imported entries.csv: 2 entries read from 4 records; 0 posted (0 lines), 2 already posted, 0 waiting for approval, 0 rejected.\n")
        #expect(try ledger.fingerprint() == before)
        // The import is in the audit trail once.
        let history = try ledger.mustRun(["history"]).standardOutput
        #expect(history.components(separatedBy: "file:entries.csv").count == 2, "\(history)")
    }

    @Test func entriesWithoutReferenceAreCountedInTheSummary() throws {
        let ledger = try CLILedger()
        try write(ImportCommandTests.twoEntries.replacingOccurrences(of: "PT-1", with: ""), "entries.csv", in: ledger)
        let result = try ledger.run(["import", "entries.csv"])
        expectSuccess(result)
        #expect(result.standardOutput.hasSuffix("\n1 posted entries have no reference: importing this file again would post them again.\n"), "\(result)")
    }

    @Test func partialImportWritesTheRejectsFile() throws {
        let ledger = try CLILedger()
        let text = """
            \(ImportCommandTests.header)
            1,2018-06-01,Donation,PT-1,1121,1500000,,VND
            1,,,,5132,,1500000,VND
            2,2018-06-02,"Short, by 10",PT-2,1121,250000,,VND
            2,,,,5132,,249990,VND
            3,2018-06-03,Donation,PT-3,1121,40000,,VND
            3,,,,5132,,40000,VND
            4,2018-06-04,Grouped,PT-4,1121,"1,000",,VND
            4,,,,5132,,1000,VND

            """
        try write(text, "entries.csv", in: ledger)
        let result = try ledger.run(["import", "entries.csv", "--partial", "--rejects", "rejects.csv"])
        #expect(result.status == 1, "\(result)")
        #expect(result.standardError.isEmpty, "\(result)")
        #expect(result.standardOutput == """
            Imported entries.csv: 4 entries read from 8 records; 2 posted (4 lines, entries 1 to 2), 0 already posted, 0 waiting for approval, 2 rejected.
            The rejected entries, with their lines and reasons, are in rejects.csv.

            """)
        let rejects = try csvRecords(try #require(contents("rejects.csv", in: ledger)))
        #expect(rejects.count == 3)
        #expect(rejects.first == ["line", "entry", "ref", "rule", "reason", "hint"])
        #expect(rejects.dropFirst().map { Array($0.prefix(4)) } == [["4", "2", "PT-2", "unbalanced"], ["8", "4", "PT-4", "invalid-amount"]])
        #expect(rejects[1][4] == "entries.csv line 4, entry 2: the entry does not balance: debits 250,000 VND, credits 249,990 VND; debits exceed credits by 10 VND", "\(rejects[1])")
        #expect(rejects[2][4] == "entries.csv line 8, column debit (6): amount '1,000 VND' has grouping separators")
        #expect(rejects.dropFirst().allSatisfy { $0.count == 6 && $0[5].count > 5 })
        #expect(try ledger.journalJSON().map { $0["ref"] as? String } == ["PT-1", "PT-3"])
        #expect(try balances(ledger) == ["1121": 1_540_000, "5132": -1_540_000])
        // Without --rejects the refused entries are listed on standard error.
        let fixed = text.replacingOccurrences(of: "249990", with: "250000")
        try write(fixed, "entries.csv", in: ledger)
        let listed = try ledger.run(["import", "entries.csv", "--partial"])
        #expect(listed.status == 1, "\(listed)")
        #expect(listed.standardError == "cpf: rejected (invalid-amount): entries.csv line 8, column debit (6): amount '1,000 VND' has grouping separators\n", "\(listed)")
        #expect(listed.standardOutput.hasPrefix("Imported entries.csv: 4 entries read from 8 records; 1 posted (2 lines, entries 3 to 3), 2 already posted, 0 waiting for approval, 1 rejected.\n"), "\(listed)")
        #expect(!listed.standardOutput.contains("rejects"))
        // With nothing refused a partial import succeeds, and its rejects file has the header only.
        try write(fixed.replacingOccurrences(of: "\"1,000\"", with: "1000"), "entries.csv", in: ledger)
        let clean = try ledger.run(["import", "entries.csv", "--partial", "--rejects", "rejects.csv"])
        expectSuccess(clean)
        #expect(contents("rejects.csv", in: ledger) == "line,entry,ref,rule,reason,hint\r\n")
    }

    @Test func disbursementsLayout() throws {
        let ledger = try CLILedger()
        for arguments in [
            ["funder", "add", "KFW", "--name", "Kinderhilfe e.V.", "--kind", "ngo", "--currency", "USD", "--country", "DE"],
            ["unit", "add", "TN", "--name", "Tỉnh Tây Ninh", "--level", "province"],
            ["grant", "add", "KFW-2018", "--funder", "KFW", "--amount", "100000.00 USD", "--programs", "scholarship,gift", "--units", "TN",
             "--from", "2018-01-01", "--to", "2018-12-31"],
            ["receive", "--date", "2018-03-05", "--funder", "KFW", "--grant", "KFW-2018", "--amount", "20000.00 USD", "--into", "1122", "--ref", "GBC-1"],
            ["convert", "--date", "2018-04-02", "--from", "1122", "--amount", "20000.00 USD", "--into", "1121", "--received", "455000000 VND",
             "--grant", "KFW-2018"],
        ] { try ledger.mustRun(arguments) }
        let text = """
            date,program,unit,children,amount,currency,grant,beneficiaries,ref
            2018-06-01,gift,TN,1,1000000,VND,KFW-2018,TN-0401,QUA-0001
            2018-06-01,gift,TN,1,1000000,VND,KFW-2018,TN-0402,QUA-0002
            2018-06-01,scholarship,TN,20,20000000,VND,KFW-2018,,HB-0601

            """
        try write(text, "gifts.csv", in: ledger)
        let result = try ledger.run(["import", "gifts.csv", "--as", "disbursements"])
        expectSuccess(result)
        #expect(result.standardOutput == "Imported gifts.csv: 3 entries read from 3 records; 3 posted (6 lines, entries 3 to 5), 0 already posted, 0 waiting for approval, 0 rejected.\n")
        let journal = try ledger.journalJSON()
        let lines = journal.suffix(3).map { ($0["lines"] as? [[String: Any]]) ?? [] }
        #expect(lines.map { $0.map { $0["account"] as? String } } == [["6114", "1121"], ["6114", "1121"], ["6111", "1121"]])
        #expect(lines.map { JSON.integer($0.first?["children"]) } == [1, 1, 20])
        #expect(lines.allSatisfy { $0.first?["grant"] as? String == "KFW-2018" && $0.first?["restriction"] as? String == "restricted" })
        #expect(try balances(ledger)["1121"] == 455_000_000 - 22_000_000)
        // A restriction is kept: milk is not among the grant's programs.
        try write("date,program,unit,children,amount,currency,grant,ref\n2018-06-02,milk,TN,5,500000,VND,KFW-2018,SUA-1\n", "milk.csv", in: ledger)
        try expectRefused(ledger, ["import", "milk.csv", "--as", "disbursements"], rule: "restriction",
                          mentions: ["milk.csv line 2: grant KFW-2018 may be spent only on", "milk"])
        // The entries layout does not read a disbursements file (its columns are entries columns too, but not 'entry').
        try expectRefused(ledger, ["import", "gifts.csv"], rule: "invalid-input",
                          mentions: ["gifts.csv line 1: the header has no 'entry' column"])
    }

    // MARK: Usage errors and refusals

    @Test func usageErrors() throws {
        let ledger = try CLILedger()
        try write(ImportCommandTests.twoEntries, "entries.csv", in: ledger)
        let before = try ledger.fingerprint()
        expectUsageError(try ledger.run(["import", "entries.csv", "--rejects", "rejects.csv"]), mentions: ["--rejects goes with --partial"], help: "import")
        #expect(!exists("rejects.csv", in: ledger))
        expectUsageError(try ledger.run(["import", "entries.csv", "--as", "bank-statement"]),
                         mentions: ["unknown layout 'bank-statement'; use entries or disbursements"], help: "import")
        expectUsageError(try ledger.run(["import"]), help: "import")
        expectUsageError(try ledger.run(["export", "--format", "xml"]), mentions: ["unknown format 'xml'; use one of: csv, json, hledger, beancount"], help: "export")
        #expect(try ledger.fingerprint() == before)
    }

    @Test func refusedImportsLeaveTheLedgerAndNoRejectsFile() throws {
        let ledger = try CLILedger()
        try ledger.postDong(100_000, debit: "1121", credit: "5132", reference: "PT-0")
        // An entry of the file does not balance: all or nothing refuses the file.
        try write(ImportCommandTests.twoEntries.replacingOccurrences(of: ",,250000,VND", with: ",,25000,VND"), "entries.csv", in: ledger)
        try expectRefused(ledger, ["import", "entries.csv"], rule: "unbalanced", mentions: ["entries.csv line 4, entry 2: the entry does not balance"])
        // Malformed CSV refuses the file in partial mode too, and the rejects file goes with it.
        try write(ImportCommandTests.twoEntries.replacingOccurrences(of: "Donation,PT-2", with: "\"Donation,PT-2"), "broken.csv", in: ledger)
        try expectRefused(ledger, ["import", "broken.csv", "--partial", "--rejects", "rejects.csv"], rule: "invalid-input",
                          mentions: ["broken.csv line 6, column 3: a quoted field opened on line 4 is never closed"])
        #expect(!exists("rejects.csv", in: ledger))
        try write("entry,date,account,debit,credit,currency\n1,2018-06-01,1121,100,,VND,\n", "wide.csv", in: ledger)
        try expectRefused(ledger, ["import", "wide.csv", "--partial", "--rejects", "rejects.csv"], rule: "invalid-input",
                          mentions: ["wide.csv line 2: 7 fields, but the header names 6 columns"])
        #expect(!exists("rejects.csv", in: ledger))
        try write("", "empty.csv", in: ledger)
        try expectRefused(ledger, ["import", "empty.csv"], rule: "invalid-input", mentions: ["empty.csv is empty"])
        try expectRefused(ledger, ["import", "missing.csv"], rule: "invalid-input", mentions: ["cannot open missing.csv"])
        // The reference of a posted entry, with other content.
        try write("\(ImportCommandTests.header)\n1,2018-06-01,Other,PT-0,1121,200000,,VND\n1,,,,5132,,200000,VND\n", "again.csv", in: ledger)
        try expectRefused(ledger, ["import", "again.csv"], rule: "duplicate-reference", mentions: ["again.csv line 2, entry 1: reference PT-0"])
        // The rejects file may not be the file being imported: opening it would empty it.
        try expectRefused(ledger, ["import", "entries.csv", "--partial", "--rejects", "./entries.csv"], rule: "invalid-input",
                          mentions: ["the rejects file ./entries.csv is the file being imported"])
        #expect(contents("entries.csv", in: ledger)?.hasPrefix(ImportCommandTests.header) == true)
        // A rejects file that cannot be written refuses the import before anything is posted.
        try expectRefused(ledger, ["import", "entries.csv", "--partial", "--rejects", "no-such-folder/rejects.csv"], rule: "invalid-input",
                          mentions: ["cannot write the rejects file no-such-folder/rejects.csv"])
    }

    // MARK: The progress line

    @Test func progressLineOnlyWhenAsked() throws {
        let ledger = try CLILedger()
        var text = ImportCommandTests.header + "\n"
        for index in 1...1_200 { text += "\(index),2018-06-01,Donation,,1121,\(index * 1000),,VND\n\(index),,,,5132,,\(index * 1000),VND\n" }
        try write(text, "entries.csv", in: ledger)
        // Not a terminal: standard error stays empty.
        let quiet = try ledger.run(["import", "entries.csv"])
        expectSuccess(quiet)
        #expect(quiet.standardOutput.hasPrefix("Imported entries.csv: 1,200 entries read from 2,400 records; 1,200 posted (2,400 lines, entries 1 to 1200)"),
                "\(quiet)")
        // CPF_PROGRESS=1: a line after the first thousand entries, cleared at the end.
        let shown = try ledger.run(["import", "entries.csv"], environment: ["CPF_PROGRESS": "1"])
        #expect(shown.status == 0, "\(shown)")
        let errors = shown.standardError
        #expect(errors.hasPrefix("\rimport: 1,000 entries, "), "\(errors.debugDescription)")
        #expect(errors.contains(" %, ") && errors.contains(" s left\u{1B}[K"), "\(errors.debugDescription)")
        #expect(errors.hasSuffix("\r\u{1B}[K"), "\(errors.debugDescription)")
        #expect(!errors.contains("\n"))
        #expect(try ledger.journalJSON().count == 2_400)
        // The summary is the same either way.
        #expect(shown.standardOutput.hasPrefix("Imported entries.csv: 1,200 entries read from 2,400 records; 1,200 posted (2,400 lines, entries 1201 to 2400)"),
                "\(shown)")
    }

    // MARK: Exporting

    @Test func exportInEveryFormat() throws {
        let ledger = try CLILedger()
        try ledger.mustRun(tourPost)
        try ledger.postDong(20_000_000, debit: "1121", credit: "5132", date: "2018-06-01", memo: "Donation", reference: "PT-2")
        try ledger.postDong(20_000_000, debit: "6111", credit: "1121", date: "2018-06-02", memo: "Scholarships", reference: "PC-1")
        try ledger.mustRun(["reverse", "3", "--reason", "wrong month"])
        let csv = try ledger.run(["export", "--format", "csv"])
        expectSuccess(csv)
        let records = try csvRecords(csv.standardOutput)
        #expect(records.first == JournalListing.csvColumns && records.count == 9)
        #expect(records.dropFirst().map { $0[0] } == ["1", "1", "2", "2", "3", "3", "4", "4"])
        // The default format is CSV, and it is the journal's CSV.
        #expect(try ledger.run(["export"]).standardOutput == csv.standardOutput)
        #expect(try ledger.mustRun(["journal", "--format", "csv"]).standardOutput == csv.standardOutput)

        let json = try ledger.run(["export", "--format", "json"])
        expectSuccess(json)
        let entries = try #require(try JSON.parse(json.standardOutput) as? [[String: Any]])
        #expect(entries.map { JSON.integer($0["seq"]) } == [1, 2, 3, 4] && JSON.integer(entries[3]["reverses_seq"]) == 3)
        var sums: [String: Int64] = [:]
        for line in entries.flatMap({ $0["lines"] as? [[String: Any]] ?? [] }) {
            sums[line["account"] as? String ?? "", default: 0] += JSON.integer(line["amount_vnd"]) ?? 0
        }
        #expect(sums.filter { $0.value != 0 } == (try balances(ledger)))
        #expect(try balances(ledger) == ["1122": 227_500_000, "3372": -227_500_000, "1121": 20_000_000, "5132": -20_000_000])

        let hledger = try ledger.run(["export", "--format", "hledger"])
        expectSuccess(hledger)
        #expect(hledger.standardOutput.contains("""
            2018-06-01 * (PT-0001) NGO grant tranche 1  ; seq:1
                Assets:1122  10000.00 USD @@ 227500000 VND
                Liabilities:3372  -227500000 VND

            """), "\(hledger.standardOutput)")
        #expect(hledger.standardOutput.contains("; seq:4, reverses:3\n"))
        let beancount = try ledger.run(["export", "--format", "beancount"])
        expectSuccess(beancount)
        #expect(beancount.standardOutput.contains("option \"operating_currency\" \"VND\"\n"))
        #expect(beancount.standardOutput.contains("""
            2018-06-01 * "NGO grant tranche 1"
              seq: 1
              ref: "PT-0001"
              Assets:1122  10000.00 USD @@ 227500000 VND
              Liabilities:3372  -227500000 VND

            """), "\(beancount.standardOutput)")
    }

    @Test func exportToANewFileOnly() throws {
        let ledger = try CLILedger()
        try ledger.mustRun(tourPost)
        let stdout = try ledger.mustRun(["export", "--format", "hledger"]).standardOutput
        let result = try ledger.run(["export", "--format", "hledger", "--output", "fund.journal"])
        // What it did goes to standard output, like every command's confirmation (README).
        #expect(result.status == 0 && result.standardError.isEmpty, "\(result)")
        #expect(result.standardOutput == "Exported the journal (hledger) to fund.journal.\n")
        #expect(contents("fund.journal", in: ledger) == stdout)
        // An existing file is never overwritten.
        try write("keep me\n", "existing.csv", in: ledger)
        try expectRefused(ledger, ["export", "--output", "existing.csv"], rule: "invalid-input", mentions: ["cannot create existing.csv: it already exists"])
        #expect(contents("existing.csv", in: ledger) == "keep me\n")
        try expectRefused(ledger, ["export", "--output", "no-such-folder/fund.csv"], rule: "invalid-input", mentions: ["cannot create no-such-folder/fund.csv"])
    }

    // MARK: Hostile text

    /// A memo or reference a spreadsheet would run goes into every CSV cpf writes with OWASP's
    /// leading `'` — the rejects file, the export, the journal, a report — and an exported
    /// journal imports into other books with its text as typed (HostileTextExportTests).
    @Test func aFormulaTravelsThroughEveryCSVAsText() throws {
        let ledger = try CLILedger()
        try write("""
            \(ImportCommandTests.header)
            1,2018-06-01,=1+1,@PT-1,1121,1500000,,VND
            1,,,,5132,,1500000,VND
            2,2018-06-02,Short,-PT-2,1121,250000,,VND
            2,,,,5132,,249990,VND

            """, "entries.csv", in: ledger)
        #expect(try ledger.run(["import", "entries.csv", "--partial", "--rejects", "rejects.csv"]).status == 1)
        let rejects = try #require(contents("rejects.csv", in: ledger))
        #expect(rejects.contains("\r\n4,2,'-PT-2,unbalanced,"), "\(rejects)")
        try ledger.mustRun(["export", "--output", "fund.csv"])
        let exported = try #require(contents("fund.csv", in: ledger))
        #expect(exported.contains(",2018-06-01,'=1+1,'@PT-1,1121,1500000,,VND,1500000,"), "\(exported)")
        #expect(try ledger.mustRun(["journal", "--format", "csv"]).standardOutput == exported)
        let register = try ledger.mustRun(["report", "ledger", "--account", "1121", "--from", "2018-01-01", "--to", "2018-12-31", "--format", "csv"])
        #expect(register.standardOutput.contains(",'=1+1,") && !register.standardOutput.contains(",=1+1"), "\(register)")

        let other = try CLILedger()
        try Data(exported.utf8).write(to: URL(fileURLWithPath: other.directory.file("fund.csv")))
        try other.mustRun(["import", "fund.csv"])
        let entry = try #require(try other.journalJSON().first)
        #expect(entry["memo"] as? String == "=1+1" && entry["ref"] as? String == "@PT-1", "\(entry)")
    }
}
