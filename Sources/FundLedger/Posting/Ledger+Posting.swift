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
    /// receipt names, say), and then `completing` with their outcomes (to record the transfer an
    /// entry makes), so all of it happens or none.
    func post(_ drafts: [EntryDraft], user: String, preparing: ((String, Timestamp) throws -> Void)?,
              completing: (([PostingOutcome], String, Timestamp) throws -> Void)? = nil) throws -> [PostingOutcome] {
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
                    throw LedgerError(error.rule, LocalizedText("entry \(index + 1) of \(drafts.count): \(error.explanation)", "bút toán \(index + 1) trên \(drafts.count): \(error.explanation)"), hint: error.remedy)
                }
            }
            try pipeline.finish()
            try completing?(outcomes, user, postedAt)
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
                throw LedgerError(.unknownEntry, head == 0 ? LocalizedText("there is no entry \(seq); the journal has no entries yet", "không có bút toán \(seq); sổ nhật ký chưa có bút toán nào")
                                                           : LocalizedText("there is no entry \(seq); the journal has entries 1 to \(head)", "không có bút toán \(seq); sổ nhật ký có các bút toán từ 1 đến \(head)"),
                                  hint: LocalizedText("\(action: .journal, quoted: true) lists the entries", "\(action: .journal, quoted: true) liệt kê các bút toán"))
            }
            guard original.kind == .journal else {
                throw LedgerError(.notReversible, LocalizedText("entry \(seq) is a \(original.kind.rawValue) record, not a journal entry", "bút toán \(seq) là bản ghi \(original.kind.rawValue), không phải bút toán sổ nhật ký"),
                                  hint: LocalizedText("only journal entries are reversed", "chỉ đảo được bút toán sổ nhật ký"))
            }
            if let reversed = original.reversesSeq {
                throw LedgerError(.notReversible, LocalizedText("entry \(seq) is itself the reversal of entry \(reversed)", "bút toán \(seq) chính là bút toán đảo của bút toán \(reversed)"),
                                  hint: LocalizedText("to restore entry \(reversed), post it again as a new entry", "muốn khôi phục bút toán \(reversed), hãy ghi lại nó thành bút toán mới"))
            }
            if let direction = try database.scalarText("SELECT direction FROM transfer WHERE entry_seq = ?", [seq]) {
                throw LedgerError(.notReversible, LocalizedText("entry \(seq) is a transfer between funds (\(direction)); its notice is in the other fund's hands", "bút toán \(seq) là một lần chuyển giữa các quỹ (\(direction == "sent" ? "đã gửi" : "đã nhận")); thông báo của nó đã ở quỹ bên kia"),
                                  hint: LocalizedText("undo it with a transfer back (\(action: .transferSend)), so both funds' books show it", "hãy hoàn lại bằng một lần chuyển ngược (\(action: .transferSend)), để sổ của cả hai quỹ đều ghi nhận"))
            }
            if let reversal = try database.scalarInt64("SELECT seq FROM entry WHERE reverses_seq = ?", [seq]) {
                throw LedgerError(.alreadyReversed, LocalizedText("entry \(seq) was already reversed by entry \(reversal)", "bút toán \(seq) đã được đảo bởi bút toán \(reversal)"),
                                  hint: LocalizedText("nothing to do; an entry is reversed once", "không cần làm gì; mỗi bút toán chỉ đảo một lần"))
            }
            let date = date ?? Timestamp.today()
            if date < original.date {
                throw LedgerError(.invalidDate, LocalizedText("a reversal cannot be dated \(date), before the entry it reverses (\(original.date))", "bút toán đảo không thể ghi ngày \(date), trước bút toán gốc (\(original.date))"),
                                  hint: LocalizedText("date the reversal on or after \(original.date); the default is today", "hãy ghi ngày đảo từ \(original.date) trở đi; mặc định là hôm nay"))
            }
            let lines = original.lines.enumerated().map { $0.element.reversed(lineNumber: $0.offset + 1) }
            let reversal = ValidatedEntry(date: date, memo: "Reversal of entry \(seq): \(reason)",
                                          externalRef: nil, reversesSeq: seq, lines: lines)
            let pipeline = try PostingPipeline(ledger: self, user: user, postedAt: postedAt)
            // The period first, as for every entry (step 3); `admit` checks it again with the rest.
            try checkPeriodOpen(date, lock: pipeline.controls.lock, doing: LocalizedText("post a reversal", "ghi bút toán đảo"))
            try checkAccountsOpen(reversal)
            try checkReversalLeavesValuesWhole(reversal, of: original, pipeline: pipeline)
            try PostingRules(validator: pipeline.validator).check(reversal.lines, date: reversal.date, pending: pipeline.pending, isReversal: true)
            let entry = try pipeline.admit(reversal)
            try pipeline.finish()
            return entry
        }
    }

    /// A reversal takes money or goods back at the original's own value, not at the holding's
    /// average. When the holding was valued since (money left at an average that included
    /// them), that can leave it holding nothing but still carrying dong (0.00 USD at 50,000
    /// VND), or carrying a negative value: refused, since the books would be wrong from the
    /// reversal's date on. (A reversal dated before a later valuation is refused anyway, as a
    /// movement before it: `HoldingRules`.)
    private func checkReversalLeavesValuesWhole(_ reversal: ValidatedEntry, of original: JournalEntry, pipeline: PostingPipeline) throws {
        let roles = pipeline.validator.roles
        let funding = fundingCache()
        // Goods a receipt brought in are a lot of their own: once any of it was handed out,
        // the hand-outs were valued from it, so the receipt cannot be undone before them.
        if original.reversesSeq == nil, let goodsAccountID = roles.goodsAccountID {
            for line in original.lines where line.account.id == goodsAccountID && (line.quantity ?? 0) > 0 {
                guard let item = line.item else { continue }
                let lots = try funding.state.goodsLots(item.id, ledger: self)
                // Too few units left at all is the every-date limit's refusal (insufficient-goods).
                guard lots.lotsAreWhole(of: original.seq) || lots.unitsOnHand(of: item.id) < line.quantity! else {
                    throw LedgerError(.valuationOrder, LocalizedText("goods item \(item.code) that entry \(original.seq) brought in has been handed out since (first in, first out), at the value of its lot",
                                                                     "mặt hàng \(item.code) do bút toán \(original.seq) nhập vào đã được cấp phát một phần (nhập trước xuất trước), theo giá trị của lô đó"),
                                      hint: LocalizedText("reverse the hand-outs that drew on it first, or correct the receipt with a new entry",
                                                          "hãy đảo các lần cấp phát đã lấy từ lô này trước, hoặc điều chỉnh khoản nhập bằng một bút toán mới"))
                }
            }
        }
        var changes: [HoldingKey: HoldingChange] = [:]
        for line in reversal.lines {
            roles.forEachHolding(of: line, isReversal: true) { holding, change in
                if roles.isValued(holding) { _ = changes[holding, default: HoldingChange()].add(change) }
            }
        }
        for (holding, change) in changes.sorted(by: { $0.key.subjectID < $1.key.subjectID }) {
            let timeline = try funding.state.timeline(holding, from: reversal.date, ledger: self, pending: pipeline.pending)
            var after = timeline.asOf(Int32(reversal.date.dayKey))
            after.net += change.net
            after.valueDong += change.valueDong
            guard (after.net == 0 && after.valueDong != 0) || (after.net > 0 && after.valueDong < 0) else { continue }
            let money = Amount(minorUnits: after.net, currency: roles.moneyAccounts[holding.subjectID] ?? .vnd)
            let held = holding.kind == .goods ? LocalizedText("\(MoneyFormat.english.number(after.net)) units", "\(count: after.net) đơn vị")
                : LocalizedText("\(grouped: money)", "\(grouped: money)")
            let itemCode = try codes(of: .goodsItem).byID[holding.subjectID] ?? "#\(holding.subjectID)"
            let accountCode = try accountCodesByID()[holding.subjectID] ?? "#\(holding.subjectID)"
            let name = holding.kind == .goods ? LocalizedText("goods item \(itemCode)", "mặt hàng \(itemCode)") : LocalizedText("account \(accountCode)", "tài khoản \(accountCode)")
            throw LedgerError(.valuationOrder, LocalizedText("reversing entry \(original.seq) on \(reversal.date) would leave \(name) holding \(held) carried at \(groupedDong: after.valueDong): what it brought in was valued since at an average that included it",
                                                             "đảo bút toán \(original.seq) vào ngày \(reversal.date) sẽ để \(name) còn \(held) với giá trị ghi sổ \(groupedDong: after.valueDong): phần đã nhập vào từ đó đã được tính vào giá bình quân"),
                              hint: LocalizedText("post the correction as an outflow valued at the average instead (\(action: .convert), or a payment from the account)",
                                                  "hãy ghi điều chỉnh thành một khoản xuất theo giá bình quân (\(action: .convert), hoặc một khoản chi từ tài khoản)"))
        }
    }

    /// A reversal names the original's accounts; a closed one refuses it like any entry.
    private func checkAccountsOpen(_ entry: ValidatedEntry) throws {
        let accounts = try accountsByCode()
        for line in entry.lines {
            if let closed = accounts[line.account.code]?.closedOn {
                throw LedgerError(.closedAccount, LocalizedText("account \(line.account.code) was closed on \(closed), so the reversal cannot post to it", "tài khoản \(line.account.code) đã đóng từ ngày \(closed), nên bút toán đảo không ghi vào được"),
                                  hint: LocalizedText("post a correcting entry to open accounts with \(action: .post, quoted: true) instead", "hãy ghi bút toán điều chỉnh vào các tài khoản đang mở bằng \(action: .post, quoted: true)"))
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
    /// The fund whose books this ledger's were carried into (docs/fund-network.md): after its
    /// final record, a ledger takes no entry.
    let successor: (ledgerID: String, from: LedgerDate)?

    init(ledger: Ledger) throws {
        successor = try ledger.successor()
        lock = try ledger.periodLock()
        approvalThresholdDong = try ledger.settings().approvalThresholdDong
        hasPendingEntries = try ledger.database.scalarInt64("SELECT EXISTS (SELECT 1 FROM pending_entry WHERE status = 'pending')") == 1
    }
}

extension PostingControls {
    /// Refuses any entry in a ledger whose books were carried into a successor.
    func checkNotSucceeded(_ date: LedgerDate) throws {
        guard let successor else { return }
        throw LedgerError(.periodClosed, LocalizedText("this fund's books were carried into its successor (ledger \(successor.ledgerID)) from \(successor.from); this ledger takes no more entries",
                                                       "sổ của quỹ này đã được chuyển sang quỹ kế thừa (sổ \(successor.ledgerID)) từ ngày \(successor.from); sổ này không nhận thêm bút toán nào"),
                          hint: LocalizedText("post the entry dated \(date) in the successor's ledger", "hãy ghi bút toán ngày \(date) vào sổ của quỹ kế thừa"))
    }
}
