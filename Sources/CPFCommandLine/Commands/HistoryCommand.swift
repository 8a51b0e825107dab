import FundLedger

/// `cpf history`.
struct HistoryCommand: ListingCommand {
    static let configuration = CommandConfiguration(
        name: "history",
        abstract: LocalizedText("Who did what, when, with reasons: entries, approvals, periods, registries, settings.", "Ai đã làm gì, khi nào, vì sao: bút toán, phê duyệt, khóa sổ, danh mục, thiết lập."),
        discussion: LocalizedText("""
        EXAMPLES:
          cpf history --entry 412
          cpf history --by giamdoc --from 2018-12-01
        """, """
        VÍ DỤ:
          cpf history --entry 412
          cpf history --by giamdoc --from 2018-12-01
        """))

    @Option("--entry", "SEQ", help: LocalizedText("only what concerns this entry", "chỉ những gì liên quan đến bút toán này"), parse: HistoryCommand.sequence)
    var entry: Int64?
    @Option("--by", "NAME", help: LocalizedText("only what this person did", "chỉ những gì người này đã làm"))
    var user: String?
    @Option(CommonOptions.from, help: LocalizedText("from this day (UTC)", "từ ngày này (giờ UTC)"))
    var from: LedgerDate?
    @Option(CommonOptions.to, help: LocalizedText("through this day (UTC)", "đến hết ngày này (giờ UTC)"))
    var to: LedgerDate?
    @OptionGroup var output: ReportOutput

    static func sequence(_ text: String) throws -> Int64 {
        guard let seq = Int64(text), seq > 0 else { throw UsageError(LocalizedText("--entry takes an entry's sequence number", "--entry nhận số thứ tự của một bút toán"), command: "history") }
        return seq
    }

    func report(_ ledger: Ledger) throws -> Report {
        try ledger.historyReport(HistoryFilter(entrySeq: entry, user: user, from: from, to: to))
    }
}
