import Foundation
@testable import FundLedger
import Testing
import TestSupport

/// A tamper trial for every table and every column of a ledger, done as an attacker with the
/// file and the sqlite3 shell would: foreign keys off, the table's triggers dropped, one row
/// changed, deleted or copied under a new key, the triggers put back. Each change SQLite
/// accepts must be found by `verify`, by `verify --at SEQ --digest` against the digest
/// published before, or by `audit`. The tables are read from the schema at run time, so a
/// table added later is tried too, and must be classified as chained, fact, derived or chain.
@Suite(.serialized, .tags(.heavy), TestRun.heavy) struct EveryTableTamperTests {
    /// Every kind of fact the ledger can hold, made through cpf.
    static let fixture: Result<(path: String, digest: String, headSeq: Int64, directory: TemporaryDirectory), Error> = Result {
        let ledger = try CLILedger()
        let steps: [[String]] = [
            ["funder", "add", "AIA", "--name", "AIA Việt Nam", "--kind", "company"],
            ["funder", "add", "KFW", "--name", "Kinderhilfe", "--kind", "ngo", "--currency", "USD", "--country", "DE"],
            ["unit", "add", "TN", "--name", "Tỉnh Tây Ninh", "--level", "province"],
            ["unit", "add", "TB", "--name", "Xã Tân Biên", "--level", "commune", "--parent", "TN"],
            ["unit", "add", "LA", "--name", "Tỉnh Long An", "--level", "province"],
            ["item", "add", "bicycle", "--name-vi", "Xe đạp", "--name-en", "Bicycle", "--unit", "chiếc"],
            ["grant", "add", "KFW-2018", "--funder", "KFW", "--amount", "10000.00 USD", "--programs", "scholarship,house", "--units", "TN,TB",
             "--from", "2018-01-01", "--to", "2019-12-31", "--tranche", "2018-03-01:4000.00", "--tranche", "2019-03-01:6000.00", "--designated"],
            ["grant", "allocate", "KFW-2018", "--program", "scholarship", "--unit", "TN", "--amount", "5000.00 USD"],
            ["grant", "allocate", "KFW-2018", "--program", "house", "--amount", "5000.00 USD"],
            ["rate", "set", "USD", "2018-03-01", "23000", "--source", "VCB"],
            ["receive", "--date", "2018-03-02", "--funder", "KFW", "--grant", "KFW-2018", "--amount", "4000.00 USD", "--ref", "PT-01"],
            ["receive", "--date", "2018-03-05", "--funder", "AIA", "--amount", "300000000 VND", "--ref", "PT-02"],
            ["receive", "--date", "2018-03-06", "--funder", "AIA", "--in-kind", "--item", "bicycle", "--quantity", "10",
             "--unit-value", "1500000 VND", "--basis", "invoice", "--ref", "PT-03"],
            ["disburse", "--date", "2018-04-01", "--grant", "KFW-2018", "--program", "scholarship", "--unit", "TN", "--amount", "1000.00 USD",
             "--children", "10", "--beneficiaries", "TN-0001,TN-0002,TN-0003", "--ref", "PC-01"],
            ["disburse", "--date", "2018-04-02", "--program", "bicycle", "--unit", "TB", "--in-kind", "bicycle", "--quantity", "4", "--children", "4",
             "--ref", "PC-02"],
            ["post", "--date", "2018-04-03", "--memo", "Rút tiền", "--ref", "PC-04", "--debit", "1111 5000000 VND", "--credit", "1121 5000000 VND"],
            ["post", "--date", "2018-04-03", "--memo", "Văn phòng phẩm", "--ref", "PC-03", "--debit", "6428 2000000 VND", "--credit", "1111 2000000 VND"],
            ["reverse", "7", "--reason", "sai số tiền", "--date", "2018-04-04"],
            ["plan", "set", "--year", "2018", "--amount", "100000000 VND", "--program", "scholarship"],
            ["settings", "set", "management-cap-percent", "8"],
            ["settings", "set", "approval-threshold", "50000000 VND"],
            ["post", "--date", "2018-04-10", "--memo", "Lớn", "--ref", "PC-05", "--debit", "1111 60000000 VND", "--credit", "1121 60000000 VND"],
            ["post", "--date", "2018-04-11", "--memo", "Lớn nữa", "--ref", "PC-06", "--debit", "1111 70000000 VND", "--credit", "1121 70000000 VND"],
            ["period", "close", "2018-03"],
            ["account", "add", "6429", "--name-vi", "Chi khác", "--name-en", "Other", "--type", "expense", "--parent", "642"],
            ["account", "close", "6429", "--date", "2018-04-30"],
            ["unit", "merge", "LA", "--into", "TN", "--date", "2018-05-01"],
            ["fund", "add", "QBTTEVN", "--name", "Quỹ Bảo trợ trẻ em Việt Nam", "--level", "national", "--ledger-id", "national-ledger-id"],
            ["fund", "add", "LA", "--name", "Quỹ BTTE tỉnh Long An", "--level", "province", "--parent", "QBTTEVN", "--ledger-id", "long-an-ledger-id"],
            ["transfer", "send", "--to", "LA", "--date", "2018-04-12", "--ref", "CK-01", "--amount", "10000000 VND", "--notice", "ck-01.json"],
            ["transfer", "send", "--to", "LA", "--date", "2018-04-13", "--ref", "CK-02", "--amount", "55000000 VND", "--notice", "ck-02.json"],
        ]
        for step in steps { try ledger.mustRun(step) }
        try ledger.mustRun(["approve", "1", "--user", "giamdoc"])
        try ledger.mustRun(["approve", "2", "--reject", "--reason", "không đủ chứng từ", "--user", "giamdoc"])
        let audit = try ledger.run(["audit"])
        guard audit.status == 0 else { throw CLISetupError(arguments: ["audit"], result: audit) }
        let digest = try #require(try ledger.run(["verify"]).standardOutput.headDigest)
        let headSeq = Int64(try ledger.journalJSON().count)
        return (ledger.path, digest, headSeq, ledger.directory)
    }

    enum Outcome: String { case verify, digest, audit, refused, unchanged, undetected }

    struct Trial: CustomStringConvertible {
        let table: String
        let change: String
        var outcome = Outcome.undetected
        var description: String { "\(table): \(change) → \(outcome.rawValue)" }
    }

    /// Runs `sql` on a copy of the fixture as the attacker would, and asks who finds it.
    static func attempt(_ table: String, _ change: String, _ sql: String, _ arguments: [any DatabaseBindable] = []) throws -> Trial {
        let fixture = try fixture.get()
        var trial = Trial(table: table, change: change)
        let path = fixture.directory.file("trial.cpf")
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        do {
            var configuration = Database.Configuration()
            configuration.journalModeWAL = false
            let database = try Database(path: path, mode: .readWrite, configuration: configuration)
            try database.execute("PRAGMA foreign_keys = OFF")
            let triggers = try database.rows("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?", [table]) {
                ($0.text(at: 0), $0.text(at: 1))
            }
            for (name, _) in triggers { try database.execute("DROP TRIGGER \"\(name)\"") }
            do {
                try database.execute(sql, arguments)
            } catch {
                trial.outcome = .refused
                return trial
            }
            let changed = database.changes
            for (_, sql) in triggers { try database.execute(sql) }
            guard changed > 0 else {
                trial.outcome = .unchanged
                return trial
            }
        }
        // A ledger cpf refuses to open (a schema version it does not know) fails verify too.
        guard let ledger = try? Ledger.open(at: path, readOnly: true) else { trial.outcome = .verify; return trial }
        if !(try ledger.verify().isIntact) { trial.outcome = .verify; return trial }
        let digest = ChainDigest(seq: fixture.headSeq, hash: [UInt8](hexString: fixture.digest)!)
        if !(try ledger.verify(against: digest).isIntact) { trial.outcome = .digest; return trial }
        if try ledger.audit(year: nil).findings.contains(where: { $0.severity == .error }) { trial.outcome = .audit }
        return trial
    }

    /// Values of the same storage class, each different from `value`, for column `column`.
    static func altered(_ value: DatabaseValue, column: String) -> [DatabaseValue] {
        candidates(value).filter { $0 != value }
    }

    private static func candidates(_ value: DatabaseValue) -> [DatabaseValue] {
        switch value {
        case .integer(let number): return [.integer(number + 1), .integer(number - 1), .integer(number == 0 ? 1 : 0)]
        case .text(let text):
            var changed = text
            let last = changed.popLast()
            return [.text(changed + (last == "1" ? "2" : "1")), .text(text == "none" ? "1 VND" : text + "1"), .text(changed)]
        case .blob(let bytes): return [.blob(bytes.isEmpty ? [0] : [bytes[0] ^ 0xFF] + bytes.dropFirst())]
        case .null: return [.integer(1), .text("2018-01-01"), .text("x")]
        }
    }

    static func tables() throws -> [(name: String, columns: [String], key: [String])] {
        let fixture = try fixture.get()
        var configuration = Database.Configuration()
        configuration.journalModeWAL = false
        let database = try Database(path: fixture.path, mode: .readOnly, configuration: configuration)
        let names = try database.rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name") { $0.text(at: 0) }
        return try names.map { name in
            let columns = try database.rows("SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", [name]) { ($0.text(at: 0), $0.int(at: 1)) }
            return (name, columns.map(\.0), columns.filter { $0.1 > 0 }.sorted { $0.1 < $1.1 }.map(\.0))
        }
    }

    /// The first and last row of `table` (by its key), as values by column.
    static func sampleRows(_ table: String, columns: [String], key: [String]) throws -> [[DatabaseValue]] {
        let fixture = try fixture.get()
        var configuration = Database.Configuration()
        configuration.journalModeWAL = false
        let database = try Database(path: fixture.path, mode: .readOnly, configuration: configuration)
        let order = (key.isEmpty ? ["rowid"] : key).map { "\"\($0)\"" }.joined(separator: ", ")
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        var rows: [[DatabaseValue]] = []
        for direction in ["ASC", "DESC"] {
            let orderBy = order.split(separator: ",").map { "\($0) \(direction)" }.joined(separator: ",")
            if let row = try database.firstRow("SELECT \(list) FROM \"\(table)\" ORDER BY \(orderBy) LIMIT 1", [], { statement in
                (0..<columns.count).map { statement.value(at: Int32($0)) }
            }), !rows.contains(row) { rows.append(row) }
        }
        return rows
    }

    static func condition(_ columns: [String], _ row: [DatabaseValue]) -> (String, [any DatabaseBindable]) {
        (columns.map { "\"\($0)\" IS ?" }.joined(separator: " AND "), row.map { $0 as any DatabaseBindable })
    }

    @Test func everyTableIsChainedCheckedOrRecomputed() throws {
        let classified = Set(FactChain.tables.map(\.name) + FactChain.journalTables + FactChain.derivedTables + FactChain.chainTables)
        let names = try EveryTableTamperTests.tables().map(\.name)
        #expect(Set(names).subtracting(["schema_migration"]).isSubset(of: classified.union(["schema_migration"])))
        for name in names { #expect(classified.contains(name), "table \(name) is neither chained, a fact, derived nor the fact chain's") }
        #expect(FactChain.tables.count + FactChain.journalTables.count + FactChain.derivedTables.count + FactChain.chainTables.count == classified.count,
                "no table is in two classes")
    }

    @Test func everyChangeToEveryTableIsFound() throws {
        var trials: [Trial] = []
        for table in try EveryTableTamperTests.tables() {
            let rows = try EveryTableTamperTests.sampleRows(table.name, columns: table.columns, key: table.key)
            let whole = table.columns
            for row in rows {
                let (whereRow, rowValues) = EveryTableTamperTests.condition(whole, row)
                for (index, column) in table.columns.enumerated() {
                    var trial = Trial(table: table.name, change: "\(column) changed")
                    for value in EveryTableTamperTests.altered(row[index], column: column) {
                        trial = try EveryTableTamperTests.attempt(table.name, "\(column) changed from \(row[index]) to \(value)",
                                                                   "UPDATE \"\(table.name)\" SET \"\(column)\" = ? WHERE \(whereRow)", [value] + rowValues)
                        if trial.outcome != .refused { break }
                    }
                    trials.append(trial)
                }
                trials.append(try EveryTableTamperTests.attempt(table.name, "a row deleted", "DELETE FROM \"\(table.name)\" WHERE \(whereRow)", rowValues))
            }
            if rows.isEmpty, table.name == "fact_touch" {
                // Empty between transactions: a row left in it is a change cpf did not record.
                trials.append(try EveryTableTamperTests.attempt(table.name, "a row added", "INSERT INTO fact_touch VALUES ('funder', 1, NULL, NULL)"))
            }
            if let row = rows.first, let keyColumn = table.key.last ?? table.columns.first, let keyIndex = table.columns.firstIndex(of: keyColumn) {
                let list = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
                for value in EveryTableTamperTests.altered(row[keyIndex], column: keyColumn) + [.integer(999_999)] {
                    let placeholders = table.columns.indices.map { "?\($0 + 1)" }.joined(separator: ", ")
                    var values = row
                    values[keyIndex] = value
                    let trial = try EveryTableTamperTests.attempt(table.name, "a row copied as \(keyColumn) = \(value)",
                                                                 "INSERT INTO \"\(table.name)\" (\(list)) VALUES (\(placeholders))", values.map { $0 as any DatabaseBindable })
                    if trial.outcome != .refused { trials.append(trial); break }
                }
            }
        }
        var summary: [String: [Outcome: Int]] = [:]
        for trial in trials { summary[trial.table, default: [:]][trial.outcome, default: 0] += 1 }
        let lines = summary.keys.sorted().map { table in
            let counts = summary[table]!
            return "\(table): " + [Outcome.verify, .digest, .audit, .refused, .unchanged, .undetected].map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", ")
        }
        print("Tamper trials (\(trials.count)):\n" + lines.joined(separator: "\n"))
        print(trials.filter { $0.outcome == .digest || $0.outcome == .audit }.map(\.description).joined(separator: "\n"))
        let undetected = trials.filter { $0.outcome == .undetected }
        #expect(undetected.isEmpty, "undetected:\n\(undetected.map(\.description).joined(separator: "\n"))")
        let accepted = trials.filter { [.verify, .digest, .audit].contains($0.outcome) }.count
        #expect(accepted > 300, "the trials changed \(accepted) rows")
        #expect(Set(trials.map(\.table)).count == (try EveryTableTamperTests.tables().count))
    }
}
