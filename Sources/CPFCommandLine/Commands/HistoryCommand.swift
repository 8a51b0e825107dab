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
        """),
        options: [.value("--entry", "SEQ", LocalizedText("only what concerns this entry", "chỉ những gì liên quan đến bút toán này")), .value("--by", "NAME", LocalizedText("only what this person did", "chỉ những gì người này đã làm")),
                  .value("--from", "YYYY-MM-DD", LocalizedText("from this day (UTC)", "từ ngày này (giờ UTC)")), .value("--to", "YYYY-MM-DD", LocalizedText("through this day (UTC)", "đến hết ngày này (giờ UTC)")),
                  OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments

    func validateArguments() throws -> Bool {
        _ = try filter()
        return true
    }

    private func filter() throws -> HistoryFilter {
        let seq = try arguments.value("--entry") { text in
            guard let seq = Int64(text), seq > 0 else { throw UsageError(LocalizedText("--entry takes an entry's sequence number", "--entry nhận số thứ tự của một bút toán"), command: "history") }
            return seq
        }
        return HistoryFilter(entrySeq: seq, user: arguments.value("--by"),
                             from: try arguments.value("--from", LedgerDate.parse), to: try arguments.value("--to", LedgerDate.parse))
    }

    func report(_ ledger: Ledger) throws -> Report { try ledger.historyReport(try filter()) }
}
