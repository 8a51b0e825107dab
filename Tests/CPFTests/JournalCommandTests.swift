import Foundation
import Testing
import TestSupport

/// `cpf journal`: formats, filters, languages.
@Suite struct JournalCommandTests {
    /// Four entries dated 2018-01-10, 2018-02-10, 2018-03-10 and 2018-04-10.
    private func ledgerWithFourEntries() throws -> CLILedger {
        let ledger = try CLILedger()
        for month in 1...4 {
            try ledger.postDong(Int64(month) * 1_000_000, debit: "1111", credit: "5132", date: "2018-0\(month)-10",
                                memo: "donation \(month)", reference: "PT-\(month)")
        }
        return ledger
    }

    private func sequenceNumbers(_ ledger: CLILedger, _ arguments: [String]) throws -> [Int64] {
        let result = try ledger.run(["journal", "--format", "json"] + arguments)
        expectSuccess(result)
        let entries = try JSON.parse(result.standardOutput) as? [[String: Any]] ?? []
        return entries.compactMap { JSON.integer($0["seq"]) }
    }

    @Test func emptyJournalInEveryFormat() throws {
        let ledger = try CLILedger()
        let table = try ledger.run(["journal"])
        expectSuccess(table)
        #expect(table.standardOutput.isEmpty, "\(table)")
        let csv = try ledger.run(["journal", "--format", "csv"])
        expectSuccess(csv)
        #expect(csv.standardOutput.lines.count == 1 && csv.standardOutput.hasPrefix("entry,date,memo,ref,"), "\(csv)")
        let json = try ledger.run(["journal", "--format", "json"])
        expectSuccess(json)
        #expect((try JSON.parse(json.standardOutput) as? [Any])?.isEmpty == true, "\(json)")
    }

    @Test func filtersBySequenceLastAndDates() throws {
        let ledger = try ledgerWithFourEntries()
        #expect(try sequenceNumbers(ledger, []) == [1, 2, 3, 4])
        #expect(try sequenceNumbers(ledger, ["--seq", "3"]) == [3])
        #expect(try sequenceNumbers(ledger, ["--last", "2"]) == [3, 4])
        #expect(try sequenceNumbers(ledger, ["--last", "10"]) == [1, 2, 3, 4])
        #expect(try sequenceNumbers(ledger, ["--from", "2018-02-10"]) == [2, 3, 4])
        #expect(try sequenceNumbers(ledger, ["--to", "2018-02-10"]) == [1, 2])
        #expect(try sequenceNumbers(ledger, ["--from", "2018-02-11", "--to", "2018-03-31"]) == [3])
        #expect(try sequenceNumbers(ledger, ["--seq", "9"]) == [])
    }

    @Test func tableHasOneHeaderPerEntryAndOneRowPerLine() throws {
        let ledger = try ledgerWithFourEntries()
        let result = try ledger.run(["journal", "--seq", "2"])
        expectSuccess(result)
        #expect(result.standardOutput.lines.count == 4, "\(result)")
        #expect(result.standardOutput.lines.first == "#2  2018-02-10  donation 2  [PT-2]", "\(result)")
        #expect(result.standardOutput.lines.contains { $0.hasPrefix("    Dr 1111") && $0.hasSuffix("2,000,000 VND") }, "\(result)")
        #expect(result.standardOutput.lines.contains { $0.hasPrefix("    Cr 5132") && $0.hasSuffix("2,000,000 VND") }, "\(result)")
    }

    @Test func vietnameseLabelsDatesAndGrouping() throws {
        let ledger = try ledgerWithFourEntries()
        let result = try ledger.run(["journal", "--seq", "2", "--lang", "vi"])
        expectSuccess(result)
        let lines = result.standardOutput.lines
        #expect(lines.first == "#2  10/02/2018  donation 2  [PT-2]", "\(result)")
        #expect(lines.dropFirst().first?.hasPrefix("    người ghi tester ") == true, "\(result)")
        #expect(lines.contains { $0.hasPrefix("    Nợ 1111") && $0.contains("Tiền Việt Nam") && $0.hasSuffix("2.000.000 ₫") }, "\(result)")
        #expect(lines.contains { $0.hasPrefix("    Có 5132") && $0.contains("Tài trợ của cá nhân") }, "\(result)")
        let fromEnvironment = try ledger.run(["journal", "--seq", "2"], environment: ["CPF_LANG": "vi"])
        #expect(fromEnvironment.standardOutput == result.standardOutput)
    }

    @Test func csvQuotesFieldsAndJSONEscapesText() throws {
        let ledger = try CLILedger()
        let memo = "say \"hi\", \\ back <b> & Tết"
        try ledger.mustRun(["post", "--date", "2018-06-01", "--memo", memo, "--ref", "R,1",
                            "--debit", "1111 100 VND memo=a \"q\", b", "--credit", "5132 100 VND"])
        let json = try ledger.journalJSON()
        #expect(json.first?["memo"] as? String == memo)
        #expect(json.first?["ref"] as? String == "R,1")
        #expect(((json.first?["lines"] as? [[String: Any]])?.first?["memo"] as? String) == "a \"q\", b")
        let csv = try ledger.run(["journal", "--format", "csv"])
        expectSuccess(csv)
        #expect(csv.standardOutput.contains("\"say \"\"hi\"\", \\ back <b> & Tết\",\"R,1\","), "\(csv)")
        #expect(csv.standardOutput.contains(",\"a \"\"q\"\", b\""), "\(csv)")
    }

    @Test func refusesInvalidFilterDate() throws {
        let ledger = try CLILedger()
        expectRefusal(try ledger.run(["journal", "--from", "2018-13-01"]), rule: "invalid-date", mentions: ["2018-13-01"])
        expectRefusal(try ledger.run(["journal", "--to", "June"]), rule: "invalid-date", mentions: ["June"])
    }

    @Test(arguments: [["--seq", "0"], ["--seq", "x"], ["--last", "-1"], ["--format", "html"], ["--format", "xml"], ["--lang", "fr"]])
    func badOptionValuesAreUsageErrors(_ arguments: [String]) throws {
        let ledger = try CLILedger()
        expectUsageError(try ledger.run(["journal"] + arguments), help: "journal")
    }
}
