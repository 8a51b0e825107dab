/// Appends validated entries to the hash chain inside the caller's write transaction: gives
/// each the next sequence number, hashes it onto the chain head, inserts the entry, its lines
/// and beneficiary codes, and gathers the maintained totals, which `finish()` writes. A writer
/// that defers its constraints (an import) inserts entries several at a time (`flushRows()`).
final class JournalWriter {
    private let ledger: Ledger
    private var database: Database { ledger.database }
    private(set) var headSeq: Int64
    private(set) var headHash: [UInt8]
    private(set) var balances = BalanceAccumulator()
    private let foreignAccountIDs: Set<Int64>
    /// The ISO text of the last `postedAt` seen: every entry of a batch shares it.
    private var postedAtText: (Timestamp, String)?
    /// The inserts, fetched from the connection's cache once per writer rather than per row
    /// (each fetch hashes the SQL text): by the number of rows of one statement, 1, 2, 4 …
    private var insertEntries: [Int: Statement] = [:]
    private var insertLines: [Int: Statement] = [:]
    /// Entries appended but not yet inserted: a writer that defers its constraints (an
    /// import) inserts them `bufferedEntryCountMax` at a time, in statements of several rows,
    /// which spares SQLite most of its per-statement work (opening cursors, seeking from the
    /// root). Nothing reads them before `flushRows()`.
    private var bufferedEntries: [JournalEntry] = []
    private let bufferedEntryCountMax: Int
    /// Set for an import: foreign keys and the closed-period trigger are checked once, by
    /// `finish()`, over everything written.
    private var deferred: DeferredConstraints?
    /// The canonical form's buffer, reused for every entry.
    private var form = CanonicalForm()

    /// Reads the chain head. The caller holds the write lock (`BEGIN IMMEDIATE`), so the head
    /// cannot move underneath.
    ///
    /// - Parameter deferringConstraints: check foreign keys and the closed-period trigger
    ///   once over what is written instead of for every row (`DeferredConstraints`); the
    ///   transaction runs with foreign keys off (`DeferredConstraints.withForeignKeysOff`).
    init(ledger: Ledger, deferringConstraints: Bool = false) throws {
        precondition(ledger.database.isInTransaction, "the journal is written inside a write transaction")
        self.ledger = ledger
        if deferringConstraints { deferred = try DeferredConstraints(database: ledger.database) }
        let head = try ledger.database.firstRow("SELECT seq, hash FROM entry ORDER BY seq DESC LIMIT 1") {
            ($0.int64(at: 0), $0.blob(at: 1))
        }
        headSeq = head?.0 ?? 0
        headHash = head?.1 ?? CanonicalForm.genesisHash(ledgerID: ledger.ledgerID)
        foreignAccountIDs = Set(try ledger.accountsByCode().values.filter(\.isForeignCurrency).map(\.id))
        bufferedEntryCountMax = deferringConstraints ? JournalWriter.rowsPerStatementMax : 1
        bufferedEntries.reserveCapacity(bufferedEntryCountMax)
    }

    /// The most rows one insert statement carries.
    static let rowsPerStatementMax = 64
    private static let entryColumns = "seq, kind, entry_date, memo, external_ref, posted_by, posted_at, approved_by, approved_at, reverses_seq, hash"
    private static let entryColumnCount: Int32 = 11
    private static let lineColumns = """
        entry_seq, line_no, account_id, amount_vnd, currency, amount_foreign, rate, rate_date, rate_source, \
        funder_id, grant_id, program_id, unit_id, restriction, item_id, quantity, children, memo
        """
    private static let lineColumnCount: Int32 = 18

    /// `INSERT INTO table (columns) VALUES (?, …), …` for `rows` rows, from the cache.
    private func insertStatement(_ table: String, _ columns: String, _ columnCount: Int32, rows: Int,
                                 cache: inout [Int: Statement]) throws -> Statement {
        if let statement = cache[rows] { return statement }
        let row = "(" + Array(repeating: "?", count: Int(columnCount)).joined(separator: ", ") + ")"
        let statement = try database.cachedStatement("INSERT INTO \(table) (\(columns)) VALUES " + Array(repeating: row, count: rows).joined(separator: ", "))
        cache[rows] = statement
        return statement
    }

    /// Writes one entry as the next link of the chain.
    @discardableResult
    func append(_ validated: ValidatedEntry, postedBy: String, postedAt: Timestamp) throws -> JournalEntry {
        let unhashed = JournalEntry(seq: headSeq + 1, kind: validated.kind, date: validated.date, memo: validated.memo,
                                    externalRef: validated.externalRef, postedBy: postedBy, postedAt: postedAt,
                                    approvedBy: validated.approvedBy, approvedAt: validated.approvedAt,
                                    reversesSeq: validated.reversesSeq, lines: validated.lines, hash: [])
        let hash = form.hash(of: unhashed, previous: headHash)
        let entry = JournalEntry(seq: unhashed.seq, kind: unhashed.kind, date: unhashed.date, memo: unhashed.memo,
                                 externalRef: unhashed.externalRef, postedBy: postedBy, postedAt: postedAt,
                                 approvedBy: unhashed.approvedBy, approvedAt: unhashed.approvedAt,
                                 reversesSeq: unhashed.reversesSeq, lines: unhashed.lines, hash: hash)
        // The totals first: they refuse an overflow before anything is inserted, so a refused
        // entry leaves nothing behind in a batch that goes on.
        try balances.add(entry.lines, date: entry.date, isForeignAccount: foreignAccountIDs.contains)
        try deferred?.willWrite(entry)
        bufferedEntries.append(entry)
        if bufferedEntries.count >= bufferedEntryCountMax { try flushRows() }
        if ledger.registryCache.funding != nil {
            let roles = try AccountRoles.of(ledger)
            ledger.registryCache.funding?.apply(entry, roles: roles)
        }
        headSeq = entry.seq
        headHash = hash
        return entry
    }

    /// Inserts the entries appended and not yet inserted. Call before reading the journal
    /// inside the transaction; `finish()` calls it.
    func flushRows() throws {
        guard !bufferedEntries.isEmpty else { return }
        let entries = bufferedEntries
        bufferedEntries.removeAll(keepingCapacity: true)
        var lines: [(seq: Int64, line: PostedLine)] = []
        lines.reserveCapacity(entries.count * 3)
        for entry in entries {
            for line in entry.lines { lines.append((entry.seq, line)) }
        }
        try insertInChunks(entries.count, "entry", JournalWriter.entryColumns, JournalWriter.entryColumnCount, cache: &insertEntries) {
            try bind(entries[$0], into: $1, at: $2)
        }
        try insertInChunks(lines.count, "line", JournalWriter.lineColumns, JournalWriter.lineColumnCount, cache: &insertLines) {
            try bind(lines[$0].line, seq: lines[$0].seq, into: $1, at: $2)
        }
        for entry in entries {
            for line in entry.lines where !line.beneficiaryCodes.isEmpty { try insertBeneficiaryCodes(of: line, seq: entry.seq) }
            #if DEBUG
            try checkReadBack(entry)
            #endif
        }
    }

    /// Inserts `count` rows in statements of 64, 32, … 1 rows; `bind(row, statement, first
    /// parameter)` binds one row.
    private func insertInChunks(_ count: Int, _ table: String, _ columns: String, _ columnCount: Int32, cache: inout [Int: Statement],
                                bind: (Int, Statement, Int32) throws -> Void) throws {
        var row = 0
        var chunk = JournalWriter.rowsPerStatementMax
        while row < count {
            while chunk > count - row { chunk /= 2 }
            let statement = try insertStatement(table, columns, columnCount, rows: chunk, cache: &cache)
            for index in 0..<chunk { try bind(row + index, statement, Int32(index) * columnCount + 1) }
            try statement.execute()
            row += chunk
        }
    }

    /// Writes the gathered totals. Call once, before the transaction commits.
    func finish() throws {
        try flushRows()
        try balances.flush(into: database)
        try deferred?.restoreAndCheck()
    }

    /// The most totals held in memory before `flushIfLarge()` writes them: a long import keeps
    /// flat memory, and each flush costs a few thousand upserts.
    static let pendingTotalsCountMax = 20_000

    /// Writes the gathered totals when they have grown past `pendingTotalsCountMax`. Call
    /// between entries; the posting rules read flushed totals from the tables.
    func flushIfLarge() throws {
        if balances.count > JournalWriter.pendingTotalsCountMax { try balances.flush(into: database) }
    }

    private func bind(_ entry: JournalEntry, into statement: Statement, at first: Int32) throws {
        try statement.bind(entry.seq, at: first)
        try statement.bind(entry.kind.rawValue, at: first + 1)
        try statement.bind(entry.date.iso, at: first + 2)
        try statement.bind(entry.memo, at: first + 3)
        try statement.bind(entry.externalRef, at: first + 4)
        try statement.bind(entry.postedBy, at: first + 5)
        if postedAtText?.0 != entry.postedAt { postedAtText = (entry.postedAt, entry.postedAt.iso) }
        try statement.bind(postedAtText!.1, at: first + 6)
        try statement.bind(entry.approvedBy, at: first + 7)
        try statement.bind(entry.approvedAt?.iso, at: first + 8)
        try statement.bind(entry.reversesSeq, at: first + 9)
        try statement.bind(blob: entry.hash, at: first + 10)
    }

    private func bind(_ line: PostedLine, seq: Int64, into statement: Statement, at first: Int32) throws {
        try statement.bind(seq, at: first)
        try statement.bind(line.lineNumber, at: first + 1)
        try statement.bind(line.account.id, at: first + 2)
        try statement.bind(line.amountDong, at: first + 3)
        try statement.bind(line.foreign?.amount.currency.code, at: first + 4)
        try statement.bind(line.foreign?.amount.minorUnits, at: first + 5)
        try statement.bind(line.foreign?.rate.description, at: first + 6)
        try statement.bind(line.foreign?.rateDate.iso, at: first + 7)
        try statement.bind(line.foreign?.rateSource, at: first + 8)
        try statement.bind(line.funder?.id, at: first + 9)
        try statement.bind(line.grant?.id, at: first + 10)
        try statement.bind(line.program?.id, at: first + 11)
        try statement.bind(line.unit?.id, at: first + 12)
        try statement.bind(line.restriction.rawValue, at: first + 13)
        try statement.bind(line.item?.id, at: first + 14)
        try statement.bind(line.quantity, at: first + 15)
        try statement.bind(line.children, at: first + 16)
        try statement.bind(line.memo, at: first + 17)
        deferred?.willReference(line)
    }

    private func insertBeneficiaryCodes(of line: PostedLine, seq: Int64) throws {
        let insertCode = try database.cachedStatement("INSERT INTO beneficiary_code (entry_seq, line_no, code) VALUES (?1, ?2, ?3)")
        for code in line.beneficiaryCodes {
            try insertCode.bind(seq, at: 1)
            try insertCode.bind(line.lineNumber, at: 2)
            try insertCode.bind(code, at: 3)
            try insertCode.execute()
        }
    }

    #if DEBUG
    /// TIGER_STYLE's paired assertion: what was written reads back balanced and whole.
    private func checkReadBack(_ entry: JournalEntry) throws {
        let readBack = try database.firstRow("SELECT count(*), coalesce(sum(amount_vnd), 0) FROM line WHERE entry_seq = ?", [entry.seq]) {
            ($0.int(at: 0), $0.int64(at: 1))
        }
        precondition(readBack?.0 == entry.lines.count && readBack?.1 == 0 || entry.kind != .journal,
                     "entry \(entry.seq) did not read back balanced")
    }
    #endif
}
