import CSQLite

/// A value bound to, or read from, an SQL statement.
public enum DatabaseValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case text(String)
    case blob([UInt8])
}

/// Something that can be bound to a statement parameter.
public protocol DatabaseBindable {
    var databaseValue: DatabaseValue { get }
}

extension Int64: DatabaseBindable { public var databaseValue: DatabaseValue { .integer(self) } }
extension Int: DatabaseBindable { public var databaseValue: DatabaseValue { .integer(Int64(self)) } }
extension String: DatabaseBindable { public var databaseValue: DatabaseValue { .text(self) } }
extension Bool: DatabaseBindable { public var databaseValue: DatabaseValue { .integer(self ? 1 : 0) } }
extension DatabaseValue: DatabaseBindable { public var databaseValue: DatabaseValue { self } }
extension Optional: DatabaseBindable where Wrapped: DatabaseBindable {
    public var databaseValue: DatabaseValue { self?.databaseValue ?? .null }
}

/// `SQLITE_TRANSIENT`: SQLite copies the bound bytes before `sqlite3_bind_*` returns.
/// The C macro is `((sqlite3_destructor_type)-1)`, which Swift does not import.
private let transientDestructor = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement. Owned by its `Database`; never outlives it.
///
/// Bind parameters are 1-based (as in SQLite); result columns are 0-based.
public final class Statement {
    let handle: OpaquePointer
    unowned let database: Database
    public let sql: String

    init(database: Database, sql: String) throws {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw database.error(code: code, sql: sql)
        }
        self.handle = statement
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    // MARK: Binding

    public func bind(_ value: Int64, at index: Int32) throws {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    public func bind(_ value: Int, at index: Int32) throws {
        try check(sqlite3_bind_int64(handle, index, Int64(value)))
    }

    public func bind(_ value: String, at index: Int32) throws {
        var value = value
        let code = value.withUTF8 { bytes -> Int32 in
            guard let base = bytes.baseAddress else {
                return sqlite3_bind_text(handle, index, "", 0, transientDestructor)
            }
            return sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                     Int32(bytes.count), transientDestructor)
        }
        try check(code)
    }

    /// Binds `count` bytes of text at `text` without SQLite copying them (`SQLITE_STATIC`):
    /// the caller keeps them unchanged until the statement has run and is bound again or
    /// its bindings are cleared (`BindingArena`).
    func bind(unownedText text: UnsafeRawPointer, count: Int, at index: Int32) throws {
        try check(sqlite3_bind_text(handle, index, text.assumingMemoryBound(to: CChar.self), Int32(count), nil))
    }

    /// The same for bytes bound as a blob.
    func bind(unownedBlob bytes: UnsafeRawPointer, count: Int, at index: Int32) throws {
        try check(sqlite3_bind_blob(handle, index, bytes, Int32(count), nil))
    }

    public func bind(blob value: [UInt8], at index: Int32) throws {
        let code = value.withUnsafeBytes { bytes in
            sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), transientDestructor)
        }
        try check(code)
    }

    public func bindNull(at index: Int32) throws {
        try check(sqlite3_bind_null(handle, index))
    }

    public func bind(_ value: String?, at index: Int32) throws {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    public func bind(_ value: Int64?, at index: Int32) throws {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    /// Binds `value` unless it is `nil`, leaving the parameter as it is: for a statement whose
    /// bindings were cleared (`clearBindings()`), where a parameter not bound is NULL.
    public func bindIfPresent(_ value: String?, at index: Int32) throws {
        if let value { try bind(value, at: index) }
    }

    public func bindIfPresent(_ value: Int64?, at index: Int32) throws {
        if let value { try bind(value, at: index) }
    }

    /// Sets every parameter to NULL: cheaper than binding NULL one parameter at a time, for a
    /// statement of many parameters that are mostly NULL (an import's multi-row inserts).
    public func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    public func bind(_ value: DatabaseValue, at index: Int32) throws {
        switch value {
        case .null: try bindNull(at: index)
        case .integer(let integer): try bind(integer, at: index)
        case .text(let text): try bind(text, at: index)
        case .blob(let bytes): try bind(blob: bytes, at: index)
        }
    }

    /// Binds every value in order, starting at parameter 1. The count must match the SQL's
    /// parameters: a cached statement would otherwise keep an earlier run's value.
    public func bind(_ values: [any DatabaseBindable]) throws {
        precondition(values.count == Int(sqlite3_bind_parameter_count(handle)),
                     "\(values.count) values for \(sqlite3_bind_parameter_count(handle)) parameters in: \(sql)")
        for (offset, value) in values.enumerated() {
            try bind(value.databaseValue, at: Int32(offset + 1))
        }
    }

    /// Binds values to named parameters such as `:through_day`. A name the SQL does not use
    /// is a programming error.
    public func bind(named values: [String: any DatabaseBindable]) throws {
        for (name, value) in values {
            let index = sqlite3_bind_parameter_index(handle, name)
            precondition(index > 0, "the SQL has no parameter \(name)")
            try bind(value.databaseValue, at: index)
        }
    }

    // MARK: Stepping

    /// Advances to the next row. Returns `false` when the statement is done.
    @discardableResult
    public func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            // The statement must be reset before it is used again; the error is the step's.
            sqlite3_reset(handle)
            throw database.error(code: code, sql: sql)
        }
    }

    /// Resets the statement and clears its bindings so it can run again.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Resets the statement to run again; bound values stay until bound again. Cheaper than
    /// `reset()` on statements that bind every parameter each time.
    public func resetKeepingBindings() {
        sqlite3_reset(handle)
    }

    /// Runs the statement to completion, ignoring any rows, then resets it (bound values
    /// stay until bound again).
    public func execute() throws {
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    // MARK: Columns

    public var columnCount: Int32 { sqlite3_column_count(handle) }

    public func columnName(at index: Int32) -> String {
        String(cString: sqlite3_column_name(handle, index))
    }

    /// How SQLite stores a column's value in the current row.
    public enum StorageClass: Sendable { case null, integer, real, text, blob }

    public func storageClass(at index: Int32) -> StorageClass {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer
        case SQLITE_FLOAT: return .real
        case SQLITE_BLOB: return .blob
        default: return .text
        }
    }

    public func isNull(at index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    /// Whether every column in `columns` holds an integer, as a STRICT table's INTEGER columns
    /// must: `int64(at:)` would read a text or a real as some integer. (A file edited with
    /// `PRAGMA writable_schema` can hold values STRICT never let in.)
    public func holdsIntegers(_ columns: Range<Int32>) -> Bool {
        for column in columns where sqlite3_column_type(handle, column) != SQLITE_INTEGER { return false }
        return true
    }

    /// Whether the column holds a text.
    public func holdsText(at index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_TEXT
    }

    public func int64(at index: Int32) -> Int64 {
        sqlite3_column_int64(handle, index)
    }

    public func int(at index: Int32) -> Int {
        Int(sqlite3_column_int64(handle, index))
    }

    public func optionalInt64(at index: Int32) -> Int64? {
        // One call for any value but 0: NULL reads as 0 (and SQLite leaves a NULL as it is,
        // so asking its type afterwards still says NULL).
        let value = sqlite3_column_int64(handle, index)
        return value != 0 || !isNull(at: index) ? value : nil
    }

    public func text(at index: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    public func optionalText(at index: Int32) -> String? {
        isNull(at: index) ? nil : text(at: index)
    }

    public func blob(at index: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count > 0, let pointer = sqlite3_column_blob(handle, index) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// Calls `body` with the column's bytes without copying them. The buffer is valid only
    /// inside `body`.
    public func withUnsafeTextBytes<R>(at index: Int32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let pointer = sqlite3_column_text(handle, index)
        let count = Int(sqlite3_column_bytes(handle, index))
        return try body(UnsafeRawBufferPointer(start: pointer, count: pointer == nil ? 0 : count))
    }

    public func withUnsafeBlobBytes<R>(at index: Int32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let pointer = sqlite3_column_blob(handle, index)
        let count = Int(sqlite3_column_bytes(handle, index))
        return try body(UnsafeRawBufferPointer(start: pointer, count: pointer == nil ? 0 : count))
    }

    public func value(at index: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(int64(at: index))
        case SQLITE_BLOB: return .blob(blob(at: index))
        default: return .text(text(at: index))
        }
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw database.error(code: code, sql: sql) }
    }
}
