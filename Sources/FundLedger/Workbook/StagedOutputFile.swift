#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written through a buffer, that appears under its name only when it is complete.
///
/// The bytes go to a temporary file beside `path` (same directory, so the final `rename(2)` is
/// atomic); `commit()` renames it over `path`. A writer released without `commit()` — after a
/// thrown error, say — removes the temporary file, so a half-written workbook never takes the
/// place of a good one. Memory is the buffer, whatever the file's size.
final class StagedOutputFile {
    /// The name the file gets on `commit()`.
    let path: String
    /// Where the bytes go until then.
    private let temporaryPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let bufferByteCount: Int
    /// Bytes written to the descriptor so far; `offset` adds the buffered ones.
    private var flushedByteCount: UInt64 = 0
    private var committed = false

    /// The default buffer: 1 MiB, few system calls for a large file, small beside a sheet.
    static let bufferByteCountDefault = 1 << 20

    /// Creates the temporary file beside `path`.
    ///
    /// - Throws: `LedgerError.invalidInput` when it cannot be created (no such directory, no
    ///   permission).
    init(path: String, bufferByteCount: Int = StagedOutputFile.bufferByteCountDefault) throws {
        precondition(bufferByteCount > 0)
        self.path = path
        self.bufferByteCount = bufferByteCount
        var attempt = 0
        while true {
            let candidate = "\(path).partial-\(getpid())-\(attempt)"
            let opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if opened >= 0 {
                descriptor = opened
                temporaryPath = candidate
                break
            }
            guard errno == EEXIST, attempt < 100 else { throw StagedOutputFile.failure("create", path) }
            attempt += 1
        }
        buffer.reserveCapacity(bufferByteCount)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if !committed { unlink(temporaryPath) }
    }

    /// How many bytes the file has, buffered ones included: the offset of the next byte.
    var offset: UInt64 { flushedByteCount + UInt64(buffer.count) }

    /// Appends `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        if buffer.count + bytes.count > bufferByteCount { try flush() }
        if bytes.count >= bufferByteCount {
            try writeFully(bytes, at: nil)
            flushedByteCount += UInt64(bytes.count)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Writes `bytes` over bytes already written, at `position`: in the buffer when they are
    /// still there, else in the file (`pwrite(2)`, which leaves the end of the file as it is).
    func overwrite(at position: UInt64, with bytes: [UInt8]) throws {
        precondition(position + UInt64(bytes.count) <= offset, "overwriting past the end")
        if position >= flushedByteCount {
            let start = Int(position - flushedByteCount)
            buffer.replaceSubrange(start..<start + bytes.count, with: bytes)
            return
        }
        try flush()
        try bytes.withUnsafeBytes { try writeFully($0, at: position) }
    }

    /// Writes the buffer out, closes the file and gives it its name.
    func commit() throws {
        try flush()
        guard close(descriptor) == 0 else {
            descriptor = -1
            throw StagedOutputFile.failure("write", path)
        }
        descriptor = -1
        guard rename(temporaryPath, path) == 0 else { throw StagedOutputFile.failure("write", path) }
        committed = true
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeFully($0, at: nil) }
        flushedByteCount += UInt64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    /// `write(2)` or, at a position, `pwrite(2)`, until every byte is written.
    private func writeFully(_ bytes: UnsafeRawBufferPointer, at position: UInt64?) throws {
        guard var pointer = bytes.baseAddress else { return }
        var remaining = bytes.count
        var position = position
        while remaining > 0 {
            let count = position.map { pwrite(descriptor, pointer, remaining, off_t($0)) } ?? Glibc.write(descriptor, pointer, remaining)
            if count < 0 {
                if errno == EINTR { continue }
                throw StagedOutputFile.failure("write", path)
            }
            pointer += count
            remaining -= count
            position = position.map { $0 + UInt64(count) }
        }
    }

    /// The refusal for a failed system call, with the system's reason (`strerror(errno)`).
    private static func failure(_ verb: String, _ path: String) -> LedgerError {
        let reason = String(cString: strerror(errno))
        return verb == "create"
            ? LedgerError(.invalidInput, LocalizedText("cannot create \(path): \(reason)", "không tạo được tệp \(path): \(reason)"),
                          hint: LocalizedText("check that the folder exists and that you may write in it",
                                              "kiểm tra thư mục có tồn tại và bạn có quyền ghi vào đó"))
            : LedgerError(.invalidInput, LocalizedText("cannot write \(path): \(reason)", "không ghi được tệp \(path): \(reason)"),
                          hint: LocalizedText("check the free space of the disk and the permissions of the folder",
                                              "kiểm tra dung lượng trống của ổ đĩa và quyền ghi của thư mục"))
    }
}
