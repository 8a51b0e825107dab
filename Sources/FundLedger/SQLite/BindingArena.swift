/// Memory for the text and blob parameters of a statement about to run, which SQLite then
/// binds without copying (`Statement.bind(unownedText:count:at:)`). Bound the usual way
/// (`SQLITE_TRANSIENT`), SQLite allocates, copies and later frees every value: for an
/// import's multi-row inserts that was a `malloc` and a `free` for each of several values of
/// every row, on the inserter's thread.
///
/// Values are copied one after another into chunks that never move, so a pointer stays valid
/// until `reset()`. The owner resets only after the statements that point into the arena
/// have run, and clears their bindings (`Statement.clearBindings()`) before binding them
/// again or releasing the arena.
final class BindingArena {
    private var chunks: [UnsafeMutableRawBufferPointer] = []
    /// The chunk being filled, and how much of it is used.
    private var current = 0
    private var used = 0
    private let chunkByteCount: Int

    init(chunkByteCount: Int = 64 * 1024) {
        self.chunkByteCount = chunkByteCount
    }

    deinit {
        for chunk in chunks { chunk.deallocate() }
    }

    /// Forgets every value copied; their memory is reused.
    func reset() {
        current = 0
        used = 0
    }

    /// `count` bytes of room that stays where it is until `reset()`.
    private func room(_ count: Int) -> UnsafeMutableRawPointer {
        while true {
            if current == chunks.count {
                chunks.append(.allocate(byteCount: max(chunkByteCount, count), alignment: 8))
            }
            if chunks[current].count - used >= count {
                defer { used += count }
                return chunks[current].baseAddress! + used
            }
            // The rest of this chunk stays unused until the next reset. A value larger than
            // the next chunk gets a chunk of its own, put in that chunk's place.
            current += 1
            used = 0
            if current < chunks.count && chunks[current].count < count {
                chunks[current].deallocate()
                chunks[current] = .allocate(byteCount: count, alignment: 8)
            }
        }
    }

    /// Binds `bytes` as text at `index`.
    func bindText(_ bytes: UnsafeRawBufferPointer, to statement: Statement, at index: Int32) throws {
        let at = room(max(bytes.count, 1))
        if let base = bytes.baseAddress { at.copyMemory(from: base, byteCount: bytes.count) }
        try statement.bind(unownedText: at, count: bytes.count, at: index)
    }

    /// Binds `text`'s UTF-8 bytes at `index`.
    func bind(_ text: String, to statement: Statement, at index: Int32) throws {
        if let bound = try text.utf8.withContiguousStorageIfAvailable({ try bindText(UnsafeRawBufferPointer($0), to: statement, at: index) }) {
            return bound
        }
        var copy = text
        try copy.withUTF8 { try bindText(UnsafeRawBufferPointer($0), to: statement, at: index) }
    }

    /// Binds `bytes` as a blob at `index`.
    func bind(blob bytes: [UInt8], to statement: Statement, at index: Int32) throws {
        let at = room(max(bytes.count, 1))
        try bytes.withUnsafeBytes { buffer in
            if let base = buffer.baseAddress { at.copyMemory(from: base, byteCount: buffer.count) }
            try statement.bind(unownedBlob: at, count: buffer.count, at: index)
        }
    }
}
