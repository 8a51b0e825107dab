import FundLedger

/// `cpf program add`.
struct ProgramAddCommand: Command {
    static let codeArgument = SharedOptions.code
    static let nameVietnamese = SharedOptions.nameVietnamese
    static let nameEnglish = SharedOptions.nameEnglish
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
        options: [nameVietnamese, nameEnglish, expenseAccount])

    let program: NamedCode
    let expenseAccountCode: String

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        program = NamedCode(arguments)
        expenseAccountCode = arguments.required(Self.expenseAccount)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        try context.openLedger().addProgram(code: program.code, nameVietnamese: program.nameVietnamese, nameEnglish: program.nameEnglish,
                                            expenseAccountCode: expenseAccountCode, user: context.user)
        context.say(LocalizedText("Added program \(program.code).", "Đã thêm chương trình \(program.code)."))
        return .success
    }
}

struct ProgramListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "program list", abstract: LocalizedText("List the programs.", "Liệt kê các chương trình."), options: [OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments
    func report(_ ledger: Ledger) throws -> Report { try ledger.programsReport() }
}
