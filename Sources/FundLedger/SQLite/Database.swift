import CSQLite
#if canImport(Glibc)
import Glibc
#endif

/// One connection to an SQLite file. Every `sqlite3_*` call of the project lives in this folder.
///
/// A `Database` is used from one thread at a time. Writes go through `writeTransaction(_:)`,
/// which is one `BEGIN IMMEDIATE` transaction that commits or rolls back as a whole.
public final class Database {
    let handle: OpaquePointer
    public let path: String
    private var statementCache: [String: Statement] = [:]
    /// Set while two threads share this connection (an import's posting thread and its row
    /// inserter, `JournalWriter`): which of them may use it now. Every use checks it.
    var lease: ConnectionLease?

    /// Stops the program when the calling thread does not hold the connection's lease.
    @inline(__always) private func checkHeld() {
        if let lease {
            precondition(lease.isHeldHere, "the connection is lent to the import's inserter: take it back first (JournalWriter.takeBackConnection())")
        }
    }

    /// How the file is opened.
    public enum OpenMode: Sendable {
        /// The file must exist.
        case readWrite
        /// The file is created when it does not exist.
        case readWriteCreate
        /// The file must exist; nothing can be written.
        case readOnly
        /// Opened as a writer would, so SQLite tidies its journal files as after any session,
        /// but every statement that would change the file is refused when it is prepared
        /// (`Database.refuseWritesToTheFile`); temporary tables and views stay allowed.
        case queryOnly
        /// Read-only, and the file is known not to change while open (`immutable=1`): no lock,
        /// no -wal or -shm file, so it opens on read-only media or in a folder the reader
        /// cannot write (https://www.sqlite.org/uri.html#uriimmutable).
        case readOnlyImmutable
    }

    /// The options each connection is opened with, stated instead of left to SQLite's defaults.
    public struct Configuration: Sendable {
        /// How long a writer waits for another writer's lock before failing with `SQLITE_BUSY`.
        /// The default is 5,000 ms.
        public var busyTimeoutMilliseconds: Int32 = 5_000
        /// WAL lets readers go on while one writer writes (https://www.sqlite.org/wal.html).
        public var journalModeWAL = true
        /// `FULL` syncs the WAL on every commit, so a committed entry survives power loss
        /// (https://www.sqlite.org/pragma.html#pragma_synchronous). `OFF` is for throwaway files.
        public var synchronousFull = true

        public init() {}
    }

    /// Opens the file at `path`.
    ///
    /// - Throws: `SQLiteError` when the file cannot be opened or configured.
    public init(path: String, mode: OpenMode = .readWrite, configuration: Configuration = Configuration()) throws {
        _ = Database.processSetup
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch mode {
        case .readWrite, .queryOnly: flags |= SQLITE_OPEN_READWRITE
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .readOnlyImmutable: flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
        }
        if mode == .readWriteCreate && path != ":memory:" && !path.isEmpty { try Database.createPrivately(path) }
        var connection: OpaquePointer?
        let code = sqlite3_open_v2(mode == .readOnlyImmutable ? Database.immutableURI(path) : path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(connection)
            throw SQLiteError(extendedResultCode: code, message: message, sql: nil)
        }
        self.handle = connection
        self.path = path
        sqlite3_extended_result_codes(connection, 1)
        do {
            try configure(configuration, writable: mode == .readWrite || mode == .readWriteCreate)
            if mode == .queryOnly { sqlite3_set_authorizer(connection, Database.refuseWritesToTheFile, nil) }
        } catch {
            statementCache.removeAll()
            sqlite3_close_v2(connection)
            throw error
        }
    }

    /// Process-wide SQLite settings, applied once before the first connection opens.
    private static let processSetup: Void = {
        _ = cpf_sqlite3_disable_memory_statistics()
    }()

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    private func configure(_ configuration: Configuration, writable: Bool) throws {
        sqlite3_busy_timeout(handle, configuration.busyTimeoutMilliseconds)
        try execute("PRAGMA foreign_keys = ON")
        // Reading any page here makes a file that is not a database fail at open, not later.
        _ = try scalarInt64("PRAGMA schema_version")
        if writable && configuration.journalModeWAL {
            try execute("PRAGMA journal_mode = WAL")
        }
        try execute(configuration.synchronousFull ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = OFF")
    }

    func error(code: Int32, sql: String?) -> SQLiteError {
        SQLiteError(extendedResultCode: sqlite3_extended_errcode(handle) == 0 ? code : sqlite3_extended_errcode(handle),
                    message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    // MARK: Running SQL

    /// Runs one or more SQL statements that take no parameters (a schema script, a pragma).
    public func execute(_ sql: String) throws {
        checkHeld()
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if code != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(errorMessage)
            throw SQLiteError(extendedResultCode: sqlite3_extended_errcode(handle), message: message, sql: sql)
        }
    }

    /// Runs one statement with the given arguments.
    public func execute(_ sql: String, _ arguments: [any DatabaseBindable]) throws {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        try statement.execute()
    }

    /// A new prepared statement, finalized when it is released.
    public func prepare(_ sql: String) throws -> Statement {
        checkHeld()
        return try Statement(database: self, sql: sql)
    }

    /// A prepared statement kept for the life of the connection, reset and ready to bind.
    /// Use it for SQL that runs many times. Its parameters keep their last values until bound
    /// again: bind every parameter.
    public func cachedStatement(_ sql: String) throws -> Statement {
        checkHeld()
        if let statement = statementCache[sql] {
            statement.resetKeepingBindings()
            return statement
        }
        let statement = try Statement(database: self, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    /// Calls `body` for each row of the query. The statement is reset afterwards.
    public func forEachRow(_ sql: String, _ arguments: [any DatabaseBindable] = [], _ body: (Statement) throws -> Void) throws {
        let statement = try cachedStatement(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        while try statement.step() { try body(statement) }
    }

    /// Calls `body` for each row of a query with named parameters (`:name`).
    public func forEachRow(_ sql: String, named arguments: [String: any DatabaseBindable], _ body: (Statement) throws -> Void) throws {
        let statement = try cachedStatement(sql)
        defer { statement.reset() }
        try statement.bind(named: arguments)
        while try statement.step() { try body(statement) }
    }

    /// Maps each row of the query to a value.
    public func rows<T>(_ sql: String, _ arguments: [any DatabaseBindable] = [], _ transform: (Statement) throws -> T) throws -> [T] {
        var result: [T] = []
        try forEachRow(sql, arguments) { result.append(try transform($0)) }
        return result
    }

    /// Maps each row of a query with named parameters (`:name`) to a value.
    public func rows<T>(_ sql: String, named arguments: [String: any DatabaseBindable], _ transform: (Statement) throws -> T) throws -> [T] {
        var result: [T] = []
        try forEachRow(sql, named: arguments) { result.append(try transform($0)) }
        return result
    }

    /// The first row of the query mapped to a value, or `nil` when there is none.
    public func firstRow<T>(_ sql: String, _ arguments: [any DatabaseBindable] = [], _ transform: (Statement) throws -> T) throws -> T? {
        let statement = try cachedStatement(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        return try statement.step() ? transform(statement) : nil
    }

    /// The first row of a query with named parameters (`:name`) mapped to a value, or `nil`.
    public func firstRow<T>(_ sql: String, named arguments: [String: any DatabaseBindable], _ transform: (Statement) throws -> T) throws -> T? {
        let statement = try cachedStatement(sql)
        defer { statement.reset() }
        try statement.bind(named: arguments)
        return try statement.step() ? transform(statement) : nil
    }

    /// The integer in the first column of the first row, or `nil`.
    public func scalarInt64(_ sql: String, _ arguments: [any DatabaseBindable] = []) throws -> Int64? {
        try firstRow(sql, arguments) { $0.isNull(at: 0) ? nil : $0.int64(at: 0) } ?? nil
    }

    /// The text in the first column of the first row, or `nil`.
    public func scalarText(_ sql: String, _ arguments: [any DatabaseBindable] = []) throws -> String? {
        try firstRow(sql, arguments) { $0.optionalText(at: 0) } ?? nil
    }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    public var changes: Int {
        checkHeld()
        return Int(sqlite3_changes64(handle))
    }

    public var lastInsertRowID: Int64 {
        checkHeld()
        return sqlite3_last_insert_rowid(handle)
    }

    public var isInTransaction: Bool {
        checkHeld()
        return sqlite3_get_autocommit(handle) == 0
    }

    // MARK: Transactions

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: it takes the write lock at once (waiting
    /// up to the busy timeout), commits when `body` returns and rolls back when it throws.
    /// See https://www.sqlite.org/lang_transaction.html.
    public func writeTransaction<T>(_ body: () throws -> T) throws -> T {
        precondition(!isInTransaction, "write transactions do not nest")
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
    }

    /// Runs `body` in one read transaction, so every query sees the same snapshot of the file.
    public func readTransaction<T>(_ body: () throws -> T) throws -> T {
        if isInTransaction { return try body() }
        try execute("BEGIN DEFERRED")
        defer { if isInTransaction { try? execute("COMMIT") } }
        return try body()
    }

    /// Creates an empty file at `path` readable and writable by its owner only (0600),
    /// whatever the umask, when nothing is there yet: a ledger holds children's codes. SQLite
    /// gives its journal files (-wal, -shm) the mode of the database file.
    static func createPrivately(_ path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { return }
            throw SQLiteError(extendedResultCode: SQLITE_CANTOPEN, message: "cannot create \(path): \(String(cString: strerror(errno)))", sql: nil)
        }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else {
            throw SQLiteError(extendedResultCode: SQLITE_CANTOPEN, message: "cannot make \(path) private: \(String(cString: strerror(errno)))", sql: nil)
        }
    }

    /// The authorizer of a `.queryOnly` connection (https://www.sqlite.org/c3ref/set_authorizer.html):
    /// it denies every action that would change the main database — rows, tables, indexes,
    /// triggers, views — and allows the rest, temporary objects included.
    private static let refuseWritesToTheFile: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?,
                                                             UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Int32 = {
        _, action, _, _, database, _ in
        let changes: Set<Int32> = [SQLITE_INSERT, SQLITE_UPDATE, SQLITE_DELETE, SQLITE_CREATE_TABLE, SQLITE_CREATE_INDEX,
                                   SQLITE_CREATE_TRIGGER, SQLITE_CREATE_VIEW, SQLITE_DROP_TABLE, SQLITE_DROP_INDEX,
                                   SQLITE_DROP_TRIGGER, SQLITE_DROP_VIEW, SQLITE_ALTER_TABLE, SQLITE_CREATE_VTABLE, SQLITE_DROP_VTABLE]
        guard changes.contains(action), let database, String(cString: database) == "main" else { return SQLITE_OK }
        return SQLITE_DENY
    }

    /// `file:PATH?immutable=1`, the path's bytes other than unreserved ones percent-encoded
    /// (RFC 3986), as SQLite's URI filenames read them.
    static func immutableURI(_ path: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/".utf8)
        let encoded = path.utf8.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : "%" + ($0 < 16 ? "0" : "") + String($0, radix: 16, uppercase: true) }
        return "file:" + encoded.joined() + "?immutable=1"
    }

    // MARK: Backup

    /// A copy of the whole database in memory, for reading and changing without touching the
    /// file (a ledger read by a newer cpf is brought up to date in its copy).
    public func copyIntoMemory() throws -> Database {
        let copy = try Database(path: ":memory:", mode: .readWrite)
        guard let backup = sqlite3_backup_init(copy.handle, "main", handle, "main") else {
            throw copy.error(code: sqlite3_errcode(copy.handle), sql: nil)
        }
        let code = sqlite3_backup_step(backup, -1)
        sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE else { throw copy.error(code: code, sql: nil) }
        return copy
    }

    /// Copies the whole database into a new file at `destinationPath`, consistently, while
    /// other connections may go on writing (https://www.sqlite.org/backup.html).
    public func backup(to destinationPath: String) throws {
        checkHeld()
        let destination = try Database(path: destinationPath, mode: .readWriteCreate,
                                       configuration: { var c = Configuration(); c.journalModeWAL = false; return c }())
        guard let backup = sqlite3_backup_init(destination.handle, "main", handle, "main") else {
            throw destination.error(code: sqlite3_errcode(destination.handle), sql: nil)
        }
        var code: Int32
        repeat {
            code = sqlite3_backup_step(backup, -1)
            if code == SQLITE_BUSY || code == SQLITE_LOCKED { sqlite3_sleep(20) }
        } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
        sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE else { throw destination.error(code: code, sql: nil) }
        try destination.execute("PRAGMA journal_mode = WAL")
    }
}
