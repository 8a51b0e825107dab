/// The canonical byte form of an entry that the hash chain covers (docs/hash-chain.md).
///
/// Every value is written as a netstring, `<byte length>:<UTF-8 bytes>,`, so no value can
/// run into the next; an absent value is the empty netstring `0:,`. Integers are decimal with
/// a leading `-` when negative; dates are `YYYY-MM-DD`; moments are `Timestamp.iso`.
///
///     header = "cpf-entry-v1" seq kind date memo external_ref posted_by posted_at
///              approved_by approved_at reverses_seq line_count
///     line   = line_no account_code amount_vnd currency amount_foreign rate rate_date
///              rate_source funder grant program unit restriction item quantity children
///              memo beneficiary_count beneficiary_code…   (codes sorted)
///     hash(n) = SHA-256(hash(n−1) ‖ header ‖ line…)
///     hash(0) = SHA-256(netstring("cpf-genesis-v1") ‖ netstring(ledger_id))
///
/// Account and registry *codes* are hashed, not row ids, so renumbering a referenced row or
/// changing its code breaks the chain.
public struct CanonicalForm {
    public private(set) var bytes: [UInt8] = []

    public init() { bytes.reserveCapacity(1024) }

    /// The hash before the first entry, tied to this ledger's identity.
    public static func genesisHash(ledgerID: String) -> [UInt8] {
        var form = CanonicalForm()
        form.append("cpf-genesis-v1")
        form.append(ledgerID)
        return SHA256.hash(form.bytes)
    }

    /// The hash of `entry` given the previous hash. `entry.hash` is not read.
    public static func hash(of entry: JournalEntry, previous: [UInt8]) -> [UInt8] {
        var form = CanonicalForm()
        return form.hash(of: entry, previous: previous)
    }

    /// The same, encoding into this form's buffer (kept between calls, so a writer of many
    /// entries allocates it once).
    public mutating func hash(of entry: JournalEntry, previous: [UInt8]) -> [UInt8] {
        encode(entry)
        var hasher = SHA256()
        hasher.update(previous)
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Replaces the buffer's content with the canonical form of `entry`.
    public mutating func encode(_ entry: JournalEntry) {
        bytes.removeAll(keepingCapacity: true)
        append("cpf-entry-v1")
        append(entry.seq)
        append(entry.kind.rawValue)
        append(entry.date)
        append(entry.memo)
        append(entry.externalRef)
        append(entry.postedBy)
        append(entry.postedAt)
        append(entry.approvedBy)
        append(entry.approvedAt)
        append(entry.reversesSeq)
        append(Int64(entry.lines.count))
        for line in entry.lines { encode(line) }
    }

    private mutating func encode(_ line: PostedLine) {
        append(Int64(line.lineNumber))
        append(line.account.code)
        append(line.amountDong)
        append(line.foreign?.amount.currency.code)
        append(line.foreign?.amount.minorUnits)
        append(line.foreign?.rate.description)
        append(line.foreign?.rateDate)
        append(line.foreign?.rateSource)
        append(line.funder?.code)
        append(line.grant?.code)
        append(line.program?.code)
        append(line.unit?.code)
        append(line.restriction.rawValue)
        append(line.item?.code)
        append(line.quantity)
        append(line.children)
        append(line.memo)
        append(Int64(line.beneficiaryCodes.count))
        for code in line.beneficiaryCodes { append(code) }
    }

    mutating func append(_ text: String?) {
        guard var text else { appendAbsent(); return }
        text.withUTF8 { utf8 in
            appendDecimal(Int64(utf8.count))
            bytes.append(0x3A)
            bytes.append(contentsOf: utf8)
            bytes.append(0x2C)
        }
    }

    mutating func append(_ date: LedgerDate?) {
        guard let date else { appendAbsent(); return }
        bytes.append(0x31); bytes.append(0x30); bytes.append(0x3A)   // "10:"
        date.withISOBytes { bytes.append(contentsOf: $0) }
        bytes.append(0x2C)
    }

    mutating func append(_ timestamp: Timestamp?) {
        guard let timestamp else { appendAbsent(); return }
        bytes.append(0x32); bytes.append(0x34); bytes.append(0x3A)   // "24:"
        timestamp.withISOBytes { bytes.append(contentsOf: $0) }
        bytes.append(0x2C)
    }

    mutating func append(_ value: Int64?) {
        guard let value else { appendAbsent(); return }
        // The digits, last first, into a 20-byte scratch (UInt64.max has 20 digits).
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let digitCount = withUnsafeMutableBytes(of: &digits) { scratch in
            var rest = value.magnitude
            var count = 0
            repeat {
                scratch[19 - count] = UInt8(truncatingIfNeeded: 48 + rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            return count
        }
        appendDecimal(Int64(digitCount + (value < 0 ? 1 : 0)))
        bytes.append(0x3A)
        if value < 0 { bytes.append(0x2D) }
        withUnsafeBytes(of: &digits) { bytes.append(contentsOf: $0[(20 - digitCount)..<20]) }
        bytes.append(0x2C)
    }

    /// The empty netstring `0:,` of an absent value.
    @inline(__always)
    private mutating func appendAbsent() {
        bytes.append(0x30); bytes.append(0x3A); bytes.append(0x2C)
    }

    private mutating func appendDecimal(_ value: Int64) {
        precondition(value >= 0)
        if value < 10 { bytes.append(UInt8(48 + value)); return }
        appendDecimal(value / 10)
        bytes.append(UInt8(48 + value % 10))
    }
}
