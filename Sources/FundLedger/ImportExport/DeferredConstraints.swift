/// Two storage rules that cost more per row than the rest of a row's insert: the foreign keys
/// of every line (a parent lookup for each id it names) and the trigger that keeps journal
/// entries out of closed periods (a trigger program run for every entry). An import checks
/// both once, over everything it wrote, before it commits, rather than on each of a million
/// rows; after the commit the schema enforces them again for every later write. Measured
/// with `cpf import` of the benchmark's 200,000-entry file: 10.3 s checked per row, 8.4 s
/// checked once.
///
/// The import's own validation already guarantees both (an id is only ever taken from the
/// registries read in the same transaction, and `checkPeriodOpen` refuses a closed date);
/// the check at the end confirms in storage what the code meant to write, so a mistake in
/// the code refuses the import instead of reaching the books.
///
/// The trigger is dropped just before the first entry is written and created again, from
/// its own text in the schema, by `restoreAndCheck()`: an import that writes nothing leaves
/// the file as it was. A rollback brings the trigger back with everything else.
struct DeferredConstraints {
    static let periodTriggerName = "entry_outside_closed_periods"
    /// SQLite's extended result codes for the two rules (https://www.sqlite.org/rescode.html).
    static let constraintForeignKey: Int32 = 787, constraintTrigger: Int32 = 1811

    /// The ids written into columns that have foreign keys.
    struct ReferencedIDs: Equatable {
        var accounts: Set<Int64> = []
        var currencies: Set<String> = []
        var funders: Set<Int64> = []
        var grants: Set<Int64> = []
        var programs: Set<Int64> = []
        var units: Set<Int64> = []
        var items: Set<Int64> = []
        var reversedSeqs: Set<Int64> = []
    }

    private let database: Database
    /// The trigger's `CREATE TRIGGER` text while it is dropped.
    private var suspendedTriggerSQL: String?
    private(set) var referenced = ReferencedIDs()
    /// The entries written since the trigger was dropped.
    private(set) var writtenSeqs: ClosedRange<Int64>?

    /// Starts deferring inside a write transaction that runs with foreign keys off.
    init(database: Database) throws {
        precondition(database.isInTransaction, "constraints are deferred inside a write transaction")
        let foreignKeys = try database.scalarInt64("PRAGMA foreign_keys")
        precondition(foreignKeys == 0, "a transaction that defers constraints runs inside DeferredConstraints.withForeignKeysOff")
        self.database = database
    }

    /// Runs `body` with foreign key enforcement off. The pragma has no effect inside a
    /// transaction, so this wraps the whole write transaction; enforcement is on again
    /// afterwards, whatever `body` does.
    static func withForeignKeysOff<T>(_ database: Database, _ body: () throws -> T) throws -> T {
        precondition(!database.isInTransaction, "foreign keys are switched outside a transaction")
        try database.execute("PRAGMA foreign_keys = OFF")
        defer { try? database.execute("PRAGMA foreign_keys = ON") }
        return try body()
    }

    /// Call before `entry` is inserted: drops the trigger before the first one.
    mutating func willWrite(_ entry: JournalEntry) throws {
        if writtenSeqs == nil {
            suspendedTriggerSQL = try database.scalarText("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?",
                                                          [Self.periodTriggerName])
            if suspendedTriggerSQL != nil { try database.execute("DROP TRIGGER \(Self.periodTriggerName)") }
        }
        writtenSeqs = (writtenSeqs?.lowerBound ?? entry.seq)...entry.seq
        if let reversed = entry.reversesSeq { referenced.reversedSeqs.insert(reversed) }
    }

    /// Call for each line inserted.
    mutating func willReference(_ line: borrowing PostedLine) {
        referenced.accounts.insert(line.account.id)
        if let currency = line.foreign?.amount.currency.code { referenced.currencies.insert(currency) }
        if let id = line.funder?.id { referenced.funders.insert(id) }
        if let id = line.grant?.id { referenced.grants.insert(id) }
        if let id = line.program?.id { referenced.programs.insert(id) }
        if let id = line.unit?.id { referenced.units.insert(id) }
        if let id = line.item?.id { referenced.items.insert(id) }
    }

    /// Puts the trigger back and checks, over the entries written and the ids they name,
    /// what the suspended rules would have checked row by row. Call once, before the commit.
    ///
    /// - Throws: `SQLiteError` with SQLite's constraint code, naming the first violation;
    ///   the transaction then rolls back.
    mutating func restoreAndCheck() throws {
        guard let seqs = writtenSeqs else { return }
        if let sql = suspendedTriggerSQL { try database.execute(sql) }
        suspendedTriggerSQL = nil
        try checkForeignKeys()
        let range: [any DatabaseBindable] = [seqs.lowerBound, seqs.upperBound]
        if let seq = try database.scalarInt64("""
            SELECT seq FROM entry WHERE seq BETWEEN ?1 AND ?2 AND kind = 'journal'
            AND entry_date <= (SELECT locked_through FROM period_lock WHERE id = 1) LIMIT 1
            """, range) {
            throw SQLiteError(extendedResultCode: Self.constraintTrigger,
                              message: "entry \(seq) is dated in a closed period; reopen the period first (cpf period reopen)", sql: nil)
        }
        if let (seq, line) = try database.firstRow("""
            SELECT b.entry_seq, b.line_no FROM beneficiary_code b WHERE b.entry_seq BETWEEN ?1 AND ?2
            AND NOT EXISTS (SELECT 1 FROM line l WHERE l.entry_seq = b.entry_seq AND l.line_no = b.line_no) LIMIT 1
            """, range, { ($0.int64(at: 0), $0.int64(at: 1)) }) {
            throw Self.violation("a beneficiary code of entry \(seq) names line \(line), which the entry does not have")
        }
    }

    private func checkForeignKeys() throws {
        let parents: [(table: String, key: String, ids: Set<Int64>)] = [
            ("account", "id", referenced.accounts), ("funder", "id", referenced.funders), ("\"grant\"", "id", referenced.grants),
            ("program", "id", referenced.programs), ("org_unit", "id", referenced.units), ("goods_item", "id", referenced.items),
            ("entry", "seq", referenced.reversedSeqs),
        ]
        for parent in parents {
            for id in parent.ids.sorted() where try database.scalarInt64("SELECT 1 FROM \(parent.table) WHERE \(parent.key) = ?", [id]) == nil {
                throw Self.violation("an entry written names \(parent.table) \(parent.key) \(id), which does not exist")
            }
        }
        for code in referenced.currencies.sorted() where try database.scalarInt64("SELECT 1 FROM currency WHERE code = ?", [code]) == nil {
            throw Self.violation("an entry written names currency \(code), which is not registered")
        }
    }

    private static func violation(_ message: String) -> SQLiteError {
        SQLiteError(extendedResultCode: constraintForeignKey, message: "FOREIGN KEY constraint failed: \(message)", sql: nil)
    }
}
