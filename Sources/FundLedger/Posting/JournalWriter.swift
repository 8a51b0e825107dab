/// Appends validated entries to the hash chain inside the caller's write transaction: gives
/// each the next sequence number, hashes it onto the chain head, inserts the entry, its lines
/// and beneficiary codes, and gathers the maintained totals, which `finish()` writes.
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
    /// (each fetch hashes the SQL text).
    private let insertEntry: Statement
    private let insertLine: Statement
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
        insertEntry = try ledger.database.cachedStatement("""
            INSERT INTO entry (seq, kind, entry_date, memo, external_ref, posted_by, posted_at, approved_by, approved_at, reverses_seq, hash)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            """)
        insertLine = try ledger.database.cachedStatement("""
            INSERT INTO line (entry_seq, line_no, account_id, amount_vnd, currency, amount_foreign, rate, rate_date, rate_source,
                              funder_id, grant_id, program_id, unit_id, restriction, item_id, quantity, children, memo)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
            """)
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
        try insert(entry)
        if ledger.registryCache.funding != nil {
            let roles = try AccountRoles.of(ledger)
            ledger.registryCache.funding?.apply(entry, roles: roles)
        }
        headSeq = entry.seq
        headHash = hash
        #if DEBUG
        try checkReadBack(entry)
        #endif
        return entry
    }

    /// Writes the gathered totals. Call once, before the transaction commits.
    func finish() throws {
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

    private func insert(_ entry: JournalEntry) throws {
        try insertEntry.bind(entry.seq, at: 1)
        try insertEntry.bind(entry.kind.rawValue, at: 2)
        try insertEntry.bind(entry.date.iso, at: 3)
        try insertEntry.bind(entry.memo, at: 4)
        try insertEntry.bind(entry.externalRef, at: 5)
        try insertEntry.bind(entry.postedBy, at: 6)
        if postedAtText?.0 != entry.postedAt { postedAtText = (entry.postedAt, entry.postedAt.iso) }
        try insertEntry.bind(postedAtText!.1, at: 7)
        try insertEntry.bind(entry.approvedBy, at: 8)
        try insertEntry.bind(entry.approvedAt?.iso, at: 9)
        try insertEntry.bind(entry.reversesSeq, at: 10)
        try insertEntry.bind(blob: entry.hash, at: 11)
        try insertEntry.execute()
        for line in entry.lines { try insert(line, seq: entry.seq) }
    }

    private func insert(_ line: PostedLine, seq: Int64) throws {
        try insertLine.bind(seq, at: 1)
        try insertLine.bind(line.lineNumber, at: 2)
        try insertLine.bind(line.account.id, at: 3)
        try insertLine.bind(line.amountDong, at: 4)
        try insertLine.bind(line.foreign?.amount.currency.code, at: 5)
        try insertLine.bind(line.foreign?.amount.minorUnits, at: 6)
        try insertLine.bind(line.foreign?.rate.description, at: 7)
        try insertLine.bind(line.foreign?.rateDate.iso, at: 8)
        try insertLine.bind(line.foreign?.rateSource, at: 9)
        try insertLine.bind(line.funder?.id, at: 10)
        try insertLine.bind(line.grant?.id, at: 11)
        try insertLine.bind(line.program?.id, at: 12)
        try insertLine.bind(line.unit?.id, at: 13)
        try insertLine.bind(line.restriction.rawValue, at: 14)
        try insertLine.bind(line.item?.id, at: 15)
        try insertLine.bind(line.quantity, at: 16)
        try insertLine.bind(line.children, at: 17)
        try insertLine.bind(line.memo, at: 18)
        try insertLine.execute()
        deferred?.willReference(line)
        guard !line.beneficiaryCodes.isEmpty else { return }
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
