#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a `CSVReader` gets its bytes: a file read in fixed-size chunks, or bytes in memory.
public protocol ByteSource {
    /// Fills `buffer` from the start and returns the count read; 0 at the end.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// Bytes already in memory.
public struct MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public init(_ text: String) { self.bytes = Array(text.utf8) }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
        offset += count
        return count
    }
}

/// A file opened for reading. Memory use is the reader's buffer, whatever the file's size.
public final class FileByteSource: ByteSource {
    private let descriptor: Int32
    public let path: String

    /// - Throws: `LedgerError.invalidInput` when the file cannot be opened.
    public init(path: String) throws {
        let descriptor = Glibc.open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw LedgerError(.invalidInput, LocalizedText("cannot open \(path): \(String(cString: strerror(errno)))", "không mở được \(path): \(String(cString: strerror(errno)))"),
                              hint: LocalizedText("check the file's path and permissions", "hãy kiểm tra đường dẫn và quyền truy cập tệp"))
        }
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// The file's size in bytes, or `nil` when it is not a regular file (a pipe).
    public var size: Int64? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(status.st_size)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw LedgerError(.invalidInput, LocalizedText("cannot read \(path): \(String(cString: strerror(errno)))", "không đọc được \(path): \(String(cString: strerror(errno)))"), hint: LocalizedText("check the file", "hãy kiểm tra tệp"))
        }
    }
}

/// One record of a CSV file.
public struct CSVRecord: Sendable, Equatable {
    public let fields: [String]
    /// The physical line (1-based) on which the record starts, counting the header.
    public let line: Int
}

/// A reader of RFC 4180 CSV (https://www.rfc-editor.org/rfc/rfc4180): comma-separated,
/// double-quoted fields with `""` for a quote, quoted fields may hold commas and line breaks;
/// records end with CRLF or LF; a UTF-8 byte-order mark at the start is skipped; empty lines
/// are skipped.
///
/// Anything malformed is an error naming the file, line and column: an unterminated quote,
/// a quote inside an unquoted field, text after a closing quote, invalid UTF-8, or a record
/// past the limits.
public final class CSVReader {
    /// Limits past which a file is refused instead of slowing down or exhausting memory.
    public struct Limits: Sendable {
        public var fieldCountMax = 256
        public var fieldByteCountMax = 64 * 1024
        public var recordByteCountMax = 1024 * 1024
        public init() {}
    }

    public let sourceName: String
    private var source: any ByteSource
    private let limits: Limits
    private let buffer: UnsafeMutableRawBufferPointer
    private var bufferCount = 0
    private var position = 0
    private var atEnd = false
    private var line = 1
    private var isFirstRead = true
    /// How many bytes of the source have been read so far (for progress lines).
    public private(set) var bytesRead: Int64 = 0
    /// The bytes of the field being read, kept from one field to the next.
    private var field: [UInt8] = []
    /// Whether every byte of the field so far is ASCII, which is valid UTF-8 as it is.
    private var fieldIsASCII = true
    /// The field count of the last record: the next is likely to have as many.
    private var lastFieldCount = 8
    /// Where the buffer's next line feed is, as last found by `plainRecord()`; `bufferCount`
    /// when there is none before the buffer's end, and -1 when not looked for since the
    /// last fill. Each byte is searched once, even in a file whose lines end in CR alone.
    private var nextLineFeed = -1

    public init(source: any ByteSource, sourceName: String, limits: Limits = Limits(), bufferByteCount: Int = 256 * 1024) {
        self.source = source
        self.sourceName = sourceName
        self.limits = limits
        // At least 3 bytes, so the byte-order mark fits in the first read.
        self.buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bufferByteCount, 3), alignment: 8)
    }

    deinit { buffer.deallocate() }

    private func fill() throws {
        position = 0
        nextLineFeed = -1
        bufferCount = try source.read(into: buffer)
        if isFirstRead {
            isFirstRead = false
            // A short first read (a pipe) may hold only part of the byte-order mark.
            while bufferCount > 0 && bufferCount < 3 {
                let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[bufferCount...]))
                if count == 0 { break }
                bufferCount += count
            }
            if bufferCount >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
        }
        bytesRead += Int64(bufferCount)
        if bufferCount == 0 { atEnd = true }
    }

    /// The next byte without consuming it, or `nil` at the end of the input.
    @inline(__always)
    private func peek() throws -> UInt8? {
        // A loop, not a test: a first read that is only the byte-order mark leaves nothing to peek.
        while position >= bufferCount {
            if atEnd { return nil }
            try fill()
        }
        return buffer[position]
    }

    private func error(_ message: LocalizedText, line: Int? = nil, column: Int,
                       hint: LocalizedText = LocalizedText("fix the file and run the command again", "hãy sửa tệp rồi chạy lại lệnh")) -> LedgerError {
        let line = line ?? self.line
        return LedgerError(.invalidInput, LocalizedText("\(sourceName) line \(line), column \(column): \(message)", "\(sourceName) dòng \(line), cột \(column): \(message)"), hint: hint)
    }

    /// The next record, or `nil` at the end of the input.
    public func next() throws -> CSVRecord? {
        while true {
            guard let first = try peek() else { return nil }
            if first == 0x0A { position += 1; line += 1; continue }
            if first == 0x0D {
                position += 1
                if try peek() == 0x0A { position += 1 }
                line += 1
                continue
            }
            break
        }
        if let record = plainRecord() { return record }
        let startLine = line
        var fields: [String] = []
        fields.reserveCapacity(lastFieldCount)
        var recordByteCount = 0
        while true {
            field.removeAll(keepingCapacity: true)
            fieldIsASCII = true
            // Where the field starts: reading it may have passed the end of its line.
            let fieldLine = line
            let ended = try readField(column: fields.count + 1, recordByteCount: &recordByteCount)
            let text: String?
            if field.isEmpty {
                text = ""
            } else if fieldIsASCII {
                text = String(decoding: field, as: UTF8.self)
            } else {
                text = UTF8Text.string(field)
            }
            guard let text else {
                throw error(LocalizedText("the text is not valid UTF-8", "văn bản không phải UTF-8 hợp lệ"), line: fieldLine, column: fields.count + 1, hint: LocalizedText("save the file as UTF-8", "hãy lưu tệp dạng UTF-8"))
            }
            fields.append(text)
            if fields.count > limits.fieldCountMax {
                throw error(LocalizedText("more than \(limits.fieldCountMax) fields in one record", "một bản ghi có hơn \(limits.fieldCountMax) trường"), line: fieldLine, column: fields.count)
            }
            if ended {
                lastFieldCount = fields.count
                return CSVRecord(fields: fields, line: startLine)
            }
        }
    }

    /// The next record when it is the common case, read straight from the buffer: whole in
    /// the buffer up to its line feed, with no quote and no carriage return before the line's
    /// end, and within the limits. `nil` leaves the record, and anything wrong with it, to
    /// the byte-by-byte reading, which gives the same fields.
    private func plainRecord() -> CSVRecord? {
        let bytes = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: bufferCount)
        let start = position
        if nextLineFeed < start {
            let feed = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start)
            nextLineFeed = feed.map { bytes.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
        }
        guard nextLineFeed < bytes.count else { return nil }
        let lineEnd = nextLineFeed
        var end = lineEnd
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        // A carriage return first: it ends the record early, and is found near the start.
        guard end - start <= limits.recordByteCountMax,
              memchr(bytes.baseAddress! + start, 0x0D, end - start) == nil,
              memchr(bytes.baseAddress! + start, 0x22, end - start) == nil else { return nil }
        var fields: [String] = []
        fields.reserveCapacity(lastFieldCount)
        var offset = start
        while true {
            let fieldStart = offset
            var highBits: UInt8 = 0
            while offset < end {
                let byte = bytes[offset]
                if byte == 0x2C { break }
                highBits |= byte
                offset += 1
            }
            let count = offset - fieldStart
            guard count <= limits.fieldByteCountMax else { return nil }
            let text = UnsafeBufferPointer(rebasing: bytes[fieldStart..<offset])
            if count == 0 {
                fields.append("")
            } else if highBits & 0x80 == 0 {
                fields.append(String(decoding: text, as: UTF8.self))
            } else {
                guard let valid = UTF8Text.string(text) else { return nil }
                fields.append(valid)
            }
            guard fields.count <= limits.fieldCountMax else { return nil }
            if offset == end { break }
            offset += 1
        }
        position = lineEnd + 1
        let record = CSVRecord(fields: fields, line: line)
        line += 1
        lastFieldCount = fields.count
        return record
    }

    /// Appends `count` bytes of the buffer from `start` to the field, within the limits.
    private func appendRun(from start: Int, count: Int, column: Int, recordByteCount: inout Int) throws {
        var highBits: UInt8 = 0
        for offset in start..<(start + count) { highBits |= buffer[offset] }
        if highBits & 0x80 != 0 { fieldIsASCII = false }
        field.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start..<(start + count)]))
        recordByteCount += count
        if field.count > limits.fieldByteCountMax {
            throw error(LocalizedText("a field is longer than \(limits.fieldByteCountMax) bytes", "một trường dài hơn \(limits.fieldByteCountMax) byte"), column: column)
        }
        if recordByteCount > limits.recordByteCountMax {
            throw error(LocalizedText("a record is longer than \(limits.recordByteCountMax) bytes", "một bản ghi dài hơn \(limits.recordByteCountMax) byte"), column: column)
        }
    }

    /// Reads one field into `field`; returns `true` when the record ended after it.
    /// Reads one field; `true` when it ends its record.
    private func readField(column: Int, recordByteCount: inout Int) throws -> Bool {
        if try peek() == 0x22 {
            position += 1
            return try readQuotedField(column: column, recordByteCount: &recordByteCount)
        }
        return try readUnquotedField(column: column, recordByteCount: &recordByteCount)
    }

    /// Appends one byte of a quoted field, within the limits.
    private func append(_ byte: UInt8, column: Int, recordByteCount: inout Int) throws {
        if byte >= 0x80 { fieldIsASCII = false }
        field.append(byte)
        recordByteCount += 1
        if field.count > limits.fieldByteCountMax {
            throw error(LocalizedText("a field is longer than \(limits.fieldByteCountMax) bytes", "một trường dài hơn \(limits.fieldByteCountMax) byte"), column: column)
        }
        if recordByteCount > limits.recordByteCountMax {
            throw error(LocalizedText("a record is longer than \(limits.recordByteCountMax) bytes", "một bản ghi dài hơn \(limits.recordByteCountMax) byte"), column: column)
        }
    }

    /// A field after its opening quote: up to the closing quote, then what ends the field.
    private func readQuotedField(column: Int, recordByteCount: inout Int) throws -> Bool {
        let openingLine = line
        while true {
            guard let byte = try peek() else {
                throw error(LocalizedText("a quoted field opened on line \(openingLine) is never closed", "trường mở ngoặc kép ở dòng \(openingLine) không được đóng"), column: column,
                            hint: LocalizedText("close the field with a double quote; write a quote inside a field as \"\"", "hãy đóng trường bằng dấu ngoặc kép; dấu ngoặc kép bên trong trường viết là \"\""))
            }
            position += 1
            if byte == 0x22 {
                if try peek() == 0x22 { position += 1; try append(0x22, column: column, recordByteCount: &recordByteCount); continue }
                break
            }
            if byte == 0x0A { line += 1 }
            try append(byte, column: column, recordByteCount: &recordByteCount)
        }
        switch try peek() {
        case nil: return true
        case 0x2C: position += 1; return false
        case 0x0A: position += 1; line += 1; return true
        case 0x0D:
            position += 1
            if try peek() == 0x0A { position += 1 }
            line += 1
            return true
        default:
            throw error(LocalizedText("text after the closing quote of a field", "có văn bản sau dấu ngoặc kép đóng của trường"), column: column,
                        hint: LocalizedText("quote the whole field, and write a quote inside it as \"\"", "hãy đặt cả trường trong ngoặc kép, và viết dấu ngoặc kép bên trong là \"\""))
        }
    }

    /// An unquoted field: the run of ordinary bytes up to the next comma, line end or quote is
    /// copied from the buffer at once.
    private func readUnquotedField(column: Int, recordByteCount: inout Int) throws -> Bool {
        while true {
            if position >= bufferCount {
                if atEnd { return true }
                try fill()
                continue
            }
            // Locals, not properties, in the scan: each read of a class's `var` is an
            // exclusivity check.
            var end = position
            let count = bufferCount, bytes = buffer
            while end < count {
                let byte = bytes[end]
                if byte == 0x2C || byte == 0x0A || byte == 0x0D || byte == 0x22 { break }
                end += 1
            }
            if end > position {
                try appendRun(from: position, count: end - position, column: column, recordByteCount: &recordByteCount)
                position = end
            }
            guard position < bufferCount else { continue }
            let byte = buffer[position]
            position += 1
            switch byte {
            case 0x2C: return false
            case 0x0A: line += 1; return true
            case 0x0D:
                if try peek() == 0x0A { position += 1 }
                line += 1
                return true
            default:
                throw error(LocalizedText("a double quote inside an unquoted field", "có dấu ngoặc kép trong trường không đặt trong ngoặc kép"), column: column,
                            hint: LocalizedText("quote the whole field, and write a quote inside it as \"\"", "hãy đặt cả trường trong ngoặc kép, và viết dấu ngoặc kép bên trong là \"\""))
            }
        }
    }
}

/// Writes RFC 4180 CSV: fields are quoted when they hold a comma, quote, line break or
/// leading or trailing space; records end with CRLF. Every CSV cpf writes goes through
/// `record`: reports, the journal, the export, rejects files.
///
/// A text cell a spreadsheet would run as a formula — one whose first character is `=`, `+`,
/// `-`, `@`, a tab (0x09) or a carriage return (0x0D) — is made inert with a leading `'`
/// (OWASP, https://owasp.org/www-community/attacks/CSV_Injection). A plain number such as
/// `-5000000` or `-12.50` stays a number: the writer tells it by its content, so no caller
/// can let text through by calling it a number, and a spreadsheet runs nothing in it.
/// `cpf import` takes the `'` off again (`CSVWriter.restored`), so an exported journal
/// imports as it was.
public enum CSVWriter {
    /// The first characters that make a spreadsheet read a cell as a formula (OWASP).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Whether `text`, past any leading `'`s, starts with a formula start. Scalars, not
    /// characters: `=` followed by a combining mark is one character, and still a formula.
    static func startsFormula(afterQuotes text: String) -> Bool {
        guard let first = text.unicodeScalars.drop(while: { $0 == "'" }).first else { return false }
        return formulaStarts.contains(first)
    }

    /// `text` made inert for a spreadsheet, if it needs to be. Text that already starts with
    /// `'`s before a formula start gets one more, so `restored` gives back exactly what was
    /// written.
    public static func inert(_ text: String) -> String {
        guard startsFormula(afterQuotes: text), text.unicodeScalars.first == "'" || !isPlainNumber(text) else { return text }
        return "'" + text
    }

    /// A field written by `inert` as it was: one `'` taken off the `'`s before a formula start.
    public static func restored(_ field: String) -> String {
        guard field.unicodeScalars.first == "'", startsFormula(afterQuotes: field) else { return field }
        return String(field.unicodeScalars.dropFirst())
    }

    /// `-123`, `45.60`: an optional minus, digits, and at most one point followed by digits.
    static func isPlainNumber(_ text: String) -> Bool {
        var digits = text.utf8.first == UInt8(ascii: "-") ? Substring(text).utf8.dropFirst() : Substring(text).utf8[...]
        guard !digits.isEmpty else { return false }
        if let point = digits.firstIndex(of: UInt8(ascii: ".")) {
            let fraction = digits[digits.index(after: point)...]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
            digits = digits[..<point]
        }
        return !digits.isEmpty && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    public static func field(_ text: String) -> String {
        let text = inert(text)
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }

    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }
}

extension String {
    /// Every occurrence of `target` replaced, without Foundation.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
