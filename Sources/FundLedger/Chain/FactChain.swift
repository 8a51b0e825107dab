/// The chain of facts: every change to a table that a figure, control or output reads, other
/// than the journal itself, recorded as a hashed image of the rows it changed
/// (ledger-schema/010_chained_facts.sql, docs/hash-chain.md "Facts").
///
/// The tables' triggers note the key of each row changed in `fact_touch`; before every write
/// transaction commits, `Ledger.recordFacts()` turns those keys into one `fact_record` whose
/// hash follows the previous record's. `verify` replays the records and compares them with
/// the tables (`FactReplay`).
///
///     image   = ns(table) ns(key) ns(state)      state: ns(value)… of every column, or "-" (gone)
///     value   = "n" | "i"<decimal> | "t"<text> | "r"<text> | "b"<SHA-256 of the blob, hex>
///     hash(f) = SHA-256(hash(f−1) ‖ ns("cpf-fact-v1") ns(f) ns(journal seq) ns(journal hash, hex) ns(images))
///     hash(0) = SHA-256(ns("cpf-facts-genesis-v1") ‖ ns(ledger_id))
enum FactChain {
    /// The tables whose every row is a chained fact, and their key columns (the primary key).
    static let tables: [(name: String, key: [String])] = [
        ("ledger_meta", ["key"]), ("ledger_secret", ["id"]), ("schema_migration", ["version"]), ("currency", ["code"]),
        ("account", ["id"]), ("exchange_rate", ["currency", "rate_date"]), ("funder", ["id"]), ("program", ["id"]),
        ("org_unit", ["id"]), ("grant", ["id"]), ("goods_item", ["id"]), ("grant_terms", ["grant_id", "version"]),
        ("grant_terms_program", ["grant_id", "version", "program_id"]), ("grant_terms_unit", ["grant_id", "version", "unit_id"]),
        ("grant_tranche", ["grant_id", "version", "due_on"]), ("plan", ["year", "program_code", "source"]),
        ("grant_allocation", ["grant_id", "program_id", "unit_id"]), ("pending_entry", ["id"]), ("change_log", ["id"]),
        ("fund", ["id"]),
        ("transfer", ["id"]), ("pending_transfer", ["pending_id"]),
    ]

    /// The tables the journal's chain covers, those `verify` recomputes from the lines or the
    /// chain, and the fact chain's own: with `tables`, every table of a ledger.
    static let journalTables = ["entry", "line", "beneficiary_code"]
    static let derivedTables = ["balance_day", "balance_month", "dimension_month", "holding_day", "holding_total",
                                "journal_extent", "period_lock", "cash_flow_month", "goods_use"]
    static let chainTables = ["fact_record", "fact_touch"]

    static func genesisHash(ledgerID: String) -> [UInt8] {
        var form = CanonicalForm()
        form.append("cpf-facts-genesis-v1")
        form.append(ledgerID)
        return form.withBytes { SHA256.hash([UInt8]($0)) }
    }

    /// The hash of fact record `seq`, given the previous one.
    static func hash(seq: Int64, journalSeq: Int64, journalHash: [UInt8], images: String, previous: [UInt8]) -> [UInt8] {
        var form = CanonicalForm()
        form.append("cpf-fact-v1")
        form.append(seq)
        form.append(journalSeq)
        form.append(journalHash.hexString)
        form.append(images)
        var hasher = SHA256()
        hasher.update(previous)
        form.withBytes { hasher.update($0) }
        return hasher.finalize()
    }

    /// `SELECT every column FROM table WHERE key = (?1, ?2, ?3)`.
    static func rowQuery(_ table: String, key: [String]) -> String {
        let condition = key.enumerated().map { "\($0.element) IS ?\($0.offset + 1)" }.joined(separator: " AND ")
        return "SELECT * FROM \"\(table)\" WHERE \(condition)"
    }

    /// The netstring text of one value of a row (`value` above).
    static func valueImage(_ statement: Statement, at column: Int32) -> String {
        switch statement.storageClass(at: column) {
        case .null: return "n"
        case .integer: return "i" + String(statement.int64(at: column))
        case .real: return "r" + statement.text(at: column)
        case .text: return "t" + statement.text(at: column)
        case .blob: return "b" + SHA256.hash(statement.blob(at: column)).hexString
        }
    }

    /// The image of the row `statement` is on: its key's values and every column's.
    static func rowImage(_ statement: Statement, keyColumns: [Int32]) -> (key: String, state: String) {
        var key = CanonicalForm()
        for column in keyColumns { key.append(valueImage(statement, at: column)) }
        var state = CanonicalForm()
        for column in 0..<statement.columnCount { state.append(valueImage(statement, at: column)) }
        return (key.text, state.text)
    }

    /// One image as written in a record.
    static func image(table: String, key: String, state: String?) -> String {
        var form = CanonicalForm()
        form.append(table)
        form.append(key)
        form.append(state ?? "-")
        return form.text
    }
}

extension Ledger {
    /// The newest fact record's sequence number and hash; `(0, genesis)` before the first.
    func factHead() throws -> (seq: Int64, hash: [UInt8]) {
        try database.firstRow("SELECT seq, hash FROM fact_record ORDER BY seq DESC LIMIT 1") { ($0.int64(at: 0), $0.blob(at: 1)) }
            ?? (0, FactChain.genesisHash(ledgerID: ledgerID))
    }

    /// Turns the rows changed by this write transaction into the next fact record. Called by
    /// `write` before it commits; a no-op (one query) when nothing changed.
    ///
    /// - Parameter everyFact: record every fact row as found: the first record of a ledger,
    ///   a new one or one written before facts were chained.
    func recordFacts(everyFact: Bool = false) throws {
        if everyFact { try touchEveryFact() }
        var touched: [String: Set<[DatabaseValue]>] = [:]
        try database.forEachRow("SELECT tbl, k1, k2, k3 FROM fact_touch") { row in
            touched[row.text(at: 0), default: []].insert([row.value(at: 1), row.value(at: 2), row.value(at: 3)])
        }
        guard !touched.isEmpty else { return }
        let head = try factHead()
        var images: [String] = []
        for (table, key) in FactChain.tables {
            guard let keys = touched.removeValue(forKey: table) else { continue }
            let query = try database.prepare(FactChain.rowQuery(table, key: key))
            for values in keys {
                query.reset()
                for (index, value) in values.prefix(key.count).enumerated() { try query.bind(value, at: Int32(index + 1)) }
                var keyForm = CanonicalForm()
                for value in values.prefix(key.count) { keyForm.append(FactChain.valueImage(value)) }
                let state = try query.step() ? FactChain.rowImage(query, keyColumns: []).state : nil
                images.append(FactChain.image(table: table, key: keyForm.text, state: state))
            }
        }
        // Only the fact tables' triggers write fact_touch: another name was put there outside
        // cpf, and the write is refused (rolled back) rather than crash or record it.
        if let stray = touched.keys.sorted().first { throw StoredValue.damaged("fact_touch.tbl", stray) }
        let journal = try chainHead()
        let text = images.sorted().joined()
        let seq = head.seq + 1
        let hash = FactChain.hash(seq: seq, journalSeq: journal.seq, journalHash: journal.hash, images: text, previous: head.hash)
        try database.execute("INSERT INTO fact_record (seq, journal_seq, journal_hash, images, hash) VALUES (?, ?, ?, ?, ?)",
                             [seq, journal.seq, DatabaseValue.blob(journal.hash), text, DatabaseValue.blob(hash)])
        try database.execute("DELETE FROM fact_touch")
    }

    /// Records every fact row as found, when no fact record exists yet.
    func recordEveryFactIfNoneRecorded() throws {
        guard try database.scalarInt64("SELECT NOT EXISTS (SELECT 1 FROM fact_record)") == 1 else { return }
        try write { try recordFacts(everyFact: true) }
    }

    /// Notes every row of every fact table as changed.
    private func touchEveryFact() throws {
        for (table, key) in FactChain.tables {
            let keys = (key + Array(repeating: "NULL", count: 3 - key.count)).joined(separator: ", ")
            try database.execute("INSERT INTO fact_touch (tbl, k1, k2, k3) SELECT '\(table)', \(keys) FROM \"\(table)\"")
        }
    }
}

extension FactChain {
    /// The image of a bound key value, as `valueImage` gives it for a stored one.
    static func valueImage(_ value: DatabaseValue) -> String {
        switch value {
        case .null: return "n"
        case .integer(let integer): return "i" + String(integer)
        case .text(let text): return "t" + text
        case .blob(let bytes): return "b" + SHA256.hash(bytes).hexString
        }
    }
}

extension Ledger {
    /// Whether an entry of form cpf-entry-v1, whose hash covers beneficiary codes in clear,
    /// carries any: exports then withhold hashes (docs/hash-chain.md, "Beneficiary codes").
    public func hasUncommittedBeneficiaryCodes() throws -> Bool {
        try database.scalarInt64("""
            SELECT EXISTS (SELECT 1 FROM beneficiary_code b JOIN entry e ON e.seq = b.entry_seq WHERE e.fact_seq IS NULL)
            """) == 1
    }
}
