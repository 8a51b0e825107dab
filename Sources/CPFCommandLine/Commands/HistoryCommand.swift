import FundLedger

/// `cpf history`.
struct HistoryCommand: ListingCommand {
    static let entry = Option("--entry", "SEQ", LocalizedText("only what concerns this entry", "chỉ những gì liên quan đến bút toán này")) { text in
        guard let seq = Int64(text), seq > 0 else { throw UsageError(LocalizedText("--entry takes an entry's sequence number", "--entry nhận số thứ tự của một bút toán"), command: "history") }
        return seq
    }
    static let by = Option("--by", "NAME", LocalizedText("only what this person did", "chỉ những gì người này đã làm"))
    static let from = SharedOptions.from.help(LocalizedText("from this day (UTC)", "từ ngày này (giờ UTC)"))
    static let to = SharedOptions.to.help(LocalizedText("through this day (UTC)", "đến hết ngày này (giờ UTC)"))
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
        options: [entry, by,
                  from, to,
                  OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments

    func validateArguments() throws -> Bool {
        _ = try filter()
        return true
    }

    private func filter() throws -> HistoryFilter {
        let seq = try arguments.value(of: Self.entry)
        return HistoryFilter(entrySeq: seq, user: arguments.value(of: Self.by),
                             from: try arguments.value(of: Self.from), to: try arguments.value(of: Self.to))
    }

    func report(_ ledger: Ledger) throws -> Report { try ledger.historyReport(try filter()) }
}
