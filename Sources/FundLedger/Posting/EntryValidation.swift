extension EntryDraft {
    /// The most lines one entry may have (the schema's CHECK agrees).
    public static let lineCountMax = 1000
    /// The most beneficiary codes one line may carry.
    public static let beneficiaryCodeCountMax = 10_000
}

/// Turns drafts into validated entries: every rule an entry must meet before it is written.
///
/// An entry is validated as a whole:
/// - two or more lines, each naming an open posting account and a positive amount;
/// - a foreign amount coming in has an exact rate (the line's own with its source, or the
///   rate table's latest on or before the entry date) and any stated dong value equals it;
/// - money leaving a foreign-currency account is valued at that account's moving weighted-
///   average book rate, and goods leaving the goods account at their carrying value; the
///   difference between book value and the dong the entry states is booked to the
///   exchange-difference account as a realized gain or loss (`PostingRules.fxDifference`);
/// - dimensions name registered codes, and the restriction follows from the grant's terms;
/// - debits equal credits in dong;
/// - the funding rules of `PostingRules` hold (restrictions, overspending, stock, balances).
///
/// The first broken rule is thrown as a `LedgerError`.
struct EntryValidator {
    let ledger: Ledger
    let roles: AccountRoles
    let settings: LedgerSettings
    /// The funding figures the rules consult. They live in the ledger's cache, kept current by
    /// `JournalWriter.append` for every entry written, so they carry from one of this
    /// connection's transactions to the next (dropped when another connection writes, or a
    /// transaction fails).
    ///
    /// They are held by reference (`FundingCache`) and changed in place: a rule that reads a
    /// figure for the first time stores it without copying the others.
    var funding: FundingState {
        get { ledger.fundingCache().state }
        nonmutating _modify { yield &ledger.fundingCache().state }
    }
    private var rateCache: [RateKey: ExchangeRate?] = [:]
    /// Every recorded rate by currency code, oldest first, once `cacheAllRates()` read them.
    private var ratesByCurrency: [String: [ExchangeRate]]?

    private struct RateKey: Hashable {
        let currency: String
        let dayKey: Int
    }

    init(ledger: Ledger) throws {
        self.ledger = ledger
        self.roles = try AccountRoles.of(ledger)
        self.settings = try ledger.settings()
    }

    /// Reads every recorded rate at once, for a transaction that records none itself (an
    /// import): a rate is then found without a query (the posting thread need not take the
    /// connection back from `JournalWriter`'s second thread).
    mutating func cacheAllRates() throws {
        ratesByCurrency = Dictionary(grouping: try ledger.exchangeRates(), by: \.currency.code)
    }

    /// The latest of `rates` (oldest first) dated on or before `date`.
    private static func latest(_ rates: [ExchangeRate], onOrBefore date: LedgerDate) -> ExchangeRate? {
        var low = 0, high = rates.count
        while low < high {
            let middle = (low + high) / 2
            if rates[middle].date <= date { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : rates[low - 1]
    }

    /// Validates `draft` against the books as they stand, including `pending`: what this
    /// transaction already wrote.
    mutating func validate(_ draft: EntryDraft, pending: BalanceAccumulator) throws -> ValidatedEntry {
        try checkHeader(draft)
        let accounts = try ledger.accountsByCode()
        var lines: [PostedLine] = []
        lines.reserveCapacity(draft.lines.count + 1)
        var outflows = OutflowTally()
        for (index, line) in draft.lines.enumerated() {
            do {
                lines.append(try validate(line, number: index + 1, date: draft.date, accounts: accounts, pending: pending, outflows: &outflows))
            } catch let error as LedgerError {
                throw LedgerError(error.rule, LocalizedText("line \(index + 1): \(error.explanation)", "dòng \(index + 1): \(error.explanation)"), hint: error.remedy)
            }
        }
        if let difference = try PostingRules.fxDifference(lines, outflows: outflows, settings: settings, accounts: accounts) {
            lines.append(difference)
        }
        try PostingRules.checkBalanced(lines)
        try PostingRules(validator: self).check(lines, date: draft.date, pending: pending)
        return ValidatedEntry(date: draft.date, memo: draft.memo, externalRef: draft.externalRef, lines: lines)
    }


    private func checkHeader(_ draft: EntryDraft) throws {
        try TextRules.check(draft.memo, named: "memo", maximumLength: TextRules.memoLengthMax, allowEmpty: true)
        if let reference = draft.externalRef {
            try TextRules.check(reference, named: "reference", maximumLength: TextRules.referenceLengthMax)
        }
        guard draft.lines.count >= 2 else {
            throw LedgerError(.tooFewLines, LocalizedText("an entry needs at least two lines; this one has \(draft.lines.count)", "một bút toán cần ít nhất hai dòng; bút toán này có \(draft.lines.count)"),
                              hint: LocalizedText("give at least one debit and one credit, e.g. \(parameter: .debit, "\"1121 1000000 VND\"") \(parameter: .credit, "\"5132 1000000 VND\"")", "ghi ít nhất một dòng Nợ và một dòng Có, ví dụ \(parameter: .debit, "\"1121 1000000 VND\"") \(parameter: .credit, "\"5132 1000000 VND\"")"))
        }
        guard draft.lines.count <= EntryDraft.lineCountMax else {
            throw LedgerError(.tooManyLines, LocalizedText("an entry may have at most \(EntryDraft.lineCountMax) lines; this one has \(draft.lines.count)", "một bút toán có tối đa \(EntryDraft.lineCountMax) dòng; bút toán này có \(draft.lines.count)"),
                              hint: LocalizedText("split it into several entries", "hãy tách thành nhiều bút toán"))
        }
    }

    private mutating func validate(_ line: LineDraft, number: Int, date: LedgerDate, accounts: [String: Account],
                                   pending: BalanceAccumulator, outflows: inout OutflowTally) throws -> PostedLine {
        let account = try postingAccount(line.accountCode, accounts: accounts)
        guard line.amount.minorUnits > 0 else {
            throw LedgerError(.invalidAmount, LocalizedText("the amount \(line.amount) is not positive", "số tiền \(line.amount) không phải số dương"),
                              hint: LocalizedText("give a positive amount; the side (debit or credit) says its direction", "ghi số tiền dương; bên Nợ hay Có cho biết chiều của nó"))
        }
        guard line.amount.minorUnits <= Amount.magnitudeMax else {
            throw LedgerError(.overflow, LocalizedText("the amount \(line.amount) is more than one line can carry", "số tiền \(line.amount) vượt quá mức một dòng có thể ghi"), hint: LocalizedText("split it into several lines", "hãy tách thành nhiều dòng"))
        }
        try line.memo.map { try TextRules.check($0, named: "line memo", maximumLength: TextRules.memoLengthMax) }
        let sign: Int64 = line.side == .debit ? 1 : -1
        let goods = try goodsReference(line, account: account)
        let dimensions = try resolveDimensions(line.dimensions, date: date)
        try checkAccountAgrees(line, account: account, program: dimensions.program)
        let (dong, foreign): (Int64, ForeignAmount?)
        let isBookValued = account.isForeignCurrency && account.type == .asset && line.side == .credit
        if isBookValued {
            (dong, foreign) = try bookValue(line, account: account, date: date, pending: pending, outflows: &outflows)
        } else if let goods, account.id == roles.goodsAccountID, line.side == .credit {
            dong = try carryingValue(line, item: goods, date: date, pending: pending, outflows: &outflows)
            foreign = nil
        } else {
            (dong, foreign) = try convert(line, account: account, date: date)
        }
        let children = try checkedChildren(line)
        let posted = PostedLine(
            lineNumber: number, account: RegistryReference(id: account.id, code: account.code), amountDong: sign * dong,
            foreign: foreign.map { ForeignAmount(amount: Amount(minorUnits: sign * $0.amount.minorUnits, currency: $0.amount.currency),
                                                 rate: $0.rate, rateDate: $0.rateDate, rateSource: $0.rateSource) },
            funder: dimensions.funder, grant: dimensions.grant, program: dimensions.program, unit: dimensions.unit,
            restriction: dimensions.restriction, item: goods,
            quantity: line.quantity.map { sign * $0 }, children: children.map { sign * $0 },
            memo: line.memo?.isEmpty == true ? nil : line.memo, beneficiaryCodes: line.beneficiaryCodes.sorted())
        if isBookValued { outflows.bookValuedLines.append((posted.funder, posted.grant, posted.restriction)) }
        return posted
    }

    /// A money account carries only its own currency; a program on an expense line is one the
    /// account belongs to (its expense account is the line's account or a heading above it).
    private func checkAccountAgrees(_ line: LineDraft, account: Account, program: RegistryReference?) throws {
        if roles.flags(account.id) & AccountRoles.moneyFlag != 0, line.amount.currency != account.currency {
            throw LedgerError(.currencyMismatch, LocalizedText("account \(account.code) (\(account.nameEnglish)) holds only \(account.currency.code); this line gives \(line.amount)", "tài khoản \(account.code) (\(account.nameVietnamese)) chỉ ghi bằng \(account.currency.code); dòng này ghi \(line.amount)"),
                              hint: account.currency == .vnd
                                ? LocalizedText("post foreign money to a foreign-currency account such as 1112 (cash) or 1122 (bank)", "ghi ngoại tệ vào tài khoản ngoại tệ như 1112 (tiền mặt) hoặc 1122 (tiền gửi ngân hàng)")
                                : LocalizedText("give the amount in \(account.currency.code)", "ghi số tiền bằng \(account.currency.code)"))
        }
        guard let program, account.type == .expense else { return }
        let allowed = roles.programsByExpenseAccount[account.id] ?? []
        guard !allowed.contains(program.id) else { return }
        let names = try allowed.compactMap { try ledger.codes(of: .program).byID[$0] }.sorted()
        throw LedgerError(.invalidAccount, names.isEmpty
                            ? LocalizedText("account \(account.code) (\(account.nameEnglish)) belongs to no program, but the line names program \(program.code)", "tài khoản \(account.code) (\(account.nameVietnamese)) không thuộc chương trình nào, nhưng dòng này ghi chương trình \(program.code)")
                            : LocalizedText("account \(account.code) (\(account.nameEnglish)) is the expense account of \(names.joined(separator: ", ")), not of program \(program.code)", "tài khoản \(account.code) (\(account.nameVietnamese)) là tài khoản chi của \(names.joined(separator: ", ")), không phải của chương trình \(program.code)"),
                          hint: LocalizedText("book program \(program.code) on its own expense account (\(action: .programList, quoted: true) shows it), or leave the program out", "hạch toán chương trình \(program.code) vào đúng tài khoản chi của nó (\(action: .programList, quoted: true) cho biết tài khoản đó), hoặc bỏ chương trình ra"))
    }

    private func postingAccount(_ code: String, accounts: [String: Account]) throws -> Account {
        guard let account = accounts[code] else { throw Ledger.unknownAccount(code) }
        if account.isHeading {
            let children = accounts.values.filter { $0.parentCode == account.code && $0.closedOn == nil }.map(\.code).sorted()
            throw LedgerError(.headerAccount, LocalizedText("account \(account.code) (\(account.nameEnglish)) is a heading with sub-accounts", "tài khoản \(account.code) (\(account.nameVietnamese)) là tài khoản tổng hợp có tài khoản chi tiết"),
                              hint: LocalizedText("post to one of its sub-accounts: \(children.joined(separator: ", "))", "hãy ghi vào một tài khoản chi tiết của nó: \(children.joined(separator: ", "))"))
        }
        if let closed = account.closedOn {
            throw LedgerError(.closedAccount, LocalizedText("account \(account.code) (\(account.nameEnglish)) was closed on \(closed)", "tài khoản \(account.code) (\(account.nameVietnamese)) đã đóng từ ngày \(closed)"),
                              hint: LocalizedText("post to an open account; \(action: .accountList, quoted: true) shows which are open", "hãy ghi vào tài khoản đang mở; \(action: .accountList, quoted: true) cho biết tài khoản nào đang mở"))
        }
        return account
    }

    // MARK: Valuation

    /// The dong value of money coming in, or of any line not valued at book.
    private mutating func convert(_ line: LineDraft, account: Account, date: LedgerDate) throws -> (Int64, ForeignAmount?) {
        let currency = line.amount.currency
        if account.isForeignCurrency && currency != account.currency {
            throw LedgerError(.currencyMismatch, LocalizedText("account \(account.code) is kept in \(account.currency.code), but the line gives \(line.amount)", "tài khoản \(account.code) ghi bằng \(account.currency.code), nhưng dòng này ghi \(line.amount)"),
                              hint: LocalizedText("give the amount in \(account.currency.code), e.g. '\(account.code) 100.00 \(account.currency.code)'; the dong value follows from the rate", "ghi số tiền bằng \(account.currency.code), ví dụ '\(account.code) 100.00 \(account.currency.code)'; giá trị bằng đồng tính theo tỷ giá"))
        }
        guard currency != .vnd else {
            if line.rate != nil {
                throw LedgerError(.invalidRate, LocalizedText("a VND amount takes no exchange rate", "số tiền VND không có tỷ giá"), hint: LocalizedText("remove the rate from the line", "bỏ tỷ giá khỏi dòng này"))
            }
            if let dong = line.dong, dong != line.amount.minorUnits {
                throw LedgerError(.rateMismatch, LocalizedText("the line states two different VND amounts", "dòng này ghi hai số tiền VND khác nhau"), hint: LocalizedText("give the amount once", "chỉ ghi số tiền một lần"))
            }
            return (line.amount.minorUnits, nil)
        }
        let applied = try appliedRate(line, date: date)
        let dong = try applied.rate.convertToDong(line.amount)
        if let stated = line.dong, stated != dong {
            throw LedgerError(.rateMismatch, LocalizedText("\(line.amount) at \(applied.rate) (\(applied.source), \(applied.date)) is \(MoneyFormat.english.format(dong: dong)), not \(MoneyFormat.english.format(dong: stated))", "\(line.amount) theo tỷ giá \(applied.rate) (\(applied.source), \(applied.date)) là \(dong: dong), không phải \(dong: stated)"),
                              hint: LocalizedText("correct the VND amount, or give the rate that actually applied with '@ RATE source=…'", "sửa số tiền VND, hoặc ghi tỷ giá thực tế đã áp dụng bằng '@ RATE source=…'"))
        }
        guard dong > 0 else {
            throw LedgerError(.invalidAmount, LocalizedText("\(line.amount) at \(applied.rate) rounds to 0 VND", "\(line.amount) theo tỷ giá \(applied.rate) làm tròn thành 0 VND"), hint: LocalizedText("a line must be worth at least 1 VND", "mỗi dòng phải có giá trị ít nhất 1 VND"))
        }
        return (dong, ForeignAmount(amount: line.amount, rate: applied.rate, rateDate: applied.date, rateSource: applied.source))
    }

    private mutating func appliedRate(_ line: LineDraft, date: LedgerDate) throws -> ExchangeRate {
        guard let rate = line.rate else { return try tableRate(line.amount.currency, on: date) }
        guard let source = line.rateSource, !source.isEmpty else {
            throw LedgerError(.missingRate, LocalizedText("the line's rate \(rate) has no source", "tỷ giá \(rate) của dòng này không ghi nguồn"),
                              hint: LocalizedText("say where the rate comes from, e.g. 'source=VCB' (the bank's voucher) or 'source=SBV'", "ghi nguồn của tỷ giá, ví dụ 'source=VCB' (chứng từ ngân hàng) hoặc 'source=SBV'"))
        }
        try TextRules.check(source, named: "rate source", maximumLength: 100)
        return ExchangeRate(currency: line.amount.currency, date: date, rate: rate, source: source, recordedBy: "", recordedAt: "")
    }

    /// Money leaving a foreign-currency account, valued at the account's moving weighted-
    /// average book rate: its dong balance times the share of its foreign balance that leaves.
    private mutating func bookValue(_ line: LineDraft, account: Account, date: LedgerDate, pending: BalanceAccumulator,
                                    outflows: inout OutflowTally) throws -> (Int64, ForeignAmount?) {
        guard line.amount.currency == account.currency else {
            throw LedgerError(.currencyMismatch, LocalizedText("account \(account.code) is kept in \(account.currency.code), but the line gives \(line.amount)", "tài khoản \(account.code) ghi bằng \(account.currency.code), nhưng dòng này ghi \(line.amount)"),
                              hint: LocalizedText("give the amount in \(account.currency.code); money leaving the account is valued at its book rate", "ghi số tiền bằng \(account.currency.code); tiền chi ra khỏi tài khoản được tính theo tỷ giá ghi sổ"))
        }
        var balance = try funding.moneyBalance(account.id, on: date, ledger: ledger, pending: pending)
        balance.dong -= outflows.dong[account.id, default: 0]
        balance.other -= outflows.foreign[account.id, default: 0]
        let format = MoneyFormat.english
        guard line.amount.minorUnits <= balance.other else {
            throw LedgerError(.insufficientFunds, LocalizedText("account \(account.code) holds \(format.format(Amount(minorUnits: balance.other, currency: account.currency))) on \(date); \(format.format(line.amount)) cannot leave it", "tài khoản \(account.code) chỉ còn \(Amount(minorUnits: balance.other, currency: account.currency)) vào ngày \(date); không thể chi \(line.amount)"),
                              hint: LocalizedText("receive the money first, or pay out at most what the account holds", "hãy ghi thu tiền trước, hoặc chi không quá số dư của tài khoản"))
        }
        let dong = balance.dongValue(of: line.amount.minorUnits)
        if let stated = line.dong, stated != dong {
            throw LedgerError(.rateMismatch, LocalizedText("money leaving \(account.code) is valued at its book rate: \(format.format(line.amount)) is \(format.format(dong: dong)) on the books, not \(format.format(dong: stated))", "tiền chi ra khỏi \(account.code) được tính theo tỷ giá ghi sổ: \(line.amount) trên sổ là \(dong: dong), không phải \(dong: stated)"),
                              hint: LocalizedText("state the dong actually obtained on the other side; the difference is booked to the exchange-difference account", "ghi số đồng thực nhận ở dòng đối ứng; phần chênh lệch được hạch toán vào tài khoản chênh lệch tỷ giá"))
        }
        if line.rate != nil {
            throw LedgerError(.invalidRate, LocalizedText("money leaving \(account.code) is valued at its book rate, not at a rate of the line", "tiền chi ra khỏi \(account.code) được tính theo tỷ giá ghi sổ, không theo tỷ giá ghi trên dòng"),
                              hint: LocalizedText("remove '@ RATE'; give the dong actually obtained on the other side", "bỏ '@ RATE'; ghi số đồng thực nhận ở dòng đối ứng"))
        }
        guard dong > 0 else {
            throw LedgerError(.invalidAmount, LocalizedText("\(line.amount) is worth 0 VND on the books of \(account.code)", "\(line.amount) có giá trị 0 VND trên sổ của tài khoản \(account.code)"), hint: LocalizedText("move a larger amount", "hãy chuyển số tiền lớn hơn"))
        }
        outflows.dong[account.id, default: 0] += dong
        outflows.foreign[account.id, default: 0] += line.amount.minorUnits
        outflows.bookValuedDong += dong
        return (dong, ForeignAmount(amount: line.amount, rate: Rate.bookRate(dong: dong, for: line.amount), rateDate: date, rateSource: Rate.bookRateSource))
    }

    /// Goods leaving the goods account, valued at their carrying value: first in, first out
    /// from the item's lots, each lot's units at its own value (docs/goods-lots.md).
    private mutating func carryingValue(_ line: LineDraft, item: RegistryReference, date: LedgerDate, pending: BalanceAccumulator, outflows: inout OutflowTally) throws -> Int64 {
        guard line.amount.currency == .vnd else {
            throw LedgerError(.currencyMismatch, LocalizedText("goods are carried in VND, but the line gives \(line.amount)", "hàng hóa được ghi sổ bằng VND, nhưng dòng này ghi \(line.amount)"), hint: LocalizedText("give the goods' value in VND", "ghi giá trị hàng hóa bằng VND"))
        }
        var onHand = try funding.goodsOnHand(item.id, on: date, ledger: ledger, pending: pending)
        onHand.dong -= outflows.goodsDong[item.id, default: 0]
        onHand.other -= outflows.goodsQuantity[item.id, default: 0]
        let quantity = line.quantity ?? 0
        guard quantity <= onHand.other else {
            throw LedgerError(.insufficientGoods, LocalizedText("only \(onHand.other) \(item.code) are on hand on \(date); \(quantity) cannot be handed out", "ngày \(date) chỉ còn \(onHand.other) \(item.code) trong kho; không thể cấp phát \(quantity)"),
                              hint: LocalizedText("receive the goods first (\(action: .receive, "\(parameter: .inKindItem)")), or hand out at most \(onHand.other)", "hãy nhập hàng trước (\(action: .receive, "\(parameter: .inKindItem)")), hoặc cấp phát tối đa \(onHand.other)"))
        }
        let value = try funding.lotValueOrRefusal(item.id, itemCode: item.code, quantity: quantity, on: date,
                                                  skipping: outflows.goodsQuantity[item.id, default: 0], ledger: ledger, pending: pending)
        let stated = line.dong ?? line.amount.minorUnits
        if stated != value {
            throw LedgerError(.rateMismatch, LocalizedText("\(quantity) \(item.code) are carried at \(MoneyFormat.english.format(dong: value)), not \(MoneyFormat.english.format(dong: stated))", "\(quantity) \(item.code) có giá trị ghi sổ \(dong: value), không phải \(dong: stated)"),
                              hint: LocalizedText("goods leave at their carrying value; state \(value) VND", "hàng xuất kho theo giá trị ghi sổ; hãy ghi \(value) VND"))
        }
        outflows.goodsDong[item.id, default: 0] += value
        outflows.goodsQuantity[item.id, default: 0] += quantity
        return value
    }

    private mutating func tableRate(_ currency: Currency, on date: LedgerDate) throws -> ExchangeRate {
        let key = RateKey(currency: currency.code, dayKey: date.dayKey)
        let rate: ExchangeRate?
        if let cached = rateCache[key] {
            rate = cached
        } else {
            if let ratesByCurrency {
                rate = EntryValidator.latest(ratesByCurrency[currency.code] ?? [], onOrBefore: date)
            } else {
                rate = try ledger.exchangeRate(currency, onOrBefore: date)
            }
            rateCache[key] = rate
        }
        guard let rate else {
            throw LedgerError(.missingRate, LocalizedText("there is no \(currency.code) rate on or before \(date)", "chưa có tỷ giá \(currency.code) vào hoặc trước ngày \(date)"),
                              hint: LocalizedText("record one first: \(action: .rateSet, "\(currency.code) \(date) RATE \(parameter: .rateSource, "SBV")")", "hãy ghi tỷ giá trước: \(action: .rateSet, "\(currency.code) \(date.iso) RATE \(parameter: .rateSource, "SBV")")"))
        }
        return rate
    }

    // MARK: Dimensions

    private struct ResolvedDimensions {
        var funder: RegistryReference?
        var grant: RegistryReference?
        var program: RegistryReference?
        var unit: RegistryReference?
        var restriction: Restriction = .unrestricted
    }

    /// Resolves the codes; a grant brings its funder and the restriction of its terms on `date`.
    private func resolveDimensions(_ dimensions: Dimensions, date: LedgerDate) throws -> ResolvedDimensions {
        var resolved = ResolvedDimensions(funder: try reference(.funder, dimensions.funder), grant: try reference(.grant, dimensions.grant),
                                          program: try reference(.program, dimensions.program), unit: try reference(.unit, dimensions.unit))
        if let grantReference = resolved.grant, let grant = try ledger.grant(id: grantReference.id) {
            if let funder = resolved.funder, funder.id != grant.funderID {
                throw LedgerError(.restriction, LocalizedText("grant \(grant.code) is from funder \(grant.funderCode), not \(funder.code)", "khoản tài trợ \(grant.code) là của nhà tài trợ \(grant.funderCode), không phải \(funder.code)"),
                                  hint: LocalizedText("name the grant's own funder, or leave the funder out: the grant brings it", "ghi đúng nhà tài trợ của khoản tài trợ, hoặc bỏ trống: khoản tài trợ tự xác định nhà tài trợ"))
            }
            resolved.funder = RegistryReference(id: grant.funderID, code: grant.funderCode)
            resolved.restriction = grant.terms(on: date).restriction
        }
        return resolved
    }

    private func reference(_ registry: Registry, _ code: String?) throws -> RegistryReference? {
        guard let code else { return nil }
        return RegistryReference(id: try ledger.registryID(registry, code: code), code: code)
    }

    private func goodsReference(_ line: LineDraft, account: Account) throws -> RegistryReference? {
        switch (line.item, line.quantity) {
        case (nil, nil):
            if account.id == roles.goodsAccountID {
                throw LedgerError(.invalidInput, LocalizedText("a line on the goods account \(account.code) names the item and its quantity", "dòng ghi vào tài khoản hàng hóa \(account.code) phải ghi mặt hàng và số lượng"),
                                  hint: LocalizedText("add item=CODE qty=N to the line", "thêm item=MÃ qty=N vào dòng"))
            }
            return nil
        case (let item?, let quantity?):
            guard quantity > 0, quantity <= Amount.magnitudeMax else {
                throw LedgerError(.invalidAmount, LocalizedText("the quantity \(quantity) of \(item) is not a positive count", "số lượng \(quantity) của \(item) không phải số nguyên dương"), hint: LocalizedText("give how many units, e.g. qty=90", "ghi số lượng, ví dụ qty=90"))
            }
            return try reference(.goodsItem, item)
        default:
            throw LedgerError(.invalidInput, LocalizedText("a goods line needs both an item and a quantity", "dòng hàng hóa cần ghi cả mặt hàng và số lượng"), hint: LocalizedText("give item=CODE qty=N together", "ghi item=MÃ qty=N cùng nhau"))
        }
    }

    private func checkedChildren(_ line: LineDraft) throws -> Int64? {
        let codes = line.beneficiaryCodes
        guard let children = line.children else {
            if !codes.isEmpty {
                throw LedgerError(.invalidInput, LocalizedText("beneficiary codes are given without a number of child-instances", "có mã đối tượng thụ hưởng nhưng không ghi số lượt trẻ em"),
                                  hint: LocalizedText("give children=N with the codes", "ghi children=N cùng với các mã"))
            }
            return nil
        }
        guard line.side == .debit else {
            throw LedgerError(.invalidInput, LocalizedText("child-instances go on the spending (debit) line", "số lượt trẻ em ghi ở dòng chi (dòng Nợ)"), hint: LocalizedText("move children=N to the debit line", "chuyển children=N sang dòng Nợ"))
        }
        guard children > 0 && children <= 10_000_000 else {
            throw LedgerError(.invalidInput, LocalizedText("the number of child-instances \(children) is not between 1 and 10,000,000", "số lượt trẻ em \(children) không nằm trong khoảng 1 đến 10.000.000"),
                              hint: LocalizedText("count each child helped once as one child-instance", "mỗi lần hỗ trợ một trẻ tính là một lượt"))
        }
        guard codes.count <= EntryDraft.beneficiaryCodeCountMax else {
            throw LedgerError(.invalidInput, LocalizedText("a line may carry at most \(EntryDraft.beneficiaryCodeCountMax) beneficiary codes", "một dòng ghi tối đa \(EntryDraft.beneficiaryCodeCountMax) mã đối tượng thụ hưởng"),
                              hint: LocalizedText("split the disbursement into several lines", "hãy tách khoản chi thành nhiều dòng"))
        }
        for code in codes { try TextRules.checkCode(code, named: "beneficiary code", echo: false) }
        if Set(codes).count != codes.count {
            throw LedgerError(.invalidInput, LocalizedText("a beneficiary code appears twice on one line", "một mã đối tượng thụ hưởng xuất hiện hai lần trên một dòng"), hint: LocalizedText("list each child's code once per line", "mỗi dòng chỉ ghi mã của mỗi trẻ một lần"))
        }
        if codes.count > children {
            throw LedgerError(.invalidInput, LocalizedText("\(codes.count) beneficiary codes for \(children) child-instances", "\(codes.count) mã đối tượng thụ hưởng cho \(children) lượt trẻ em"),
                              hint: LocalizedText("each code is a child reached, so there cannot be more codes than child-instances", "mỗi mã là một trẻ được hỗ trợ, nên số mã không thể nhiều hơn số lượt trẻ em"))
        }
        return children
    }
}

/// What earlier lines of the same entry take out of foreign-currency accounts and goods,
/// so a later line is valued on what is left.
struct OutflowTally {
    var dong: [Int64: Int64] = [:]
    var foreign: [Int64: Int64] = [:]
    var goodsDong: [Int64: Int64] = [:]
    var goodsQuantity: [Int64: Int64] = [:]
    /// The total dong value of lines valued at a foreign account's book rate.
    var bookValuedDong: Int64 = 0
    /// The funder, grant and restriction of each book-valued line: the exchange difference
    /// follows the money it arose on.
    var bookValuedLines: [(funder: RegistryReference?, grant: RegistryReference?, restriction: Restriction)] = []
}

extension Rate {
    /// The source recorded on lines valued at an account's moving average book rate.
    public static let bookRateSource = "book average"

    /// The book rate of a book-valued line: exact when it has at most `scaleMax` decimals,
    /// else rounded half-even to `scaleMax` decimals. The line's dong amount is the exact book
    /// value either way; the rate only states it.
    static func bookRate(dong: Int64, for amount: Amount) -> Rate {
        if let exact = implied(dong: dong, by: amount) { return exact }
        let scaled = divideRoundingHalfEven(Int128(dong) * Int128(powerOfTen(scaleMax + amount.currency.exponent)), Int128(amount.minorUnits))
        return Rate(scaledValue: max(1, Int64(clamping: scaled)), scale: scaleMax)
    }
}
