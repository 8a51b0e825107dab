/// Reads posted entries back, in sequence order, with their lines and beneficiary codes.
///
/// Three ordered scans (entries, lines, codes) are merged on the sequence number, so reading
/// the whole journal is one pass over each table. Rows that belong to no entry, and values the
/// program could not have written, are reported as `anomalies` instead of stopping the read:
/// `verify` needs to see them all.
final class EntryReader {
    private let entries: Statement
    private let lines: Statement
    private let codes: Statement
    private var lineRowPending: Bool
    private var codeRowPending: Bool
    private let accountCodes: [Int64: String]
    /// Each registry's codes by id, one table per registry: a line names up to five.
    private let funderCodes: [Int64: String], grantCodes: [Int64: String], programCodes: [Int64: String]
    private let unitCodes: [Int64: String], itemCodes: [Int64: String]
    /// Rates and dates met before, by their text: a journal repeats the same few.
    private var rates: [String: Rate] = [:]
    private var lastDate: (text: String, date: LedgerDate)?
    /// The key of the codes' commitments, which an entry of form v2 hashes.
    private let committer: BeneficiaryCommitter?
    /// Looks up the hash of the fact record an entry commits to; entries in a row share one,
    /// so the last is kept.
    private let factHashes: Statement
    private var lastFact: (seq: Int64, hash: [UInt8]?)?
    /// What was read that no correct ledger contains, with the entry it concerns.
    private(set) var anomalies: [(seq: Int64, message: LocalizedText)] = []

    /// - Parameter single: the reader reads one entry and no other reader of one entry is
    ///   open at the same time, so it may use the connection's cached statements (posting
    ///   looks up an entry by reference for every entry that has one).
    init(ledger: Ledger, fromSeq: Int64 = 1, throughSeq: Int64 = Int64.max, single: Bool = false) throws {
        let database = ledger.database
        // A range reader prepares its own statements: it may be open while single reads run.
        let statement = single ? { try database.cachedStatement($0 + " -- one entry") } : database.prepare
        let entries = try statement(EntryReader.entriesSQL)
        let lines = try statement(EntryReader.linesSQL)
        let codes = try statement(EntryReader.codesSQL)
        self.entries = entries
        self.lines = lines
        self.codes = codes
        factHashes = try statement(EntryReader.factHashSQL)
        do {
            for statement in [entries, lines, codes] {
                try statement.bind(fromSeq, at: 1)
                try statement.bind(throughSeq, at: 2)
            }
            accountCodes = try ledger.accountCodesByID()
            funderCodes = try ledger.codes(of: .funder).byID
            grantCodes = try ledger.codes(of: .grant).byID
            programCodes = try ledger.codes(of: .program).byID
            unitCodes = try ledger.codes(of: .unit).byID
            itemCodes = try ledger.codes(of: .goodsItem).byID
            committer = try ledger.beneficiaryCommitter()
            lineRowPending = try lines.step()
            codeRowPending = try codes.step()
        } catch {
            // A cached statement left stepped would hold a read cursor open.
            for statement in [entries, lines, codes, factHashes] { statement.reset() }
            throw error
        }
    }

    /// The three ordered scans, from sequence number ?1 through ?2, with their columns in the
    /// order the readers read them (`ChainScan` reads the same).
    static let entriesSQL = """
        SELECT seq, kind, entry_date, memo, external_ref, posted_by, posted_at, approved_by, approved_at, reverses_seq, hash, fact_seq
        FROM entry WHERE seq BETWEEN ?1 AND ?2 ORDER BY seq
        """
    static let linesSQL = """
        SELECT entry_seq, line_no, account_id, amount_vnd, currency, amount_foreign, rate, rate_date, rate_source,
               funder_id, grant_id, program_id, unit_id, restriction, item_id, quantity, children, memo
        FROM line WHERE entry_seq BETWEEN ?1 AND ?2 ORDER BY entry_seq, line_no
        """
    static let codesSQL = """
        SELECT entry_seq, line_no, code FROM beneficiary_code WHERE entry_seq BETWEEN ?1 AND ?2 ORDER BY entry_seq, line_no, code
        """
    static let factHashSQL = "SELECT hash FROM fact_record WHERE seq = ?1"

    /// Resets the statements, so a cached one holds no read cursor open after a single read.
    func finish() {
        factHashes.reset()
        entries.reset()
        lines.reset()
        codes.reset()
    }

    /// The next entry, or `nil` after the last. Lines and codes of missing entries met on
    /// the way are recorded in `anomalies`.
    func next() throws -> JournalEntry? {
        guard try entries.step() else {
            while lineRowPending {
                anomalies.append((lines.int64(at: 0), LocalizedText("line \(lines.int64(at: 1)) belongs to entry \(lines.int64(at: 0)), which does not exist",
                                                                     "dòng \(lines.int64(at: 1)) thuộc bút toán \(lines.int64(at: 0)), bút toán này không tồn tại")))
                lineRowPending = try lines.step()
            }
            while codeRowPending {
                anomalies.append((codes.int64(at: 0), LocalizedText("a beneficiary code belongs to entry \(codes.int64(at: 0)), line \(codes.int64(at: 1)), which does not exist",
                                                                     "một mã đối tượng thụ hưởng thuộc bút toán \(codes.int64(at: 0)), dòng \(codes.int64(at: 1)), dòng này không tồn tại")))
                codeRowPending = try codes.step()
            }
            return nil
        }
        let seq = entries.int64(at: 0)
        if !entries.holdsDeclaredTypes(ChainScan.entryColumns) { anomalies.append((seq, EntryReader.otherType(LocalizedText("a column of the entry", "một cột của bút toán")))) }
        var beneficiaryCodes = try readCodes(seq: seq)
        var entryLines: [PostedLine] = []
        while lineRowPending && lines.int64(at: 0) <= seq {
            let lineSeq = lines.int64(at: 0)
            if lineSeq < seq {
                anomalies.append((lineSeq, LocalizedText("line \(lines.int64(at: 1)) belongs to entry \(lineSeq), which does not exist",
                                                          "dòng \(lines.int64(at: 1)) thuộc bút toán \(lineSeq), bút toán này không tồn tại")))
            } else {
                let number = lines.int(at: 1)
                if !lines.holdsDeclaredTypes(ChainScan.lineColumns) {
                    anomalies.append((seq, EntryReader.otherType(LocalizedText("a column of its line \(number)", "một cột của dòng \(number)"))))
                }
                entryLines.append(decodeLine(seq: seq, codes: beneficiaryCodes.removeValue(forKey: number) ?? []))
            }
            lineRowPending = try lines.step()
        }
        for number in beneficiaryCodes.keys.sorted() {
            anomalies.append((seq, LocalizedText("a beneficiary code belongs to line \(number) of entry \(seq), which has no such line",
                                                  "một mã đối tượng thụ hưởng thuộc dòng \(number) của bút toán \(seq), bút toán này không có dòng đó")))
        }
        return try decodeEntry(seq: seq, lines: entryLines)
    }

    /// What holds a value of another type than its table declares: STRICT lets none in, but
    /// a file edited with `PRAGMA writable_schema` can hold one, which the readers would take
    /// for some value of the declared type (and the hash would then still follow).
    private static func otherType(_ what: LocalizedText) -> LocalizedText {
        LocalizedText("\(what) holds a value of another type than its table declares (a number stored as text or with a fraction, say): it was changed outside cpf",
                      "\(what) chứa giá trị không đúng kiểu mà bảng khai báo (chẳng hạn số lưu dạng chữ hoặc có phần lẻ): đã bị sửa ngoài cpf")
    }

    private func readCodes(seq: Int64) throws -> [Int: [String]] {
        var result: [Int: [String]] = [:]
        while codeRowPending && codes.int64(at: 0) <= seq {
            if codes.int64(at: 0) < seq {
                anomalies.append((codes.int64(at: 0), LocalizedText("a beneficiary code belongs to entry \(codes.int64(at: 0)), which does not exist",
                                                                     "một mã đối tượng thụ hưởng thuộc bút toán \(codes.int64(at: 0)), bút toán này không tồn tại")))
            } else {
                if !codes.holdsDeclaredTypes(ChainScan.codeColumns) {
                    anomalies.append((seq, EntryReader.otherType(LocalizedText("a beneficiary code of line \(codes.int(at: 1))", "một mã đối tượng thụ hưởng của dòng \(codes.int(at: 1))"))))
                }
                result[codes.int(at: 1), default: []].append(codes.text(at: 2))
            }
            codeRowPending = try codes.step()
        }
        return result
    }

    private func decodeEntry(seq: Int64, lines: [PostedLine]) throws -> JournalEntry {
        let kindText = entries.text(at: 1)
        let kind = EntryKind(rawValue: kindText) ?? {
            anomalies.append((seq, LocalizedText("unknown entry kind '\(kindText)'", "loại bút toán '\(kindText)' không xác định")))
            return .journal
        }()
        return JournalEntry(seq: seq, kind: kind, date: date(entries.text(at: 2), seq: seq), memo: entries.text(at: 3),
                            externalRef: entries.optionalText(at: 4), postedBy: entries.text(at: 5),
                            postedAt: timestamp(entries.text(at: 6), seq: seq), approvedBy: entries.optionalText(at: 7),
                            approvedAt: entries.optionalText(at: 8).map { timestamp($0, seq: seq) },
                            reversesSeq: entries.optionalInt64(at: 9), lines: committed(lines, seq: seq), hash: entries.blob(at: 10),
                            factSeq: entries.optionalInt64(at: 11), factHash: try factHash(entries.optionalInt64(at: 11)))
    }

    /// The stored hash of fact record `seq`, or `nil` when there is none (the entry then
    /// hashes to something else than it stored, and verify says so).
    private func factHash(_ seq: Int64?) throws -> [UInt8]? {
        guard let seq else { return nil }
        if let lastFact, lastFact.seq == seq { return lastFact.hash }
        defer { factHashes.reset() }
        try factHashes.bind(seq, at: 1)
        let hash = try factHashes.step() ? factHashes.blob(at: 0) : nil
        lastFact = (seq, hash)
        return hash
    }

    /// The lines of an entry of form v2 with their codes' commitments, from the stored codes:
    /// a code changed in storage no longer gives the commitment the chain hashed.
    private func committed(_ lines: [PostedLine], seq: Int64) -> [PostedLine] {
        guard !entries.isNull(at: 11), let committer, lines.contains(where: { !$0.beneficiaryCodes.isEmpty }) else { return lines }
        return lines.map { $0.beneficiaryCodes.isEmpty ? $0 : $0.committed(committer.commitments(seq: seq, line: $0)) }
    }

    private func decodeLine(seq: Int64, codes: [String]) -> PostedLine {
        let row = lines
        func reference(_ column: Int32, _ registry: Registry, _ codes: [Int64: String]) -> RegistryReference? {
            guard let id = row.optionalInt64(at: column) else { return nil }
            return RegistryReference(id: id, code: codes[id] ?? missing(LocalizedText(english: registry.rawValue, vietnamese: registry.localizedName), id, seq))
        }
        let accountID = row.int64(at: 2)
        var foreign: ForeignAmount?
        if let currencyCode = row.optionalText(at: 4) {
            let currency = Currency.named(currencyCode) ?? Currency(code: currencyCode, exponent: 0)
            let rateText = row.optionalText(at: 6) ?? ""
            let rate = rates[rateText] ?? (try? Rate.parse(rateText)).map { rates[rateText] = $0; return $0 } ?? {
                anomalies.append((seq, LocalizedText("line \(row.int64(at: 1)) has an unreadable rate '\(rateText)'", "dòng \(row.int64(at: 1)) có tỷ giá không đọc được '\(rateText)'")))
                return Rate(scaledValue: 1, scale: 0)
            }()
            foreign = ForeignAmount(amount: Amount(minorUnits: row.optionalInt64(at: 5) ?? 0, currency: currency), rate: rate,
                                    rateDate: date(row.optionalText(at: 7) ?? "", seq: seq), rateSource: row.optionalText(at: 8) ?? "")
        }
        let restrictionText = row.text(at: 13)
        return PostedLine(
            lineNumber: row.int(at: 1),
            account: RegistryReference(id: accountID, code: accountCodes[accountID] ?? missing(LocalizedText("account", "tài khoản"), accountID, seq)),
            amountDong: row.int64(at: 3), foreign: foreign,
            funder: reference(9, .funder, funderCodes), grant: reference(10, .grant, grantCodes), program: reference(11, .program, programCodes),
            unit: reference(12, .unit, unitCodes),
            restriction: Restriction(rawValue: restrictionText) ?? {
                anomalies.append((seq, LocalizedText("unknown restriction '\(restrictionText)'", "loại hạn chế '\(restrictionText)' không xác định")))
                return .unrestricted
            }(),
            item: reference(14, .goodsItem, itemCodes), quantity: row.optionalInt64(at: 15), children: row.optionalInt64(at: 16),
            memo: row.optionalText(at: 17), beneficiaryCodes: codes)
    }

    private func missing(_ what: LocalizedText, _ id: Int64, _ seq: Int64) -> String {
        anomalies.append((seq, LocalizedText("a line names \(what) #\(id), which does not exist", "một dòng ghi \(what) #\(id), không tồn tại")))
        return "#\(id)"
    }

    private func date(_ text: String, seq: Int64) -> LedgerDate {
        if let lastDate, lastDate.text == text { return lastDate.date }
        if let date = try? LedgerDate.parse(text) {
            lastDate = (text, date)
            return date
        }
        anomalies.append((seq, LocalizedText("unreadable date '\(text.prefix(30))'", "ngày không đọc được '\(text.prefix(30))'")))
        return LedgerDate.earliest
    }

    private func timestamp(_ text: String, seq: Int64) -> Timestamp {
        if let timestamp = Timestamp.parse(text) { return timestamp }
        anomalies.append((seq, LocalizedText("unreadable time '\(text.prefix(30))'", "thời điểm không đọc được '\(text.prefix(30))'")))
        return Timestamp(millisecondsSinceEpoch: 0)
    }
}

extension Ledger {
    /// The entry with this sequence number, or `nil`.
    public func entry(seq: Int64) throws -> JournalEntry? {
        let reader = try EntryReader(ledger: self, fromSeq: seq, throughSeq: seq, single: true)
        defer { reader.finish() }
        return try reader.next()
    }

    /// The entry posted with this external reference, or `nil`.
    public func entry(externalRef: String) throws -> JournalEntry? {
        guard let seq = try database.scalarInt64("SELECT seq FROM entry WHERE external_ref = ?", [externalRef]) else { return nil }
        return try entry(seq: seq)
    }

    /// Calls `body` with each entry from `fromSeq` through `throughSeq`, in order, reading one
    /// at a time.
    public func forEachEntry(fromSeq: Int64 = 1, throughSeq: Int64 = Int64.max, _ body: (JournalEntry) throws -> Void) throws {
        try read {
            let reader = try EntryReader(ledger: self, fromSeq: fromSeq, throughSeq: throughSeq)
            while let entry = try reader.next() { try body(entry) }
        }
    }

    /// The newest entry's sequence number and hash; `(0, genesis)` for an empty journal.
    public func chainHead() throws -> (seq: Int64, hash: [UInt8]) {
        try database.firstRow("SELECT seq, hash FROM entry ORDER BY seq DESC LIMIT 1") { ($0.int64(at: 0), $0.blob(at: 1)) }
            ?? (0, CanonicalForm.genesisHash(ledgerID: ledgerID))
    }
}
