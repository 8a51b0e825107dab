/// One b-tree of a `DatabaseFile` walked in key order, one cell at a time: the rows of a rowid
/// table (`table`), or the entries of an index or a WITHOUT ROWID table (`index`), whose
/// interior pages hold entries too.
///
/// The walk checks what it relies on and throws `DatabaseFile.Unreadable` otherwise: page
/// types, cell offsets, overflow chains, the depth, and, for a rowid table, that every rowid
/// lies between the keys that lead to its page and exceeds the one before. (An index's order
/// is the reader's to check: `ChainScan` requires its keys to rise.) It never guesses: a file
/// it cannot vouch for is read through SQLite instead.
///
/// A value type, so that the rows' reader (`FileRows`) keeps it behind a pointer and its
/// hot loop pays no exclusivity checks; the owner calls `deallocate()` once.
struct BTreeWalk {
    enum Kind { case table, index }

    private struct Frame {
        let isLeaf: Bool
        /// Where the page's header starts: 100 on page 1, after the file header.
        let header: Int
        let cellCount: Int
        /// The next cell to visit.
        var cell = 0
        /// Whether the child left of `cell` (or the right-most child) has been walked.
        var descended = false
        /// For a table: every rowid below this page is above `lower` and at most `upper`.
        var lower: Int64
        var upper: Int64
    }

    private let file: DatabaseFile
    private let kind: Kind
    private let pageSize: Int
    private var frames: [Frame] = []
    /// One page buffer for each depth, and one for a payload that spills onto overflow pages.
    private var pages: [UnsafeMutableRawBufferPointer] = []
    private var spill: UnsafeMutableRawBufferPointer
    private var pagesVisited = 0
    private var lastRowid = Int64.min
    private static let depthMax = 20

    /// The current cell's rowid (a table's) and payload; valid until `next()`.
    private(set) var rowid: Int64 = 0
    private(set) var payload = UnsafeRawBufferPointer(start: nil, count: 0)

    init(file: DatabaseFile, rootPage: Int, kind: Kind) throws {
        self.file = file
        self.kind = kind
        pageSize = file.pageSize
        spill = .allocate(byteCount: 0, alignment: 8)
        try push(page: rootPage, lower: .min, upper: .max)
    }

    /// Frees the page buffers; the walk is not used again.
    func deallocate() {
        for page in pages { page.deallocate() }
        spill.deallocate()
    }

    /// Moves to the next cell in key order; `false` after the last.
    mutating func next() throws -> Bool {
        while let depth = frames.indices.last {
            var frame = frames[depth]
            let page = UnsafeRawBufferPointer(pages[depth])
            if frame.isLeaf {
                guard frame.cell < frame.cellCount else {
                    frames.removeLast()
                    continue
                }
                frames[depth].cell += 1
                try readCell(frame.cell, of: frame, page: page, interior: false)
                if kind == .table {
                    guard rowid > frame.lower, rowid <= frame.upper, rowid > lastRowid else { throw DatabaseFile.Unreadable() }
                    lastRowid = rowid
                }
                return true
            }
            if !frame.descended {
                frames[depth].descended = true
                if frame.cell < frame.cellCount {
                    let cell = try cellOffset(frame.cell, of: frame, page: page)
                    let child = FileFormat.bigEndian(page, cell, 4)
                    let upper = kind == .table ? try tableKey(at: cell + 4, page: page) : .max
                    guard upper <= frame.upper, upper > frame.lower else { throw DatabaseFile.Unreadable() }
                    try push(page: child, lower: frame.lower, upper: upper)
                } else {
                    try push(page: FileFormat.bigEndian(page, frame.header + 8, 4), lower: frame.lower, upper: frame.upper)
                }
                continue
            }
            // Back from the child left of `cell`, or from the right-most child.
            guard frame.cell < frame.cellCount else {
                frames.removeLast()
                continue
            }
            frame.descended = false
            frame.cell += 1
            if kind == .table {
                // The next child's rowids lie above this cell's key.
                frame.lower = try tableKey(at: try cellOffset(frame.cell - 1, of: frame, page: page) + 4, page: page)
                frames[depth] = frame
                continue
            }
            frames[depth] = frame
            try readCell(frame.cell - 1, of: frame, page: page, interior: true)
            return true
        }
        return false
    }

    private mutating func push(page number: Int, lower: Int64, upper: Int64) throws {
        pagesVisited += 1
        let depth = frames.count
        guard depth < BTreeWalk.depthMax, pagesVisited <= file.pageCount else { throw DatabaseFile.Unreadable() }
        if pages.count == depth { pages.append(.allocate(byteCount: pageSize, alignment: 8)) }
        try file.read(page: number, into: pages[depth])
        let page = UnsafeRawBufferPointer(pages[depth])
        let header = number == 1 ? 100 : 0
        let isLeaf: Bool
        switch (page[header], kind) {
        case (13, .table), (10, .index): isLeaf = true
        case (5, .table), (2, .index): isLeaf = false
        default: throw DatabaseFile.Unreadable()
        }
        let cellCount = FileFormat.bigEndian(page, header + 3, 2)
        guard header + (isLeaf ? 8 : 12) + 2 * cellCount <= file.usableSize else { throw DatabaseFile.Unreadable() }
        frames.append(Frame(isLeaf: isLeaf, header: header, cellCount: cellCount, lower: lower, upper: upper))
    }

    private func cellOffset(_ index: Int, of frame: Frame, page: UnsafeRawBufferPointer) throws -> Int {
        let pointers = frame.header + (frame.isLeaf ? 8 : 12)
        let offset = FileFormat.bigEndian(page, pointers + 2 * index, 2)
        guard offset >= pointers + 2 * frame.cellCount, offset < file.usableSize else { throw DatabaseFile.Unreadable() }
        return offset
    }

    /// A table interior cell's key, after its child pointer.
    private func tableKey(at offset: Int, page: UnsafeRawBufferPointer) throws -> Int64 {
        guard let key = FileFormat.varint(page, offset, end: file.usableSize) else { throw DatabaseFile.Unreadable() }
        return key.value
    }

    /// Sets `rowid` and `payload` from cell `index`.
    private mutating func readCell(_ index: Int, of frame: Frame, page: UnsafeRawBufferPointer, interior: Bool) throws {
        var offset = try cellOffset(index, of: frame, page: page) + (interior ? 4 : 0)
        let end = file.usableSize
        guard let size = FileFormat.varint(page, offset, end: end), size.value >= 0, size.value <= 1 << 30 else { throw DatabaseFile.Unreadable() }
        offset += size.length
        if kind == .table {
            guard let key = FileFormat.varint(page, offset, end: end) else { throw DatabaseFile.Unreadable() }
            rowid = key.value
            offset += key.length
        }
        let total = Int(size.value)
        let local = localSize(total)
        guard offset + local + (local < total ? 4 : 0) <= end else { throw DatabaseFile.Unreadable() }
        guard local < total else {
            payload = UnsafeRawBufferPointer(rebasing: page[offset..<(offset + total)])
            return
        }
        try gather(total: total, local: UnsafeRawBufferPointer(rebasing: page[offset..<(offset + local)]),
                   firstOverflow: FileFormat.bigEndian(page, offset + local, 4))
    }

    /// How much of a payload of `total` bytes lies on the cell's own page.
    private func localSize(_ total: Int) -> Int {
        let usable = file.usableSize
        let most = kind == .table ? usable - 35 : (usable - 12) * 64 / 255 - 23
        guard total > most else { return total }
        let least = (usable - 12) * 32 / 255 - 23
        let spread = least + (total - least) % (usable - 4)
        return spread <= most ? spread : least
    }

    /// Copies a payload that spills onto overflow pages into `spill`.
    private mutating func gather(total: Int, local: UnsafeRawBufferPointer, firstOverflow: Int) throws {
        if spill.count < total {
            spill.deallocate()
            spill = .allocate(byteCount: total, alignment: 8)
        }
        spill.baseAddress!.copyMemory(from: local.baseAddress!, byteCount: local.count)
        var filled = local.count
        var next = firstOverflow
        let overflowPage = UnsafeMutableRawBufferPointer.allocate(byteCount: pageSize, alignment: 8)
        defer { overflowPage.deallocate() }
        var pagesLeft = file.pageCount
        while filled < total {
            pagesLeft -= 1
            guard next != 0, pagesLeft >= 0 else { throw DatabaseFile.Unreadable() }
            try file.read(page: next, into: overflowPage)
            let page = UnsafeRawBufferPointer(overflowPage)
            let count = Swift.min(total - filled, file.usableSize - 4)
            (spill.baseAddress! + filled).copyMemory(from: page.baseAddress! + 4, byteCount: count)
            filled += count
            next = FileFormat.bigEndian(page, 0, 4)
        }
        payload = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(spill)[0..<total])
    }
}
