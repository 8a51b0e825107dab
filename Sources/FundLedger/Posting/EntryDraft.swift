/// The side of a line.
public enum Side: String, Sendable, CaseIterable {
    case debit
    case credit
}

/// Which restriction a line's money carries, following from its grant.
///
/// Unrestricted money may be spent on any of the fund's purposes; restricted money only on
/// its grant's programs, places and dates; designated support (hỗ trợ theo địa chỉ) exactly
/// as the donor designated, and it is left out of the management-cost base.
public enum Restriction: String, Sendable, CaseIterable {
    case unrestricted
    case restricted
    case designated
}

/// The codes of the registries a line is tagged with. `nil` means the line has no such tag.
public struct Dimensions: Sendable, Hashable {
    public var funder: String?
    public var grant: String?
    public var program: String?
    public var unit: String?

    public init(funder: String? = nil, grant: String? = nil, program: String? = nil, unit: String? = nil) {
        self.funder = funder
        self.grant = grant
        self.program = program
        self.unit = unit
    }
}

/// One line as the user proposes it, before validation.
public struct LineDraft: Sendable, Equatable {
    public var accountCode: String
    public var side: Side
    /// A positive amount in VND or in a foreign currency.
    public var amount: Amount
    /// For a foreign amount: the dong value the user states. It must equal the amount at the
    /// line's rate, rounded half-even. `nil` lets the ledger compute it.
    public var dong: Int64?
    /// For a foreign amount: the rate that applied, instead of the rate table's.
    public var rate: Rate?
    /// Where `rate` comes from (e.g. the bank's voucher). Required with `rate`.
    public var rateSource: String?
    public var dimensions: Dimensions
    /// A goods item and a positive quantity, for goods received or handed out.
    public var item: String?
    public var quantity: Int64?
    /// Child-instances reached (lượt trẻ em) by this spending line.
    public var children: Int64?
    /// Pseudonymous beneficiary codes (never names). They never appear in any output.
    public var beneficiaryCodes: [String]
    public var memo: String?

    public init(accountCode: String, side: Side, amount: Amount, dong: Int64? = nil, rate: Rate? = nil,
                rateSource: String? = nil, dimensions: Dimensions = Dimensions(), item: String? = nil,
                quantity: Int64? = nil, children: Int64? = nil, beneficiaryCodes: [String] = [], memo: String? = nil) {
        self.accountCode = accountCode
        self.side = side
        self.amount = amount
        self.dong = dong
        self.rate = rate
        self.rateSource = rateSource
        self.dimensions = dimensions
        self.item = item
        self.quantity = quantity
        self.children = children
        self.beneficiaryCodes = beneficiaryCodes
        self.memo = memo
    }

    public static func debit(_ accountCode: String, _ amount: Amount, dimensions: Dimensions = Dimensions()) -> LineDraft {
        LineDraft(accountCode: accountCode, side: .debit, amount: amount, dimensions: dimensions)
    }

    public static func credit(_ accountCode: String, _ amount: Amount, dimensions: Dimensions = Dimensions()) -> LineDraft {
        LineDraft(accountCode: accountCode, side: .credit, amount: amount, dimensions: dimensions)
    }
}

/// An entry as the user proposes it, before validation.
public struct EntryDraft: Sendable, Equatable {
    public var date: LedgerDate
    public var memo: String
    /// An external reference (voucher number, bank reference). Posting the same reference
    /// again with the same content changes nothing; with other content it is refused.
    public var externalRef: String?
    public var lines: [LineDraft]

    public init(date: LedgerDate, memo: String, externalRef: String? = nil, lines: [LineDraft]) {
        self.date = date
        self.memo = memo
        self.externalRef = externalRef
        self.lines = lines
    }
}
