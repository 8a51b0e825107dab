extension Ledger {
    /// Validates and posts one entry, atomically.
    ///
    /// When the draft has an external reference that is already posted with the same content,
    /// nothing is written and the existing entry is returned as `.alreadyPosted`.
    ///
    /// - Parameter user: who posts it; recorded in the entry with the UTC time.
    /// - Throws: `LedgerError` naming the broken rule; nothing is written.
    @discardableResult
    public func post(_ draft: EntryDraft, user: String) throws -> PostingOutcome {
        try post([draft], user: user)[0]
    }

    /// Validates and posts several entries in one transaction: all of them or none.
    ///
    /// Each entry is validated against the books as they stand after the ones before it, so
    /// the same reference twice in one batch is posted once.
    ///
    /// - Throws: the first entry's `LedgerError`, prefixed with its position when there are
    ///   several; nothing is written.
    public func post(_ drafts: [EntryDraft], user: String) throws -> [PostingOutcome] {
        try post(drafts, user: user, preparing: nil)
    }

    /// Posts `drafts` after `preparing` ran in the same transaction (to register a goods item a
    /// receipt names, say), so both happen or neither.
    func post(_ drafts: [EntryDraft], user: String, preparing: ((String, Timestamp) throws -> Void)?) throws -> [PostingOutcome] {
        let user = try TextRules.checkedUser(user)
        let postedAt = Timestamp.now()
        return try write {
            try preparing?(user, postedAt)
            let pipeline = try PostingPipeline(ledger: self, user: user, postedAt: postedAt)
            var outcomes: [PostingOutcome] = []
            outcomes.reserveCapacity(drafts.count)
            for (index, draft) in drafts.enumerated() {
                do {
                    outcomes.append(try pipeline.submit(draft))
                } catch let error as LedgerError where drafts.count > 1 {
                    throw LedgerError(error.rule, "entry \(index + 1) of \(drafts.count): \(error.message)", hint: error.hint)
                }
            }
            try pipeline.finish()
            return outcomes
        }
    }

    /// Posts what it can of several entries in one transaction, and lists what it refused.
    ///
    /// - Returns: for each draft, its outcome or the refusal.
    public func postAllValid(_ drafts: [EntryDraft], user: String) throws -> [Result<PostingOutcome, LedgerError>] {
        let user = try TextRules.checkedUser(user)
        let postedAt = Timestamp.now()
        return try write {
            let pipeline = try PostingPipeline(ledger: self, user: user, postedAt: postedAt)
            var results: [Result<PostingOutcome, LedgerError>] = []
            results.reserveCapacity(drafts.count)
            for draft in drafts {
                do {
                    results.append(.success(try pipeline.submit(draft)))
                } catch let error as LedgerError {
                    results.append(.failure(error))
                }
            }
            try pipeline.finish()
            return results
        }
    }

    /// Posts the mirror of entry `seq`: every line with its figures negated, linked to the
    /// original. An entry is reversed at most once, and a reversal is not itself reversed.
    /// The reversal goes through the same door as every entry (`PostingPipeline.admit`): it
    /// is refused when its date is closed, or when taking back what the entry brought in would
    /// leave a holding below zero on its date or any later date.
    ///
    /// - Parameters:
    ///   - reason: why; recorded in the reversal's memo.
    ///   - date: the reversal's date. The default is today (local time).
    /// - Throws: `LedgerError` when the entry does not exist, is not a journal entry, is a
    ///   reversal, or was already reversed.
    @discardableResult
    public func reverse(seq: Int64, reason: String, date: LedgerDate? = nil, user: String) throws -> JournalEntry {
        let user = try TextRules.checkedUser(user)
        let reason = TextRules.nfc(reason)
        try TextRules.check(reason, named: "reason", maximumLength: 400)
        let postedAt = Timestamp.now()
        return try write {
            guard let original = try entry(seq: seq) else {
                let head = try database.scalarInt64("SELECT max(seq) FROM entry") ?? 0
                throw LedgerError(.unknownEntry, head == 0 ? "there is no entry \(seq); the journal has no entries yet"
                                                           : "there is no entry \(seq); the journal has entries 1 to \(head)",
                                  hint: "'cpf journal' lists the entries")
            }
            guard original.kind == .journal else {
                throw LedgerError(.notReversible, "entry \(seq) is a \(original.kind.rawValue) record, not a journal entry",
                                  hint: "only journal entries are reversed")
            }
            if let reversed = original.reversesSeq {
                throw LedgerError(.notReversible, "entry \(seq) is itself the reversal of entry \(reversed)",
                                  hint: "to restore entry \(reversed), post it again as a new entry")
            }
            if let reversal = try database.scalarInt64("SELECT seq FROM entry WHERE reverses_seq = ?", [seq]) {
                throw LedgerError(.alreadyReversed, "entry \(seq) was already reversed by entry \(reversal)",
                                  hint: "nothing to do; an entry is reversed once")
            }
            let date = date ?? Timestamp.today()
            if date < original.date {
                throw LedgerError(.invalidDate, "a reversal cannot be dated \(date), before the entry it reverses (\(original.date))",
                                  hint: "date the reversal on or after \(original.date); the default is today")
            }
            let lines = original.lines.enumerated().map { $0.element.reversed(lineNumber: $0.offset + 1) }
            let reversal = ValidatedEntry(date: date, memo: "Reversal of entry \(seq): \(reason)",
                                          externalRef: nil, reversesSeq: seq, lines: lines)
            let pipeline = try PostingPipeline(ledger: self, user: user, postedAt: postedAt)
            try checkPeriodOpen(date, lock: pipeline.controls.lock, doing: "post a reversal")
            try checkAccountsOpen(reversal)
            try checkNoValuationSince(original, pipeline: pipeline)
            var rules = PostingRules(validator: pipeline.validator)
            try rules.check(reversal.lines, date: reversal.date, pending: pipeline.pending, isReversal: true)
            pipeline.validator.funding = rules.funding
            let entry = try pipeline.admit(reversal)
            try pipeline.finish()
            return entry
        }
    }

    /// Money or goods an entry brought into a valued holding (a dollar account, a goods item)
    /// may have been valued since, at an average that included them: money left at that
    /// average, or the account was revalued. Taking them back at their own value would then
    /// leave the holding with a value that no longer matches what it holds (0.00 USD carried
    /// at 50,000 VND), so such a reversal is refused; a correcting outflow values them right.
    private func checkNoValuationSince(_ original: JournalEntry, pipeline: PostingPipeline) throws {
        let roles = pipeline.validator.roles
        var funding = pipeline.validator.funding
        defer { pipeline.validator.funding = funding }
        // Inflows only: a dollar amount or goods coming in (a revaluation's line carries neither).
        for line in original.lines where line.amountDong > 0 && (line.foreign != nil || line.quantity != nil) {
            var inflows: [HoldingKey] = []
            roles.forEachHolding(of: line) { holding, _ in if roles.isValued(holding) { inflows.append(holding) } }

            for holding in inflows {
                let timeline = try funding.timeline(holding, from: original.date, ledger: self, pending: pipeline.pending)
                guard let valued = timeline.firstValuation(after: Int32(original.date.dayKey) - 1) else { continue }
                let day = LedgerDate(dayKey: Int(valued)).map(\.iso) ?? String(valued)
                let what = holding.kind == .goods ? "goods item \(line.item?.code ?? "")" : "account \(line.account.code)"
                throw LedgerError(.valuationOrder, "entry \(original.seq) brought money or goods into \(what), which was valued at its average on \(day), after it; taking them back at their own value would leave the holding's value wrong",
                                  hint: "post the correction as an outflow valued at the average instead (cpf convert, or a payment from the account), or reverse the later movements first")
            }
        }
    }

    /// A reversal names the original's accounts; a closed one refuses it like any entry.
    private func checkAccountsOpen(_ entry: ValidatedEntry) throws {
        let accounts = try accountsByCode()
        for line in entry.lines {
            if let closed = accounts[line.account.code]?.closedOn {
                throw LedgerError(.closedAccount, "account \(line.account.code) was closed on \(closed), so the reversal cannot post to it",
                                  hint: "post a correcting entry to open accounts with 'cpf post' instead")
            }
        }
    }
}

/// What the controls of issue 5 need while posting, read once per transaction: the period
/// lock and the approval threshold.
final class PostingControls {
    let lock: PeriodLock?
    let approvalThresholdDong: Int64?
    /// Whether any entry waits for approval (only then is a reference looked up among them);
    /// it becomes true when this transaction submits one, so the same reference again in a
    /// batch finds it.
    var hasPendingEntries: Bool

    init(ledger: Ledger) throws {
        lock = try ledger.periodLock()
        approvalThresholdDong = try ledger.settings().approvalThresholdDong
        hasPendingEntries = try ledger.database.scalarInt64("SELECT EXISTS (SELECT 1 FROM pending_entry WHERE status = 'pending')") == 1
    }
}
