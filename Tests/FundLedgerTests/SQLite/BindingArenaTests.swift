import Testing
@testable import FundLedger

/// Values bound from a `BindingArena` reach the rows as bound: across chunk boundaries, for
/// a value larger than a chunk, for empty text, and after the arena is reset and reused.
@Suite struct BindingArenaTests {
    @Test func valuesBoundFromTheArenaAreWrittenAsGiven() throws {
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        try database.execute("CREATE TABLE t (n INTEGER, a TEXT, b TEXT, c BLOB)")
        let insert = try database.prepare("INSERT INTO t VALUES (?1, ?2, ?3, ?4), (?5, ?6, ?7, ?8)")
        // Chunks of 16 bytes: most pairs of values straddle a chunk; some values exceed one.
        let arena = BindingArena(chunkByteCount: 16)
        var expected: [String] = []
        for round in 0..<50 {
            insert.clearBindings()
            arena.reset()
            for row in 0..<2 {
                let number = round * 2 + row
                let short = "v\(number)"
                let long = String(repeating: "Quỹ-\(number)-", count: number % 7)   // "" when number % 7 == 0
                let blob = (0..<(number % 40)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ number) }
                let first = Int32(row * 4 + 1)
                try insert.bind(Int64(number), at: first)
                try arena.bind(short, to: insert, at: first + 1)
                try arena.bind(long, to: insert, at: first + 2)
                try arena.bind(blob: blob, to: insert, at: first + 3)
                expected.append("\(number)|\(short)|\(long)|\(blob.map(String.init).joined(separator: ","))")
            }
            try insert.execute()
        }
        insert.clearBindings()
        let written = try database.rows("SELECT n, a, b, c, typeof(b) FROM t ORDER BY n") { row -> String in
            #expect(row.text(at: 4) == "text")
            return "\(row.int64(at: 0))|\(row.text(at: 1))|\(row.text(at: 2))|\(row.blob(at: 3).map(String.init).joined(separator: ","))"
        }
        #expect(written == expected)
        #expect(written.count == 100)
    }
}
