/// A digest statement: the chain head at a moment, with the period's totals, meant to be
/// published or sent to donors. Anyone holding it can later run
/// `cpf verify --at <headSeq> --digest <headHash>` to prove nothing up to that entry, and no
/// registry, setting, rate or audit-trail row of that moment, changed or vanished.
public struct Seal: Sendable, Equatable {
    public let fundName: String
    public let period: AccountingPeriod
    public let headSeq: Int64
    public let headHash: [UInt8]
    /// Whether the period was closed when it was sealed (otherwise entries may still be
    /// dated in it later, after the sealed head).
    public let periodClosed: Bool
    public let entryCount: Int64
    public let totalDebitDong: Int64
    public let revenueDong: Int64
    public let expensesDong: Int64
    /// Cash (111…) and bank (112…) at the period's end.
    public let cashAndBankDong: Int64
    public let sealedBy: String
    public let sealedAt: Timestamp

    /// How to check later that nothing up to this seal changed: the verification at its head
    /// (`cpf`: `cpf verify --at SEQ --digest HEX`).
    public var verification: LocalizedText {
        LocalizedText("\(action: .verify, "\(parameter: .chainPosition, "\(headSeq)") \(parameter: .digest, "\(headHash.hexString)")")",
                      "\(action: .verify, "\(parameter: .chainPosition, "\(headSeq)") \(parameter: .digest, "\(headHash.hexString)")")")
    }
}

extension Ledger {
    /// Seals `period`: computes its totals and the state digest (the journal's head and every
    /// fact's). It only reads, so an auditor can seal a ledger they cannot write.
    ///
    /// - Throws: `LedgerError.invalidInput` when the journal is empty.
    public func seal(_ period: AccountingPeriod, user: String) throws -> Seal {
        let user = try TextRules.checkedUser(user)
        let now = Timestamp.now()
        return try read {
            let head = try stateHead()
            guard head.seq > 0 else {
                throw LedgerError(.invalidInput, LocalizedText("the journal has no entries to seal", "sổ nhật ký chưa có bút toán nào để niêm phong"), hint: LocalizedText("post entries first", "hãy ghi bút toán trước"))
            }
            let from = period.firstDay
            let totals = try database.firstRow("""
                SELECT count(DISTINCT e.seq),
                       coalesce(sum(CASE WHEN l.amount_vnd > 0 THEN l.amount_vnd END), 0),
                       coalesce(sum(CASE WHEN a.type = 'revenue' THEN -l.amount_vnd END), 0),
                       coalesce(sum(CASE WHEN a.type = 'expense' THEN l.amount_vnd END), 0)
                FROM entry e LEFT JOIN line l ON l.entry_seq = e.seq LEFT JOIN account a ON a.id = l.account_id
                WHERE e.kind = 'journal' AND e.entry_date BETWEEN ?1 AND ?2
                """, [from.iso, period.lastDay.iso]) { ($0.int64(at: 0), $0.int64(at: 1), $0.int64(at: 2), $0.int64(at: 3)) }!
            let cash = try database.scalarInt64("""
                SELECT coalesce(sum(l.amount_vnd), 0) FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id
                WHERE a.type = 'asset' AND (a.code LIKE '111%' OR a.code LIKE '112%') AND e.entry_date <= ?1
                """, [period.lastDay.iso]) ?? 0
            let closed = try periodLock()?.lockedThrough.map { period.lastDay <= $0 } ?? false
            let seal = Seal(fundName: fundName, period: period, headSeq: head.seq, headHash: head.digest, periodClosed: closed,
                            entryCount: totals.0, totalDebitDong: totals.1, revenueDong: totals.2, expensesDong: totals.3,
                            cashAndBankDong: cash, sealedBy: user, sealedAt: now)
            return seal
        }
    }

    /// The seal as a report (table, JSON, HTML…).
    public func sealReport(_ seal: Seal) throws -> Report {
        var table = ReportTable(key: "seal", columns: [
            ReportColumn("figure", LocalizedText("Figure", "Chỉ tiêu"), .text), ReportColumn("value", LocalizedText("Value", "Giá trị"), .text),
        ])
        let english = MoneyFormat.english
        table.rows = [
            [.localized(LocalizedText("Fund", "Quỹ")), .text(seal.fundName)],
            [.localized(LocalizedText("Period", "Kỳ")), .text("\(seal.period)")],
            [.localized(LocalizedText("Period closed", "Kỳ đã khóa")), .localized(seal.periodClosed ? LocalizedText("yes", "có") : LocalizedText("no — entries may still be dated in it", "chưa — vẫn có thể ghi thêm"))],
            [.localized(LocalizedText("Entries dated in the period", "Số bút toán trong kỳ")), .text(String(seal.entryCount))],
            [.localized(LocalizedText("Total debits in the period", "Tổng phát sinh Nợ trong kỳ")), .text(english.format(dong: seal.totalDebitDong))],
            [.localized(LocalizedText("Revenue in the period", "Tổng thu trong kỳ")), .text(english.format(dong: seal.revenueDong))],
            [.localized(LocalizedText("Expenses in the period", "Tổng chi trong kỳ")), .text(english.format(dong: seal.expensesDong))],
            [.localized(LocalizedText("Cash and bank at the period's end", "Tiền mặt và tiền gửi cuối kỳ")), .text(english.format(dong: seal.cashAndBankDong))],
            [.localized(LocalizedText("Last entry (sequence)", "Bút toán cuối (số thứ tự)")), .text(String(seal.headSeq))],
            [.localized(LocalizedText("Head digest (SHA-256)", "Mã băm đầu chuỗi (SHA-256)")), .text(seal.headHash.hexString)],
            [.localized(LocalizedText("Sealed by", "Người niêm phong")), .text(seal.sealedBy)],
            [.localized(LocalizedText("Sealed at (UTC)", "Thời điểm (UTC)")), .text(seal.sealedAt.iso)],
        ]
        return try makeReport(key: "seal", title: LocalizedText("Digest statement", "Bản xác nhận mã băm"), parameters: [], tables: [table],
                              notes: [LocalizedText("To check later that nothing up to this entry was changed or removed: \(seal.verification)",
                                                    "Để kiểm tra sau này rằng không bút toán nào đến số này bị sửa hay xóa: \(seal.verification)")],
                              isPublic: true)
    }
}
