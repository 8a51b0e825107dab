import FundLedger

/// `cpf program add`.
struct ProgramAddCommand: RegistryAddCommand {
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
        """))

    @OptionGroup var row: RegistryNames
    @Option("--expense-account", "CODE", help: LocalizedText("where its disbursements are booked, e.g. 6119", "tài khoản hạch toán các khoản chi của chương trình, ví dụ 6119"))
    var expenseAccount: String

    var added: LocalizedText { LocalizedText("Added program \(row.code).", "Đã thêm chương trình \(row.code).") }

    func add(to ledger: Ledger, user: String) throws {
        try ledger.addProgram(code: row.code, nameVietnamese: row.nameVietnamese, nameEnglish: row.nameEnglish, expenseAccountCode: expenseAccount, user: user)
    }
}

struct ProgramListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "program list", abstract: LocalizedText("List the programs.", "Liệt kê các chương trình."))
    @OptionGroup var output: ReportOutput
    func report(_ ledger: Ledger) throws -> Report { try ledger.programsReport() }
}
