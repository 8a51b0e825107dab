/// A disbursement (phiếu chi): money or goods spent on a program, in a place, reaching a
/// number of child-instances (lượt trẻ em).
public struct Disbursement: Sendable {
    public var date: LedgerDate
    public var programCode: String
    public var unitCode: String
    /// The grant it is charged to; its restrictions are enforced.
    public var grantCode: String?
    /// Money paid, in VND or in the currency of `fromAccountCode`. `nil` for goods in kind.
    public var amount: Amount?
    /// The cash or bank account it is paid from. The default is 1121 for dong and 1122 for a
    /// foreign currency (standard chart).
    public var fromAccountCode: String?
    /// Goods handed out: which item and how many, valued at their carrying value.
    public var inKindItemCode: String?
    public var quantity: Int64?
    /// Child-instances reached.
    public var children: Int64
    /// Pseudonymous beneficiary codes (never names); they never appear in any output.
    public var beneficiaryCodes: [String] = []
    /// The expense account, instead of the program's.
    public var expenseAccountCode: String?
    /// For a foreign-currency payment: the rate of the day that values the expense, instead
    /// of the rate table's, with its source.
    public var rate: Rate?
    public var rateSource: String?
    public var memo: String?
    public var externalRef: String?

    public init(date: LedgerDate, programCode: String, unitCode: String, children: Int64) {
        self.date = date
        self.programCode = programCode
        self.unitCode = unitCode
        self.children = children
    }
}

/// A conversion of foreign currency into dong (bán ngoại tệ).
public struct Conversion: Sendable {
    public var date: LedgerDate
    public var fromAccountCode: String
    /// The foreign amount leaving `fromAccountCode`.
    public var amount: Amount
    public var intoAccountCode: String
    /// The dong actually received.
    public var received: Amount
    /// The grant whose money is converted; it stays restricted after conversion.
    public var grantCode: String?
    public var memo: String?
    public var externalRef: String?

    public init(date: LedgerDate, fromAccountCode: String, amount: Amount, intoAccountCode: String, received: Amount) {
        self.date = date
        self.fromAccountCode = fromAccountCode
        self.amount = amount
        self.intoAccountCode = intoAccountCode
        self.received = received
    }
}

extension Ledger {
    /// Posts a disbursement: debit the program's expense account (with program, unit, grant,
    /// child-instances and beneficiary codes); credit the cash or bank account, or the goods
    /// account for goods in kind (valued at their carrying value).
    ///
    /// Paid in a foreign currency, the expense is valued at the day's rate and the money
    /// leaving the account at its book rate; the difference is booked as a realized exchange
    /// gain or loss.
    ///
    /// - Throws: `LedgerError` when a restriction of the grant is broken, the grant has not
    ///   enough available, goods or foreign currency run short, and every rule of `post`.
    @discardableResult
    public func disburse(_ disbursement: Disbursement, user: String) throws -> PostingOutcome {
        try post(try draft(of: disbursement, goodsDraws: { try goodsDraws(itemCode: $0, quantity: $1, on: disbursement.date) }), user: user)
    }

    /// The entry a disbursement posts. `goodsDraws` says what goods handed out take from each
    /// lot (item code, quantity → the lots' owners, units and values); inside a transaction
    /// that has written entries already, it must count them.
    ///
    /// Goods drawn from a grant's lot are that grant's spending: without `--grant`, the
    /// hand-out is split by lot, each part charged to its lot's grant (docs/goods-lots.md), so
    /// the grant's figures count it and its restrictions hold.
    func draft(of disbursement: Disbursement, goodsDraws: (String, Int64) throws -> [GoodsDraw]) throws -> EntryDraft {
        guard let program = try program(code: disbursement.programCode) else {
            throw LedgerError(.unknownDimension, LocalizedText("there is no program '\(disbursement.programCode)'", "không có chương trình '\(disbursement.programCode)'"), hint: LocalizedText("\(action: .programList, quoted: true) shows them; add one with \(action: .programAdd)", "\(action: .programList, quoted: true) cho xem các chương trình; thêm bằng \(action: .programAdd)"))
        }
        guard let expense = disbursement.expenseAccountCode ?? program.expenseAccountCode else {
            throw LedgerError(.invalidAccount, LocalizedText("program \(program.code) has no expense account", "chương trình \(program.code) chưa có tài khoản chi"), hint: LocalizedText("give \(parameter: .expenseAccount, "CODE")", "hãy ghi \(parameter: .expenseAccount, "SỐ_HIỆU")"))
        }
        let dimensions = Dimensions(grant: disbursement.grantCode, program: program.code, unit: disbursement.unitCode)
        var debit: LineDraft
        var credit: LineDraft
        switch (disbursement.amount, disbursement.inKindItemCode) {
        case (let amount?, nil):
            debit = LineDraft(accountCode: expense, side: .debit, amount: amount, rate: disbursement.rate, rateSource: disbursement.rateSource, dimensions: dimensions)
            let from = disbursement.fromAccountCode ?? (amount.currency == .vnd ? "1121" : "1122")
            credit = LineDraft(accountCode: from, side: .credit, amount: amount, dimensions: Dimensions(grant: disbursement.grantCode))
        case (nil, let item?):
            guard let quantity = disbursement.quantity else {
                throw LedgerError(.invalidInput, LocalizedText("goods handed out need a quantity", "hiện vật cấp phát cần ghi số lượng"), hint: LocalizedText("give \(parameter: .quantity, "N") with \(parameter: .inKindItem, "\(item)")", "hãy ghi \(parameter: .quantity, "N") cùng với \(parameter: .inKindItem, "\(item)")"))
            }
            let draws = try goodsDraws(item, quantity)
            if disbursement.grantCode == nil, disbursement.beneficiaryCodes.isEmpty, draws.contains(where: { $0.owner.grantID != 0 }) {
                return try lotSplitDraft(of: disbursement, program: program, expense: expense, item: item, draws: draws)
            }
            let value = draws.reduce(0) { $0 + $1.valueDong }
            debit = LineDraft(accountCode: expense, side: .debit, amount: .vnd(value), dimensions: dimensions)
            credit = LineDraft(accountCode: try settings().goodsAccountCode, side: .credit, amount: .vnd(value),
                               dimensions: Dimensions(grant: disbursement.grantCode), item: item, quantity: quantity)
        default:
            throw LedgerError(.invalidInput, LocalizedText("a disbursement is either money (\(parameter: .amount)) or goods in kind (\(parameter: .inKindItem)), exactly one of them", "một khoản chi là tiền (\(parameter: .amount)) hoặc hiện vật (\(parameter: .inKindItem)), chỉ một trong hai"),
                              hint: LocalizedText("give \(parameter: .amount, "\"20000000 VND\""), or \(parameter: .inKindItem, "ITEM") \(parameter: .quantity, "N")", "hãy ghi \(parameter: .amount, "\"20000000 VND\""), hoặc \(parameter: .inKindItem, "MẶT_HÀNG") \(parameter: .quantity, "N")"))
        }
        debit.children = disbursement.children
        debit.beneficiaryCodes = disbursement.beneficiaryCodes
        // No memo typed: the description is rendered from the entry (EntryDescription.swift).
        let memo = disbursement.memo ?? ""
        return EntryDraft(date: disbursement.date, memo: memo, externalRef: disbursement.externalRef, lines: [debit, credit])
    }

    /// Posts a conversion: debit the dong received, credit the foreign amount at the account's
    /// book rate, and book the difference as a realized exchange gain or loss.
    @discardableResult
    public func convert(_ conversion: Conversion, user: String) throws -> PostingOutcome {
        guard conversion.received.currency == .vnd else {
            throw LedgerError(.currencyMismatch, LocalizedText("a conversion receives dong; \(parameter: .received) is \(conversion.received)", "bán ngoại tệ thì nhận về đồng; \(parameter: .received) đang là \(conversion.received)"),
                              hint: LocalizedText("give the dong actually received, e.g. \(parameter: .received, "\"456000000 VND\"")", "hãy ghi số đồng thực nhận, ví dụ \(parameter: .received, "\"456000000 VND\"")"))
        }
        guard conversion.amount.currency != .vnd else {
            throw LedgerError(.currencyMismatch, LocalizedText("a conversion sells a foreign currency; \(parameter: .amount) is \(conversion.amount)", "bán ngoại tệ thì bán một loại ngoại tệ; \(parameter: .amount) đang là \(conversion.amount)"),
                              hint: LocalizedText("give the foreign amount, e.g. \(parameter: .amount, "\"20000.00 USD\"")", "hãy ghi số ngoại tệ, ví dụ \(parameter: .amount, "\"20000.00 USD\"")"))
        }
        let dimensions = Dimensions(grant: conversion.grantCode)
        let memo = conversion.memo ?? ""
        return try post(EntryDraft(date: conversion.date, memo: memo, externalRef: conversion.externalRef, lines: [
            LineDraft(accountCode: conversion.intoAccountCode, side: .debit, amount: conversion.received, dimensions: dimensions),
            LineDraft(accountCode: conversion.fromAccountCode, side: .credit, amount: conversion.amount, dimensions: dimensions),
        ]), user: user)
    }

    /// A hand-out in kind split by the lots it draws on: for each run of one owner, the goods
    /// line and the spending line charged to that lot's grant (none for a lot without one),
    /// the child-instances shared in proportion to the units.
    private func lotSplitDraft(of disbursement: Disbursement, program: Program, expense: String, item: String, draws: [GoodsDraw]) throws -> EntryDraft {
        let grants = try codes(of: .grant).byID
        let children = Apportion.shares(of: disbursement.children, by: draws.map(\.quantity))
        var spending: [LineDraft] = [], goods: [LineDraft] = []
        for (index, draw) in draws.enumerated() {
            let grant = draw.owner.grantID == 0 ? nil : grants[draw.owner.grantID]
            var debit = LineDraft(accountCode: expense, side: .debit, amount: .vnd(draw.valueDong),
                                  dimensions: Dimensions(grant: grant, program: program.code, unit: disbursement.unitCode))
            debit.children = children[index] == 0 ? nil : children[index]
            spending.append(debit)
            goods.append(LineDraft(accountCode: try settings().goodsAccountCode, side: .credit, amount: .vnd(draw.valueDong),
                                   dimensions: Dimensions(grant: grant), item: item, quantity: draw.quantity))
        }
        return EntryDraft(date: disbursement.date, memo: disbursement.memo ?? "", externalRef: disbursement.externalRef, lines: spending + goods)
    }

    /// What goods handed out on `date` take from each lot (`FundingState.lotDraws`).
    func goodsDraws(itemCode: String, quantity: Int64, on date: LedgerDate) throws -> [GoodsDraw] {
        try read {
            var state = FundingState()
            return try state.lotDraws(itemCode: itemCode, quantity: quantity, on: date, ledger: self, pending: BalanceAccumulator())
        }
    }

    /// The carrying value of `quantity` units of an item handed out on `date`: first in, first
    /// out from its lots, each at its own value (docs/goods-lots.md).
    public func carryingValue(itemCode: String, quantity: Int64, on date: LedgerDate = .latest) throws -> Int64 {
        try read {
            var state = FundingState()
            return try state.carryingValue(itemCode: itemCode, quantity: quantity, on: date, ledger: self, pending: BalanceAccumulator())
        }
    }
}
