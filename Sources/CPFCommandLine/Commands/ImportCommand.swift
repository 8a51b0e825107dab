#if canImport(Glibc)
import Glibc
#endif
import FundLedger

/// `cpf import`: entries or a batch of disbursements from a CSV file.
struct ImportCommand: Command {
    static let configuration = CommandConfiguration(
        name: "import",
        abstract: LocalizedText("Import entries, or a batch of disbursements, from a CSV file: all or nothing, or --partial.", "Nhập các bút toán, hoặc một lô khoản chi, từ tệp CSV: tất cả hoặc không gì cả, hoặc --partial."),
        discussion: LocalizedText("""
        FILE is RFC 4180 CSV in UTF-8 (with or without a byte-order mark, LF or CRLF) whose
        first line names the columns; docs/import-formats.md describes both layouts:
          --as entries        one line of an entry per record, grouped by the 'entry' column:
                              entry,date,memo,ref,account,debit,credit,currency[,vnd,rate,
                              rate_source,funder,grant,program,unit,item,quantity,children,
                              beneficiaries,line_memo] — or one signed 'amount' column
          --as disbursements  one disbursement per record, as 'cpf disburse' posts it:
                              date,program,unit,children,amount,currency[,grant,from,item,
                              quantity,beneficiaries,expense_account,rate,rate_source,memo,ref]
        'cpf journal --format csv' and 'cpf export --format csv' write the entries layout.

        Every entry passes the same checks as 'cpf post' (or 'cpf disburse'), and the whole
        file is one transaction. By default one refused entry refuses the file and nothing is
        written. With --partial the acceptable entries are posted and each refused one is
        listed (line, entry, reference, rule, reason) in the --rejects file, or on standard
        error; the exit status is then 1 when any entry was refused. An entry whose reference
        is already posted with the same content is skipped, so importing a file twice posts
        it once; entries without a reference are posted again each time.

        A progress line (entries, rate, time left) is shown on standard error when it is a
        terminal (or when CPF_PROGRESS=1).

        EXAMPLES:
          cpf import entries.csv
          cpf import entries.csv --partial --rejects rejects.csv
          cpf import disbursements.csv --as disbursements
        """, """
        FILE là CSV theo RFC 4180, mã UTF-8 (có hoặc không có BOM, LF hoặc CRLF), dòng đầu ghi tên
        các cột; docs/import-formats.md mô tả cả hai mẫu:
          --as entries        mỗi bản ghi là một dòng của một bút toán, nhóm theo cột 'entry':
                              entry,date,memo,ref,account,debit,credit,currency[,vnd,rate,
                              rate_source,funder,grant,program,unit,item,quantity,children,
                              beneficiaries,line_memo] — hoặc một cột 'amount' có dấu
          --as disbursements  mỗi bản ghi là một khoản chi, như 'cpf disburse' ghi:
                              date,program,unit,children,amount,currency[,grant,from,item,
                              quantity,beneficiaries,expense_account,rate,rate_source,memo,ref]
        'cpf journal --format csv' và 'cpf export --format csv' ghi theo mẫu entries.

        Mỗi bút toán qua đúng các kiểm tra như 'cpf post' (hoặc 'cpf disburse'), và cả tệp là một
        giao dịch. Mặc định, một bút toán bị từ chối thì cả tệp bị từ chối và không ghi gì. Với
        --partial, các bút toán hợp lệ được ghi sổ và mỗi bút toán bị từ chối được liệt kê (dòng,
        bút toán, số chứng từ, quy tắc, lý do) trong tệp --rejects, hoặc ở đầu ra lỗi chuẩn; khi
        đó mã thoát là 1 nếu có bút toán bị từ chối. Bút toán có số chứng từ đã ghi với cùng nội
        dung thì được bỏ qua, nên nhập một tệp hai lần chỉ ghi một lần; bút toán không có số
        chứng từ thì được ghi lại mỗi lần.

        Dòng tiến độ (số bút toán, tốc độ, thời gian còn lại) hiện ở đầu ra lỗi chuẩn khi đó là
        màn hình (hoặc khi CPF_PROGRESS=1).

        VÍ DỤ:
          cpf import entries.csv
          cpf import entries.csv --partial --rejects rejects.csv
          cpf import disbursements.csv --as disbursements
        """))

    @Argument("FILE", help: LocalizedText("the CSV file", "tệp CSV"))
    var path: String
    @Option("--as", "LAYOUT", help: LocalizedText("entries (default) or disbursements", "entries (bút toán, mặc định) hoặc disbursements (khoản chi)"), parse: ImportCommand.layout)
    var format: ImportFormat = .entries
    @Flag("--partial", help: LocalizedText("post the acceptable entries and list the refused ones", "ghi sổ các bút toán hợp lệ và liệt kê các bút toán bị từ chối"))
    var partial: Bool
    @Option("--rejects", "PATH", help: LocalizedText("with --partial: write the refused entries to this CSV file", "với --partial: ghi các bút toán bị từ chối vào tệp CSV này"))
    var rejectsPath: String?

    static func layout(_ text: String) throws -> ImportFormat {
        guard let format = ImportFormat(rawValue: text) else {
            throw UsageError(LocalizedText("unknown layout '\(text)'; use entries or disbursements", "không có mẫu tệp '\(text)'; hãy dùng entries hoặc disbursements"), command: "import")
        }
        return format
    }

    func validate() throws {
        if rejectsPath != nil && !partial {
            throw UsageError(LocalizedText("--rejects goes with --partial: without it, one refused entry refuses the whole file", "--rejects đi cùng --partial: không có nó, một bút toán bị từ chối thì cả tệp bị từ chối"), command: "import")
        }
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        if let rejectsPath, RejectsFile.isSameFile(rejectsPath, path) {
            // Opening the rejects file empties it: the file to import would be lost.
            throw LedgerError(.invalidInput, LocalizedText("the rejects file \(rejectsPath) is the file being imported", "tệp ghi bút toán bị từ chối \(rejectsPath) chính là tệp đang nhập"),
                              hint: LocalizedText("give --rejects another file name, e.g. rejects.csv", "hãy đặt tên khác cho --rejects, ví dụ rejects.csv"))
        }
        let ledger = try context.openLedger()
        let progress = ProgressLine(context: context)
        var rejects = try rejectsPath.map { try RejectsFile(path: $0) }
        let summary: ImportSummary
        do {
            summary = try ledger.importCSV(
                path: path, format: format, mode: partial ? .partial : .allOrNothing, user: context.user,
                rejected: { rejection in
                    if let file = rejects {
                        try file.write(rejection)
                    } else {
                        context.message(LocalizedText("cpf: rejected (\(rejection.rule.rawValue)): \(rejection.explanation)", "cpf: bị từ chối (\(rejection.rule.rawValue)): \(rejection.explanation)"))
                    }
                },
                progress: progress.map { line in { line.show($0) } })
            progress?.clear()
        } catch {
            progress?.clear()
            rejects?.discard()
            rejects = nil
            throw error
        }
        try rejects?.close()
        context.say(ImportCommand.describe(summary, path: path, rejectsPath: rejectsPath))
        return summary.rejectedCount > 0 ? .failure : .success
    }

    static func describe(_ summary: ImportSummary, path: String, rejectsPath: String?) -> LocalizedText {
        let english = { (value: Int) in MoneyFormat.english.number(Int64(value)) }
        let count = { (value: Int) in Int64(value) }
        let range = summary.firstSeq.flatMap { first in summary.lastSeq.map { (first, $0) } }
        var text = LocalizedText("Imported \(path): \(english(summary.entryCount)) entries read from \(english(summary.recordCount)) records; ",
                                 "Đã nhập \(path): đọc \(count: count(summary.entryCount)) bút toán từ \(count: count(summary.recordCount)) bản ghi; ")
        text = text + LocalizedText("\(english(summary.postedCount)) posted (\(english(summary.postedLineCount)) lines",
                                    "ghi sổ \(count: count(summary.postedCount)) (\(count: count(summary.postedLineCount)) dòng")
        if let (first, last) = range { text = text + LocalizedText(", entries \(first) to \(last)", ", các bút toán \(first) đến \(last)") }
        text = text + LocalizedText("), \(english(summary.alreadyPostedCount)) already posted, \(english(summary.pendingCount)) waiting for approval, \(english(summary.rejectedCount)) rejected.",
                                    "), \(count: count(summary.alreadyPostedCount)) đã có trong sổ, \(count: count(summary.pendingCount)) chờ duyệt, \(count: count(summary.rejectedCount)) bị từ chối.")
        if summary.rejectedCount > 0, let rejectsPath {
            text = text + LocalizedText("\nThe rejected entries, with their lines and reasons, are in \(rejectsPath).",
                                        "\nCác bút toán bị từ chối, cùng các dòng và lý do, nằm trong \(rejectsPath).")
        }
        if summary.withoutReferenceCount > 0 {
            text = text + LocalizedText("\n\(english(summary.withoutReferenceCount)) posted entries have no reference: importing this file again would post them again.",
                                        "\n\(count: count(summary.withoutReferenceCount)) bút toán đã ghi không có số chứng từ: nhập lại tệp này sẽ ghi chúng thêm lần nữa.")
        }
        return text
    }
}

/// The refused entries of a partial import, as CSV: line, entry, ref, rule, reason, hint.
final class RejectsFile {
    private let file: OutputFile

    /// Creates the file, or empties it when it exists: it is the output of this run.
    init(path: String) throws {
        file = try OutputFile(path: path, replacing: true, name: LocalizedText("the rejects file \(path)", "tệp bút toán bị từ chối \(path)"),
                              hint: LocalizedText("give a path in a folder you can write to", "hãy chọn đường dẫn trong thư mục bạn ghi được"))
        try file.write(CSVWriter.record(["line", "entry", "ref", "rule", "reason", "hint"]))
    }

    func write(_ rejection: ImportRejection) throws {
        try file.write(CSVWriter.record([String(rejection.line), rejection.entryKey, rejection.reference ?? "",
                                         rejection.rule.rawValue, rejection.commandLineMessage, rejection.commandLineHint]))
    }

    func close() throws { try file.close() }

    /// Whether both paths name one existing file (the same device and inode, through links too).
    static func isSameFile(_ first: String, _ second: String) -> Bool {
        var firstStatus = stat()
        var secondStatus = stat()
        guard stat(first, &firstStatus) == 0, stat(second, &secondStatus) == 0 else { return false }
        return firstStatus.st_dev == secondStatus.st_dev && firstStatus.st_ino == secondStatus.st_ino
    }

    /// Removes the file: an import that wrote nothing has no rejects to list.
    func discard() { file.discard() }
}

/// The progress line of a long import on standard error: entries done, rate, time left.
final class ProgressLine {
    private let context: CommandContext
    private let start = ProgressLine.seconds()
    private var lastShown = 0.0

    /// A progress line, or `nil` when standard error is not a terminal (and CPF_PROGRESS is not 1).
    init?(context: CommandContext) {
        let forced = context.environment["CPF_PROGRESS"] == "1"
        guard forced || (context.errors as? StandardStream)?.isTerminal == true else { return nil }
        self.context = context
    }

    func show(_ progress: ImportProgress) {
        let now = ProgressLine.seconds()
        guard now - lastShown >= 0.25 else { return }
        lastShown = now
        let elapsed = max(now - start, 0.001)
        let number = { (value: Int64) in MoneyFormat.english.number(value) }
        var text = "\rimport: \(number(Int64(progress.entriesRead))) entries, \(number(Int64(Double(progress.entriesRead) / elapsed)))/s"
        if let total = progress.totalBytes, total > 0, progress.bytesRead > 0 {
            let share = min(1, Double(progress.bytesRead) / Double(total))
            let left = elapsed / share - elapsed
            text += ", \(Int(share * 100)) %, \(Int(left.rounded())) s left"
        }
        context.errors.write(text + "\u{1B}[K")
    }

    func clear() { context.errors.write("\r\u{1B}[K") }

    /// Seconds on the monotonic clock (for rates and time left, never for money).
    static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

