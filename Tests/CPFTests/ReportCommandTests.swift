import Foundation
import Testing
import TestSupport

/// `cpf report NAME`: the trial balance in every format and language, its date filter, and
/// bad report names and options.
@Suite struct ReportCommandTests {
    /// 1,234,567 VND donated in January, 10,000.00 USD received in June, 500,000 VND spent in July.
    private func ledgerWithThreeEntries() throws -> CLILedger {
        let ledger = try CLILedger()
        try ledger.postDong(1_234_567, debit: "1111", credit: "5132", date: "2018-01-15")
        try ledger.mustRun(tourPost)
        try ledger.postDong(500_000, debit: "6111", credit: "1111", date: "2018-07-01")
        return ledger
    }

    @Test func trialBalanceFiguresInJSON() throws {
        let ledger = try ledgerWithThreeEntries()
        let report = try ledger.trialBalanceJSON(through: "2018-12-31")
        #expect(report.dong("1111", "debit_vnd") == 1_234_567)
        #expect(report.dong("1111", "credit_vnd") == 500_000)
        #expect(report.dong("1111", "balance_debit_vnd") == 734_567)
        #expect(report.dong("5132", "balance_credit_vnd") == 1_234_567)
        #expect(report.dong("6111", "balance_debit_vnd") == 500_000)
        #expect(report.dong("1122", "balance_debit_vnd") == 227_500_000)
        let turnover: Int64 = 1_234_567 + 227_500_000 + 500_000
        #expect(report.total("debit_vnd") == turnover)
        #expect(report.total("debit_vnd") == report.total("credit_vnd"))
        #expect(report.total("balance_debit_vnd") == report.total("balance_credit_vnd"))
        let debitBalances: Int64 = 734_567 + 500_000 + 227_500_000
        #expect(report.total("balance_debit_vnd") == debitBalances)
        #expect((report.object["parameters"] as? [String: Any])?["as_of"] as? String == "2018-12-31")
    }

    @Test func trialBalanceThroughADateLeavesLaterEntriesOut() throws {
        let ledger = try ledgerWithThreeEntries()
        let january = try ledger.trialBalanceJSON(through: "2018-01-31")
        #expect(Set(january.rows.keys) == ["1111", "5132"])
        #expect(january.total("debit_vnd") == 1_234_567)
        let june = try ledger.trialBalanceJSON(through: "2018-06-01")
        #expect(june.rows["6111"] == nil && june.rows["1122"] != nil)
        let at = try ledger.run(["report", "trial-balance", "--at", "2018-01-31", "--format", "json"])
        #expect(TrialBalanceJSON(at.standardOutput)?.total("debit_vnd") == 1_234_567, "\(at)")
    }

    @Test func trialBalanceAsTableAndCSV() throws {
        let ledger = try ledgerWithThreeEntries()
        let table = try ledger.run(["report", "trial-balance", "--to", "2018-12-31"])
        expectSuccess(table)
        let lines = table.standardOutput.lines
        #expect(lines.first == "Trial balance — \(CLILedger.defaultFundName)")
        #expect(lines.contains("As of: 2018-12-31"), "\(table)")
        #expect(lines.contains { $0.hasPrefix("1111 ") && $0.contains("1,234,567") && $0.contains("734,567") }, "\(table)")
        #expect(lines.contains { $0.hasPrefix("Total") && $0.contains("229,234,567") }, "\(table)")

        let csv = try ledger.run(["report", "trial-balance", "--to", "2018-12-31", "--format", "csv"])
        expectSuccess(csv)
        #expect(csv.standardOutput.lines.contains("1111,Cash in dong,1234567,500000,734567,,,"), "\(csv)")
        #expect(csv.standardOutput.lines.contains("1122,Bank deposits in foreign currency (USD),227500000,0,227500000,,10000.00,USD"), "\(csv)")
    }

    @Test func trialBalanceInVietnamese() throws {
        let ledger = try ledgerWithThreeEntries()
        let result = try ledger.run(["report", "trial-balance", "--to", "2018-12-31", "--lang", "vi"])
        expectSuccess(result)
        let lines = result.standardOutput.lines
        #expect(lines.first == "Bảng cân đối tài khoản — \(CLILedger.defaultFundName)", "\(result)")
        #expect(lines.contains("Đến ngày: 31/12/2018"), "\(result)")
        for label in ["Tài khoản", "Tên tài khoản", "Phát sinh Nợ", "Phát sinh Có", "Dư Nợ", "Dư Có", "Số dư ngoại tệ"] {
            #expect(lines.dropFirst(2).contains { $0.contains(label) }, "missing \(label)\n\(result)")
        }
        #expect(lines.contains { $0.hasPrefix("1111 ") && $0.contains("Tiền Việt Nam") && $0.contains("1.234.567") && $0.contains("734.567") }, "\(result)")
        #expect(lines.contains { $0.hasPrefix("1122 ") && $0.contains("227.500.000") && $0.contains("10.000,00 USD") }, "\(result)")
        #expect(lines.contains { $0.hasPrefix("Tổng cộng") && $0.contains("229.234.567") }, "\(result)")
        #expect(!result.standardOutput.contains("1,234,567"))
        let fromEnvironment = try ledger.run(["report", "trial-balance", "--to", "2018-12-31"], environment: ["CPF_LANG": "vi"])
        #expect(fromEnvironment.standardOutput.lines.first == lines.first)
    }

    @Test func trialBalanceAsHTMLEscapesTextAndCitesTheDigest() throws {
        let ledger = try CLILedger(fundName: "Quỹ <A & B> \"Test\"")
        try ledger.mustRun(tourPost)
        let result = try ledger.run(["report", "trial-balance", "--to", "2018-12-31", "--format", "html", "--lang", "vi"])
        expectSuccess(result)
        let html = result.standardOutput
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"vi\">"))
        #expect(html.contains("Quỹ &lt;A &amp; B&gt; &quot;Test&quot;"))
        #expect(!html.contains("<A & B>"))
        #expect(html.contains("227.500.000"))
        let head = try #require(try ledger.run(["verify"]).standardOutput.headDigest)
        #expect(html.contains("cpf verify --at 1 --digest \(head)"), "the footer cites the chain head")
    }

    @Test func reportDigestIsTheOneVerifyPrints() throws {
        let ledger = try ledgerWithThreeEntries()
        let report = try ledger.trialBalanceJSON()
        let verified = try ledger.run(["verify"])
        #expect(JSON.integer(report.object["head_seq"]) == 3)
        #expect(report.object["head_hash"] as? String == verified.standardOutput.headDigest)
    }

    @Test func emptyLedgerHasNoRowsAndZeroTotals() throws {
        let ledger = try CLILedger()
        let report = try ledger.trialBalanceJSON()
        #expect(report.rows.isEmpty)
        #expect(report.total("debit_vnd") == 0 && report.total("credit_vnd") == 0)
        let table = try ledger.run(["report", "trial-balance"])
        #expect(table.standardOutput.contains("(no rows)"), "\(table)")
    }

    @Test func refusesFromAfterTo() throws {
        let ledger = try ledgerWithThreeEntries()
        expectRefusal(try ledger.run(["report", "trial-balance", "--from", "2018-06-02", "--to", "2018-01-01"]),
                      rule: "invalid-date", mentions: ["2018-06-02", "2018-01-01"])
    }

    @Test func refusesInvalidDate() throws {
        let ledger = try CLILedger()
        expectRefusal(try ledger.run(["report", "trial-balance", "--to", "2018-02-29"]), rule: "invalid-date", mentions: ["2018-02-29"])
    }

    @Test func unknownReportIsUsageError() throws {
        let ledger = try CLILedger()
        expectUsageError(try ledger.run(["report", "balance-sheet"]), mentions: ["balance-sheet", "trial-balance"], help: "report")
        expectUsageError(try ledger.run(["report"]), mentions: ["NAME"], help: "report")
    }

    @Test(arguments: [["--format", "xml"], ["--format", "pdf"], ["--lang", "fr"], ["--format"]])
    func badFormatOrLanguageIsUsageError(_ arguments: [String]) throws {
        let ledger = try CLILedger()
        expectUsageError(try ledger.run(["report", "trial-balance"] + arguments), help: "report")
    }
}
