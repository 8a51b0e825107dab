import Testing
@testable import FundLedger
import TestSupport

/// Foreign currency done right (docs/domain.md §3): receipts at the rate of their date, money leaving
/// 1122 at the moving weighted-average book rate, the realized difference on 413, no rounding
/// remainder lost, and revaluation only when the fund's setting allows it. Every expected
/// figure is computed here with integer arithmetic of the test's own (`halfEven`).
@Suite struct ForeignCurrencyTests {
    private func date(_ text: String) -> LedgerDate { FundingBooks.date(text) }

    /// What the test expects 1122 to hold: dong and cents, moved the way docs/domain.md says.
    private struct ExpectedAccount {
        var dong: Int64 = 0
        var cents: Int64 = 0

        /// A receipt at a rate given in ten-thousandths of a dong: its dong value.
        mutating func receive(cents amount: Int64, rateTenThousandths: Int64) -> Int64 {
            let value = dongValue(cents: amount, rateTenThousandths: rateTenThousandths)
            dong += value
            cents += amount
            return value
        }

        /// Money leaving at the moving average: its share of the dong, all of it when all goes.
        mutating func leave(cents amount: Int64) -> Int64 {
            let value = amount == cents ? dong : halfEven(dong * amount, cents)
            dong -= value
            cents -= amount
            return value
        }
    }

    /// Checks the lines of 1122 and the trial balance against `expected`, and that every
    /// entry's lines sum to zero.
    private func expectAccount(_ books: FundingBooks, _ expected: ExpectedAccount, through: String = "2199-12-31",
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try books.dong(on: "1122") == expected.dong, sourceLocation: sourceLocation)
        #expect(try books.foreign(on: "1122") == expected.cents, sourceLocation: sourceLocation)
        let row = try books.ledger.trialBalance(through: date(through)).first { $0.accountCode == "1122" }
        #expect(row?.balanceDong ?? 0 == expected.dong, sourceLocation: sourceLocation)
        #expect(row?.foreignBalance ?? 0 == expected.cents, sourceLocation: sourceLocation)
        #expect(try books.integer("SELECT count(*) FROM (SELECT entry_seq FROM line GROUP BY entry_seq HAVING sum(amount_vnd) <> 0)") == 0,
                sourceLocation: sourceLocation)
    }

    @Test func aReceiptIsBookedAtTheRateOfItsDateWithItsSource() throws {
        let books = try FundingBooks()
        try books.setRate("2018-02-01", "22805.5")
        let january = try books.receive("2018-01-31", funder: "PLAN", "1000.01 USD")
        let february = try books.receive("2018-02-01", funder: "PLAN", "1000.01 USD")
        // 100,001 cents × 22,750 / 100 = 22,750,227.5 → 22,750,228 (half-even: 227 is odd).
        #expect(january.lines[0].amountDong == 22_750_228)
        #expect(halfEven(100_001 * 22_750, 100) == 22_750_228)
        // 100,001 × 22,805.5 / 100 = 22,805,728.0555 → 22,805,728.
        #expect(february.lines[0].amountDong == dongValue(cents: 100_001, rateTenThousandths: 228_055_000))
        #expect(february.lines[0].amountDong == 22_805_728)
        for (entry, rate, day) in [(january, "22750", "2018-01-01"), (february, "22805.5", "2018-02-01")] {
            for line in entry.lines {
                let foreign = try #require(line.foreign)
                #expect(abs(foreign.amount.minorUnits) == 100_001 && foreign.amount.currency == .usd)
                #expect(foreign.rate == (try Rate.parse(rate)))
                #expect(foreign.rateDate == date(day))
                #expect(foreign.rateSource == "SBV")
            }
            #expect(entry.lines.map(\.account.code) == ["1122", "5121"])
        }
    }

    @Test func movingAverageConversionsAndAUSDDisbursementKeepEveryDong() throws {
        let books = try FundingBooks()
        try books.setRate("2018-02-01", "22805.5")
        try books.setRate("2018-03-01", "23010.25")
        var account = ExpectedAccount()
        var exchangeCredits: Int64 = 0   // net credits on 413: gains positive

        try books.receive("2018-01-10", funder: "PLAN", "1000.01 USD")
        _ = account.receive(cents: 100_001, rateTenThousandths: 227_500_000)
        try books.receive("2018-02-10", funder: "PLAN", "2345.67 USD")
        _ = account.receive(cents: 234_567, rateTenThousandths: 228_055_000)
        try books.receive("2018-03-10", funder: "PLAN", "999.99 USD")
        _ = account.receive(cents: 99_999, rateTenThousandths: 230_102_500)
        try expectAccount(books, account)

        // Sold at 23,100: more than the average book rate, a realized gain credited to 413.
        let gainBook = account.leave(cents: 150_000)
        let gain = try books.convert("2018-03-15", "1500.00 USD", received: 34_650_000)
        #expect(34_650_000 - gainBook > 0)
        #expect(try books.dong(on: "1122", entry: gain.seq) == -gainBook)
        #expect(try books.dong(on: "1121", entry: gain.seq) == 34_650_000)
        #expect(try books.dong(on: "413", entry: gain.seq) == -(34_650_000 - gainBook))
        #expect(gain.lines.last?.memo == "realized exchange gain")
        let bookLine = try #require(gain.lines.first { $0.account.code == "1122" }?.foreign)
        #expect(bookLine.rateSource == Rate.bookRateSource)
        exchangeCredits += 34_650_000 - gainBook
        try expectAccount(books, account)

        // A receipt at another rate moves the average.
        try books.receive("2018-03-20", funder: "PLAN", "500.00 USD")
        _ = account.receive(cents: 50_000, rateTenThousandths: 230_102_500)

        // Paid in dollars: the expense at the day's rate, the dollars at book, the difference on 413.
        let expense = dongValue(cents: 80_000, rateTenThousandths: 230_102_500)
        #expect(expense == 18_408_200)
        let paidBook = account.leave(cents: 80_000)
        let payment = try books.disburse("2018-04-01", grant: nil, "800.00 USD", children: 8)
        #expect(try books.dong(on: "6111", entry: payment.seq) == expense)
        #expect(try books.dong(on: "1122", entry: payment.seq) == -paidBook)
        #expect(try books.dong(on: "413", entry: payment.seq) == -(expense - paidBook))
        #expect(payment.lines.first { $0.account.code == "6111" }?.foreign?.amount == (try Amount.parse("800.00 USD")))
        exchangeCredits += expense - paidBook
        try expectAccount(books, account)

        // Sold at 22,000: less than the book rate, a realized loss debited to 413.
        let lossBook = account.leave(cents: 100_000)
        let loss = try books.convert("2018-04-10", "1000.00 USD", received: 22_000_000)
        #expect(lossBook - 22_000_000 > 0)
        #expect(try books.dong(on: "413", entry: loss.seq) == lossBook - 22_000_000)
        #expect(loss.lines.last?.memo == "realized exchange loss")
        exchangeCredits -= lossBook - 22_000_000
        try expectAccount(books, account)

        // Everything that is left goes: the account ends at zero in both currencies, and every
        // dong that came in is accounted for as dong received, spent or an exchange difference.
        let remaining = account.cents
        #expect(remaining == 100_001 + 234_567 + 99_999 - 150_000 + 50_000 - 80_000 - 100_000)
        let lastBook = account.leave(cents: remaining)
        let lastReceived = halfEven(remaining * 23_000, 100)
        try books.convert("2018-05-02", Amount(minorUnits: remaining, currency: .usd).description, received: lastReceived)
        exchangeCredits += lastReceived - lastBook
        try expectAccount(books, account)
        #expect(account.dong == 0 && account.cents == 0)
        #expect(try books.dong(on: "413") == -exchangeCredits)
        let receivedDong = try books.integer("SELECT -sum(l.amount_vnd) FROM line l JOIN account a ON a.id = l.account_id WHERE a.code = '5121'")
        #expect(receivedDong + exchangeCredits == 34_650_000 + expense + 22_000_000 + lastReceived)
        #expect(try books.ledger.verify().isIntact)
    }

    @Test func tiesRoundToTheEvenDong() throws {
        let books = try FundingBooks()
        // 0.02 USD at the bank's 22,650 is 453 VND: half of it is 226.5.
        try books.receive("2018-05-01", funder: "PLAN", "0.02 USD", rate: "22650", rateSource: "VCB")
        #expect(try books.dong(on: "1122") == 453)
        // Half-even gives 226 (half-up would give 227 and book a 1 VND loss).
        let first = try books.convert("2018-05-02", "0.01 USD", received: 226)
        #expect(first.lines.count == 2)
        #expect(try books.dong(on: "1122", entry: first.seq) == -226)
        // The last cent takes the remaining 227: nothing is left behind.
        let second = try books.convert("2018-05-03", "0.01 USD", received: 227)
        #expect(second.lines.count == 2)
        #expect(try books.dong(on: "1122", entry: second.seq) == -227)
        #expect(try books.dong(on: "1122") == 0 && books.foreign(on: "1122") == 0)
    }

    @Test func manySmallOutflowsLoseNoRoundingRemainder() throws {
        let books = try FundingBooks()
        try books.receive("2018-01-10", funder: "PLAN", "100.00 USD", rate: "22750.3333", rateSource: "VCB")
        try books.receive("2018-01-11", funder: "PLAN", "33.33 USD", rate: "22761.7777", rateSource: "VCB")
        var account = ExpectedAccount()
        _ = account.receive(cents: 10_000, rateTenThousandths: 227_503_333)
        _ = account.receive(cents: 3_333, rateTenThousandths: 227_617_777)
        let total = account.dong
        var booked: Int64 = 0
        // 1.01 USD at a time, converted at the book value itself (no exchange difference).
        while account.cents > 0 {
            let cents = min(101, account.cents)
            let value = account.leave(cents: cents)
            let entry = try books.convert("2018-02-01", Amount(minorUnits: cents, currency: .usd).description, received: value)
            #expect(try books.dong(on: "1122", entry: entry.seq) == -value)
            booked += value
        }
        #expect(booked == total)
        #expect(try books.dong(on: "1122") == 0 && books.foreign(on: "1122") == 0)
        #expect(try books.dong(on: "413") == 0)
    }

    // MARK: Revaluation (đánh giá lại)

    @Test func revaluationIsRefusedUnlessTheSettingAllowsIt() throws {
        let books = try FundingBooks()
        try books.receive("2018-01-10", funder: "PLAN", "1000.00 USD")
        try books.setRate("2018-12-31", "23200")
        #expect(try books.ledger.settings().fxRevaluationAllowed == false)
        try books.expectRefused(.settings, ["year-end revaluation is forbidden for this fund (setting fx-revaluation is 'forbidden')"]) {
            try books.ledger.revalue(accountCode: "1122", on: date("2018-12-31"), user: "tester")
        }
        try books.ledger.setSetting("fx-revaluation", to: "allowed", user: "ketoantruong")
        try books.expectRefused(.unknownAccount, ["there is no account 1199 in the chart"]) {
            try books.ledger.revalue(accountCode: "1199", on: date("2018-12-31"), user: "tester")
        }
        try books.expectRefused(.invalidAccount, ["account 1121 is not an open foreign-currency posting account"]) {
            try books.ledger.revalue(accountCode: "1121", on: date("2018-12-31"), user: "tester")
        }
        try books.expectRefused(.missingRate, ["there is no USD rate on or before 2017-12-31"]) {
            try books.ledger.revalue(accountCode: "1122", on: date("2017-12-31"), user: "tester")
        }
    }

    @Test func revaluationBringsTheBalanceToTheRateOfTheDay() throws {
        let books = try FundingBooks()
        try books.ledger.setSetting("fx-revaluation", to: "allowed", user: "ketoantruong")
        try books.setRate("2018-03-01", "23010.25")
        try books.setRate("2018-12-31", "23175.75")
        var account = ExpectedAccount()
        try books.receive("2018-01-10", funder: "PLAN", "1234.57 USD")
        _ = account.receive(cents: 123_457, rateTenThousandths: 227_500_000)
        try books.receive("2018-03-10", funder: "PLAN", "765.43 USD")
        _ = account.receive(cents: 76_543, rateTenThousandths: 230_102_500)
        _ = account.leave(cents: 50_000)
        try books.convert("2018-04-01", "500.00 USD", received: 11_500_000)
        let target = dongValue(cents: account.cents, rateTenThousandths: 231_757_500)
        let entry = try #require(try books.ledger.revalue(accountCode: "1122", on: date("2018-12-31"), user: "tester"))
        #expect(try books.dong(on: "1122", entry: entry.seq) == target - account.dong)
        #expect(try books.dong(on: "413", entry: entry.seq) == account.dong - target)
        account.dong = target
        try expectAccount(books, account)
        // At the rate already: nothing to post.
        #expect(try books.ledger.revalue(accountCode: "1122", on: date("2018-12-31"), user: "tester") == nil)
        #expect(try books.ledger.verify().isIntact)
    }

    /// Bug found here: revaluation read the whole month's totals, so a revaluation dated in the
    /// middle of a month counted entries dated later in that month.
    @Test func revaluationCountsOnlyWhatIsDatedOnOrBeforeItsDay() throws {
        let books = try FundingBooks()
        try books.ledger.setSetting("fx-revaluation", to: "allowed", user: "ketoantruong")
        try books.receive("2018-12-01", funder: "PLAN", "1000.00 USD")   // at 22,750: 22,750,000
        try books.receive("2018-12-20", funder: "PLAN", "100.00 USD", rate: "23500", rateSource: "VCB")
        try books.setRate("2018-12-14", "23200")
        let entry = try #require(try books.ledger.revalue(accountCode: "1122", on: date("2018-12-15"), user: "tester"))
        // Through the 15th the account holds 1,000.00 USD worth 22,750,000; at 23,200 that is 23,200,000.
        #expect(try books.dong(on: "1122", entry: entry.seq) == 23_200_000 - 22_750_000)
        #expect(entry.date == date("2018-12-15"))
        // Revalued again on the same day after another entry of that day: refused, not posted twice.
        try books.receive("2018-12-15", funder: "PLAN", "10.00 USD", rate: "23300", rateSource: "VCB")
        try books.expectRefused(.duplicateReference, ["1122 was already revalued on 2018-12-15"]) {
            try books.ledger.revalue(accountCode: "1122", on: date("2018-12-15"), user: "tester")
        }
    }
}
