/// A key a `TotalsTable` files by a word of its own.
protocol TableKey: Hashable {
    /// The key's fields mixed by `hashing`: equal keys give equal words.
    func tableHash(_ hashing: TableHashing) -> UInt64
}

/// Random words, drawn once per process, that key `TotalsTable`'s hashing, as Swift's
/// `Hasher` is seeded per process: a ledger file is input, and a file written to make many
/// keys collide must not make `verify` quadratic. A table keeps a copy, so a lookup reads no
/// global.
struct TableHashing: Sendable {
    private let seeds: (UInt64, UInt64, UInt64, UInt64)

    static let process = TableHashing(seeds: (.random(in: .min ... .max), .random(in: .min ... .max),
                                              .random(in: .min ... .max), .random(in: .min ... .max)))

    /// Two words folded into one by a full-width multiply (the "mum" step of wyhash): every
    /// bit of the result depends on every bit of both words, and without the seeds no one can
    /// choose keys that collide.
    @inline(__always)
    func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = (a ^ seeds.0).multipliedFullWidth(by: b ^ seeds.1)
        return product.high ^ product.low
    }

    /// Four words, as two mixes mixed again.
    @inline(__always)
    func mix(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> UInt64 {
        let product = (c ^ seeds.2).multipliedFullWidth(by: d ^ seeds.3)
        return mix(mix(a, b), product.high ^ product.low)
    }

    /// A short text's bytes as a word (a code such as a currency's); a longer text folds in
    /// eight bytes at a time.
    @inline(__always)
    func word(_ text: String) -> UInt64 {
        var word: UInt64 = 0
        var shift: UInt64 = 0
        for byte in text.utf8 {
            if shift == 64 {
                word = mix(word, 0x9E37_79B9_7F4A_7C15)
                shift = 0
            }
            word ^= UInt64(byte) << shift
            shift += 8
        }
        return word
    }
}

/// Totals by key, gathered line by line (`BalanceAccumulator`): an open-addressing table
/// with linear probing over dense arrays of keys and values, in the order they were first
/// added.
///
/// It replaces `Dictionary` where a line costs three lookups: a key here is hashed once by a
/// multiply (`TableHashing`) instead of SipHash, and an entry keeps its place while others are
/// added, so `add` can note where a total lies and write it back later. Entries are never
/// removed one by one, only all at once.
struct TotalsTable<Key: TableKey, Value>: Sequence {
    /// Every key with its value, in the order first added: a key and its value share a
    /// cache line, which a lookup then an update touch once.
    private var entries: [(key: Key, value: Value)] = []
    /// For each slot, the index of its entry in `keys`, or -1; twice as many slots as
    /// entries at least, a power of two.
    private var slots: [Int32] = []
    /// 64 minus log2 of the slot count: a hash's top bits pick its first slot.
    private var shift: UInt64 = 64
    private let hashing = TableHashing.process

    init() {}

    var count: Int { entries.count }
    var isEmpty: Bool { entries.isEmpty }
    /// Every key, in the order first added.
    var keys: [Key] { entries.map(\.key) }

    /// Room for `count` entries without growing.
    mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
        if count * 2 > slots.count { rehash(slotCount: count * 2) }
    }

    /// Where `key`'s entry is (an index into `keys` and `values`), or `nil`.
    func index(of key: Key) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key.tableHash(hashing) >> shift)
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if entries[entry].key == key { return entry }
            slot = (slot + 1) & mask
        }
    }

    subscript(key: Key) -> Value? {
        index(of: key).map { entries[$0].value }
    }

    /// The value of the entry at `index` (from `index(of:)` or `insert`).
    subscript(entry index: Int) -> Value {
        get { entries[index].value }
        set { entries[index].value = newValue }
    }

    /// Adds `key`, which the table does not hold, with `value`; returns its entry's index.
    @discardableResult
    mutating func insert(_ key: Key, _ value: Value) -> Int {
        if (entries.count + 1) * 2 > slots.count { rehash(slotCount: Swift.max(16, (entries.count + 1) * 2)) }
        let entry = entries.count
        entries.append((key, value))
        place(entry, hash: key.tableHash(hashing))
        return entry
    }

    /// Changes `key`'s value in place, starting from `defaultValue` when it is new.
    @discardableResult
    mutating func update<R>(_ key: Key, default defaultValue: @autoclosure () -> Value, _ change: (inout Value) -> R) -> R {
        let entry = index(of: key) ?? insert(key, defaultValue())
        return change(&entries[entry].value)
    }

    mutating func removeAll(keepingCapacity: Bool = false) {
        entries.removeAll(keepingCapacity: keepingCapacity)
        if keepingCapacity {
            for index in slots.indices { slots[index] = -1 }
        } else {
            slots = []
            shift = 64
        }
    }

    /// The entries in the order first added.
    func makeIterator() -> IndexingIterator<[(key: Key, value: Value)]> { entries.makeIterator() }

    var underestimatedCount: Int { entries.count }

    /// The same entries as a dictionary.
    var dictionary: [Key: Value] {
        Dictionary(uniqueKeysWithValues: entries.lazy.map { ($0.key, $0.value) })
    }

    private mutating func rehash(slotCount: Int) {
        var size = 16
        while size < slotCount { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        for entry in entries.indices { place(entry, hash: entries[entry].key.tableHash(hashing)) }
    }

    private mutating func place(_ entry: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash >> shift)
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(truncatingIfNeeded: entry)
    }
}

extension TotalsTable: Equatable where Value: Equatable {
    /// The same keys with the same values, in any order.
    static func == (lhs: TotalsTable, rhs: TotalsTable) -> Bool {
        lhs.count == rhs.count && lhs.entries.allSatisfy { rhs[$0.key] == $0.value }
    }
}
