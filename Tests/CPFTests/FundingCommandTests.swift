import Foundation
import Testing
import TestSupport

/// The funding commands end to end through the `cpf` binary: the command sequence of the
/// funding issue (funders, programs, units, a USD grant with tranches, receipts in USD and in
/// kind, a conversion, disbursements with beneficiaries and in kind, a plan, the grant view
/// in USD and VND), and the refusals of the main rules, each leaving the ledger unchanged.
@Suite struct FundingCommandTests {
    /// The issue's sequence, run on a fresh ledger with the SBV rate of 22,750 from 2018-01-01.
    private func issueBooks() throws -> CLILedger {
        let ledger = try CLILedger()
        for arguments in FundingCommandTests.issueSequence {
            let result = try ledger.run(arguments)
            expectSuccess(result)
        }
        return ledger
    }

    private static let issueSequence: [[String]] = [
        ["funder", "add", "KFW", "--name", "Kinderhilfe e.V.", "--kind", "ngo", "--currency", "USD", "--country", "DE"],
        ["funder", "add", "NSTW", "--name", "Ngân sách Trung ương", "--kind", "government-central"],
        ["funder", "add", "AIA", "--name", "AIA Việt Nam", "--kind", "company"],
        ["unit", "add", "TN", "--name", "Tỉnh Tây Ninh", "--level", "province"],
        ["grant", "add", "KFW-2018", "--funder", "KFW", "--amount", "100000.00 USD", "--programs", "scholarship,house",
         "--units", "TN", "--from", "2018-01-01", "--to", "2020-12-31", "--tranche", "2018-03-01:50000.00", "--tranche", "2019-03-01:50000.00"],
        ["receive", "--date", "2018-03-05", "--funder", "KFW", "--grant", "KFW-2018", "--amount", "50000.00 USD", "--into", "1122", "--ref", "GBC-118"],
        ["receive", "--date", "2018-06-01", "--funder", "AIA", "--in-kind", "--item", "bicycle", "--quantity", "90",
         "--unit-value", "1500000 VND", "--basis", "supplier invoice"],
        ["convert", "--date", "2018-04-02", "--from", "1122", "--amount", "20000.00 USD", "--into", "1121", "--received", "456000000 VND"],
        ["disburse", "--date", "2018-09-05", "--program", "scholarship", "--unit", "TN", "--grant", "KFW-2018", "--amount", "20000000 VND",
         "--from", "1121", "--children", "20", "--beneficiaries", "TN-0001,TN-0002", "--ref", "PC-0918"],
        ["disburse", "--date", "2018-06-01", "--program", "bicycle", "--unit", "TN", "--in-kind", "bicycle", "--quantity", "90", "--children", "90"],
        ["plan", "set", "--year", "2018", "--program", "scholarship", "--amount", "240000000 VND"],
    ]

    /// The rows of `tables[key]` of a JSON report.
    private func rows(_ result: CPFResult, table key: String) throws -> [[String: Any]] {
        let object = try #require(try JSON.parse(result.standardOutput) as? [String: Any], "\(result)")
        let tables = try #require(object["tables"] as? [[String: Any]])
        return try #require(tables.first { $0["key"] as? String == key }?["rows"] as? [[String: Any]], "\(result)")
    }

    private func minorUnits(_ cell: Any?) -> Int64? {
        JSON.integer((cell as? [String: Any])?["minor_units"])
    }

    @Test func theIssuesCommandSequenceKeepsTheBooks() throws {
        let ledger = try issueBooks()
        let programs = try ledger.mustRun(["program", "list"]).standardOutput
        for code in ["scholarship", "milk", "house", "gift", "bicycle", "health-insurance"] {
            #expect(programs.contains(code), "seeded program \(code)\n\(programs)")
        }

        let journal = try ledger.journalJSON()
        #expect(journal.count == 5)
        func lines(_ index: Int) -> [[String: Any]] { journal[index]["lines"] as? [[String: Any]] ?? [] }
        // The USD receipt: 50,000.00 USD at 22,750 = 1,137,500,000 VND, with rate, date, source and dimensions.
        let receipt = lines(0)
        #expect(receipt.map { $0["account"] as? String } == ["1122", "5121"])
        #expect(JSON.integer(receipt[0]["amount_vnd"]) == Int64(50_000 * 22_750))
        #expect(JSON.integer(receipt[0]["amount_foreign_minor"]) == 5_000_000)
        #expect(receipt[0]["rate"] as? String == "22750" && receipt[0]["rate_date"] as? String == "2018-01-01" && receipt[0]["rate_source"] as? String == "SBV")
        #expect(receipt.allSatisfy { $0["funder"] as? String == "KFW" && $0["grant"] as? String == "KFW-2018" && $0["restriction"] as? String == "restricted" })
        // In kind: 90 × 1,500,000 on 156 with the item and quantity; revenue 5133.
        let goods = lines(1)
        #expect(goods[0]["account"] as? String == "156" && JSON.integer(goods[0]["amount_vnd"]) == 135_000_000)
        #expect(goods[0]["item"] as? String == "bicycle" && JSON.integer(goods[0]["quantity"]) == 90)
        #expect(goods[1]["account"] as? String == "5133" && JSON.integer(goods[1]["amount_vnd"]) == -135_000_000)
        // The conversion: 20,000.00 USD at the book rate 22,750 = 455,000,000; 456,000,000 received; 1,000,000 gain on 413.
        let conversion = lines(2)
        #expect(conversion.map { $0["account"] as? String } == ["1121", "1122", "413"])
        #expect(conversion.map { JSON.integer($0["amount_vnd"]) } == [456_000_000, -455_000_000, -1_000_000])
        #expect(JSON.integer(conversion[1]["amount_foreign_minor"]) == -2_000_000)
        // The scholarships: 20 child-instances; the beneficiary codes never appear in output.
        let scholarships = lines(3)
        #expect(scholarships[0]["account"] as? String == "6111" && JSON.integer(scholarships[0]["children"]) == 20)
        #expect(scholarships[0]["program"] as? String == "scholarship" && scholarships[0]["unit"] as? String == "TN")
        let everything = try ledger.mustRun(["journal", "--format", "json"]).standardOutput + (try ledger.mustRun(["journal"]).standardOutput)
        #expect(!everything.contains("TN-0001") && !everything.contains("TN-0002"))
        // The bicycles handed out at their carrying value.
        let handOut = lines(4)
        #expect(handOut.map { $0["account"] as? String } == ["6115", "156"])
        #expect(handOut.map { JSON.integer($0["amount_vnd"]) } == [135_000_000, -135_000_000])
        #expect(JSON.integer(handOut[1]["quantity"]) == -90 && JSON.integer(handOut[0]["children"]) == 90)

        // 1122 in both currencies: 30,000.00 USD worth 1,137,500,000 − 455,000,000 VND.
        let trial = try ledger.trialBalanceJSON(through: "2018-12-31")
        #expect(trial.dong("1122", "balance_debit_vnd") == 682_500_000)
        #expect(minorUnits(trial.rows["1122"]?["foreign_balance"]) == 3_000_000)
        #expect(trial.dong("156", "balance_debit_vnd") == nil && trial.dong("156", "debit_vnd") == 135_000_000)
        #expect(trial.dong("413", "balance_credit_vnd") == 1_000_000)
        #expect(trial.total("debit_vnd") == trial.total("credit_vnd"))

        let plans = try rows(try ledger.mustRun(["plan", "list", "--format", "json"]), table: "plans")
        #expect(plans.count == 1 && plans[0]["program"] as? String == "scholarship" && JSON.integer(plans[0]["amount_vnd"]) == 240_000_000)
        expectSuccess(try ledger.run(["verify"]))
    }

    @Test func grantShowGivesEachFigureInUSDAndVND() throws {
        let ledger = try issueBooks()
        let shown = try ledger.mustRun(["grant", "show", "KFW-2018", "--to", "2018-12-31", "--format", "json"])
        let figures = Dictionary(try rows(shown, table: "figures").compactMap { row in (row["figure"] as? String).map { ($0, row) } },
                                 uniquingKeysWith: { first, _ in first })
        func usd(_ name: String) -> Int64? { minorUnits(figures[name]?["amount"]) }
        func vnd(_ name: String) -> Int64? { JSON.integer(figures[name]?["amount_vnd"]) }
        // Committed 100,000.00 USD, valued at the latest rate (22,750): 2,275,000,000 VND.
        #expect(usd("Committed") == 10_000_000 && vnd("Committed") == 100_000 * 22_750)
        // The first tranche is due by the end of 2018, the second in 2019.
        #expect(usd("Due so far (tranches)") == 5_000_000)
        #expect(usd("Received") == 5_000_000 && vnd("Received") == Int64(50_000 * 22_750))
        #expect(usd("Outstanding") == 5_000_000 && vnd("Outstanding") == Int64(50_000 * 22_750))
        // The conversion named no grant, so its exchange gain is not the grant's.
        #expect(vnd("Exchange effect (realized)") == 0)
        // Spent 20,000,000 VND, paid in dong: dollars only where dollars moved, so no USD figure;
        // what is available may be partly in dong, so it is stated in dong only.
        #expect(vnd("Spent") == 20_000_000 && usd("Spent") == nil)
        #expect(vnd("Available") == 1_137_500_000 - 20_000_000 && usd("Available") == nil)
        #expect(JSON.integer(try rows(shown, table: "reach").first?["children"]) == 20)

        let table = try ledger.mustRun(["grant", "show", "KFW-2018", "--to", "2018-12-31"]).standardOutput
        #expect(table.contains("100,000.00 USD") && table.contains("2,275,000,000"), "\(table)")
        let vietnamese = try ledger.mustRun(["grant", "show", "KFW-2018", "--to", "2018-12-31", "--lang", "vi"]).standardOutput
        #expect(vietnamese.contains("Cam kết") && vietnamese.contains("100.000,00 USD") && vietnamese.contains("2.275.000.000"), "\(vietnamese)")

        let list = try rows(try ledger.mustRun(["grant", "list", "--to", "2018-12-31", "--format", "json"]), table: "grants")
        #expect(list.count == 1)
        #expect(try ledger.mustRun(["grant", "list", "--to", "2018-12-31", "--format", "csv"]).standardOutput.contains("KFW-2018"))
    }

    @Test func aConversionNamingTheGrantGivesItTheExchangeGain() throws {
        let ledger = try CLILedger()
        for arguments in FundingCommandTests.issueSequence.prefix(6) { try ledger.mustRun(arguments) }
        try ledger.mustRun(["convert", "--date", "2018-04-02", "--from", "1122", "--amount", "20000.00 USD", "--into", "1121",
                            "--received", "456000000 VND", "--grant", "KFW-2018"])
        let shown = try ledger.mustRun(["grant", "show", "KFW-2018", "--to", "2018-12-31", "--format", "json"])
        let figures = try rows(shown, table: "figures")
        let effect = figures.first { $0["figure"] as? String == "Exchange effect (realized)" }
        let available = figures.first { $0["figure"] as? String == "Available" }
        #expect(JSON.integer(effect?["amount_vnd"]) == Int64(456_000_000 - 20_000 * 22_750))
        #expect(JSON.integer(available?["amount_vnd"]) == Int64(1_137_500_000 + 1_000_000))
    }

    // MARK: Refusals

    @Test func spendingOutsideTheGrantsTermsIsRefused() throws {
        let ledger = try issueBooks()
        let disburse = ["disburse", "--program", "scholarship", "--unit", "TN", "--grant", "KFW-2018", "--children", "5"]
        try ledger.mustRun(["unit", "add", "BP", "--name", "Tỉnh Bình Phước", "--level", "province"])
        try expectRefused(ledger, ["disburse", "--date", "2018-10-01", "--program", "milk", "--unit", "TN", "--grant", "KFW-2018",
                                   "--amount", "1000000 VND", "--children", "5"],
                          rule: "restriction", mentions: ["grant KFW-2018 may be spent only on house, scholarship", "program milk"])
        try expectRefused(ledger, ["disburse", "--date", "2018-10-01", "--program", "scholarship", "--unit", "BP", "--grant", "KFW-2018",
                                   "--amount", "1000000 VND", "--children", "5"],
                          rule: "restriction", mentions: ["may be spent only in TN", "unit BP"])
        try expectRefused(ledger, disburse + ["--date", "2021-01-01", "--amount", "1000000 VND"],
                          rule: "restriction", mentions: ["could be spent until 2020-12-31", "dated 2021-01-01"])
        try expectRefused(ledger, disburse + ["--date", "2017-12-31", "--amount", "1000000 VND"],
                          rule: "restriction", mentions: ["may be spent from 2018-01-01", "dated 2017-12-31"])
        // 1,137,500,000 received − 20,000,000 spent = 1,117,500,000 available.
        let figures = try rows(try ledger.mustRun(["grant", "show", "KFW-2018", "--to", "2018-10-01", "--format", "json"]), table: "figures")
        func vnd(_ name: String) -> Int64? { JSON.integer(figures.first { $0["figure"] as? String == name }?["amount_vnd"]) }
        #expect(vnd("Received") == 1_137_500_000 && vnd("Spent") == 20_000_000 && vnd("Available") == 1_117_500_000)
        try expectRefused(ledger, disburse + ["--date", "2018-10-01", "--amount", "1117500001 VND"],
                          rule: "overspent", mentions: ["grant KFW-2018 has 1,117,500,000 VND available on 2018-10-01",
                                                        "this entry, dated 2018-10-01, takes 1,117,500,001 VND", "would leave -1 VND"])
    }

    @Test func designatedSupportIsHeldToItsDesignation() throws {
        let ledger = try issueBooks()
        try expectRefused(ledger, ["grant", "add", "AIA-QUA", "--funder", "AIA", "--amount", "400000000 VND", "--designated"],
                          rule: "restriction", mentions: ["designated support must say what it is for"])
        try ledger.mustRun(["grant", "add", "AIA-QUA", "--funder", "AIA", "--amount", "400000000 VND", "--designated", "--programs", "gift", "--units", "TN"])
        try ledger.mustRun(["receive", "--date", "2018-05-25", "--funder", "AIA", "--grant", "AIA-QUA", "--amount", "400000000 VND"])
        try expectRefused(ledger, ["disburse", "--date", "2018-06-01", "--program", "milk", "--unit", "TN", "--grant", "AIA-QUA",
                                   "--amount", "1000000 VND", "--children", "1"],
                          rule: "restriction", mentions: ["grant AIA-QUA may be spent only on gift"])
        try expectRefused(ledger, ["post", "--date", "2018-06-01", "--memo", "office", "--debit", "6422 1000000 VND grant=AIA-QUA",
                                   "--credit", "1121 1000000 VND grant=AIA-QUA"],
                          rule: "restriction", mentions: ["designated money of grant AIA-QUA cannot pay management costs (account 6422)"])
    }

    @Test func receiptsTheRulesForbidAreRefused() throws {
        let ledger = try issueBooks()
        try expectRefused(ledger, ["receive", "--date", "2017-06-01", "--funder", "KFW", "--amount", "100.00 USD"],
                          rule: "missing-rate", mentions: ["there is no USD rate on or before 2017-06-01"])
        try expectRefused(ledger, ["receive", "--date", "2018-06-01", "--funder", "AIA", "--grant", "KFW-2018", "--amount", "100.00 USD"],
                          rule: "restriction", mentions: ["grant KFW-2018 is from funder KFW, not AIA"])
        try expectRefused(ledger, ["receive", "--date", "2018-06-01", "--funder", "KFW", "--grant", "KFW-2018", "--amount", "1000000 VND"],
                          rule: "currency-mismatch", mentions: ["grant KFW-2018 is committed in USD, but this receipt is in VND"])
        try expectRefused(ledger, ["receive", "--date", "2018-06-01", "--funder", "KFW", "--grant", "KFW-2018", "--amount", "50000.01 USD"],
                          rule: "overspent", mentions: ["would have received 100,000.01 USD of the 100,000.00 USD committed"])
        try expectRefused(ledger, ["receive", "--date", "2018-06-01", "--funder", "NOPE", "--amount", "1000 VND"],
                          rule: "unknown-dimension", mentions: ["there is no funder 'NOPE'"])
        try expectRefused(ledger, ["receive", "--date", "2018-06-01", "--funder", "KFW", "--grant", "NOPE", "--amount", "1.00 USD"],
                          rule: "unknown-dimension", mentions: ["there is no grant 'NOPE'"])
        try expectRefused(ledger, ["funder", "add", "KFW", "--name", "again", "--kind", "ngo"],
                          rule: "registry-exists", mentions: ["there is already a funder 'KFW'"])
    }

    @Test func goodsAndForeignCurrencyNeverGoBelowZero() throws {
        let ledger = try issueBooks()
        try expectRefused(ledger, ["disburse", "--date", "2018-06-02", "--program", "bicycle", "--unit", "TN", "--in-kind", "bicycle",
                                   "--quantity", "1", "--children", "1"],
                          rule: "insufficient-goods", mentions: ["only 0 bicycle are on hand on 2018-06-02; 1 cannot be handed out"])
        try expectRefused(ledger, ["disburse", "--date", "2018-06-02", "--program", "bicycle", "--unit", "TN", "--in-kind", "NOPE",
                                   "--quantity", "1", "--children", "1"],
                          rule: "unknown-dimension", mentions: ["there is no goods item 'NOPE'"])
        // 1122 holds 30,000.00 USD.
        try expectRefused(ledger, ["convert", "--date", "2018-10-01", "--from", "1122", "--amount", "30000.01 USD", "--into", "1121",
                                   "--received", "690000000 VND"],
                          rule: "insufficient-funds", mentions: ["account 1122 holds 30,000.00 USD on 2018-10-01; 30,000.01 USD cannot leave it"])
        try expectRefused(ledger, ["disburse", "--date", "2018-10-01", "--program", "house", "--unit", "NOPE", "--amount", "1000 VND", "--children", "1"],
                          rule: "unknown-dimension", mentions: ["there is no unit 'NOPE'"])
        try expectRefused(ledger, ["disburse", "--date", "2018-10-01", "--program", "NOPE", "--unit", "TN", "--amount", "1000 VND", "--children", "1"],
                          rule: "unknown-dimension", mentions: ["there is no program 'NOPE'"])
    }

    @Test func revaluationAndAmendmentsThatRewriteThePastAreRefused() throws {
        let ledger = try issueBooks()
        try ledger.mustRun(["rate", "set", "USD", "2018-12-31", "23200", "--source", "SBV"])
        try expectRefused(ledger, ["revalue", "--account", "1122", "--date", "2018-12-31"],
                          rule: "settings", mentions: ["year-end revaluation is forbidden for this fund"])
        try expectRefused(ledger, ["grant", "amend", "KFW-2018", "--effective", "2018-09-05", "--reason", "addendum", "--programs", "milk"],
                          rule: "invalid-date", mentions: ["grant KFW-2018 has entries up to 2018-09-05"])
        try expectRefused(ledger, ["grant", "amend", "KFW-2018", "--effective", "2019-01-01", "--reason", "cut", "--amount", "49999.99 USD"],
                          rule: "invalid-amount", mentions: ["has already received 50000.00 USD; the commitment cannot be 49999.99 USD"])
        expectSuccess(try ledger.run(["grant", "amend", "KFW-2018", "--effective", "2018-09-06", "--reason", "addendum 2", "--amount", "120000.00 USD"]))

        // With the setting switched on, 30,000.00 USD is brought to 23,200: 696,000,000 − 682,500,000 = 13,500,000.
        try ledger.mustRun(["settings", "set", "fx-revaluation", "allowed"])
        expectSuccess(try ledger.run(["revalue", "--account", "1122", "--date", "2018-12-31"]))
        let trial = try ledger.trialBalanceJSON(through: "2018-12-31")
        #expect(trial.dong("1122", "balance_debit_vnd") == Int64(30_000 * 23_200))
        #expect(trial.dong("413", "balance_credit_vnd") == Int64(1_000_000 + 13_500_000))
    }
}
