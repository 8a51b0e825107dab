#if canImport(Glibc)
import Glibc
#endif
import FundLedger

/// `cpf export`: the whole journal as CSV, JSON, an hledger/ledger journal or a Beancount file.
struct ExportCommand: Command {
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
        """))

    /// `--format xlsx` is the journal as a workbook (`Ledger.exportWorkbook`), in the reader's language.
    enum Choice { case journal(ExportFormat), workbook }

    @Option("--format", "FORMAT", help: LocalizedText("csv (default), json, hledger, beancount or xlsx (with --output)",
                                                      "csv (mặc định), json, hledger, beancount hoặc xlsx (cùng --output)"), parse: ExportCommand.choice)
    var choice: Choice = .journal(.csv)
    @Option(CommonOptions.language) private var languageListedInHelp: Language?
    @Option("--output", "PATH", help: LocalizedText("write to this file instead of standard output (it must not exist)", "ghi ra tệp này thay vì đầu ra chuẩn (tệp chưa được tồn tại)"))
    var outputPath: String?

    static func choice(_ text: String) throws -> Choice {
        if text == "xlsx" { return .workbook }
        guard let format = ExportFormat(rawValue: text) else {
            let names = ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError(LocalizedText("unknown format '\(text)'; use one of: \(names)", "không có định dạng '\(text)'; hãy dùng một trong: \(names)"), command: "export")
        }
        return .journal(format)
    }

    func validate() throws {
        if case .workbook = choice, outputPath == nil {
            throw UsageError(LocalizedText("--format xlsx writes a workbook file: give --output FILE.xlsx",
                                           "--format xlsx ghi ra tệp bảng tính: hãy ghi --output TỆP.xlsx"), command: "export")
        }
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedgerForReading()
        guard case .journal(let format) = choice else {
            let outputPath = outputPath!  // validate() requires --output for a workbook
            try OutputFile.refuseExisting(outputPath)
            let summary = try ledger.exportWorkbook(to: outputPath, language: context.language)
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
