import Foundation
import FundLedger
import LedgerGenerator
import Testing
import TestSupport

/// A working session through the command line: about fifty commands chosen by a seeded
/// generator (swift-collections' `RepeatableRandomNumberGenerator` habit), then the books
/// still verify and balance, and every account's turnover is what the commands posted.
/// The session keeps the cash the commands brought in: a payment or a reversal that would
/// take 1111 or 1121 below zero must be refused (`insufficient-funds`, docs/posting-rules.md)
/// with the balance, and leaves the books as they were.
@Suite struct SessionTests {
    /// Debit and credit turnover per account, in dong, as the commands should have posted it.
    private struct Turnover {
        var debit: [String: Int64] = [:]
        var credit: [String: Int64] = [:]

        mutating func add(_ account: String, _ amountDong: Int64) {
            if amountDong > 0 { debit[account, default: 0] += amountDong } else { credit[account, default: 0] -= amountDong }
        }
    }

    /// `minorUnits × rate / 100` rounded half-to-even (USD has two decimals).
    private static func dong(cents: Int64, rate: Int64) -> Int64 {
        let product = cents * rate
        let (quotient, remainder) = product.quotientAndRemainder(dividingBy: 100)
        if remainder * 2 > 100 || (remainder * 2 == 100 && quotient % 2 != 0) { return quotient + 1 }
        return quotient
    }

    /// A dong amount as the refusals write it: 4,584,000 VND.
    private static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out + " VND"
    }

    @Test(arguments: [UInt64(20_180_601), 42])
    func randomSessionKeepsBooksBalanced(seed: UInt64) throws {
        var random = RepeatableRandomNumberGenerator(seed: seed)
        let ledger = try CLILedger(withUSDRate: false)
        var model = Turnover()
        var entryLines: [Int64: [(String, Int64)]] = [:]
        var reversible: [Int64] = []
        var seq: Int64 = 0
        var rates: [(day: Int, rate: Int64)] = []
        var commandCount = 0
        /// What each cash account holds, in dong, as the commands should have left it.
        var cash: [String: Int64] = ["1111": 0, "1121": 0]

        func run(_ arguments: [String]) throws -> CPFResult {
            commandCount += 1
            let result = try ledger.run(arguments)
            #expect(result.status == 0, "cpf \(arguments.joined(separator: " "))\n\(result)")
            return result
        }
        /// A command that would take `account` below zero on `day`: refused with the figures,
        /// and the ledger unchanged.
        func runRefused(_ arguments: [String], account: String, takes amount: Int64, on day: String) throws {
            commandCount += 1
            let held = cash[account, default: 0]
            _ = try expectRefused(ledger, arguments, rule: "insufficient-funds", mentions: [
                "account \(account) holds \(SessionTests.grouped(held)) on \(day)",
                "this entry, dated \(day), takes \(SessionTests.grouped(amount)) and would leave \(SessionTests.grouped(held - amount))"])
        }
        /// Day 1 is 2018-01-01.
        func date(_ day: Int) -> String { LedgerDate(year: 2018, month: 1, day: 1)!.adding(days: day - 1).iso }
        func posted(_ lines: [(String, Int64)], _ result: CPFResult) {
            guard result.standardOutput.hasPrefix("Posted entry ") else { return }
            seq += 1
            #expect(result.standardOutput.hasPrefix("Posted entry \(seq) "), "\(result)")
            for (account, amount) in lines {
                model.add(account, amount)
                if cash[account] != nil { cash[account]! += amount }
            }
            entryLines[seq] = lines
        }

        try ledger.mustRun(["rate", "set", "USD", date(1), "22750", "--source", "SBV"])
        rates.append((1, 22750))
        var day = 1
        while commandCount < 50 {
            day += Int.random(in: 0...6, using: &random)
            let choice = Int.random(in: 0..<100, using: &random)
            switch choice {
            case 0..<30: // a donation in dong, sometimes with a voucher reference
                let amount = Int64.random(in: 1...50_000, using: &random) * 1_000
                let (cash, revenue) = (["1111", "1121"].randomElement(using: &random)!, ["5131", "5132", "5138"].randomElement(using: &random)!)
                var arguments = ["post", "--date", date(day), "--memo", "donation", "--debit", "\(cash) \(amount) VND", "--credit", "\(revenue) \(amount) VND"]
                if Bool.random(using: &random) { arguments += ["--ref", "PT-\(seed)-\(commandCount)"] }
                let result = try run(arguments)
                posted([(cash, amount), (revenue, -amount)], result)
                if result.standardOutput.hasPrefix("Posted") { reversible.append(seq) }
            case 30..<45: // USD received at the table rate
                let cents = Int64.random(in: 1...2_000_000, using: &random)
                let rate = rates.last { $0.day <= day }!.rate
                let dong = SessionTests.dong(cents: cents, rate: rate)
                let amount = "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100) USD"
                let result = try run(["post", "--date", date(day), "--memo", "NGO tranche", "--debit", "1122 \(amount)", "--credit", "3372 \(dong) VND"])
                posted([("1122", dong), ("3372", -dong)], result)
                reversible.append(seq)
            case 45..<70: // spending on a program, with child-instances
                let amount = Int64.random(in: 1...5_000, using: &random) * 1_000
                let children = Int.random(in: 1...40, using: &random)
                let account = ["6111", "6112", "6114", "6115"].randomElement(using: &random)!
                let arguments = ["post", "--date", date(day), "--memo", "support",
                                 "--debit", "\(account) \(amount) VND children=\(children)", "--credit", "1111 \(amount) VND"]
                if cash["1111"]! < amount {
                    try runRefused(arguments, account: "1111", takes: amount, on: date(day))
                    continue
                }
                let result = try run(arguments)
                posted([(account, amount), ("1111", -amount)], result)
                reversible.append(seq)
            case 70..<80: // a new rate
                let rate = Int64.random(in: 22_500...23_500, using: &random)
                if rates.last!.day < day {
                    _ = try run(["rate", "set", "USD", date(day), String(rate), "--source", "SBV"])
                    rates.append((day, rate))
                }
            case 80..<90: // reverse an entry not yet reversed
                guard !reversible.isEmpty else { continue }
                let target = reversible.remove(at: Int.random(in: 0..<reversible.count, using: &random))
                let arguments = ["reverse", String(target), "--reason", "correction", "--date", date(day)]
                // Taking back a donation whose cash was spent since is refused like any payment.
                if let (account, amount) = entryLines[target]!.first(where: { cash[$0.0] != nil && $0.1 > 0 }), cash[account]! < amount {
                    try runRefused(arguments, account: account, takes: amount, on: date(day))
                    reversible.append(target)
                    continue
                }
                let result = try run(arguments)
                posted(entryLines[target]!.map { ($0.0, -$0.1) }, result)
            default: // read the books
                let arguments = [["journal", "--last", "3"], ["report", "trial-balance", "--format", "csv"], ["verify"]].randomElement(using: &random)!
                _ = try run(arguments)
            }
        }
        #expect(commandCount >= 50)
        #expect(seq >= 20, "enough entries were posted")
        #expect(cash.values.allSatisfy { $0 >= 0 })

        let verified = try ledger.run(["verify"])
        expectSuccess(verified)
        #expect(verified.standardOutput.hasPrefix("OK: \(seq) entries"), "\(verified)")
        #expect(verified.standardOutput.lines.last?.hasPrefix("Head: entry \(seq), digest ") == true)

        let report = try ledger.trialBalanceJSON()
        #expect(report.total("debit_vnd") == report.total("credit_vnd"))
        #expect(report.total("balance_debit_vnd") == report.total("balance_credit_vnd"))
        #expect(report.total("debit_vnd") == model.debit.values.reduce(0, +))
        for account in Set(model.debit.keys).union(model.credit.keys) {
            #expect(report.dong(account, "debit_vnd") == model.debit[account, default: 0], "debits of \(account)")
            #expect(report.dong(account, "credit_vnd") == model.credit[account, default: 0], "credits of \(account)")
        }
        #expect(Set(report.rows.keys) == Set(model.debit.keys).union(model.credit.keys))
        #expect(try ledger.journalJSON().count == Int(seq))
    }
}
