import Foundation
import Testing
import TestSupport

/// `cpf report cash-flow` in every format and both languages, tied to the trial balance.
@Suite struct CashFlowCommandTests {
    @Test func everyFormatAndLanguage() throws {
        let ledger = try CLILedger()
        try ledger.mustRun(["funder", "add", "AIA", "--name", "AIA Việt Nam", "--kind", "company"])
        try ledger.mustRun(["receive", "--date", "2018-03-01", "--funder", "AIA", "--amount", "50000000 VND"])
        try ledger.mustRun(["receive", "--date", "2018-03-02", "--funder", "AIA", "--amount", "10000.00 USD"])
        try ledger.mustRun(["convert", "--date", "2018-04-01", "--from", "1122", "--amount", "1000.00 USD", "--into", "1121", "--received", "23000000 VND"])
        try ledger.mustRun(["unit", "add", "TN", "--name", "Tỉnh Tây Ninh", "--level", "province"])
        try ledger.mustRun(["disburse", "--date", "2018-05-01", "--program", "scholarship", "--unit", "TN", "--amount", "20000000 VND", "--children", "20"])
        try ledger.mustRun(["post", "--date", "2018-05-02", "--memo", "Rút tiền mặt", "--debit", "1111 5000000 VND", "--credit", "1121 5000000 VND"])
        for format in ["table", "csv", "json", "html"] {
            for language in ["en", "vi"] {
                expectSuccess(try ledger.run(["report", "cash-flow", "--year", "2018", "--format", format, "--lang", language]))
            }
        }
        let vietnamese = try ledger.run(["report", "cash-flow", "--year", "2018", "--lang", "vi"]).standardOutput
        #expect(vietnamese.hasPrefix("Báo cáo lưu chuyển tiền tệ") && vietnamese.contains("Chênh lệch tỷ giá"), "\(vietnamese)")
        let json = try #require(try JSON.parse(try ledger.run(["report", "cash-flow", "--year", "2018", "--format", "json"]).standardOutput) as? [String: Any])
        let table = try #require((json["tables"] as? [[String: Any]])?.first)
        let closing = try #require(JSON.integer((table["totals"] as? [String: Any])?["amount_vnd"]))
        // 50,000,000 + 227,500,000 received and 20,000,000 paid. The conversion sells 1,000 USD
        // booked at 22,750 for 23,000,000: a gain of 250,000, an exchange effect. The
        // withdrawal moves cash within cash and bank and is no flow.
        let balances = try ledger.trialBalanceJSON()
        let cash = ["1111", "1121", "1122"].reduce(Int64(0)) { $0 + (balances.dong($1, "balance_debit_vnd") ?? 0) - (balances.dong($1, "balance_credit_vnd") ?? 0) }
        #expect(closing == cash, "closing \(closing) against the trial balance's cash and bank \(cash)")
        #expect(closing == 50_000_000 + 227_500_000 - 20_000_000 + 250_000)
    }
}
