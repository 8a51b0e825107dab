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
/// The model's dong values are its own arithmetic (`RandomBooks.halfEven`), not the
/// library's: USD at 22,750 is cents × 227.5, ties to the even dong.
@Suite struct RandomPostingTests {
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
        try checkBooks(ledger, against: books)
        // Every kind of entry was tried often enough to mean something.
        for kind in DraftKind.allCases {
            #expect(books.tally[kind, default: 0] >= kind.minimumCount, "\(kind) was tried \(books.tally[kind, default: 0]) times")
        }
    }

    private func postBatch(_ batch: [(EntryDraft, Expected)], ledger: Ledger, mismatches: inout Int) throws {
        let results = try ledger.postAllValid(batch.map(\.0), user: "ketoan")
        #expect(results.count == batch.count)
        for (result, (draft, expected)) in zip(results, batch) {
            if !expected.matches(result) {
                mismatches += 1
                Issue.record("\(expected) but got \(result) for \(draft.memo)")
            }
        }
    }

    private func postOne(_ draft: EntryDraft, expected: Expected, ledger: Ledger, path: String, checkFile: Bool, mismatches: inout Int) throws {
        let before = checkFile ? try LedgerFingerprint.of(path) : nil
        let result: Result<PostingOutcome, LedgerError>
        do { result = .success(try ledger.post(draft, user: "ketoan")) } catch let error as LedgerError { result = .failure(error) }
        if !expected.matches(result) {
            mismatches += 1
            Issue.record("\(expected) but got \(result) for \(draft.memo)")
        }
        if let before, case .failure = result {
            #expect(try LedgerFingerprint.of(path) == before, "a refused \(draft.memo) changed the file")
        }
    }

    private func checkBooks(_ ledger: Ledger, against books: RandomBooks) throws {
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
        let report = try ledger.verify()
        #expect(report.isIntact, "\(report.findings.prefix(5))")
        #expect(report.entryCount == books.entryCount)
        #expect(report.lineCount == books.lineCount)
    }
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

    var minimumCount: Int {
        switch self {
        case .largest, .tooManyLines: 2
        case .dongReceipt, .dongSpending: 500
        default: 20
        }
    }
}

/// The model: what each account should hold, and a generator of drafts with their fate.
struct RandomBooks {
    static let closedAccount = "811"
    static let cashAccounts = ["1111", "1121"]
    static let revenueAccounts = ["5111", "5112", "5131", "5132", "5138", "515", "518"]
    static let expenseAccounts = ["6111", "6112", "6113", "6114", "6115", "6116", "6117", "6118", "6119", "6421", "6422", "6428"]
    static let programs = ["scholarship", "milk", "house", "gift", "bicycle", "emergency", "other"]

    var random: RepeatableRandomNumberGenerator
    /// Dong balance per account code, debit positive.
    var balances: [String: Int64] = [:]
    /// The USD balance of 1122, in cents.
    var usdCents: Int64 = 0
    var entryCount: Int64 = 0
    var lineCount: Int64 = 0
    var tally: [DraftKind: Int] = [:]
    /// Posted references: the draft and the entry it became.
    var posted: [(reference: String, draft: EntryDraft, seq: Int64)] = []
    private var referenceCount = 0

    init(seed: UInt64) { random = RepeatableRandomNumberGenerator(seed: seed) }

    // MARK: Randomness

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func int64(_ range: ClosedRange<Int64>) -> Int64 { Int64.random(in: range, using: &random) }
    mutating func chance(_ numerator: Int, in denominator: Int) -> Bool { int(1...denominator) <= numerator }
    mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

    /// An amount of dong of 1 to 10 digits, so small and large amounts both occur.
    mutating func dong() -> Int64 { int64(1...Int64(pow10(int(1...10)))) }
    mutating func date() -> LedgerDate { LedgerDate(year: 2018, month: 1, day: 1)!.adding(days: int(0...364)) }

    func pow10(_ exponent: Int) -> Int64 { (0..<exponent).reduce(1) { result, _ in result * 10 } }

    /// `numerator / denominator` to the nearest integer, ties to even (both positive).
    static func halfEven(_ numerator: Int64, _ denominator: Int64) -> Int64 {
        let quotient = numerator / denominator, remainder = numerator % denominator
        if remainder * 2 > denominator || (remainder * 2 == denominator && quotient % 2 == 1) { return quotient + 1 }
        return quotient
    }

    // MARK: Drafts

    mutating func nextDraft() -> (EntryDraft, Expected) {
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
                                         .duplicateReference, .insufficientFunds, .exchangeDifferenceTooLarge]
            kind = pick(refusals)
        }
        let kindToMake = (kind == .duplicateReference && posted.isEmpty) || (kind == .exchangeDifferenceTooLarge && usdCents < 100) ? .unbalanced : kind
        tally[kindToMake, default: 0] += 1
        return make(kindToMake)
    }

    private mutating func make(_ kind: DraftKind) -> (EntryDraft, Expected) {
        switch kind {
        case .dongReceipt: return accept(dongReceipt(), memo: "dong receipt")
        case .dongSpending: return accept(dongSpending(), memo: "dong spending")
        case .usdReceipt: return accept(usdReceipt(ownRate: false), memo: "usd receipt")
        case .usdOwnRate: return accept(usdReceipt(ownRate: true), memo: "usd receipt at its own rate")
        case .usdConversion: return conversion()
        case .repost:
            let earlier = pick(posted)
            return (earlier.draft, .alreadyPosted(seq: earlier.seq))
        case .largest:
            let lines: [LineDraft] = [.debit("1121", .vnd(Amount.magnitudeMax)), .credit("5111", .vnd(Amount.magnitudeMax))]
            return accept((lines, [("1121", Amount.magnitudeMax), ("5111", -Amount.magnitudeMax)]), memo: "the largest line")
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
        var left = total
        for part in 0..<parts {
            let amount = part == parts - 1 ? left : int64(1...(left - Int64(parts - part - 1)))
            left -= amount
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

    private mutating func dongSpending() -> Planned {
        let cash = pick(RandomBooks.cashAccounts)
        var lines: [LineDraft] = []
        var effects: [(String, Int64)] = []
        var total: Int64 = 0
        for _ in 0..<int(1...4) {
            let amount = dong()
            let expense = pick(RandomBooks.expenseAccounts)
            var line = LineDraft.debit(expense, .vnd(amount))
            if chance(1, in: 2) { line.dimensions.program = pick(RandomBooks.programs) }
            if chance(1, in: 3) { line.dimensions.unit = "TN" }
            if chance(1, in: 3) {
                let children = int64(1...50)
                line.children = children
                let codeCount = int(0...Int(min(children, 4)))
                line.beneficiaryCodes = (0..<codeCount).map { "TN-\(1000 + $0 * 7 + Int(children))" }.shuffled(using: &random)
            }
            lines.append(line)
            effects.append((expense, amount))
            total += amount
        }
        lines.append(.credit(cash, .vnd(total)))
        effects.append((cash, -total))
        return (lines, effects)
    }

    /// A USD receipt into 1122 against foreign-aid revenue, at the table's 22,750 (2018-01-01)
    /// or the line's own 22,790.5 from the bank.
    private mutating func usdReceipt(ownRate: Bool) -> Planned {
        let cents = int64(1...Int64(pow10(int(1...7))))
        let dong = ownRate ? RandomBooks.halfEven(cents * 227_905, 1_000) : RandomBooks.halfEven(cents * 22_750, 100)
        var line = LineDraft.debit("1122", Amount(minorUnits: cents, currency: .usd))
        if ownRate {
            line.rate = Rate(scaledValue: 227_905, scale: 1)
            line.rateSource = "VCB"
            if chance(1, in: 2) { line.dong = dong }
        }
        usdCents += cents
        return ([line, .credit("5121", .vnd(dong))], [("1122", dong), ("5121", -dong)])
    }

    /// USD leaving 1122 at its moving-average book value, against the dong obtained; the
    /// difference within 10 % goes to 413.
    private mutating func conversion() -> (EntryDraft, Expected) {
        let cents = int64(1...usdCents)
        let bookDong = cents == usdCents ? balances["1122", default: 0] : RandomBooks.halfEven(balances["1122", default: 0] * cents, usdCents)
        guard bookDong > 0 else { return accept(dongReceipt(), memo: "dong receipt") }
        let difference = chance(1, in: 3) ? 0 : int64(-(bookDong / 20)...(bookDong / 20))
        let obtained = bookDong + difference
        guard obtained > 0 else { return accept(dongReceipt(), memo: "dong receipt") }
        usdCents -= cents
        var effects: [(String, Int64)] = [("1122", -bookDong), ("1121", obtained)]
        if difference != 0 { effects.append(("413", -difference)) }
        let lines: [LineDraft] = [.credit("1122", Amount(minorUnits: cents, currency: .usd)), .debit("1121", .vnd(obtained))]
        var result = accept((lines, effects), memo: "conversion")
        if difference != 0 { result.1 = .posted(lineCount: 3, fxDong: -difference) }
        return result
    }

    /// Records a valid draft in the model, with a reference one time in three.
    private mutating func accept(_ planned: Planned, memo: String) -> (EntryDraft, Expected) {
        var draft = EntryDraft(date: date(), memo: memo, lines: planned.lines)
        entryCount += 1
        lineCount += Int64(planned.effects.count)
        for (code, amount) in planned.effects { balances[code, default: 0] += amount }
        if chance(1, in: 3) {
            referenceCount += 1
            draft.externalRef = "PT-\(referenceCount)"
            posted.append((draft.externalRef!, draft, entryCount))
        }
        return (draft, .posted(lineCount: planned.effects.count, fxDong: nil))
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
            // Before the first USD rate, or a currency that has none.
            if chance(1, in: 2) {
                date = LedgerDate(year: 2017, month: 12, day: int(1...31))!
                lines = [.debit("1122", Amount(minorUnits: 100, currency: .usd)), .credit("5121", .vnd(2_275))]
            } else {
                lines = [.debit("1121", Amount(minorUnits: 100, currency: Currency.named("EUR")!)), .credit("5121", .vnd(2_600))]
            }
            rule = .missingRate
        case .rateWithoutSource:
            var line = LineDraft.debit("1122", Amount(minorUnits: 100, currency: .usd))
            line.rate = Rate(scaledValue: 22_790, scale: 0)
            lines = [line, .credit("5121", .vnd(22_790))]
            rule = .missingRate
        case .currencyMismatch: lines[0].accountCode = "1122"; rule = .currencyMismatch
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
            lines = [.credit("1122", Amount(minorUnits: usdCents + int64(1...10_000), currency: .usd)), .debit("1121", .vnd(amount))]
            rule = .insufficientFunds
        case .exchangeDifferenceTooLarge:
            // Half the USD at a fifth more dong than its book value.
            let cents = max(usdCents / 2, 1)
            let bookDong = RandomBooks.halfEven(balances["1122", default: 0] * cents, usdCents)
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
