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
                report.add(nil, LocalizedText("fact record \(seq) follows record \(headSeq): fact records are missing or renumbered", "bản ghi dữ kiện \(seq) đứng sau bản ghi \(headSeq): có bản ghi dữ kiện bị mất hoặc bị đánh số lại"))
            }
            recomputedHead = FactChain.hash(seq: seq, journalSeq: journalSeq, journalHash: journalHash, images: images, previous: recomputedHead)
            records.append((journalSeq, recomputedHead))
            if FactChain.hash(seq: seq, journalSeq: journalSeq, journalHash: journalHash, images: images, previous: headHash) != stored {
                report.add(nil, LocalizedText("fact record \(seq): its stored hash does not follow from its contents and the previous record — a registry, setting or audit-trail change was rewritten",
                                              "bản ghi dữ kiện \(seq): mã băm đã lưu không khớp với nội dung và bản ghi trước — một thay đổi danh mục, thiết lập hoặc nhật ký thay đổi đã bị viết lại"))
            }
            if try entryHash(journalSeq) != journalHash {
                report.add(journalSeq, LocalizedText("fact record \(seq) was recorded after entry \(journalSeq), which no longer has the hash it had then: the journal was changed or cut",
                                                     "bản ghi dữ kiện \(seq) được ghi sau bút toán \(journalSeq), nhưng bút toán đó không còn mã băm như lúc ấy: sổ nhật ký đã bị sửa hoặc bị cắt"))
            }
            if journalSeq < lastJournalSeq {
                report.add(nil, LocalizedText("fact record \(seq) names an older journal head (\(journalSeq)) than the record before it (\(lastJournalSeq))",
                                              "bản ghi dữ kiện \(seq) ghi đầu sổ nhật ký (\(journalSeq)) cũ hơn bản ghi trước nó (\(lastJournalSeq))"))
            }
            lastJournalSeq = journalSeq
            apply(images, seq: seq, into: &report)
            headSeq = seq
            headHash = stored
        }
    }

    private mutating func apply(_ images: String, seq: Int64, into report: inout VerificationReport) {
        guard let parts = Netstrings.split(images), parts.count % 3 == 0 else {
            report.add(nil, LocalizedText("fact record \(seq): its images cannot be read", "bản ghi dữ kiện \(seq): không đọc được nội dung"))
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
            report.add(nil, LocalizedText("fact_touch holds \(pending) row(s) between transactions: rows were changed outside cpf", "fact_touch còn \(pending) dòng giữa các giao dịch: có dòng đã bị sửa ngoài cpf"))
        }
        var differences = 0
        let present = Set(try database.rows("SELECT name FROM sqlite_schema WHERE type = 'table'") { $0.text(at: 0) })
        for (table, key) in FactChain.tables {
            // A table missing from the file is the schema check's finding (`verifySchema`).
            guard present.contains(table) else { continue }
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
                let described = FactReplay.describe(key: image.key, columns: key)
                let row = LocalizedText("\(table) row \(described)", "dòng \(described) của bảng \(table)")
                if let record, record.state != nil {
                    report.add(nil, LocalizedText("\(row) differs from what fact record \(record.seq) says: it was changed outside cpf",
                                                  "\(row) khác với bản ghi dữ kiện \(record.seq): đã bị sửa ngoài cpf"))
                } else {
                    report.add(nil, LocalizedText("\(row) was never recorded by cpf: it was added outside cpf", "\(row) chưa bao giờ được cpf ghi: đã được thêm ngoài cpf"))
                }
            }
            for (rowKey, record) in expected.sorted(by: { $0.key < $1.key }) where record.state != nil {
                differences += 1
                if differences <= 20 {
                    let described = FactReplay.describe(key: rowKey, columns: key)
                    report.add(nil, LocalizedText("\(table) row \(described) recorded by fact record \(record.seq) is missing: it was deleted outside cpf",
                                                  "dòng \(described) của bảng \(table), ghi ở bản ghi dữ kiện \(record.seq), không còn: đã bị xóa ngoài cpf"))
                }
            }
        }
        if differences > 20 { report.add(nil, LocalizedText("… and \(differences - 20) more fact rows disagree with the fact records", "… và thêm \(differences - 20) dòng dữ kiện không khớp với bản ghi dữ kiện")) }
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
        throw LedgerError(.factsAltered, LocalizedText("the books' facts were changed outside cpf, so this would show what nobody recorded: \(first.text)",
                                                      "dữ kiện của sổ đã bị sửa ngoài cpf, nên báo cáo này sẽ cho thấy điều không ai ghi: \(first.text)"),
                          hint: LocalizedText("run \(action: .verify, quoted: true) to see every change, and restore the ledger from a backup", "hãy chạy \(action: .verify, quoted: true) để xem mọi thay đổi, và khôi phục sổ từ bản sao lưu"))
    }
}
