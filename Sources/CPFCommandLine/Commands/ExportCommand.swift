#if canImport(Glibc)
import Glibc
#endif
import FundLedger

/// `cpf export`: the whole journal as CSV, JSON, an hledger/ledger journal or a Beancount file.
struct ExportCommand: Command {
    static let format = Option("--format", "FORMAT", LocalizedText("csv (default), json, hledger, beancount or xlsx (with --output)",
                                                       "csv (mặc định), json, hledger, beancount hoặc xlsx (cùng --output)"))
    static let output = Option("--output", "PATH", LocalizedText("write to this file instead of standard output (it must not exist)", "ghi ra tệp này thay vì đầu ra chuẩn (tệp chưa được tồn tại)"))
    static let configuration = CommandConfiguration(
        name: "export",
        abstract: LocalizedText("Export the journal as CSV, JSON, an hledger/ledger journal or a Beancount file.", "Xuất sổ nhật ký dạng CSV, JSON, sổ hledger/ledger hoặc tệp Beancount."),
        discussion: LocalizedText("""
        csv        the layout 'cpf import' reads (docs/import-formats.md), plus who posted each
                   entry, when, and its hash
        json       an array of entries with their lines; amounts in minor units, signed
        hledger    a journal for hledger and ledger: accounts named by type and code
                   (Assets:1122), foreign amounts with their dong cost (@@ … VND), dimensions
                   as tags. 'hledger -f FILE bal --cost' gives the trial balance's figures.
        beancount  the same books for Beancount (bean-check, bean-report)
        Beneficiary codes are never exported. Period records carry no lines and are left out
        of hledger and Beancount files; entries waiting for approval are not in the books.

        EXAMPLES:
          cpf export --format hledger > fund.journal && hledger -f fund.journal bal --cost
          cpf export --format beancount > fund.beancount && bean-check fund.beancount
          cpf export --format csv --output fund.csv
        """, """
        csv        mẫu mà 'cpf import' đọc (docs/import-formats.md), thêm người ghi, thời điểm
                   ghi và mã băm của từng bút toán
        json       mảng các bút toán cùng các dòng; số tiền theo đơn vị nhỏ nhất, có dấu
        hledger    sổ cho hledger và ledger: tài khoản đặt tên theo loại và số hiệu
                   (Assets:1122), số ngoại tệ kèm giá trị đồng (@@ … VND), các chiều phân tích
                   dưới dạng tag. 'hledger -f FILE bal --cost' cho số liệu của bảng cân đối tài khoản.
        beancount  cùng sổ đó cho Beancount (bean-check, bean-report)
        Mã đối tượng thụ hưởng không bao giờ được xuất. Bản ghi khóa sổ không có dòng nên không
        có trong tệp hledger và Beancount; bút toán đang chờ duyệt chưa có trong sổ.

        VÍ DỤ:
          cpf export --format hledger > fund.journal && hledger -f fund.journal bal --cost
          cpf export --format beancount > fund.beancount && bean-check fund.beancount
          cpf export --format csv --output fund.csv
        """),
        options: [format, OutputOptions.language, output])

    let format: ExportFormat
    let outputPath: String?
    /// `--format xlsx`: the journal as a workbook (`Ledger.exportWorkbook`), in the reader's language.
    let workbookLanguage: Language?

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        let text = arguments.value(of: Self.format) ?? ExportFormat.csv.rawValue
        outputPath = arguments.value(of: Self.output)
        if text == "xlsx" {
            guard outputPath != nil else {
                throw UsageError(LocalizedText("--format xlsx writes a workbook file: give --output FILE.xlsx",
                                               "--format xlsx ghi ra tệp bảng tính: hãy ghi --output TỆP.xlsx"), command: "export")
            }
            format = .csv
            workbookLanguage = context.language
            return
        }
        workbookLanguage = nil
        guard let format = ExportFormat(rawValue: text) else {
            let names = ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError(LocalizedText("unknown format '\(text)'; use one of: \(names)", "không có định dạng '\(text)'; hãy dùng một trong: \(names)"), command: "export")
        }
        self.format = format
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedgerForReading()
        if let language = workbookLanguage, let outputPath {
            try OutputFile.refuseExisting(outputPath)
            let summary = try ledger.exportWorkbook(to: outputPath, language: language)
            context.say(LocalizedText("Exported the journal (xlsx, \(summary.entryCount) entries, \(summary.rowCount) lines) to \(outputPath).",
                                      "Đã xuất sổ nhật ký (xlsx, \(count: Int64(summary.entryCount)) bút toán, \(count: Int64(summary.rowCount)) dòng) ra \(outputPath)."))
            return .success
        }
        guard let outputPath else {
            try ledger.exportJournal(format) { context.writeOutput($0) }
            return .success
        }
        let file = try OutputFile(path: outputPath)
        do {
            if context.byteOrderMarkPending {
                context.byteOrderMarkPending = false
                try file.write("\u{FEFF}")
            }
            try ledger.exportJournal(format) { try file.write($0) }
            try file.close()
        } catch {
            file.discard()
            throw error
        }
        context.say(LocalizedText("Exported the journal (\(format.rawValue)) to \(outputPath).", "Đã xuất sổ nhật ký (\(format.rawValue)) ra \(outputPath)."))
        return .success
    }
}

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
