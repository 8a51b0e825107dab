/// One change of state in the books: an entry posted, approved or reversed, a period closed
/// or reopened, or a registry, setting or approval change from the audit trail.
public struct HistoryEvent: Sendable, Equatable {
    public let at: Timestamp
    public let user: String
    public let action: String
    public let subject: String
    public let entrySeq: Int64?
    public let detail: String
}

/// Which events `Ledger.history` lists; `nil` fields do not filter.
public struct HistoryFilter: Sendable {
    public var entrySeq: Int64?
    public var user: String?
    public var from: LedgerDate?
    public var to: LedgerDate?

    public init(entrySeq: Int64? = nil, user: String? = nil, from: LedgerDate? = nil, to: LedgerDate? = nil) {
        self.entrySeq = entrySeq
        self.user = user
        self.from = from
        self.to = to
    }
}

extension Ledger {
    /// Who did what and when, oldest first: the journal's own records (who posted and approved
    /// each entry, which entry reverses which) merged with the audit trail (`change_log`).
    /// Filtered by entry (its posting, approval, reversal, and the pending submission it came
    /// from), by user, and by the day (UTC) it happened.
    ///
    /// - Throws: `LedgerError.factsAltered` when the audit trail (or another fact) is not what
    ///   the fact records say: a history edited outside cpf is never shown as if it were true.
    public func history(_ filter: HistoryFilter) throws -> [HistoryEvent] {
        try read {
            try requireRecordedFacts()
            let arguments: [String: any DatabaseBindable] = [
                ":seq": filter.entrySeq, ":user": filter.user,
                ":from": filter.from.map { $0.iso + "T00:00:00.000Z" }, ":to": filter.to.map { $0.iso + "T23:59:59.999Z" },
            ]
            var events: [HistoryEvent] = []
            // Postings and approvals come from the entries themselves (their hash covers them).
            try database.forEachRow("""
                SELECT posted_at, posted_by, CASE kind WHEN 'journal' THEN CASE WHEN reverses_seq IS NULL THEN 'post' ELSE 'reverse' END ELSE kind END,
                       'entry:' || seq, seq, CASE WHEN reverses_seq IS NULL THEN entry_date || ' ' || memo ELSE 'reverses entry ' || reverses_seq || ': ' || memo END
                FROM entry
                WHERE (:seq IS NULL OR seq = :seq OR reverses_seq = :seq) AND (:user IS NULL OR posted_by = :user)
                  AND (:from IS NULL OR posted_at >= :from) AND (:to IS NULL OR posted_at <= :to)
                UNION ALL
                SELECT approved_at, approved_by, 'approve', 'entry:' || seq, seq, 'approved entry posted by ' || posted_by
                FROM entry
                WHERE approved_by IS NOT NULL AND (:seq IS NULL OR seq = :seq) AND (:user IS NULL OR approved_by = :user)
                  AND (:from IS NULL OR approved_at >= :from) AND (:to IS NULL OR approved_at <= :to)
                UNION ALL
                SELECT changed_at, changed_by, action, subject, entry_seq, detail
                FROM change_log c
                WHERE action NOT IN ('approve', 'period-close', 'period-reopen')
                  AND (:seq IS NULL OR entry_seq = :seq OR subject = (SELECT 'pending:' || id FROM pending_entry WHERE entry_seq = :seq))
                  AND (:user IS NULL OR changed_by = :user)
                  AND (:from IS NULL OR changed_at >= :from) AND (:to IS NULL OR changed_at <= :to)
                ORDER BY 1, 5
                """, named: arguments) { row in
                events.append(HistoryEvent(at: Timestamp.parse(row.text(at: 0)) ?? Timestamp(millisecondsSinceEpoch: 0), user: row.text(at: 1),
                                           action: row.text(at: 2), subject: row.text(at: 3), entrySeq: row.isNull(at: 4) ? nil : row.int64(at: 4),
                                           detail: row.text(at: 5)))
            }
            return events
        }
    }

    public func historyReport(_ filter: HistoryFilter) throws -> Report {
        let events = try history(filter)
        var table = ReportTable(key: "history", columns: [
            ReportColumn("at", LocalizedText("When (UTC)", "Thời điểm (giờ Việt Nam, UTC+7)"), .text), ReportColumn("user", LocalizedText("Who", "Người thực hiện"), .text),
            ReportColumn("action", LocalizedText("Action", "Thao tác"), .text), ReportColumn("subject", LocalizedText("Subject", "Đối tượng"), .text),
            ReportColumn("entry", LocalizedText("Entry", "Bút toán"), .text), ReportColumn("detail", LocalizedText("Detail", "Chi tiết"), .text),
        ])
        table.rows = try events.map { event in
            // An entry's detail is its date and description: a generated description is
            // rendered from the entry, in the reader's language.
            var detail = HistoryText.detail(event.detail, action: event.action)
            if event.action == "post", let seq = event.entrySeq, event.detail.count == 11, event.detail.last == " " {
                let date = event.detail.prefix(10), description = try description(seq: seq, memo: "")
                detail = LocalizedText("\(date) \(description)", "\(date) \(description)")
            }
            // What a registration names, in the reader's language: the registry has both names.
            if event.action == "goods-item-add" || event.action == "program-add" || event.action == "account-add",
               let code = event.subject.split(separator: ":", maxSplits: 1).last.map(String.init) {
                detail = try registeredName(event.action, code: code, recorded: detail)
            }
            return [.localized(event.at.localizedMoment), .text(event.user), .localized(HistoryText.action(event.action)), .localized(HistoryText.subject(event.subject)),
                    event.entrySeq.map { .text(String($0)) } ?? .empty, .localized(detail)]
        }
        var parameters: [(label: LocalizedText, value: ReportCell)] = []
        if let seq = filter.entrySeq { parameters.append((LocalizedText("Entry", "Bút toán"), .text(String(seq)))) }
        if let user = filter.user { parameters.append((LocalizedText("User", "Người dùng"), .text(user))) }
        if let from = filter.from { parameters.append((LocalizedText("From", "Từ ngày"), .date(from))) }
        if let to = filter.to { parameters.append((LocalizedText("To", "Đến ngày"), .date(to))) }
        return try makeReport(key: "history", title: LocalizedText("History", "Nhật ký thao tác"), parameters: parameters, tables: [table])
    }

    /// A registration's detail with the Vietnamese name the registry holds for it.
    private func registeredName(_ action: String, code: String, recorded: LocalizedText) throws -> LocalizedText {
        switch action {
        case "goods-item-add":
            guard let item = try goodsItems().first(where: { $0.code == code }), recorded.english.hasPrefix(item.nameEnglish) else { return recorded }
            return LocalizedText(english: recorded.english, vietnamese: item.nameVietnamese + recorded.english.dropFirst(item.nameEnglish.count))
        case "program-add":
            guard let program = try programs().first(where: { $0.code == code }), recorded.english.hasPrefix(program.nameEnglish) else { return recorded }
            return LocalizedText(english: recorded.english, vietnamese: program.nameVietnamese + recorded.english.dropFirst(program.nameEnglish.count))
        default:
            guard let account = try accountsByCode()[code] else { return recorded }
            let type = account.type
            let prefix = "\(type.rawValue) \(account.currency.code) "
            guard recorded.english.hasPrefix(prefix) else { return recorded }
            return LocalizedText(english: recorded.english, vietnamese: "\(type.nameVietnamese) \(account.currency.code) \(account.nameVietnamese)")
        }
    }
}
