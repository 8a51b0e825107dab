import FundLedger

/// `cpf funder add`.
struct FunderAddCommand: Command {
    static let configuration = CommandConfiguration(
        name: "funder add",
        abstract: LocalizedText("Register a funder: the state budget, a foreign NGO, a company or an individual.", "Đăng ký một nhà tài trợ: ngân sách nhà nước, tổ chức phi chính phủ nước ngoài, doanh nghiệp hoặc cá nhân."),
        discussion: LocalizedText("""
        EXAMPLES:
          cpf funder add KFW --name "Kinderhilfe e.V." --kind ngo --currency USD --country DE
          cpf funder add NSTW --name "Ngân sách Trung ương" --kind government-central
          cpf funder add AIA --name "AIA Việt Nam" --kind company
        Kinds: \(FunderKind.allCases.map(\.rawValue).joined(separator: ", ")).
        """, """
        VÍ DỤ:
          cpf funder add KFW --name "Kinderhilfe e.V." --kind ngo --currency USD --country DE
          cpf funder add NSTW --name "Ngân sách Trung ương" --kind government-central
          cpf funder add AIA --name "AIA Việt Nam" --kind company
        Các loại: \(FunderKind.allCases.map(\.rawValue).joined(separator: ", ")).
        """))

    @Argument("CODE", help: LocalizedText("a short code: letters, digits, '.', '_', '-'", "mã ngắn: chữ cái, chữ số, '.', '_', '-'"))
    var code: String
    @Option("--name", "NAME", help: LocalizedText("the funder's name", "tên nhà tài trợ"))
    var name: String
    @Option("--kind", "KIND", help: LocalizedText("government-central, government-local, ngo, company, individual or other", "government-central (ngân sách trung ương), government-local (ngân sách địa phương), ngo (tổ chức phi chính phủ), company (doanh nghiệp), individual (cá nhân) hoặc other (khác)"), parse: FunderKind.parse)
    var kind: FunderKind
    @Option("--currency", "CODE", help: LocalizedText("the currency the funder gives in (default VND)", "loại tiền nhà tài trợ dùng (mặc định VND)"), parse: parseCurrency)
    var currency: Currency = .vnd
    @Option("--country", "CC", help: LocalizedText("ISO 3166 two-letter country code, e.g. DE", "mã quốc gia ISO 3166 hai chữ cái, ví dụ DE"))
    var country: String?

    func run(_ context: CommandContext) throws -> ExitStatus {
        try context.openLedger().addFunder(code: code, name: name, kind: kind, currency: currency, country: country, user: context.user)
        context.say(LocalizedText("Added funder \(code) (\(name), \(kind.rawValue), \(currency.code)).", "Đã thêm nhà tài trợ \(code) (\(name), \(kind.nameVietnamese), \(currency.code))."))
        return .success
    }
}

struct FunderListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "funder list", abstract: LocalizedText("List the funders.", "Liệt kê các nhà tài trợ."))
    @OptionGroup var output: ReportOutput
    func report(_ ledger: Ledger) throws -> Report { try ledger.fundersReport() }
}
