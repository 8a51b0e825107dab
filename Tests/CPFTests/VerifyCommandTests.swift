import Foundation
import FundLedger
import Testing
import TestSupport

/// `cpf verify`: the chain head, published digests, findings, JSON.
@Suite struct VerifyCommandTests {
    private func ledgerWithEntries(_ count: Int) throws -> CLILedger {
        let ledger = try CLILedger()
        for number in 1...count {
            try ledger.postDong(Int64(number) * 1_000, debit: "1111", credit: "5132", date: "2018-06-\(10 + number)")
        }
        return ledger
    }

    @Test func printsHeadDigestOfIntactBooks() throws {
        let ledger = try ledgerWithEntries(3)
        let result = try ledger.run(["verify"])
        expectSuccess(result)
        let lines = result.standardOutput.lines
        #expect(lines.first == "OK: 3 entries and 6 lines verified; the hash chain and every invariant hold.", "\(result)")
        let digest = try #require(result.standardOutput.headDigest, "\(result)")
        #expect(lines.last == "Head: entry 3, digest \(digest)")
        // The digest pins the journal and the facts: it is not the last entry's hash, which
        // is printed on its own line.
        let lastEntryHash = try #require(try ledger.journalJSON().last?["hash"] as? String)
        #expect(lines.contains("Journal: entry 3, hash \(lastEntryHash)"), "\(result)")
        #expect(digest != lastEntryHash)
        let json = try #require(try JSON.parse(try ledger.run(["verify", "--format", "json"]).standardOutput) as? [String: Any])
        #expect(json["digest"] as? String == digest && json["head_hash"] as? String == lastEntryHash)
    }

    @Test func digestPublishedEarlierStillMatchesAfterMoreEntries() throws {
        let ledger = try ledgerWithEntries(2)
        let published = try #require(try ledger.run(["verify"]).standardOutput.headDigest)
        try ledger.postDong(9_000, debit: "1111", credit: "5132", date: "2018-07-01")
        let result = try ledger.run(["verify", "--at", "2", "--digest", published])
        expectSuccess(result)
        #expect(result.standardOutput.contains("The digest for entry 2 matches"), "\(result)")
        #expect(result.standardOutput.lines.last?.hasPrefix("Head: entry 3, digest ") == true, "\(result)")
    }

    @Test func wrongDigestIsAFinding() throws {
        let ledger = try ledgerWithEntries(2)
        let before = try ledger.fingerprint()
        let result = try ledger.run(["verify", "--at", "2", "--digest", String(repeating: "0", count: 64)])
        #expect(result.status == 1, "\(result)")
        #expect(result.standardOutput.hasPrefix("FAILED: 1 problem(s)"), "\(result)")
        #expect(result.standardOutput.contains("The digest for entry 2 does NOT match."), "\(result)")
        #expect(result.standardOutput.contains("First bad entry: 2"), "\(result)")
        #expect(try ledger.fingerprint() == before)
    }

    @Test func digestForAnEntryBeyondTheHeadMeansEntriesWereRemoved() throws {
        let ledger = try ledgerWithEntries(2)
        let digest = try #require(try ledger.run(["verify"]).standardOutput.headDigest)
        let result = try ledger.run(["verify", "--at", "5", "--digest", digest])
        #expect(result.status == 1, "\(result)")
        #expect(result.standardOutput.contains("entries were removed"), "\(result)")
    }

    @Test func detectsRewrittenLineWhenTriggersAreDropped() throws {
        let ledger = try ledgerWithEntries(3)
        let published = try #require(try ledger.run(["verify"]).standardOutput.headDigest)
        do {
            let database = try Database(path: ledger.path, mode: .readWrite)
            try database.execute("DROP TRIGGER line_is_immutable; UPDATE line SET memo = 'rewritten' WHERE entry_seq = 2 AND line_no = 1")
        }
        let result = try ledger.run(["verify"])
        #expect(result.status == 1, "\(result)")
        #expect(result.standardOutput.hasPrefix("FAILED: "), "\(result)")
        #expect(result.standardOutput.contains("First bad entry: 2"), "\(result)")
        let json = try ledger.run(["verify", "--format", "json"])
        #expect(json.status == 1, "\(json)")
        let object = try #require(try JSON.parse(json.standardOutput) as? [String: Any], "\(json)")
        #expect(object["intact"] as? Bool == false)
        #expect(JSON.integer((object["findings"] as? [[String: Any]])?.first?["seq"]) == 2, "\(json)")
        let against = try ledger.run(["verify", "--at", "3", "--digest", published])
        #expect(against.status == 1, "\(against)")
        #expect(!against.standardOutput.contains("matches: nothing at or before it was changed"), "\(against)")
        #expect(against.standardOutput.contains("The digest for entry 3 does NOT match."), "\(against)")
    }

    @Test func jsonReport() throws {
        let ledger = try ledgerWithEntries(2)
        let digest = try #require(try ledger.run(["verify"]).standardOutput.headDigest)
        let result = try ledger.run(["verify", "--format", "json"])
        expectSuccess(result)
        let object = try #require(try JSON.parse(result.standardOutput) as? [String: Any], "\(result)")
        #expect(object["intact"] as? Bool == true)
        #expect(JSON.integer(object["entries"]) == 2 && JSON.integer(object["lines"]) == 4)
        #expect(JSON.integer(object["head_seq"]) == 2)
        #expect(object["digest"] as? String == digest)
        #expect(object["head_hash"] as? String == (try ledger.journalJSON().last?["hash"] as? String))
        #expect((object["findings"] as? [Any])?.isEmpty == true)
    }

    @Test func emptyLedgerPrintsTheDigestReportsCite() throws {
        let ledger = try CLILedger()
        let result = try ledger.run(["verify"])
        expectSuccess(result)
        #expect(result.standardOutput.lines.last?.hasPrefix("Head: entry 0, digest") == true, "\(result)")
        let reportHead = try ledger.trialBalanceJSON().object["head_hash"] as? String
        #expect(result.standardOutput.headDigest != nil && result.standardOutput.headDigest == reportHead, "\(result)")
        // The footer's command checks it, and a later change of a fact is found against it.
        let digest = try #require(result.standardOutput.headDigest)
        expectSuccess(try ledger.run(["verify", "--at", "0", "--digest", digest]))
        try ledger.mustRun(["funder", "add", "AIA", "--name", "AIA Việt Nam", "--kind", "company"])
        expectSuccess(try ledger.run(["verify", "--at", "0", "--digest", digest]))
    }

    @Test(arguments: [["--digest", "abc", "--at", "1"], ["--at", "1"], ["--digest", String(repeating: "0", count: 64)],
                      ["--at", "zero", "--digest", String(repeating: "0", count: 64)], ["--format", "csv"], ["extra"]])
    func badArgumentsAreUsageErrors(_ arguments: [String]) throws {
        let ledger = try ledgerWithEntries(1)
        expectUsageError(try ledger.run(["verify"] + arguments), help: "verify")
    }
}
