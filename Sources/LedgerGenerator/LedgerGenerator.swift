import FundLedger

/// A deterministic generator of realistic fund books, for tests and the benchmark: the same
/// seed always gives the same entries.
///
/// `prepare(_:entryCount:user:)` registers what the books name: daily USD rates (SBV), the
/// state budget (central and local), foreign NGOs giving in USD, companies and individuals,
/// org units, goods items, and NGO grants restricted to a program and a unit. The entries
/// then cover all four funding streams — state budget, USD aid against grants (received,
/// converted, spent), company and individual donations in cash and in kind, interest — and
/// their uses: disbursements to programs and units with child-instances (charged to grants
/// or unrestricted), goods handed out, gift packages, cash withdrawals, management costs.
/// Dates run forward from `startDate`, `entriesPerDay` a day, so a million entries span
/// about a decade. The generator keeps its own running figures so that every entry it makes
/// is one the ledger accepts.
public struct LedgerGenerator: Sendable {
    public let seed: UInt64
    public let startDate: LedgerDate
    /// About how many entries share one day.
    public let entriesPerDay: Int

    public static let unitCodes = (1...10).map { "U\($0 < 10 ? "0" : "")\($0)" }
    public static let programCodes = ["scholarship", "milk", "house", "gift", "bicycle", "health-insurance", "emergency", "counselling", "other"]
    public static let itemCodes = ["bicycle", "milk-box", "gift-pack", "school-kit", "blanket"]
    public static let ngoCount = 20
    public static let grantCount = 180
    public static let companyCount = 30
    public static let individualCount = 40

    public init(seed: UInt64 = 2018, startDate: LedgerDate = LedgerDate(year: 2014, month: 1, day: 1)!, entriesPerDay: Int = 280) {
        self.seed = seed
        self.startDate = startDate
        self.entriesPerDay = entriesPerDay
    }

    /// The USD rate (dong per dollar) on day `offset` after `startDate`: a slow deterministic
    /// climb from 21,000, as the dong drifts, with a small weekly wobble.
    public func usdRate(dayOffset: Int) -> Rate {
        Rate(scaledValue: Int64(21_000 + dayOffset * 3 / 2 + dayOffset % 7), scale: 0)
    }

    static func grantCode(_ index: Int) -> String { "G\(index)" }
    static func grantProgram(_ index: Int) -> String { programCodes[index % programCodes.count] }
    static func grantUnit(_ index: Int) -> String { unitCodes[index % unitCodes.count] }

    /// Registers everything the entries name, and a USD rate for every day they span.
    public func prepare(_ ledger: Ledger, entryCount: Int, user: String) throws {
        let days = entryCount / entriesPerDay + 2
        for offset in 0..<days {
            try ledger.setRate(.usd, on: startDate.adding(days: offset), rate: usdRate(dayOffset: offset), source: "SBV", user: user)
        }
        try ledger.addFunder(code: "NSTW", name: "Ngân sách Trung ương", kind: .governmentCentral, user: user)
        try ledger.addFunder(code: "NSDP", name: "Ngân sách địa phương", kind: .governmentLocal, user: user)
        for index in 0..<LedgerGenerator.ngoCount {
            try ledger.addFunder(code: "NGO\(index)", name: "Foreign NGO \(index)", kind: .ngo, currency: .usd, country: "DE", user: user)
        }
        for index in 0..<LedgerGenerator.companyCount {
            try ledger.addFunder(code: "CO\(index)", name: "Company \(index)", kind: .company, user: user)
        }
        for index in 0..<LedgerGenerator.individualCount {
            try ledger.addFunder(code: "IN\(index)", name: "Donor \(index)", kind: .individual, user: user)
        }
        for code in LedgerGenerator.unitCodes {
            try ledger.addUnit(code: code, name: "Unit \(code)", level: .district, user: user)
        }
        for code in LedgerGenerator.itemCodes where try ledger.goodsItems().allSatisfy({ $0.code != code }) {
            try ledger.addGoodsItem(code: code, nameVietnamese: code, nameEnglish: code, unit: "unit", user: user)
        }
        for index in 0..<LedgerGenerator.grantCount {
            var grant = GrantDefinition(code: LedgerGenerator.grantCode(index), funderCode: "NGO\(index % LedgerGenerator.ngoCount)",
                                        committed: Amount(minorUnits: 2_000_000_000_000, currency: .usd))
            grant.programCodes = [LedgerGenerator.grantProgram(index)]
            grant.unitCodes = [LedgerGenerator.grantUnit(index)]
            grant.validFrom = startDate
            grant.signedOn = startDate
            try ledger.addGrant(grant, user: user)
        }
    }

    /// The entries, one at a time, without holding them all.
    public func makeIterator() -> Iterator { Iterator(generator: self) }

    /// Makes entries in order, keeping the running figures that keep them acceptable.
    public struct Iterator: IteratorProtocol {
        let generator: LedgerGenerator
        var random: RepeatableRandomNumberGenerator
        var index = 0
        var bankDong: Int64 = 0
        var cashDong: Int64 = 0
        var usdCents: Int64 = 0
        var usdBookDong: Int64 = 0
        /// Each item's lots, first in first out: quantity, value and how many units left them
        /// (docs/goods-lots.md), as the ledger values goods handed out.
        var goods: [Int: [(quantity: Int64, dong: Int64, drawn: Int64)]] = [:]
        /// Per grant: what is left to spend, in dong, as the ledger counts it: received +
        /// exchange differences − spent (reports/grant-figures.sql).
        var grantAvailable: [Int: Int64] = [:]
        /// Per grant: dollars received and not yet converted or spent.
        var grantDollars: [Int: Int64] = [:]

        init(generator: LedgerGenerator) {
            self.generator = generator
            self.random = RepeatableRandomNumberGenerator(seed: generator.seed)
        }

        public mutating func next() -> EntryDraft? {
            defer { index += 1 }
            let dayOffset = index / generator.entriesPerDay
            let date = generator.startDate.adding(days: dayOffset)
            let digits = String(index)
            let reference = "GEN-\(generator.seed)-" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
            let rate = generator.usdRate(dayOffset: dayOffset)
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<14: return donation(date, reference)
            case 14..<20: return stateBudget(date, reference)
            case 20..<30: return usdReceipt(date, reference, rate: rate)
            case 30..<36: if let entry = conversion(date, reference, rate: rate) { return entry }
            case 36..<41: if let entry = usdSpending(date, reference, rate: rate) { return entry }
            case 41..<52: if let entry = grantSpending(date, reference) { return entry }
            case 52..<60: return goodsReceipt(date, reference)
            case 60..<66: if let entry = goodsHandedOut(date, reference) { return entry }
            case 66..<71: if let entry = giftPackages(date, reference) { return entry }
            case 71..<76 where cashDong < 80_000_000 && bankDong > 150_000_000: return withdrawal(date, reference)
            case 76..<78 where bankDong > 100_000_000: return managementCost(date, reference)
            case 78..<80: return interest(date, reference)
            default: break
            }
            return bankDong > 10_000_000 ? disbursement(date, reference) : donation(date, reference)
        }

        mutating func dong(_ range: ClosedRange<Int64>) -> Int64 { Int64.random(in: range, using: &random) * 1000 }

        mutating func program() -> String { LedgerGenerator.programCodes.randomElement(using: &random)! }
        mutating func unit() -> String { LedgerGenerator.unitCodes.randomElement(using: &random)! }

        mutating func donation(_ date: LedgerDate, _ reference: String) -> EntryDraft {
            let amount = dong(100...50_000)
            bankDong += amount
            let company = Bool.random(using: &random)
            let funder = company ? "CO\(Int.random(in: 0..<LedgerGenerator.companyCount, using: &random))"
                                 : "IN\(Int.random(in: 0..<LedgerGenerator.individualCount, using: &random))"
            let dimensions = Dimensions(funder: funder)
            return EntryDraft(date: date, memo: "Donation", externalRef: reference,
                              lines: [.debit("1121", .vnd(amount), dimensions: dimensions), .credit(company ? "5131" : "5132", .vnd(amount), dimensions: dimensions)])
        }

        mutating func stateBudget(_ date: LedgerDate, _ reference: String) -> EntryDraft {
            let amount = dong(10_000...500_000)
            bankDong += amount
            let central = Bool.random(using: &random)
            let dimensions = Dimensions(funder: central ? "NSTW" : "NSDP")
            return EntryDraft(date: date, memo: "State budget allocation", externalRef: reference,
                              lines: [.debit("1121", .vnd(amount), dimensions: dimensions), .credit(central ? "5111" : "5112", .vnd(amount), dimensions: dimensions)])
        }

        mutating func usdReceipt(_ date: LedgerDate, _ reference: String, rate: Rate) -> EntryDraft {
            let grant = Int.random(in: 0..<LedgerGenerator.grantCount, using: &random)
            let cents = Int64.random(in: 1_000...200_000, using: &random) * 100
            let amount = Amount(minorUnits: cents, currency: .usd)
            let dong = (try? rate.convertToDong(amount)) ?? 0
            usdCents += cents
            usdBookDong += dong
            grantDollars[grant, default: 0] += cents
            grantAvailable[grant, default: 0] += dong
            let dimensions = Dimensions(grant: LedgerGenerator.grantCode(grant))
            return EntryDraft(date: date, memo: "NGO aid received", externalRef: reference,
                              lines: [.debit("1122", amount, dimensions: dimensions), .credit("5121", amount, dimensions: dimensions)])
        }

        /// Takes dollars of one grant out of the USD account at its book value.
        mutating func takeDollars(grant: Int, maximumCents: Int64) -> (cents: Int64, bookDong: Int64)? {
            let available = min(grantDollars[grant, default: 0], usdCents)
            guard available >= 10_000 else { return nil }
            let cents = min(available, maximumCents)
            let book = cents == usdCents ? usdBookDong : Int64(Rate.divideRoundingHalfEven(Int128(usdBookDong) * Int128(cents), Int128(usdCents)))
            usdCents -= cents
            usdBookDong -= book
            grantDollars[grant, default: 0] -= cents
            return (cents, book)
        }

        mutating func conversion(_ date: LedgerDate, _ reference: String, rate: Rate) -> EntryDraft? {
            let grant = Int.random(in: 0..<LedgerGenerator.grantCount, using: &random)
            guard let taken = takeDollars(grant: grant, maximumCents: Int64.random(in: 5_000...300_000, using: &random) * 100) else { return nil }
            let amount = Amount(minorUnits: taken.cents, currency: .usd)
            let received = (try? Rate(scaledValue: rate.scaledValue + 10, scale: rate.scale).convertToDong(amount)) ?? taken.bookDong
            bankDong += received
            grantAvailable[grant, default: 0] += received - taken.bookDong
            let dimensions = Dimensions(grant: LedgerGenerator.grantCode(grant))
            return EntryDraft(date: date, memo: "Conversion", externalRef: reference,
                              lines: [.debit("1121", .vnd(received), dimensions: dimensions), .credit("1122", amount, dimensions: dimensions)])
        }

        mutating func usdSpending(_ date: LedgerDate, _ reference: String, rate: Rate) -> EntryDraft? {
            let grant = Int.random(in: 0..<LedgerGenerator.grantCount, using: &random)
            let cents = min(grantDollars[grant, default: 0], usdCents, Int64.random(in: 100...20_000, using: &random) * 100)
            let estimatedBook = usdCents > 0 ? Int64(Rate.divideRoundingHalfEven(Int128(usdBookDong) * Int128(cents), Int128(usdCents))) : 0
            guard cents >= 10_000, grantAvailable[grant, default: 0] >= estimatedBook,
                  let taken = takeDollars(grant: grant, maximumCents: cents) else { return nil }
            let amount = Amount(minorUnits: taken.cents, currency: .usd)
            let program = LedgerGenerator.grantProgram(grant)
            var expense = LineDraft(accountCode: expenseAccount(program), side: .debit, amount: amount,
                                    dimensions: Dimensions(grant: LedgerGenerator.grantCode(grant), program: program, unit: LedgerGenerator.grantUnit(grant)))
            expense.children = Int64.random(in: 1...200, using: &random)
            grantAvailable[grant, default: 0] -= taken.bookDong
            return EntryDraft(date: date, memo: "Program paid in USD", externalRef: reference,
                              lines: [expense, .credit("1122", amount, dimensions: Dimensions(grant: LedgerGenerator.grantCode(grant)))])
        }

        mutating func grantSpending(_ date: LedgerDate, _ reference: String) -> EntryDraft? {
            let grant = Int.random(in: 0..<LedgerGenerator.grantCount, using: &random)
            let available = min(grantAvailable[grant, default: 0], bankDong)
            guard available > 2_000_000 else { return nil }
            let amount = min(available / 2, dong(500...80_000)) / 1000 * 1000
            guard amount > 0 else { return nil }
            grantAvailable[grant, default: 0] -= amount
            bankDong -= amount
            let program = LedgerGenerator.grantProgram(grant)
            var expense = LineDraft.debit(expenseAccount(program), .vnd(amount),
                                          dimensions: Dimensions(grant: LedgerGenerator.grantCode(grant), program: program, unit: LedgerGenerator.grantUnit(grant)))
            expense.children = Int64.random(in: 1...150, using: &random)
            return EntryDraft(date: date, memo: "Grant disbursement", externalRef: reference,
                              lines: [expense, .credit("1121", .vnd(amount), dimensions: Dimensions(grant: LedgerGenerator.grantCode(grant)))])
        }

        mutating func goodsReceipt(_ date: LedgerDate, _ reference: String) -> EntryDraft {
            let item = Int.random(in: 0..<LedgerGenerator.itemCodes.count, using: &random)
            let quantity = Int64.random(in: 10...500, using: &random)
            let value = quantity * dong(50...2_000)
            goods[item, default: []].append((quantity, value, 0))
            let dimensions = Dimensions(funder: "CO\(Int.random(in: 0..<LedgerGenerator.companyCount, using: &random))")
            var debit = LineDraft.debit("156", .vnd(value), dimensions: dimensions)
            debit.item = LedgerGenerator.itemCodes[item]
            debit.quantity = quantity
            return EntryDraft(date: date, memo: "Goods in kind", externalRef: reference, lines: [debit, .credit("5133", .vnd(value), dimensions: dimensions)])
        }

        /// Hands out goods at their carrying value; `nil` when there are too few.
        mutating func takeGoods(_ item: Int, atMost: Int64) -> (quantity: Int64, dong: Int64)? {
            var lots = goods[item, default: []]
            let onHand = lots.reduce(0) { $0 + $1.quantity - $1.drawn }
            guard onHand > 0 else { return nil }
            var left = min(onHand, atMost), value: Int64 = 0
            let quantity = left
            func share(_ lot: (quantity: Int64, dong: Int64, drawn: Int64), _ units: Int64) -> Int64 {
                units >= lot.quantity ? lot.dong : Int64(Rate.divideRoundingHalfEven(Int128(lot.dong) * Int128(units), Int128(lot.quantity)))
            }
            var index = 0
            while left > 0 {
                let available = lots[index].quantity - lots[index].drawn
                let units = min(left, available)
                if units > 0 {
                    value += share(lots[index], lots[index].drawn + units) - share(lots[index], lots[index].drawn)
                    lots[index].drawn += units
                    left -= units
                }
                index += 1
            }
            guard value > 0 else { return nil }
            goods[item] = lots.filter { $0.drawn < $0.quantity }
            return (quantity, value)
        }

        mutating func goodsHandedOut(_ date: LedgerDate, _ reference: String) -> EntryDraft? {
            let item = Int.random(in: 0..<LedgerGenerator.itemCodes.count, using: &random)
            guard let taken = takeGoods(item, atMost: Int64.random(in: 5...300, using: &random)) else { return nil }
            let program = item == 0 ? "bicycle" : item == 1 ? "milk" : "gift"
            var expense = LineDraft.debit(expenseAccount(program), .vnd(taken.dong), dimensions: Dimensions(program: program, unit: unit()))
            expense.children = taken.quantity
            var credit = LineDraft.credit("156", .vnd(taken.dong))
            credit.item = LedgerGenerator.itemCodes[item]
            credit.quantity = taken.quantity
            return EntryDraft(date: date, memo: "Goods handed out", externalRef: reference, lines: [expense, credit])
        }

        mutating func giftPackages(_ date: LedgerDate, _ reference: String) -> EntryDraft? {
            guard cashDong > 5_000_000, let taken = takeGoods(2, atMost: min(cashDong / 1_000_000, 400)) else { return nil }
            let cash = taken.quantity * 1_000_000
            cashDong -= cash
            var expense = LineDraft.debit("6114", .vnd(cash + taken.dong), dimensions: Dimensions(program: "gift", unit: unit()))
            expense.children = taken.quantity
            var goodsLine = LineDraft.credit("156", .vnd(taken.dong))
            goodsLine.item = "gift-pack"
            goodsLine.quantity = taken.quantity
            return EntryDraft(date: date, memo: "Gift packages", externalRef: reference, lines: [expense, .credit("1111", .vnd(cash)), goodsLine])
        }

        mutating func withdrawal(_ date: LedgerDate, _ reference: String) -> EntryDraft {
            let amount = dong(20_000...100_000)
            bankDong -= amount
            cashDong += amount
            return EntryDraft(date: date, memo: "Cash withdrawn", externalRef: reference,
                              lines: [.debit("1111", .vnd(amount)), .credit("1121", .vnd(amount))])
        }

        mutating func managementCost(_ date: LedgerDate, _ reference: String) -> EntryDraft {
            let amount = dong(1_000...20_000)
            bankDong -= amount
            return EntryDraft(date: date, memo: "Management costs", externalRef: reference,
                              lines: [.debit(["6421", "6422", "6428"].randomElement(using: &random)!, .vnd(amount)), .credit("1121", .vnd(amount))])
        }

        mutating func interest(_ date: LedgerDate, _ reference: String) -> EntryDraft {
            let amount = dong(100...5_000)
            bankDong += amount
            return EntryDraft(date: date, memo: "Interest", externalRef: reference, lines: [.debit("1121", .vnd(amount)), .credit("515", .vnd(amount))])
        }

        mutating func disbursement(_ date: LedgerDate, _ reference: String) -> EntryDraft {
            let amount = max(1_000, min(bankDong / 8, dong(500...60_000)) / 1000 * 1000)
            bankDong -= amount
            let program = self.program()
            var expense = LineDraft.debit(expenseAccount(program), .vnd(amount), dimensions: Dimensions(program: program, unit: unit()))
            expense.children = Int64.random(in: 1...100, using: &random)
            return EntryDraft(date: date, memo: "Disbursement", externalRef: reference, lines: [expense, .credit("1121", .vnd(amount))])
        }

        func expenseAccount(_ program: String) -> String {
            ["scholarship": "6111", "milk": "6112", "house": "6113", "gift": "6114", "bicycle": "6115",
             "health-insurance": "6116", "emergency": "6117", "counselling": "6118"][program] ?? "6119"
        }
    }
}
