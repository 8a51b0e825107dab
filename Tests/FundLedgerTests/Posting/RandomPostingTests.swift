import Foundation
import Testing
import FundLedger
import LedgerGenerator
import TestSupport

/// A seeded random walk through posting (Sources/FundLedger/Posting/): thousands of valid
/// and invalid entries, posted in small batches and one at a time, against a model of the
/// books kept here. Every valid entry must be accepted with the lines the model predicts,
/// every invalid one refused with the rule it breaks and nothing written; at the end the
/// trial balance equals the model account by account, nets to zero, and the chain verifies.
///
/// Entries are dated anywhere in 2018, in no order, so the rules that hold on every date
/// (docs/posting-rules.md) are exercised by back-dated entries all the time: the model keeps
/// each money account's net change per day and decides from those alone whether a payment
/// leaves every day from its date on covered (`insufficient-funds`), whether a movement on
/// the dollar account comes before one already valued at its average (`valuation-order`),
/// and what dollars leaving are worth on their date.
///
/// The model's dong values are its own arithmetic (`RandomBooks.halfEven`), not the
/// library's: USD at 22,750 is cents × 227.5, ties to the even dong.
@Suite(.tags(.heavy), TestRun.heavy) struct RandomPostingTests {
    static let seeds: [UInt64] = [2018, 1_337]
    static let draftCountPerSeed = 10_000

    @Test(arguments: seeds)
    func randomEntriesKeepTheBooksWhole(seed: UInt64) throws {
        let fixture = try TemporaryLedger()
        let ledger = fixture.ledger
        try ledger.addUnit(code: "TN", name: "Tỉnh Tây Ninh", level: .province, user: "tester")
        try ledger.closeAccount(code: RandomBooks.closedAccount, on: LedgerDate(year: 2018, month: 1, day: 1)!, user: "tester")
        var books = RandomBooks(seed: seed)
        var mismatches = 0
        var drafted = 0
        var singlePosts = 0
        while drafted < RandomPostingTests.draftCountPerSeed {
            // Mostly batches through postAllValid; now and then one entry through post.
            if books.chance(1, in: 40) {
                let (draft, expected) = books.nextDraft()
                try postOne(draft, expected: expected, ledger: ledger, path: fixture.path, checkFile: singlePosts % 10 == 0, mismatches: &mismatches)
                drafted += 1
                singlePosts += 1
            } else {
                let size = books.int(1...60)
                let batch = (0..<size).map { _ in books.nextDraft() }
                try postBatch(batch, ledger: ledger, mismatches: &mismatches)
                drafted += size
            }
            #expect(try ledger.chainHead().seq == books.entryCount, "after \(drafted) drafts")
            if mismatches > 20 { break }
        }
        #expect(mismatches == 0)
        try checkBooks(ledger, against: &books)
        // Every kind of entry was tried often enough to mean something.
        for kind in DraftKind.allCases {
            #expect(books.tally[kind, default: 0] >= kind.minimumCount, "\(kind) was tried \(books.tally[kind, default: 0]) times")
        }
        // The rules about dates were met both ways, often: the test cannot pass by refusing
        // every payment, nor by never dating one where a later day is short.
        for outcome in DatedOutcome.allCases {
            #expect(books.outcomes[outcome, default: 0] >= outcome.minimumCount, "\(outcome.rawValue): \(books.outcomes[outcome, default: 0]) times")
        }
        if Environment.verbose {
            print("seed \(seed): " + DatedOutcome.allCases.map { "\($0.rawValue) \(books.outcomes[$0, default: 0])" }.joined(separator: ", "))
            print("seed \(seed): " + DraftKind.allCases.map { "\($0.rawValue) \(books.tally[$0, default: 0])" }.joined(separator: ", "))
        }
    }

    private func postBatch(_ batch: [(EntryDraft, Expected)], ledger: Ledger, mismatches: inout Int) throws {
        let results = try ledger.postAllValid(batch.map(\.0), user: "ketoan")
        #expect(results.count == batch.count)
        for (result, (draft, expected)) in zip(results, batch) {
            if !expected.matches(result) {
                mismatches += 1
                Issue.record("\(expected) but got \(result) for \(draft.memo) dated \(draft.date)")
            }
        }
    }

    private func postOne(_ draft: EntryDraft, expected: Expected, ledger: Ledger, path: String, checkFile: Bool, mismatches: inout Int) throws {
        let before = checkFile ? try LedgerFingerprint.of(path) : nil
        let result: Result<PostingOutcome, LedgerError>
        do { result = .success(try ledger.post(draft, user: "ketoan")) } catch let error as LedgerError { result = .failure(error) }
        if !expected.matches(result) {
            mismatches += 1
            Issue.record("\(expected) but got \(result) for \(draft.memo) dated \(draft.date)")
        }
        if let before, case .failure = result {
            #expect(try LedgerFingerprint.of(path) == before, "a refused \(draft.memo) changed the file")
        }
    }

    private func checkBooks(_ ledger: Ledger, against books: inout RandomBooks) throws {
        let rows = try ledger.trialBalance(through: LedgerDate.latest)
        #expect(rows.reduce(0) { $0 + $1.debitDong } == rows.reduce(0) { $0 + $1.creditDong })
        #expect(rows.reduce(0) { $0 + $1.balanceDong } == 0)
        let byCode = Dictionary(uniqueKeysWithValues: rows.map { ($0.accountCode, $0) })
        for (code, balance) in books.balances where balance != 0 {
            #expect(byCode[code]?.balanceDong == balance, "account \(code)")
        }
        for row in rows where books.balances[row.accountCode, default: 0] == 0 {
            #expect(row.balanceDong == 0, "account \(row.accountCode) has a balance the model does not")
        }
        #expect(byCode["1122"]?.foreignBalance == books.usdCents)
        #expect(byCode[RandomBooks.closedAccount].map { $0.debitDong == 0 && $0.creditDong == 0 } ?? true)
        // The model itself never lets a money account go below zero on any day.
        for code in RandomBooks.moneyAccounts {
            let lowest = books.moneyDays[code, default: DailyNet()].lowest(from: 0)
            #expect(lowest >= 0, "the model has \(code) at \(lowest) on some day")
        }
        #expect(books.centsDays.lowest(from: 0) >= 0, "the model has 1122 at a negative number of cents on some day")
        // On the last day of each month and on some random days, the ledger's balances of the
        // money accounts through that date are the model's, and never below zero.
        var days = (1...12).map { LedgerDate(year: 2018, month: $0, day: 1)!.lastOfMonth.daysSinceEpoch - RandomBooks.firstDay.daysSinceEpoch }
        days += (0..<20).map { _ in books.int(0...(RandomBooks.dayCount - 1)) }
        for day in days {
            let date = RandomBooks.date(day)
            let rows = Dictionary(uniqueKeysWithValues: try ledger.trialBalance(through: date).map { ($0.accountCode, $0) })
            for code in RandomBooks.moneyAccounts {
                let expected = books.moneyDays[code, default: DailyNet()].closing(day)
                let actual = rows[code]?.balanceDong ?? 0
                #expect(actual == expected, "account \(code) through \(date)")
                #expect(actual >= 0, "account \(code) through \(date) is below zero")
            }
            let cents = rows["1122"]?.foreignBalance ?? 0
            #expect(cents == books.centsDays.closing(day), "account 1122 in USD through \(date)")
            #expect(cents >= 0, "account 1122 in USD through \(date) is below zero")
        }
        let report = try ledger.verify()
        #expect(report.isIntact, "\(report.findings.prefix(5))")
        #expect(report.entryCount == books.entryCount)
        #expect(report.lineCount == books.lineCount)
    }
}

private enum Environment {
    /// `RANDOM_POSTING_VERBOSE=1` prints how often each outcome occurred.
    static let verbose = ProcessInfo.processInfo.environment["RANDOM_POSTING_VERBOSE"] != nil
}

/// What the model expects of one draft.
enum Expected: CustomStringConvertible {
    /// A new entry with this many lines; `fxDong` is the exchange-difference line it gains.
    case posted(lineCount: Int, fxDong: Int64?)
    /// The same reference and content were posted before: entry `seq`, nothing new.
    case alreadyPosted(seq: Int64)
    case refused(LedgerError.Rule)

    func matches(_ result: Result<PostingOutcome, LedgerError>) -> Bool {
        switch (self, result) {
        case (.posted(let count, let fxDong), .success(.posted(let entry))):
            guard entry.lines.count == count else { return false }
            guard let fxDong else { return true }
            return entry.lines.last?.account.code == "413" && entry.lines.last?.amountDong == fxDong
        case (.alreadyPosted(let seq), .success(.alreadyPosted(let entry))): return entry.seq == seq
        case (.refused(let rule), .failure(let error)): return error.rule == rule
        default: return false
        }
    }

    var description: String {
        switch self {
        case .posted(let count, let fxDong): "posted with \(count) lines" + (fxDong.map { ", 413 at \($0)" } ?? "")
        case .alreadyPosted(let seq): "already posted as \(seq)"
        case .refused(let rule): "refused by \(rule.rawValue)"
        }
    }
}

enum DraftKind: String, CaseIterable {
    case dongReceipt, dongSpending, usdReceipt, usdOwnRate, usdConversion, repost, largest
    case unbalanced, oneLine, noLines, unknownAccount, closedAccount, headingAccount, missingRate, rateWithoutSource
    case currencyMismatch, zeroAmount, negativeAmount, overflow, rateMismatch, rateOnDong, memoControl, referenceTooLong
    case unknownDimension, childrenOnCredit, duplicateReference, insufficientFunds, exchangeDifferenceTooLarge, tooManyLines
    case programOnWrongAccount, foreignOnDongAccount

    var minimumCount: Int {
        switch self {
        case .largest, .tooManyLines: 2
        case .dongReceipt, .dongSpending: 500
        default: 20
        }
    }
}

/// What became of the drafts whose fate depends on dates: counted so the test cannot pass
/// with one side of a rule never met.
enum DatedOutcome: String, CaseIterable {
    /// A payment from 1111 or 1121 covered on its date and every later day.
    case spendingPosted = "spending posted"
    /// …posted with a movement on the same account dated after it (a back-dated payment).
    case spendingPostedBackDated = "back-dated spending posted"
    /// A payment more than the account holds at the end of its own date.
    case spendingShortOnItsDate = "spending short on its date"
    /// A payment covered on its date but not on a later day with a movement.
    case spendingShortOnALaterDate = "spending short on a later date"
    case usdReceiptPosted = "usd receipt posted"
    /// A dollar receipt dated before dollars already left 1122 at their average.
    case usdReceiptBeforeValuation = "usd receipt before a valuation"
    case conversionPosted = "conversion posted"
    /// A conversion dated before dollars received later (valued without them).
    case conversionBeforeLaterReceipts = "conversion before later receipts"
    /// Several valuations on one day, valued in posting order.
    case conversionOnAValuedDay = "conversion on a day already valued"
    case conversionBeforeValuation = "conversion before a valuation"
    case conversionShort = "conversion short on its date"

    var minimumCount: Int {
        switch self {
        case .spendingPosted: 300
        case .spendingPostedBackDated: 100
        case .spendingShortOnItsDate, .spendingShortOnALaterDate: 10
        case .usdReceiptPosted, .conversionPosted: 100
        default: 5
        }
    }
}

/// A quantity's net change on each day of 2018 (index 0 is 1 January).
struct DailyNet {
    var net = [Int64](repeating: 0, count: RandomBooks.dayCount)

    /// The balance at the end of `day`.
    func closing(_ day: Int) -> Int64 { net[0...day].reduce(0, +) }

    /// The lowest closing balance of `day` and every later day: what may leave on `day`.
    func lowest(from day: Int) -> Int64 {
        var balance = closing(day)
        var lowest = balance
        for later in (day + 1)..<RandomBooks.dayCount {
            balance += net[later]
            lowest = min(lowest, balance)
        }
        return lowest
    }

    /// Whether a day after `day` has a change.
    func movesAfter(_ day: Int) -> Bool { net[(day + 1)...].contains { $0 != 0 } }

    var total: Int64 { net.reduce(0, +) }
}

/// The model: what each account should hold, and a generator of drafts with their fate.
struct RandomBooks {
    static let closedAccount = "811"
    static let cashAccounts = ["1111", "1121"]
    /// The money accounts the model moves: both dong accounts and the dollar bank account.
    static let moneyAccounts = ["1111", "1121", "1122"]
    static let revenueAccounts = ["5111", "5112", "5131", "5132", "5138", "515", "518"]
    static let expenseAccounts = ["6111", "6112", "6113", "6114", "6115", "6116", "6117", "6118", "6119", "6421", "6422", "6428"]
    /// The standard programs by their expense account (StandardRegistries); the management
    /// accounts 642x belong to none.
    static let programsByAccount: [String: [String]] = [
        "6111": ["scholarship"], "6112": ["milk"], "6113": ["house"], "6114": ["gift"], "6115": ["bicycle"],
        "6116": ["health-insurance"], "6117": ["emergency"], "6118": ["counselling", "swimming"], "6119": ["other"],
    ]
    static let programs = ["scholarship", "milk", "house", "gift", "bicycle", "health-insurance", "emergency", "counselling", "swimming", "other"]
    static let firstDay = LedgerDate(year: 2018, month: 1, day: 1)!
    static let dayCount = 365
    static func date(_ day: Int) -> LedgerDate { firstDay.adding(days: day) }

    var random: RepeatableRandomNumberGenerator
    /// Dong balance per account code, debit positive.
    var balances: [String: Int64] = [:]
    /// The dong each money account (`moneyAccounts`) changes by per day.
    var moneyDays: [String: DailyNet] = [:]
    /// The cents 1122 changes by per day.
    var centsDays = DailyNet()
    /// The last day with dollars leaving 1122 at their average, if any.
    var lastValuationDay: Int?
    /// The journal's extent in dong: the sum of every line's magnitude.
    var extentDong: Int64 = 0
    var entryCount: Int64 = 0
    var lineCount: Int64 = 0
    var tally: [DraftKind: Int] = [:]
    var outcomes: [DatedOutcome: Int] = [:]
    /// Posted references: the draft and the entry it became.
    var posted: [(reference: String, draft: EntryDraft, seq: Int64)] = []
    private var referenceCount = 0
    private var draftCount = 0

    init(seed: UInt64) { random = RepeatableRandomNumberGenerator(seed: seed) }

    /// The USD balance of 1122, in cents.
    var usdCents: Int64 { centsDays.total }

    // MARK: Randomness

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func int64(_ range: ClosedRange<Int64>) -> Int64 { Int64.random(in: range, using: &random) }
    mutating func chance(_ numerator: Int, in denominator: Int) -> Bool { int(1...denominator) <= numerator }
    mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

    /// An amount of dong of 1 to 10 digits, so small and large amounts both occur.
    mutating func dong() -> Int64 { int64(1...Int64(pow10(int(1...10)))) }
    mutating func day() -> Int { int(0...(RandomBooks.dayCount - 1)) }
    mutating func date() -> LedgerDate { RandomBooks.date(day()) }

    func pow10(_ exponent: Int) -> Int64 { (0..<exponent).reduce(1) { result, _ in result * 10 } }

    /// `numerator / denominator` to the nearest integer, ties to even (both positive).
    static func halfEven(_ numerator: Int64, _ denominator: Int64) -> Int64 {
        Int64(halfEven(Int128(numerator), Int128(denominator)))
    }

    static func halfEven(_ numerator: Int128, _ denominator: Int128) -> Int128 {
        let quotient = numerator / denominator, remainder = numerator % denominator
        if remainder * 2 > denominator || (remainder * 2 == denominator && quotient % 2 == 1) { return quotient + 1 }
        return quotient
    }

    /// `total` in `parts` positive amounts, in random shares (`parts` ≤ `total`).
    mutating func split(_ total: Int64, into parts: Int) -> [Int64] {
        var left = total
        return (0..<parts).map { part in
            let amount = part == parts - 1 ? left : int64(1...(left - Int64(parts - part - 1)))
            left -= amount
            return amount
        }
    }

    /// The dong the money account `code` holds at the end of `day`, and the least it holds
    /// at the end of `day` or any later day.
    func available(_ code: String, on day: Int) -> (closing: Int64, lowest: Int64) {
        let days = moneyDays[code, default: DailyNet()]
        return (days.closing(day), days.lowest(from: day))
    }

    /// The day the progress through the drafts stands for: conversions are dated around it,
    /// so the dollar account's valuations move through the year rather than jump to its end.
    private var clockDay: Int { min(RandomBooks.dayCount - 1, draftCount * RandomBooks.dayCount / RandomPostingTests.draftCountPerSeed) }

    // MARK: Drafts

    mutating func nextDraft() -> (EntryDraft, Expected) {
        draftCount += 1
        let roll = int(1...1000)
        let kind: DraftKind
        switch roll {
        case 1...230: kind = .dongReceipt
        case 231...420: kind = .dongSpending
        case 421...500: kind = .usdReceipt
        case 501...530: kind = .usdOwnRate
        case 531...590: kind = usdCents > 0 ? .usdConversion : .usdReceipt
        case 591...610: kind = posted.isEmpty ? .dongReceipt : .repost
        case 611: kind = chance(1, in: 3) ? .largest : .dongReceipt
        case 612: kind = chance(1, in: 3) ? .tooManyLines : .unbalanced
        default:
            let refusals: [DraftKind] = [.unbalanced, .oneLine, .noLines, .unknownAccount, .closedAccount, .headingAccount, .missingRate,
                                         .rateWithoutSource, .currencyMismatch, .zeroAmount, .negativeAmount, .overflow, .rateMismatch,
                                         .rateOnDong, .memoControl, .referenceTooLong, .unknownDimension, .childrenOnCredit,
                                         .duplicateReference, .insufficientFunds, .exchangeDifferenceTooLarge, .programOnWrongAccount,
                                         .foreignOnDongAccount]
            kind = pick(refusals)
        }
        let kindToMake = (kind == .duplicateReference && posted.isEmpty) || (kind == .exchangeDifferenceTooLarge && usdCents < 100) ? .unbalanced : kind
        tally[kindToMake, default: 0] += 1
        return make(kindToMake)
    }

    private mutating func make(_ kind: DraftKind) -> (EntryDraft, Expected) {
        switch kind {
        case .dongReceipt: return accept(dongReceipt(), memo: "dong receipt", day: day())
        case .dongSpending: return dongSpending()
        case .usdReceipt: return usdReceipt(ownRate: false)
        case .usdOwnRate: return usdReceipt(ownRate: true)
        case .usdConversion: return conversion()
        case .repost:
            let earlier = pick(posted)
            return (earlier.draft, .alreadyPosted(seq: earlier.seq))
        case .largest:
            let lines: [LineDraft] = [.debit("1121", .vnd(Amount.magnitudeMax)), .credit("5111", .vnd(Amount.magnitudeMax))]
            return accept((lines, [("1121", Amount.magnitudeMax), ("5111", -Amount.magnitudeMax)]), memo: "the largest line", day: day())
        default: return refusal(kind)
        }
    }

    /// Lines, and the dong each moves on each account.
    typealias Planned = (lines: [LineDraft], effects: [(String, Int64)])

    private mutating func dongReceipt() -> Planned {
        let total = dong()
        let cash = pick(RandomBooks.cashAccounts)
        var lines: [LineDraft] = [.debit(cash, .vnd(total))]
        var effects: [(String, Int64)] = [(cash, total)]
        let parts = total >= 3 ? int(1...3) : 1
        for (part, amount) in split(total, into: parts).enumerated() {
            let revenue = pick(RandomBooks.revenueAccounts)
            var line = LineDraft.credit(revenue, .vnd(amount))
            if chance(1, in: 4) { line.dimensions.unit = "TN" }
            if chance(1, in: 5) { line.memo = "phần \(part + 1)" }
            lines.append(line)
            effects.append((revenue, -amount))
        }
        if chance(1, in: 2) { lines.reverse() }
        return (lines, effects)
    }

    /// A payment from 1111 or 1121 on a random date, on one to four expense lines, each naming
    /// its own program or none. It posts when the account holds the total at the end of its
    /// date and of every later date; otherwise it is refused and the model is not touched.
    ///
    /// Most payments are sized to what the account holds from their date on (so most post,
    /// back-dated or not); some are drawn blind, and some are sized between what the account
    /// holds on their date and the least it holds later, which only a later date refuses.
    private mutating func dongSpending() -> (EntryDraft, Expected) {
        let cash = pick(RandomBooks.cashAccounts)
        let day = day()
        let (closing, lowest) = available(cash, on: day)
        var amounts = (0..<int(1...4)).map { _ in dong() }
        let total = amounts.reduce(0, +)
        switch int(1...8) {
        case 1...5 where total > lowest && lowest >= 1:
            // Sized to what is there on every date from `day` on (never more than drawn).
            let target = int64(1...lowest)
            amounts = split(target, into: Int(min(Int64(amounts.count), target)))
        case 6 where closing > lowest && lowest >= 0 && lowest < Amount.magnitudeMax:
            // Covered on its date, short on a later one.
            let target = int64((lowest + 1)...min(closing, Amount.magnitudeMax))
            amounts = split(target, into: Int(min(Int64(amounts.count), target)))
        default:
            break
        }
        var lines: [LineDraft] = []
        var effects: [(String, Int64)] = []
        for amount in amounts {
            let expense = pick(RandomBooks.expenseAccounts)
            var line = LineDraft.debit(expense, .vnd(amount))
            if let programs = RandomBooks.programsByAccount[expense], chance(1, in: 2) { line.dimensions.program = pick(programs) }
            if chance(1, in: 3) { line.dimensions.unit = "TN" }
            if chance(1, in: 3) {
                let children = int64(1...50)
                line.children = children
                let codeCount = int(0...Int(min(children, 4)))
                line.beneficiaryCodes = (0..<codeCount).map { "TN-\(1000 + $0 * 7 + Int(children))" }.shuffled(using: &random)
            }
            lines.append(line)
            effects.append((expense, amount))
        }
        let paid = amounts.reduce(0, +)
        lines.append(.credit(cash, .vnd(paid)))
        effects.append((cash, -paid))
        guard paid <= lowest else {
            outcomes[paid <= closing ? .spendingShortOnALaterDate : .spendingShortOnItsDate, default: 0] += 1
            return refuse(lines, memo: "dong spending of \(paid) from \(cash), which holds \(closing) on its date and at least \(lowest) later",
                          day: day, rule: .insufficientFunds)
        }
        outcomes[.spendingPosted, default: 0] += 1
        if moneyDays[cash, default: DailyNet()].movesAfter(day) { outcomes[.spendingPostedBackDated, default: 0] += 1 }
        return accept((lines, effects), memo: "dong spending", day: day)
    }

    /// A USD receipt into 1122 against foreign-aid revenue, at the table's 22,750 (2018-01-01)
    /// or the line's own 22,790.5 from the bank. Mostly dated on or after the last day dollars
    /// left 1122; one in four anywhere in the year, refused when before that day.
    private mutating func usdReceipt(ownRate: Bool) -> (EntryDraft, Expected) {
        let cents = int64(1...Int64(pow10(int(1...7))))
        let dong = ownRate ? RandomBooks.halfEven(cents * 227_905, 1_000) : RandomBooks.halfEven(cents * 22_750, 100)
        var line = LineDraft.debit("1122", Amount(minorUnits: cents, currency: .usd))
        if ownRate {
            line.rate = Rate(scaledValue: 227_905, scale: 1)
            line.rateSource = "VCB"
            if chance(1, in: 2) { line.dong = dong }
        }
        let valued = lastValuationDay ?? 0
        let day = chance(1, in: 4) ? day() : int(valued...(RandomBooks.dayCount - 1))
        let lines = [line, LineDraft.credit("5121", .vnd(dong))]
        let memo = ownRate ? "usd receipt at its own rate" : "usd receipt"
        if let lastValuationDay, lastValuationDay > day {
            outcomes[.usdReceiptBeforeValuation, default: 0] += 1
            return refuse(lines, memo: "\(memo) before the valuation of \(RandomBooks.date(lastValuationDay))", day: day, rule: .valuationOrder)
        }
        outcomes[.usdReceiptPosted, default: 0] += 1
        return accept((lines, [("1122", dong), ("5121", -dong)]), memo: memo, day: day, cents: cents)
    }

    /// USD leaving 1122 at its moving-average book value on its date (the dong 1122 holds at
    /// the end of that day × the share of its cents that leaves), against the dong obtained;
    /// the difference within 10 % goes to 413.
    ///
    /// Mostly dated around the clock and not before the last valuation; one in five on or
    /// before that valuation, refused when strictly before it.
    private mutating func conversion() -> (EntryDraft, Expected) {
        let valued = lastValuationDay ?? 0
        let day: Int
        if chance(1, in: 5) {
            day = int(0...valued)
        } else {
            let low = max(valued, clockDay - 15)
            day = int(low...max(low, min(RandomBooks.dayCount - 1, clockDay + 5)))
        }
        let centsOnDay = centsDays.closing(day)
        let dongOnDay = moneyDays["1122", default: DailyNet()].closing(day)
        // Steps 9 (valuation on the date), 10 (balance), 12 (valuation order), in that order.
        guard centsOnDay > 0, !chance(1, in: 20) else {
            let cents = centsOnDay + int64(1...10_000)
            outcomes[.conversionShort, default: 0] += 1
            let lines: [LineDraft] = [.credit("1122", Amount(minorUnits: cents, currency: .usd)), .debit("1121", .vnd(int64(1...RandomBooks.halfEven(cents * 22_750, 100))))]
            return refuse(lines, memo: "conversion of \(cents) cents when 1122 holds \(centsOnDay)", day: day, rule: .insufficientFunds)
        }
        let cents = int64(1...centsOnDay)
        let bookDong = cents == centsOnDay ? dongOnDay : Int64(RandomBooks.halfEven(Int128(dongOnDay) * Int128(cents), Int128(centsOnDay)))
        guard bookDong > 0 else { return accept(dongReceipt(), memo: "dong receipt", day: self.day()) }
        let difference = chance(1, in: 3) ? 0 : int64(-(bookDong / 20)...(bookDong / 20))
        let obtained = bookDong + difference
        guard obtained > 0 else { return accept(dongReceipt(), memo: "dong receipt", day: self.day()) }
        let lines: [LineDraft] = [.credit("1122", Amount(minorUnits: cents, currency: .usd)), .debit("1121", .vnd(obtained))]
        if let lastValuationDay, lastValuationDay > day {
            outcomes[.conversionBeforeValuation, default: 0] += 1
            return refuse(lines, memo: "conversion before the valuation of \(RandomBooks.date(lastValuationDay))", day: day, rule: .valuationOrder)
        }
        outcomes[.conversionPosted, default: 0] += 1
        if centsDays.movesAfter(day) { outcomes[.conversionBeforeLaterReceipts, default: 0] += 1 }
        if lastValuationDay == day { outcomes[.conversionOnAValuedDay, default: 0] += 1 }
        var effects: [(String, Int64)] = [("1122", -bookDong), ("1121", obtained)]
        if difference != 0 { effects.append(("413", -difference)) }
        var result = accept((lines, effects), memo: "conversion of \(cents) cents at \(bookDong)", day: day, cents: -cents)
        guard case .posted = result.1 else { return result }
        lastValuationDay = max(lastValuationDay ?? day, day)
        if difference != 0 { result.1 = .posted(lineCount: 3, fxDong: -difference) }
        return result
    }

    /// Records a valid draft dated `day` in the model, with a reference one time in three;
    /// `cents` is what it moves on 1122 in USD.
    private mutating func accept(_ planned: Planned, memo: String, day: Int, cents: Int64 = 0) -> (EntryDraft, Expected) {
        var draft = EntryDraft(date: RandomBooks.date(day), memo: memo, lines: planned.lines)
        // Rule 14: the journal's extent stays within 10^18 dong.
        let extent = planned.effects.reduce(Int64(0)) { $0 + abs($1.1) }
        guard extentDong <= 1_000_000_000_000_000_000 - extent else { return (draft, .refused(.overflow)) }
        extentDong += extent
        entryCount += 1
        lineCount += Int64(planned.effects.count)
        for (code, amount) in planned.effects {
            balances[code, default: 0] += amount
            if RandomBooks.moneyAccounts.contains(code) { moneyDays[code, default: DailyNet()].net[day] += amount }
        }
        centsDays.net[day] += cents
        if chance(1, in: 3) {
            referenceCount += 1
            draft.externalRef = "PT-\(referenceCount)"
            posted.append((draft.externalRef!, draft, entryCount))
        }
        return (draft, .posted(lineCount: planned.effects.count, fxDong: nil))
    }

    /// A draft dated `day` the model expects refused by `rule`; the model is not touched.
    private func refuse(_ lines: [LineDraft], memo: String, day: Int, rule: LedgerError.Rule) -> (EntryDraft, Expected) {
        (EntryDraft(date: RandomBooks.date(day), memo: memo, lines: lines), .refused(rule))
    }

    // MARK: Refusals

    /// A draft that breaks exactly one rule; the model is not touched.
    private mutating func refusal(_ kind: DraftKind) -> (EntryDraft, Expected) {
        let amount = dong()
        let good: [LineDraft] = [.debit("1121", .vnd(amount)), .credit("5132", .vnd(amount))]
        var lines = good
        var memo = "refused: \(kind.rawValue)"
        var date = date()
        var reference: String?
        let rule: LedgerError.Rule
        switch kind {
        case .unbalanced:
            lines[1].amount = .vnd(amount + int64(1...1_000))
            rule = .unbalanced
        case .oneLine: lines = [good[int(0...1)]]; rule = .tooFewLines
        case .noLines: lines = []; rule = .tooFewLines
        case .unknownAccount: lines[int(0...1)].accountCode = pick(["9999", "1123", "61111", "", "abc"]); rule = .unknownAccount
        case .closedAccount: lines[0].accountCode = RandomBooks.closedAccount; rule = .closedAccount
        case .headingAccount: lines[int(0...1)].accountCode = pick(["111", "112", "511", "611", "642"]); rule = .headerAccount
        case .missingRate:
            // Before the first USD rate, or a currency that has none (on a revenue line: a
            // dong account would refuse it as currency-mismatch first).
            if chance(1, in: 2) {
                date = LedgerDate(year: 2017, month: 12, day: int(1...31))!
                lines = [.debit("1122", Amount(minorUnits: 100, currency: .usd)), .credit("5121", .vnd(2_275))]
            } else {
                lines = [.debit("1121", .vnd(2_600)), .credit("5121", Amount(minorUnits: 100, currency: Currency.named("EUR")!))]
            }
            rule = .missingRate
        case .rateWithoutSource:
            var line = LineDraft.debit("1122", Amount(minorUnits: 100, currency: .usd))
            line.rate = Rate(scaledValue: 22_790, scale: 0)
            lines = [line, .credit("5121", .vnd(22_790))]
            rule = .missingRate
        case .currencyMismatch: lines[0].accountCode = "1122"; rule = .currencyMismatch
        case .foreignOnDongAccount:
            // Dollars on a dong cash or bank account, at the table rate.
            let cents = pick([1_000, int64(1...10_000_000)])
            lines = [.debit(pick(RandomBooks.cashAccounts), Amount(minorUnits: cents, currency: .usd)), .credit("5132", .vnd(RandomBooks.halfEven(cents * 22_750, 100)))]
            if chance(1, in: 2) { lines.reverse() }
            rule = .currencyMismatch
        case .programOnWrongAccount:
            // A payment naming a program on an expense account that is not that program's
            // (or on a management account, which belongs to no program), even when the money
            // would not be there: the line is refused before the date is looked at.
            let expense = pick(RandomBooks.expenseAccounts)
            let own = RandomBooks.programsByAccount[expense] ?? []
            var line = LineDraft.debit(expense, .vnd(amount))
            line.dimensions.program = pick(RandomBooks.programs.filter { !own.contains($0) })
            lines = [line, .credit(pick(RandomBooks.cashAccounts), .vnd(amount))]
            if chance(1, in: 2) { lines.reverse() }
            rule = .invalidAccount
        case .zeroAmount: lines[int(0...1)].amount = .vnd(0); rule = .invalidAmount
        case .negativeAmount: lines = [.debit("1121", .vnd(-amount)), .credit("5132", .vnd(-amount))]; rule = .invalidAmount
        case .overflow:
            lines = [.debit("1121", .vnd(Amount.magnitudeMax + int64(1...1_000))), .credit("5132", .vnd(Amount.magnitudeMax))]
            rule = .overflow
        case .rateMismatch:
            var line = LineDraft.debit("1122", Amount(minorUnits: 100, currency: .usd))
            line.dong = 22_751
            lines = [line, .credit("5121", .vnd(22_751))]
            rule = .rateMismatch
        case .rateOnDong:
            lines[0].rate = Rate(scaledValue: 1, scale: 0)
            lines[0].rateSource = "SBV"
            rule = .invalidRate
        case .memoControl: memo = pick(["two\nlines", "tab\there", "bell\u{7}"]); rule = .invalidText
        case .referenceTooLong: reference = String(repeating: "R", count: 101); rule = .invalidText
        case .unknownDimension:
            lines[int(0...1)].dimensions = pick([Dimensions(program: "no-such-program"), Dimensions(unit: "HN"), Dimensions(funder: "NOBODY"), Dimensions(grant: "G-0")])
            rule = .unknownDimension
        case .childrenOnCredit: lines[1].children = 5; rule = .invalidInput
        case .duplicateReference:
            // An existing reference with other content: another amount.
            reference = pick(posted).reference
            lines = [.debit("1121", .vnd(amount)), .credit("5138", .vnd(amount))]
            rule = .duplicateReference
        case .insufficientFunds:
            let day = day()
            date = RandomBooks.date(day)
            let cash = pick(RandomBooks.cashAccounts)
            let lowest = available(cash, on: day).lowest
            if chance(1, in: 2) && lowest < Amount.magnitudeMax - 1_000 {
                // More dong than the account holds on some day from the payment's date on
                // (step 13).
                let paid = lowest + int64(1...1_000)
                lines = [.debit(pick(["6421", "6422", "6428"]), .vnd(paid)), .credit(cash, .vnd(paid))]
            } else {
                // More dollars than 1122 holds at the end of the date: refused while valuing
                // them (step 9), before the entry is found unbalanced (step 10).
                lines = [.credit("1122", Amount(minorUnits: centsDays.closing(day) + int64(1...10_000), currency: .usd)), .debit("1121", .vnd(amount))]
            }
            rule = .insufficientFunds
        case .exchangeDifferenceTooLarge:
            // Half the USD 1122 holds on the date at a fifth more dong than its book value
            // that day (step 10, before the date's valuation order, step 12).
            var day = day()
            if centsDays.closing(day) < 100 { day = RandomBooks.dayCount - 1 }
            date = RandomBooks.date(day)
            let centsOnDay = centsDays.closing(day)
            let cents = centsOnDay / 2
            let bookDong = Int64(RandomBooks.halfEven(Int128(moneyDays["1122", default: DailyNet()].closing(day)) * Int128(cents), Int128(centsOnDay)))
            lines = [.credit("1122", Amount(minorUnits: cents, currency: .usd)), .debit("1121", .vnd(bookDong + bookDong / 5 + 1))]
            rule = .unbalanced
        case .tooManyLines:
            lines = (0..<(EntryDraft.lineCountMax + 1)).map { $0 % 2 == 0 ? .debit("1121", .vnd(1)) : .credit("5132", .vnd(1)) }
            rule = .tooManyLines
        default: preconditionFailure("\(kind) is not a refusal")
        }
        return (EntryDraft(date: date, memo: memo, externalRef: reference, lines: lines), .refused(rule))
    }
}
