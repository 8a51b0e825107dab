import FundLedger

/// `cpf plan set`.
struct PlanSetCommand: Command {
    static let configuration = CommandConfiguration(
        name: "plan set",
        abstract: LocalizedText("Set a yearly plan amount for a program and/or funding source (for plan vs actual).", "Đặt số kế hoạch năm cho một chương trình và/hoặc nguồn tài trợ (để so sánh kế hoạch với thực hiện)."),
        discussion: LocalizedText("""
        EXAMPLES:
          cpf plan set --year 2018 --program scholarship --amount "240000000 VND"
          cpf plan set --year 2016 --amount "7000000000 VND"                  # all programs, all sources
          cpf plan set --year 2018 --program house --source ngo --amount "100000000 VND"
        """, """
        VÍ DỤ:
          cpf plan set --year 2018 --program scholarship --amount "240000000 VND"
          cpf plan set --year 2016 --amount "7000000000 VND"                  # mọi chương trình, mọi nguồn
          cpf plan set --year 2018 --program house --source ngo --amount "100000000 VND"
        """))

    @Option(CommonOptions.year, help: LocalizedText("the year", "năm"))
    var year: Int
    @Option("--amount", "AMOUNT", help: LocalizedText("the planned amount in VND", "số kế hoạch bằng VND"), parse: { try Amount.parse($0) })
    var amount: Amount
    @Option("--program", "CODE", help: LocalizedText("the program (default: all programs)", "chương trình (mặc định: tất cả chương trình)"))
    var program: String?
    @Option("--source", "KIND", help: LocalizedText("the funding source: \(FunderKind.allCases.map(\.rawValue).joined(separator: ", ")) (default: all)",
                                                   "nguồn tài trợ: \(FunderKind.allCases.map(\.rawValue).joined(separator: ", ")) (mặc định: tất cả)"), parse: FunderKind.parse)
    var source: FunderKind?

    func run(_ context: CommandContext) throws -> ExitStatus {
        try context.openLedger().setPlan(year: year, programCode: program, source: source, amount: amount, user: context.user)
        let programText = program.map { LocalizedText(verbatim: $0) } ?? LocalizedText("all programs", "mọi chương trình")
        let sourceText = source.map { LocalizedText(english: $0.rawValue, vietnamese: $0.nameVietnamese) } ?? LocalizedText("all sources", "mọi nguồn")
        context.say(LocalizedText("Plan \(year) \(programText) \(sourceText): \(grouped: amount).", "Kế hoạch \(year) \(programText) \(sourceText): \(grouped: amount)."))
        return .success
    }
}

struct PlanListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "plan list", abstract: LocalizedText("List the plans.", "Liệt kê các kế hoạch."))
    @Option(CommonOptions.year, help: LocalizedText("only this year", "chỉ năm này"))
    var year: Int?
    @OptionGroup var output: ReportOutput

    func report(_ ledger: Ledger) throws -> Report { try ledger.plansReport(year: year) }
}
