import Foundation
import Testing
import TestSupport

/// `cpf account add`, `list`, `close` and `load`.
@Suite struct AccountCommandTests {
    private let addExample = ["account", "add", "1123", "--name-vi", "Tiền gửi Vietcombank", "--name-en", "Vietcombank deposits",
                              "--type", "asset", "--parent", "112"]

    private func accountRows(_ ledger: CLILedger) throws -> [String: [String: Any]] {
        let result = try ledger.mustRun(["account", "list", "--format", "json"])
        let object = try JSON.parse(result.standardOutput) as? [String: Any]
        let rows = ((object?["tables"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]]) ?? []
        return Dictionary(rows.compactMap { row in (row["code"] as? String).map { ($0, row) } }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: list

    @Test func listsTheStandardChartInEveryFormat() throws {
        let ledger = try CLILedger()
        let table = try ledger.run(["account", "list"])
        expectSuccess(table)
        #expect(table.standardOutput.lines.contains { $0.hasPrefix("1122 ") && $0.contains("Bank deposits in foreign currency (USD)") && $0.contains("USD") })

        let vietnamese = try ledger.run(["account", "list", "--lang", "vi"])
        expectSuccess(vietnamese)
        #expect(vietnamese.standardOutput.contains("Tiền gửi ngoại tệ"), "\(vietnamese)")

        let csv = try ledger.run(["account", "list", "--format", "csv"])
        expectSuccess(csv)
        #expect(csv.standardOutput.lines.first == "code,name,type,currency,parent,closed_on")
        #expect(csv.standardOutput.lines.contains("1121,Bank deposits in dong,asset,VND,112,"))

        let rows = try accountRows(ledger)
        #expect(rows.count == 51)
        #expect(rows["1122"]?["currency"] as? String == "USD")
        #expect(rows["3372"]?["parent"] as? String == "337")
        #expect(rows["112"]?["parent"] is NSNull)
    }

    // MARK: add

    @Test func addsTopLevelAccountThatTakesEntries() throws {
        let ledger = try CLILedger()
        let result = try ledger.run(["account", "add", "119", "--name-vi", "Tiền đang chuyển", "--name-en", "Cash in transit", "--type", "asset"])
        expectSuccess(result)
        #expect(result.standardOutput == "Added account 119 (Cash in transit).\n")
        #expect(try accountRows(ledger)["119"]?["type"] as? String == "asset")
        expectSuccess(try ledger.run(["post", "--date", "2018-06-01", "--debit", "119 500 VND", "--credit", "5132 500 VND"]))
    }

    @Test func addsForeignCurrencyAccountThatTakesOnlyItsCurrency() throws {
        let ledger = try CLILedger()
        expectSuccess(try ledger.run(["account", "add", "1124", "--name-vi", "Tiền gửi EUR", "--name-en", "EUR deposits",
                                      "--type", "asset", "--currency", "EUR"]))
        try expectRefused(ledger, ["post", "--date", "2018-06-01", "--debit", "1124 10.00 USD", "--credit", "5132 227500 VND"],
                          rule: "currency-mismatch", mentions: ["1124", "EUR"])
        expectSuccess(try ledger.run(["post", "--date", "2018-06-01", "--debit", "1124 10.00 EUR @ 26000 source=VCB", "--credit", "5132 260000 VND"]))
    }

    @Test func addsSubAccountAsTheHelpExampleShows() throws {
        let ledger = try CLILedger()
        let result = try ledger.run(addExample)
        let parent = try accountRows(ledger)["1123"]?["parent"] as? String
        expectSuccess(result)
        #expect(parent == "112")
    }

    @Test func refusesExistingCode() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["account", "add", "1121", "--name-vi", "A", "--name-en", "B", "--type", "asset"],
                          rule: "account-exists", mentions: ["1121"])
    }

    @Test func refusesUnknownParent() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["account", "add", "9991", "--name-vi", "A", "--name-en", "B", "--type", "asset", "--parent", "999"],
                          rule: "invalid-chart", mentions: ["9991", "999"])
    }

    @Test func refusesTypeDifferentFromParent() throws {
        let ledger = try CLILedger()
        let result = try expectRefused(ledger, ["account", "add", "1123", "--name-vi", "A", "--name-en", "B", "--type", "expense", "--parent", "112"],
                                       rule: "invalid-chart", mentions: ["1123", "112"])
        #expect(result.standardError.contains("expense") && result.standardError.contains("asset"), "\(result)")
    }

    @Test func refusesSubAccountUnderAccountWithEntries() throws {
        let ledger = try CLILedger()
        try ledger.mustRun(["account", "add", "119", "--name-vi", "A", "--name-en", "B", "--type", "asset"])
        try ledger.postDong(500, debit: "119", credit: "5132")
        let before = try ledger.fingerprint()
        let result = try ledger.run(["account", "add", "1191", "--name-vi", "C", "--name-en", "D", "--type", "asset", "--parent", "119"])
        #expect(try ledger.fingerprint() == before)
        expectRefusal(result, rule: "account-in-use", mentions: ["119"])
    }

    @Test func refusesSubAccountUnderClosedAccount() throws {
        let ledger = try CLILedger()
        try ledger.mustRun(["account", "add", "119", "--name-vi", "A", "--name-en", "B", "--type", "asset"])
        try ledger.mustRun(["account", "close", "119", "--date", "2018-01-31"])
        let before = try ledger.fingerprint()
        let result = try ledger.run(["account", "add", "1191", "--name-vi", "C", "--name-en", "D", "--type", "asset", "--parent", "119"])
        #expect(try ledger.fingerprint() == before)
        expectRefusal(result, rule: "closed-account", mentions: ["119"])
    }

    @Test(arguments: ["11-23", "1123456789012345678901", "Tài"])
    func refusesInvalidCode(_ code: String) throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["account", "add", code, "--name-vi", "A", "--name-en", "B", "--type", "asset"],
                          rule: "invalid-account", mentions: ["not a valid account code"])
    }

    @Test func refusesUnknownType() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["account", "add", "119", "--name-vi", "A", "--name-en", "B", "--type", "thing"],
                          rule: "invalid-account", mentions: ["thing"])
    }

    @Test func refusesUnknownCurrency() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["account", "add", "119", "--name-vi", "A", "--name-en", "B", "--type", "asset", "--currency", "XYZ"],
                          rule: "unknown-currency", mentions: ["XYZ"])
    }

    @Test func refusesEmptyOrOverlongName() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["account", "add", "119", "--name-vi", "", "--name-en", "B", "--type", "asset"],
                          rule: "invalid-text", mentions: ["Vietnamese name", "empty"])
        try expectRefused(ledger, ["account", "add", "119", "--name-vi", "A", "--name-en", String(repeating: "n", count: 201), "--type", "asset"],
                          rule: "invalid-text", mentions: ["English name", "201"])
    }

    // MARK: close

    @Test func closesAccountWithoutBalance() throws {
        let ledger = try CLILedger()
        let result = try ledger.run(["account", "close", "1112", "--date", "2018-12-31"])
        expectSuccess(result)
        #expect(result.standardOutput == "Closed account 1112 on 2018-12-31.\n")
        #expect(try accountRows(ledger)["1112"]?["closed_on"] as? String == "2018-12-31")
    }

    @Test func refusesClosingAccountWithBalance() throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_234_567, debit: "1111", credit: "5132")
        try expectRefused(ledger, ["account", "close", "1111", "--date", "2018-12-31"], rule: "account-in-use", mentions: ["1111", "1,234,567 VND"])
    }

    @Test func refusesClosingForeignCurrencyAccountWithBalance() throws {
        let ledger = try CLILedger()
        try ledger.mustRun(["post", "--date", "2018-06-01", "--debit", "1122 1.00 USD", "--credit", "3372 22750 VND"])
        try expectRefused(ledger, ["account", "close", "1122", "--date", "2018-12-31"], rule: "account-in-use", mentions: ["1122"])
    }

    @Test func refusesClosingUnknownAccount() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["account", "close", "9999"], rule: "unknown-account", mentions: ["9999"])
    }

    @Test func refusesClosingHeadingWithOpenSubAccounts() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["account", "close", "112"], rule: "account-in-use", mentions: ["112", "1121", "1122"])
    }

    @Test func refusesClosingTwice() throws {
        let ledger = try CLILedger()
        try ledger.mustRun(["account", "close", "1112", "--date", "2018-12-31"])
        try expectRefused(ledger, ["account", "close", "1112", "--date", "2019-01-31"], rule: "closed-account", mentions: ["1112", "2018-12-31"])
    }

    @Test func refusesInvalidClosingDate() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["account", "close", "1112", "--date", "2018-02-30"], rule: "invalid-date", mentions: ["2018-02-30"])
    }

    // MARK: load

    @Test func loadsAccountsFromCSV() throws {
        let ledger = try CLILedger()
        let file = ledger.directory.file("chart.csv")
        try "code,name_vi,name_en,type,currency,parent\n8,Tài sản khác,Other assets,asset,,\n81,Ký quỹ,Deposits held,asset,EUR,8\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try ledger.run(["account", "load", file])
        expectSuccess(result)
        #expect(result.standardOutput == "Added 2 accounts from \(file).\n")
        let rows = try accountRows(ledger)
        #expect(rows["81"]?["parent"] as? String == "8" && rows["81"]?["currency"] as? String == "EUR")
    }

    @Test func loadsSubAccountOfAnAccountInTheLedger() throws {
        // `cpf account load --help`: "parent is empty or the code of an account defined earlier
        // (in the file or the ledger)".
        let ledger = try CLILedger()
        let file = ledger.directory.file("chart.csv")
        try "code,name_vi,name_en,type,currency,parent\n1123,Tiền gửi VCB,VCB deposits,asset,,112\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try ledger.run(["account", "load", file])
        expectSuccess(result)
    }

    @Test func refusesChartWithWrongHeaderAndWritesNoneOfIt() throws {
        let ledger = try CLILedger()
        let file = ledger.directory.file("chart.csv")
        try "code,name,type\n8,Other,asset\n".write(toFile: file, atomically: true, encoding: .utf8)
        try expectRefused(ledger, ["account", "load", file], rule: "invalid-chart", mentions: ["line 1", "header"])
    }

    @Test func refusesChartWithOneBadRowAndWritesNoneOfIt() throws {
        let ledger = try CLILedger()
        let file = ledger.directory.file("chart.csv")
        try "code,name_vi,name_en,type,currency,parent\n8,A,Other assets,asset,,\n81,B,Bad,expense,,8\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        try expectRefused(ledger, ["account", "load", file], rule: "invalid-chart", mentions: ["81", "expense", "asset"])
        #expect(try accountRows(ledger)["8"] == nil)
    }

    @Test func refusesChartWithExistingCode() throws {
        let ledger = try CLILedger()
        let file = ledger.directory.file("chart.csv")
        try "code,name_vi,name_en,type,currency,parent\n8,A,Other,asset,,\n1121,B,Again,asset,,\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        try expectRefused(ledger, ["account", "load", file], rule: "account-exists", mentions: ["1121"])
    }

    @Test func refusesMissingChartFile() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["account", "load", ledger.directory.file("nope.csv")], rule: "invalid-input", mentions: ["nope.csv"])
    }

    @Test func accountAloneListsItsSubcommands() throws {
        let result = try CPFRunner.run(["account"])
        #expect(result.status == 2, "\(result)")
        #expect(result.standardOutput.isEmpty)
        for subcommand in ["account add", "account list", "account close", "account load"] {
            #expect(result.standardError.contains(subcommand), "\(result)")
        }
    }
}
