#if canImport(Glibc)
import Glibc
#endif
import FundLedger

/// A new file written in pieces; removed again when writing fails.
final class OutputFile {
    /// Refuses a path where a file already exists: cpf never writes over one.
    static func refuseExisting(_ path: String) throws {
        guard access(path, F_OK) == 0 else { return }
        throw LedgerError(.invalidInput, LocalizedText("cannot create \(path): it already exists", "không tạo được \(path): tệp đã tồn tại"),
                          hint: LocalizedText("give a new file name with --output", "hãy chọn tên tệp mới bằng --output"))
    }

    private let path: String
    /// How messages name the file, e.g. "fund.csv" or "the rejects file rejects.csv".
    private let name: LocalizedText
    private var descriptor: Int32

    /// - Parameters:
    ///   - replacing: whether an existing file is emptied and written over; the default is
    ///     to refuse it.
    ///   - hint: what a refusal to open the file suggests.
    init(path: String, replacing: Bool = false, name: LocalizedText? = nil,
         hint: LocalizedText = LocalizedText("give a new file name with --output", "hãy chọn tên tệp mới bằng --output")) throws {
        let name = name ?? LocalizedText(verbatim: path)
        // Owner only, whatever the umask: exports and rejects files carry the books' data.
        let descriptor = open(path, O_WRONLY | O_CREAT | (replacing ? O_TRUNC : O_EXCL), 0o600)
        guard descriptor >= 0, fchmod(descriptor, 0o600) == 0 else {
            let reason = errno == EEXIST ? LocalizedText("it already exists", "tệp đã tồn tại") : LocalizedText(verbatim: String(cString: strerror(errno)))
            if descriptor >= 0 { Glibc.close(descriptor) }
            throw LedgerError(.invalidInput, replacing ? LocalizedText("cannot write \(name): \(reason)", "không ghi được \(name): \(reason)")
                                                       : LocalizedText("cannot create \(name): \(reason)", "không tạo được \(name): \(reason)"), hint: hint)
        }
        self.path = path
        self.name = name
        self.descriptor = descriptor
    }

    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else {
                    throw LedgerError(.invalidInput, LocalizedText("cannot write \(name): \(String(cString: strerror(errno)))", "không ghi được \(name): \(String(cString: strerror(errno)))"), hint: LocalizedText("check the disk", "hãy kiểm tra ổ đĩa"))
                }
                offset += written
            }
        }
    }

    func close() throws {
        guard descriptor >= 0 else { return }
        defer { descriptor = -1 }
        guard Glibc.close(descriptor) == 0 else {
            throw LedgerError(.invalidInput, LocalizedText("cannot write \(name): \(String(cString: strerror(errno)))", "không ghi được \(name): \(String(cString: strerror(errno)))"), hint: LocalizedText("check the disk", "hãy kiểm tra ổ đĩa"))
        }
    }

    func discard() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
        unlink(path)
    }

    deinit { if descriptor >= 0 { Glibc.close(descriptor) } }
}
