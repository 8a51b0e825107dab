import CSQLite

/// An error reported by SQLite: the extended result code, SQLite's own message, and the SQL
/// that was running.
///
/// Bound values are never part of the error: they may be a child's data (GRDB keeps statement
/// arguments private by default for the same reason).
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// The extended result code, e.g. 2067 for `SQLITE_CONSTRAINT_UNIQUE`.
    /// See https://www.sqlite.org/rescode.html.
    public let extendedResultCode: Int32
    /// SQLite's message, from `sqlite3_errmsg`.
    public let message: String
    /// The SQL text that failed, when there was one.
    public let sql: String?

    public init(extendedResultCode: Int32, message: String, sql: String?) {
        self.extendedResultCode = extendedResultCode
        self.message = message
        self.sql = sql
    }

    /// The primary result code (the low 8 bits), e.g. `SQLITE_CONSTRAINT`.
    public var primaryResultCode: Int32 { extendedResultCode & 0xFF }

    public var isConstraintViolation: Bool { primaryResultCode == SQLITE_CONSTRAINT }
    public var isBusy: Bool { primaryResultCode == SQLITE_BUSY || primaryResultCode == SQLITE_LOCKED }
    public var isNotADatabase: Bool { primaryResultCode == SQLITE_NOTADB }
    /// The file (or its folder, for the journal files) cannot be written.
    public var isReadOnly: Bool { primaryResultCode == SQLITE_READONLY || primaryResultCode == SQLITE_CANTOPEN || primaryResultCode == SQLITE_PERM }

    public var description: String {
        let name = String(cString: sqlite3_errstr(extendedResultCode))
        var text = "SQLite error \(extendedResultCode) (\(name)): \(message)"
        if let sql { text += " — while running: \(sql)" }
        return text
    }
}
