/// Writes a ZIP archive (PKWARE's APPNOTE.TXT, version 6.3.10) entry by entry, streaming:
/// an entry's bytes go to the file as they come, and memory holds a buffer, whatever the
/// entries' sizes.
///
///     let zip = try ZIPWriter(path: "book.xlsx", modifiedAt: .now())
///     try zip.beginEntry("xl/workbook.xml")
///     try zip.write(bytes)              // as many times as needed
///     try zip.endEntry()
///     try zip.finish()                  // the central directory; the file gets its name
///
/// Entries are STORED (method 0): SpreadsheetML compresses well, but no deflate is written here
/// (the package takes no dependency, and zlib is not part of the toolchain). Each local header
/// is written with a zero CRC and sizes, then patched once the entry's bytes are written, so
/// no data descriptor follows the data (APPNOTE 4.3.9) and any reader can walk the archive
/// from the front. Names are UTF-8, with general purpose flag bit 11 set (APPNOTE 4.4.4,
/// appendix D). No ZIP64: an entry, or the archive, of 4 GiB or more is refused with an error
/// instead of being written wrongly.
///
/// Until `finish()` the archive is a temporary file beside `path`; if the writer is released
/// unfinished (after a thrown error), the temporary file is removed and nothing is left.
public final class ZIPWriter {
    /// The largest size or offset a ZIP without ZIP64 can hold: 0xFFFFFFFF itself means "see
    /// the ZIP64 record" (APPNOTE 4.4.8, 4.4.9), so it is one less.
    public static let byteCountMax: UInt64 = 0xFFFF_FFFE
    /// The largest number of entries without ZIP64 (0xFFFF means "see the ZIP64 record").
    public static let entryCountMax = 0xFFFE

    private struct Entry {
        let name: [UInt8]
        let headerOffset: UInt64
        var crc: UInt32 = 0
        var size: UInt64 = 0
    }

    private let file: StagedOutputFile
    private let time: UInt16
    private let date: UInt16
    private var entries: [Entry] = []
    /// The entry being written, and its running checksum.
    private var current: Entry?
    private var crc = CRC32()
    private var finished = false
    /// `byteCountMax`, smaller in tests, which cannot write 4 GiB to show the refusal.
    private let byteCountLimit: UInt64

    /// Starts an archive to be named `path` when finished.
    ///
    /// - Parameter modifiedAt: the time every entry is stamped with, as a wall-clock time:
    ///   ZIP's MS-DOS date and time name no zone, so the caller shifts the timestamp to the
    ///   reader's zone first. Times before 1980 or after 2107 are stamped 1980-01-01 00:00.
    /// - Throws: `LedgerError.invalidInput` when the file cannot be created.
    public convenience init(path: String, modifiedAt: Timestamp) throws {
        try self.init(path: path, modifiedAt: modifiedAt, byteCountLimit: ZIPWriter.byteCountMax)
    }

    init(path: String, modifiedAt: Timestamp, byteCountLimit: UInt64) throws {
        precondition(byteCountLimit <= ZIPWriter.byteCountMax)
        self.byteCountLimit = byteCountLimit
        file = try StagedOutputFile(path: path)
        (date, time) = ZIPWriter.dosDateTime(modifiedAt)
    }

    /// The MS-DOS date and time of a wall-clock time (APPNOTE 4.4.6): the date as
    /// `(year - 1980) << 9 | month << 5 | day`, the time as `hour << 11 | minute << 5 | second / 2`.
    static func dosDateTime(_ time: Timestamp) -> (date: UInt16, time: UInt16) {
        let day = time.date
        guard (1980...2107).contains(day.year) else { return (1 << 5 | 1, 0) }
        let millisecondsOfDay = time.millisecondsSinceEpoch - floorDivide(time.millisecondsSinceEpoch, 86_400_000) * 86_400_000
        let seconds = Int(millisecondsOfDay / 1000)
        let date = UInt16(day.year - 1980) << 9 | UInt16(day.month) << 5 | UInt16(day.day)
        let clock = UInt16(seconds / 3600) << 11 | UInt16(seconds / 60 % 60) << 5 | UInt16(seconds % 60 / 2)
        return (date, clock)
    }

    /// Starts an entry: writes its local header. The previous entry must be ended.
    ///
    /// - Parameter name: the entry's path in the archive, with `/` between folders.
    /// - Throws: `LedgerError.overflow` past `entryCountMax` entries or 4 GiB.
    public func beginEntry(_ name: String) throws {
        precondition(current == nil && !finished, "beginEntry while an entry is open or after finish")
        let nameBytes = Array(name.utf8)
        precondition(!nameBytes.isEmpty && nameBytes.count <= 0xFFFF, "a ZIP entry name has 1 to 65,535 bytes")
        guard entries.count < ZIPWriter.entryCountMax else { throw ZIPWriter.tooLarge(entries: true, file.path) }
        guard file.offset <= byteCountLimit else { throw ZIPWriter.tooLarge(entries: false, file.path) }
        current = Entry(name: nameBytes, headerOffset: file.offset)
        crc = CRC32()
        try file.write(localHeader(current!))
    }

    /// Appends bytes to the current entry.
    ///
    /// - Throws: `LedgerError.overflow` when the entry or the archive would reach 4 GiB;
    ///   `LedgerError.invalidInput` when the file cannot be written.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        precondition(current != nil, "write outside an entry")
        let size = current!.size + UInt64(bytes.count)
        guard size <= byteCountLimit, file.offset + UInt64(bytes.count) <= byteCountLimit else {
            throw ZIPWriter.tooLarge(entries: false, file.path)
        }
        crc.update(bytes)
        try file.write(bytes)
        current!.size = size
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Ends the current entry: patches its CRC-32 and sizes into its local header.
    public func endEntry() throws {
        precondition(current != nil, "endEntry outside an entry")
        var entry = current!
        entry.crc = crc.value
        current = nil
        // CRC-32, compressed size, uncompressed size: 14 bytes into the local header.
        var patch = LittleEndianBytes()
        patch.uint32(entry.crc)
        patch.uint32(UInt32(entry.size))
        patch.uint32(UInt32(entry.size))
        try file.overwrite(at: entry.headerOffset + 14, with: patch.bytes)
        entries.append(entry)
    }

    /// Writes an entry whole.
    public func addEntry(_ name: String, _ text: String) throws {
        try beginEntry(name)
        try write(text)
        try endEntry()
    }

    /// Writes the central directory and the end record, and gives the file its name.
    ///
    /// - Throws: `LedgerError.overflow` when the directory would end past 4 GiB.
    public func finish() throws {
        precondition(current == nil && !finished, "finish while an entry is open, or twice")
        let directoryOffset = file.offset
        var directory = LittleEndianBytes()
        for entry in entries { centralHeader(entry, into: &directory) }
        let directorySize = directory.bytes.count
        guard directoryOffset + UInt64(directorySize) + 22 <= byteCountLimit else {
            throw ZIPWriter.tooLarge(entries: false, file.path)
        }
        // End of central directory record (APPNOTE 4.3.16).
        directory.uint32(0x0605_4B50)
        directory.uint16(0)                               // number of this disk
        directory.uint16(0)                               // disk where the directory starts
        directory.uint16(UInt16(entries.count))           // entries on this disk
        directory.uint16(UInt16(entries.count))           // entries in all
        directory.uint32(UInt32(directorySize))
        directory.uint32(UInt32(directoryOffset))
        directory.uint16(0)                               // comment length
        try file.write(directory.bytes)
        try file.commit()
        finished = true
    }

    /// Version 2.0 (20): what a reader needs for stored entries and UTF-8 names; made by
    /// UNIX (3 << 8), so readers apply the external attributes' permissions.
    private static let versionNeeded: UInt16 = 20
    private static let versionMadeBy: UInt16 = 3 << 8 | 63
    /// General purpose bit 11: the name is UTF-8.
    private static let utf8Flag: UInt16 = 1 << 11

    /// The local file header (APPNOTE 4.3.7), CRC and sizes zero until `endEntry` patches them.
    private func localHeader(_ entry: Entry) -> [UInt8] {
        var header = LittleEndianBytes()
        header.uint32(0x0403_4B50)
        header.uint16(ZIPWriter.versionNeeded)
        header.uint16(ZIPWriter.utf8Flag)
        header.uint16(0)                                  // method: stored
        header.uint16(time)
        header.uint16(date)
        header.uint32(0)                                  // CRC-32, patched
        header.uint32(0)                                  // compressed size, patched
        header.uint32(0)                                  // uncompressed size, patched
        header.uint16(UInt16(entry.name.count))
        header.uint16(0)                                  // extra field length
        header.bytes += entry.name
        return header.bytes
    }

    /// The central directory header of an entry (APPNOTE 4.3.12).
    private func centralHeader(_ entry: Entry, into directory: inout LittleEndianBytes) {
        directory.uint32(0x0201_4B50)
        directory.uint16(ZIPWriter.versionMadeBy)
        directory.uint16(ZIPWriter.versionNeeded)
        directory.uint16(ZIPWriter.utf8Flag)
        directory.uint16(0)                               // method: stored
        directory.uint16(time)
        directory.uint16(date)
        directory.uint32(entry.crc)
        directory.uint32(UInt32(entry.size))
        directory.uint32(UInt32(entry.size))
        directory.uint16(UInt16(entry.name.count))
        directory.uint16(0)                               // extra field length
        directory.uint16(0)                               // comment length
        directory.uint16(0)                               // disk number
        directory.uint16(0)                               // internal attributes
        directory.uint32(0o100644 << 16)                  // external attributes: a regular file, rw-r--r--
        directory.uint32(UInt32(entry.headerOffset))
        directory.bytes += entry.name
    }

    private static func tooLarge(entries: Bool, _ path: String) -> LedgerError {
        entries
            ? LedgerError(.overflow, LocalizedText("\(path) would hold more than \(count: Int64(entryCountMax)) parts, more than a ZIP file without ZIP64 can",
                                                   "\(path) sẽ có hơn \(count: Int64(entryCountMax)) phần, quá mức tệp ZIP không có ZIP64 chứa được"),
                          hint: LocalizedText("export fewer tables at once", "xuất ít bảng hơn mỗi lần"))
            : LedgerError(.overflow, LocalizedText("\(path) would reach 4 GiB, more than a ZIP file without ZIP64 (and so this workbook) can hold",
                                                   "\(path) sẽ đạt 4 GiB, quá mức tệp ZIP không có ZIP64 (nên cả bảng tính này) chứa được"),
                          hint: LocalizedText("export a shorter period, or use the CSV export, which has no size limit",
                                              "xuất một kỳ ngắn hơn, hoặc dùng kết xuất CSV, không giới hạn dung lượng"))
    }
}

/// Little-endian integers into bytes, as every ZIP field is written (APPNOTE 4.4.1.1).
struct LittleEndianBytes {
    var bytes: [UInt8] = []

    mutating func uint16(_ value: UInt16) {
        bytes.append(UInt8(value & 0xFF))
        bytes.append(UInt8(value >> 8))
    }

    mutating func uint32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
