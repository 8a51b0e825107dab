/// Goods received in kind: how many of what, their fair value each, and how it was valued.
public struct InKindGoods: Sendable {
    public var itemCode: String
    public var quantity: Int64
    /// Fair value of one unit, in VND.
    public var unitValue: Amount
    /// How the fair value was established, e.g. "supplier invoice", "market price".
    public var basis: String
    /// The unit of count when the item is new, e.g. "chiếc". The default is "unit".
    public var unitName: String?

    public init(itemCode: String, quantity: Int64, unitValue: Amount, basis: String, unitName: String? = nil) {
        self.itemCode = itemCode
        self.quantity = quantity
        self.unitValue = unitValue
        self.basis = basis
        self.unitName = unitName
    }
}

/// A receipt (phiếu thu / giấy báo có): money or goods coming into the fund.
public struct Receipt: Sendable {
    public var date: LedgerDate
    /// Who gave it. Required except for interest.
    public var funderCode: String?
    /// The grant it is received against, reducing what the grant still owes.
    public var grantCode: String?
    /// Money received, in VND or the funder's currency. `nil` for goods in kind.
    public var amount: Amount?
    /// The cash or bank account it goes into. The default is 1121 for dong and 1122 for a
    /// foreign currency (standard chart).
    public var intoAccountCode: String?
    /// The rate that applied, instead of the rate table's, with its source.
    public var rate: Rate?
    public var rateSource: String?
    /// Goods received in kind, valued at fair value into the goods account.
    public var inKind: InKindGoods?
    /// Interest earned on deposits (no funder; revenue account 515).
    public var isInterest = false
    /// The revenue account, instead of the one that follows from the funder's kind.
    public var revenueAccountCode: String?
    public var programCode: String?
    public var unitCode: String?
    public var memo: String?
    public var externalRef: String?

    public init(date: LedgerDate) { self.date = date }
}

/// The revenue accounts of the standard chart by source (docs/domain.md §2, the four streams).
enum RevenueAccounts {
    static func code(for funder: Funder) -> String {
        switch funder.kind {
        case .governmentCentral: "5111"
        case .governmentLocal: "5112"
        case .ngo: "5121"
        case .individual: funder.isForeign ? "5122" : "5132"
        case .company: funder.isForeign ? "5121" : "5131"
        case .other: "5138"
        }
    }

    static let interest = "515"
}

extension Ledger {
    /// Posts a receipt: debit the cash, bank or goods account; credit revenue by source.
    ///
    /// Both lines carry the funder and grant, so restricted money can be traced from the
    /// bank to what it was spent on. A foreign amount is booked at the rate of the receipt
    /// date (or `receipt.rate`) with its source. Goods in kind are booked at fair value
    /// (quantity × unit value) with the item and quantity; a new item is registered.
    ///
    /// - Throws: `LedgerError` for an unknown funder or grant, a receipt the grant does not
    ///   allow (see `PostingRules`), and every rule of `post`.
    @discardableResult
    public func receive(_ receipt: Receipt, user: String) throws -> PostingOutcome {
        let funder = try receipt.funderCode.map { code in
            guard let funder = try self.funder(code: code) else {
                throw LedgerError(.unknownDimension, LocalizedText("there is no funder '\(code)'", "không có nhà tài trợ '\(code)'"), hint: LocalizedText("add it first with \(action: .funderAdd)", "hãy thêm trước bằng \(action: .funderAdd)"))
            }
            return funder
        }
        guard funder != nil || receipt.isInterest else {
            throw LedgerError(.invalidInput, LocalizedText("a receipt names who gave it", "khoản thu phải ghi ai tài trợ"), hint: LocalizedText("give \(parameter: .funder, "CODE"), or \(parameter: .interest) for interest on deposits", "hãy ghi \(parameter: .funder, "MÃ"), hoặc \(parameter: .interest) cho lãi tiền gửi"))
        }
        let dimensions = Dimensions(funder: funder?.code, grant: receipt.grantCode, program: receipt.programCode, unit: receipt.unitCode)
        let inKindRevenue = try settings().inKindRevenueAccountCode
        let revenue = receipt.revenueAccountCode
            ?? (receipt.isInterest ? RevenueAccounts.interest : receipt.inKind != nil ? inKindRevenue : RevenueAccounts.code(for: funder!))
        let draft: EntryDraft
        var newItem: InKindGoods?
        if let goods = receipt.inKind {
            guard receipt.amount == nil else {
                throw LedgerError(.invalidInput, LocalizedText("a receipt is either money (\(parameter: .amount)) or goods in kind (\(parameter: .inKindItem)), not both", "một khoản thu là tiền (\(parameter: .amount)) hoặc hiện vật (\(parameter: .inKindItem)), không phải cả hai"), hint: LocalizedText("post them as two receipts", "hãy ghi thành hai khoản thu"))
            }
            draft = try inKindDraft(receipt, goods: goods, revenue: revenue, dimensions: dimensions, funder: funder)
            if try codes(of: .goodsItem).byCode[goods.itemCode] == nil { newItem = goods }
        } else {
            draft = try moneyDraft(receipt, revenue: revenue, dimensions: dimensions, funder: funder)
        }
        return try post([draft], user: user) { user, now in
            guard let item = newItem else { return }
            try TextRules.checkCode(item.itemCode, named: "item code")
            try self.database.execute("INSERT INTO goods_item (code, name_vi, name_en, unit, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)",
                                      [item.itemCode, item.itemCode, item.itemCode, item.unitName ?? "unit", now.iso, user])
            try self.recordChange(action: "goods-item-add", subject: "goods item:\(item.itemCode)", detail: "registered by a receipt in kind", user: user, at: now)
            self.invalidateRegistryCache()
        }[0]
    }

    private func moneyDraft(_ receipt: Receipt, revenue: String, dimensions: Dimensions, funder: Funder?) throws -> EntryDraft {
        guard let amount = receipt.amount else {
            throw LedgerError(.invalidInput, LocalizedText("the receipt gives no amount", "khoản thu không ghi số tiền"), hint: LocalizedText("give \(parameter: .amount, "\"50000.00 USD\""), or \(parameter: .inKindItem) with the goods", "hãy ghi \(parameter: .amount, "\"50000.00 USD\""), hoặc \(parameter: .inKindItem) với hiện vật"))
        }
        let into = receipt.intoAccountCode ?? (amount.currency == .vnd ? "1121" : "1122")
        var debit = LineDraft(accountCode: into, side: .debit, amount: amount, rate: receipt.rate, rateSource: receipt.rateSource, dimensions: dimensions)
        var credit = LineDraft(accountCode: revenue, side: .credit, amount: amount, rate: receipt.rate, rateSource: receipt.rateSource, dimensions: dimensions)
        if amount.currency == .vnd { (debit.rate, credit.rate) = (nil, nil) }
        // No memo typed: the description is rendered from the entry in the reader's language
        // (EntryDescription.swift).
        return EntryDraft(date: receipt.date, memo: receipt.memo ?? "", externalRef: receipt.externalRef, lines: [debit, credit])
    }

    private func inKindDraft(_ receipt: Receipt, goods: InKindGoods, revenue: String, dimensions: Dimensions, funder: Funder?) throws -> EntryDraft {
        guard goods.unitValue.currency == .vnd, goods.unitValue.minorUnits > 0 else {
            throw LedgerError(.invalidAmount, LocalizedText("goods in kind are valued in VND; the unit value is \(goods.unitValue)", "hiện vật được định giá bằng VND; đơn giá đang là \(goods.unitValue)"),
                              hint: LocalizedText("give the fair value of one unit in dong, e.g. \(parameter: .unitValue, "\"1500000 VND\"")", "hãy ghi giá trị hợp lý của một đơn vị bằng đồng, ví dụ \(parameter: .unitValue, "\"1500000 VND\"")"))
        }
        guard goods.quantity > 0 else {
            throw LedgerError(.invalidAmount, LocalizedText("the quantity \(goods.quantity) is not a positive count", "số lượng \(goods.quantity) không phải số nguyên dương"), hint: LocalizedText("give how many units, e.g. \(parameter: .quantity, "90")", "hãy ghi số lượng, ví dụ \(parameter: .quantity, "90")"))
        }
        try TextRules.check(goods.basis, named: "valuation basis", maximumLength: 200)
        let (value, overflow) = goods.unitValue.minorUnits.multipliedReportingOverflow(by: goods.quantity)
        guard !overflow, value <= Amount.magnitudeMax else {
            throw LedgerError(.overflow, LocalizedText("\(goods.quantity) × \(goods.unitValue) is more than one line can carry", "\(goods.quantity) × \(goods.unitValue) vượt quá mức một dòng có thể ghi"), hint: LocalizedText("split the receipt", "hãy tách khoản thu"))
        }
        let valuation = "in kind: \(goods.quantity) \(goods.itemCode) × \(MoneyFormat.english.format(goods.unitValue)) (\(goods.basis))"
        var debit = LineDraft(accountCode: try settings().goodsAccountCode, side: .debit, amount: .vnd(value), dimensions: dimensions,
                              item: goods.itemCode, quantity: goods.quantity)
        debit.memo = valuation
        let credit = LineDraft(accountCode: revenue, side: .credit, amount: .vnd(value), dimensions: dimensions)
        return EntryDraft(date: receipt.date, memo: receipt.memo ?? "",
                          externalRef: receipt.externalRef, lines: [debit, credit])
    }
}
