import Foundation
import Testing
@testable import FundLedger
import LedgerGenerator
import TestSupport

/// `FileRows` and `BTreeWalk` (Sources/FundLedger/SQLite/FileFormat/) read a table from the
/// file's pages. Held to SQLite itself: every row and column of random tables — rowid and
/// WITHOUT ROWID, every page size, integers of every width, NULLs, texts and blobs long enough
/// to spill onto overflow pages, rows deleted in between — reads the same both ways. A file
/// damaged where the reader relies on it is refused (`DatabaseFile.Unreadable`), never read
/// differently; and a file with pages waiting in its `-wal` file is not read from its pages.
@Suite struct FileRowsTests {
    typealias Generator = RepeatableRandomNumberGenerator

    static let integers: [Int64] = [0, 1, -1, 127, -128, 32_767, -32_768, 8_388_607, -8_388_608, 2_147_483_647, -2_147_483_648,
                                    140_737_488_355_327, -140_737_488_355_328, .max, .min, 999_999_999_999_999]

    static func value(_ generator: inout Generator) -> DatabaseValue? {
        switch generator.below(5) {
        case 0: return nil
        case 1: return .integer(integers[generator.below(integers.count)])
        case 2: return .integer(Int64(bitPattern: generator.next()) >> generator.below(64))
        default: return .integer(Int64(generator.below(1000)))
        }
    }

    static func text(_ generator: inout Generator) -> String? {
        if generator.below(60) == 0 { return String(repeating: "Trẻ em ", count: 8_000 + generator.below(8_000)) }   // past a 64 KiB page
        switch generator.below(6) {
        case 0: return nil
        case 1: return ""
        case 2: return String(repeating: "Quỹ Bảo trợ trẻ em ", count: 1 + generator.below(300))   // up to ~7 KB: overflow pages
        default: return "Dòng \(generator.next())"
        }
    }

    static func blob(_ generator: inout Generator) -> [UInt8]? {
        generator.below(4) == 0 ? nil : (0..<generator.below(generator.below(3) == 0 ? 6_000 : 40)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    }

    /// Every row of `sql`'s result, one string per row, each value with its type.
    static func sqliteRows(_ database: Database, _ sql: String) throws -> [String] {
        try database.rows(sql) { row in
            (0..<row.columnCount).map { column in
                switch row.value(at: Int32(column)) {
                case .null: "null"
                case .integer(let value): "i\(value)"
                case .text(let value): "t\(value)"
                case .blob(let value): "b\(value.map(String.init).joined(separator: "."))"
                }
            }.joined(separator: "|")
        }
    }

    /// Every row read from the pages, in the same form.
    static func pageRows(_ rows: FileRows, types: [FileRows.ColumnType]) throws -> [String] {
        var result: [String] = []
        while try rows.step() {
            result.append(types.indices.map { index in
                let column = Int32(index)
                if types[index] != .rowid && rows.isNull(at: column) { return "null" }
                switch types[index] {
                case .integer, .rowid: return "i\(rows.int64(at: column))"
                case .text: return "t\(rows.text(at: column))"
                case .blob: return "b" + rows.withUnsafeBlobBytes(at: column) { Array($0) }.map(String.init).joined(separator: ".")
                }
            }.joined(separator: "|"))
        }
        return result
    }

    static func create(_ path: String, pageSize: Int, wal: Bool = false) throws -> Database {
        var configuration = Database.Configuration()
        configuration.journalModeWAL = false
        configuration.synchronousFull = false
        let database = try Database(path: path, mode: .readWriteCreate, configuration: configuration)
        try database.execute("PRAGMA page_size = \(pageSize)")
        if wal { try database.execute("PRAGMA journal_mode = WAL") }
        try database.execute("""
            CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT, c BLOB, d INTEGER) STRICT;
            CREATE TABLE w (k INTEGER NOT NULL, n INTEGER NOT NULL, v TEXT, x INTEGER, y BLOB, PRIMARY KEY (k, n)) STRICT, WITHOUT ROWID;
            """)
        return database
    }

    static let rowidTypes: [FileRows.ColumnType] = [.rowid, .integer, .text, .blob, .integer]
    static let indexTypes: [FileRows.ColumnType] = [.integer, .integer, .text, .integer, .blob]

    /// Fills both tables with `count` random rows in random order, then deletes some.
    static func fill(_ database: Database, count: Int, seed: UInt64) throws {
        var generator = Generator(seed: seed)
        let insertT = try database.prepare("INSERT INTO t VALUES (?1, ?2, ?3, ?4, ?5)")
        let insertW = try database.prepare("INSERT OR IGNORE INTO w VALUES (?1, ?2, ?3, ?4, ?5)")
        try database.execute("BEGIN")
        var ids = Array(1...count).map(Int64.init)
        for index in ids.indices.reversed() { ids.swapAt(index, generator.below(index + 1)) }
        for id in ids {
            insertT.clearBindings()
            try insertT.bind(id * 3 - Int64(count), at: 1)
            if let value = value(&generator), case .integer(let number) = value { try insertT.bind(number, at: 2) }
            if let text = text(&generator) { try insertT.bind(text, at: 3) }
            if let blob = blob(&generator) { try insertT.bind(blob: blob, at: 4) }
            if let value = value(&generator), case .integer(let number) = value { try insertT.bind(number, at: 5) }
            try insertT.execute()
            insertW.clearBindings()
            try insertW.bind(Int64(bitPattern: generator.next()) >> generator.below(64), at: 1)
            try insertW.bind(id, at: 2)
            if let text = text(&generator) { try insertW.bind(text, at: 3) }
            if let value = value(&generator), case .integer(let number) = value { try insertW.bind(number, at: 4) }
            if let blob = blob(&generator) { try insertW.bind(blob: blob, at: 5) }
            try insertW.execute()
        }
        try database.execute("DELETE FROM t WHERE id % 7 = 3; DELETE FROM w WHERE n % 5 = 1; COMMIT")
    }

    @Test(arguments: [512, 1024, 4096, 65_536])
    func everyRowReadFromThePagesIsTheRowSQLiteReads(pageSize: Int) throws {
        let directory = TemporaryDirectory()
        let database = try FileRowsTests.create(directory.file("t.db"), pageSize: pageSize)
        try FileRowsTests.fill(database, count: pageSize == 65_536 ? 3_000 : 1_200, seed: UInt64(pageSize))
        try database.readTransaction {
            #expect(try database.scalarInt64("PRAGMA page_count")! > (pageSize == 65_536 ? 10 : 100))
            let rowid = try #require(try FileRows.open(database, table: "t", kind: .table, types: FileRowsTests.rowidTypes))
            let expected = try FileRowsTests.sqliteRows(database, "SELECT id, a, b, c, d FROM t ORDER BY id")
            #expect(expected.count > 1_000)
            #expect(try FileRowsTests.pageRows(rowid, types: FileRowsTests.rowidTypes) == expected)

            let index = try #require(try FileRows.open(database, table: "w", kind: .index, types: FileRowsTests.indexTypes))
            let expectedIndex = try FileRowsTests.sqliteRows(database, "SELECT k, n, v, x, y FROM w ORDER BY k, n")
            #expect(try FileRowsTests.pageRows(index, types: FileRowsTests.indexTypes) == expectedIndex)
        }
        // The books had what the reader must handle: long values on overflow pages.
        #expect(try database.scalarInt64("SELECT count(*) FROM t WHERE length(b) > \(pageSize)")! > 0)
    }

    @Test func aColumnAddedLaterReadsAsNullInOlderRows() throws {
        let directory = TemporaryDirectory()
        let database = try FileRowsTests.create(directory.file("t.db"), pageSize: 1024)
        try database.execute("INSERT INTO t VALUES (1, 5, 'a', NULL, 7); ALTER TABLE t ADD COLUMN e INTEGER; INSERT INTO t VALUES (2, 6, 'b', NULL, 8, 9)")
        let types = FileRowsTests.rowidTypes + [.integer]
        try database.readTransaction {
            let rows = try #require(try FileRows.open(database, table: "t", kind: .table, types: types, optionalTrailingColumns: 1))
            #expect(try FileRowsTests.pageRows(rows, types: types) == ["i1|i5|ta|null|i7|null", "i2|i6|tb|null|i8|i9"])
            // Without leave to lack it, the older row is refused.
            let strict = try #require(try FileRows.open(database, table: "t", kind: .table, types: types))
            #expect(throws: DatabaseFile.Unreadable.self) { _ = try strict.step() }
        }
    }

    @Test func aValueOfAnotherTypeIsRefused() throws {
        let directory = TemporaryDirectory()
        let database = try FileRowsTests.create(directory.file("t.db"), pageSize: 1024)
        try database.execute("CREATE TABLE loose (id INTEGER PRIMARY KEY, a INTEGER); INSERT INTO loose VALUES (1, 2), (2, 2.5)")
        try database.readTransaction {
            let rows = try #require(try FileRows.open(database, table: "loose", kind: .table, types: [.rowid, .integer]))
            #expect(try rows.step())
            #expect(rows.int64(at: 1) == 2)
            #expect(throws: DatabaseFile.Unreadable.self) { _ = try rows.step() }
        }
    }

    @Test func pagesWaitingInTheWALAreNotReadFromTheFile() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("t.db")
        let database = try FileRowsTests.create(path, pageSize: 4096, wal: true)
        try FileRowsTests.fill(database, count: 50, seed: 1)
        let whileWaiting = try database.readTransaction {
            try FileRows.open(database, table: "t", kind: .table, types: FileRowsTests.rowidTypes)
        }
        #expect(whileWaiting == nil)
        try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try database.readTransaction {
            let rows = try #require(try FileRows.open(database, table: "t", kind: .table, types: FileRowsTests.rowidTypes))
            #expect(try FileRowsTests.pageRows(rows, types: FileRowsTests.rowidTypes) == FileRowsTests.sqliteRows(database, "SELECT id, a, b, c, d FROM t ORDER BY id"))
        }
    }

    /// Damages a closed file where the reader relies on it, then reads table `t` from the pages:
    /// the reading must be refused.
    static func readDamaged(pageSize: Int, rows: [String], damage: (inout [UInt8], _ root: Int, _ pageSize: Int) -> Void) throws -> Bool {
        let directory = TemporaryDirectory()
        let path = directory.file("t.db")
        var root = 0
        do {
            let database = try FileRowsTests.create(path, pageSize: pageSize)
            for row in rows { try database.execute("INSERT INTO t (id, b) VALUES (\(row))") }
            root = Int(try database.scalarInt64("SELECT rootpage FROM sqlite_schema WHERE name = 't'")!)
        }
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        damage(&bytes, root, pageSize)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let database = try Database(path: path, mode: .readOnly)
        return try database.readTransaction {
            _ = try database.scalarInt64("SELECT count(*) FROM sqlite_schema")
            guard let rows = try FileRows.open(database, table: "t", kind: .table, types: FileRowsTests.rowidTypes) else { return true }
            do {
                while try rows.step() { _ = rows.text(at: 2) }
                return false
            } catch is DatabaseFile.Unreadable {
                return true
            }
        }
    }

    static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        (offset..<(offset + count)).reduce(0) { $0 << 8 | Int(bytes[$1]) }
    }

    @Test func aFileDamagedWhereTheReaderReliesOnItIsRefused() throws {
        let small = ["1, 'a'", "2, 'b'", "3, 'c'"]
        // A page type no b-tree has.
        let badType = try FileRowsTests.readDamaged(pageSize: 512, rows: small) { bytes, root, size in bytes[(root - 1) * size] = 7 }
        #expect(badType)
        // A cell pointer past the page.
        let badPointer = try FileRowsTests.readDamaged(pageSize: 512, rows: small) { bytes, root, size in
            bytes[(root - 1) * size + 8] = 0xFF
            bytes[(root - 1) * size + 9] = 0xF0
        }
        #expect(badPointer)
        // An overflow chain that ends early, or runs past the file.
        let long = ["1, '\(String(repeating: "x", count: 3_000))'"]
        for next: [UInt8] in [[0, 0, 0, 0], [0x7F, 0xFF, 0xFF, 0xFF]] {
            let badChain = try FileRowsTests.readDamaged(pageSize: 512, rows: long) { bytes, root, size in
                // The one row spills onto the pages after both tables' roots; the first of them
                // points on to the next.
                let firstOverflow = root + 2
                bytes.replaceSubrange(((firstOverflow - 1) * size)..<((firstOverflow - 1) * size + 4), with: next)
            }
            #expect(badChain, "next overflow page \(next)")
        }
        // An interior key lower than the rowids it leads to (left undamaged, and so read, if
        // the root is not an interior page).
        let many = (1...200).map { "\($0), 'row \($0) \(String(repeating: "y", count: 40))'" }
        let badKey = try FileRowsTests.readDamaged(pageSize: 512, rows: many) { bytes, root, size in
            let page = (root - 1) * size
            guard bytes[page] == 5 else { return }
            let cell = FileRowsTests.bigEndian(bytes, page + 12, 2)
            bytes[page + cell + 4] = 1  // the first key, a one-byte varint, becomes 1
        }
        #expect(badKey)
        // Undamaged, the same files read.
        let intactMany = try FileRowsTests.readDamaged(pageSize: 512, rows: many) { _, _, _ in }
        let intactLong = try FileRowsTests.readDamaged(pageSize: 512, rows: long) { _, _, _ in }
        #expect(!intactMany && !intactLong)
    }
}
