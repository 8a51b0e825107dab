import LedgerSchema

/// Applies the numbered schema files in `ledger-schema/`, each in its own transaction, and
/// records each one in `schema_migration` with the SHA-256 of the SQL that ran.
///
/// A table derived from the journal that SQL cannot compute (the goods lots' uses, first in
/// first out, migration 014) is filled by Swift code in the same transaction as its migration
/// (`fills`), so a book is never left with the table and without its rows.
struct Migrator {
    let migrations: [LedgerSchema.Migration]
    /// What fills a new table for the books already written, by migration version.
    static let fills: [Int: @Sendable (Database) throws -> Void] = [14: { try GoodsUses.fill($0) }]

    init(migrations: [LedgerSchema.Migration] = LedgerSchema.migrations) {
        precondition(migrations.enumerated().allSatisfy { $0.offset + 1 == $0.element.version },
                     "migrations are numbered 1, 2, 3, … without gaps")
        self.migrations = migrations
    }

    /// The newest schema version this binary knows.
    var latestVersion: Int { migrations.count }

    /// The version recorded in the file; 0 for a file with no migrations.
    func appliedVersion(of database: Database) throws -> Int {
        let exists = try database.scalarInt64(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migration'") ?? 0
        guard exists > 0 else { return 0 }
        return Int(try database.scalarInt64("SELECT coalesce(max(version), 0) FROM schema_migration") ?? 0)
    }

    /// Brings the file up to `latestVersion`; returns whether any migration ran.
    ///
    /// - Throws: `LedgerError.schemaTooNew` when the file was written by a newer `cpf`;
    ///   `SQLiteError` when a migration fails (that migration is rolled back).
    @discardableResult
    func migrate(_ database: Database, at timestamp: Timestamp, named path: String? = nil) throws -> Bool {
        let applied = try appliedVersion(of: database)
        guard applied <= latestVersion else {
            throw LedgerError(.schemaTooNew, LocalizedText("the ledger \(database.path) has schema version \(applied); this cpf knows versions up to \(latestVersion)", "sổ \(database.path) có lược đồ phiên bản \(applied); cpf này chỉ biết đến phiên bản \(latestVersion)"),
                              hint: LocalizedText("use a newer cpf to open this ledger", "hãy dùng cpf mới hơn để mở sổ này"))
        }
        for migration in migrations where migration.version > applied {
            do {
                try apply(migration, to: database, at: timestamp)
            } catch let error as SQLiteError where applied > 0 {
                // A ledger whose record says it lacks a migration its tables already have: the
                // record was changed outside cpf. Nothing was applied (the transaction rolled back).
                let file = path ?? database.path
                let why = error.primaryResultCode == 1 ? LocalizedText("they already have it", "các bảng đã có thay đổi đó") : LocalizedText("they are damaged", "các bảng đã hư hỏng")
                throw LedgerError(.notALedger, LocalizedText("the ledger \(file) records schema version \(applied), but migration \(migration.name) cannot be applied to its tables (\(why)): its schema record was changed outside cpf",
                                                             "sổ \(file) ghi lược đồ phiên bản \(applied), nhưng không áp dụng được bước nâng cấp \(migration.name) cho các bảng (\(why)): bản ghi lược đồ đã bị sửa ngoài cpf"),
                                  hint: LocalizedText("restore the ledger from a backup (\(action: .backup)); nothing was changed", "hãy khôi phục sổ từ bản sao lưu (\(action: .backup)); chưa có gì bị thay đổi"))
            }
        }
        return applied < latestVersion
    }

    /// Applies one migration in its own transaction and records it.
    private func apply(_ migration: LedgerSchema.Migration, to database: Database, at timestamp: Timestamp) throws {
        try database.writeTransaction {
            try database.execute("""
                CREATE TABLE IF NOT EXISTS schema_migration (
                    version     INTEGER PRIMARY KEY,
                    name        TEXT NOT NULL,
                    sha256      TEXT NOT NULL,
                    applied_at  TEXT NOT NULL
                ) STRICT
                """)
            try database.execute(migration.sql)
            try Migrator.fills[migration.version]?(database)
            try database.execute("INSERT INTO schema_migration (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)",
                                 [migration.version, migration.name, SHA256.hash(Array(migration.sql.utf8)).hexString, timestamp.iso])
            // A ledger whose facts are chained records what the migration changed (its own row
            // here, at least) as the next fact record, as every write transaction does; one
            // without records yet records every fact once migrated (`recordEveryFactIfNoneRecorded`).
            if try database.scalarInt64("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'fact_record'") == 1,
               try database.scalarInt64("SELECT EXISTS (SELECT 1 FROM fact_record)") == 1 {
                try Ledger(database: database).recordFacts()
            }
        }
    }
}
