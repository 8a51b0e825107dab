#if canImport(Glibc)
import Glibc
#endif

extension EntryDraft {
    /// Whether `entry`, already posted with this draft's reference, says what this draft says:
    /// the same date, memo and lines as the user gave them. Who posted it and when do not
    /// count, nor what the ledger worked out (dong values at book or carrying value, an
    /// exchange-difference line it added at the end), so retrying an unchanged post is always
    /// recognised, whatever happened to the books since.
    public func matches(_ entry: JournalEntry) -> Bool {
        guard entry.kind == .journal, entry.reversesSeq == nil, date == entry.date, memo == entry.memo,
              externalRef == entry.externalRef,
              entry.lines.count == lines.count || entry.lines.count == lines.count + 1 else { return false }
        return zip(lines, entry.lines).allSatisfy { $0.matches($1) }
    }
}

extension LineDraft {
    func matches(_ posted: PostedLine) -> Bool {
        let sign: Int64 = side == .debit ? 1 : -1
        guard posted.account.code == accountCode, posted.amountDong.signum() == sign else { return false }
        if amount.currency == .vnd {
            guard posted.foreign == nil, posted.amountDong == sign * amount.minorUnits else { return false }
        } else {
            guard let foreign = posted.foreign, foreign.amount.currency == amount.currency,
                  foreign.amount.minorUnits == sign * amount.minorUnits else { return false }
            if let rate, rate != foreign.rate { return false }
            if let dong, sign * dong != posted.amountDong { return false }
        }
        return (dimensions.funder == nil || dimensions.funder == posted.funder?.code)
            && dimensions.grant == posted.grant?.code && dimensions.program == posted.program?.code
            && dimensions.unit == posted.unit?.code && item == posted.item?.code
            && quantity.map { sign * $0 } == posted.quantity && children.map { sign * $0 } == posted.children
            && beneficiaryCodes.sorted() == posted.beneficiaryCodes && (memo?.isEmpty == true ? nil : memo) == posted.memo
    }
}

/// The greatest reference the journal can hold, so most references of a file whose entries
/// come in reference order (a voucher series, a bank's statement numbers, our own export)
/// need no lookup: a reference past every one posted cannot be posted already.
///
/// References are compared as SQLite compares them (`BINARY`: their UTF-8 bytes), not as
/// Swift compares strings (which treats canonically equivalent text as equal).
struct ReferenceHorizon {
    /// Compared through its UTF-8 view, so nothing is copied per reference.
    private var greatest: String?

    /// Reads the greatest posted reference, through the reference index.
    init(ledger: Ledger) throws {
        greatest = try ledger.database.scalarText("SELECT max(external_ref) FROM entry WHERE external_ref IS NOT NULL")
    }

    /// Whether `reference` is past every reference posted, counting those `passed` since.
    func isNew(_ reference: String) -> Bool {
        guard let greatest else { return true }
        return ReferenceHorizon.bytes(of: greatest, precede: reference)
    }

    /// Whether `first`'s UTF-8 bytes sort before `second`'s: `memcmp` over the bytes in place.
    static func bytes(of first: String, precede second: String) -> Bool {
        let compared = first.utf8.withContiguousStorageIfAvailable { a in
            second.utf8.withContiguousStorageIfAvailable { b -> Bool in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return order != 0 ? order < 0 : a.count < b.count
            }
        }
        return (compared ?? nil) ?? first.utf8.lexicographicallyPrecedes(second.utf8)
    }

    /// Counts `reference` as posted (or possibly posted: a reference passed here and not
    /// written only costs later references a lookup), and says whether it was new.
    @discardableResult
    mutating func pass(_ reference: String) -> Bool {
        guard isNew(reference) else { return false }
        greatest = reference
        return true
    }
}
