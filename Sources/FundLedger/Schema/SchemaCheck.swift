import LedgerSchema

/// What `verify` checks of the schema: that the tables, indexes, triggers and views are
/// exactly those the embedded migrations create, and that the migrations recorded in the file
/// are the embedded ones (by SHA-256). A trigger dropped and left dropped, an index or a view
/// added, a column's CHECK loosened: each is named.
struct SchemaCheck {
    /// One schema object: its kind, name, table and SQL text as SQLite keeps it.
    struct Object: Hashable, Comparable {
        let type: String
        let name: String
        let table: String
        let sql: String

        static func < (a: Object, b: Object) -> Bool { (a.type, a.name) < (b.type, b.name) }
    }

    /// The objects of the main schema of `database`.
    static func objects(of database: Database) throws -> Set<Object> {
        Set(try database.rows("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema") {
            Object(type: $0.text(at: 0), name: $0.text(at: 1), table: $0.text(at: 2), sql: $0.text(at: 3))
        })
    }

    /// The objects the embedded migrations create, from a database in memory (built once).
    static let expected: Result<Set<Object>, Error> = Result {
        let database = try Database(path: ":memory:", mode: .readWrite)
        try Migrator().migrate(database, at: Timestamp(millisecondsSinceEpoch: 0))
        return try objects(of: database)
    }

    /// The differences between `database`'s schema and the embedded one, as findings.
    static func differences(in database: Database) throws -> [LocalizedText] {
        let expected = try SchemaCheck.expected.get()
        let actual = try objects(of: database)
        var findings: [LocalizedText] = []
        let expectedByName = Dictionary(expected.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let actualByName = Dictionary(actual.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for object in expected.subtracting(actual).sorted() {
            findings.append(actualByName[object.name] == nil
                ? LocalizedText("the schema lacks the \(object.type) \(object.name) (of \(object.table)): it was dropped outside cpf",
                                "lược đồ thiếu \(object.type) \(object.name) (của \(object.table)): đã bị xóa ngoài cpf")
                : LocalizedText("the \(object.type) \(object.name) (of \(object.table)) differs from the one cpf created: it was altered outside cpf",
                                "\(object.type) \(object.name) (của \(object.table)) khác với bản cpf đã tạo: đã bị sửa ngoài cpf"))
        }
        for object in actual.subtracting(expected).sorted() where expectedByName[object.name] == nil {
            findings.append(LocalizedText("the schema has a \(object.type) \(object.name) (of \(object.table)) that cpf never created",
                                          "lược đồ có \(object.type) \(object.name) (của \(object.table)) mà cpf không hề tạo"))
        }
        findings += try migrationDifferences(in: database)
        return findings
    }

    /// The recorded migrations that are not the embedded ones.
    private static func migrationDifferences(in database: Database) throws -> [LocalizedText] {
        var recorded: [Int: (name: String, sha256: String)] = [:]
        try database.forEachRow("SELECT version, name, sha256 FROM schema_migration") { row in
            recorded[row.int(at: 0)] = (row.text(at: 1), row.text(at: 2))
        }
        var findings: [LocalizedText] = []
        for migration in LedgerSchema.migrations {
            let digest = SHA256.hash(Array(migration.sql.utf8)).hexString
            guard let entry = recorded.removeValue(forKey: migration.version) else {
                findings.append(LocalizedText("migration \(migration.name) is not recorded as applied", "bước nâng cấp \(migration.name) không được ghi là đã áp dụng"))
                continue
            }
            if entry.name != migration.name || entry.sha256 != digest {
                findings.append(LocalizedText("migration \(migration.version) is recorded as \(entry.name) with SHA-256 \(entry.sha256), not \(migration.name) with \(digest)",
                                              "bước nâng cấp \(migration.version) được ghi là \(entry.name) với SHA-256 \(entry.sha256), không phải \(migration.name) với \(digest)"))
            }
        }
        for version in recorded.keys.sorted() { findings.append(LocalizedText("migration \(version) is recorded but this cpf has no such migration", "bước nâng cấp \(version) được ghi nhưng cpf này không có")) }
        return findings
    }
}

extension Ledger {
    /// Adds the schema's differences from the embedded migrations to `report`.
    func verifySchema(into report: inout VerificationReport) throws {
        for finding in try SchemaCheck.differences(in: database) { report.add(nil, finding) }
    }
}
