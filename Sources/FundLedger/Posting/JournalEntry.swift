/// A registry row as a line refers to it: its id in the file and its code, which is what the
/// hash chain covers.
public struct RegistryReference: Sendable, Hashable {
    public let id: Int64
    public let code: String

    public init(id: Int64, code: String) {
        self.id = id
        self.code = code
    }
}

/// The foreign-currency side of a line: the original amount, and the rate that gave its dong
/// value, with the rate's date and source.
public struct ForeignAmount: Sendable, Hashable {
    /// Signed like the line's dong amount, in the currency's minor units.
    public let amount: Amount
    public let rate: Rate
    public let rateDate: LedgerDate
    public let rateSource: String

    public init(amount: Amount, rate: Rate, rateDate: LedgerDate, rateSource: String) {
        self.amount = amount
        self.rate = rate
        self.rateDate = rateDate
        self.rateSource = rateSource
    }
}

/// A validated line, as it is stored and hashed.
public struct PostedLine: Sendable, Equatable {
    /// 1-based position in the entry.
    public let lineNumber: Int
    public let account: RegistryReference
    /// Signed: debit positive, credit negative.
    public let amountDong: Int64
    public let foreign: ForeignAmount?
    public let funder: RegistryReference?
    public let grant: RegistryReference?
    public let program: RegistryReference?
    public let unit: RegistryReference?
    public let restriction: Restriction
    public let item: RegistryReference?
    /// Signed like the amount.
    public let quantity: Int64?
    /// Signed like the amount.
    public let children: Int64?
    public let memo: String?
    /// Sorted; never shown in any output.
    public let beneficiaryCodes: [String]
    /// What the chain hashes in place of the codes in an entry of form cpf-entry-v2
    /// (`BeneficiaryCommitter`), sorted; empty for a line without codes or in form v1.
    public let beneficiaryCommitments: [[UInt8]]

    public init(lineNumber: Int, account: RegistryReference, amountDong: Int64, foreign: ForeignAmount? = nil,
                funder: RegistryReference? = nil, grant: RegistryReference? = nil, program: RegistryReference? = nil,
                unit: RegistryReference? = nil, restriction: Restriction = .unrestricted, item: RegistryReference? = nil,
                quantity: Int64? = nil, children: Int64? = nil, memo: String? = nil, beneficiaryCodes: [String] = [],
                beneficiaryCommitments: [[UInt8]] = []) {
        self.lineNumber = lineNumber
        self.account = account
        self.amountDong = amountDong
        self.foreign = foreign
        self.funder = funder
        self.grant = grant
        self.program = program
        self.unit = unit
        self.restriction = restriction
        self.item = item
        self.quantity = quantity
        self.children = children
        self.memo = memo
        self.beneficiaryCodes = beneficiaryCodes
        self.beneficiaryCommitments = beneficiaryCommitments
    }

    /// The same line with `commitments` in place of its commitments.
    func committed(_ commitments: [[UInt8]]) -> PostedLine {
        PostedLine(lineNumber: lineNumber, account: account, amountDong: amountDong, foreign: foreign, funder: funder, grant: grant,
                   program: program, unit: unit, restriction: restriction, item: item, quantity: quantity, children: children,
                   memo: memo, beneficiaryCodes: beneficiaryCodes, beneficiaryCommitments: commitments)
    }

    public var side: Side { amountDong > 0 ? .debit : .credit }

    /// The mirror line: every signed figure negated, beneficiary codes left on the original.
    func reversed(lineNumber: Int) -> PostedLine {
        PostedLine(lineNumber: lineNumber, account: account, amountDong: -amountDong,
                   foreign: foreign.map { ForeignAmount(amount: $0.amount.negated, rate: $0.rate, rateDate: $0.rateDate, rateSource: $0.rateSource) },
                   funder: funder, grant: grant, program: program, unit: unit, restriction: restriction, item: item,
                   quantity: quantity.map { -$0 }, children: children.map { -$0 }, memo: memo, beneficiaryCodes: [])
    }
}

/// What kind of record an entry of the chain is.
public enum EntryKind: String, Sendable {
    /// An accounting entry with two or more balanced lines.
    case journal
    /// A period was closed; no lines.
    case periodClose = "period-close"
    /// A closed period was reopened; no lines.
    case periodReopen = "period-reopen"
}

/// A posted entry: a link of the hash chain.
public struct JournalEntry: Sendable, Equatable {
    /// 1, 2, 3, … without gaps.
    public let seq: Int64
    public let kind: EntryKind
    public let date: LedgerDate
    public let memo: String
    public let externalRef: String?
    public let postedBy: String
    public let postedAt: Timestamp
    public let approvedBy: String?
    public let approvedAt: Timestamp?
    public let reversesSeq: Int64?
    public let lines: [PostedLine]
    /// SHA-256 of the previous entry's hash and this entry's canonical form.
    public let hash: [UInt8]
    /// The fact record this entry commits to (the newest when it was posted) and its hash:
    /// set for every entry of form cpf-entry-v2, `nil` for one posted before facts were chained.
    public let factSeq: Int64?
    public let factHash: [UInt8]?

    public init(seq: Int64, kind: EntryKind = .journal, date: LedgerDate, memo: String, externalRef: String? = nil,
                postedBy: String, postedAt: Timestamp, approvedBy: String? = nil, approvedAt: Timestamp? = nil,
                reversesSeq: Int64? = nil, lines: [PostedLine], hash: [UInt8], factSeq: Int64? = nil, factHash: [UInt8]? = nil) {
        self.seq = seq
        self.kind = kind
        self.date = date
        self.memo = memo
        self.externalRef = externalRef
        self.postedBy = postedBy
        self.postedAt = postedAt
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
        self.reversesSeq = reversesSeq
        self.lines = lines
        self.hash = hash
        self.factSeq = factSeq
        self.factHash = factHash
    }

    /// The canonical form's version: 2 when the entry commits to a fact record.
    public var format: Int { factSeq == nil ? 1 : 2 }

    /// Total debits in dong (equal to total credits in a balanced entry).
    public var totalDebitDong: Int64 { lines.reduce(0) { $0 + max($1.amountDong, 0) } }
}

/// An entry that passed validation and waits to be written: everything but its place in the
/// chain.
public struct ValidatedEntry: Sendable, Equatable {
    public let kind: EntryKind
    public let date: LedgerDate
    public let memo: String
    public let externalRef: String?
    public let reversesSeq: Int64?
    public let approvedBy: String?
    public let approvedAt: Timestamp?
    public let lines: [PostedLine]

    public init(kind: EntryKind = .journal, date: LedgerDate, memo: String, externalRef: String?, reversesSeq: Int64? = nil,
                approvedBy: String? = nil, approvedAt: Timestamp? = nil, lines: [PostedLine]) {
        self.kind = kind
        self.date = date
        self.memo = memo
        self.externalRef = externalRef
        self.reversesSeq = reversesSeq
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
        self.lines = lines
    }

    public var totalDebitDong: Int64 { lines.reduce(0) { $0 + max($1.amountDong, 0) } }
}

/// What became of an entry handed to `Ledger.post`.
public enum PostingOutcome: Sendable, Equatable {
    /// Written as a new entry.
    case posted(JournalEntry)
    /// An entry with the same reference and content was already posted; nothing was written.
    case alreadyPosted(JournalEntry)
    /// At or above the approval threshold: kept for a second person, not yet in the books.
    case pending(PendingEntry)
    /// The same reference and content already waits for approval; nothing was written.
    case alreadyPending(PendingEntry)

    /// The posted entry; `nil` while it waits for approval.
    public var entry: JournalEntry? {
        switch self {
        case .posted(let entry), .alreadyPosted(let entry): entry
        case .pending, .alreadyPending: nil
        }
    }

    public var isNew: Bool { if case .posted = self { true } else { false } }
}
