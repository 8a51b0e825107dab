import FundLedger

/// Plants a value STRICT never lets in, as a forger with the sqlite3 shell can: STRICT taken
/// out of the table's SQL (`PRAGMA writable_schema`), the value written by a connection that
/// reads the schema afresh (foreign keys off, the table's triggers dropped and put back), the SQL put back.
/// The schema then reads exactly as cpf wrote it; only the stored value's type tells.
///
/// - Returns: how many rows `sql` changed.
@discardableResult
public func plantValueOfAnotherType(path: String, table: String, sql: String) throws -> Int64 {
    struct NotStrict: Error { let table: String }
    let original: String
    do {
        let database = try Database(path: path)
        guard let text = try database.scalarText("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", [table]), text.contains(") STRICT") else {
            throw NotStrict(table: table)
        }
        original = text
        try database.execute("PRAGMA writable_schema = ON")
        try database.execute("UPDATE sqlite_schema SET sql = replace(replace(sql, ') STRICT, WITHOUT ROWID', ') WITHOUT ROWID'), ') STRICT', ')') WHERE type = 'table' AND name = ?", [table])
    }
    let changed: Int64
    do {
        let database = try Database(path: path)
        try database.execute("PRAGMA foreign_keys = OFF")
        let triggers = try database.rows("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?", [table]) { ($0.text(at: 0), $0.text(at: 1)) }
        for (name, _) in triggers { try database.execute("DROP TRIGGER \"\(name)\"") }
        try database.execute(sql)
        changed = try database.scalarInt64("SELECT changes()") ?? 0
        for (_, trigger) in triggers { try database.execute(trigger) }
    }
    let database = try Database(path: path)
    try database.execute("PRAGMA writable_schema = ON")
    try database.execute("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?", [original, table])
    return changed
}
