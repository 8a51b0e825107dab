import FundLedger

/// A short way to write a demonstration scenario: the registries and postings of a fund, in
/// the order they happened. Every call goes through the public API, exactly as `cpf` does.
struct DemoBook {
    let ledger: Ledger
    let user: String

    func date(_ year: Int, _ month: Int, _ day: Int) -> LedgerDate { LedgerDate(year: year, month: month, day: day)! }

    func rate(_ currency: Currency, _ date: LedgerDate, _ rate: String, source: String = "SBV") throws {
        try ledger.setRate(currency, on: date, rate: try Rate.parse(rate), source: source, user: user)
    }

    func funder(_ code: String, _ name: String, _ kind: FunderKind, currency: Currency = .vnd, country: String? = nil) throws {
        try ledger.addFunder(code: code, name: name, kind: kind, currency: currency, country: country, user: user)
    }

    func unit(_ code: String, _ name: String, _ level: OrgUnitLevel, parent: String? = nil, from: LedgerDate? = nil, to: LedgerDate? = nil) throws {
        try ledger.addUnit(code: code, name: name, level: level, parentCode: parent, effectiveFrom: from, effectiveTo: to, user: user)
    }

    func grant(_ code: String, funder: String, _ committed: Amount, programs: [String] = [], units: [String] = [],
               from: LedgerDate? = nil, to: LedgerDate? = nil, designated: Bool = false, purpose: String = "") throws {
        var definition = GrantDefinition(code: code, funderCode: funder, committed: committed)
        definition.programCodes = programs
        definition.unitCodes = units
        definition.validFrom = from
        definition.validTo = to
        definition.designated = designated
        definition.purpose = purpose
        try ledger.addGrant(definition, user: user)
    }

    func receive(_ date: LedgerDate, funder: String?, grant: String? = nil, _ amount: Amount, into: String? = nil,
                 ref: String, memo: String? = nil, interest: Bool = false) throws {
        var receipt = Receipt(date: date)
        receipt.funderCode = funder
        receipt.grantCode = grant
        receipt.amount = amount
        receipt.intoAccountCode = into
        receipt.externalRef = ref
        receipt.memo = memo
        receipt.isInterest = interest
        try ledger.receive(receipt, user: user)
    }

    func receiveInKind(_ date: LedgerDate, funder: String, grant: String? = nil, item: String, quantity: Int64, unitValue: Int64,
                       basis: String, unitName: String, ref: String, memo: String? = nil) throws {
        var receipt = Receipt(date: date)
        receipt.funderCode = funder
        receipt.grantCode = grant
        receipt.inKind = InKindGoods(itemCode: item, quantity: quantity, unitValue: .vnd(unitValue), basis: basis, unitName: unitName)
        receipt.externalRef = ref
        receipt.memo = memo
        try ledger.receive(receipt, user: user)
    }

    func disburse(_ date: LedgerDate, program: String, unit: String, grant: String? = nil, _ amount: Amount, from: String? = nil,
                  children: Int64, ref: String, memo: String? = nil) throws {
        var disbursement = Disbursement(date: date, programCode: program, unitCode: unit, children: children)
        disbursement.grantCode = grant
        disbursement.amount = amount
        disbursement.fromAccountCode = from
        disbursement.externalRef = ref
        disbursement.memo = memo
        try ledger.disburse(disbursement, user: user)
    }

    func disburseInKind(_ date: LedgerDate, program: String, unit: String, grant: String? = nil, item: String, quantity: Int64,
                        children: Int64, ref: String, memo: String? = nil) throws {
        var disbursement = Disbursement(date: date, programCode: program, unitCode: unit, children: children)
        disbursement.grantCode = grant
        disbursement.inKindItemCode = item
        disbursement.quantity = quantity
        disbursement.externalRef = ref
        disbursement.memo = memo
        try ledger.disburse(disbursement, user: user)
    }

    func convert(_ date: LedgerDate, _ amount: Amount, received: Int64, grant: String? = nil, ref: String) throws {
        var conversion = Conversion(date: date, fromAccountCode: "1122", amount: amount, intoAccountCode: "1121", received: .vnd(received))
        conversion.grantCode = grant
        conversion.externalRef = ref
        try ledger.convert(conversion, user: user)
    }

    func plan(_ year: Int, program: String? = nil, source: FunderKind? = nil, _ dong: Int64) throws {
        try ledger.setPlan(year: year, programCode: program, source: source, amount: .vnd(dong), user: user)
    }

    func post(_ date: LedgerDate, _ memo: String, ref: String, _ lines: [LineDraft]) throws {
        try ledger.post(EntryDraft(date: date, memo: memo, externalRef: ref, lines: lines), user: user)
    }
}
