/// Appends validated entries to the hash chain inside the caller's write transaction: gives
/// each the next sequence number, hashes it onto the chain head, has its rows inserted
/// (`RowInserter`), and gathers the maintained totals, which `finish()` writes.
///
/// A writer that defers its constraints (an import) hands its entries to the inserter 64 at a
/// time, and the inserter runs on a second thread (`WriteBehind`) while this one validates and
/// hashes the next ones. The two threads then share the connection, one at a time, through a
/// `ConnectionLease`: `flushRows()` lends it to the inserter with the rows it queues, and
/// this thread takes it back with `takeBackConnection()` — which waits until every entry
/// appended is inserted, so a read sees the journal as appended — before it reads or writes.
/// A use of the connection from this thread without taking it back stops the program.
final class JournalWriter {
    private let ledger: Ledger
    private var database: Database { ledger.database }
    private(set) var headSeq: Int64
    private(set) var headHash: [UInt8]
    private(set) var balances = BalanceAccumulator()
    private let roles: AccountRoles
    private let rows: RowInserter
    /// Entries appended but not yet handed to the inserter, at most `bufferedEntryCountMax`.
    private var bufferedEntries: [JournalEntry] = []
    private let bufferedEntryCountMax: Int
    /// What the inserter's thread is given: the rows of entries, or maintained totals to add
    /// to the tables (`flushIfLarge`), in the order they were appended.
    private enum Job {
        case rows([JournalEntry])
        case totals(BalanceAccumulator)
    }
    /// The inserter's thread, for a writer that defers its constraints.
    private var behind: WriteBehind<Job>?
    /// Which of the two threads holds the connection, while there is an inserter's thread:
    /// the database's own lease, which it checks on every use.
    private var lease: ConnectionLease? { database.lease }
    /// Set for an import: foreign keys and the closed-period trigger are checked once, by
    /// `finish()`, over everything written.
    private var deferred: DeferredConstraints?
    /// The canonical form's buffer, reused for every entry.
    private var form = CanonicalForm()
    /// The fact record every entry written commits to, and the key of the codes' commitments.
    private let factHead: (seq: Int64, hash: [UInt8])?
    /// The key of the codes' commitments, read when a line first has codes.
    private var committer: BeneficiaryCommitter?

    /// Reads the chain head. The caller holds the write lock (`BEGIN IMMEDIATE`), so the head
    /// cannot move underneath.
    ///
    /// - Parameter deferringConstraints: check foreign keys and the closed-period trigger
    ///   once over what is written instead of for every row (`DeferredConstraints`), and insert
    ///   rows on a second thread; the transaction runs with foreign keys off
    ///   (`DeferredConstraints.withForeignKeysOff`).
    init(ledger: Ledger, deferringConstraints: Bool = false) throws {
        precondition(ledger.database.isInTransaction, "the journal is written inside a write transaction")
        precondition(ledger.database.lease == nil, "one writer at a time inserts on a second thread")
        self.ledger = ledger
        if deferringConstraints { deferred = try DeferredConstraints(database: ledger.database) }
        let head = try ledger.database.firstRow("SELECT seq, hash FROM entry ORDER BY seq DESC LIMIT 1") {
            ($0.int64(at: 0), $0.blob(at: 1))
        }
        headSeq = head?.0 ?? 0
        headHash = head?.1 ?? CanonicalForm.genesisHash(ledgerID: ledger.ledgerID)
        roles = try AccountRoles.of(ledger)
        let facts = try ledger.factHead()
        factHead = facts.seq > 0 ? facts : nil
        let rows = try RowInserter(database: ledger.database, preparingAll: deferringConstraints)
        self.rows = rows
        // Up to 64 entries to an insert statement for every writer: nothing in a posting
        // transaction reads the journal's rows except a lookup, which takes the connection
        // back (and so inserts them) first.
        precondition((1...RowInserter.rowsPerStatementMax).contains(ledger.entriesPerInsert), "an insert statement takes 1 to 64 entries")
        bufferedEntryCountMax = ledger.entriesPerInsert
        bufferedEntries.reserveCapacity(bufferedEntryCountMax)
        if deferringConstraints {
            let totals = try BalanceAccumulator.Statements(database: ledger.database)
            let behind = WriteBehind<Job> { job in
                switch job {
                case .rows(let entries): try rows.insert(entries)
                case .totals(let accumulator): try accumulator.write(using: totals)
                }
            }
            behind.start()
            self.behind = behind
            ledger.database.lease = ConnectionLease()
        }
    }

    deinit { stopInserting() }

    /// Whether the inserter's thread failed (a row or a total storage refused): what then
    /// surfaces while an entry is posted concerns earlier work, not that entry, so an
    /// import stops instead of reporting the entry as refused.
    private(set) var inserterFailed = false

    /// Queues a job for the inserter and lends it the connection to do it, noting a failure
    /// it reports.
    private func submit(_ job: Job, to behind: WriteBehind<Job>) throws {
        if lease?.isHeldHere == true { lease?.lend(to: behind.consumingThread) }
        do {
            try behind.submit(job)
        } catch {
            inserterFailed = true
            throw error
        }
    }

    /// How many times this thread had to wait for the inserter to catch up before using the
    /// connection (each is a stall of the pipeline); 0 without a second thread.
    var insertWaitCount: Int { behind?.blockedWaitCount ?? 0 }

    /// Writes one entry as the next link of the chain.
    @discardableResult
    func append(_ validated: ValidatedEntry, postedBy: String, postedAt: Timestamp) throws -> JournalEntry {
        let seq = headSeq + 1
        let lines = try committedLines(validated.lines, seq: seq)
        let unhashed = JournalEntry(seq: seq, kind: validated.kind, date: validated.date, memo: validated.memo,
                                    externalRef: validated.externalRef, postedBy: postedBy, postedAt: postedAt,
                                    approvedBy: validated.approvedBy, approvedAt: validated.approvedAt,
                                    reversesSeq: validated.reversesSeq, lines: lines, hash: [],
                                    factSeq: factHead?.seq, factHash: factHead?.hash)
        let hash = form.hash(of: unhashed, previous: headHash)
        let entry = JournalEntry(seq: unhashed.seq, kind: unhashed.kind, date: unhashed.date, memo: unhashed.memo,
                                 externalRef: unhashed.externalRef, postedBy: postedBy, postedAt: postedAt,
                                 approvedBy: unhashed.approvedBy, approvedAt: unhashed.approvedAt,
                                 reversesSeq: unhashed.reversesSeq, lines: unhashed.lines, hash: hash,
                                 factSeq: unhashed.factSeq, factHash: unhashed.factHash)
        let cancelledUses = try prepareGoodsUses(entry)
        // The totals first: they refuse an overflow before anything is inserted, so a refused
        // entry leaves nothing behind in a batch that goes on.
        try balances.add(entry.lines, date: entry.date, roles: roles, isReversal: entry.reversesSeq != nil)
        if deferred != nil {
            try deferred?.willWrite(entry)
            for index in entry.lines.indices { deferred?.willReference(entry.lines[index]) }
        }
        bufferedEntries.append(entry)
        if bufferedEntries.count >= bufferedEntryCountMax { try flushRows() }
        if let funding = ledger.registryCache.funding {
            balances.add(goodsUses: try funding.state.apply(entry, roles: roles))
        }
        balances.add(goodsUses: cancelledUses)
        headSeq = entry.seq
        headHash = hash
        return entry
    }

    /// Readies the uses of the goods `entry` moves (`goods_use`, docs/goods-lots.md) before
    /// anything of it is written: for a hand-out, the lots of each item it takes out, read into
    /// the funding figures if they are not there yet, so that applying the entry shares its
    /// goods among them; for a reversal, the uses of the entry it reverses, cancelled on its
    /// date, which it returns.
    private func prepareGoodsUses(_ entry: JournalEntry) throws -> [GoodsUse] {
        guard let goodsAccountID = roles.goodsAccountID,
              entry.lines.contains(where: { $0.account.id == goodsAccountID && $0.item != nil }) else { return [] }
        if let reversed = entry.reversesSeq {
            let dayKey = Int32(entry.date.dayKey)
            var uses = balances.goodsUses.filter { $0.seq == reversed }
            try takeBackConnection().forEachRow("SELECT \(GoodsUses.columns) FROM goods_use WHERE entry_seq = ?", [reversed]) { row in
                guard let use = GoodsUses.decode(row) else { throw StoredValue.damaged("goods_use", "entry \(reversed)") }
                uses.append(use)
            }
            return uses.map { $0.cancelled(by: entry.seq, on: dayKey) }
        }
        let funding = ledger.fundingCache()
        for index in entry.lines.indices where entry.lines[index].account.id == goodsAccountID && entry.lines[index].quantity ?? 0 < 0 {
            guard let item = entry.lines[index].item, !funding.state.holdsLots(of: item.id) else { continue }
            try takeBackConnection()
            _ = try funding.state.goodsLots(item.id, ledger: ledger)
        }
        return []
    }

    /// `lines` with their beneficiary codes' commitments, for an entry of form v2; the same
    /// array, uncopied, when no line has codes.
    private func committedLines(_ lines: [PostedLine], seq: Int64) throws -> [PostedLine] {
        guard factHead != nil, lines.contains(where: { !$0.beneficiaryCodes.isEmpty }) else { return lines }
        if committer == nil {
            try takeBackConnection()
            committer = try ledger.beneficiaryCommitter()
        }
        guard let committer else {
            throw LedgerError(.notALedger, LocalizedText("the ledger has no key to commit beneficiary codes with: it is damaged", "sổ không có khóa để mã hóa mã đối tượng thụ hưởng: sổ đã hư hỏng"),
                              hint: LocalizedText("run \(action: .verify, quoted: true), and restore the ledger from a backup (\(action: .backup))", "hãy chạy \(action: .verify, quoted: true) và khôi phục sổ từ bản sao lưu (\(action: .backup))"))
        }
        return lines.map { $0.beneficiaryCodes.isEmpty ? $0 : $0.committed(committer.commitments(seq: seq, line: $0)) }
    }

    /// Hands the entries appended so far to the inserter; they are inserted before anything
    /// queued after them. `finish()` and `takeBackConnection()` call it.
    ///
    /// - Throws: what inserting an earlier batch threw, on a second thread.
    func flushRows() throws {
        guard !bufferedEntries.isEmpty else { return }
        let entries = bufferedEntries
        bufferedEntries.removeAll(keepingCapacity: true)
        if let behind { try submit(.rows(entries), to: behind) } else { try rows.insert(entries) }
        #if DEBUG
        if behind == nil { for entry in entries { try checkReadBack(entry) } }
        #endif
    }

    /// The connection, in this thread's hands with every entry appended so far inserted: call
    /// before this thread reads or writes the database inside the transaction. For a writer
    /// with an inserter's thread this hands over the entries buffered, waits until the
    /// inserter is idle, and takes the connection back (each wait stalls the pipeline, so an
    /// import reads ahead what it can: `ImportSession`); otherwise it only inserts them.
    ///
    /// - Throws: what inserting an earlier batch threw, on a second thread.
    @discardableResult
    func takeBackConnection() throws -> Database {
        try flushRows()
        guard let behind, let lease, !lease.isHeldHere else { return database }
        let failure = behind.wait()
        lease.takeBack()
        if let failure {
            inserterFailed = true
            throw failure
        }
        return database
    }

    /// Stops the inserter's thread after the batch it is on, dropping the rest (`finish()`
    /// waits for them first), and gives the connection back to this thread alone.
    private func stopInserting() {
        guard let behind else { return }
        behind.stop()
        self.behind = nil
        database.lease = nil
    }

    /// Writes the gathered totals. Call once, before the transaction commits.
    func finish() throws {
        try flushRows()
        if let behind {
            defer { stopInserting() }
            try behind.finish()
        }
        try balances.flush(into: database)
        try deferred?.restoreAndCheck()
    }

    /// The most totals held in memory, by default, before `flushIfLarge()` writes them: a long import keeps
    /// flat memory, and each flush costs a few thousand upserts.
    static let pendingTotalsCountMaxDefault = 20_000

    /// Writes the gathered totals when they have grown past the ledger's
    /// `pendingTotalsCountMax`. Call
    /// between entries; the posting rules read flushed totals from the tables.
    ///
    /// With a second thread, the totals are queued behind the rows appended so far and this
    /// thread starts gathering afresh without waiting: a read of the tables from here takes
    /// the connection back first (`takeBackConnection()`), so it sees them added, and what is
    /// gathered after.
    func flushIfLarge() throws {
        guard balances.count > ledger.pendingTotalsCountMax else { return }
        if let behind {
            try flushRows()
            let held = balances.counts
            try submit(.totals(balances), to: behind)
            // As much room as the last one needed, so the next does not grow by rehashing.
            balances = BalanceAccumulator(reservingCapacity: held)
        } else {
            try balances.flush(into: database)
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
