import Foundation
import FundLedger
import Testing
import TestSupport

/// The audit and control commands end to end, as the tour runs them.
@Suite struct ControlCommandTests {
    @Test func periodCloseReopenThroughTheCommandLine() throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_000_000, debit: "1111", credit: "5132", date: "2018-12-05")
        let closed = try ledger.mustRun(["period", "close", "2018-12", "--user", "ketoantruong"])
        #expect(closed.standardOutput.contains("closed through 2018-12-31"), "\(closed)")
        try expectRefused(ledger, ["post", "--date", "2018-12-20", "--memo", "late", "--debit", "1111 5 VND", "--credit", "5132 5 VND"],
                          rule: "period-closed", mentions: ["closed through 2018-12-31"])
        try expectRefused(ledger, ["reverse", "1", "--reason", "x", "--date", "2018-12-31"], rule: "period-closed")
        expectUsageError(try ledger.run(["period", "reopen", "2018-12"]), mentions: ["--reason"])
        let reopened = try ledger.mustRun(["period", "reopen", "2018-12", "--reason", "auditor adjustment AJE-3", "--user", "giamdoc"])
        #expect(reopened.standardOutput.contains("closed through 2018-11-30"), "\(reopened)")
        let history = try ledger.mustRun(["history", "--by", "giamdoc", "--format", "csv"])
        #expect(history.standardOutput.contains("period-reopen") && history.standardOutput.contains("AJE-3"), "\(history)")
        expectSuccess(try ledger.run(["verify"]))
    }

    @Test func makerCheckerThroughTheCommandLine() throws {
        let ledger = try CLILedger()
        try ledger.postDong(500_000_000, debit: "1121", credit: "5131", date: "2018-03-01")
        try ledger.mustRun(["settings", "set", "approval-threshold", "100000000 VND"])
        let posted = try ledger.mustRun(["post", "--date", "2018-10-01", "--memo", "houses", "--ref", "PC-412",
                                         "--debit", "6113 150000000 VND", "--credit", "1121 150000000 VND", "--user", "ketoan"])
        #expect(posted.standardOutput.hasPrefix("Pending entry 1 "), "\(posted)")
        #expect(try ledger.mustRun(["pending"]).standardOutput.contains("PC-412"))
        // Not in the balances until approved.
        #expect(try ledger.trialBalanceJSON().rows["6113"] == nil)
        try expectRefused(ledger, ["approve", "1", "--user", "ketoan"], rule: "approval", mentions: ["cannot also approve"])
        let approved = try ledger.mustRun(["approve", "1", "--user", "giamdoc"])
        #expect(approved.standardOutput.contains("posted as entry 2") && approved.standardOutput.contains("approved by giamdoc"), "\(approved)")
        try expectRefused(ledger, ["approve", "1", "--user", "giamdoc"], rule: "approval", mentions: ["already approved"])
        #expect(try ledger.trialBalanceJSON().rows["6113"]?["debit_vnd"] as? Int == 150_000_000)
        let history = try ledger.mustRun(["history", "--entry", "2"])
        #expect(history.standardOutput.contains("submit") && history.standardOutput.contains("approve"), "\(history)")
        expectSuccess(try ledger.run(["audit"]))
    }

    @Test func auditExitsOneOnAnErrorFindingAndNamesTheEntries() throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_000_000, debit: "1121", credit: "5132", date: "2018-03-01")
        // Management costs of 200,000 against a cap of 10 % × 1,000,000 = 100,000.
        try ledger.postDong(200_000, debit: "6428", credit: "1121", date: "2018-03-02")
        let result = try ledger.run(["audit", "--year", "2018", "--format", "json"])
        #expect(result.status == 1, "\(result)")
        let report = try #require(try JSON.parse(result.standardOutput) as? [String: Any])
        let tables = try #require(report["tables"] as? [[String: Any]])
        let findings = try #require(tables.first { $0["key"] as? String == "findings" }?["rows"] as? [[String: Any]])
        #expect(findings.count == 1, "\(findings)")
        #expect(findings.first?["rule"] as? String == "management-cap")
        #expect(findings.first?["entries"] as? String == "2")
        #expect(try ledger.run(["audit", "--year", "2019"]).status == 0)
    }

    @Test func sealThenVerifyDigestThroughTheCommandLine() throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_000_000, debit: "1121", credit: "5132", date: "2018-03-01")
        try ledger.postDong(2_000_000, debit: "1121", credit: "5132", date: "2018-04-01")
        let seal = try ledger.mustRun(["seal", "--period", "2018", "--format", "json"])
        let report = try #require(try JSON.parse(seal.standardOutput) as? [String: Any])
        let seq = try #require(report["head_seq"] as? Int)
        let digest = try #require(report["head_hash"] as? String)
        #expect(seq == 2)
        let rows = try #require((report["tables"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]])
        #expect(rows.contains { $0["value"] as? String == digest })
        let words = ["verify", "--at", String(seq), "--digest", digest]
        try ledger.postDong(3_000_000, debit: "1121", credit: "5132", date: "2019-01-02")
        let later = try ledger.run(words)
        expectSuccess(later)
        #expect(later.standardOutput.contains("The digest for entry 2 matches"), "\(later)")
    }

    @Test func bankReconciliationListsBothSidesAndChangesNothing() throws {
        let ledger = try CLILedger()
        try ledger.postDong(50_000_000, debit: "1121", credit: "5132", date: "2018-12-05", reference: "PT-0002")
        try ledger.postDong(7_000_000, debit: "1121", credit: "5132", date: "2018-12-10")
        try ledger.postDong(1_500_000, debit: "6111", credit: "1121", date: "2018-12-20")
        let statement = ledger.directory.file("vcb-2018-12.csv")
        try """
        Ngày giao dịch,Số tham chiếu,Ghi nợ,Ghi có,Diễn giải
        05/12/2018,PT-0002,,50000000,"Nộp tiền, quỹ"
        12/12/2018,FT123,,7000000,chuyển khoản
        21/12/2018,PC-77,1500000,,học bổng
        31/12/2018,FEE,22000,,phí quản lý tài khoản

        """.write(toFile: statement, atomically: true, encoding: .utf8)
        let before = try ledger.fingerprint()
        let result = try ledger.run(["reconcile", "bank", "--account", "1121", "--statement", statement, "--format", "json"])
        #expect(result.status == 1, "\(result)")
        #expect(try ledger.fingerprint() == before)
        let report = try #require(try JSON.parse(result.standardOutput) as? [String: Any])
        let tables = try #require(report["tables"] as? [[String: Any]])
        func rows(_ key: String) -> [[String: Any]] { tables.first { $0["key"] as? String == key }?["rows"] as? [[String: Any]] ?? [] }
        #expect(rows("matched").count == 3)
        #expect(rows("statement_only").count == 1 && rows("statement_only").first?["reference"] as? String == "FEE")
        #expect(rows("books_only").isEmpty)

        let generic = ledger.directory.file("generic.csv")
        try "date,amount,reference\n2018-12-05,50000000,PT-0002\n2018-12-10,7000000,\n2018-12-20,-1500000,\n".write(toFile: generic, atomically: true, encoding: .utf8)
        expectSuccess(try ledger.run(["reconcile", "bank", "--account", "1121", "--statement", generic]))

        let malformed = ledger.directory.file("bad.csv")
        try "date,amount,reference\n2018-12-05,\"50,000,000\",PT-0002\n".write(toFile: malformed, atomically: true, encoding: .utf8)
        try expectRefused(ledger, ["reconcile", "bank", "--account", "1121", "--statement", malformed], rule: "invalid-input",
                          mentions: ["bad.csv line 2, column amount"])
    }

    @Test func grantAllocationsReconcileAgainstSpending() throws {
        let ledger = try CLILedger()
        for command in [["funder", "add", "KFW", "--name", "Kinderhilfe", "--kind", "ngo", "--currency", "USD", "--country", "DE"],
                        ["unit", "add", "TN", "--name", "Tỉnh Tây Ninh", "--level", "province"],
                        ["grant", "add", "KFW-2018", "--funder", "KFW", "--amount", "10000.00 USD", "--programs", "scholarship,house", "--units", "TN"],
                        ["receive", "--date", "2018-03-01", "--funder", "KFW", "--grant", "KFW-2018", "--amount", "10000.00 USD"],
                        // Into dong at the book rate, so 1121 has what the disbursements pay and the grant no exchange effect.
                        ["convert", "--date", "2018-03-15", "--from", "1122", "--amount", "10000.00 USD", "--into", "1121",
                         "--received", "227500000 VND", "--grant", "KFW-2018"],
                        // Spent before the grant was allocated by program and place.
                        ["disburse", "--date", "2018-03-20", "--program", "house", "--unit", "TN", "--grant", "KFW-2018",
                         "--amount", "22750000 VND", "--children", "1"],
                        ["grant", "allocate", "KFW-2018", "--program", "scholarship", "--unit", "TN", "--amount", "4000.00 USD"],
                        ["disburse", "--date", "2018-04-01", "--program", "scholarship", "--unit", "TN", "--grant", "KFW-2018",
                         "--amount", "45500000 VND", "--children", "20"]] {
            try ledger.mustRun(command)
        }
        // 45,500,000 VND at the grant's 22,750 is 2,000.00 USD of the 4,000.00 allocated; the
        // house spending from before the allocations has none.
        let reconciled = try ledger.run(["reconcile", "grants", "--year", "2018", "--format", "csv"])
        #expect(reconciled.status == 1, "\(reconciled)")
        #expect(reconciled.standardOutput.contains("KFW-2018,scholarship,TN,4000.00,USD,2000.00,USD,2000.00,USD,45500000,45500000,20,within allocation"), "\(reconciled)")
        #expect(reconciled.standardOutput.contains("KFW-2018,house,TN,,,1000.00,USD,,,22750000,22750000,1,spent without allocation"), "\(reconciled)")

        // Now that the grant is allocated, spending with no allocation is refused when posted…
        try expectRefused(ledger, ["disburse", "--date", "2018-05-01", "--program", "house", "--unit", "TN", "--grant", "KFW-2018",
                                   "--amount", "22750000 VND", "--children", "1"],
                          rule: "restriction", mentions: ["KFW-2018", "program house", "no allocation"])
        // …and so is spending past an allocation: 4,000.00 USD is 91,000,000 VND at 22,750.
        try expectRefused(ledger, ["disburse", "--date", "2018-05-02", "--program", "scholarship", "--unit", "TN", "--grant", "KFW-2018",
                                   "--amount", "50000000 VND", "--children", "20"],
                          rule: "overspent", mentions: ["4,000.00 USD", "91,000,000 VND", "95,500,000 VND", "4,500,000 VND over"])
        // On every date: 45,000,000 on 2018-04-15 fits (90,500,000 in all), and then 1,000,000
        // dated 2018-03-20 would take the allocation over on 2018-04-15.
        try ledger.mustRun(["disburse", "--date", "2018-04-15", "--program", "scholarship", "--unit", "TN", "--grant", "KFW-2018",
                            "--amount", "45000000 VND", "--children", "20"])
        try expectRefused(ledger, ["disburse", "--date", "2018-03-20", "--program", "scholarship", "--unit", "TN", "--grant", "KFW-2018",
                                   "--amount", "1000000 VND", "--children", "1"],
                          rule: "overspent", mentions: ["on 2018-04-15 (a later date already posted)", "500,000 VND over"])
    }
}
