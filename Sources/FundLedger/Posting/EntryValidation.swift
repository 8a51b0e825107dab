extension EntryDraft {
    /// The most lines one entry may have (the schema's CHECK agrees).
    public static let lineCountMax = 1000
    /// The most beneficiary codes one line may carry.
    public static let beneficiaryCodeCountMax = 10_000
}

/// Turns drafts into validated entries: every rule an entry must meet before it is written.
///
/// An entry is validated as a whole: two or more lines; each line names an open posting
/// account and a positive amount; a foreign amount has an exact rate (the line's own, or the
/// rate table's latest on or before the entry date) and, when a dong value is stated, it
/// equals the converted amount; dimensions name registered codes; debits equal credits in
/// dong. The first broken rule is thrown as a `LedgerError`.
struct EntryValidator {
    let ledger: Ledger
    private var rateCache: [RateKey: ExchangeRate?] = [:]

    private struct RateKey: Hashable {
        let currency: String
        let dayKey: Int
    }

    init(ledger: Ledger) { self.ledger = ledger }

    mutating func validate(_ draft: EntryDraft) throws -> ValidatedEntry {
        try TextRules.check(draft.memo, named: "memo", maximumLength: TextRules.memoLengthMax, allowEmpty: true)
        if let reference = draft.externalRef {
            try TextRules.check(reference, named: "reference", maximumLength: TextRules.referenceLengthMax)
        }
        guard draft.lines.count >= 2 else {
            throw LedgerError(.tooFewLines, "an entry needs at least two lines; this one has \(draft.lines.count)",
                              hint: "give at least one debit and one credit, e.g. --debit \"1121 1000000 VND\" --credit \"5132 1000000 VND\"")
        }
        guard draft.lines.count <= EntryDraft.lineCountMax else {
            throw LedgerError(.tooManyLines, "an entry may have at most \(EntryDraft.lineCountMax) lines; this one has \(draft.lines.count)",
                              hint: "split it into several entries")
        }
        let accounts = try ledger.accountsByCode()
        var lines: [PostedLine] = []
        lines.reserveCapacity(draft.lines.count)
        // At most 1,000 lines of at most 10^15 each: the sums cannot overflow Int64.
        var debits: Int64 = 0
        var credits: Int64 = 0
        for (index, line) in draft.lines.enumerated() {
            let posted: PostedLine
            do {
                posted = try validate(line, number: index + 1, date: draft.date, accounts: accounts)
            } catch let error as LedgerError {
                throw LedgerError(error.rule, "line \(index + 1): \(error.message)", hint: error.hint)
            }
            if posted.amountDong > 0 { debits += posted.amountDong } else { credits -= posted.amountDong }
            lines.append(posted)
        }
        guard debits == credits else {
            let format = MoneyFormat.english
            let larger = debits > credits ? "debits exceed credits" : "credits exceed debits"
            throw LedgerError(.unbalanced, "the entry does not balance: debits \(format.format(dong: debits)), credits \(format.format(dong: credits)); \(larger) by \(format.format(dong: abs(debits - credits)))",
                              hint: "correct an amount, or add a line for the difference")
        }
        return ValidatedEntry(date: draft.date, memo: draft.memo, externalRef: draft.externalRef, lines: lines)
    }

    private mutating func validate(_ line: LineDraft, number: Int, date: LedgerDate, accounts: [String: Account]) throws -> PostedLine {
        guard let account = accounts[line.accountCode] else { throw Ledger.unknownAccount(line.accountCode) }
        if account.isHeading {
            let children = accounts.values.filter { $0.parentCode == account.code && $0.closedOn == nil }.map(\.code).sorted()
            throw LedgerError(.headerAccount, "account \(account.code) (\(account.nameEnglish)) is a heading with sub-accounts",
                              hint: "post to one of its sub-accounts: \(children.joined(separator: ", "))")
        }
        if let closed = account.closedOn {
            throw LedgerError(.closedAccount, "account \(account.code) (\(account.nameEnglish)) was closed on \(closed)",
                              hint: "post to an open account; 'cpf account list' shows which are open")
        }
        guard line.amount.minorUnits > 0 else {
            throw LedgerError(.invalidAmount, "the amount \(line.amount) is not positive",
                              hint: "give a positive amount; the side (debit or credit) says its direction")
        }
        guard line.amount.minorUnits <= Amount.magnitudeMax else {
            throw LedgerError(.overflow, "the amount \(line.amount) is more than one line can carry", hint: "split it into several lines")
        }
        let sign: Int64 = line.side == .debit ? 1 : -1
        let (dong, foreign) = try convert(line, account: account, date: date)
        try line.memo.map { try TextRules.check($0, named: "line memo", maximumLength: TextRules.memoLengthMax) }
        let goods = try goodsReference(line)
        let children = try checkedChildren(line)
        return PostedLine(
            lineNumber: number, account: RegistryReference(id: account.id, code: account.code), amountDong: sign * dong,
            foreign: foreign.map { ForeignAmount(amount: Amount(minorUnits: sign * $0.amount.minorUnits, currency: $0.amount.currency),
                                                 rate: $0.rate, rateDate: $0.rateDate, rateSource: $0.rateSource) },
            funder: try reference(.funder, line.dimensions.funder), grant: try reference(.grant, line.dimensions.grant),
            program: try reference(.program, line.dimensions.program), unit: try reference(.unit, line.dimensions.unit),
            restriction: .unrestricted, item: goods,
            quantity: line.quantity.map { sign * $0 }, children: children.map { sign * $0 },
            memo: line.memo?.isEmpty == true ? nil : line.memo, beneficiaryCodes: line.beneficiaryCodes.sorted())
    }

    /// The line's dong value and, for a foreign amount, its rate with date and source.
    private mutating func convert(_ line: LineDraft, account: Account, date: LedgerDate) throws -> (Int64, ForeignAmount?) {
        let currency = line.amount.currency
        if account.isForeignCurrency && currency != account.currency {
            throw LedgerError(.currencyMismatch, "account \(account.code) is kept in \(account.currency.code), but the line gives \(line.amount)",
                              hint: "give the amount in \(account.currency.code), e.g. '\(account.code) 100.00 \(account.currency.code)'; the dong value follows from the rate")
        }
        guard currency != .vnd else {
            if line.rate != nil {
                throw LedgerError(.invalidRate, "a VND amount takes no exchange rate", hint: "remove the rate from the line")
            }
            if let dong = line.dong, dong != line.amount.minorUnits {
                throw LedgerError(.rateMismatch, "the line states two different VND amounts", hint: "give the amount once")
            }
            return (line.amount.minorUnits, nil)
        }
        let applied: ExchangeRate
        if let rate = line.rate {
            guard let source = line.rateSource, !source.isEmpty else {
                throw LedgerError(.missingRate, "the line's rate \(rate) has no source",
                                  hint: "say where the rate comes from, e.g. 'source=VCB' (the bank's voucher) or 'source=SBV'")
            }
            try TextRules.check(source, named: "rate source", maximumLength: 100)
            applied = ExchangeRate(currency: currency, date: date, rate: rate, source: source, recordedBy: "", recordedAt: "")
        } else {
            applied = try tableRate(currency, on: date)
        }
        let dong = try applied.rate.convertToDong(line.amount)
        if let stated = line.dong, stated != dong {
            throw LedgerError(.rateMismatch, "\(line.amount) at \(applied.rate) (\(applied.source), \(applied.date)) is \(MoneyFormat.english.format(dong: dong)), not \(MoneyFormat.english.format(dong: stated))",
                              hint: "correct the VND amount, or give the rate that actually applied with '@ RATE source=…'")
        }
        guard dong > 0 else {
            throw LedgerError(.invalidAmount, "\(line.amount) at \(applied.rate) rounds to 0 VND", hint: "a line must be worth at least 1 VND")
        }
        return (dong, ForeignAmount(amount: line.amount, rate: applied.rate, rateDate: applied.date, rateSource: applied.source))
    }

    private mutating func tableRate(_ currency: Currency, on date: LedgerDate) throws -> ExchangeRate {
        let key = RateKey(currency: currency.code, dayKey: date.dayKey)
        let rate: ExchangeRate?
        if let cached = rateCache[key] {
            rate = cached
        } else {
            rate = try ledger.exchangeRate(currency, onOrBefore: date)
            rateCache[key] = rate
        }
        guard let rate else {
            throw LedgerError(.missingRate, "there is no \(currency.code) rate on or before \(date)",
                              hint: "record one first: cpf rate set \(currency.code) \(date) RATE --source SBV")
        }
        return rate
    }

    private func reference(_ registry: Registry, _ code: String?) throws -> RegistryReference? {
        guard let code else { return nil }
        return RegistryReference(id: try ledger.registryID(registry, code: code), code: code)
    }

    private func goodsReference(_ line: LineDraft) throws -> RegistryReference? {
        switch (line.item, line.quantity) {
        case (nil, nil): return nil
        case (let item?, let quantity?):
            guard quantity > 0, quantity <= Amount.magnitudeMax else {
                throw LedgerError(.invalidAmount, "the quantity \(quantity) of \(item) is not a positive count",
                                  hint: "give how many units, e.g. qty=90")
            }
            return try reference(.goodsItem, item)
        default:
            throw LedgerError(.invalidInput, "a goods line needs both an item and a quantity", hint: "give item=CODE qty=N together")
        }
    }

    private func checkedChildren(_ line: LineDraft) throws -> Int64? {
        let codes = line.beneficiaryCodes
        guard let children = line.children else {
            if !codes.isEmpty {
                throw LedgerError(.invalidInput, "beneficiary codes are given without a number of child-instances",
                                  hint: "give children=N with the codes")
            }
            return nil
        }
        guard line.side == .debit else {
            throw LedgerError(.invalidInput, "child-instances go on the spending (debit) line", hint: "move children=N to the debit line")
        }
        guard children > 0 && children <= 10_000_000 else {
            throw LedgerError(.invalidInput, "the number of child-instances \(children) is not between 1 and 10,000,000",
                              hint: "count each child helped once as one child-instance")
        }
        guard codes.count <= EntryDraft.beneficiaryCodeCountMax else {
            throw LedgerError(.invalidInput, "a line may carry at most \(EntryDraft.beneficiaryCodeCountMax) beneficiary codes",
                              hint: "split the disbursement into several lines")
        }
        for code in codes { try TextRules.checkCode(code, named: "beneficiary code", echo: false) }
        if Set(codes).count != codes.count {
            throw LedgerError(.invalidInput, "a beneficiary code appears twice on one line", hint: "list each child's code once per line")
        }
        if codes.count > children {
            throw LedgerError(.invalidInput, "\(codes.count) beneficiary codes for \(children) child-instances",
                              hint: "each code is a child reached, so there cannot be more codes than child-instances")
        }
        return children
    }
}
