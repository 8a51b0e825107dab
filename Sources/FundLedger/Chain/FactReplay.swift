/// Replays the fact chain (`FactChain`) for `verify`: recomputes each record's hash, checks
/// that it names a journal head that exists, and compares what the records say every fact
/// table holds with what it holds.
struct FactReplay {
    private let ledgerID: String
    /// What the records say: for each table, each key's row image, or `nil` when the row is gone.
    private var recorded: [String: [String: (state: String?, seq: Int64)]] = [:]
    private(set) var headSeq: Int64 = 0
    private(set) var headHash: [UInt8]
    /// For each fact record, the journal head it followed and its hash as recomputed from
    /// the genesis (so only an unchanged chain of records gives it).
    private var records: [(journalSeq: Int64, hash: [UInt8])] = []
    private var recomputedHead: [UInt8]

    init(ledgerID: String) {
        self.ledgerID = ledgerID
        headHash = FactChain.genesisHash(ledgerID: ledgerID)
        recomputedHead = headHash
    }

    /// The fact heads the ledger had while its journal ended at entry `journalSeq`: the last
    /// record made before that entry, and every record made after it and before the next.
    func factSeqs(whileJournalEndedAt journalSeq: Int64) -> [(seq: Int64, hash: [UInt8])] {
        var heads: [(seq: Int64, hash: [UInt8])] = [(0, FactChain.genesisHash(ledgerID: ledgerID))]
        for (index, record) in records.enumerated() {
            if record.journalSeq < journalSeq { heads = [(Int64(index + 1), record.hash)] }
            if record.journalSeq == journalSeq { heads.append((Int64(index + 1), record.hash)) }
        }
        return heads
    }

    /// Reads and checks the chain of records; `entryHash(seq)` is the stored hash of entry
    /// `seq` (the genesis hash for 0), or `nil` when there is none.
    mutating func readRecords(_ database: Database, into report: inout VerificationReport,
                              entryHash: (Int64) throws -> [UInt8]?) throws {
        var lastJournalSeq: Int64 = 0
        try database.forEachRow("SELECT seq, journal_seq, journal_hash, images, hash FROM fact_record ORDER BY seq") { row in
            let seq = row.int64(at: 0), journalSeq = row.int64(at: 1), journalHash = row.blob(at: 2)
            let images = row.text(at: 3), stored = row.blob(at: 4)
            if seq != headSeq + 1 {
                report.add(nil, "fact record \(seq) follows record \(headSeq): fact records are missing or renumbered")
            }
            recomputedHead = FactChain.hash(seq: seq, journalSeq: journalSeq, journalHash: journalHash, images: images, previous: recomputedHead)
            records.append((journalSeq, recomputedHead))
            if FactChain.hash(seq: seq, journalSeq: journalSeq, journalHash: journalHash, images: images, previous: headHash) != stored {
                report.add(nil, "fact record \(seq): its stored hash does not follow from its contents and the previous record — a registry, setting or audit-trail change was rewritten")
            }
            if try entryHash(journalSeq) != journalHash {
                report.add(journalSeq, "fact record \(seq) was recorded after entry \(journalSeq), which no longer has the hash it had then: the journal was changed or cut")
            }
            if journalSeq < lastJournalSeq {
                report.add(nil, "fact record \(seq) names an older journal head (\(journalSeq)) than the record before it (\(lastJournalSeq))")
            }
            lastJournalSeq = journalSeq
            apply(images, seq: seq, into: &report)
            headSeq = seq
            headHash = stored
        }
    }

    private mutating func apply(_ images: String, seq: Int64, into report: inout VerificationReport) {
        guard let parts = Netstrings.split(images), parts.count % 3 == 0 else {
            report.add(nil, "fact record \(seq): its images cannot be read")
            return
        }
        for index in stride(from: 0, to: parts.count, by: 3) {
            recorded[parts[index], default: [:]][parts[index + 1]] = (parts[index + 2] == "-" ? nil : parts[index + 2], seq)
        }
    }

    /// Compares every fact table with the records.
    func compare(_ database: Database, into report: inout VerificationReport) throws {
        let pending = try database.scalarInt64("SELECT count(*) FROM fact_touch") ?? 0
        if pending > 0 {
            report.add(nil, "fact_touch holds \(pending) row(s) between transactions: rows were changed outside cpf")
        }
        var differences = 0
        for (table, key) in FactChain.tables {
            var expected = recorded[table] ?? [:]
            let statement = try database.prepare("SELECT * FROM \"\(table)\"")
            var keyColumns: [Int32] = []
            for column in 0..<statement.columnCount where key.contains(statement.columnName(at: column)) { keyColumns.append(column) }
            keyColumns.sort { key.firstIndex(of: statement.columnName(at: $0))! < key.firstIndex(of: statement.columnName(at: $1))! }
            while try statement.step() {
                let image = FactChain.rowImage(statement, keyColumns: keyColumns)
                let record = expected.removeValue(forKey: image.key)
                guard record?.state != image.state else { continue }
                differences += 1
                guard differences <= 20 else { continue }
                let row = "\(table) row \(FactReplay.describe(key: image.key, columns: key))"
                if let record, record.state != nil {
                    report.add(nil, "\(row) differs from what fact record \(record.seq) says: it was changed outside cpf")
                } else {
                    report.add(nil, "\(row) was never recorded by cpf: it was added outside cpf")
                }
            }
            for (rowKey, record) in expected.sorted(by: { $0.key < $1.key }) where record.state != nil {
                differences += 1
                if differences <= 20 {
                    report.add(nil, "\(table) row \(FactReplay.describe(key: rowKey, columns: key)) recorded by fact record \(record.seq) is missing: it was deleted outside cpf")
                }
            }
        }
        if differences > 20 { report.add(nil, "… and \(differences - 20) more fact rows disagree with the fact records") }
    }

    /// "id 3", "currency USD, rate_date 2018-01-31".
    static func describe(key: String, columns: [String]) -> String {
        let values = Netstrings.split(key) ?? []
        return zip(columns, values).map { "\($0) \($1.dropFirst())" }.joined(separator: ", ")
    }
}

/// Reads a concatenation of netstrings (`<byte length>:<bytes>,`) back into its values.
enum Netstrings {
    static func split(_ text: String) -> [String]? {
        var values: [String] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            var length = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                length = length * 10 + Int(bytes[index] - 0x30)
                guard length <= bytes.count else { return nil }
                index += 1
            }
            guard index < bytes.count, bytes[index] == 0x3A, index + 1 + length < bytes.count, bytes[index + 1 + length] == 0x2C else { return nil }
            values.append(String(decoding: bytes[(index + 1)..<(index + 1 + length)], as: UTF8.self))
            index += length + 2
        }
        return values
    }
}

extension Ledger {
    /// Refuses when a fact table differs from what the fact records say (`FactReplay`): public
    /// reports and the history call it, so neither shows a fact cpf never recorded.
    func requireRecordedFacts() throws {
        var replay = FactReplay(ledgerID: ledgerID)
        var report = VerificationReport()
        try replay.readRecords(database, into: &report) { _ in nil }
        report = VerificationReport()
        try replay.compare(database, into: &report)
        guard let first = report.findings.first else { return }
        throw LedgerError(.factsAltered, "the books' facts were changed outside cpf, so this would show what nobody recorded: \(first.message)",
                          hint: "run 'cpf verify' to see every change, and restore the ledger from a backup")
    }
}
