/// The canonical byte form of an entry that the hash chain covers (docs/hash-chain.md).
///
/// Every value is written as a netstring, `<byte length>:<UTF-8 bytes>,`, so no value can
/// run into the next; an absent value is the empty netstring `0:,`. Integers are decimal with
/// a leading `-` when negative; dates are `YYYY-MM-DD`; moments are `Timestamp.iso`.
///
///     header = "cpf-entry-v2" seq kind date memo external_ref posted_by posted_at
///              approved_by approved_at reverses_seq fact_seq fact_hash line_count
///     line   = line_no account_code amount_vnd currency amount_foreign rate rate_date
///              rate_source funder grant program unit restriction item quantity children
///              memo beneficiary_count commitment…   (hex, sorted; `BeneficiaryCommitter`)
///
/// Entries posted before facts were chained keep form "cpf-entry-v1": no fact_seq and
/// fact_hash, and the beneficiary codes themselves (sorted) in place of the commitments.
///     hash(n) = SHA-256(hash(n−1) ‖ header ‖ line…)
///     hash(0) = SHA-256(netstring("cpf-genesis-v1") ‖ netstring(ledger_id))
///
/// Account and registry *codes* are hashed, not row ids, so renumbering a referenced row or
/// changing its code breaks the chain.
public struct CanonicalForm {
    /// The form's bytes: the first `count` bytes of `storage`, which is written through a
    /// pointer, one field at a time, and only grows (an entry's form is rebuilt in place).
    private var storage: [UInt8]
    private var count = 0
    /// The hex text of the last fact hash encoded: the entries of one writer share it.
    private var factHashText: (hash: [UInt8], text: String)?

    /// The bytes encoded so far.
    public var bytes: [UInt8] { Array(storage[0..<count]) }

    /// The bytes encoded so far as text (every value appended is UTF-8).
    var text: String { String(decoding: storage[0..<count], as: UTF8.self) }

    public init() { storage = [UInt8](repeating: 0, count: 1024) }

    /// Calls `body` with the bytes encoded so far, without copying them.
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try storage.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }

    /// Writes at most `maximum` bytes after those encoded so far: `write` gets the address to
    /// write at and returns how many it wrote.
    @inline(__always)
    private mutating func write(atMost maximum: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int) {
        if count + maximum > storage.count { storage += [UInt8](repeating: 0, count: max(storage.count, maximum)) }
        let written = storage.withUnsafeMutableBufferPointer { write($0.baseAddress! + count) }
        count += written
    }

    /// The hash before the first entry, tied to this ledger's identity.
    public static func genesisHash(ledgerID: String) -> [UInt8] {
        var form = CanonicalForm()
        form.append("cpf-genesis-v1")
        form.append(ledgerID)
        return form.withBytes { SHA256.hash([UInt8]($0)) }
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
        withBytes { hasher.update($0) }
        return hasher.finalize()
    }

    /// Replaces the buffer's content with the canonical form of `entry`.
    public mutating func encode(_ entry: JournalEntry) {
        count = 0
        append(entry.factSeq == nil ? "cpf-entry-v1" : "cpf-entry-v2")
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
        if let factSeq = entry.factSeq {
            append(factSeq)
            if let hash = entry.factHash, factHashText?.hash != hash { factHashText = (hash, hash.hexString) }
            append(entry.factHash == nil ? nil : factHashText?.text)
        }
        append(Int64(entry.lines.count))
        // By index: `for line in` copies each line, a dozen reference counts.
        for index in entry.lines.indices { encode(entry.lines[index], committed: entry.factSeq != nil) }
    }

    private mutating func encode(_ line: borrowing PostedLine, committed: Bool) {
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
        if committed {
            append(Int64(line.beneficiaryCommitments.count))
            for commitment in line.beneficiaryCommitments { append(commitment.hexString) }
        } else {
            append(Int64(line.beneficiaryCodes.count))
            for code in line.beneficiaryCodes { append(code) }
        }
    }

    mutating func append(_ text: String?) {
        guard let text else { appendAbsent(); return }
        // A native string's bytes are read in place; any other is copied once.
        if text.utf8.withContiguousStorageIfAvailable({ appendNetstring(UnsafeRawBufferPointer($0)) }) == nil {
            var copy = text
            copy.withUTF8 { appendNetstring(UnsafeRawBufferPointer($0)) }
        }
    }

    mutating func append(_ date: LedgerDate?) {
        guard let date else { appendAbsent(); return }
        date.withISOBytes { appendNetstring($0) }
    }

    mutating func append(_ timestamp: Timestamp?) {
        guard let timestamp else { appendAbsent(); return }
        timestamp.withISOBytes { appendNetstring($0) }
    }

    /// Empties the form, keeping its buffer.
    mutating func removeAll() { count = 0 }

    /// Appends `bytes` as they are: a value already written as a netstring (`netstring(_:)`).
    mutating func append(encoded bytes: [UInt8]) {
        bytes.withUnsafeBytes { append(encoded: $0) }
    }

    mutating func append(encoded bytes: UnsafeRawBufferPointer) {
        write(atMost: bytes.count) { at in
            if let base = bytes.baseAddress { CanonicalForm.copy(base, to: at, count: bytes.count) }
            return bytes.count
        }
    }

    /// The netstring of `text`, to append later with `append(encoded:)`.
    static func netstring(_ text: String) -> [UInt8] {
        var form = CanonicalForm()
        form.append(text)
        return form.bytes
    }

    /// `<byte length>:<bytes>,`
    mutating func appendNetstring(_ value: UnsafeRawBufferPointer) {
        write(atMost: value.count + 22) { at in
            var length = CanonicalForm.writeDecimal(UInt64(value.count), at: at)
            at[length] = 0x3A
            length += 1
            if let base = value.baseAddress { CanonicalForm.copy(base, to: at + length, count: value.count) }
            length += value.count
            at[length] = 0x2C
            return length + 1
        }
    }

    mutating func append(_ value: Int64?) {
        guard let value else { appendAbsent(); return }
        // "<length>:" then an optional "-", the digits and ",": at most 2 + 1 + 1 + 20 + 1 bytes.
        write(atMost: 25) { at in
            let digitCount = CanonicalForm.digitCount(value.magnitude)
            var length = CanonicalForm.writeDecimal(UInt64(digitCount + (value < 0 ? 1 : 0)), at: at)
            at[length] = 0x3A
            length += 1
            if value < 0 { at[length] = 0x2D; length += 1 }
            CanonicalForm.writeDigits(value.magnitude, count: digitCount, at: at + length)
            length += digitCount
            at[length] = 0x2C
            return length + 1
        }
    }

    @inline(__always)
    mutating func appendAbsent() {
        write(atMost: 3) { at in
            at[0] = 0x30; at[1] = 0x3A; at[2] = 0x2C   // "0:,"
            return 3
        }
    }

    /// Writes `value` in decimal at `at` (at most 20 digits) and returns the digit count.
    @inline(__always)
    private static func writeDecimal(_ value: UInt64, at: UnsafeMutablePointer<UInt8>) -> Int {
        let count = digitCount(value)
        writeDigits(value, count: count, at: at)
        return count
    }

    /// How many decimal digits `value` has (1 for 0).
    @inline(__always)
    private static func digitCount(_ value: UInt64) -> Int {
        var count = 1
        var rest = value / 10
        while rest > 0 { count += 1; rest /= 10 }
        return count
    }

    /// Writes the `count` decimal digits of `value` at `at`.
    @inline(__always)
    private static func writeDigits(_ value: UInt64, count: Int, at: UnsafeMutablePointer<UInt8>) {
        var rest = value
        for index in stride(from: count - 1, through: 0, by: -1) {
            at[index] = UInt8(truncatingIfNeeded: 48 + rest % 10)
            rest /= 10
        }
    }

    /// Copies `count` bytes: a value of a few bytes (a code, a date, a number) in two
    /// overlapping words rather than by a call to `memcpy`.
    @inline(__always)
    private static func copy(_ source: UnsafeRawPointer, to destination: UnsafeMutableRawPointer, count: Int) {
        switch count {
        case 8...16:
            let (head, tail) = (source.loadUnaligned(as: UInt64.self), source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            destination.storeBytes(of: head, as: UInt64.self)
            destination.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        case 4..<8:
            let (head, tail) = (source.loadUnaligned(as: UInt32.self), source.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            destination.storeBytes(of: head, as: UInt32.self)
            destination.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        case 0..<4:
            for index in 0..<count { destination.storeBytes(of: source.load(fromByteOffset: index, as: UInt8.self), toByteOffset: index, as: UInt8.self) }
        default:
            destination.copyMemory(from: source, byteCount: count)
        }
    }
}
