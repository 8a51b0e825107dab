#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Rows read one at a time and column by column, as `Statement` reads them: through SQLite, or
/// from the file's pages (`FileRows`).
protocol RowCursor: AnyObject {
    func step() throws -> Bool
    func isNull(at index: Int32) -> Bool
    func int64(at index: Int32) -> Int64
    func int(at index: Int32) -> Int
    func optionalInt64(at index: Int32) -> Int64?
    func text(at index: Int32) -> String
    func optionalText(at index: Int32) -> String?
    func withUnsafeTextBytes<R>(at index: Int32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R
    func withUnsafeBlobBytes<R>(at index: Int32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R
    /// Whether every column holds NULL or a value of its type in `types`, as a STRICT table
    /// declares them: the accessors above would read another type as some value of theirs.
    func holdsDeclaredTypes(_ types: [FileRows.ColumnType]) -> Bool
}

extension Statement: RowCursor {
    func holdsDeclaredTypes(_ types: [FileRows.ColumnType]) -> Bool {
        for (index, type) in types.enumerated() {
            switch (storageClass(at: Int32(index)), type) {
            case (.integer, .rowid), (.integer, .integer), (.null, .integer), (.text, .text), (.null, .text), (.blob, .blob), (.null, .blob): continue
            default: return false
            }
        }
        return true
    }
}

/// The rows of one table read from the file's pages (`BTreeWalk`) instead of through SQLite,
/// with the accessors of `Statement`, so that `ChainScan` reads either the same way.
///
/// Each row's columns must have the types the table's STRICT declaration allows
/// (`ColumnType`), else `step()` throws: SQLite would convert such a value where this
/// reader would not, so only a row SQLite itself would return unchanged is returned here.
final class FileRows: RowCursor {
    /// What a column may hold: NULL always, and values of one storage class.
    enum ColumnType {
        case integer, text, blob
        /// The rowid, which a rowid table stores as NULL in its record (`INTEGER PRIMARY KEY`).
        case rowid
    }

    /// Everything that changes from row to row, behind a pointer: a class's stored `var`s
    /// would cost an exclusivity check on every column read.
    private struct State {
        var walk: BTreeWalk
    }

    private let state: UnsafeMutablePointer<State>
    /// For the current row, each column's serial type and where its value starts in the payload.
    private let serialTypes: UnsafeMutablePointer<Int64>
    private let offsets: UnsafeMutablePointer<Int>
    private let types: [ColumnType]
    /// Columns a record written before a later `ALTER TABLE … ADD COLUMN` may lack; they read
    /// as NULL, their declared default.
    private let optionalTrailingColumns: Int

    /// The table `table`'s rows, when the file can be read directly: `nil` when pages may be
    /// waiting in a `-wal` file, or the file is not as the format says.
    ///
    /// - Precondition: a read transaction is open on `database` and has read from the file, so
    ///   no checkpoint can change the file under this reading.
    static func open(_ database: Database, table: String, kind: BTreeWalk.Kind, types: [ColumnType], optionalTrailingColumns: Int = 0) throws -> FileRows? {
        guard !database.path.isEmpty, database.path != ":memory:" else { return nil }
        var status = stat()
        if stat(database.path + "-wal", &status) == 0, status.st_size > 0 { return nil }
        guard let root = try database.scalarInt64("SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = ?1", [table]) else { return nil }
        do {
            let file = try DatabaseFile(path: database.path)
            return FileRows(walk: try BTreeWalk(file: file, rootPage: Int(root), kind: kind), types: types, optionalTrailingColumns: optionalTrailingColumns)
        } catch is DatabaseFile.Unreadable {
            return nil
        }
    }

    private init(walk: BTreeWalk, types: [ColumnType], optionalTrailingColumns: Int) {
        state = .allocate(capacity: 1)
        state.initialize(to: State(walk: walk))
        serialTypes = .allocate(capacity: types.count)
        serialTypes.initialize(repeating: 0, count: types.count)
        offsets = .allocate(capacity: types.count)
        offsets.initialize(repeating: 0, count: types.count)
        self.types = types
        self.optionalTrailingColumns = optionalTrailingColumns
    }

    deinit {
        state.pointee.walk.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
        serialTypes.deallocate()
        offsets.deallocate()
    }

    func step() throws -> Bool {
        guard try state.pointee.walk.next() else { return false }
        try decodeRecord()
        return true
    }

    /// Reads the record's header: every serial type, checked against `types`, and where each
    /// value lies.
    private func decodeRecord() throws {
        let payload = state.pointee.walk.payload
        guard let header = FileFormat.varint(payload, 0, end: payload.count), header.value >= 1, header.value <= payload.count else { throw DatabaseFile.Unreadable() }
        let headerEnd = Int(header.value)
        var position = header.length
        var valueOffset = headerEnd
        var column = 0
        while position < headerEnd {
            guard column < types.count, let serial = FileFormat.varint(payload, position, end: headerEnd) else { throw DatabaseFile.Unreadable() }
            position += serial.length
            let type = serial.value
            let length: Int
            switch type {
            case 0, 8, 9: length = 0
            case 1...4: length = Int(type)
            case 5: length = 6
            case 6: length = 8
            case 12...: length = Int((type - 12) / 2)
            default: throw DatabaseFile.Unreadable() // a float, or a reserved type
            }
            let allowed = switch types[column] {
            case .rowid: type == 0
            case .integer: type <= 6 || type == 8 || type == 9
            case .text: type == 0 || (type >= 13 && type & 1 == 1)
            case .blob: type == 0 || (type >= 12 && type & 1 == 0)
            }
            guard allowed else { throw DatabaseFile.Unreadable() }
            serialTypes[column] = type
            offsets[column] = valueOffset
            valueOffset += length
            column += 1
        }
        guard valueOffset <= payload.count, column >= types.count - optionalTrailingColumns else { throw DatabaseFile.Unreadable() }
        for missing in column..<types.count {
            serialTypes[missing] = 0
            offsets[missing] = valueOffset
        }
    }

    func isNull(at index: Int32) -> Bool {
        types[Int(index)] != .rowid && serialTypes[Int(index)] == 0
    }

    /// Always: `step()` refuses a row whose values are not of the types this reader was given.
    func holdsDeclaredTypes(_ types: [ColumnType]) -> Bool { true }

    func int64(at index: Int32) -> Int64 {
        let column = Int(index)
        if types[column] == .rowid { return state.pointee.walk.rowid }
        let type = serialTypes[column]
        let start = offsets[column]
        switch type {
        case 8: return 0
        case 9: return 1
        case 1...6:
            let count = type == 5 ? 6 : type == 6 ? 8 : Int(type)
            let bytes = state.pointee.walk.payload
            var value = Int64(Int8(bitPattern: bytes[start]))
            for position in (start + 1)..<(start + count) { value = value << 8 | Int64(bytes[position]) }
            return value
        default: return 0
        }
    }

    func int(at index: Int32) -> Int { Int(int64(at: index)) }

    func optionalInt64(at index: Int32) -> Int64? {
        isNull(at: index) ? nil : int64(at: index)
    }

    func withUnsafeTextBytes<R>(at index: Int32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(bytes(at: Int(index)))
    }

    func withUnsafeBlobBytes<R>(at index: Int32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(bytes(at: Int(index)))
    }

    func text(at index: Int32) -> String {
        String(decoding: bytes(at: Int(index)), as: UTF8.self)
    }

    func optionalText(at index: Int32) -> String? {
        isNull(at: index) ? nil : text(at: index)
    }

    /// A text's or blob's bytes; none for NULL.
    private func bytes(at column: Int) -> UnsafeRawBufferPointer {
        let type = serialTypes[column]
        guard type >= 12 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let start = offsets[column]
        return UnsafeRawBufferPointer(rebasing: state.pointee.walk.payload[start..<(start + Int((type - 12) / 2))])
    }
}
