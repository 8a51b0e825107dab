/// HMAC-SHA-256 (RFC 2104, FIPS 198-1), tested against the vectors of RFC 4231.
public enum HMAC {
    public static func sha256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        let blockSize = 64
        var block = key.count > blockSize ? SHA256.hash(key) : key
        block += [UInt8](repeating: 0, count: blockSize - block.count)
        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        inner.update(message)
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5C })
        outer.update(inner.finalize())
        return outer.finalize()
    }
}

/// The commitment the chain hashes in place of a beneficiary code (docs/hash-chain.md,
/// cpf-entry-v2): HMAC-SHA-256 under the ledger's own key of the entry, the line and the code.
/// The key stays in the ledger file, so the commitment shows nothing of the code, and the same
/// child on two lines gets two unrelated commitments.
public struct BeneficiaryCommitter: Sendable {
    let key: [UInt8]

    public init(key: [UInt8]) { self.key = key }

    public func commitment(seq: Int64, lineNumber: Int, code: String) -> [UInt8] {
        var form = CanonicalForm()
        form.append("cpf-beneficiary-v1")
        form.append(seq)
        form.append(Int64(lineNumber))
        form.append(code)
        return HMAC.sha256(key: key, message: form.bytes)
    }

    /// The commitments of a line's codes, sorted by their bytes.
    public func commitments(seq: Int64, line: PostedLine) -> [[UInt8]] {
        line.beneficiaryCodes.map { commitment(seq: seq, lineNumber: line.lineNumber, code: $0) }
            .sorted { $0.lexicographicallyPrecedes($1) }
    }
}

extension Ledger {
    /// The key of the beneficiary commitments (ledger-schema/010_chained_facts.sql).
    func beneficiaryCommitter() throws -> BeneficiaryCommitter? {
        try database.firstRow("SELECT beneficiary_key FROM ledger_secret WHERE id = 1") { BeneficiaryCommitter(key: $0.blob(at: 0)) }
    }
}
