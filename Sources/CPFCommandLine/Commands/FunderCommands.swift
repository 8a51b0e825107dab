import FundLedger

/// `cpf funder add`.
struct FunderAddCommand: Command {
    static let codeArgument = Argument("CODE", LocalizedText("a short code: letters, digits, '.', '_', '-'", "mã ngắn: chữ cái, chữ số, '.', '_', '-'"))
    static let name = Option("--name", "NAME", LocalizedText("the funder's name", "tên nhà tài trợ"), required: true)
    static let kind = Option("--kind", "KIND", LocalizedText("government-central, government-local, ngo, company, individual or other", "government-central (ngân sách trung ương), government-local (ngân sách địa phương), ngo (tổ chức phi chính phủ), company (doanh nghiệp), individual (cá nhân) hoặc other (khác)"), required: true, parse: FunderKind.parse)
    static let currency = Option("--currency", "CODE", LocalizedText("the currency the funder gives in (default VND)", "loại tiền nhà tài trợ dùng (mặc định VND)"))
    static let country = Option("--country", "CC", LocalizedText("ISO 3166 two-letter country code, e.g. DE", "mã quốc gia ISO 3166 hai chữ cái, ví dụ DE"))
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
        """),
        positionals: [codeArgument],
        options: [name, kind, currency, country])

    let code: String
    let name: String
    let kind: FunderKind
    let currency: Currency
    let country: String?

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        code = arguments.required(Self.codeArgument)
        name = arguments.required(Self.name)
        kind = try arguments.required(Self.kind)
        currency = try parseCurrency(arguments.value(of: Self.currency) ?? "VND")
        country = arguments.value(of: Self.country)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        try context.openLedger().addFunder(code: code, name: name, kind: kind, currency: currency, country: country, user: context.user)
        context.say(LocalizedText("Added funder \(code) (\(name), \(kind.rawValue), \(currency.code)).", "Đã thêm nhà tài trợ \(code) (\(name), \(kind.nameVietnamese), \(currency.code))."))
        return .success
    }
}

struct FunderListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "funder list", abstract: LocalizedText("List the funders.", "Liệt kê các nhà tài trợ."), options: [OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments
    func report(_ ledger: Ledger) throws -> Report { try ledger.fundersReport() }
}

/// A currency code the ledger knows, or a refusal.
func parseCurrency(_ code: String) throws -> Currency {
    guard let currency = Currency.named(code) else {
        throw LedgerError(.unknownCurrency, LocalizedText("unknown currency '\(code)'", "không có loại tiền '\(code)'"), hint: LocalizedText("use an ISO 4217 code the ledger knows: \(Currency.known.map(\.code).joined(separator: ", "))",
                                                  "hãy dùng mã ISO 4217 mà sổ biết: \(Currency.known.map(\.code).joined(separator: ", "))"))
    }
    return currency
}
