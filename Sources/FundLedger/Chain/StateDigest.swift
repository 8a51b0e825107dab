/// The digest of a ledger's whole state at a moment: the journal's head and the fact chain's
/// head (registries, settings, rates, grants, approvals, the audit trail). `seal`, `verify`
/// and every report's footer print it; `cpf verify --at SEQ --digest HEX` later proves that
/// nothing it pins was changed or removed (docs/hash-chain.md, "The state digest").
///
///     digest = SHA-256(ns("cpf-state-v1") ns(journal seq) ns(journal hash, hex) ns(fact seq) ns(fact hash, hex))
public enum StateDigest {
    public static func digest(journalSeq: Int64, journalHash: [UInt8], factSeq: Int64, factHash: [UInt8]) -> [UInt8] {
        var form = CanonicalForm()
        form.append("cpf-state-v1")
        form.append(journalSeq)
        form.append(journalHash.hexString)
        form.append(factSeq)
        form.append(factHash.hexString)
        return form.withBytes { SHA256.hash([UInt8]($0)) }
    }
}

extension Ledger {
    /// The journal's head sequence and the state digest now.
    public func stateHead() throws -> (seq: Int64, digest: [UInt8]) {
        let journal = try chainHead()
        let facts = try factHead()
        return (journal.seq, StateDigest.digest(journalSeq: journal.seq, journalHash: journal.hash, factSeq: facts.seq, factHash: facts.hash))
    }
}
