import FundLedger

/// A deterministic generator of realistic fund books, for tests and the benchmark: the same
/// seed always gives the same entries.
///
/// The books use the standard chart. Money comes in as dong donations from companies and
/// individuals, state-budget allocations, and US-dollar aid into the foreign-currency account
/// at the day's rate; it goes out as disbursements to the programs, cash withdrawals, and
/// three-line gift entries (cash plus goods). Dates run forward from `startDate`, a few
/// entries a day, so a million entries span about a decade.
public struct LedgerGenerator: Sendable {
    public let seed: UInt64
    public let startDate: LedgerDate
    /// About how many entries share one day.
    public let entriesPerDay: Int

    public init(seed: UInt64 = 2018, startDate: LedgerDate = LedgerDate(year: 2014, month: 1, day: 1)!, entriesPerDay: Int = 280) {
        self.seed = seed
        self.startDate = startDate
        self.entriesPerDay = entriesPerDay
    }

    /// The USD rate (dong per dollar) on day `offset` after `startDate`: a deterministic
    /// walk between about 21,000 and 26,000.
    public func usdRate(dayOffset: Int) -> Rate {
        let wave = (dayOffset * 7919) % 2000
        return Rate(scaledValue: Int64(21_000 + dayOffset % 3000 + wave / 2), scale: 0)
    }

    /// Records a USD rate (source "SBV") for every day the first `entryCount` entries span.
    public func recordRates(in ledger: Ledger, entryCount: Int, user: String) throws {
        let days = entryCount / entriesPerDay + 2
        for offset in 0..<days {
            try ledger.setRate(.usd, on: startDate.adding(days: offset), rate: usdRate(dayOffset: offset), source: "SBV", user: user)
        }
    }

    /// The entries, one at a time, without holding them all.
    public func makeIterator() -> Iterator { Iterator(generator: self) }

    public struct Iterator: IteratorProtocol {
        let generator: LedgerGenerator
        var random: RepeatableRandomNumberGenerator
        var index = 0
        var bankDong: Int64 = 0
        var cashDong: Int64 = 0
        var usdMinor: Int64 = 0
        var goodsDong: Int64 = 0

        init(generator: LedgerGenerator) {
            self.generator = generator
            self.random = RepeatableRandomNumberGenerator(seed: generator.seed)
        }

        static let programAccounts = ["6111", "6112", "6113", "6114", "6115", "6116", "6117", "6118", "6119"]

        public mutating func next() -> EntryDraft? {
            defer { index += 1 }
            let dayOffset = index / generator.entriesPerDay
            let date = generator.startDate.adding(days: dayOffset)
            let reference = "GEN-\(generator.seed)-\(index)"
            let roll = Int.random(in: 0..<100, using: &random)
            switch roll {
            case 0..<22: return donation(date, reference)
            case 22..<30: return stateBudget(date, reference)
            case 30..<40: return usdReceipt(date, reference, dayOffset: dayOffset)
            case 40..<48 where cashDong < 50_000_000: return withdrawal(date, reference)
            case 48..<58 where usdMinor > 100_000: return usdSpending(date, reference, dayOffset: dayOffset)
            case 58..<66: return goodsReceipt(date, reference)
            case 66..<76 where cashDong > 2_000_000 && goodsDong > 400_000: return giftPackage(date, reference)
            default: return disbursement(date, reference)
            }
        }

        mutating func dong(_ range: ClosedRange<Int64>) -> Int64 { Int64.random(in: range, using: &random) * 1000 }

        mutating func donation(_ date: LedgerDate, _ reference: String) -> EntryDraft {
            let amount = dong(100...50_000)
            bankDong += amount
            let revenue = Bool.random(using: &random) ? "5131" : "5132"
            return EntryDraft(date: date, memo: "Donation", externalRef: reference,
                              lines: [.debit("1121", .vnd(amount)), .credit(revenue, .vnd(amount))])
        }

        mutating func stateBudget(_ date: LedgerDate, _ reference: String) -> EntryDraft {
            let amount = dong(10_000...500_000)
            bankDong += amount
            let revenue = Bool.random(using: &random) ? "5111" : "5112"
            return EntryDraft(date: date, memo: "State budget allocation", externalRef: reference,
                              lines: [.debit("1121", .vnd(amount)), .credit(revenue, .vnd(amount))])
        }

        mutating func usdReceipt(_ date: LedgerDate, _ reference: String, dayOffset: Int) -> EntryDraft {
            let cents = Int64.random(in: 1_000...2_000_000, using: &random) * 100
            usdMinor += cents
            let dong = (try? generator.usdRate(dayOffset: dayOffset).convertToDong(Amount(minorUnits: cents, currency: .usd))) ?? 0
            return EntryDraft(date: date, memo: "NGO aid received", externalRef: reference,
                              lines: [.debit("1122", Amount(minorUnits: cents, currency: .usd)), .credit("5121", .vnd(dong))])
        }

        mutating func usdSpending(_ date: LedgerDate, _ reference: String, dayOffset: Int) -> EntryDraft {
            let cents = min(usdMinor, Int64.random(in: 100...500_000, using: &random) * 100)
            usdMinor -= cents
            let dong = (try? generator.usdRate(dayOffset: dayOffset).convertToDong(Amount(minorUnits: cents, currency: .usd))) ?? 0
            let program = Iterator.programAccounts.randomElement(using: &random)!
            var expense = LineDraft.debit(program, .vnd(dong))
            expense.children = Int64.random(in: 1...200, using: &random)
            return EntryDraft(date: date, memo: "Program paid from aid", externalRef: reference,
                              lines: [expense, .credit("1122", Amount(minorUnits: cents, currency: .usd))])
        }

        mutating func withdrawal(_ date: LedgerDate, _ reference: String) -> EntryDraft {
            let amount = dong(10_000...100_000)
            bankDong -= amount
            cashDong += amount
            return EntryDraft(date: date, memo: "Cash withdrawn", externalRef: reference,
                              lines: [.debit("1111", .vnd(amount)), .credit("1121", .vnd(amount))])
        }

        mutating func goodsReceipt(_ date: LedgerDate, _ reference: String) -> EntryDraft {
            let amount = dong(1_000...80_000)
            goodsDong += amount
            return EntryDraft(date: date, memo: "Gift in kind", externalRef: reference,
                              lines: [.debit("156", .vnd(amount)), .credit("5133", .vnd(amount))])
        }

        mutating func giftPackage(_ date: LedgerDate, _ reference: String) -> EntryDraft {
            let packages = Int64.random(in: 1...(min(cashDong / 1_000_000, goodsDong / 200_000, 400)), using: &random)
            let cash = packages * 1_000_000
            let goods = packages * 200_000
            cashDong -= cash
            goodsDong -= goods
            var expense = LineDraft.debit("6114", .vnd(cash + goods))
            expense.children = packages
            return EntryDraft(date: date, memo: "Gift packages", externalRef: reference,
                              lines: [expense, .credit("1111", .vnd(cash)), .credit("156", .vnd(goods))])
        }

        mutating func disbursement(_ date: LedgerDate, _ reference: String) -> EntryDraft {
            let amount = min(max(bankDong / 4, 1_000_000), dong(500...60_000))
            bankDong -= amount
            var expense = LineDraft.debit(Iterator.programAccounts.randomElement(using: &random)!, .vnd(amount))
            expense.children = Int64.random(in: 1...100, using: &random)
            return EntryDraft(date: date, memo: "Disbursement", externalRef: reference,
                              lines: [expense, .credit("1121", .vnd(amount))])
        }
    }
}
