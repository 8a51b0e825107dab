/// What an entry says it is, as a person reads it.
///
/// An entry's memo is what the accountant typed. When they typed none, `cpf receive`,
/// `cpf disburse` and `cpf convert` store an empty memo, and the description is rendered here,
/// in the reader's language, from what the entry records: the accounts, the funder and grant,
/// the program, place and child-instances, the goods and the amounts. A Vietnamese reader
/// reads the voucher names of Vietnamese practice (phiếu thu, giấy báo Có, phiếu chi, ủy nhiệm
/// chi, phiếu xuất kho); the English text is what earlier versions stored.
extension Ledger {
    /// The description of `entry` in both languages: its memo as typed, or the generated one.
    public func description(of entry: JournalEntry) throws -> LocalizedText {
        guard entry.memo.isEmpty else { return SystemMemo.localized(entry.memo) }
        return try EntryDescriber(ledger: self).describe(entry)
    }

    /// The description of entry `seq` whose stored memo is `memo` (a report row): the memo, or,
    /// when it is empty, the description generated from the entry.
    func description(seq: Int64, memo: String) throws -> LocalizedText {
        guard memo.isEmpty else { return SystemMemo.localized(memo) }
        guard let entry = try entry(seq: seq) else { return LocalizedText("Entry \(seq)", "Bút toán \(seq)") }
        return try EntryDescriber(ledger: self).describe(entry)
    }
}

/// Renders the generated description of an entry from its lines (`Ledger.description(of:)`).
struct EntryDescriber {
    let ledger: Ledger

    func describe(_ entry: JournalEntry) throws -> LocalizedText {
        let accounts = Dictionary(try ledger.accountsByCode().values.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let type = { (line: PostedLine) in accounts[line.account.id]?.type }
        let goodsAccount = try ledger.settings().goodsAccountCode
        if let transfer = try ledger.transferDescription(of: entry) { return transfer }
        if let revenue = entry.lines.first(where: { type($0) == .revenue && $0.amountDong < 0 }) {
            if let goods = entry.lines.first(where: { $0.account.code == goodsAccount && ($0.quantity ?? 0) > 0 }) {
                return try goodsReceived(goods, from: revenue)
            }
            let into = entry.lines.first { $0.amountDong > 0 }
            return try moneyReceived(revenue, into: into)
        }
        if let spending = entry.lines.first(where: { type($0) == .expense && $0.amountDong > 0 && $0.program != nil }) {
            let from = entry.lines.first { $0.amountDong < 0 }
            // A hand-out split by lot has a spending line per lot: their children add up.
            let children = entry.lines.filter { type($0) == .expense && $0.program == spending.program && $0.unit == spending.unit }
                .reduce(Int64(0)) { $0 + ($1.children ?? 0) }
            return try spent(spending, children: children, from: from, goodsAccount: goodsAccount)
        }
        if let sold = entry.lines.first(where: { $0.amountDong < 0 && $0.foreign != nil }),
           let received = entry.lines.first(where: { $0.amountDong > 0 && $0.foreign == nil && type($0) == .asset }) {
            return LocalizedText("Conversion of \(sold.foreign!.amount.negated) into \(grouped: Amount.vnd(received.amountDong))",
                                 "Bán ngoại tệ: \(sold.foreign!.amount.negated) thu về \(grouped: Amount.vnd(received.amountDong))")
        }
        return LocalizedText("Entry \(entry.seq)", "Bút toán \(entry.seq)")
    }

    private func funderName(_ reference: RegistryReference?) throws -> String? {
        guard let reference else { return nil }
        return try ledger.funders().first { $0.id == reference.id }?.name ?? reference.code
    }

    /// `Receipt from AIA Việt Nam (grant KFW-2018)`; `Giấy báo Có: nhận của … (khoản tài trợ …)`.
    private func moneyReceived(_ revenue: PostedLine, into: PostedLine?) throws -> LocalizedText {
        let voucher = into?.account.code.hasPrefix("111") == true ? "Phiếu thu" : "Giấy báo Có"
        let grant = revenue.grant.map { LocalizedText(" (grant \($0.code))", " (khoản tài trợ \($0.code))") } ?? .empty
        guard let funder = try funderName(revenue.funder) else {
            return LocalizedText("Receipt interest\(grant)", "\(voucher): lãi tiền gửi\(grant)")
        }
        return LocalizedText("Receipt from \(funder)\(grant)", "\(voucher): nhận của \(funder)\(grant)")
    }

    /// `Goods in kind from AIA Việt Nam: 90 bicycle`; `Nhận hiện vật của AIA Việt Nam: 90 chiếc Xe đạp`.
    private func goodsReceived(_ goods: PostedLine, from revenue: PostedLine) throws -> LocalizedText {
        let item = try ledger.goodsItems().first { $0.id == goods.item?.id }
        let code = goods.item?.code ?? ""
        let quantity = goods.quantity ?? 0
        let funder = try funderName(revenue.funder)
        let vietnameseItem = item.map { "\($0.unit) \($0.nameVietnamese)" } ?? code
        return LocalizedText("Goods in kind\(funder.map { " from \($0)" } ?? ""): \(quantity) \(code)",
                             "Nhận hiện vật\(funder.map { " của \($0)" } ?? ""): \(count: quantity) \(vietnameseItem)")
    }

    /// `Scholarships in TN: 20 child-instances`; `Phiếu chi: Học bổng tại TN: 20 lượt trẻ em`.
    private func spent(_ spending: PostedLine, children: Int64, from: PostedLine?, goodsAccount: String) throws -> LocalizedText {
        let program = try ledger.programs().first { $0.id == spending.program?.id }
        let english = program?.nameEnglish ?? spending.program?.code ?? ""
        let vietnamese = program?.nameVietnamese ?? spending.program?.code ?? ""
        let unit = spending.unit?.code ?? ""
        let voucher = from?.account.code == goodsAccount ? "Phiếu xuất kho"
            : from?.account.code.hasPrefix("112") == true ? "Ủy nhiệm chi" : "Phiếu chi"
        return LocalizedText("\(english) in \(unit): \(children) child-instances",
                             "\(voucher): \(vietnamese) tại \(unit): \(count: children) lượt trẻ em")
    }
}

/// The memos cpf itself writes around what a person typed — a reversal's and a period
/// record's — in both languages; any other memo is shown as typed.
///
///     Reversal of entry 9: paid twice            Đảo bút toán 9: paid twice
///     Period 2018-12 closed: the books are …     Khóa sổ kỳ 2018-12: sổ khóa đến ngày 31/12/2018
///     Period 2018-12 reopened (from …): why      Mở lại kỳ 2018-12 (từ ngày …): why
enum SystemMemo {
    static func localized(_ memo: String) -> LocalizedText {
        if let rest = memo.strip(prefix: "Reversal of entry "), let colon = rest.firstIndex(of: ":"), let seq = Int64(rest[..<colon]) {
            let reason = String(rest[rest.index(after: colon)...].dropFirst())
            return LocalizedText(english: memo, vietnamese: "Đảo bút toán \(seq): \(reason)")
        }
        if let rest = memo.strip(prefix: "Period "), let space = rest.firstIndex(of: " ") {
            let period = String(rest[..<space]), tail = rest[rest.index(after: space)...]
            if let through = tail.strip(prefix: "closed: the books are closed through "), let date = try? LedgerDate.parse(String(through)) {
                return LocalizedText(english: memo, vietnamese: "Khóa sổ kỳ \(period): sổ khóa đến ngày \(date.vietnamese)")
            }
            if let reopened = tail.strip(prefix: "reopened (from "), let close = reopened.firstIndex(of: ")"),
               let date = try? LedgerDate.parse(String(reopened[..<close])), reopened[close...].hasPrefix("): ") {
                let reason = reopened[reopened.index(close, offsetBy: 3)...]
                return LocalizedText(english: memo, vietnamese: "Mở lại kỳ \(period) (từ ngày \(date.vietnamese)): \(reason)")
            }
        }
        // A successor's opening entry (Network/Succession.swift).
        if let rest = memo.strip(prefix: "Opening balances carried from ") {
            let vietnamese = String(rest).replacing(", ledger ", with: ", sổ ").replacing(", entry ", with: ", bút toán ").replacing(", hash ", with: ", mã băm ")
            return LocalizedText(english: memo, vietnamese: "Số dư chuyển sang từ \(vietnamese)")
        }
        // A goods receipt's line: "in kind: 90 bicycle × 1,500,000 VND (basis)".
        if let rest = memo.strip(prefix: "in kind: "), let times = rest.firstRange(of: " × "), let open = rest.firstRange(of: " ("),
           let value = try? Amount.parse(String(rest[times.upperBound..<open.lowerBound]).replacing(",", with: "")) {
            return LocalizedText(english: memo, vietnamese: "hiện vật: \(rest[..<times.lowerBound]) × \(MoneyFormat.vietnamese.format(value))\(rest[open.lowerBound...])")
        }
        return LocalizedText(verbatim: memo)
    }
}

private extension StringProtocol {
    func strip(prefix: String) -> SubSequence? {
        hasPrefix(prefix) ? self[index(startIndex, offsetBy: prefix.count)...] : nil
    }
}
