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
        // Today is what the clock says: 2018-07-01 at 03:00 UTC is 10:00 on the 1st in Vietnam,
        // and (for a machine on UTC) the 1st as well.
        let result = try ledger.run(["reverse", "1", "--reason", "typo"], environment: ["CPF_NOW": "2018-07-01T03:00:00.000Z", "TZ": "Asia/Ho_Chi_Minh"])
        expectSuccess(result)
        #expect(result.standardOutput.hasPrefix("Posted entry 2 on 2018-07-01,"), "\(result)")
        let posted = try #require(try ledger.journalJSON().last)
        #expect(posted["posted_at"] as? String == "2018-07-01T03:00:00.000Z")
    }

    @Test func aClockThatIsNoMomentIsAUsageError() throws {
        let ledger = try CLILedger()
        let result = try ledger.run(["verify"], environment: ["CPF_NOW": "yesterday"])
        #expect(result.status == 2 && result.standardError.contains("CPF_NOW 'yesterday' is not a moment"), "\(result)")
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
