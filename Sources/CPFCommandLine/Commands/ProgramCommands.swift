import FundLedger

/// `cpf program add`.
struct ProgramAddCommand: Command {
    static let codeArgument = Argument("CODE", LocalizedText("a short code: letters, digits, '.', '_', '-'", "mã ngắn: chữ cái, chữ số, '.', '_', '-'"))
    static let nameVi = Option("--name-vi", "NAME", LocalizedText("the Vietnamese name", "tên tiếng Việt"), required: true)
    static let nameEn = Option("--name-en", "NAME", LocalizedText("the English name", "tên tiếng Anh"), required: true)
    static let expenseAccount = Option("--expense-account", "CODE", LocalizedText("where its disbursements are booked, e.g. 6119", "tài khoản hạch toán các khoản chi của chương trình, ví dụ 6119"), required: true)
    static let configuration = CommandConfiguration(
        name: "program add",
        abstract: LocalizedText("Register a program money is spent on.", "Đăng ký một chương trình được chi."),
        discussion: LocalizedText("""
        The standard programs are seeded by init: scholarship, milk, house, gift, bicycle,
        health-insurance, emergency, counselling, swimming, other ('cpf program list').
        EXAMPLE:
          cpf program add tet-gift --name-vi "Quà Tết" --name-en "Tết gifts" --expense-account 6114
        """, """
        Các chương trình chuẩn được tạo khi init: scholarship, milk, house, gift, bicycle,
        health-insurance, emergency, counselling, swimming, other ('cpf program list').
        VÍ DỤ:
          cpf program add tet-gift --name-vi "Quà Tết" --name-en "Tết gifts" --expense-account 6114
        """),
        positionals: [codeArgument],
        options: [nameVi, nameEn, expenseAccount])

    let arguments: ParsedArguments

    init(_ arguments: ParsedArguments, context: CommandContext) throws { self.arguments = arguments }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let code = arguments.required(Self.codeArgument)
        try context.openLedger().addProgram(code: code, nameVietnamese: arguments.required(Self.nameVi), nameEnglish: arguments.required(Self.nameEn),
                                            expenseAccountCode: arguments.required(Self.expenseAccount), user: context.user)
        context.say(LocalizedText("Added program \(code).", "Đã thêm chương trình \(code)."))
        return .success
    }
}

struct ProgramListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "program list", abstract: LocalizedText("List the programs.", "Liệt kê các chương trình."), options: [OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments
    func report(_ ledger: Ledger) throws -> Report { try ledger.programsReport() }
}
