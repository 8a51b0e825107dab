import Foundation
import FundLedger
import Testing
import TestSupport

/// Children's identities never leave the books (docs/domain.md §2, README): beneficiary codes are
/// stored, and appear in no report, listing or message — not even in a refusal that quotes
/// the line they were typed on.
@Suite struct PrivacyTests {
    static let codes = ["TN-0001", "TN-0002"]
    static let debitLine = "6111 1234567 VND program=scholarship children=3 beneficiaries=TN-0001,TN-0002"

    private func expectNoCode(_ result: CPFResult, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for code in PrivacyTests.codes + ["TN-000"] {
            #expect(!result.standardOutput.contains(code), "\(what): stdout shows \(code)\n\(result)", sourceLocation: sourceLocation)
            #expect(!result.standardError.contains(code), "\(what): stderr shows \(code)\n\(result)", sourceLocation: sourceLocation)
        }
    }

    private func storedCodes(_ ledger: CLILedger) throws -> [String] {
        var configuration = Database.Configuration()
        configuration.journalModeWAL = false
        let database = try Database(path: ledger.path, mode: .readOnly, configuration: configuration)
        return try database.rows("SELECT code FROM beneficiary_code ORDER BY code") { $0.text(at: 0) }
    }

    private func postArguments(_ debit: String = PrivacyTests.debitLine, credit: String = "1111 1234567 VND") -> [String] {
        ["post", "--date", "2018-09-05", "--memo", "Học bổng tháng 9", "--ref", "CHI-0901", "--debit", debit, "--credit", credit]
    }

    @Test func codesAreStoredButAppearInNoOutput() throws {
        let ledger = try CLILedger()
        try ledger.postDong(5_000_000, debit: "1111", credit: "5132", date: "2018-09-01")
        let posted = try ledger.run(postArguments())
        expectSuccess(posted)
        expectNoCode(posted, "post")
        #expect(try storedCodes(ledger) == PrivacyTests.codes, "the codes are kept for the fund's own records")
        let again = try ledger.run(postArguments())
        expectSuccess(again)
        #expect(again.standardOutput.hasPrefix("Entry 2 already has reference CHI-0901"), "\(again)")
        expectNoCode(again, "post again")

        var commands: [[String]] = []
        for language in ["en", "vi"] {
            for format in ["table", "csv", "json"] {
                commands.append(["journal", "--format", format, "--lang", language])
            }
            for format in ["table", "csv", "json", "html"] {
                commands.append(["report", "trial-balance", "--format", format, "--lang", language])
            }
        }
        commands += [["journal", "--seq", "2"], ["verify"], ["verify", "--format", "json"], ["account", "list"], ["rate", "list"]]
        for arguments in commands {
            let result = try ledger.run(arguments)
            expectSuccess(result)
            #expect(!result.standardOutput.isEmpty)
            expectNoCode(result, arguments.joined(separator: " "))
        }
        // The line itself is listed, with its count of child-instances.
        let line = try #require((try ledger.journalJSON().last?["lines"] as? [[String: Any]])?.first)
        #expect(JSON.integer(line["children"]) == 3 && line["program"] as? String == "scholarship")
    }

    @Test func reversalShowsNoCodes() throws {
        let ledger = try CLILedger()
        try ledger.postDong(5_000_000, debit: "1111", credit: "5132", date: "2018-09-01")   // the cash the scholarships are paid from
        try ledger.mustRun(postArguments())
        let reversed = try ledger.run(["reverse", "2", "--reason", "wrong children", "--date", "2018-09-06"])
        expectSuccess(reversed)
        expectNoCode(reversed, "reverse")
        for format in ["table", "csv", "json"] {
            expectNoCode(try ledger.run(["journal", "--format", format]), "journal after reverse")
        }
        expectNoCode(try ledger.run(["verify"]), "verify after reverse")
    }

    /// Refused posts whose debit line carries the codes; none may echo them.
    static let refusedLines: [(debit: String, credit: String, rule: String)] = [
        (debitLine, "1111 1234566 VND", "unbalanced"),
        ("9999 1234567 VND children=3 beneficiaries=TN-0001,TN-0002", "1111 1234567 VND", "unknown-account"),
        ("6111 1234567 VND children=1 beneficiaries=TN-0001,TN-0002", "1111 1234567 VND", "invalid-input"),
        ("6111 1234567 VND children=3 beneficiaries=TN-0001,TN-0001", "1111 1234567 VND", "invalid-input"),
        ("6111 1234567 VND beneficiaries=TN-0001,TN-0002", "1111 1234567 VND", "invalid-input"),
        ("6111 1234567 VND children=3 beneficiaries=TN-0001,bad!code", "1111 1234567 VND", "invalid-text"),
        ("6111 1234567 VND children=3 beneficiaries=TN-0001,TN-0002 extra", "1111 1234567 VND", "invalid-input"),
        ("6111 1234567 VND children=3 beneficiaries=TN-0001,TN-0002 colour=red", "1111 1234567 VND", "invalid-input"),
        ("6111 1234567 VND children=3 beneficiaries=TN-0001,TN-0002 @ 2", "1111 1234567 VND", "invalid-rate"),
        ("6111 1234567,0 VND children=3 beneficiaries=TN-0001,TN-0002", "1111 1234567 VND", "invalid-amount"),
        ("6111 1234567 VND children=3 beneficiaries=TN-0001,TN-0002", "1111 1234567 VND children=3 beneficiaries=TN-0002", "invalid-input"),
    ]

    @Test(arguments: 0..<refusedLines.count)
    func refusedPostNeverEchoesCodes(_ index: Int) throws {
        let (debit, credit, rule) = PrivacyTests.refusedLines[index]
        let ledger = try CLILedger()
        let result = try expectRefused(ledger, postArguments(debit, credit: credit), rule: rule)
        expectNoCode(result, "refused post '\(debit)'")
        #expect(try storedCodes(ledger).isEmpty)
    }

    @Test func refusedReuseOfReferenceNeverEchoesCodes() throws {
        let ledger = try CLILedger()
        try ledger.postDong(5_000_000, debit: "1111", credit: "5132", date: "2018-09-01")   // the cash the scholarships are paid from
        try ledger.mustRun(postArguments())
        let result = try expectRefused(ledger, postArguments("6111 1234567 VND program=scholarship children=3 beneficiaries=TN-0001,TN-0003"),
                                       rule: "duplicate-reference", mentions: ["CHI-0901"])
        expectNoCode(result, "duplicate reference")
        #expect(!result.standardError.contains("TN-0003"))
    }

    /// Mistakes in typing a line that put a code where the parser quotes a token.
    static let mistypedLines: [(debit: String, rule: String, what: String)] = [
        ("6111 1234567 VND children=3 beneficiaries=TN-0001, TN-0002", "invalid-input",
         "a space after the comma: 'unexpected 'TN-0002'' is echoed"),
        ("6111 1234567 VND children=3 beneficiaries=TN-0001,bad code!", "invalid-input",
         "a code with a space: the rest of the code ('code!') is echoed"),
        ("6111 1234567 VND children=3\tbeneficiaries=TN-0001,TN-0002 extra", "invalid-input",
         "a tab before beneficiaries=: the redaction splits on spaces only, so the whole line with the codes is echoed"),
        ("6111 1234567 beneficiaries=TN-0001,TN-0002 children=3", "unknown-currency",
         "the currency forgotten: 'unknown currency 'beneficiaries=TN-0001,TN-0002'' is echoed"),
        ("6111 beneficiaries=TN-0001,TN-0002 1234567 VND", "unknown-currency",
         "the pair typed before the amount: the amount quoted in the message contains the codes"),
    ]

    @Test(arguments: 0..<mistypedLines.count)
    func mistypedLineNeverEchoesCodes(_ index: Int) throws {
        let (debit, rule, what) = PrivacyTests.mistypedLines[index]
        let ledger = try CLILedger()
        let result = try expectRefused(ledger, postArguments(debit), rule: rule)
        #expect(try storedCodes(ledger).isEmpty)
        expectNoCode(result, "refused post '\(debit)' (\(what))")
        #expect(!result.standardError.contains("bad") && !result.standardError.contains("code!"), "\(result)")
    }
}
