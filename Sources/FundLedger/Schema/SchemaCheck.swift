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
    static func differences(in database: Database) throws -> [String] {
        let expected = try SchemaCheck.expected.get()
        let actual = try objects(of: database)
        var findings: [String] = []
        let expectedByName = Dictionary(expected.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let actualByName = Dictionary(actual.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for object in expected.subtracting(actual).sorted() {
            findings.append(actualByName[object.name] == nil
                ? "the schema lacks the \(object.type) \(object.name) (of \(object.table)): it was dropped outside cpf"
                : "the \(object.type) \(object.name) (of \(object.table)) differs from the one cpf created: it was altered outside cpf")
        }
        for object in actual.subtracting(expected).sorted() where expectedByName[object.name] == nil {
            findings.append("the schema has a \(object.type) \(object.name) (of \(object.table)) that cpf never created")
        }
        findings += try migrationDifferences(in: database)
        return findings
    }

    /// The recorded migrations that are not the embedded ones.
    private static func migrationDifferences(in database: Database) throws -> [String] {
        var recorded: [Int: (name: String, sha256: String)] = [:]
        try database.forEachRow("SELECT version, name, sha256 FROM schema_migration") { row in
            recorded[row.int(at: 0)] = (row.text(at: 1), row.text(at: 2))
        }
        var findings: [String] = []
        for migration in LedgerSchema.migrations {
            let digest = SHA256.hash(Array(migration.sql.utf8)).hexString
            guard let entry = recorded.removeValue(forKey: migration.version) else {
                findings.append("migration \(migration.name) is not recorded as applied")
                continue
            }
            if entry.name != migration.name || entry.sha256 != digest {
                findings.append("migration \(migration.version) is recorded as \(entry.name) with SHA-256 \(entry.sha256), not \(migration.name) with \(digest)")
            }
        }
        for version in recorded.keys.sorted() { findings.append("migration \(version) is recorded but this cpf has no such migration") }
        return findings
    }
}

extension Ledger {
    /// Adds the schema's differences from the embedded migrations to `report`.
    func verifySchema(into report: inout VerificationReport) throws {
        for finding in try SchemaCheck.differences(in: database) { report.add(nil, finding) }
    }
}
