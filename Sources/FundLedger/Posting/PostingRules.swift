/// The funding rules every entry meets, checked on its validated lines before it is written:
///
/// - money received on a grant is in the grant's currency, on a grant that is not closed or
///   cancelled, and never more than the grant commits;
/// - money spent on a grant goes to the grant's programs and places, within its dates, while
///   it is active, and never on management costs unless the grant is unrestricted;
/// - org units are used only while they exist.
///
/// What must stay at or above zero on every date — money accounts, goods on hand, a grant's
/// available money — is `HoldingRules`, which every entry meets (`PostingPipeline.admit`).
///
/// Each refusal names the rule, gives the figures, and says how to proceed.
struct PostingRules {
    let ledger: Ledger
    let roles: AccountRoles
    let settings: LedgerSettings
    /// The connection's funding figures, read and updated in place.
    let funding: FundingCache

    init(validator: EntryValidator) {
        ledger = validator.ledger
        roles = validator.roles
        settings = validator.settings
        funding = validator.ledger.fundingCache()
    }

    /// Checks `lines` of an entry dated `date`. A reversal undoes a checked entry, so its
    /// lines are not held to the purpose of the grant again.
    func check(_ lines: [PostedLine], date: LedgerDate, pending: BalanceAccumulator, isReversal: Bool = false) throws {
        try checkUnits(lines, date: date)
        for grantID in Set(lines.compactMap { $0.grant?.id }).sorted() {
            guard let grant = try ledger.grant(id: grantID) else { continue }
            let grantLines = lines.filter { $0.grant?.id == grantID }
            let terms = grant.terms(on: date)
            for line in grantLines {
                try checkReceipt(line, grant: grant, terms: terms)
                if !isReversal { try checkSpending(line, grant: grant, terms: terms, date: date) }
            }
            try checkGrantReceipts(grant, lines: grantLines, pending: pending)
        }
    }

    private func checkReceipt(_ line: PostedLine, grant: Grant, terms: GrantTerms) throws {
        guard roles.type(line.account.id) == .revenue, line.amountDong < 0 else { return }
        if terms.status == .closed || terms.status == .cancelled {
            throw LedgerError(.restriction, LocalizedText("grant \(grant.code) is \(terms.status.rawValue); it receives nothing more", "khoản tài trợ \(grant.code) ở trạng thái \(terms.status.localizedName); không nhận thêm tiền"),
                              hint: LocalizedText("receive the money without the grant, or amend the grant if it was closed by mistake", "hãy ghi thu không theo khoản tài trợ, hoặc sửa khoản tài trợ nếu đã đóng nhầm"))
        }
        let lineCurrency = line.foreign?.amount.currency ?? .vnd
        if lineCurrency != grant.currency {
            throw LedgerError(.currencyMismatch, LocalizedText("grant \(grant.code) is committed in \(grant.currency.code), but this receipt is in \(lineCurrency.code)", "khoản tài trợ \(grant.code) cam kết bằng \(grant.currency.code), nhưng khoản thu này bằng \(lineCurrency.code)"),
                              hint: LocalizedText("receive it in \(grant.currency.code), as the funder committed", "hãy ghi thu bằng \(grant.currency.code), như nhà tài trợ đã cam kết"))
        }
    }

    func checkSpending(_ line: PostedLine, grant: Grant, terms: GrantTerms, date: LedgerDate) throws {
        guard roles.type(line.account.id) == .expense, line.amountDong > 0 else { return }
        switch terms.status {
        case .active: break
        case .pledged:
            throw LedgerError(.restriction, LocalizedText("grant \(grant.code) is only pledged; its money cannot be spent yet", "khoản tài trợ \(grant.code) mới ở mức hứa tài trợ; chưa được chi"),
                              hint: LocalizedText("when the agreement is signed: \(action: .grantAmend, "\(grant.code) \(parameter: .status, "active") \(parameter: .reason, "\"agreement signed\"")")", "khi thỏa thuận đã ký: \(action: .grantAmend, "\(grant.code) \(parameter: .status, "active") \(parameter: .reason, "\"đã ký thỏa thuận\"")")"))
        case .closed, .cancelled:
            throw LedgerError(.restriction, LocalizedText("grant \(grant.code) is \(terms.status.rawValue); nothing more is spent from it", "khoản tài trợ \(grant.code) ở trạng thái \(terms.status.localizedName); không được chi thêm"),
                              hint: LocalizedText("charge the spending to another grant or to unrestricted money", "hãy ghi khoản chi vào khoản tài trợ khác hoặc nguồn không hạn chế"))
        }
        if let from = terms.validFrom, date < from {
            throw LedgerError(.restriction, LocalizedText("grant \(grant.code) may be spent from \(from); this entry is dated \(date)", "khoản tài trợ \(grant.code) được chi từ ngày \(from); bút toán này ghi ngày \(date)"),
                              hint: LocalizedText("date the spending within the grant's window, or charge it elsewhere", "hãy ghi ngày chi trong thời hạn của khoản tài trợ, hoặc ghi vào nguồn khác"))
        }
        if let to = terms.validTo, date > to {
            throw LedgerError(.restriction, LocalizedText("grant \(grant.code) could be spent until \(to); this entry is dated \(date)", "khoản tài trợ \(grant.code) chỉ được chi đến ngày \(to); bút toán này ghi ngày \(date)"),
                              hint: LocalizedText("charge the spending elsewhere, or amend the grant's window with the funder's agreement", "hãy ghi khoản chi vào nguồn khác, hoặc sửa thời hạn khoản tài trợ khi nhà tài trợ đồng ý"))
        }
        // Passed on to another fund, the money keeps its purpose there: the receiving fund's
        // grant carries the programs (docs/fund-network.md), and it is spent under them.
        if roles.transferOutAccountIDs.contains(line.account.id) { return }
        if terms.restriction != .unrestricted && roles.managementAccountIDs.contains(line.account.id) {
            throw LedgerError(.restriction, LocalizedText("\(terms.restriction.rawValue) money of grant \(grant.code) cannot pay management costs (account \(line.account.code))", "tiền \(terms.restriction.localizedName) của khoản tài trợ \(grant.code) không được chi cho chi phí quản lý (tài khoản \(line.account.code))"),
                              hint: LocalizedText("pay management costs from unrestricted money", "hãy chi phí quản lý từ nguồn không hạn chế"))
        }
        try checkProgram(line, grant: grant, terms: terms)
        try checkUnit(line, grant: grant, terms: terms)
    }

    private func checkProgram(_ line: PostedLine, grant: Grant, terms: GrantTerms) throws {
        guard !terms.programIDs.isEmpty else { return }
        guard let program = line.program, terms.programIDs.contains(program.id) else {
            let allowed = try terms.programIDs.compactMap { try ledger.codes(of: .program).byID[$0] }.sorted()
            let spent = line.program.map { LocalizedText("program \($0.code)", "chương trình \($0.code)") } ?? LocalizedText("no program", "không có chương trình")
            let list = allowed.joined(separator: ", ")
            throw LedgerError(.restriction, LocalizedText("grant \(grant.code) may be spent only on \(list); this spending names \(spent)",
                                                          "khoản tài trợ \(grant.code) chỉ được chi cho \(list); khoản chi này ghi \(spent)"),
                              hint: LocalizedText("charge it to a grant that allows it, or to unrestricted money (leave out \(parameter: .grant))",
                                                  "hãy ghi vào khoản tài trợ cho phép chi như vậy, hoặc vào nguồn không hạn chế (bỏ \(parameter: .grant))"))
        }
    }

    private func checkUnit(_ line: PostedLine, grant: Grant, terms: GrantTerms) throws {
        guard !terms.unitIDs.isEmpty else { return }
        let units = try ledger.units()
        var current = line.unit.flatMap { units[$0.id] }
        while let unit = current {
            if terms.unitIDs.contains(unit.id) { return }
            current = unit.parentID.flatMap { units[$0] }
        }
        let allowed = terms.unitIDs.compactMap { units[$0]?.code }.sorted()
        let spent = line.unit.map { LocalizedText("unit \($0.code)", "đơn vị \($0.code)") } ?? LocalizedText("no unit", "không có đơn vị")
        let list = allowed.joined(separator: ", ")
        throw LedgerError(.restriction, LocalizedText("grant \(grant.code) may be spent only in \(list) (and the units within them); this spending names \(spent)",
                                                      "khoản tài trợ \(grant.code) chỉ được chi tại \(list) (và các đơn vị trực thuộc); khoản chi này ghi \(spent)"),
                          hint: LocalizedText("charge it to a grant for that place, or to unrestricted money (leave out \(parameter: .grant))",
                                              "hãy ghi vào khoản tài trợ cho địa bàn đó, hoặc vào nguồn không hạn chế (bỏ \(parameter: .grant))"))
    }

    /// A grant never receives more than it commits, in its own currency.
    private func checkGrantReceipts(_ grant: Grant, lines: [PostedLine], pending: BalanceAccumulator) throws {
        guard lines.contains(where: { roles.type($0.account.id) == .revenue }) else { return }
        let before = try funding.state.grantFigures(grant.id, currency: grant.currency, ledger: ledger, pending: pending)
        var after = before
        for line in lines {
            after.add(line, accountType: roles.type(line.account.id), isFXAccount: line.account.id == roles.fxAccountID, grantCurrency: grant.currency)
        }
        let committed = grant.current.committed
        let received = after.receivedInGrantCurrency(grant.currency)
        if received > committed.minorUnits && received > before.receivedInGrantCurrency(grant.currency) {
            let total = Amount(minorUnits: received, currency: grant.currency)
            throw LedgerError(.overspent, LocalizedText("grant \(grant.code) would have received \(grouped: total) of the \(grouped: committed) committed",
                                                        "khoản tài trợ \(grant.code) sẽ nhận \(grouped: total) trong khi chỉ cam kết \(grouped: committed)"),
                              hint: LocalizedText("amend the grant first if the funder raised its commitment: \(action: .grantAmend, "\(grant.code) \(parameter: .amount, "\"…\"") \(parameter: .reason, "\"…\"")")",
                                                  "nếu nhà tài trợ tăng cam kết, hãy sửa khoản tài trợ trước: \(action: .grantAmend, "\(grant.code) \(parameter: .amount, "\"…\"") \(parameter: .reason, "\"…\"")")"))
        }
    }

    private func checkUnits(_ lines: [PostedLine], date: LedgerDate) throws {
        guard lines.contains(where: { $0.unit != nil }) else { return }
        let units = try ledger.units()
        for line in lines {
            guard let reference = line.unit, let unit = units[reference.id], !unit.isEffective(on: date) else { continue }
            let successor = unit.mergedIntoID.flatMap { units[$0]?.code }.map { LocalizedText("; it was merged into \($0)", "; đơn vị đã sáp nhập vào \($0)") } ?? .empty
            let from = unit.effectiveFrom.map { LocalizedText("\($0)", "\($0)") } ?? LocalizedText("the start", "khi bắt đầu")
            let to = unit.effectiveTo.map { LocalizedText("\($0)", "\($0)") } ?? LocalizedText("now", "nay")
            throw LedgerError(.restriction, LocalizedText("unit \(unit.code) exists from \(from) to \(to), not on \(date)\(successor)",
                                                          "đơn vị \(unit.code) tồn tại từ \(from) đến \(to), không có vào ngày \(date)\(successor)"),
                              hint: successor.isEmpty ? LocalizedText("use the unit in effect on that date", "hãy dùng đơn vị còn hiệu lực vào ngày đó")
                                                      : LocalizedText("use the successor unit for entries after the merger", "hãy dùng đơn vị kế thừa cho các bút toán sau khi sáp nhập"))
        }
    }

    // MARK: Balance and exchange difference

    static func checkBalanced(_ lines: [PostedLine]) throws {
        // At most 1,001 lines of at most 10^15 each: the sums cannot overflow Int64.
        var debits: Int64 = 0
        var credits: Int64 = 0
        for line in lines {
            if line.amountDong > 0 { debits += line.amountDong } else { credits -= line.amountDong }
        }
        guard debits == credits else {
            let larger = debits > credits ? LocalizedText("debits exceed credits", "Nợ lớn hơn Có") : LocalizedText("credits exceed debits", "Có lớn hơn Nợ")
            throw LedgerError(.unbalanced, LocalizedText("the entry does not balance: debits \(groupedDong: debits), credits \(groupedDong: credits); \(larger) by \(groupedDong: abs(debits - credits))",
                                                         "bút toán không cân: Nợ \(groupedDong: debits), Có \(groupedDong: credits); \(larger) \(groupedDong: abs(debits - credits))"),
                              hint: LocalizedText("correct an amount, or add a line for the difference", "hãy sửa số tiền, hoặc thêm một dòng cho phần chênh lệch"))
        }
    }

    /// The realized exchange difference of an entry where foreign currency leaves an account
    /// at its book rate: the dong the entry states on its other lines minus the book value,
    /// booked to the exchange-difference account (a gain is a credit). `nil` when the entry
    /// has no book-valued line or already balances.
    ///
    /// A difference above 10 % of the book value is refused as a likely mistake: exchange
    /// rates do not move that much between a receipt and its use.
    static func fxDifference(_ lines: [PostedLine], outflows: OutflowTally, settings: LedgerSettings, accounts: [String: Account]) throws -> PostedLine? {
        guard outflows.bookValuedDong > 0 else { return nil }
        let imbalance = lines.reduce(Int64(0)) { $0 + $1.amountDong }
        guard imbalance != 0 else { return nil }
        guard Int128(abs(imbalance)) * 10 <= Int128(outflows.bookValuedDong) else {
            throw LedgerError(.unbalanced, LocalizedText("the entry is \(groupedDong: abs(imbalance)) out of balance against the \(groupedDong: outflows.bookValuedDong) book value of the foreign currency leaving; that is too much to be an exchange difference",
                                                         "bút toán lệch \(groupedDong: abs(imbalance)) so với giá trị ghi sổ \(groupedDong: outflows.bookValuedDong) của ngoại tệ chi ra; mức đó quá lớn để là chênh lệch tỷ giá"),
                              hint: LocalizedText("check the amounts: state the dong actually obtained or spent", "hãy kiểm tra số tiền: ghi số đồng thực nhận hoặc thực chi"))
        }
        guard let account = accounts[settings.fxDifferenceAccountCode], !account.isHeading, account.closedOn == nil else {
            throw LedgerError(.unknownAccount, LocalizedText("the exchange-difference account \(settings.fxDifferenceAccountCode) is missing, a heading or closed",
                                                             "tài khoản chênh lệch tỷ giá \(settings.fxDifferenceAccountCode) không có, là tài khoản tổng hợp hoặc đã đóng"),
                              hint: LocalizedText("set an open posting account: \(action: .settingsSet, "fx-difference-account 413")", "hãy đặt một tài khoản chi tiết đang mở: \(action: .settingsSet, "fx-difference-account 413")"))
        }
        // The difference follows the money it arose on when all of it came from one funder and grant.
        let sources = outflows.bookValuedLines
        let single = sources.allSatisfy { $0.funder == sources[0].funder && $0.grant == sources[0].grant } ? sources.first : nil
        return PostedLine(lineNumber: lines.count + 1, account: RegistryReference(id: account.id, code: account.code), amountDong: -imbalance,
                          funder: single?.funder, grant: single?.grant, restriction: single?.restriction ?? .unrestricted,
                          memo: imbalance > 0 ? "realized exchange gain" : "realized exchange loss")
    }
}
