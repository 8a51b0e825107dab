import Foundation
import Testing
import TestSupport

/// The ten cases of the issue "Rules that hold on every date", through the `cpf` binary as a
/// user runs them: each is refused with its rule, its figures and a hint, exits 1 and leaves
/// the file exactly as it was — or, for the back-dated conversion, is posted with figures
/// that are right on every date. `cpf audit` then finds nothing on books written only
/// through `cpf`.
@Suite(.tags(.heavy), TestRun.heavy) struct EveryDateRuleTests {
    /// A fresh ledger with funder KFW (USD), unit TN, and USD rates of 23,000 (2018-01-01) and
    /// 24,000 (2018-02-01).
    private func books() throws -> CLILedger {
        let ledger = try CLILedger(withUSDRate: false)
        try ledger.mustRun(["rate", "set", "USD", "2018-01-01", "23000", "--source", "SBV"])
        try ledger.mustRun(["rate", "set", "USD", "2018-02-01", "24000", "--source", "SBV"])
        try ledger.mustRun(["funder", "add", "KFW", "--name", "Kinderhilfe e.V.", "--kind", "ngo", "--currency", "USD", "--country", "DE"])
        try ledger.mustRun(["funder", "add", "AIA", "--name", "AIA Việt Nam", "--kind", "company"])
        try ledger.mustRun(["unit", "add", "TN", "--name", "Tỉnh Tây Ninh", "--level", "province"])
        return ledger
    }

    private func expectAuditClean(_ ledger: CLILedger, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let audit = try ledger.run(["audit"])
        #expect(audit.status == 0, "\(audit)", sourceLocation: sourceLocation)
        let verify = try ledger.run(["verify"])
        #expect(verify.status == 0, "\(verify)", sourceLocation: sourceLocation)
    }

    /// 1. A conversion dated between two receipts is valued at the average on its date
    ///    (23,000), not at the average when it is typed (23,500): no loss, and 1122 is 0.00 USD
    ///    and 0 VND at the end of January.
    @Test func aConversionBetweenTwoReceiptsIsValuedOnItsDate() throws {
        let ledger = try books()
        try ledger.mustRun(["receive", "--date", "2018-01-01", "--funder", "KFW", "--amount", "100.00 USD", "--into", "1122"])
        try ledger.mustRun(["receive", "--date", "2018-02-01", "--funder", "KFW", "--amount", "100.00 USD", "--into", "1122"])
        try ledger.mustRun(["convert", "--date", "2018-01-15", "--from", "1122", "--amount", "100.00 USD", "--into", "1121", "--received", "2300000 VND"])
        let january = try ledger.trialBalanceJSON(through: "2018-01-31")
        #expect(january.dong("1122", "debit_vnd") == 2_300_000 && january.dong("1122", "credit_vnd") == 2_300_000, "\(january.rows["1122"] ?? [:])")
        #expect(january.dong("1122", "balance_debit_vnd") == nil && january.dong("1122", "balance_credit_vnd") == nil,
                "1122 holds no dong on 2018-01-31: \(january.rows["1122"] ?? [:])")
        #expect(january.dong("1122", "foreign_balance") ?? 0 == 0, "and no dollars")
        #expect(january.rows["413"] == nil, "no exchange difference: the conversion is valued at 23,000")
        let february = try ledger.trialBalanceJSON(through: "2018-02-28")
        #expect(february.dong("1122", "balance_debit_vnd") == 2_400_000)
        try expectAuditClean(ledger)
    }

    /// 1b. Once money has left 1122 on a date, a movement dated before it would change that
    ///     valuation: refused.
    @Test func aMovementBeforeAValuationIsRefused() throws {
        let ledger = try books()
        try ledger.mustRun(["receive", "--date", "2018-01-01", "--funder", "KFW", "--amount", "100.00 USD", "--into", "1122"])
        try ledger.mustRun(["convert", "--date", "2018-02-10", "--from", "1122", "--amount", "50.00 USD", "--into", "1121", "--received", "1150000 VND"])
        try expectRefused(ledger, ["receive", "--date", "2018-01-20", "--funder", "KFW", "--amount", "10.00 USD", "--into", "1122"],
                          rule: "valuation-order", mentions: ["1122", "2018-02-10", "2018-01-20"])
        try expectRefused(ledger, ["convert", "--date", "2018-02-01", "--from", "1122", "--amount", "10.00 USD", "--into", "1121", "--received", "230000 VND"],
                          rule: "valuation-order", mentions: ["1122", "2018-02-10"])
    }

    /// 2. A conversion dated before any USD was held.
    @Test func aConversionBeforeAnyDollarsIsRefused() throws {
        let ledger = try books()
        try ledger.mustRun(["receive", "--date", "2018-02-01", "--funder", "KFW", "--amount", "100.00 USD", "--into", "1122"])
        try expectRefused(ledger, ["convert", "--date", "2018-01-15", "--from", "1122", "--amount", "50.00 USD", "--into", "1121", "--received", "1150000 VND"],
                          rule: "insufficient-funds", mentions: ["1122", "0.00 USD", "2018-01-15"])
    }

    /// 3. Spending a grant before its money arrived.
    @Test func spendingAGrantBeforeItsMoneyArrivedIsRefused() throws {
        let ledger = try books()
        try ledger.mustRun(["grant", "add", "G1", "--funder", "AIA", "--amount", "60000000 VND", "--programs", "scholarship", "--units", "TN"])
        try ledger.mustRun(["receive", "--date", "2018-06-01", "--funder", "AIA", "--grant", "G1", "--amount", "60000000 VND"])
        try expectRefused(ledger, ["disburse", "--date", "2018-03-05", "--program", "scholarship", "--unit", "TN", "--grant", "G1",
                                   "--amount", "10000000 VND", "--children", "5"],
                          rule: "overspent", mentions: ["grant G1", "2018-03-05", "0 VND available", "-10,000,000 VND"])
        // Dated after the money arrived, it is fine.
        try ledger.mustRun(["disburse", "--date", "2018-06-05", "--program", "scholarship", "--unit", "TN", "--grant", "G1",
                            "--amount", "10000000 VND", "--children", "5"])
        try expectAuditClean(ledger)
    }

    /// 3b. A back-dated spending that fits its own date but breaks a later one.
    @Test func aBackDatedSpendingThatBreaksALaterDateIsRefused() throws {
        let ledger = try books()
        try ledger.mustRun(["grant", "add", "G1", "--funder", "AIA", "--amount", "60000000 VND", "--programs", "scholarship", "--units", "TN"])
        try ledger.mustRun(["receive", "--date", "2018-06-01", "--funder", "AIA", "--grant", "G1", "--amount", "60000000 VND"])
        try ledger.mustRun(["disburse", "--date", "2018-08-01", "--program", "scholarship", "--unit", "TN", "--grant", "G1",
                            "--amount", "55000000 VND", "--children", "5"])
        try expectRefused(ledger, ["disburse", "--date", "2018-07-01", "--program", "scholarship", "--unit", "TN", "--grant", "G1",
                                   "--amount", "10000000 VND", "--children", "5"],
                          rule: "overspent", mentions: ["grant G1", "2018-08-01", "-5,000,000 VND"])
    }

    /// 4. Goods handed out before they arrived.
    @Test func goodsHandedOutBeforeTheyArrivedAreRefused() throws {
        let ledger = try books()
        try ledger.mustRun(["receive", "--date", "2018-07-01", "--funder", "AIA", "--in-kind", "--item", "bicycle", "--quantity", "5",
                            "--unit-value", "1500000 VND", "--basis", "supplier invoice"])
        try expectRefused(ledger, ["disburse", "--date", "2018-05-01", "--program", "bicycle", "--unit", "TN", "--in-kind", "bicycle",
                                   "--quantity", "5", "--children", "5"],
                          rule: "insufficient-goods", mentions: ["bicycle", "2018-05-01"])
    }

    /// 5. A program on another program's expense account.
    @Test func aProgramOnAnotherProgramsAccountIsRefused() throws {
        let ledger = try books()
        try ledger.mustRun(["grant", "add", "G1", "--funder", "AIA", "--amount", "60000000 VND", "--programs", "scholarship", "--units", "TN"])
        try ledger.mustRun(["receive", "--date", "2018-06-01", "--funder", "AIA", "--grant", "G1", "--amount", "60000000 VND"])
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--memo", "milk on a scholarship grant",
                                   "--debit", "6112 1000000 VND grant=G1 program=scholarship unit=TN children=1",
                                   "--credit", "1121 1000000 VND grant=G1"],
                          rule: "invalid-account", mentions: ["6112", "milk", "scholarship"])
    }

    /// 6. A payment larger than the bank account holds: a fund has no overdraft.
    @Test func aPaymentPastWhatTheAccountHoldsIsRefused() throws {
        let ledger = try books()
        try ledger.postDong(7_000_000, debit: "1121", credit: "5132", date: "2018-06-01")
        try expectRefused(ledger, ["disburse", "--date", "2018-06-02", "--program", "scholarship", "--unit", "TN",
                                   "--amount", "100000000 VND", "--children", "50"],
                          rule: "insufficient-funds", mentions: ["1121", "7,000,000 VND", "-93,000,000 VND"])
        // Nor dated before the money came in.
        try expectRefused(ledger, ["post", "--date", "2018-05-01", "--memo", "early", "--debit", "6111 1000 VND program=scholarship",
                                   "--credit", "1121 1000 VND"],
                          rule: "insufficient-funds", mentions: ["1121", "2018-05-01"])
    }

    /// 7. Dollars on the dong cash account.
    @Test func dollarsOnADongAccountAreRefused() throws {
        let ledger = try books()
        try expectRefused(ledger, ["post", "--date", "2018-06-01", "--memo", "USD cash", "--debit", "1111 10.00 USD", "--credit", "5132 230000 VND"],
                          rule: "currency-mismatch", mentions: ["1111", "VND", "10.00 USD"])
        // And another currency on the dollar account.
        try ledger.mustRun(["rate", "set", "EUR", "2018-01-01", "27000", "--source", "SBV"])
        try expectRefused(ledger, ["post", "--date", "2018-06-01", "--memo", "EUR at the bank", "--debit", "1122 10.00 EUR", "--credit", "5132 270000 VND"],
                          rule: "currency-mismatch", mentions: ["1122", "USD"])
    }

    /// 8. The same reference typed composed (NFC) and decomposed (NFD) is one reference.
    @Test func aReferenceIsTheSameComposedOrDecomposed() throws {
        let ledger = try books()
        let composed = "PHI\u{1EBE}U-1"
        let decomposed = "PHIE\u{302}\u{301}U-1"
        #expect(Array(composed.utf8) != Array(decomposed.utf8))
        try ledger.postDong(5_000_000, debit: "1121", credit: "5132", date: "2018-06-01", reference: composed)
        // The same content again under the decomposed form: nothing new.
        let again = try ledger.run(["post", "--date", "2018-06-01", "--memo", "test entry", "--debit", "1121 5000000 VND",
                                    "--credit", "5132 5000000 VND", "--ref", decomposed])
        #expect(again.status == 0, "\(again)")
        #expect(try ledger.journalJSON().count == 1, "the decomposed reference is the posted one")
        // Other content under it is a duplicate reference.
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--memo", "other", "--debit", "1121 1000 VND",
                                   "--credit", "5132 1000 VND", "--ref", decomposed],
                          rule: "duplicate-reference", mentions: [composed])
        let stored = try #require(try ledger.journalJSON().first?["ref"] as? String)
        #expect(Array(stored.utf8) == Array(composed.utf8), "stored in NFC")
        // An import that names it decomposed, after a later reference in composed form, finds
        // it posted too (the reference horizon compares the stored, composed form).
        try ledger.postDong(1_000, debit: "1121", credit: "5132", date: "2018-06-03", reference: "PHIẾU-2")
        let path = ledger.directory.file("again.csv")
        try """
            entry,date,memo,account,debit,credit,currency,ref
            1,2018-06-01,test entry,1121,5000000,,VND,\(decomposed)
            1,,,5132,,5000000,VND,
            2,2018-06-03,test entry,1121,1000,,VND,PHIE\u{302}\u{301}U-2
            2,,,5132,,1000,VND,

            """.write(toFile: path, atomically: true, encoding: .utf8)
        let imported = try ledger.run(["import", path])
        #expect(imported.status == 0, "\(imported)")
        #expect(try ledger.journalJSON().count == 2, "both were posted already")
    }

    /// 9. Every command that writes, dated in a closed period, is refused as `period-closed`.
    @Test func everyWriteIntoAClosedPeriodIsRefused() throws {
        let ledger = try books()
        try ledger.mustRun(["settings", "set", "fx-revaluation", "allowed"])
        try ledger.mustRun(["grant", "add", "G1", "--funder", "AIA", "--amount", "60000000 VND"])
        try ledger.mustRun(["receive", "--date", "2018-01-05", "--funder", "KFW", "--amount", "100.00 USD", "--into", "1122"])
        try ledger.mustRun(["receive", "--date", "2018-01-06", "--funder", "AIA", "--grant", "G1", "--amount", "60000000 VND"])
        try ledger.mustRun(["receive", "--date", "2018-01-07", "--funder", "AIA", "--in-kind", "--item", "bicycle", "--quantity", "5",
                            "--unit-value", "1500000 VND", "--basis", "supplier invoice"])
        try ledger.mustRun(["period", "close", "2018-01"])
        let writes: [[String]] = [
            ["post", "--date", "2018-01-20", "--memo", "late", "--debit", "1121 1000 VND", "--credit", "5132 1000 VND"],
            ["receive", "--date", "2018-01-20", "--funder", "AIA", "--amount", "1000 VND"],
            ["disburse", "--date", "2018-01-20", "--program", "scholarship", "--unit", "TN", "--grant", "G1", "--amount", "1000 VND", "--children", "1"],
            ["disburse", "--date", "2018-01-20", "--program", "bicycle", "--unit", "TN", "--in-kind", "bicycle", "--quantity", "1", "--children", "1"],
            ["convert", "--date", "2018-01-20", "--from", "1122", "--amount", "10.00 USD", "--into", "1121", "--received", "230000 VND"],
            ["revalue", "--account", "1122", "--date", "2018-01-31"],
            ["reverse", "1", "--reason", "late correction", "--date", "2018-01-31"],
            ["rate", "set", "USD", "2018-01-15", "23100", "--source", "SBV"],
            ["grant", "amend", "G1", "--effective", "2018-01-31", "--amount", "70000000 VND", "--reason", "addendum"],
        ]
        for arguments in writes {
            try expectRefused(ledger, arguments, rule: "period-closed", mentions: ["2018-01-31"])
        }
    }

    /// 10. Sums that would overflow: the import that would take the journal's total dong past
    ///     10^18 is refused whole, with the limit; what was accepted up to it still reports,
    ///     audits and seals.
    @Test func entriesPastTheJournalsExtentAreRefused() throws {
        let ledger = try books()
        func file(_ name: String, entries: Range<Int>) throws -> String {
            let path = ledger.directory.file(name)
            var csv = "entry,date,memo,account,debit,credit,currency,ref\n"
            for index in entries {
                csv += "\(index),2018-06-01,huge \(index),1121,999999999999999,,VND,H-\(index)\n"
                csv += "\(index),,,5132,,999999999999999,VND,\n"
            }
            try csv.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        // 500 entries of two lines: 1,000 × 999,999,999,999,999 dong of extent, just under 10^18.
        try ledger.mustRun(["import", try file("first.csv", entries: 0..<500)])
        let before = try ledger.fingerprint()
        let refused = try ledger.run(["import", try file("second.csv", entries: 500..<1000)])
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.standardError.contains("overflow"), "\(refused)")
        #expect(refused.standardError.contains("1,000,000,000,000,000,000"), "the limit is in the message\n\(refused)")
        #expect(try ledger.fingerprint() == before)
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--memo", "one more", "--debit", "1121 999999999999999 VND",
                                   "--credit", "5132 999999999999999 VND"],
                          rule: "overflow", mentions: ["1,000,000,000,000,000,000"])
        let reports: [[String]] = [["trial-balance"], ["activities"], ["financial-position"], ["grants"], ["donor-statement", "--funder", "AIA"],
                                   ["management-cap", "--year", "2018"], ["reach"], ["disclosure", "--year", "2018"], ["ledger", "--account", "1121"]]
        for report in reports {
            let run = try ledger.run(["report"] + report)
            #expect(run.status == 0, "\(report)\n\(run)")
        }
        try expectAuditClean(ledger)
        let seal = try ledger.run(["seal", "--period", "2018"])
        #expect(seal.status == 0, "\(seal)")
    }

    /// Requirement 7: a USD grant's figures add up and say their valuation. A 50.00 USD
    /// payment is "Spent 50.00 USD"; a conversion loss changes no dollar figure; received +
    /// outstanding = committed in dollars and in dong.
    @Test func aDollarGrantsFiguresAddUp() throws {
        let ledger = try books()
        try ledger.mustRun(["rate", "set", "USD", "2018-03-01", "23500", "--source", "SBV"])
        try ledger.mustRun(["grant", "add", "G", "--funder", "KFW", "--amount", "1000.00 USD", "--programs", "scholarship"])
        try ledger.mustRun(["receive", "--date", "2018-01-05", "--funder", "KFW", "--grant", "G", "--amount", "400.00 USD"])
        try ledger.mustRun(["disburse", "--date", "2018-03-05", "--program", "scholarship", "--unit", "TN", "--grant", "G",
                            "--amount", "50.00 USD", "--children", "2"])
        func figures() throws -> [String: (usd: Int64?, dong: Int64?)] {
            let result = try ledger.mustRun(["grant", "show", "G", "--format", "json"])
            let object = try #require(try JSON.parse(result.standardOutput) as? [String: Any])
            let tables = try #require(object["tables"] as? [[String: Any]])
            let rows = try #require(tables.first { $0["key"] as? String == "figures" }?["rows"] as? [[String: Any]])
            return Dictionary(rows.map { row in
                (row["figure"] as? String ?? "", (JSON.integer((row["amount"] as? [String: Any])?["minor_units"]), JSON.integer(row["amount_vnd"])))
            }, uniquingKeysWith: { first, _ in first })
        }
        let before = try figures()
        #expect(before["Spent"]?.usd == 5_000, "a 50.00 USD payment is 50.00 USD spent")
        #expect(before["Spent"]?.dong == 1_175_000)
        try ledger.mustRun(["convert", "--date", "2018-03-06", "--from", "1122", "--amount", "100.00 USD", "--into", "1121",
                            "--received", "2200000 VND", "--grant", "G"])
        let after = try figures()
        #expect(after["Spent"]?.usd == 5_000, "a conversion loss is not spending")
        #expect(after["Spent"]?.dong == 1_175_000)
        for row in [before, after] {
            let committed = try #require(row["Committed"]), received = try #require(row["Received"]), outstanding = try #require(row["Outstanding"])
            #expect(committed.usd == 100_000 && (received.usd ?? 0) + (outstanding.usd ?? 0) == committed.usd)
            #expect((received.dong ?? 0) + (outstanding.dong ?? 0) == committed.dong, "\(row)")
            #expect(row["Available"]?.usd == nil, "what is available may be partly in dong: stated in dong only")
        }
        // Available in dong: 9,200,000 received − 1,175,000 spent + exchange effect.
        #expect(after["Available"]?.dong == 9_200_000 - 1_175_000 + (after["Exchange effect (realized)"]?.dong ?? 0))
    }

    /// The goods and exchange-difference accounts decide what the maintained holdings count:
    /// once entries use them, the settings cannot move.
    @Test func theRoleAccountsCannotMoveOnceUsed() throws {
        let ledger = try books()
        try ledger.mustRun(["settings", "set", "fx-difference-account", "421"])
        try ledger.mustRun(["settings", "set", "fx-difference-account", "413"])
        try ledger.mustRun(["receive", "--date", "2018-01-01", "--funder", "KFW", "--amount", "100.00 USD", "--into", "1122"])
        try ledger.mustRun(["convert", "--date", "2018-01-15", "--from", "1122", "--amount", "100.00 USD", "--into", "1121", "--received", "2250000 VND"])
        try expectRefused(ledger, ["settings", "set", "fx-difference-account", "421"], rule: "settings", mentions: ["413"])
        try ledger.mustRun(["receive", "--date", "2018-01-07", "--funder", "AIA", "--in-kind", "--item", "bicycle", "--quantity", "5",
                            "--unit-value", "1500000 VND", "--basis", "supplier invoice"])
        try expectRefused(ledger, ["settings", "set", "goods-account", "211"], rule: "settings", mentions: ["156"])
    }

    /// Reversing dollars that were converted since, at an average that included them, would
    /// leave 1122 at 0.00 USD with dong on it: refused. Before any conversion it is fine.
    @Test func reversingDollarsValuedSinceIsRefused() throws {
        let ledger = try books()
        try ledger.mustRun(["receive", "--date", "2018-01-01", "--funder", "KFW", "--amount", "100.00 USD", "--into", "1122"])
        try ledger.mustRun(["receive", "--date", "2018-02-01", "--funder", "KFW", "--amount", "100.00 USD", "--into", "1122"])
        try ledger.mustRun(["reverse", "2", "--reason", "typed twice", "--date", "2018-02-02"])
        try ledger.mustRun(["receive", "--date", "2018-02-03", "--funder", "KFW", "--amount", "100.00 USD", "--into", "1122"])
        try ledger.mustRun(["convert", "--date", "2018-02-10", "--from", "1122", "--amount", "100.00 USD", "--into", "1121", "--received", "2350000 VND"])
        try expectRefused(ledger, ["reverse", "1", "--reason", "wrong funder", "--date", "2018-03-01"],
                          rule: "valuation-order", mentions: ["entry 1", "1122", "0.00 USD", "50,000 VND"])
        let balance = try ledger.trialBalanceJSON()
        #expect(JSON.integer((balance.rows["1122"]?["foreign_balance"] as? [String: Any])?["minor_units"]) == 10_000, "\(balance.rows["1122"] ?? [:])")
        #expect(balance.dong("1122", "balance_debit_vnd") == 2_350_000)
        try expectAuditClean(ledger)
    }

    /// An import is held to allocations on every date like any post: entry by entry, in file
    /// order, each on its own date.
    @Test func anImportIsHeldToAllocations() throws {
        let ledger = try books()
        try ledger.mustRun(["grant", "add", "G1", "--funder", "AIA", "--amount", "60000000 VND", "--programs", "scholarship", "--units", "TN"])
        try ledger.mustRun(["receive", "--date", "2018-06-01", "--funder", "AIA", "--grant", "G1", "--amount", "60000000 VND"])
        try ledger.mustRun(["grant", "allocate", "G1", "--program", "scholarship", "--unit", "TN", "--amount", "20000000 VND"])
        let path = ledger.directory.file("spending.csv")
        try """
            entry,date,memo,account,debit,credit,currency,grant,program,unit,children
            1,2018-06-10,first,6111,15000000,,VND,G1,scholarship,TN,3
            1,,,1121,,15000000,VND,G1,,,
            2,2018-06-05,earlier,6111,6000000,,VND,G1,scholarship,TN,1
            2,,,1121,,6000000,VND,G1,,,

            """.write(toFile: path, atomically: true, encoding: .utf8)
        let before = try ledger.fingerprint()
        let all = try ledger.run(["import", path])
        #expect(all.status == 1, "\(all)")
        #expect(all.standardError.contains("allocates 20,000,000 VND") && all.standardError.contains("on 2018-06-10 (a later date already posted)"), "\(all)")
        #expect(try ledger.fingerprint() == before)
        let partial = try ledger.run(["import", path, "--partial"])
        #expect(partial.status == 1, "a partial import with a rejected entry exits 1\n\(partial)")
        #expect(partial.standardError.contains("rejected (overspent)"), "\(partial)")
        #expect(try ledger.journalJSON().count == 2, "the receipt and the first spending; the back-dated one is refused")
        try expectAuditClean(ledger)
    }
}
