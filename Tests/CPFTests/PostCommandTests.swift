import Foundation
import Testing
import TestSupport

/// `cpf post`: what it writes, and every refusal with its message and an unchanged file.
@Suite struct PostCommandTests {
    // MARK: Posting

    @Test func postsBalancedEntryAndSaysWhatItWrote() throws {
        let ledger = try CLILedger()
        let result = try ledger.run(["post", "--date", "2018-03-15", "--memo", "Donation from Mr. A", "--ref", "PT-0042",
                                     "--debit", "1111 5000000 VND", "--credit", "5132 5000000 VND"])
        expectSuccess(result)
        #expect(result.standardOutput.hasPrefix("Posted entry 1 on 2018-03-15: 5,000,000 VND, 2 lines. Hash "), "\(result)")
        let entries = try ledger.journalJSON()
        #expect(entries.count == 1)
        #expect(entries.first?["memo"] as? String == "Donation from Mr. A")
        #expect(entries.first?["ref"] as? String == "PT-0042")
        #expect(try ledger.run(["verify"]).status == 0)
    }

    @Test func acceptsInlineOptionValuesAndSeveralLinesPerSide() throws {
        let ledger = try CLILedger()
        let result = try ledger.run(["post", "--date=2018-03-15", "--debit=1111 3000000 VND", "--debit=1121 2000000 VND",
                                     "--credit=5132 4000000 VND", "--credit=5131 1000000 VND"])
        expectSuccess(result)
        #expect(result.standardOutput.hasPrefix("Posted entry 1 on 2018-03-15: 5,000,000 VND, 4 lines."), "\(result)")
        let lines = try #require(try ledger.journalJSON().first?["lines"] as? [[String: Any]])
        #expect(lines.map { $0["account"] as? String } == ["1111", "1121", "5132", "5131"])
        #expect(lines.map { JSON.integer($0["amount_vnd"]) } == [3_000_000, 2_000_000, -4_000_000, -1_000_000])
    }

    @Test func foreignLineTakesLatestRateOnOrBeforeItsDate() throws {
        let ledger = try CLILedger()
        try ledger.mustRun(["rate", "set", "USD", "2018-06-01", "22800", "--source", "SBV"])
        try ledger.mustRun(["post", "--date", "2018-05-31", "--debit", "1122 100.00 USD", "--credit", "3372 2275000 VND"])
        try ledger.mustRun(["post", "--date", "2018-06-01", "--debit", "1122 100.00 USD", "--credit", "3372 2280000 VND"])
        let entries = try ledger.journalJSON()
        let first = try #require((entries.first?["lines"] as? [[String: Any]])?.first)
        let second = try #require((entries.last?["lines"] as? [[String: Any]])?.first)
        #expect(first["rate"] as? String == "22750" && first["rate_date"] as? String == "2018-01-01")
        #expect(second["rate"] as? String == "22800" && second["rate_date"] as? String == "2018-06-01")
        #expect(JSON.integer(second["amount_vnd"]) == 2_280_000)
    }

    @Test func lineWithItsOwnRateAndSource() throws {
        let ledger = try CLILedger()
        try ledger.mustRun(["post", "--date", "2018-06-01", "--debit", "1122 10000.00 USD @ 22790 source=VCB",
                            "--credit", "3372 227900000 VND"])
        let line = try #require((try ledger.journalJSON().first?["lines"] as? [[String: Any]])?.first)
        #expect(line["rate"] as? String == "22790")
        #expect(line["rate_source"] as? String == "VCB")
        #expect(line["rate_date"] as? String == "2018-06-01")
        #expect(JSON.integer(line["amount_vnd"]) == 227_900_000)
    }

    @Test func statedDongValueThatMatchesTheRateIsAccepted() throws {
        let ledger = try CLILedger()
        let result = try ledger.run(["post", "--date", "2018-06-01", "--debit", "1122 10000.00 USD vnd=227500000",
                                     "--credit", "3372 227500000 VND"])
        expectSuccess(result)
    }

    @Test func conversionRoundsHalfToEven() throws {
        // 0.02 USD at 22725 is 454.5 VND: half-to-even gives 454; 0.06 USD is 1363.5 → 1364.
        // (Dollars go to the dollar account 1122: 1121 takes only dong.)
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-01", "--debit", "1122 0.02 USD @ 22725 source=VCB",
                                   "--credit", "5132 455 VND"], rule: "unbalanced", mentions: ["454 VND", "455 VND"])
        expectSuccess(try ledger.run(["post", "--date", "2018-06-01", "--debit", "1122 0.02 USD @ 22725 source=VCB",
                                      "--credit", "5132 454 VND"]))
        expectSuccess(try ledger.run(["post", "--date", "2018-06-01", "--debit", "1122 0.06 USD @ 22725 source=VCB",
                                      "--credit", "5132 1364 VND"]))
    }

    @Test func repostingSameReferenceWritesNothing() throws {
        let ledger = try CLILedger()
        try ledger.mustRun(tourPost)
        let before = try ledger.fingerprint()
        let again = try ledger.run(tourPost)
        expectSuccess(again)
        #expect(again.standardOutput == "Entry 1 already has reference PT-0001 with the same content; nothing was written.\n")
        #expect(try ledger.fingerprint() == before)
        #expect(try ledger.journalJSON().count == 1)
    }

    // MARK: Refusals

    @Test func refusesUnbalancedEntry() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1121 1000000 VND", "--credit", "5132 900000 VND"],
                          rule: "unbalanced", mentions: ["1,000,000 VND", "900,000 VND", "100,000 VND"])
    }

    @Test func refusesEntryWithOneLine() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1121 100 VND"], rule: "too-few-lines", mentions: ["1"])
    }

    @Test func refusesUnknownAccount() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "9999 100 VND", "--credit", "5132 100 VND"],
                          rule: "unknown-account", mentions: ["9999"])
    }

    @Test func refusesInvalidAccountCode() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "11.21 100 VND", "--credit", "5132 100 VND"],
                          rule: "invalid-account", mentions: ["11.21"])
    }

    @Test func refusesHeadingAccount() throws {
        let ledger = try CLILedger()
        let result = try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "112 100 VND", "--credit", "5132 100 VND"],
                                       rule: "header-account", mentions: ["112"])
        #expect(result.standardError.contains("1121, 1122"), "the hint names the sub-accounts\n\(result)")
    }

    @Test func refusesClosedAccount() throws {
        let ledger = try CLILedger()
        try ledger.mustRun(["account", "close", "1112", "--date", "2018-01-31"])
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1112 10.00 USD", "--credit", "5132 227500 VND"],
                          rule: "closed-account", mentions: ["1112", "2018-01-31"])
    }

    @Test func refusesVNDAmountOnForeignCurrencyAccount() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1122 227500000 VND", "--credit", "3372 227500000 VND"],
                          rule: "currency-mismatch", mentions: ["1122", "USD", "227500000 VND"])
    }

    @Test func refusesOtherForeignCurrencyOnForeignCurrencyAccount() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1122 100.00 EUR @ 26000 source=VCB",
                                   "--credit", "3372 2600000 VND"], rule: "currency-mismatch", mentions: ["1122", "EUR"])
    }

    @Test func refusesForeignLineWithoutRate() throws {
        let ledger = try CLILedger(withUSDRate: false)
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1122 100.00 USD", "--credit", "3372 2275000 VND"],
                          rule: "missing-rate", mentions: ["USD", "2018-06-02"])
    }

    @Test func refusesForeignLineDatedBeforeTheFirstRate() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2017-12-31", "--debit", "1122 100.00 USD", "--credit", "3372 2275000 VND"],
                          rule: "missing-rate", mentions: ["USD", "2017-12-31"])
    }

    @Test func refusesOwnRateWithoutSource() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1122 1.00 USD @ 22790", "--credit", "3372 22790 VND"],
                          rule: "missing-rate", mentions: ["22790", "source"])
    }

    @Test func refusesStatedDongValueThatDoesNotMatchTheRate() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1122 100.00 USD vnd=2275001",
                                   "--credit", "3372 2275001 VND"], rule: "rate-mismatch", mentions: ["2,275,000 VND", "2,275,001 VND"])
    }

    @Test func refusesTwoDifferentDongAmountsOnOneLine() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1121 100 VND vnd=101", "--credit", "5132 100 VND"],
                          rule: "rate-mismatch")
    }

    @Test func refusesRateOnDongAmount() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1121 100 VND @ 2", "--credit", "5132 100 VND"],
                          rule: "invalid-rate", mentions: ["VND"])
    }

    @Test func refusesMalformedRate() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1122 1.00 USD @ 22,790 source=VCB",
                                   "--credit", "3372 22790 VND"], rule: "invalid-rate", mentions: ["22,790"])
    }

    @Test(arguments: ["227,500,000", "227.500.000", "227,500"])
    func refusesGroupingSeparators(_ number: String) throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1121 \(number) VND", "--credit", "5132 227500000 VND"],
                          rule: "invalid-amount", mentions: [number, "grouping separators"])
    }

    @Test func refusesThousandsDotOnDong() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1121 227.500 VND", "--credit", "5132 227500 VND"],
                          rule: "invalid-amount", mentions: ["227.500", "thousands separator"])
    }

    @Test func refusesTooManyDecimals() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1122 100.001 USD", "--credit", "3372 2275000 VND"],
                          rule: "invalid-amount", mentions: ["100.001 USD", "3 decimals", "2"])
    }

    @Test func refusesMissingCurrency() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1121 100", "--credit", "5132 100 VND"],
                          rule: "invalid-input", mentions: ["1121 100", "currency"])
    }

    @Test func refusesUnknownCurrency() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1121 100 XYZ", "--credit", "5132 100 VND"],
                          rule: "unknown-currency", mentions: ["XYZ"])
    }

    @Test func refusesLowercaseCurrencyCode() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1121 100 vnd", "--credit", "5132 100 VND"],
                          rule: "unknown-currency", mentions: ["vnd"])
    }

    @Test func refusesCurrencyBeforeNumber() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1121 VND 100", "--credit", "5132 100 VND"],
                          rule: "invalid-amount", mentions: ["VND 100"])
    }

    @Test func refusesNegativeAmount() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1121 -100 VND", "--credit", "5132 -100 VND"],
                          rule: "invalid-amount", mentions: ["-100 VND", "negative"])
    }

    @Test func refusesZeroAmount() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1121 0 VND", "--credit", "5132 0 VND"],
                          rule: "invalid-amount", mentions: ["0 VND"])
    }

    @Test func refusesForeignAmountThatRoundsToNoDong() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1122 0.01 USD @ 0.00000001 source=X",
                                   "--credit", "5132 1 VND"], rule: "invalid-amount", mentions: ["0.01 USD", "0 VND"])
    }

    @Test func refusesAmountTooLargeForALine() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1121 1000000000000000 VND",
                                   "--credit", "5132 1000000000000000 VND"], rule: "overflow", mentions: ["1000000000000000 VND"])
    }

    @Test(arguments: ["2018-02-29", "2018-13-01", "2018-04-31", "18-06-02", "2018/06/02", "1899-12-31"])
    func refusesInvalidDate(_ date: String) throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", date, "--debit", "1121 100 VND", "--credit", "5132 100 VND"],
                          rule: "invalid-date", mentions: [date])
    }

    @Test func acceptsLeapDay() throws {
        let ledger = try CLILedger()
        expectSuccess(try ledger.run(["post", "--date", "2020-02-29", "--debit", "1121 100 VND", "--credit", "5132 100 VND"]))
    }

    @Test func refusesReferenceReusedWithDifferentContent() throws {
        let ledger = try CLILedger()
        try ledger.mustRun(tourPost)
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--memo", "NGO grant tranche 1", "--ref", "PT-0001",
                                   "--debit", "1122 10000.00 USD", "--credit", "3372 227500000 VND"],
                          rule: "duplicate-reference", mentions: ["PT-0001", "entry 1"])
        try expectRefused(ledger, ["post", "--date", "2018-06-01", "--memo", "NGO grant tranche 1", "--ref", "PT-0001",
                                   "--debit", "1122 10000.01 USD", "--credit", "3372 227500228 VND"],
                          rule: "duplicate-reference", mentions: ["PT-0001"])
    }

    @Test func refusesMemoLongerThan500Characters() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--memo", String(repeating: "m", count: 501),
                                   "--debit", "1121 100 VND", "--credit", "5132 100 VND"], rule: "invalid-text", mentions: ["memo", "501", "500"])
        expectSuccess(try ledger.run(["post", "--date", "2018-06-02", "--memo", String(repeating: "ữ", count: 500),
                                      "--debit", "1121 100 VND", "--credit", "5132 100 VND"]))
    }

    @Test func refusesMemoWithLineBreak() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--memo", "first\nsecond",
                                   "--debit", "1121 100 VND", "--credit", "5132 100 VND"], rule: "invalid-text", mentions: ["memo", "control character"])
    }

    @Test func refusesLineMemoLongerThan500Characters() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1121 100 VND memo=" + String(repeating: "m", count: 501),
                                   "--credit", "5132 100 VND"], rule: "invalid-text", mentions: ["line memo", "501"])
    }

    @Test func refusesReferenceLongerThan100Characters() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--ref", String(repeating: "R", count: 101),
                                   "--debit", "1121 100 VND", "--credit", "5132 100 VND"], rule: "invalid-text", mentions: ["reference", "101"])
    }

    @Test func refusesUserNameLongerThan100Characters() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["--user", String(repeating: "u", count: 101), "post", "--date", "2018-06-02",
                                   "--debit", "1121 100 VND", "--credit", "5132 100 VND"], rule: "invalid-text", mentions: ["user name", "101"])
    }

    @Test func refusesUnknownKeyInLine() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1121 100 VND colour=red", "--credit", "5132 100 VND"],
                          rule: "invalid-input", mentions: ["colour"])
    }

    @Test func refusesStrayWordInLine() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1121 100 VND please", "--credit", "5132 100 VND"],
                          rule: "invalid-input", mentions: ["please"])
    }

    @Test(arguments: ["children=0", "children=x", "qty=0", "qty=-3"])
    func refusesCountThatIsNotPositive(_ pair: String) throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "6111 100 VND \(pair)", "--credit", "1111 100 VND"],
                          rule: "invalid-input", mentions: [pair])
    }

    @Test func refusesChildInstancesOnCreditLine() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "6111 100 VND", "--credit", "1111 100 VND children=2"],
                          rule: "invalid-input", mentions: ["line 2", "debit"])
    }

    @Test func refusesChildInstancesBeyondTenMillion() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "6111 100 VND children=10000001", "--credit", "1111 100 VND"],
                          rule: "invalid-input", mentions: ["10000001"])
    }

    @Test func refusesGoodsLineWithoutQuantity() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "156 100 VND item=rice", "--credit", "5133 100 VND"],
                          rule: "invalid-input", mentions: ["item", "quantity"])
    }

    @Test func refusesUnknownProgram() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "6111 100 VND program=nope", "--credit", "1111 100 VND"],
                          rule: "unknown-dimension", mentions: ["program", "nope"])
        try ledger.postDong(100, debit: "1111", credit: "5132", date: "2018-06-01")   // the cash it is paid from
        expectSuccess(try ledger.run(["post", "--date", "2018-06-02", "--debit", "6111 100 VND program=scholarship", "--credit", "1111 100 VND"]))
    }

    @Test func refusalOfUnknownUnitPointsAtACommandThatExists() throws {
        // `cpf post --help` shows "6111 20000000 VND program=scholarship unit=TN children=20",
        // and the refusal's hint says to add the unit with 'cpf unit add'.
        let ledger = try CLILedger()
        let result = try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "6111 20000000 VND program=scholarship unit=TN children=20",
                                                "--credit", "1111 20000000 VND"], rule: "unknown-dimension", mentions: ["unit", "TN"])
        #expect(result.standardError.contains("cpf unit add"))
        let help = try CPFRunner.run(["unit", "add", "--help"])
        #expect(help.status == 0, "\(help)")
    }

    @Test func refusesEntryWithoutLines() throws {
        let ledger = try CLILedger()
        let before = try ledger.fingerprint()
        expectUsageError(try ledger.run(["post", "--date", "2018-06-02"]), mentions: ["--debit", "--credit"], help: "post")
        #expect(try ledger.fingerprint() == before)
    }

    @Test func refusalNamesTheLineAtFault() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["post", "--date", "2018-06-02", "--debit", "1121 100 VND", "--debit", "1121 100 VND",
                                   "--credit", "9998 200 VND"], rule: "unknown-account", mentions: ["line 3", "9998"])
    }
}
