import Foundation
import FundLedger
import Testing
import TestSupport

/// Anyone holding an export can recompute the hash chain (docs/hash-chain.md, form
/// cpf-entry-v2) and so check it against a published digest, yet cannot learn a beneficiary
/// code from it: the chain hashes keyed commitments, and the key never leaves the ledger.
@Suite struct ExportChainTests {
    private func ns(_ text: String?) -> String { text.map { "\($0.utf8.count):\($0)," } ?? "0:," }
    private func ns(_ value: Any?) -> String {
        if let value = value as? String { return ns(Optional(value)) }
        if let value = JSON.integer(value) { return ns(String(value)) }
        return "0:,"
    }

    /// The canonical form of an exported entry, built from the export's fields alone.
    private func canonical(_ entry: [String: Any], lines: [[String: Any]]) -> [UInt8] {
        var text = ns("cpf-entry-v2")
        for key in ["seq", "kind", "date", "memo", "ref", "posted_by", "posted_at", "approved_by", "approved_at", "reverses_seq",
                    "fact_seq", "fact_hash"] { text += ns(entry[key]) }
        text += ns(String(lines.count))
        for line in lines {
            for key in ["line_no", "account", "amount_vnd", "currency", "amount_foreign_minor", "rate", "rate_date", "rate_source",
                        "funder", "grant", "program", "unit", "restriction", "item", "quantity", "children", "memo"] { text += ns(line[key]) }
            let commitments = line["beneficiary_commitments"] as? [String] ?? []
            text += ns(String(commitments.count)) + commitments.map { ns($0) }.joined()
        }
        return Array(text.utf8)
    }

    /// A ledger with a voucher series of coded scholarships, as the issue's attacker found it.
    private func codedLedger() throws -> CLILedger {
        let ledger = try CLILedger()
        try ledger.postDong(50_000_000, debit: "1111", credit: "5132", date: "2018-09-01")
        for voucher in 0..<3 {
            let codes = (1...3).map { String(format: "TN-%04d", voucher * 3 + $0) }.joined(separator: ",")
            try ledger.mustRun(["post", "--date", "2018-09-0\(voucher + 2)", "--memo", "Học bổng", "--ref", "CHI-\(voucher)",
                                "--debit", "6111 3000000 VND program=scholarship children=3 beneficiaries=\(codes)",
                                "--credit", "1111 3000000 VND"])
        }
        return ledger
    }

    @Test func theChainIsRecomputedFromTheExportAlone() throws {
        let ledger = try codedLedger()
        let verify = try #require(try JSON.parse(try ledger.run(["verify", "--format", "json"]).standardOutput) as? [String: Any])
        let ledgerID = try #require(verify["ledger_id"] as? String)
        let exported = try ledger.run(["export", "--format", "json"])
        expectSuccess(exported)
        let entries = try #require(try JSON.parse(exported.standardOutput) as? [[String: Any]])
        #expect(entries.count == 4)
        var previous = SHA256.hash(Array((ns("cpf-genesis-v1") + ns(ledgerID)).utf8))
        for entry in entries {
            let lines = try #require(entry["lines"] as? [[String: Any]])
            #expect(JSON.integer(entry["format"]) == 2)
            let hash = SHA256.hash(previous + canonical(entry, lines: lines))
            #expect(entry["hash"] as? String == hash.hexString, "entry \(entry["seq"] ?? "?") recomputes from the export")
            previous = hash
        }
        #expect(previous.hexString == verify["head_hash"] as? String)
        for code in (1...9).map({ String(format: "TN-%04d", $0) }) {
            #expect(!exported.standardOutput.contains(code))
        }
    }

    /// The issue's attack: guess the codes of the voucher series and recompute the hash. With
    /// the codes hashed in the clear (form v1) it recovered every code; against commitments
    /// no guess can be checked, because a commitment needs the ledger's key.
    @Test func guessingTheCodesOfAVoucherSeriesFindsNothing() throws {
        let ledger = try codedLedger()
        let entries = try #require(try JSON.parse(try ledger.run(["export", "--format", "json"]).standardOutput) as? [[String: Any]])
        let spent = try #require(entries.first { JSON.integer($0["seq"]) == 2 })
        let line = try #require((spent["lines"] as? [[String: Any]])?.first)
        let commitments = Set(try #require(line["beneficiary_commitments"] as? [String]))
        #expect(commitments.count == 3)
        let guesses = (0...2_200).map { String(format: "TN-%04d", $0) }
        // Every way of checking a guess without the key: the code's digest, the digest of its
        // netstring, and the commitment's message hashed without a key.
        for guess in guesses {
            let candidates = [SHA256.hash(Array(guess.utf8)), SHA256.hash(Array(ns(guess).utf8)),
                              SHA256.hash(Array((ns("cpf-beneficiary-v1") + ns("2") + ns("1") + ns(guess)).utf8))]
            #expect(candidates.allSatisfy { !commitments.contains($0.hexString) }, "\(guess) is checkable from the export")
        }
        // A guess under any key but the ledger's gives another commitment.
        let wrongKey = [UInt8](repeating: 7, count: 32)
        let guessed = HMAC.sha256(key: wrongKey, message: Array((ns("cpf-beneficiary-v1") + ns("2") + ns("1") + ns("TN-0001")).utf8))
        #expect(!commitments.contains(guessed.hexString))
    }
}

/// HMAC-SHA-256 against RFC 4231's test cases 1, 2, 3 and 6.
@Suite struct HMACTests {
    @Test(arguments: [
        ([UInt8](repeating: 0x0B, count: 20), Array("Hi There".utf8), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        ([UInt8](repeating: 0xAA, count: 20), [UInt8](repeating: 0xDD, count: 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        ([UInt8](repeating: 0xAA, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    ])
    func rfc4231(key: [UInt8], message: [UInt8], expected: String) {
        #expect(HMAC.sha256(key: key, message: message).hexString == expected)
    }
}
