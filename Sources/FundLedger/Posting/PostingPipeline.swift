/// The one door into the journal. Every write — `post`, `receive`, `disburse`, `convert`,
/// batches, imports, approvals, reversals, revaluations and period records — goes through a
/// pipeline inside the caller's write transaction, which applies the same checks in the same
/// order (docs/posting-rules.md) and then writes and chains the entry (`JournalWriter`):
///
/// - steps 1–2, `submit` only: the text in NFC; the reference (the same content again is a
///   no-op, other content refused);
/// - step 3, every entry: the period is open;
/// - steps 4–11, `submit` only: the draft is validated (`EntryValidator`, `PostingRules`:
///   lines, accounts, currencies, programs, valuation on the entry's date, balance, the
///   grants' purposes);
/// - steps 12–14, every entry: every limited holding stays at or above zero on the entry's
///   date and every later date, nothing is dated before a movement already valued on the same
///   holding, and the journal's totals stay in range (`HoldingRules`, `JournalExtent`);
/// - step 15, `submit` only: an entry at or above the approval threshold waits for a second
///   person;
/// - step 16: the entry is written and chained.
final class PostingPipeline {
    let ledger: Ledger
    let user: String
    let postedAt: Timestamp
    let writer: JournalWriter
    let controls: PostingControls
    var validator: EntryValidator
    /// Steps 12–13, with the account roles read once.
    private let holdingRules: HoldingRules
    /// The greatest reference posted: a reference past it needs no lookup (a batch or a file
    /// in reference order, like a voucher series, looks none up).
    private var references: ReferenceHorizon
    /// `HoldingRules.check`'s working list, kept from one entry to the next.
    private var holdingChanges: [(HoldingKey, HoldingChange)] = []

    /// - Parameter deferringConstraints: for an import (`JournalWriter.init`).
    init(ledger: Ledger, user: String, postedAt: Timestamp, deferringConstraints: Bool = false) throws {
        self.ledger = ledger
        self.user = user
        self.postedAt = postedAt
        controls = try PostingControls(ledger: ledger)
        validator = try EntryValidator(ledger: ledger)
        writer = try JournalWriter(ledger: ledger, deferringConstraints: deferringConstraints)
        holdingRules = try HoldingRules(ledger: ledger, roles: validator.roles)
        references = try ReferenceHorizon(ledger: ledger)
    }

    /// Reads whole, now, what validation consults, rather than piecemeal later: for an import,
    /// whose every query in the middle must first take the connection back from the writer's
    /// second thread (`JournalWriter.takeBackConnection()`), which stalls the pipeline. Call
    /// before the first entry.
    func readAhead() throws {
        try ledger.readRegistriesAhead()
        try validator.cacheAllRates()
        try ledger.fundingCache().state.readAll(ledger: ledger, pending: writer.balances)
    }

    /// What the transaction wrote and has not yet added to the maintained totals.
    var pending: BalanceAccumulator { writer.balances }

    /// Writes the gathered totals; call once, before the transaction commits.
    func finish() throws { try writer.finish() }

    /// Every step of docs/posting-rules.md for a draft, in its order.
    ///
    /// - Parameters:
    ///   - approval: who approves a pending entry now, and who submitted it when: the entry is
    ///     then written under their names, and no threshold applies again.
    func submit(_ draft: EntryDraft, approval: Approval? = nil) throws -> PostingOutcome {
        let draft = TextRules.normalized(draft)
        try controls.checkNotSucceeded(draft.date)
        // The horizon compares the reference as it is stored: in NFC.
        let referenceIsNew = draft.externalRef.map { references.pass($0) } ?? false
        if approval == nil, let outcome = try existingOutcome(of: draft, referenceIsNew: referenceIsNew) { return outcome }
        try ledger.checkPeriodOpen(draft.date, lock: controls.lock, doing: approval == nil ? LocalizedText("post an entry", "ghi bút toán") : LocalizedText("approve an entry", "duyệt bút toán"))
        // Goods handed out are valued from their lots. Read from the journal's rows, they need
        // the rows this transaction appended in first, and the connection; an import holds
        // every lot in memory, kept current as it writes, and lets the inserter go on.
        if draft.lines.contains(where: { $0.item != nil && $0.side == .credit }) {
            if ledger.fundingCache().state.holdsEveryLot { try writer.flushRows() } else { try writer.takeBackConnection() }
        }
        var validated = try validator.validate(draft, pending: writer.balances)
        if let approval {
            validated = ValidatedEntry(date: validated.date, memo: validated.memo, externalRef: validated.externalRef,
                                       approvedBy: approval.approvedBy, approvedAt: approval.approvedAt, lines: validated.lines)
            return .posted(try admit(validated, postedBy: approval.submittedBy, postedAt: approval.submittedAt))
        }
        try checkHoldingsAndExtent(validated)
        if let threshold = controls.approvalThresholdDong, validated.totalDebitDong >= threshold {
            try writer.takeBackConnection()
            let pending = try ledger.submitForApproval(draft, totalDebitDong: validated.totalDebitDong, user: user, at: postedAt)
            controls.hasPendingEntries = true
            return .pending(pending)
        }
        return .posted(try admit(validated, checked: true))
    }

    /// Who approves a pending entry, and who submitted it when.
    struct Approval {
        let approvedBy: String
        let approvedAt: Timestamp
        let submittedBy: String
        let submittedAt: Timestamp
    }

    /// Step 1: the entry already posted or waiting with the draft's reference.
    private func existingOutcome(of draft: EntryDraft, referenceIsNew: Bool) throws -> PostingOutcome? {
        guard let reference = draft.externalRef, !referenceIsNew || controls.hasPendingEntries else { return nil }
        // The lookups read the database: the connection back in this thread's hands, with
        // every entry appended so far in the journal.
        try writer.takeBackConnection()
        if !referenceIsNew, let existing = try ledger.entry(externalRef: reference) {
            guard draft.matches(existing) else {
                throw LedgerError(.duplicateReference,
                                  LocalizedText("reference \(reference) is already used by entry \(existing.seq) (\(existing.date), “\(existing.memo)”) with different content", "số chứng từ \(reference) đã dùng cho bút toán \(existing.seq) (\(existing.date), “\(existing.memo)”) với nội dung khác"),
                                  hint: LocalizedText("give a new entry a new reference; to correct entry \(existing.seq), reverse it with \(action: .reverse, "\(existing.seq)", quoted: true)", "bút toán mới cần số chứng từ mới; muốn sửa bút toán \(existing.seq), hãy đảo nó bằng \(action: .reverse, "\(existing.seq)", quoted: true)"))
            }
            return .alreadyPosted(existing)
        }
        if controls.hasPendingEntries, let waiting = try ledger.pendingEntry(externalRef: reference) {
            guard waiting.draft == draft else {
                throw LedgerError(.duplicateReference,
                                  LocalizedText("reference \(reference) is already used by pending entry \(waiting.id) with different content", "số chứng từ \(reference) đã dùng cho bút toán chờ duyệt \(waiting.id) với nội dung khác"),
                                  hint: LocalizedText("give a new entry a new reference, or reject pending entry \(waiting.id) first (\(action: .approve, "\(waiting.id) \(parameter: .reject, "…")"))", "bút toán mới cần số chứng từ mới, hoặc hãy từ chối bút toán chờ duyệt \(waiting.id) trước (\(action: .approve, "\(waiting.id) \(parameter: .reject, "…")"))"))
            }
            return .alreadyPending(waiting)
        }
        return nil
    }

    /// Steps 3 and 12–16 for an entry the ledger built itself (a reversal, a revaluation, a
    /// period record) or one validated by `submit`.
    ///
    /// - Parameter checked: `submit` ran steps 12–14 already (before the threshold).
    @discardableResult
    func admit(_ entry: ValidatedEntry, postedBy: String? = nil, postedAt: Timestamp? = nil, checked: Bool = false) throws -> JournalEntry {
        try controls.checkNotSucceeded(entry.date)
        if entry.kind == .journal {
            try ledger.checkPeriodOpen(entry.date, lock: controls.lock, doing: entry.reversesSeq == nil ? LocalizedText("post an entry", "ghi bút toán") : LocalizedText("post a reversal", "ghi bút toán đảo"))
            if !checked { try checkHoldingsAndExtent(entry) }
        }
        return try writer.append(entry, postedBy: postedBy ?? user, postedAt: postedAt ?? self.postedAt)
    }

    /// Steps 12–14: every limited holding the entry changes stays at or above zero on its date
    /// and every later date, nothing is dated before a movement already valued on the same
    /// holding, and the journal's extent stays within `JournalExtent.limit`, so every report
    /// stays exact.
    private func checkHoldingsAndExtent(_ entry: ValidatedEntry) throws {
        let funding = ledger.fundingCache()
        if holdingRules.readsTheFile(entry.lines) { try writer.takeBackConnection() }
        try holdingRules.check(entry.lines, date: entry.date, funding: &funding.state, pending: writer.balances, changes: &holdingChanges)
        var extent = try funding.state.extent(ledger: ledger, pending: writer.balances)
        for index in entry.lines.indices { extent.add(entry.lines[index]) }
        if let (measure, figure) = extent.exceeded {
            let format = MoneyFormat.english
            throw LedgerError(.overflow, LocalizedText("this entry would take the journal's total \(measure) to \(format.number(figure)), past the \(format.number(JournalExtent.limit)) every report can add up exactly",
                                                       "bút toán này sẽ đưa tổng \(measure) của sổ nhật ký lên \(count: figure), vượt mức \(count: JournalExtent.limit) mà mọi báo cáo còn cộng chính xác được"),
                              hint: LocalizedText("no fund moves this much; check the amounts (a line holds at most \(format.number(Amount.magnitudeMax)))",
                                                  "không quỹ nào có số phát sinh lớn như vậy; hãy kiểm tra số tiền (mỗi dòng tối đa \(count: Amount.magnitudeMax))"))
        }
    }
}
