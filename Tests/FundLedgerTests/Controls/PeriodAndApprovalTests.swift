import Testing
@testable import FundLedger
import TestSupport

@Suite struct PeriodLockTests {
    private func date(_ text: String) -> LedgerDate { ControlFixture.date(text) }

    private func smallEntry(_ day: String, ref: String? = nil) -> EntryDraft {
        EntryDraft(date: date(day), memo: "gift", externalRef: ref, lines: [.debit("1121", .vnd(1_000)), .credit("5132", .vnd(1_000))])
    }

    @Test func closedPeriodRefusesPostsReversalsAndApprovalsAndChangesNothing() throws {
        let books = try ControlFixture()
        try books.ledger.setSetting("approval-threshold", to: "1000 VND", user: "giamdoc")
        guard case .pending(let waiting) = try books.ledger.post(smallEntry("2018-07-10"), user: "ketoan") else {
            Issue.record("an entry at the threshold waits for approval")
            return
        }
        try books.ledger.reject(pendingID: waiting.id, reason: "wait", user: "ketoan")
        guard case .pending(let late) = try books.ledger.post(smallEntry("2018-07-11", ref: "X-1"), user: "ketoan") else { return }
        // Closing refuses while something in the period still waits for approval.
        #expect(throws: LedgerError.self) { try books.ledger.closePeriod(AccountingPeriod(year: 2018, month: 7), user: "ketoantruong") }
        try books.ledger.reject(pendingID: late.id, reason: "later", user: "giamdoc")
        guard case .pending(let third) = try books.ledger.post(smallEntry("2018-08-01", ref: "X-2"), user: "ketoan") else { return }
        try books.ledger.setSetting("approval-threshold", to: "none", user: "giamdoc")

        try books.ledger.closePeriod(AccountingPeriod(year: 2018, month: 7), user: "ketoantruong")
        #expect(try books.ledger.periodLock()?.lockedThrough == date("2018-07-31"))
        let before = try LedgerFingerprint.of(books.path)
        for attempt in [{ _ = try books.ledger.post(smallEntry("2018-07-31"), user: "ketoan") },
                        { _ = try books.ledger.post(smallEntry("2018-02-01"), user: "ketoan") },
                        { _ = try books.ledger.reverse(seq: 1, reason: "x", date: date("2018-07-15"), user: "ketoan") }] {
            let error = try #require(throws: LedgerError.self) { try attempt() }
            #expect(error.rule == .periodClosed)
            #expect(error.message.contains("closed through 2018-07-31"))
        }
        #expect(try LedgerFingerprint.of(books.path) == before)
        // The entry dated 2018-08-01 is outside the closed period: it can still be approved.
        #expect(try books.ledger.approve(pendingID: third.id, user: "giamdoc").approvedBy == "giamdoc")
        // The day after the lock is open.
        #expect(try books.ledger.post(smallEntry("2018-08-01"), user: "ketoan").entry != nil)
    }

    @Test func approvalDatedInAClosedPeriodIsRefused() throws {
        let books = try ControlFixture()
        try books.ledger.setSetting("approval-threshold", to: "1000 VND", user: "giamdoc")
        guard case .pending(let waiting) = try books.ledger.post(smallEntry("2018-09-01"), user: "ketoan") else { return }
        try books.ledger.setSetting("approval-threshold", to: "none", user: "giamdoc")
        try books.ledger.closePeriod(AccountingPeriod(year: 2018, month: 8), user: "ketoantruong")
        // September cannot be closed while its entry waits…
        #expect(throws: LedgerError.self) { try books.ledger.closePeriod(AccountingPeriod(year: 2018, month: 9), user: "ketoantruong") }
        #expect(try books.ledger.pendingEntries().map(\.id) == [waiting.id])
        // …so put the file in that state through raw SQL: September closed while the entry waits.
        try books.ledger.database.execute("UPDATE period_lock SET locked_through = '2018-09-30'")
        let before = try LedgerFingerprint.of(books.path)
        let error = try #require(throws: LedgerError.self) { try books.ledger.approve(pendingID: waiting.id, user: "giamdoc") }
        #expect(error.rule == .periodClosed)
        #expect(try LedgerFingerprint.of(books.path) == before)
    }

    @Test func triggerRefusesAnEntryInAClosedPeriodWhateverWritesIt() throws {
        let books = try ControlFixture()
        try books.ledger.closePeriod(AccountingPeriod(year: 2018), user: "ketoantruong")
        let head = try books.ledger.chainHead().seq
        #expect(throws: SQLiteError.self) {
            try books.ledger.database.execute("""
                INSERT INTO entry (seq, entry_date, memo, posted_by, posted_at, hash)
                VALUES (?, '2018-12-31', 'raw', 'x', '2026-01-01T00:00:00.000Z', zeroblob(32))
                """, [head + 1])
        }
        #expect(try books.ledger.chainHead().seq == head)
    }

    @Test func reopeningIsRecordedInTheChainWithWhoAndWhy() throws {
        let books = try ControlFixture()
        let close = try books.ledger.closePeriod(AccountingPeriod(year: 2018, month: 12), user: "ketoantruong")
        let reopen = try books.ledger.reopenPeriod(AccountingPeriod(year: 2018, month: 12), reason: "auditor adjustment AJE-3", user: "giamdoc")
        #expect(reopen.kind == .periodReopen && reopen.postedBy == "giamdoc" && reopen.memo.contains("AJE-3"))
        #expect(reopen.seq == close.seq + 1)
        #expect(try books.ledger.periodLock()?.lockedThrough == date("2018-11-30"))
        #expect(try books.ledger.post(smallEntry("2018-12-31"), user: "ketoan").entry != nil)
        #expect(try books.ledger.verify().isIntact)
        let events = try books.ledger.history(HistoryFilter(user: "giamdoc"))
        #expect(events.contains { $0.action == "period-reopen" && $0.detail.contains("AJE-3") && $0.entrySeq == reopen.seq })
        // Reopening what is not closed is refused.
        #expect(throws: LedgerError.self) { try books.ledger.reopenPeriod(AccountingPeriod(year: 2019, month: 1), reason: "x", user: "giamdoc") }
    }

    @Test func verifyCatchesAStoredLockThatDisagreesWithTheChain() throws {
        let books = try ControlFixture()
        try books.ledger.closePeriod(AccountingPeriod(year: 2018, month: 12), user: "ketoantruong")
        try books.ledger.database.execute("UPDATE period_lock SET locked_through = '2018-01-31'")
        let report = try books.ledger.verify()
        #expect(!report.isIntact)
        #expect(report.findings.contains { $0.message.contains("period lock") })
    }

    /// With nothing closed, a lock edited to a text that is not a date reads as nothing closed,
    /// yet the storage trigger compares the text and refuses every entry dated before it.
    @Test func verifyCatchesAStoredLockThatIsNotADate() throws {
        let books = try ControlFixture()
        try books.ledger.closePeriod(AccountingPeriod(year: 1900, month: 1), user: "ketoantruong")
        try books.ledger.reopenPeriod(AccountingPeriod(year: 1900, month: 1), reason: "closed by mistake", user: "giamdoc")
        #expect(try books.ledger.periodLock()?.lockedThrough == nil)
        #expect(try books.ledger.verify().isIntact)
        try books.ledger.database.execute("UPDATE period_lock SET locked_through = '2018-13-01'")
        #expect(books.ledger.database.changes == 1, "the column's CHECK lets a text that is not a date in")
        #expect(throws: (any Error).self) { try books.ledger.post(smallEntry("2018-12-31"), user: "ketoan") }
        let report = try books.ledger.verify()
        #expect(report.findings.contains { $0.message.contains("the period lock holds '2018-13-01', which is not a date") }, "\(report.findings)")
    }
}

@Suite struct MakerCheckerTests {
    private func date(_ text: String) -> LedgerDate { ControlFixture.date(text) }

    @Test func entryAtTheThresholdWaitsOutsideTheBooksUntilAnotherPersonApproves() throws {
        let books = try ControlFixture()
        try books.ledger.setSetting("approval-threshold", to: "100000000 VND", user: "giamdoc")
        let balanceBefore = try books.ledger.trialBalance(through: date("2018-12-31"))
        let draft = EntryDraft(date: date("2018-10-01"), memo: "houses", externalRef: "PC-412", lines: [
            .debit("6113", .vnd(100_000_000)), .credit("1121", .vnd(100_000_000)),
        ])
        let outcome = try books.ledger.post(draft, user: "ketoan")
        guard case .pending(let pending) = outcome else {
            Issue.record("expected a pending entry, got \(outcome)")
            return
        }
        #expect(pending.totalDebitDong == 100_000_000 && pending.submittedBy == "ketoan")
        #expect(try books.ledger.trialBalance(through: date("2018-12-31")) == balanceBefore)
        // Same reference, same content: nothing new; other content: refused.
        #expect(try books.ledger.post(draft, user: "ketoan") == .alreadyPending(pending))
        var changed = draft
        changed.memo = "other"
        #expect(throws: LedgerError.self) { try books.ledger.post(changed, user: "ketoan") }

        let before = try LedgerFingerprint.of(books.path)
        let selfApproval = try #require(throws: LedgerError.self) { try books.ledger.approve(pendingID: pending.id, user: "ketoan") }
        #expect(selfApproval.rule == .approval && selfApproval.message.contains("cannot also approve"))
        #expect(try LedgerFingerprint.of(books.path) == before)

        let entry = try books.ledger.approve(pendingID: pending.id, user: "giamdoc")
        #expect(entry.postedBy == "ketoan" && entry.approvedBy == "giamdoc" && entry.externalRef == "PC-412")
        #expect(try books.ledger.trialBalance(through: date("2018-12-31")) != balanceBefore)
        let afterApproval = try LedgerFingerprint.of(books.path)
        let twice = try #require(throws: LedgerError.self) { try books.ledger.approve(pendingID: pending.id, user: "giamdoc") }
        #expect(twice.message.contains("already approved"))
        #expect(try LedgerFingerprint.of(books.path) == afterApproval)
        #expect(try books.ledger.verify().isIntact)
        #expect(try books.ledger.audit().findings.isEmpty)
        // The approval is in the entry's history.
        let history = try books.ledger.history(HistoryFilter(entrySeq: entry.seq))
        #expect(history.map(\.action) == ["submit", "post", "approve"])
    }

    @Test func belowTheThresholdPostsAtOnce() throws {
        let books = try ControlFixture()
        try books.ledger.setSetting("approval-threshold", to: "100000000 VND", user: "giamdoc")
        let outcome = try books.ledger.post(EntryDraft(date: date("2018-10-01"), memo: "milk", lines: [
            .debit("6112", .vnd(99_999_999)), .credit("1121", .vnd(99_999_999)),
        ]), user: "ketoan")
        #expect(outcome.isNew)
    }

    @Test func approvalRevalidatesAgainstTheBooksAsTheyStand() throws {
        let books = try ControlFixture()
        try books.ledger.setSetting("approval-threshold", to: "50000000 VND", user: "giamdoc")
        // Grant KFW-2018 received 91,000,000 VND: two scholarships of 60,000,000 cannot both be paid from it.
        var payment = Disbursement(date: date("2018-10-01"), programCode: "scholarship", unitCode: "TN", children: 40)
        payment.grantCode = "KFW-2018"
        payment.amount = .vnd(60_000_000)
        var other = payment
        other.memo = "second round"
        guard case .pending(let one) = try books.ledger.disburse(payment, user: "ketoan"),
              case .pending(let two) = try books.ledger.disburse(other, user: "ketoan") else {
            Issue.record("both wait for approval")
            return
        }
        try books.ledger.approve(pendingID: one.id, user: "giamdoc")
        let before = try LedgerFingerprint.of(books.path)
        let error = try #require(throws: LedgerError.self) { try books.ledger.approve(pendingID: two.id, user: "giamdoc") }
        #expect(error.rule == .overspent)
        #expect(try LedgerFingerprint.of(books.path) == before)
    }
}

@Suite struct SealTests {
    @Test func sealNamesTheHeadAndVerifyCatchesTruncationBehindIt() throws {
        let books = try ControlFixture()
        for day in 10...14 {
            try books.ledger.post(EntryDraft(date: ControlFixture.date("2018-05-\(day)"), memo: "gift \(day)", lines: [
                .debit("1121", .vnd(1_000)), .credit("5132", .vnd(1_000)),
            ]), user: "ketoan")
        }
        let seal = try books.ledger.seal(AccountingPeriod(year: 2018), user: "giamdoc")
        #expect(seal.headSeq == 8 && seal.entryCount == 8 && !seal.periodClosed)
        // Revenue 2018: 500,000,000 (AIA) + 91,000,000 (KFW) + 5 × 1,000.
        #expect(seal.revenueDong == 591_005_000 && seal.expensesDong == 30_000_000)
        // The library names the verification and what it is given; `cpf` words it as `cpf verify --at 8 --digest …`.
        #expect(seal.verification.actions == [.verify] && seal.verification.parameters == [.chainPosition, .digest])
        #expect(seal.verification.english == "verifying the ledger (entry 8 digest \(seal.headHash.hexString))")
        let digest = ChainDigest(seq: seal.headSeq, hash: seal.headHash)
        #expect(try books.ledger.verify(against: digest).isIntact)

        // Truncate the last two entries and their lines.
        try books.ledger.database.execute("PRAGMA foreign_keys = OFF")
        try books.ledger.database.execute("DROP TRIGGER entry_is_never_deleted")
        try books.ledger.database.execute("DROP TRIGGER line_is_never_deleted")
        try books.ledger.database.execute("DELETE FROM line WHERE entry_seq >= 7")
        try books.ledger.database.execute("DELETE FROM entry WHERE seq >= 7")
        let checked = try books.ledger.verify(against: digest)
        #expect(!checked.isIntact)
        #expect(checked.digestMatches == false)
        #expect(checked.findings.contains { $0.message.contains("entries were removed") })
    }
}

@Suite struct HistoryTests {
    @Test func everyChangeOfStateIsListedWithWhoAndWhen() throws {
        let books = try ControlFixture()
        try books.ledger.setSetting("approval-threshold", to: "5000000 VND", user: "giamdoc")
        try books.ledger.closeAccount(code: "1112", on: ControlFixture.date("2018-12-31"), user: "ketoantruong")
        try books.ledger.reverse(seq: 3, reason: "wrong unit", date: ControlFixture.date("2018-04-02"), user: "ketoan")
        let all = try books.ledger.history(HistoryFilter())
        let actions = Set(all.map(\.action))
        for expected in ["funder-add", "unit-add", "grant-add", "rate-set", "post", "setting", "account-close", "reverse"] {
            #expect(actions.contains(expected), "\(expected) missing from \(actions)")
        }
        #expect(all.map(\.at) == all.map(\.at).sorted())
        // By entry: the disbursement and the reversal that points at it.
        #expect(try books.ledger.history(HistoryFilter(entrySeq: 3)).map(\.action) == ["post", "reverse"])
        // By user and by day.
        #expect(try books.ledger.history(HistoryFilter(user: "giamdoc")).map(\.action) == ["setting"])
        #expect(try books.ledger.history(HistoryFilter(from: ControlFixture.date("2000-01-01"), to: ControlFixture.date("2000-12-31"))).isEmpty)
    }
}
