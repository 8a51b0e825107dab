import FundLedger

/// `cpf plan set`.
struct PlanSetCommand: Command {
    static let year = SharedOptions.yearOption("--year", LocalizedText("the year", "năm"), required: true)
    static let amount = Option("--amount", "AMOUNT", LocalizedText("the planned amount in VND", "số kế hoạch bằng VND"), required: true, parse: { try Amount.parse($0) })
    static let program = Option("--program", "CODE", LocalizedText("the program (default: all programs)", "chương trình (mặc định: tất cả chương trình)"))
    static let source = Option("--source", "KIND", LocalizedText("the funding source: \(FunderKind.allCases.map(\.rawValue).joined(separator: ", ")) (default: all)",
                                                     "nguồn tài trợ: \(FunderKind.allCases.map(\.rawValue).joined(separator: ", ")) (mặc định: tất cả)"), parse: FunderKind.parse)
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
        """),
        options: [year, amount, program, source])

    let year: Int
    let amount: Amount
    let program: String?
    let source: FunderKind?

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        year = try arguments.required(Self.year)
        amount = try arguments.required(Self.amount)
        program = arguments.value(of: Self.program)
        source = try arguments.value(of: Self.source)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        try context.openLedger().setPlan(year: year, programCode: program, source: source, amount: amount, user: context.user)
        let programText = program.map { LocalizedText(verbatim: $0) } ?? LocalizedText("all programs", "mọi chương trình")
        let sourceText = source.map { LocalizedText(english: $0.rawValue, vietnamese: $0.nameVietnamese) } ?? LocalizedText("all sources", "mọi nguồn")
        context.say(LocalizedText("Plan \(year) \(programText) \(sourceText): \(grouped: amount).", "Kế hoạch \(year) \(programText) \(sourceText): \(grouped: amount)."))
        return .success
    }
}

struct PlanListCommand: ListingCommand {
    static let year = SharedOptions.yearOption("--year", LocalizedText("only this year", "chỉ năm này"))
    static let configuration = CommandConfiguration(name: "plan list", abstract: LocalizedText("List the plans.", "Liệt kê các kế hoạch."),
                                                    options: [year, OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments
    func report(_ ledger: Ledger) throws -> Report { try ledger.plansReport(year: arguments.value(of: Self.year)) }
}
