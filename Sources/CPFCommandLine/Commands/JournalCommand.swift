import FundLedger

/// `cpf journal`: the entries with their lines.
struct JournalCommand: Command {
    static let configuration = CommandConfiguration(
        name: "journal",
        abstract: LocalizedText("List entries with their lines.", "Liệt kê các bút toán cùng các dòng."),
        discussion: LocalizedText("""
        EXAMPLES:
          cpf journal
          cpf journal --from 2018-01-01 --to 2018-12-31 --format csv
          cpf journal --seq 12
          cpf journal --last 20
        Beneficiary codes are never listed.
        """, """
        VÍ DỤ:
          cpf journal
          cpf journal --from 2018-01-01 --to 2018-12-31 --format csv
          cpf journal --seq 12
          cpf journal --last 20
        Mã đối tượng thụ hưởng không bao giờ được liệt kê.
        """))

    @Option(CommonOptions.from, help: LocalizedText("entries dated on or after", "bút toán ghi từ ngày"))
    var from: LedgerDate?
    @Option(CommonOptions.to, help: LocalizedText("entries dated on or before", "bút toán ghi đến ngày"))
    var to: LedgerDate?
    @Option("--seq", "N", help: LocalizedText("only entry N", "chỉ bút toán N"), parse: JournalCommand.positive("--seq"))
    var seq: Int64?
    @Option("--last", "N", help: LocalizedText("only the last N entries", "chỉ N bút toán cuối"), parse: JournalCommand.positive("--last"))
    var last: Int64?
    @Option(CommonOptions.format(allowed: [.table, .csv, .json, .xlsx])) var format: ReportFormat = .table
    @Option(CommonOptions.language) private var languageListedInHelp: Language?

    static func positive(_ name: String) -> (String) throws -> Int64 {
        { text in
            guard let number = Int64(text), number > 0 else { throw UsageError(LocalizedText("\(name) takes a positive number", "\(name) nhận một số dương"), command: "journal") }
            return number
        }
    }

    func validate() throws {
        if format == .xlsx && (from != nil || to != nil || seq != nil || last != nil) {
            throw UsageError(LocalizedText("--format xlsx writes the whole journal; for a part of it use --format csv",
                                           "--format xlsx ghi toàn bộ sổ nhật ký; muốn một phần hãy dùng --format csv"), command: "journal")
        }
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedgerForReading()
        if format == .xlsx {
            guard let path = context.outputPath else {
                throw UsageError(LocalizedText("--format xlsx writes a workbook file: give --output FILE.xlsx",
                                               "--format xlsx ghi ra tệp bảng tính: hãy ghi --output TỆP.xlsx"), command: "journal")
            }
            try OutputFile.refuseExisting(path)
            let summary = try ledger.exportWorkbook(to: path, language: context.language)
            context.say(LocalizedText("Wrote the journal (\(summary.entryCount) entries) to \(path).", "Đã ghi sổ nhật ký (\(count: Int64(summary.entryCount)) bút toán) vào \(path)."))
            return .success
        }
        let head = try ledger.chainHead().seq
        let first = seq ?? max(1, head - (last ?? head) + 1)
        let listing = try JournalListing(ledger: ledger, language: context.language)
        var output = listing.begin(format)
        try ledger.forEachEntry(fromSeq: first, throughSeq: seq ?? Int64.max) { entry in
            if let from, entry.date < from { return }
            if let to, entry.date > to { return }
            output += try listing.render(entry, format)
            if output.utf8.count > 1 << 16 {
                context.writeOutput(output)
                output = ""
            }
        }
        output += listing.end(format)
        context.writeOutput(output)
        return .success
    }
}
