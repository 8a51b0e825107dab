/// A month or a year named on the command line: `2018-12` or `2018` (which means up to
/// December 2018).
public struct AccountingPeriod: Sendable, Hashable, CustomStringConvertible {
    public let year: Int
    /// `nil` for a whole year.
    public let month: Int?

    public init(year: Int, month: Int? = nil) {
        self.year = year
        self.month = month
    }

    public static func parse(_ text: String) throws -> AccountingPeriod {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (parts.count == 1 || parts.count == 2), parts[0].count == 4, let year = Int(parts[0]), (1900...2199).contains(year) else {
            throw LedgerError(.invalidDate, LocalizedText("'\(text)' is not a period", "'\(text)' không phải là kỳ kế toán"), hint: LocalizedText("write a month as YYYY-MM (2018-12) or a year as YYYY (2018)", "hãy viết tháng dạng YYYY-MM (2018-12) hoặc năm dạng YYYY (2018)"))
        }
        guard parts.count == 2 else { return AccountingPeriod(year: year) }
        guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else {
            throw LedgerError(.invalidDate, LocalizedText("'\(text)' is not a month", "'\(text)' không phải là tháng"), hint: LocalizedText("write a month as YYYY-MM, e.g. 2018-12", "hãy viết tháng dạng YYYY-MM, ví dụ 2018-12"))
        }
        return AccountingPeriod(year: year, month: month)
    }

    public var firstDay: LedgerDate { LedgerDate(year: year, month: month ?? 1, day: 1)! }
    public var lastDay: LedgerDate { month.map { LedgerDate(year: year, month: $0, day: 1)!.lastOfMonth } ?? .lastOf(year: year) }

    public var description: String { month.map { "\(year)-\(LedgerDate.pad($0, 2))" } ?? "\(year)" }
}

/// How far the books are closed.
public struct PeriodLock: Sendable, Equatable {
    /// Every date up to and including this one is closed; `nil` when nothing is.
    public let lockedThrough: LedgerDate?
    /// The period-close or period-reopen entry that set it.
    public let setBySeq: Int64

    /// The lock a close or reopen record leaves. A close dated D locks through D; a reopen
    /// dated on the last day of month M unlocks M and later, so it locks through the day
    /// before M began (nothing, when M starts the books' calendar).
    static func after(_ entry: JournalEntry) -> LedgerDate?? {
        switch entry.kind {
        case .journal: return nil
        case .periodClose: return .some(entry.date)
        case .periodReopen:
            let first = entry.date.firstOfMonth
            return .some(first == .earliest ? nil : first.adding(days: -1))
        }
    }
}

extension Ledger {
    /// The current period lock, or `nil` when no period was ever closed.
    public func periodLock() throws -> PeriodLock? {
        try database.firstRow("SELECT locked_through, set_by_seq FROM period_lock WHERE id = 1") { row in
            // A lock that is not a date is damage, never "nothing closed".
            guard row.isNull(at: 0) || (try? LedgerDate.parse(row.text(at: 0))) != nil else {
                throw StoredValue.damaged("period_lock.locked_through", row.text(at: 0))
            }
            return PeriodLock(lockedThrough: row.isNull(at: 0) ? nil : try LedgerDate.parse(row.text(at: 0)), setBySeq: row.int64(at: 1))
        }
    }

    /// Closes `period` and every date before it: from then on no entry dated up to its last
    /// day is posted, reversed into it or approved into it, until it is reopened. The closing
    /// is an entry of the hash chain (kind `period-close`, no lines).
    ///
    /// - Throws: `LedgerError.periodClosed` when it is already closed; `.invalidDate` when the
    ///   period has not ended yet; `.approval` when entries dated in it still wait for approval.
    @discardableResult
    public func closePeriod(_ period: AccountingPeriod, user: String) throws -> JournalEntry {
        let user = try TextRules.checkedUser(user)
        let now = Timestamp.now()
        return try write {
            if let through = try periodLock()?.lockedThrough, period.lastDay <= through {
                throw LedgerError(.periodClosed, LocalizedText("period \(period) is already closed: the books are closed through \(through)", "kỳ \(period) đã khóa sổ: sổ đã khóa đến ngày \(through)"),
                                  hint: LocalizedText("nothing to do; \(action: .periodList, quoted: true) shows the closings", "không cần làm gì; \(action: .periodList, quoted: true) cho xem các lần khóa sổ"))
            }
            guard period.lastDay < Timestamp.today() else {
                throw LedgerError(.invalidDate, LocalizedText("period \(period) has not ended yet (it ends on \(period.lastDay))", "kỳ \(period) chưa kết thúc (kết thúc vào ngày \(period.lastDay))"),
                                  hint: LocalizedText("close a period after its last day", "hãy khóa sổ sau ngày cuối cùng của kỳ"))
            }
            let waiting = try database.scalarInt64("SELECT count(*) FROM pending_entry WHERE status = 'pending' AND entry_date <= ?", [period.lastDay.iso]) ?? 0
            if waiting > 0 {
                throw LedgerError(.approval, LocalizedText("\(waiting) entr\(waiting == 1 ? "y" : "ies") dated in or before \(period) still wait\(waiting == 1 ? "s" : "") for approval",
                                                  "còn \(waiting) bút toán ghi ngày trong hoặc trước kỳ \(period) đang chờ duyệt"),
                                  hint: LocalizedText("approve or reject them first (\(action: .pendingList, quoted: true) lists them)", "hãy duyệt hoặc từ chối chúng trước (\(action: .pendingList, quoted: true) liệt kê chúng)"))
            }
            let record = ValidatedEntry(kind: .periodClose, date: period.lastDay,
                                        memo: "Period \(period) closed: the books are closed through \(period.lastDay)",
                                        externalRef: nil, lines: [])
            return try appendPeriodRecord(record, user: user, at: now)
        }
    }

    /// Reopens `period` and every later closed month, recording who and why in the chain
    /// (kind `period-reopen`, no lines).
    ///
    /// - Throws: `LedgerError.periodClosed` when the period is not closed.
    @discardableResult
    public func reopenPeriod(_ period: AccountingPeriod, reason: String, user: String) throws -> JournalEntry {
        let user = try TextRules.checkedUser(user)
        try TextRules.check(reason, named: "reason", maximumLength: 400)
        let now = Timestamp.now()
        // Reopening a year reopens its January and everything after.
        let first = AccountingPeriod(year: period.year, month: period.month ?? 1)
        return try write {
            guard let through = try periodLock()?.lockedThrough, first.firstDay <= through else {
                let state = try periodLock()?.lockedThrough.map { LocalizedText("the books are closed through \($0)", "sổ đã khóa đến ngày \($0)") }
                    ?? LocalizedText("no period is closed", "chưa khóa sổ kỳ nào")
                throw LedgerError(.periodClosed, LocalizedText("period \(period) is not closed: \(state)", "kỳ \(period) chưa khóa sổ: \(state)"),
                                  hint: LocalizedText("nothing to reopen", "không có gì để mở lại"))
            }
            let record = ValidatedEntry(kind: .periodReopen, date: first.lastDay,
                                        memo: "Period \(period) reopened (from \(first.firstDay)): \(reason)",
                                        externalRef: nil, lines: [])
            return try appendPeriodRecord(record, user: user, at: now)
        }
    }

    private func appendPeriodRecord(_ record: ValidatedEntry, user: String, at now: Timestamp) throws -> JournalEntry {
        let pipeline = try PostingPipeline(ledger: self, user: user, postedAt: now)
        let entry = try pipeline.admit(record)
        try pipeline.finish()
        let lock = PeriodLock.after(entry)!
        try database.execute("""
            INSERT INTO period_lock (id, locked_through, set_by_seq) VALUES (1, ?, ?)
            ON CONFLICT (id) DO UPDATE SET locked_through = excluded.locked_through, set_by_seq = excluded.set_by_seq
            """, [lock?.iso, entry.seq])
        try recordChange(action: entry.kind.rawValue, subject: "period:\(lock?.iso ?? "none")", detail: entry.memo,
                         user: user, at: now, entrySeq: entry.seq)
        return entry
    }

    /// Refuses a journal entry dated in a closed period. The trigger
    /// `entry_outside_closed_periods` refuses it in storage as well.
    func checkPeriodOpen(_ date: LedgerDate, lock: PeriodLock?, doing action: LocalizedText) throws {
        guard let through = lock?.lockedThrough, date <= through else { return }
        let month = date.iso.prefix(7)
        throw LedgerError(.periodClosed, LocalizedText("cannot \(action) dated \(date): the books are closed through \(through)",
                                                       "không thể \(action) ngày \(date): sổ đã khóa đến ngày \(through)"),
                          hint: LocalizedText("date it after \(through), or reopen the period with \(action: .periodReopen, "\(month) \(parameter: .reason, "…")", quoted: true)",
                                              "hãy ghi ngày sau \(through), hoặc mở lại kỳ bằng \(action: .periodReopen, "\(month) \(parameter: .reason, "…")", quoted: true)"))
    }

    /// Every period-close and period-reopen record, oldest first.
    public func periodRecords() throws -> [JournalEntry] {
        var seqs: [Int64] = []
        try database.forEachRow("SELECT seq FROM entry WHERE kind <> 'journal' ORDER BY seq") { seqs.append($0.int64(at: 0)) }
        return try seqs.compactMap { try entry(seq: $0) }
    }
}

extension Ledger {
    /// The period closings and reopenings, and the lock they leave, as a report
    /// (`cpf period list`, any format and language).
    public func periodsReport() throws -> Report {
        try read {
            var table = ReportTable(key: "periods", columns: [
                ReportColumn("entry", LocalizedText("Entry", "Bút toán"), .count),
                ReportColumn("kind", LocalizedText("Record", "Loại"), .text),
                ReportColumn("posted_at", LocalizedText("At (UTC)", "Lúc (giờ Việt Nam, UTC+7)"), .text),
                ReportColumn("posted_by", LocalizedText("By", "Người thực hiện"), .text),
                ReportColumn("memo", LocalizedText("Memo", "Diễn giải"), .text),
            ])
            table.rows = try periodRecords().map { record in
                [.identifier(record.seq), .localized(HistoryText.action(record.kind.rawValue)), .localized(record.postedAt.localizedMoment), .text(record.postedBy), .localized(SystemMemo.localized(record.memo))]
            }
            let lock = try periodLock()?.lockedThrough
            return try makeReport(key: "periods", title: LocalizedText("Closed periods", "Khóa sổ kỳ kế toán"),
                                  parameters: [(LocalizedText("Closed through", "Đã khóa đến ngày"), lock.map(ReportCell.date) ?? .localized(LocalizedText("nothing closed", "chưa khóa kỳ nào")))],
                                  tables: [table])
        }
    }
}
