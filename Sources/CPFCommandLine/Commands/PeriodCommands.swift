import FundLedger

/// `cpf period close`.
struct PeriodCloseCommand: Command {
    static let configuration = CommandConfiguration(
        name: "period close",
        abstract: LocalizedText("Close a month (or a year) and every date before it.", "Khóa sổ một tháng (hoặc một năm) và mọi ngày trước đó."),
        discussion: LocalizedText("""
        A closed period accepts no entry, reversal or approval dated in it, in the program
        and in the ledger file itself (a trigger). The closing is an entry of the hash chain.

        EXAMPLE:
          cpf period close 2018-12 --user ketoantruong
        """, """
        Kỳ đã khóa sổ không nhận bút toán, bút toán đảo hay phê duyệt nào ghi ngày trong kỳ, ở
        chương trình và ngay trong tệp sổ (bằng trigger). Việc khóa sổ là một bút toán của chuỗi băm.

        VÍ DỤ:
          cpf period close 2018-12 --user ketoantruong
        """))

    @Argument("PERIOD", help: LocalizedText("YYYY-MM, or YYYY for the whole year", "YYYY-MM, hoặc YYYY cho cả năm"), parse: AccountingPeriod.parse)
    var period: AccountingPeriod

    func run(_ context: CommandContext) throws -> ExitStatus {
        let entry = try context.openLedger().closePeriod(period, user: context.user)
        context.say(LocalizedText("Closed period \(period): the books are closed through \(entry.date) (entry \(entry.seq), hash \(entry.hash.hexString)).",
                                  "Đã khóa sổ kỳ \(period): sổ khóa đến ngày \(entry.date) (bút toán \(entry.seq), mã băm \(entry.hash.hexString))."))
        return .success
    }
}

/// `cpf period reopen`.
struct PeriodReopenCommand: Command {
    static let configuration = CommandConfiguration(
        name: "period reopen",
        abstract: LocalizedText("Reopen a closed month (and every later one), with a reason.", "Mở lại một tháng đã khóa sổ (và mọi tháng sau đó), có ghi lý do."),
        discussion: LocalizedText("""
        The reopening is an entry of the hash chain: who, when and why.

        EXAMPLE:
          cpf period reopen 2018-12 --reason "auditor adjustment AJE-3" --user giamdoc
        """, """
        Việc mở lại là một bút toán của chuỗi băm: ai, khi nào và vì sao.

        VÍ DỤ:
          cpf period reopen 2018-12 --reason "auditor adjustment AJE-3" --user giamdoc
        """))

    @Argument("PERIOD", help: LocalizedText("YYYY-MM, or YYYY for the whole year", "YYYY-MM, hoặc YYYY cho cả năm"), parse: AccountingPeriod.parse)
    var period: AccountingPeriod
    @Option("--reason", "TEXT", help: LocalizedText("why the period is reopened", "lý do mở lại kỳ"))
    var reason: String
    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedger()
        let entry = try ledger.reopenPeriod(period, reason: reason, user: context.user)
        let state = try ledger.periodLock()?.lockedThrough.map { LocalizedText("the books are now closed through \($0)", "sổ nay khóa đến ngày \($0)") }
            ?? LocalizedText("no period is closed now", "nay không còn kỳ nào khóa sổ")
        context.say(LocalizedText("Reopened period \(period); \(state) (entry \(entry.seq), hash \(entry.hash.hexString)).",
                                  "Đã mở lại kỳ \(period); \(state) (bút toán \(entry.seq), mã băm \(entry.hash.hexString))."))
        return .success
    }
}

/// `cpf period list`.
struct PeriodListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "period list", abstract: LocalizedText("List the period closings and reopenings, and the current lock.", "Liệt kê các lần khóa sổ, mở lại kỳ và mức khóa hiện tại."))

    @OptionGroup var output: ReportOutput

    func report(_ ledger: Ledger) throws -> Report { try ledger.periodsReport() }
}
