
/// An entry that waits for a second person (maker–checker): submitted at or above the
/// approval threshold, outside the chain and every balance until approved.
public struct PendingEntry: Sendable, Equatable {
    public enum Status: String, Sendable {
        case pending, approved, rejected
    }

    public let id: Int64
    public let draft: EntryDraft
    public let totalDebitDong: Int64
    public let submittedBy: String
    public let submittedAt: Timestamp
    public let status: Status
    public let decidedBy: String?
    public let decidedAt: Timestamp?
    public let decisionNote: String?
    /// The posted entry, once approved.
    public let entrySeq: Int64?
}

extension Ledger {
    /// Entries waiting for approval (or, with `status`, those decided that way), oldest first.
    public func pendingEntries(status: PendingEntry.Status? = .pending) throws -> [PendingEntry] {
        try read {
            var entries: [PendingEntry] = []
            try database.forEachRow("""
                SELECT id, draft, total_debit_vnd, submitted_by, submitted_at, status, decided_by, decided_at, decision_note, entry_seq
                FROM pending_entry WHERE ?1 IS NULL OR status = ?1 ORDER BY id
                """, [status?.rawValue]) { entries.append(try Ledger.pendingEntry($0)) }
            return entries
        }
    }

    /// The entries waiting for approval, as a report.
    public func pendingReport() throws -> Report {
        var table = ReportTable(key: "pending", columns: [
            ReportColumn("id", LocalizedText("Pending", "Số chờ duyệt"), .count), ReportColumn("date", LocalizedText("Date", "Ngày"), .date),
            ReportColumn("memo", LocalizedText("Memo", "Diễn giải"), .text), ReportColumn("ref", LocalizedText("Reference", "Số chứng từ"), .text),
            ReportColumn("amount_vnd", LocalizedText("Amount", "Số tiền"), .dong), ReportColumn("submitted_by", LocalizedText("Submitted by", "Người lập"), .text),
            ReportColumn("submitted_at", LocalizedText("Submitted at (UTC)", "Lúc (UTC)"), .text),
        ])
        table.rows = try pendingEntries().map {
            [.count($0.id), .date($0.draft.date), .text($0.draft.memo), .text($0.draft.externalRef ?? ""), .dong($0.totalDebitDong),
             .text($0.submittedBy), .text($0.submittedAt.iso)]
        }
        return try read {
            try makeReport(key: "pending", title: LocalizedText("Entries waiting for approval", "Bút toán chờ duyệt"), parameters: [], tables: [table],
                           notes: [LocalizedText("Pending entries are in no balance or report until a different person approves them (\(action: .approve)).",
                                                 "Bút toán chờ duyệt chưa vào số dư hay báo cáo nào cho đến khi người khác duyệt (\(action: .approve)).")])
        }
    }

    /// One pending entry by its number, whatever its status.
    public func pendingEntry(id: Int64) throws -> PendingEntry? {
        try database.firstRow("""
            SELECT id, draft, total_debit_vnd, submitted_by, submitted_at, status, decided_by, decided_at, decision_note, entry_seq
            FROM pending_entry WHERE id = ?
            """, [id]) { try Ledger.pendingEntry($0) }
    }

    private static func pendingEntry(_ row: Statement) throws -> PendingEntry {
        PendingEntry(id: row.int64(at: 0), draft: try DraftCoding.decode(row.text(at: 1)), totalDebitDong: row.int64(at: 2),
                     submittedBy: row.text(at: 3), submittedAt: Timestamp.parse(row.text(at: 4)) ?? Timestamp(millisecondsSinceEpoch: 0),
                     status: try StoredValue.decode(PendingEntry.Status.self, row.text(at: 5), "pending_entry.status"),
                     decidedBy: row.isNull(at: 6) ? nil : row.text(at: 6),
                     decidedAt: row.isNull(at: 7) ? nil : Timestamp.parse(row.text(at: 7)),
                     decisionNote: row.isNull(at: 8) ? nil : row.text(at: 8),
                     entrySeq: row.isNull(at: 9) ? nil : row.int64(at: 9))
    }

    /// Keeps an entry at or above the threshold for a second person. Inside the caller's
    /// write transaction; the entry was validated against the books as they stand.
    func submitForApproval(_ draft: EntryDraft, totalDebitDong: Int64, user: String, at now: Timestamp) throws -> PendingEntry {
        try database.execute("""
            INSERT INTO pending_entry (entry_date, memo, external_ref, total_debit_vnd, draft, submitted_by, submitted_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [draft.date.iso, draft.memo, draft.externalRef, totalDebitDong, try DraftCoding.encode(draft), user, now.iso])
        let id = database.lastInsertRowID
        try recordChange(action: "submit", subject: "pending:\(id)",
                         detail: "entry dated \(draft.date) for \(totalDebitDong) VND waits for approval: \(draft.memo)", user: user, at: now)
        // Built from what was submitted, not read back: nothing after the inserts may refuse,
        // or a partial import would go on with them written.
        return PendingEntry(id: id, draft: draft, totalDebitDong: totalDebitDong, submittedBy: user, submittedAt: now,
                            status: .pending, decidedBy: nil, decidedAt: nil, decisionNote: nil, entrySeq: nil)
    }

    /// The pending entry that already holds `reference`, if any.
    func pendingEntry(externalRef reference: String) throws -> PendingEntry? {
        guard let id = try database.scalarInt64("SELECT id FROM pending_entry WHERE external_ref = ? AND status = 'pending'", [reference]) else {
            return nil
        }
        return try pendingEntry(id: id)
    }

    /// Approves pending entry `id`: validates it again against the books as they stand now
    /// and posts it, recording the submitter as who posted it and `user` as who approved it
    /// (both are part of the entry's hash).
    ///
    /// - Throws: `LedgerError.approval` for a self-approval, an entry already approved or
    ///   rejected, or an unknown number; `.periodClosed` when its date is now in a closed
    ///   period; any posting rule the entry now breaks. Nothing is written then.
    @discardableResult
    public func approve(pendingID id: Int64, user: String) throws -> JournalEntry {
        let user = try TextRules.checkedUser(user)
        let now = Timestamp.now()
        return try write {
            let pending = try undecidedPendingEntry(id: id)
            guard pending.submittedBy != user else {
                throw LedgerError(.approval, LocalizedText("\(user) submitted pending entry \(id) and cannot also approve it", "\(user) đã lập bút toán chờ duyệt \(id) nên không thể tự duyệt"),
                                  hint: LocalizedText("a different person approves it: \(action: .approve, "\(id) \(parameter: .user, "<name>")")", "người khác phải duyệt: \(action: .approve, "\(id) \(parameter: .user, "<tên>")")"))
            }
            let pipeline = try PostingPipeline(ledger: self, user: user, postedAt: now)
            let approval = PostingPipeline.Approval(approvedBy: user, approvedAt: now, submittedBy: pending.submittedBy, submittedAt: pending.submittedAt)
            guard case .posted(let entry) = try pipeline.submit(pending.draft, approval: approval) else {
                preconditionFailure("an approved entry is posted or refused")
            }
            try pipeline.finish()
            try database.execute("UPDATE pending_entry SET status = 'approved', decided_by = ?, decided_at = ?, entry_seq = ? WHERE id = ?",
                                 [user, now.iso, entry.seq, id])
            try recordChange(action: "approve", subject: "pending:\(id)", detail: "approved and posted as entry \(entry.seq)",
                             user: user, at: now, entrySeq: entry.seq)
            // A transfer between funds is written with its entry (docs/fund-network.md).
            try completeTransfer(pendingID: id, entry: entry, user: user, at: now)
            return entry
        }
    }

    /// Rejects pending entry `id`; it is never posted. The submitter may withdraw their own.
    public func reject(pendingID id: Int64, reason: String, user: String) throws {
        let user = try TextRules.checkedUser(user)
        try TextRules.check(reason, named: "reason", maximumLength: 400)
        let now = Timestamp.now()
        try write {
            _ = try undecidedPendingEntry(id: id)
            try database.execute("UPDATE pending_entry SET status = 'rejected', decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ?",
                                 [user, now.iso, reason, id])
            try recordChange(action: "reject", subject: "pending:\(id)", detail: "rejected: \(reason)", user: user, at: now)
        }
    }

    private func undecidedPendingEntry(id: Int64) throws -> PendingEntry {
        guard let pending = try pendingEntry(id: id) else {
            throw LedgerError(.approval, LocalizedText("there is no pending entry \(id)", "không có bút toán chờ duyệt \(id)"), hint: LocalizedText("\(action: .pendingList, quoted: true) lists the entries that wait for approval", "\(action: .pendingList, quoted: true) liệt kê các bút toán đang chờ duyệt"))
        }
        switch pending.status {
        case .pending: return pending
        case .approved:
            throw LedgerError(.approval, LocalizedText("pending entry \(id) was already approved by \(pending.decidedBy ?? "?") and posted as entry \(pending.entrySeq ?? 0)", "bút toán chờ duyệt \(id) đã được \(pending.decidedBy ?? "?") duyệt và ghi sổ thành bút toán \(pending.entrySeq ?? 0)"),
                              hint: LocalizedText("nothing to do; an entry is approved once", "không cần làm gì; mỗi bút toán chỉ duyệt một lần"))
        case .rejected:
            throw LedgerError(.approval, LocalizedText("pending entry \(id) was rejected by \(pending.decidedBy ?? "?")", "bút toán chờ duyệt \(id) đã bị \(pending.decidedBy ?? "?") từ chối"),
                              hint: LocalizedText("submit it again with \(action: .post, quoted: true) if it should be posted", "nếu cần ghi sổ, hãy lập lại bằng \(action: .post, quoted: true)"))
        }
    }
}

/// The stored form of a submitted draft: JSON with sorted keys, amounts and rates as the
/// exact decimal text the user would type ("10000.00 USD", "22750.5"), written and read by
/// the project's own JSON (Text/JSON.swift).
enum DraftCoding {
    static func encode(_ draft: EntryDraft) throws -> String {
        func optional(_ key: String, _ text: String?) -> [(String, JSONValue)] { text.map { [(key, .string($0))] } ?? [] }
        func optional(_ key: String, _ number: Int64?) -> [(String, JSONValue)] { number.map { [(key, .integer($0))] } ?? [] }
        let lines: [JSONValue] = draft.lines.map { line in
            var fields: [(String, JSONValue)] = [("account", .string(line.accountCode)), ("amount", .string(line.amount.description))]
            if !line.beneficiaryCodes.isEmpty { fields.append(("codes", .array(line.beneficiaryCodes.map(JSONValue.string)))) }
            fields += optional("children", line.children) + optional("dong", line.dong) + optional("funder", line.dimensions.funder)
                + optional("grant", line.dimensions.grant) + optional("item", line.item) + optional("memo", line.memo)
                + optional("program", line.dimensions.program) + optional("quantity", line.quantity)
                + optional("rate", line.rate?.description) + optional("rateSource", line.rateSource)
            fields.append(("side", .string(line.side.rawValue)))
            fields += optional("unit", line.dimensions.unit)
            return .object(fields.sorted { $0.0 < $1.0 })
        }
        let object: [(String, JSONValue)] = [("date", .string(draft.date.iso)), ("lines", .array(lines)), ("memo", .string(draft.memo))]
            + optional("ref", draft.externalRef)
        return JSONValue.object(object).serialized()
    }

    static func decode(_ text: String) throws -> EntryDraft {
        let damaged = LedgerError(.invalidInput, LocalizedText("a pending entry's stored draft is damaged", "bản nháp đã lưu của một bút toán chờ duyệt bị hư hỏng"), hint: LocalizedText("run \(action: .audit, quoted: true) and restore the file from a backup", "hãy chạy \(action: .audit, quoted: true) và khôi phục tệp từ bản sao lưu"))
        let object: JSONValue
        do { object = try JSONValue.parse(text) } catch { throw damaged }
        guard let date = object["date"]?.stringValue, let memo = object["memo"]?.stringValue, let lines = object["lines"]?.arrayValue else {
            throw damaged
        }
        return EntryDraft(date: try LedgerDate.parse(date), memo: memo, externalRef: object["ref"]?.stringValue, lines: try lines.map { fields in
            guard let account = fields["account"]?.stringValue, let side = fields["side"]?.stringValue.flatMap(Side.init(rawValue:)),
                  let amount = fields["amount"]?.stringValue else {
                throw LedgerError(.invalidInput, LocalizedText("a pending entry's stored line is damaged", "một dòng đã lưu của bút toán chờ duyệt bị hư hỏng"), hint: LocalizedText("run \(action: .audit, quoted: true) and restore the file from a backup", "hãy chạy \(action: .audit, quoted: true) và khôi phục tệp từ bản sao lưu"))
            }
            return LineDraft(accountCode: account, side: side, amount: try Amount.parse(amount), dong: fields["dong"]?.integerValue,
                             rate: try fields["rate"]?.stringValue.map(Rate.parse), rateSource: fields["rateSource"]?.stringValue,
                             dimensions: Dimensions(funder: fields["funder"]?.stringValue, grant: fields["grant"]?.stringValue,
                                                    program: fields["program"]?.stringValue, unit: fields["unit"]?.stringValue),
                             item: fields["item"]?.stringValue, quantity: fields["quantity"]?.integerValue, children: fields["children"]?.integerValue,
                             beneficiaryCodes: fields["codes"]?.arrayValue?.compactMap(\.stringValue) ?? [], memo: fields["memo"]?.stringValue)
        })
    }
}
