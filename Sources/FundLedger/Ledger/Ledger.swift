#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One fund's books in one SQLite file.
///
/// Create a ledger with `Ledger.create(at:fundName:user:)`, open an existing one with
/// `Ledger.open(at:)`. Every write is one `BEGIN IMMEDIATE` transaction; every refusal is a
/// thrown `LedgerError` and leaves the file exactly as it was.
public final class Ledger {
    let database: Database

    /// The ledger file's path.
    public var path: String { database.path }

    /// Copies every page waiting in the -wal file into the ledger file and empties the -wal
    /// file, as closing the last connection does: whoever reads the file alone then sees every
    /// change, and `verify` reads the journal from the file's pages (docs/hash-chain.md).
    public func checkpoint() throws {
        try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }
    /// The fund's name, e.g. "Quỹ Bảo trợ trẻ em tỉnh Tây Ninh".
    public private(set) var fundName: String
    /// A random identifier fixed at `init`; the hash chain starts from it.
    public let ledgerID: String

    /// `PRAGMA application_id` of every ledger file: "CPF1" in ASCII
    /// (https://www.sqlite.org/pragma.html#pragma_application_id).
    public static let applicationID: Int64 = 0x4350_4631

    /// Caches of small registries, rebuilt whenever a write transaction rolls back.
    var registryCache = RegistryCache()
    /// Whether reports/period-totals.sql ran on this connection; its temporary objects last
    /// as long as the connection.
    var reportObjectsReady = false
    private var dataVersion: Int64 = -1
    /// How many maintained totals a long write gathers in memory before adding them to the
    /// tables (`JournalWriter.flushIfLarge`); smaller in tests, to write them mid-import.
    var pendingTotalsCountMax = JournalWriter.pendingTotalsCountMaxDefault
    /// How many entries a write appends before it inserts their rows, or, for an import, hands
    /// them to the inserter's thread with the connection (`JournalWriter.flushRows`); 1 in
    /// tests, so that every path of an import that uses the connection meets the lease.
    var entriesPerInsert = RowInserter.rowsPerStatementMax

    /// Whether the ledger was opened for reading only: every write is refused.
    public let isReadOnly: Bool

    init(database: Database, isReadOnly: Bool = false) throws {
        self.database = database
        self.isReadOnly = isReadOnly
        let meta = try database.rows("SELECT key, value FROM ledger_meta WHERE key IN ('fund_name', 'ledger_id')") {
            ($0.text(at: 0), $0.text(at: 1))
        }
        let values = Dictionary(meta, uniquingKeysWith: { first, _ in first })
        guard let fundName = values["fund_name"], let ledgerID = values["ledger_id"] else {
            throw LedgerError(.notALedger, LocalizedText("\(database.path) has no fund name or ledger id", "\(database.path) không có tên quỹ hoặc mã sổ"), hint: LocalizedText("the file is damaged; restore it from a backup", "tệp đã hư hỏng; hãy khôi phục từ bản sao lưu"))
        }
        self.fundName = fundName
        self.ledgerID = ledgerID
    }

    /// Creates a new ledger file with the schema, the known currencies and a chart of accounts.
    ///
    /// - Parameters:
    ///   - chart: the accounts to seed. The default is the Child Protection Fund chart
    ///     (`ChartOfAccounts.standard`).
    /// - Throws: `LedgerError.ledgerExists` when a file is already there; nothing is left
    ///   behind when creation fails.
    public static func create(at path: String, fundName: String, user: String,
                              chart: ChartOfAccounts = .standard,
                              configuration: Database.Configuration = Database.Configuration()) throws -> Ledger {
        let fundName = TextRules.nfc(fundName)
        guard !fileExists(path) else {
            throw LedgerError(.ledgerExists, LocalizedText("a file already exists at \(path)", "đã có một tệp tại \(path)"),
                              hint: LocalizedText("choose another path with \(parameter: .ledgerPath), or open the existing ledger", "hãy chọn đường dẫn khác bằng \(parameter: .ledgerPath), hoặc mở sổ đã có"))
        }
        try TextRules.check(fundName, named: "fund name", maximumLength: 200)
        let user = try TextRules.checkedUser(user)
        try ChartOfAccounts.check(chart.definitions)
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        guard directory.isEmpty || fileExists(directory) else {
            throw LedgerError(.invalidInput, LocalizedText("the folder \(directory) does not exist, so \(path) cannot be created", "thư mục \(directory) không tồn tại, nên không thể tạo \(path)"),
                              hint: LocalizedText("create the folder first, or give another path with \(parameter: .ledgerPath)", "hãy tạo thư mục trước, hoặc chọn đường dẫn khác bằng \(parameter: .ledgerPath)"))
        }
        do {
            let database = try Database(path: path, mode: .readWriteCreate, configuration: configuration)
            let now = Timestamp.now()
            try database.execute("PRAGMA application_id = \(applicationID)")
            try Migrator().migrate(database, at: now)
            try database.writeTransaction {
                for currency in Currency.known {
                    try database.execute("INSERT INTO currency (code, exponent, name_en, name_vi) VALUES (?, ?, ?, ?)",
                                         [currency.code, currency.exponent, currency.nameEnglish, currency.nameVietnamese])
                }
                let meta = ["fund_name": fundName, "ledger_id": randomUUID(), "created_at": now.iso, "created_by": user]
                for (key, value) in meta.sorted(by: { $0.key < $1.key }) {
                    try database.execute("INSERT INTO ledger_meta (key, value) VALUES (?, ?)", [key, value])
                }
                try chart.insert(into: database, at: now)
                try StandardRegistries.insert(into: database, user: user, at: now)
            }
            let ledger = try Ledger(database: database)
            try ledger.recordEveryFactIfNoneRecorded()
            return ledger
        } catch {
            removeFiles(path)
            throw error
        }
    }

    /// Opens an existing ledger and applies any schema migrations it lacks.
    ///
    /// - Parameter readOnly: open for reading only (`verify`, `audit`, reports, listings,
    ///   exports): the file is opened read-only, so nothing is ever written to it, and it opens
    ///   on read-only media or in a folder the reader cannot write. A ledger written by an
    ///   older cpf is then brought up to date in a copy in memory, never in the file.
    /// - Throws: `LedgerError.notALedger` when there is no file, or it is not an SQLite
    ///   database, or not a ledger; `LedgerError.schemaTooNew` when a newer `cpf` wrote it.
    public static func open(at path: String, configuration: Database.Configuration = Database.Configuration(),
                            readOnly: Bool = false) throws -> Ledger {
        guard fileExists(path) else {
            throw LedgerError(.notALedger, LocalizedText("there is no ledger at \(path)", "không có sổ nào tại \(path)"),
                              hint: LocalizedText("create one with \(action: .createLedger, "\(parameter: .ledgerPath, "\(path)") \(parameter: .name, "\"…\"")", quoted: true), or point \(parameter: .ledgerPath) (or CPF_DB) at an existing ledger", "hãy tạo sổ bằng \(action: .createLedger, "\(parameter: .ledgerPath, "\(path)") \(parameter: .name, "\"…\"")", quoted: true), hoặc trỏ \(parameter: .ledgerPath) (hay CPF_DB) tới một sổ đã có"))
        }
        var database = try readOnly ? openForReading(path, configuration) : openForInspection(path, configuration)
        try checkIsLedger(database, path: path)
        let migrator = Migrator()
        var writable = !readOnly
        if readOnly {
            let applied = try migrator.appliedVersion(of: database)
            guard applied <= migrator.latestVersion else {
                throw LedgerError(.schemaTooNew, LocalizedText("the ledger \(path) has schema version \(applied); this cpf knows versions up to \(migrator.latestVersion)", "sổ \(path) có lược đồ phiên bản \(applied); cpf này chỉ biết đến phiên bản \(migrator.latestVersion)"),
                                  hint: LocalizedText("use a newer cpf to open this ledger", "hãy dùng cpf mới hơn để mở sổ này"))
            }
            if applied < migrator.latestVersion {
                database = try database.copyIntoMemory()
                writable = true
            }
        } else if configuration.journalModeWAL {
            try database.execute("PRAGMA journal_mode = WAL")
        }
        let migrated = writable ? try migrator.migrate(database, at: Timestamp.now(), named: path) : false
        let ledger = try Ledger(database: database, isReadOnly: false)
        // A ledger written before facts were chained: its first fact record holds every fact
        // as found (docs/hash-chain.md, "Facts") — in the file, or in the copy in memory.
        if migrated { try ledger.recordEveryFactIfNoneRecorded() }
        return readOnly ? try Ledger(database: database, isReadOnly: true) : ledger
    }

    /// The file opened read-write without touching it until it is known to be a ledger: WAL
    /// mode, which would change another application's file, is switched on only afterwards.
    private static func openForInspection(_ path: String, _ configuration: Database.Configuration) throws -> Database {
        var inspection = configuration
        inspection.journalModeWAL = false
        do {
            return try Database(path: path, mode: .readWrite, configuration: inspection)
        } catch let error as SQLiteError where error.isNotADatabase {
            throw LedgerError(.notALedger, LocalizedText("\(path) is not a cpf ledger (it is not an SQLite database)", "\(path) không phải sổ cpf (không phải cơ sở dữ liệu SQLite)"),
                              hint: LocalizedText("check the path given with \(parameter: .ledgerPath) or CPF_DB", "hãy kiểm tra đường dẫn ghi ở \(parameter: .ledgerPath) hoặc CPF_DB"))
        } catch let error as SQLiteError where error.isReadOnly {
            throw LedgerError(.readOnly, LocalizedText("\(path) cannot be written (the file or its folder is read-only for you), so nothing can be recorded in it", "không ghi được vào \(path) (tệp hoặc thư mục của nó chỉ cho bạn đọc), nên không thể ghi sổ"),
                              hint: LocalizedText("ask for write access to the file and its folder, or work on a copy; verify, audit, reports and exports only read", "hãy xin quyền ghi tệp và thư mục, hoặc làm việc trên bản sao; kiểm tra, kiểm toán, báo cáo và xuất dữ liệu chỉ cần quyền đọc"))
        }
    }

    /// The file opened so that nothing can be written to it: as a writer would open it but
    /// refusing every write, when the user may write it (SQLite then tidies its journal files
    /// as after any session); else read-only; else, where SQLite cannot open it so (a WAL ledger
    /// in a folder the reader cannot write, on read-only media), as immutable.
    private static func openForReading(_ path: String, _ configuration: Database.Configuration) throws -> Database {
        do {
            let mode: Database.OpenMode = access(path, W_OK) == 0 ? .queryOnly : .readOnly
            return try Database(path: path, mode: mode, configuration: configuration)
        } catch let error as SQLiteError where error.isNotADatabase {
            throw LedgerError(.notALedger, LocalizedText("\(path) is not a cpf ledger (it is not an SQLite database)", "\(path) không phải sổ cpf (không phải cơ sở dữ liệu SQLite)"),
                              hint: LocalizedText("check the path given with \(parameter: .ledgerPath) or CPF_DB", "hãy kiểm tra đường dẫn ghi ở \(parameter: .ledgerPath) hoặc CPF_DB"))
        } catch let failure as SQLiteError {
            // Immutable, SQLite reads the file alone: committed pages still in the -wal file
            // would be missed, so such a ledger is refused rather than read incomplete.
            var status = stat()
            if stat(path + "-wal", &status) == 0, status.st_size > 0 {
                throw LedgerError(.readOnly, LocalizedText("\(path) has recent changes in \(path)-wal that can only be read where the folder can be written", "\(path) có thay đổi mới trong \(path)-wal, chỉ đọc được khi có quyền ghi thư mục"),
                                  hint: LocalizedText("copy the ledger with its -wal and -shm files to a folder you can write, or have its owner open it once", "hãy chép sổ cùng các tệp -wal và -shm sang thư mục bạn ghi được, hoặc nhờ chủ sở hữu mở sổ một lần"))
            }
            guard let database = try? Database(path: path, mode: .readOnlyImmutable, configuration: configuration) else {
                throw LedgerError(.notALedger, LocalizedText("\(path) cannot be opened for reading: \(failure.message)", "không mở được \(path) để đọc: \(failure.message)"),
                                  hint: LocalizedText("check that you may read the file", "hãy kiểm tra bạn có quyền đọc tệp"))
            }
            return database
        }
    }

    /// Refuses a file that is not a cpf ledger, or a damaged one.
    private static func checkIsLedger(_ database: Database, path: String) throws {
        guard try database.scalarInt64("PRAGMA application_id") == applicationID else {
            throw LedgerError(.notALedger, LocalizedText("\(path) is an SQLite database but not a cpf ledger", "\(path) là cơ sở dữ liệu SQLite nhưng không phải sổ cpf"),
                              hint: LocalizedText("check the path given with \(parameter: .ledgerPath) or CPF_DB; create a ledger with \(action: .createLedger, quoted: true)", "hãy kiểm tra đường dẫn ghi ở \(parameter: .ledgerPath) hoặc CPF_DB; tạo sổ bằng \(action: .createLedger, quoted: true)"))
        }
        let tables = Set(try database.rows("SELECT name FROM sqlite_schema WHERE type = 'table'") { $0.text(at: 0) })
        guard tables.isSuperset(of: ["schema_migration", "ledger_meta", "entry", "line"]) else {
            throw LedgerError(.notALedger, LocalizedText("\(path) carries the cpf mark but lacks the ledger's tables: it is damaged", "\(path) có dấu hiệu của cpf nhưng thiếu các bảng của sổ: sổ đã hư hỏng"),
                              hint: LocalizedText("restore the ledger from a backup (\(action: .backup))", "hãy khôi phục sổ từ bản sao lưu (\(action: .backup))"))
        }
    }

    /// The schema version recorded in the file.
    public func schemaVersion() throws -> Int { try Migrator().appliedVersion(of: database) }

    /// Runs `body` in one write transaction (`BEGIN IMMEDIATE`), so every check it makes sees
    /// the state it writes on. The registry caches are dropped when another connection has
    /// committed since they were read, and when `body` fails, so nothing read inside a
    /// rolled-back transaction survives it.
    func write<T>(_ body: () throws -> T) throws -> T {
        guard !isReadOnly else {
            throw LedgerError(.readOnly, LocalizedText("the ledger was opened for reading only", "sổ được mở chỉ để đọc"), hint: LocalizedText("open it for writing to record anything", "hãy mở sổ để ghi thì mới ghi được"))
        }
        try prepareReportObjects()
        do {
            return try database.writeTransaction {
                try refreshCachesIfChangedElsewhere()
                let result = try body()
                try recordFacts()
                return result
            }
        } catch {
            registryCache = RegistryCache()
            throw error
        }
    }

    /// Runs `body` in one read transaction: every query inside sees one snapshot.
    public func read<T>(_ body: () throws -> T) throws -> T {
        if !database.isInTransaction { try prepareReportObjects() }
        return try database.readTransaction {
            try refreshCachesIfChangedElsewhere()
            return try body()
        }
    }

    /// `PRAGMA data_version` changes when another connection commits
    /// (https://www.sqlite.org/pragma.html#pragma_data_version).
    private func refreshCachesIfChangedElsewhere() throws {
        let version = try database.scalarInt64("PRAGMA data_version") ?? 0
        if version != dataVersion {
            registryCache = RegistryCache()
            dataVersion = version
        }
    }

    /// A value from `ledger_meta`, or `nil`.
    public func metaValue(_ key: String) throws -> String? {
        try database.scalarText("SELECT value FROM ledger_meta WHERE key = ?", [key])
    }

    /// Marks the ledger as a demonstration (`cpf demo` replaces only such a ledger), with the
    /// scenario it holds; recorded as a fact like any setting.
    public func markAsDemonstration(scenario: String) throws {
        try TextRules.checkCode(scenario, named: "scenario")
        try write { try database.execute("INSERT INTO ledger_meta (key, value) VALUES ('demo_scenario', ?)", [scenario]) }
    }

    // MARK: Files

    static func fileExists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    static func removeFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }

    /// A version 4 UUID from the system's secure random source (RFC 9562 §5.4).
    static func randomUUID() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.hexString
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }
}

extension Ledger {
    /// Writes a consistent copy of the ledger to a new file with SQLite's online backup, while
    /// other connections may go on writing.
    ///
    /// - Throws: `LedgerError.ledgerExists` when something is already at `path`.
    public func backup(to path: String) throws {
        guard access(path, F_OK) != 0 else {
            throw LedgerError(.ledgerExists, LocalizedText("\(path) already exists", "\(path) đã tồn tại"), hint: LocalizedText("choose a new file name; a backup never overwrites", "hãy chọn tên tệp mới; bản sao lưu không bao giờ ghi đè"))
        }
        try database.backup(to: path)
    }
}
