#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An SQLite database file read page by page, as the file format describes it
/// (https://www.sqlite.org/fileformat2.html), for `verify`'s fastest reading of the journal
/// (`BTreeWalk`, `FileRows`).
///
/// It reads what is in the file and nothing else: pages committed to a `-wal` file and not
/// yet copied back are not seen, so `FileRows.open` uses it only when the `-wal` file is
/// empty or absent while a read transaction holds the file still.
final class DatabaseFile {
    /// Something in the file is not as the format says: the caller reads through SQLite.
    struct Unreadable: Error {}

    let pageSize: Int
    /// The page size less the bytes reserved at the end of each page.
    let usableSize: Int
    let pageCount: Int
    private let descriptor: Int32
    /// Pages are read `chunkPages` at a time: a table's pages mostly lie in runs.
    private var chunk: [UInt8]
    private var chunkFirst = -1
    private var chunkCount = 0
    private static let chunkPages = 32

    init(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Unreadable() }
        self.descriptor = descriptor
        var header = [UInt8](repeating: 0, count: 100)
        var status = stat()
        guard fstat(descriptor, &status) == 0,
              header.withUnsafeMutableBytes({ pread(descriptor, $0.baseAddress, 100, 0) }) == 100,
              Array(header[0..<16]) == Array("SQLite format 3\0".utf8) else {
            close(descriptor)
            throw Unreadable()
        }
        let size = Int(header[16]) << 8 | Int(header[17])
        pageSize = size == 1 ? 65_536 : size
        usableSize = pageSize - Int(header[20])
        // Text encoding 1 is UTF-8; the page size is a power of two from 512.
        let encoding = Int(header[56]) << 24 | Int(header[57]) << 16 | Int(header[58]) << 8 | Int(header[59])
        guard pageSize >= 512, pageSize & (pageSize - 1) == 0, usableSize >= 480, encoding == 1 else {
            close(descriptor)
            throw Unreadable()
        }
        pageCount = Int(status.st_size) / pageSize
        chunk = [UInt8](repeating: 0, count: pageSize * DatabaseFile.chunkPages)
    }

    deinit { close(descriptor) }

    /// Copies page `number` (from 1) into `buffer`, which has `pageSize` bytes.
    func read(page number: Int, into buffer: UnsafeMutableRawBufferPointer) throws {
        guard number >= 1, number <= pageCount else { throw Unreadable() }
        if number < chunkFirst || number >= chunkFirst + chunkCount {
            let first = (number - 1) / DatabaseFile.chunkPages * DatabaseFile.chunkPages + 1
            let count = Swift.min(DatabaseFile.chunkPages, pageCount - first + 1)
            let wanted = count * pageSize
            let got = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, wanted, off_t(first - 1) * off_t(pageSize)) }
            guard got == wanted else { throw Unreadable() }
            (chunkFirst, chunkCount) = (first, count)
        }
        let start = (number - chunkFirst) * pageSize
        chunk.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + start, byteCount: pageSize)
        }
    }
}

/// Reading the file format's integers.
enum FileFormat {
    /// A big-endian unsigned integer of `count` bytes at `offset`.
    @inline(__always)
    static func bigEndian(_ bytes: UnsafeRawBufferPointer, _ offset: Int, _ count: Int) -> Int {
        var value = 0
        for index in offset..<(offset + count) { value = value << 8 | Int(bytes[index]) }
        return value
    }

    /// The variable-length integer at `offset` (1 to 9 bytes, big-endian, 7 bits a byte but
    /// the ninth's 8) and its length; `nil` when it runs past `end`.
    @inline(__always)
    static func varint(_ bytes: UnsafeRawBufferPointer, _ offset: Int, end: Int) -> (value: Int64, length: Int)? {
        var value: UInt64 = 0
        for index in 0..<9 {
            guard offset + index < end else { return nil }
            let byte = UInt64(bytes[offset + index])
            if index == 8 { return (Int64(bitPattern: value << 8 | byte), 9) }
            value = value << 7 | (byte & 0x7F)
            if byte < 0x80 { return (Int64(bitPattern: value), index + 1) }
        }
        return nil
    }
}
