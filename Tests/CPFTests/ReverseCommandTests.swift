import Foundation
import Testing
import TestSupport

/// `cpf reverse`: the mirror entry, and its refusals.
@Suite struct ReverseCommandTests {
    @Test func postsTheMirrorLinkedToTheOriginal() throws {
        let ledger = try CLILedger()
        try ledger.mustRun(tourPost)
        let result = try ledger.run(["reverse", "1", "--reason", "wrong account", "--date", "2018-06-30"])
        expectSuccess(result)
        #expect(result.standardOutput.hasPrefix("Posted entry 2 on 2018-06-30, reversing entry 1. Hash "), "\(result)")
        let entries = try ledger.journalJSON()
        #expect(entries.count == 2)
        let reversal = try #require(entries.last)
        #expect(JSON.integer(reversal["reverses_seq"]) == 1)
        #expect(reversal["memo"] as? String == "Reversal of entry 1: wrong account")
        let lines = try #require(reversal["lines"] as? [[String: Any]])
        #expect(lines.map { $0["account"] as? String } == ["1122", "3372"])
        #expect(lines.map { JSON.integer($0["amount_vnd"]) } == [-227_500_000, 227_500_000])
        #expect(JSON.integer(lines.first?["amount_foreign_minor"]) == -1_000_000)
        #expect(lines.first?["rate"] as? String == "22750")

        let balance = try ledger.trialBalanceJSON()
        #expect(balance.dong("1122", "debit_vnd") == 227_500_000 && balance.dong("1122", "credit_vnd") == 227_500_000)
        #expect(balance.rows["1122"]?["balance_debit_vnd"] is NSNull && balance.rows["1122"]?["balance_credit_vnd"] is NSNull)
        #expect(JSON.integer((balance.rows["1122"]?["foreign_balance"] as? [String: Any])?["minor_units"]) == 0)
        expectSuccess(try ledger.run(["verify"]))
    }

    @Test func reversalWithoutDateIsDatedToday() throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_000, debit: "1111", credit: "5132")
        let result = try ledger.run(["reverse", "1", "--reason", "typo"])
        expectSuccess(result)
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        let today = formatter.string(from: Date())
        // The test could straddle midnight; the date is one of the two days either way.
        let yesterday = formatter.string(from: Date().addingTimeInterval(-86_400))
        #expect(result.standardOutput.hasPrefix("Posted entry 2 on \(today),") || result.standardOutput.hasPrefix("Posted entry 2 on \(yesterday),"),
                "\(result)")
    }

    @Test func refusesUnknownEntry() throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_000, debit: "1111", credit: "5132")
        try expectRefused(ledger, ["reverse", "9", "--reason", "x"], rule: "unknown-entry", mentions: ["9", "1 to 1"])
    }

    @Test func refusalOnEmptyJournalDescribesItCorrectly() throws {
        let ledger = try CLILedger()
        let result = try expectRefused(ledger, ["reverse", "1", "--reason", "x"], rule: "unknown-entry", mentions: ["entry 1"])
        #expect(!result.standardError.contains("entries 1 to 0"), "\(result)")
    }

    @Test func refusesReversingTwice() throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_000, debit: "1111", credit: "5132")
        try ledger.mustRun(["reverse", "1", "--reason", "first", "--date", "2018-06-02"])
        try expectRefused(ledger, ["reverse", "1", "--reason", "second", "--date", "2018-06-02"],
                          rule: "already-reversed", mentions: ["entry 1", "entry 2"])
    }

    @Test func refusesReversingAReversal() throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_000, debit: "1111", credit: "5132")
        try ledger.mustRun(["reverse", "1", "--reason", "first", "--date", "2018-06-02"])
        try expectRefused(ledger, ["reverse", "2", "--reason", "undo", "--date", "2018-06-03"],
                          rule: "not-reversible", mentions: ["entry 2", "entry 1"])
    }

    @Test func refusesReversalOntoClosedAccount() throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_000, debit: "1111", credit: "5132")
        try ledger.postDong(1_000, debit: "1121", credit: "1111", date: "2018-06-02")
        try ledger.mustRun(["account", "close", "1111", "--date", "2018-06-30"])
        try expectRefused(ledger, ["reverse", "1", "--reason", "x", "--date", "2018-07-01"],
                          rule: "closed-account", mentions: ["1111"])
    }

    @Test func refusesEmptyReason() throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_000, debit: "1111", credit: "5132")
        try expectRefused(ledger, ["reverse", "1", "--reason", ""], rule: "invalid-text", mentions: ["reason"])
    }

    @Test func refusesReasonLongerThan400Characters() throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_000, debit: "1111", credit: "5132")
        try expectRefused(ledger, ["reverse", "1", "--reason", String(repeating: "r", count: 401)],
                          rule: "invalid-text", mentions: ["reason", "401"])
    }

    @Test func refusesInvalidDate() throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_000, debit: "1111", credit: "5132")
        try expectRefused(ledger, ["reverse", "1", "--reason", "x", "--date", "2018-02-29"], rule: "invalid-date", mentions: ["2018-02-29"])
    }

    @Test func refusesReversalDatedBeforeTheOriginal() throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_000, debit: "1111", credit: "5132", date: "2018-06-01")
        let before = try ledger.fingerprint()
        let result = try ledger.run(["reverse", "1", "--reason", "x", "--date", "2017-01-01"])
        let after = try ledger.fingerprint()
        expectRefusal(result, rule: "invalid-date", mentions: ["2017-01-01"])
        #expect(after == before)
    }

    @Test(arguments: ["abc", "0", "-1", "1.5"])
    func sequenceNumberMustBePositiveInteger(_ seq: String) throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_000, debit: "1111", credit: "5132")
        let before = try ledger.fingerprint()
        expectUsageError(try ledger.run(["reverse", "--reason", "x", "--", seq]), mentions: ["SEQ"], help: "reverse")
        #expect(try ledger.fingerprint() == before)
    }

    @Test func reasonIsRequired() throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_000, debit: "1111", credit: "5132")
        expectUsageError(try ledger.run(["reverse", "1"]), mentions: ["--reason"], help: "reverse")
    }
}
