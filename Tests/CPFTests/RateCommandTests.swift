import Foundation
import Testing
import TestSupport

/// `cpf rate set` and `cpf rate list`.
@Suite struct RateCommandTests {
    @Test func recordsRateAndListsIt() throws {
        let ledger = try CLILedger(withUSDRate: false)
        let result = try ledger.run(["rate", "set", "USD", "2018-06-01", "23175.5", "--source", "VCB"])
        expectSuccess(result)
        #expect(result.standardOutput == "Recorded USD 2018-06-01 = 23175.5 VND (VCB).\n")

        let table = try ledger.run(["rate", "list"])
        expectSuccess(table)
        #expect(table.standardOutput.lines.contains { $0.hasPrefix("USD") && $0.contains("2018-06-01") && $0.contains("VCB") && $0.contains("tester") },
                "\(table)")
        let json = try ledger.run(["rate", "list", "USD", "--format", "json"])
        expectSuccess(json)
        let object = try #require(try JSON.parse(json.standardOutput) as? [String: Any], "\(json)")
        let rows = try #require((object["tables"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]])
        #expect(rows.count == 1)
        let euros = try ledger.run(["rate", "list", "EUR", "--format", "csv"])
        expectSuccess(euros)
        #expect(euros.standardOutput.lines.count == 1, "only the header\n\(euros)")
    }

    @Test func decimalRateConvertsExactly() throws {
        let ledger = try CLILedger(withUSDRate: false)
        try ledger.mustRun(["rate", "set", "USD", "2018-06-01", "23175.5", "--source", "VCB"])
        // 100.00 USD × 23175.5 = 2,317,550 VND exactly.
        expectSuccess(try ledger.run(["post", "--date", "2018-06-01", "--debit", "1122 100.00 USD", "--credit", "3372 2317550 VND"]))
    }

    @Test func recordingTheSameRateAgainChangesNothing() throws {
        let ledger = try CLILedger()
        let before = try ledger.fingerprint()
        let result = try ledger.run(["rate", "set", "USD", "2018-01-01", "22750", "--source", "SBV"])
        expectSuccess(result)
        #expect(result.standardOutput == "USD 2018-01-01 = 22750 VND (SBV) was already recorded; nothing changed.\n")
        #expect(try ledger.fingerprint() == before)
    }

    @Test func refusesDifferentRateForARecordedDay() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["rate", "set", "USD", "2018-01-01", "22800", "--source", "SBV"],
                          rule: "rate-exists", mentions: ["USD", "2018-01-01", "22750"])
    }

    @Test func refusesSameRateFromAnotherSource() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["rate", "set", "USD", "2018-01-01", "22750", "--source", "VCB"],
                          rule: "rate-exists", mentions: ["2018-01-01", "SBV"])
    }

    @Test func refusesRateForVND() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["rate", "set", "VND", "2018-06-01", "1", "--source", "SBV"], rule: "invalid-rate", mentions: ["VND"])
    }

    @Test func refusesUnknownCurrency() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["rate", "set", "XYZ", "2018-06-01", "22750", "--source", "SBV"], rule: "unknown-currency", mentions: ["XYZ"])
        try expectRefused(ledger, ["rate", "list", "XYZ"], rule: "unknown-currency", mentions: ["XYZ"])
    }

    @Test(arguments: ["22,750", "22.750.5", "0", "abc", "-22750", "1e4", "1000000000", "1.123456789"])
    func refusesInvalidRate(_ rate: String) throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["rate", "set", "USD", "2018-06-01", "--source", "SBV", "--", rate], rule: "invalid-rate", mentions: [rate])
    }

    @Test func refusesInvalidDate() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["rate", "set", "USD", "2018-02-29", "22750", "--source", "SBV"], rule: "invalid-date", mentions: ["2018-02-29"])
    }

    @Test func refusesEmptyOrOverlongSource() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["rate", "set", "USD", "2018-06-01", "22750", "--source", ""], rule: "invalid-text", mentions: ["rate source"])
        try expectRefused(ledger, ["rate", "set", "USD", "2018-06-01", "22750", "--source", String(repeating: "S", count: 101)],
                          rule: "invalid-text", mentions: ["rate source", "101"])
    }

    @Test func sourceIsRequired() throws {
        let ledger = try CLILedger()
        let before = try ledger.fingerprint()
        expectUsageError(try ledger.run(["rate", "set", "USD", "2018-06-01", "22750"]), mentions: ["--source"], help: "rate set")
        #expect(try ledger.fingerprint() == before)
    }
}
