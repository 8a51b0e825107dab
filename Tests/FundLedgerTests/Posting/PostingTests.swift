import Testing
import FundLedger
import TestSupport

/// Posting through the library (Sources/FundLedger/Posting/): batches, idempotent references,
/// the line rules the command-line tests do not reach, and reversals. Every refusal is shown
/// with its rule and message, and with the file unchanged (`LedgerFingerprint`).
@Suite struct PostingTests {
    private static let june = LedgerDate(year: 2018, month: 6, day: 1)!

    private func entry(_ dong: Int64, debit: String = "1121", credit: String = "5132", memo: String = "gift",
                       reference: String? = nil, date: LedgerDate = PostingTests.june) -> EntryDraft {
        EntryDraft(date: date, memo: memo, externalRef: reference, lines: [.debit(debit, .vnd(dong)), .credit(credit, .vnd(dong))])
    }

    /// Runs `body`, which must be refused by `rule` with a message containing `mentions`, and
    /// checks that the file did not change.
    @discardableResult
    private func expectRefusal(_ fixture: TemporaryLedger, _ rule: LedgerError.Rule, mentions: [String] = [],
                               sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) throws -> LedgerError {
        let before = try LedgerFingerprint.of(fixture.path)
        let error = try #require(throws: LedgerError.self, sourceLocation: sourceLocation) { try body() }
        #expect(error.rule == rule, "\(error)", sourceLocation: sourceLocation)
        for text in mentions { #expect(error.message.contains(text), "“\(error.message)” should mention \(text)", sourceLocation: sourceLocation) }
        #expect(try LedgerFingerprint.of(fixture.path) == before, "a refusal changed the file", sourceLocation: sourceLocation)
        return error
    }

    private func head(_ fixture: TemporaryLedger) throws -> Int64 { try fixture.ledger.chainHead().seq }

    // MARK: What a posted entry holds

    @Test func postedEntryRecordsWhoWhenAndSignedLines() throws {
        let fixture = try TemporaryLedger()
        let before = Timestamp.now()
        var draft = entry(1_500_000)
        draft.lines[1].memo = "Chị Lan"
        let posted = try #require(try fixture.ledger.post(draft, user: "kế toán").entry)
        #expect(posted.seq == 1)
        #expect(posted.postedBy == "kế toán")
        #expect(posted.postedAt >= before && posted.postedAt <= Timestamp.now())
        #expect(posted.lines.map(\.amountDong) == [1_500_000, -1_500_000])
        #expect(posted.lines.map(\.account.code) == ["1121", "5132"])
        #expect(posted.lines.map(\.lineNumber) == [1, 2])
        #expect(posted.lines.map(\.memo) == [nil, "Chị Lan"])
        #expect(posted.lines.map(\.side) == [.debit, .credit])
        #expect(posted.totalDebitDong == 1_500_000)
        // An empty line memo is refused rather than stored (leave it out instead).
        var empty = draft
        empty.lines[0].memo = ""
        try expectRefusal(fixture, .invalidText, mentions: ["line 1: the line memo is empty"]) { try fixture.ledger.post(empty, user: "u") }
        // What is read back is what was written, hash included.
        #expect(try fixture.ledger.entry(seq: 1) == posted)
        #expect(try fixture.ledger.chainHead().hash == posted.hash)
    }

    @Test func aThousandLinesAreAcceptedAThousandAndOneAreNot() throws {
        let fixture = try TemporaryLedger()
        let lines = (0..<EntryDraft.lineCountMax).map { $0 % 2 == 0 ? LineDraft.debit("1121", .vnd(7)) : .credit("5132", .vnd(7)) }
        #expect(try fixture.ledger.post(EntryDraft(date: PostingTests.june, memo: "many", lines: lines), user: "u").entry?.lines.count == 1000)
        try expectRefusal(fixture, .tooManyLines, mentions: ["at most 1000 lines", "1001"]) {
            try fixture.ledger.post(EntryDraft(date: PostingTests.june, memo: "too many", lines: lines + [.debit("1121", .vnd(0))]), user: "u")
        }
    }

    @Test func entryWithNoLinesIsRefused() throws {
        let fixture = try TemporaryLedger()
        try expectRefusal(fixture, .tooFewLines, mentions: ["this one has 0"]) {
            try fixture.ledger.post(EntryDraft(date: PostingTests.june, memo: "empty", lines: []), user: "u")
        }
    }

    @Test func refusedUserNamesWriteNothing() throws {
        let fixture = try TemporaryLedger()
        for user in ["", "two\nlines", String(repeating: "u", count: 101)] {
            try expectRefusal(fixture, .invalidText, mentions: ["user name"]) { try fixture.ledger.post(entry(100), user: user) }
        }
    }

    /// A line names its position when it is refused, so a long entry can be corrected.
    @Test func lineRefusalsNameTheLine() throws {
        let fixture = try TemporaryLedger()
        var draft = entry(100)
        draft.lines.append(.debit("9999", .vnd(1)))
        let error = try expectRefusal(fixture, .unknownAccount) { try fixture.ledger.post(draft, user: "u") }
        #expect(error.message == "line 3: there is no account 9999 in the chart")
    }

    @Test func headingAccountRefusalListsItsOpenSubAccounts() throws {
        let fixture = try TemporaryLedger()
        let error = try expectRefusal(fixture, .headerAccount, mentions: ["account 111", "heading"]) {
            try fixture.ledger.post(entry(100, debit: "111"), user: "u")
        }
        #expect(error.hint == "post to one of its sub-accounts: 1111, 1112")
    }

    @Test func unknownDimensionsAreRefused() throws {
        let fixture = try TemporaryLedger()
        let cases: [(Dimensions, String)] = [(Dimensions(program: "flying"), "program 'flying'"), (Dimensions(unit: "HN"), "unit 'HN'"),
                                             (Dimensions(funder: "ACME"), "funder 'ACME'"), (Dimensions(grant: "G-1"), "grant 'G-1'")]
        for (dimensions, mention) in cases {
            var draft = entry(100)
            draft.lines[0].dimensions = dimensions
            try expectRefusal(fixture, .unknownDimension, mentions: [mention]) { try fixture.ledger.post(draft, user: "u") }
        }
    }

    // MARK: Beneficiary codes and child-instances

    private func spending(children: Int64?, codes: [String], side: Side = .debit) -> EntryDraft {
        var line = LineDraft(accountCode: "6111", side: .debit, amount: .vnd(3_000_000), dimensions: Dimensions(program: "scholarship"))
        var other = LineDraft.credit("1121", .vnd(3_000_000))
        if side == .debit {
            line.children = children
            line.beneficiaryCodes = codes
        } else {
            other.children = children
            other.beneficiaryCodes = codes
        }
        return EntryDraft(date: PostingTests.june, memo: "học bổng", lines: [line, other])
    }

    @Test func beneficiaryCodesAreSortedAndNeverInTheRefusal() throws {
        let fixture = try TemporaryLedger()
        try fixture.ledger.post(entry(10_000_000), user: "u")   // the dong the scholarships are paid from
        let posted = try #require(try fixture.ledger.post(spending(children: 3, codes: ["TN-9", "TN-1", "TN-5"]), user: "u").entry)
        #expect(posted.lines[0].beneficiaryCodes == ["TN-1", "TN-5", "TN-9"])
        #expect(posted.lines[0].children == 3)
        // A malformed code is refused without being quoted: it identifies a child.
        let secret = "Nguyễn Văn A"
        let error = try expectRefusal(fixture, .invalidText, mentions: ["beneficiary code"]) {
            try fixture.ledger.post(spending(children: 2, codes: ["TN-1", secret]), user: "u")
        }
        #expect(!error.description.contains(secret) && !error.description.contains("Nguy"))
    }

    @Test(arguments: [
        (Int64?.none, ["TN-1"], Side.debit, "without a number of child-instances"),
        (2, ["TN-1", "TN-1"], .debit, "appears twice"),
        (1, ["TN-1", "TN-2"], .debit, "2 beneficiary codes for 1 child-instances"),
        (0, [], .debit, "not between 1 and 10,000,000"),
        (10_000_001, [], .debit, "not between 1 and 10,000,000"),
        (-5, [], .debit, "not between 1 and 10,000,000"),
        (5, [], .credit, "go on the spending (debit) line"),
    ])
    func childInstanceRefusals(children: Int64?, codes: [String], side: Side, mention: String) throws {
        let fixture = try TemporaryLedger()
        let error = try expectRefusal(fixture, .invalidInput, mentions: [mention]) {
            try fixture.ledger.post(spending(children: children, codes: codes, side: side), user: "u")
        }
        for code in codes { #expect(!error.description.contains(code)) }
    }

    // MARK: Batches

    @Test func aBatchIsAllOrNothingAndNamesTheEntryRefused() throws {
        let fixture = try TemporaryLedger()
        try fixture.ledger.post(entry(10))
        let batch = [entry(1_000, reference: "B-1"), entry(2_000, debit: "9999"), entry(3_000)]
        let error = try expectRefusal(fixture, .unknownAccount) { _ = try fixture.ledger.post(batch, user: "u") }
        #expect(error.message == "entry 2 of 3: line 1: there is no account 9999 in the chart")
        #expect(try fixture.ledger.entry(externalRef: "B-1") == nil)
        #expect(try head(fixture) == 1)
        // The same batch without its bad entry posts whole, in order.
        let outcomes = try fixture.ledger.post([batch[0], batch[2]], user: "u")
        #expect(outcomes.compactMap(\.entry?.seq) == [2, 3])
        #expect(try fixture.ledger.verify().isIntact)
    }

    @Test func postAllValidKeepsTheGoodAndListsTheRefused() throws {
        let fixture = try TemporaryLedger()
        let results = try fixture.ledger.postAllValid([entry(1_000), entry(0), entry(2_000, credit: "111"), entry(3_000)], user: "u")
        #expect(results.count == 4)
        #expect(results.map { (try? $0.get())?.entry?.seq } == [1, nil, nil, 2])
        let rules = results.map { result -> LedgerError.Rule? in if case .failure(let error) = result { error.rule } else { nil } }
        #expect(rules == [nil, .invalidAmount, .headerAccount, nil])
        #expect(try fixture.ledger.trialBalance(through: .latest).first { $0.accountCode == "1121" }?.balanceDong == 4_000)
        #expect(try fixture.ledger.verify().lineCount == 4)
    }

    @Test func theSameReferenceTwiceInOneBatchPostsOnce() throws {
        let fixture = try TemporaryLedger()
        let outcomes = try fixture.ledger.post([entry(500, reference: "PT-9"), entry(500, reference: "PT-9")], user: "u")
        #expect(outcomes.map(\.isNew) == [true, false])
        #expect(outcomes[1] == .alreadyPosted(try #require(outcomes[0].entry)))
        #expect(try head(fixture) == 1)
        // With other content, the second is refused and the whole batch with it.
        try expectRefusal(fixture, .duplicateReference, mentions: ["entry 2 of 2", "PT-10", "entry 2"]) {
            _ = try fixture.ledger.post([entry(500, reference: "PT-10"), entry(501, reference: "PT-10")], user: "u")
        }
    }

    // MARK: Idempotent references

    @Test func repostingTheSameReferenceAndContentWritesNothing() throws {
        let fixture = try TemporaryLedger()
        let draft = entry(227_500, memo: "Phiếu thu 1", reference: "PT-0001")
        let first = try #require(try fixture.ledger.post(draft, user: "ketoan").entry)
        let before = try LedgerFingerprint.of(fixture.path)
        // Another user, later: still the same voucher.
        let again = try fixture.ledger.post(draft, user: "ketoan2")
        #expect(again == .alreadyPosted(first))
        #expect(!again.isNew)
        #expect(try LedgerFingerprint.of(fixture.path) == before)
    }

    /// A foreign line valued by the rate table stays the same voucher after a new rate is
    /// recorded for its day: the retry is recognised, not revalued.
    @Test func repostOfAForeignEntryIsRecognisedAfterTheRatesChange() throws {
        let fixture = try TemporaryLedger()
        let draft = EntryDraft(date: PostingTests.june, memo: "USD", externalRef: "PT-USD",
                               lines: [.debit("1122", try Amount.parse("100.00 USD")), .credit("5121", .vnd(2_275_000))])
        let first = try #require(try fixture.ledger.post(draft, user: "u").entry)
        try fixture.ledger.setRate(.usd, on: PostingTests.june, rate: Rate.parse("23000"), source: "SBV", user: "u")
        #expect(try fixture.ledger.post(draft, user: "u") == .alreadyPosted(first))
        // Posted fresh now, the same lines would be unbalanced at the new rate.
        var fresh = draft
        fresh.externalRef = nil
        try expectRefusal(fixture, .unbalanced, mentions: ["2,300,000 VND", "2,275,000 VND"]) { try fixture.ledger.post(fresh, user: "u") }
    }

    @Test(arguments: ["date", "memo", "amount", "account", "side", "line count", "dimension", "line memo"])
    func aReferenceWithOtherContentIsRefused(change: String) throws {
        let fixture = try TemporaryLedger()
        let original = entry(100_000, memo: "Phiếu thu 2", reference: "PT-0002")
        try fixture.ledger.post(original, user: "u")
        var changed = original
        switch change {
        case "date": changed.date = PostingTests.june.adding(days: 1)
        case "memo": changed.memo = "Phiếu thu 2 "
        case "amount": changed.lines = [.debit("1121", .vnd(100_001)), .credit("5132", .vnd(100_001))]
        case "account": changed.lines[1].accountCode = "5131"
        case "side": changed.lines = [.credit("1121", .vnd(100_000)), .debit("5132", .vnd(100_000))]
        case "line count": changed.lines = [.debit("1121", .vnd(100_000)), .credit("5132", .vnd(60_000)), .credit("5132", .vnd(40_000))]
        case "dimension": changed.lines[0].dimensions.program = "milk"
        default: changed.lines[0].memo = "note"
        }
        let error = try expectRefusal(fixture, .duplicateReference, mentions: ["reference PT-0002", "entry 1", "Phiếu thu 2"]) {
            try fixture.ledger.post(changed, user: "u")
        }
        // The hint names the reversal of entry 1; `cpf` words it as 'cpf reverse 1'.
        #expect(error.remedy.actions == [.reverse])
        #expect(error.hint.contains("reversing an entry (1)"))
    }

    // MARK: Reversal

    @Test func reversalMirrorsEveryLineAndRestoresTheBalances() throws {
        let fixture = try TemporaryLedger()
        let ledger = fixture.ledger
        try ledger.post(EntryDraft(date: PostingTests.june, memo: "USD", lines: [.debit("1122", try Amount.parse("100.01 USD")), .credit("5121", .vnd(2_275_228))]), user: "u")
        try ledger.post(entry(3_000_000), user: "u")   // entry 2: the dong the scholarships are paid from
        var spend = spending(children: 2, codes: ["TN-2", "TN-1"])
        spend.lines[0].memo = "tháng 6"
        try ledger.post(spend, user: "u")
        let original = try #require(try ledger.entry(seq: 1))
        let reversal = try ledger.reverse(seq: 1, reason: "nhầm tài khoản", date: PostingTests.june.adding(days: 3), user: "ketoantruong")
        #expect(reversal.seq == 4)
        #expect(reversal.reversesSeq == 1)
        #expect(reversal.memo == "Reversal of entry 1: nhầm tài khoản")
        #expect(reversal.date == PostingTests.june.adding(days: 3))
        #expect(reversal.postedBy == "ketoantruong")
        #expect(reversal.externalRef == nil)
        #expect(reversal.lines.map(\.amountDong) == original.lines.map { -$0.amountDong })
        #expect(reversal.lines.map(\.account.code) == ["1122", "5121"])
        let foreign = try #require(reversal.lines[0].foreign)
        #expect(foreign.amount == Amount(minorUnits: -10_001, currency: .usd))
        #expect(foreign.rate == original.lines[0].foreign?.rate)
        #expect(foreign.rateDate == original.lines[0].foreign?.rateDate)
        // The spending's reversal negates the child-instances but leaves the codes on the original.
        let second = try ledger.reverse(seq: 3, reason: "trùng", date: PostingTests.june, user: "u")
        #expect(second.lines[0].children == -2)
        #expect(second.lines[0].beneficiaryCodes.isEmpty)
        #expect(second.lines[0].memo == "tháng 6")
        #expect(try ledger.entry(seq: 3)?.lines[0].beneficiaryCodes == ["TN-1", "TN-2"])
        // With the scholarships' money back in the bank, the donation that paid them is reversed too.
        try ledger.reverse(seq: 2, reason: "trùng", date: PostingTests.june, user: "u")
        // Every account is back to zero, in dong and in dollars.
        for row in try ledger.trialBalance(through: .latest) {
            #expect(row.balanceDong == 0 && row.foreignBalance == 0, "account \(row.accountCode)")
        }
        #expect(try ledger.verify().isIntact)
    }

    @Test func reversalRefusalsWriteNothing() throws {
        let fixture = try TemporaryLedger()
        let ledger = fixture.ledger
        try expectRefusal(fixture, .unknownEntry, mentions: ["there is no entry 1; the journal has no entries yet"]) {
            try ledger.reverse(seq: 1, reason: "x", user: "u")
        }
        try ledger.post(entry(1_000), user: "u")
        try expectRefusal(fixture, .unknownEntry, mentions: ["entries 1 to 1"]) { try ledger.reverse(seq: 2, reason: "x", user: "u") }
        try expectRefusal(fixture, .unknownEntry) { try ledger.reverse(seq: 0, reason: "x", user: "u") }
        try expectRefusal(fixture, .unknownEntry) { try ledger.reverse(seq: -1, reason: "x", user: "u") }
        try expectRefusal(fixture, .invalidText, mentions: ["reason"]) { try ledger.reverse(seq: 1, reason: "", user: "u") }
        try expectRefusal(fixture, .invalidText, mentions: ["401", "400"]) {
            try ledger.reverse(seq: 1, reason: String(repeating: "x", count: 401), user: "u")
        }
        try expectRefusal(fixture, .invalidText, mentions: ["user name"]) { try ledger.reverse(seq: 1, reason: "x", user: "") }
        try expectRefusal(fixture, .invalidDate, mentions: ["2018-05-31", "before the entry it reverses (2018-06-01)"]) {
            try ledger.reverse(seq: 1, reason: "x", date: PostingTests.june.adding(days: -1), user: "u")
        }
        try ledger.reverse(seq: 1, reason: "x", date: PostingTests.june, user: "u")
        try expectRefusal(fixture, .alreadyReversed, mentions: ["entry 1 was already reversed by entry 2"]) {
            try ledger.reverse(seq: 1, reason: "again", user: "u")
        }
        try expectRefusal(fixture, .notReversible, mentions: ["entry 2 is itself the reversal of entry 1"]) {
            try ledger.reverse(seq: 2, reason: "undo", user: "u")
        }
    }

    @Test func periodRecordsAreNotReversed() throws {
        let fixture = try TemporaryLedger()
        try fixture.ledger.post(entry(1_000, date: LedgerDate(year: 2018, month: 1, day: 5)!), user: "u")
        let record = try fixture.ledger.closePeriod(AccountingPeriod(year: 2018, month: 1), user: "ketoantruong")
        try expectRefusal(fixture, .notReversible, mentions: ["period-close record"]) {
            try fixture.ledger.reverse(seq: record.seq, reason: "x", user: "u")
        }
    }

    /// A reversal gives back what its entry brought in; when that has left, it is refused.
    @Test func reversalOfForeignMoneyAlreadySpentIsRefused() throws {
        let fixture = try TemporaryLedger()
        let ledger = fixture.ledger
        try ledger.post(EntryDraft(date: PostingTests.june, memo: "USD in", lines: [.debit("1122", try Amount.parse("100.00 USD")), .credit("5121", .vnd(2_275_000))]), user: "u")
        try ledger.post(EntryDraft(date: PostingTests.june, memo: "USD out", lines: [.credit("1122", try Amount.parse("60.00 USD")), .debit("1121", .vnd(1_365_000))]), user: "u")
        // 60.00 USD of it left: only 40.00 USD are there to take back.
        try expectRefusal(fixture, .insufficientFunds, mentions: ["account 1122 holds 40.00 USD on 2018-06-01",
                                                                  "takes 100.00 USD and would leave -60.00 USD"]) {
            try ledger.reverse(seq: 1, reason: "x", date: PostingTests.june, user: "u")
        }
        // Reversing the outflow first makes the receipt reversible: 1122 is whole again.
        try ledger.reverse(seq: 2, reason: "x", date: PostingTests.june, user: "u")
        #expect(try ledger.reverse(seq: 1, reason: "x", date: PostingTests.june, user: "u").seq == 4)
    }

    @Test func reversalOntoAClosedAccountIsRefused() throws {
        let fixture = try TemporaryLedger()
        let ledger = fixture.ledger
        try ledger.post(entry(1_000, debit: "1111"), user: "u")
        try ledger.post(entry(1_000, debit: "1121", credit: "1111"), user: "u")   // 1111 back to zero
        try ledger.closeAccount(code: "1111", on: PostingTests.june, user: "u")
        try expectRefusal(fixture, .closedAccount, mentions: ["account 1111 was closed on 2018-06-01"]) {
            try ledger.reverse(seq: 1, reason: "x", date: PostingTests.june, user: "u")
        }
    }
}

private extension Ledger {
    /// Posts `draft` as the tester.
    @discardableResult
    func post(_ draft: EntryDraft) throws -> PostingOutcome { try post(draft, user: "tester") }
}
