import Foundation
import Testing
import TestSupport

/// The README's "A short tour", run step by step as a user runs it.
@Suite struct TourTests {
    @Test func initCreatesLedger() throws {
        let directory = TemporaryDirectory()
        let result = try CPFRunner.run(["--db", directory.file("fund.cpf"), "init", "--name", "Quỹ Bảo trợ trẻ em tỉnh Tây Ninh"])
        #expect(result.status == 0, "\(result)")
        #expect(result.standardOutput.contains("Created the ledger of Quỹ Bảo trợ trẻ em tỉnh Tây Ninh"))
    }

    @Test func readmeTour() throws {
        let directory = TemporaryDirectory("cpf-tour")
        func cpf(_ arguments: [String]) throws -> CPFResult {
            try CPFRunner.run(["--db", "fund.cpf"] + arguments, in: directory.path)
        }
        let path = directory.file("fund.cpf")

        let created = try cpf(["init", "--name", "Quỹ Bảo trợ trẻ em tỉnh Tây Ninh"])
        expectSuccess(created)
        #expect(created.standardOutput.hasPrefix("Created the ledger of Quỹ Bảo trợ trẻ em tỉnh Tây Ninh at fund.cpf"))
        #expect(FileManager.default.fileExists(atPath: path))

        let accounts = try cpf(["account", "list"])
        expectSuccess(accounts)
        #expect(accounts.standardOutput.contains("1122"))
        #expect(accounts.standardOutput.contains("Bank deposits in foreign currency (USD)"))
        #expect(accounts.standardOutput.contains("3372"))

        let rate = try cpf(["rate", "set", "USD", "2018-06-01", "22750", "--source", "SBV"])
        expectSuccess(rate)
        #expect(rate.standardOutput == "Recorded USD 2018-06-01 = 22750 VND (SBV).\n")

        let posted = try cpf(tourPost)
        expectSuccess(posted)
        #expect(posted.standardOutput.hasPrefix("Posted entry 1 on 2018-06-01: 227,500,000 VND, 2 lines. Hash "), "\(posted)")
        let entryHash = String(posted.standardOutput.dropFirst("Posted entry 1 on 2018-06-01: 227,500,000 VND, 2 lines. Hash ".count)
            .prefix(while: { !$0.isNewline }))
        #expect(entryHash.count == 64 && entryHash.allSatisfy(\.isHexDigit), "\(posted)")

        // The same post again: the existing entry is reported and nothing is written.
        let before = try LedgerFingerprint.leavingNoTrace(of: path)
        let again = try cpf(tourPost)
        expectSuccess(again)
        #expect(again.standardOutput == "Entry 1 already has reference PT-0001 with the same content; nothing was written.\n", "\(again)")
        #expect(try LedgerFingerprint.leavingNoTrace(of: path) == before)

        try checkTrialBalance(cpf)
        try checkJournal(cpf, entryHash: entryHash)

        let reversed = try cpf(["reverse", "1", "--reason", "wrong account"])
        expectSuccess(reversed)
        #expect(reversed.standardOutput.hasPrefix("Posted entry 2 on "), "\(reversed)")
        #expect(reversed.standardOutput.contains(", reversing entry 1. Hash "), "\(reversed)")

        let verified = try cpf(["verify"])
        expectSuccess(verified)
        #expect(verified.standardOutput.hasPrefix("OK: 2 entries and 4 lines verified"), "\(verified)")
        let lastLine = verified.standardOutput.lines.last ?? ""
        #expect(lastLine.hasPrefix("Head: entry 2, digest "), "\(verified)")
        let digest = try #require(verified.standardOutput.headDigest, "\(verified)")
        #expect(lastLine == "Head: entry 2, digest \(digest)")
        #expect(digest != entryHash)

        let matched = try cpf(["verify", "--at", "2", "--digest", digest])
        expectSuccess(matched)
        #expect(matched.standardOutput.contains("The digest for entry 2 matches: nothing at or before it was changed or removed."), "\(matched)")
    }

    /// `report trial-balance` in table, CSV and JSON after the first entry.
    private func checkTrialBalance(_ cpf: ([String]) throws -> CPFResult) throws {
        let table = try cpf(["report", "trial-balance"])
        expectSuccess(table)
        let tableLines = table.standardOutput.lines
        #expect(tableLines.first == "Trial balance — Quỹ Bảo trợ trẻ em tỉnh Tây Ninh", "\(table)")
        let row1122 = tableLines.first { $0.hasPrefix("1122 ") } ?? ""
        #expect(row1122.contains("227,500,000") && row1122.contains("10,000.00 USD"), "\(table)")
        let row3372 = tableLines.first { $0.hasPrefix("3372 ") } ?? ""
        #expect(row3372.contains("227,500,000"), "\(table)")
        let totalRow = tableLines.first { $0.hasPrefix("Total") } ?? ""
        #expect(totalRow.components(separatedBy: "227,500,000").count - 1 == 4, "\(table)")

        let csv = try cpf(["report", "trial-balance", "--format", "csv"])
        expectSuccess(csv)
        let csvLines = csv.standardOutput.lines
        #expect(csvLines.first?.hasPrefix("account,name,debit_vnd,credit_vnd,balance_debit_vnd,balance_credit_vnd,foreign_balance") == true, "\(csv)")
        #expect(csvLines.contains("1122,Bank deposits in foreign currency (USD),227500000,0,227500000,,10000.00,USD"), "\(csv)")
        #expect(csvLines.contains("3372,\"Foreign aid received, not yet recognized\",0,227500000,,227500000,,"), "\(csv)")

        let json = try cpf(["report", "trial-balance", "--format", "json"])
        expectSuccess(json)
        let report = try #require(TrialBalanceJSON(json.standardOutput), "\(json)")
        #expect(report.object["report"] as? String == "trial-balance")
        #expect(report.object["fund"] as? String == "Quỹ Bảo trợ trẻ em tỉnh Tây Ninh")
        #expect(JSON.integer(report.object["head_seq"]) == 1)
        #expect(report.dong("1122", "debit_vnd") == 227_500_000)
        #expect(report.dong("1122", "credit_vnd") == 0)
        #expect(report.dong("1122", "balance_debit_vnd") == 227_500_000)
        #expect(report.rows["1122"]?["balance_credit_vnd"] is NSNull)
        let foreign = try #require(report.rows["1122"]?["foreign_balance"] as? [String: Any])
        #expect(JSON.integer(foreign["minor_units"]) == 1_000_000)
        #expect(foreign["currency"] as? String == "USD")
        #expect(report.dong("3372", "credit_vnd") == 227_500_000)
        #expect(report.dong("3372", "balance_credit_vnd") == 227_500_000)
        #expect(report.rows["3372"]?["foreign_balance"] is NSNull)
        #expect(report.total("debit_vnd") == 227_500_000 && report.total("credit_vnd") == 227_500_000)
        #expect(Set(report.rows.keys) == ["1122", "3372"])
    }

    /// `journal` in table, CSV and JSON after the first entry.
    private func checkJournal(_ cpf: ([String]) throws -> CPFResult, entryHash: String) throws {
        let table = try cpf(["journal"])
        expectSuccess(table)
        let lines = table.standardOutput.lines
        #expect(lines.count == 4, "\(table)")
        #expect(lines.first == "#1  2018-06-01  NGO grant tranche 1  [PT-0001]", "\(table)")
        #expect(lines.dropFirst().first?.hasPrefix("    posted by tester ") == true, "\(table)")
        #expect(lines.contains { $0.hasPrefix("    Dr 1122") && $0.contains("227,500,000 VND") && $0.contains("10,000.00 USD @ 22750 (SBV 2018-06-01)") }, "\(table)")
        #expect(lines.contains { $0.hasPrefix("    Cr 3372") && $0.contains("227,500,000 VND") }, "\(table)")

        let csv = try cpf(["journal", "--format", "csv"])
        expectSuccess(csv)
        let records = csv.standardOutput.lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(records.count == 3, "\(csv)")
        let header = records.first ?? []
        #expect(header.first == "entry" && header.contains("debit") && header.contains("vnd") && header.contains("rate_source"), "\(csv)")
        func field(_ record: [String], _ name: String) -> String? {
            header.firstIndex(of: name).flatMap { $0 < record.count ? record[$0] : nil }
        }
        if records.count == 3 {
            #expect(field(records[1], "account") == "1122" && field(records[1], "vnd") == "227500000")
            #expect(field(records[1], "currency") == "USD" && field(records[1], "debit") == "10000.00" && field(records[1], "credit") == "")
            #expect(field(records[1], "rate") == "22750" && field(records[1], "rate_date") == "2018-06-01" && field(records[1], "rate_source") == "SBV")
            #expect(field(records[2], "account") == "3372" && field(records[2], "credit") == "227500000" && field(records[2], "currency") == "VND")
            #expect(field(records[2], "ref") == "PT-0001" && field(records[2], "posted_by") == "tester")
        }

        let json = try cpf(["journal", "--format", "json"])
        expectSuccess(json)
        let entries = try #require(try JSON.parse(json.standardOutput) as? [[String: Any]], "\(json)")
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(JSON.integer(entry["seq"]) == 1)
        #expect(entry["date"] as? String == "2018-06-01")
        #expect(entry["memo"] as? String == "NGO grant tranche 1")
        #expect(entry["ref"] as? String == "PT-0001")
        #expect(entry["hash"] as? String == entryHash)
        let entryLines = try #require(entry["lines"] as? [[String: Any]])
        #expect(entryLines.count == 2)
        #expect(entryLines.first?["account"] as? String == "1122")
        #expect(JSON.integer(entryLines.first?["amount_vnd"]) == 227_500_000)
        #expect(JSON.integer(entryLines.first?["amount_foreign_minor"]) == 1_000_000)
        #expect(entryLines.first?["currency"] as? String == "USD")
        #expect(entryLines.last?["account"] as? String == "3372")
        #expect(JSON.integer(entryLines.last?["amount_vnd"]) == -227_500_000)
    }
}
