/// Inserts the rows of hashed journal entries: the entries and their lines in statements of
/// up to `rowsPerStatementMax` rows, which spares SQLite most of its per-statement work
/// (opening cursors, seeking from the root), then the beneficiary codes. It reads nothing and
/// decides nothing: `JournalWriter` has validated, numbered and hashed what it is given.
///
/// An import runs it on a second thread (`WriteBehind`), so it fetches its statements from
/// the connection's cache up front and holds them: the cache belongs to the posting thread.
final class RowInserter {
    private let database: Database
    /// The inserts, by the number of rows of one statement, 1, 2, 4 … 64: fetched once per
    /// writer rather than per row (each fetch hashes the SQL text).
    private var insertEntries: [Int: Statement] = [:]
    private var insertLines: [Int: Statement] = [:]
    private var insertCode: Statement?
    /// The ISO text of the last `postedAt` seen: every entry of a batch shares it.
    private var postedAtText: (Timestamp, String)?
    /// The text and blob values of the statement being run, bound without SQLite copying them.
    private let arena = BindingArena()

    /// - Parameter preparingAll: fetch every statement now, for use on another thread;
    ///   otherwise each is fetched when first needed.
    init(database: Database, preparingAll: Bool) throws {
        self.database = database
        if preparingAll {
            var rows = RowInserter.rowsPerStatementMax
            while rows >= 1 {
                _ = try statement(RowInserter.entryTable, rows: rows, cache: &insertEntries)
                _ = try statement(RowInserter.lineTable, rows: rows, cache: &insertLines)
                rows /= 2
            }
            insertCode = try codeStatement()
        }
    }

    /// No statement keeps pointers into the arena once it is gone.
    deinit {
        for statement in insertEntries.values { statement.clearBindings() }
        for statement in insertLines.values { statement.clearBindings() }
    }

    /// The most rows one insert statement carries.
    static let rowsPerStatementMax = 64

    private struct Table {
        let name: String
        let columns: String
        let columnCount: Int32
    }

    private static let entryTable = Table(
        name: "entry",
        columns: "seq, kind, entry_date, memo, external_ref, posted_by, posted_at, approved_by, approved_at, reverses_seq, hash, fact_seq",
        columnCount: 12)
    private static let lineTable = Table(
        name: "line",
        columns: """
            entry_seq, line_no, account_id, amount_vnd, currency, amount_foreign, rate, rate_date, rate_source, \
            funder_id, grant_id, program_id, unit_id, restriction, item_id, quantity, children, memo
            """,
        columnCount: 18)

    /// `INSERT INTO table (columns) VALUES (?, …), …` for `rows` rows.
    private func statement(_ table: Table, rows: Int, cache: inout [Int: Statement]) throws -> Statement {
        if let statement = cache[rows] { return statement }
        let row = "(" + Array(repeating: "?", count: Int(table.columnCount)).joined(separator: ", ") + ")"
        let statement = try database.cachedStatement("INSERT INTO \(table.name) (\(table.columns)) VALUES "
                                             + Array(repeating: row, count: rows).joined(separator: ", "))
        cache[rows] = statement
        return statement
    }

    private func codeStatement() throws -> Statement {
        if let insertCode { return insertCode }
        let statement = try database.cachedStatement("INSERT INTO beneficiary_code (entry_seq, line_no, code) VALUES (?1, ?2, ?3)")
        insertCode = statement
        return statement
    }

    /// Inserts the rows of `entries`, in order.
    func insert(_ entries: [JournalEntry]) throws {
        guard !entries.isEmpty else { return }
        // Where each line is, rather than a copy of it: a line holds a dozen references.
        var lines: [(entry: Int32, line: Int32)] = []
        lines.reserveCapacity(entries.count * 3)
        // Indices rather than `for entry in entries`, which copies each entry (a dozen
        // reference counts per line).
        for entryIndex in entries.indices {
            for lineIndex in 0..<entries[entryIndex].lines.count { lines.append((Int32(entryIndex), Int32(lineIndex))) }
        }
        try insertInChunks(entries.count, RowInserter.entryTable, cache: &insertEntries) {
            try bind(entries[$0], into: $1, at: $2)
        }
        try insertInChunks(lines.count, RowInserter.lineTable, cache: &insertLines) {
            let position = lines[$0]
            try bind(entries[Int(position.entry)].lines[Int(position.line)], seq: entries[Int(position.entry)].seq, into: $1, at: $2)
        }
        for position in lines where !entries[Int(position.entry)].lines[Int(position.line)].beneficiaryCodes.isEmpty {
            try insertBeneficiaryCodes(of: entries[Int(position.entry)].lines[Int(position.line)], seq: entries[Int(position.entry)].seq)
        }
    }

    /// Inserts `count` rows in statements of 64, 32, … 1 rows; `bind(row, statement, first
    /// parameter)` binds one row's values that are not NULL: each statement's bindings are
    /// cleared first, and most of a line's columns are NULL.
    private func insertInChunks(_ count: Int, _ table: Table, cache: inout [Int: Statement],
                                bind: (Int, Statement, Int32) throws -> Void) throws {
        var row = 0
        var chunk = RowInserter.rowsPerStatementMax
        while row < count {
            while chunk > count - row { chunk /= 2 }
            let statement = try statement(table, rows: chunk, cache: &cache)
            // Cleared before the arena is reused: no binding points at a value overwritten.
            statement.clearBindings()
            arena.reset()
            for index in 0..<chunk { try bind(row + index, statement, Int32(index) * table.columnCount + 1) }
            try statement.execute()
            row += chunk
        }
    }

    private func bind(_ entry: borrowing JournalEntry, into statement: Statement, at first: Int32) throws {
        try statement.bind(entry.seq, at: first)
        try arena.bind(entry.kind.rawValue, to: statement, at: first + 1)
        try entry.date.withISOBytes { try arena.bindText($0, to: statement, at: first + 2) }
        try arena.bind(entry.memo, to: statement, at: first + 3)
        if let reference = entry.externalRef { try arena.bind(reference, to: statement, at: first + 4) }
        try arena.bind(entry.postedBy, to: statement, at: first + 5)
        if postedAtText?.0 != entry.postedAt { postedAtText = (entry.postedAt, entry.postedAt.iso) }
        try arena.bind(postedAtText!.1, to: statement, at: first + 6)
        if let approver = entry.approvedBy { try arena.bind(approver, to: statement, at: first + 7) }
        if let approved = entry.approvedAt { try arena.bind(approved.iso, to: statement, at: first + 8) }
        try statement.bindIfPresent(entry.reversesSeq, at: first + 9)
        try arena.bind(blob: entry.hash, to: statement, at: first + 10)
        try statement.bindIfPresent(entry.factSeq, at: first + 11)
    }

    private func bind(_ line: borrowing PostedLine, seq: Int64, into statement: Statement, at first: Int32) throws {
        try statement.bind(seq, at: first)
        try statement.bind(line.lineNumber, at: first + 1)
        try statement.bind(line.account.id, at: first + 2)
        try statement.bind(line.amountDong, at: first + 3)
        if let foreign = line.foreign {
            try arena.bind(foreign.amount.currency.code, to: statement, at: first + 4)
            try statement.bind(foreign.amount.minorUnits, at: first + 5)
            try arena.bind(foreign.rate.description, to: statement, at: first + 6)
            try foreign.rateDate.withISOBytes { try arena.bindText($0, to: statement, at: first + 7) }
            try arena.bind(foreign.rateSource, to: statement, at: first + 8)
        }
        try statement.bindIfPresent(line.funder?.id, at: first + 9)
        try statement.bindIfPresent(line.grant?.id, at: first + 10)
        try statement.bindIfPresent(line.program?.id, at: first + 11)
        try statement.bindIfPresent(line.unit?.id, at: first + 12)
        try arena.bind(line.restriction.rawValue, to: statement, at: first + 13)
        try statement.bindIfPresent(line.item?.id, at: first + 14)
        try statement.bindIfPresent(line.quantity, at: first + 15)
        try statement.bindIfPresent(line.children, at: first + 16)
        if let memo = line.memo { try arena.bind(memo, to: statement, at: first + 17) }
    }

    private func insertBeneficiaryCodes(of line: PostedLine, seq: Int64) throws {
        let insertCode = try codeStatement()
        for code in line.beneficiaryCodes {
            try insertCode.bind(seq, at: 1)
            try insertCode.bind(line.lineNumber, at: 2)
            try insertCode.bind(code, at: 3)
            try insertCode.execute()
        }
    }
}
