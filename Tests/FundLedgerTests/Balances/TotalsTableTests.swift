import Testing
@testable import FundLedger

/// `TotalsTable` (Sources/FundLedger/Balances/TotalsTable.swift) is held to `Dictionary`: the
/// same values after random inserts and updates, for keys that spread and for keys that all
/// hash alike (every lookup then probes the whole run); entry indexes stay put while others
/// are added; emptying keeps it usable; equality ignores order.
@Suite struct TotalsTableTests {
    struct Spread: TableKey {
        let a: Int64, b: Int32
        func tableHash(_ hashing: TableHashing) -> UInt64 { hashing.mix(UInt64(bitPattern: a), UInt64(UInt32(bitPattern: b))) }
    }

    /// Every key hashes alike: only equality tells them apart.
    struct Colliding: TableKey {
        let id: Int
        func tableHash(_ hashing: TableHashing) -> UInt64 { 42 }
    }

    static func check<Key: TableKey>(_ makeKey: (Int) -> Key, keySpace: Int, operations: Int) {
        var table = TotalsTable<Key, Int64>()
        var reference: [Key: Int64] = [:]
        var indexes: [Key: Int] = [:]
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for step in 0..<operations {
            let key = makeKey(next() % keySpace)
            let amount = Int64(next() % 1_000) - 500
            if step % 3 == 0 {
                table.update(key, default: 0) { $0 += amount }
            } else if let index = table.index(of: key) {
                table[entry: index] += amount
            } else {
                indexes[key] = table.insert(key, amount)
            }
            reference[key, default: 0] += amount
            if step % 97 == 0 {
                // Indexes handed out earlier still name their keys.
                let keys = table.keys
                #expect(indexes.allSatisfy { keys[$0.value] == $0.key })
            }
        }
        #expect(table.count == reference.count)
        #expect(table.dictionary == reference)
        for (key, value) in reference { #expect(table[key] == value) }
        #expect(table[makeKey(keySpace + 1)] == nil)
        // The same entries added in another order make an equal table.
        var reversed = TotalsTable<Key, Int64>()
        for (key, value) in table.reversed() { reversed.insert(key, value) }
        #expect(reversed == table)
        reversed.update(makeKey(keySpace + 1), default: 0) { $0 += 1 }
        #expect(reversed != table)
        table.removeAll(keepingCapacity: true)
        #expect(table.isEmpty && table[makeKey(0)] == nil)
        table.insert(makeKey(3), 9)
        #expect(table[makeKey(3)] == 9 && table.count == 1)
    }

    @Test func spreadKeysAgreeWithADictionary() {
        TotalsTableTests.check({ Spread(a: Int64($0 / 7) - 1_000, b: Int32($0 % 7)) }, keySpace: 20_000, operations: 60_000)
    }

    @Test func keysThatAllCollideAgreeWithADictionary() {
        TotalsTableTests.check({ Colliding(id: $0) }, keySpace: 300, operations: 3_000)
    }
}
