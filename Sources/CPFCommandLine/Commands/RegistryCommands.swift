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
        """),
        positionals: [PositionalSpec("CODE", LocalizedText("a short code: letters, digits, '.', '_', '-'", "mã ngắn: chữ cái, chữ số, '.', '_', '-'"))],
        options: [
            .value("--name", "NAME", LocalizedText("the funder's name", "tên nhà tài trợ"), required: true),
            .value("--kind", "KIND", LocalizedText("government-central, government-local, ngo, company, individual or other", "government-central (ngân sách trung ương), government-local (ngân sách địa phương), ngo (tổ chức phi chính phủ), company (doanh nghiệp), individual (cá nhân) hoặc other (khác)"), required: true),
            .value("--currency", "CODE", LocalizedText("the currency the funder gives in (default VND)", "loại tiền nhà tài trợ dùng (mặc định VND)")),
            .value("--country", "CC", LocalizedText("ISO 3166 two-letter country code, e.g. DE", "mã quốc gia ISO 3166 hai chữ cái, ví dụ DE")),
        ])

    let code: String
    let name: String
    let kind: FunderKind
    let currency: Currency
    let country: String?

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        code = arguments.positionals[0]
        name = arguments.required("--name")
        kind = try FunderKind.parse(arguments.required("--kind"))
        currency = try parseCurrency(arguments.value("--currency") ?? "VND")
        country = arguments.value("--country")
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

/// `cpf program add`.
struct ProgramAddCommand: Command {
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
        positionals: [PositionalSpec("CODE", LocalizedText("a short code: letters, digits, '.', '_', '-'", "mã ngắn: chữ cái, chữ số, '.', '_', '-'"))],
        options: [
            .value("--name-vi", "NAME", LocalizedText("the Vietnamese name", "tên tiếng Việt"), required: true),
            .value("--name-en", "NAME", LocalizedText("the English name", "tên tiếng Anh"), required: true),
            .value("--expense-account", "CODE", LocalizedText("where its disbursements are booked, e.g. 6119", "tài khoản hạch toán các khoản chi của chương trình, ví dụ 6119"), required: true),
        ])

    let arguments: ParsedArguments

    init(_ arguments: ParsedArguments, context: CommandContext) throws { self.arguments = arguments }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let code = arguments.positionals[0]
        try context.openLedger().addProgram(code: code, nameVietnamese: arguments.required("--name-vi"), nameEnglish: arguments.required("--name-en"),
                                            expenseAccountCode: arguments.required("--expense-account"), user: context.user)
        context.say(LocalizedText("Added program \(code).", "Đã thêm chương trình \(code)."))
        return .success
    }
}

struct ProgramListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "program list", abstract: LocalizedText("List the programs.", "Liệt kê các chương trình."), options: [OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments
    func report(_ ledger: Ledger) throws -> Report { try ledger.programsReport() }
}

/// `cpf unit add`.
struct UnitAddCommand: Command {
    static let configuration = CommandConfiguration(
        name: "unit add",
        abstract: LocalizedText("Register an org unit: a province, district or commune.", "Đăng ký một đơn vị: tỉnh, huyện hoặc xã."),
        discussion: LocalizedText("""
        EXAMPLES:
          cpf unit add TN --name "Tỉnh Tây Ninh" --level province
          cpf unit add TN-TB --name "Xã Tân Biên" --level commune --parent TN --from 2018-01-01
        Levels: \(OrgUnitLevel.allCases.map(\.rawValue).joined(separator: ", ")). A unit merged into another keeps its
        history: see 'cpf unit merge'.
        """, """
        VÍ DỤ:
          cpf unit add TN --name "Tỉnh Tây Ninh" --level province
          cpf unit add TN-TB --name "Xã Tân Biên" --level commune --parent TN --from 2018-01-01
        Các cấp: \(OrgUnitLevel.allCases.map(\.rawValue).joined(separator: ", ")). Đơn vị sáp nhập vào đơn vị khác vẫn giữ
        lịch sử: xem 'cpf unit merge'.
        """),
        positionals: [PositionalSpec("CODE", LocalizedText("a short code: letters, digits, '.', '_', '-'", "mã ngắn: chữ cái, chữ số, '.', '_', '-'"))],
        options: [
            .value("--name", "NAME", LocalizedText("the unit's name", "tên đơn vị"), required: true),
            .value("--level", "LEVEL", LocalizedText("national, province, district, commune or other", "national (trung ương), province (tỉnh), district (huyện), commune (xã) hoặc other (khác)"), required: true),
            .value("--parent", "CODE", LocalizedText("the unit it belongs to", "đơn vị cấp trên")),
            .value("--from", "YYYY-MM-DD", LocalizedText("when the unit came into being", "ngày đơn vị được thành lập")),
            .value("--to", "YYYY-MM-DD", LocalizedText("when it ceased", "ngày đơn vị chấm dứt")),
        ])

    let arguments: ParsedArguments
    let level: OrgUnitLevel
    let from: LedgerDate?
    let to: LedgerDate?

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        self.arguments = arguments
        guard let level = OrgUnitLevel(rawValue: arguments.required("--level")) else {
            let levels = OrgUnitLevel.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError(LocalizedText("--level is one of: \(levels)", "--level là một trong: \(levels)"), command: "unit add")
        }
        self.level = level
        from = try arguments.value("--from", LedgerDate.parse)
        to = try arguments.value("--to", LedgerDate.parse)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let code = arguments.positionals[0]
        try context.openLedger().addUnit(code: code, name: arguments.required("--name"), level: level, parentCode: arguments.value("--parent"),
                                         effectiveFrom: from, effectiveTo: to, user: context.user)
        context.say(LocalizedText("Added unit \(code).", "Đã thêm đơn vị \(code)."))
        return .success
    }
}

/// `cpf unit merge`.
struct UnitMergeCommand: Command {
    static let configuration = CommandConfiguration(
        name: "unit merge",
        abstract: LocalizedText("Record that a unit was merged into another on a date; its history stays.", "Ghi nhận một đơn vị được sáp nhập vào đơn vị khác từ một ngày; lịch sử của nó được giữ nguyên."),
        discussion: LocalizedText("EXAMPLE:\n  cpf unit merge TB --into TN --date 2025-07-01", "VÍ DỤ:\n  cpf unit merge TB --into TN --date 2025-07-01"),
        positionals: [PositionalSpec("CODE", LocalizedText("the unit that ceased", "đơn vị chấm dứt"))],
        options: [
            .value("--into", "CODE", LocalizedText("the unit that absorbed it", "đơn vị tiếp nhận"), required: true),
            .value("--date", "YYYY-MM-DD", LocalizedText("its last day", "ngày cuối cùng của nó"), required: true),
        ])

    let code: String
    let successor: String
    let date: LedgerDate

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        code = arguments.positionals[0]
        successor = arguments.required("--into")
        date = try LedgerDate.parse(arguments.required("--date"))
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        try context.openLedger().mergeUnit(code: code, into: successor, on: date, user: context.user)
        context.say(LocalizedText("Unit \(code) ends on \(date), merged into \(successor).", "Đơn vị \(code) chấm dứt ngày \(date), sáp nhập vào \(successor)."))
        return .success
    }
}

struct UnitListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "unit list", abstract: LocalizedText("List the org units.", "Liệt kê các đơn vị."), options: [OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments
    func report(_ ledger: Ledger) throws -> Report { try ledger.unitsReport() }
}

/// `cpf item add`.
struct ItemAddCommand: Command {
    static let configuration = CommandConfiguration(
        name: "item add",
        abstract: LocalizedText("Register a kind of goods received in kind (a receipt in kind also registers a new item).", "Đăng ký một loại hiện vật (nhận hiện vật cũng tự đăng ký mặt hàng mới)."),
        discussion: LocalizedText("EXAMPLE:\n  cpf item add bicycle --name-vi \"Xe đạp\" --name-en \"Bicycle\" --unit chiếc", "VÍ DỤ:\n  cpf item add bicycle --name-vi \"Xe đạp\" --name-en \"Bicycle\" --unit chiếc"),
        positionals: [PositionalSpec("CODE", LocalizedText("a short code: letters, digits, '.', '_', '-'", "mã ngắn: chữ cái, chữ số, '.', '_', '-'"))],
        options: [
            .value("--name-vi", "NAME", LocalizedText("the Vietnamese name", "tên tiếng Việt"), required: true),
            .value("--name-en", "NAME", LocalizedText("the English name", "tên tiếng Anh"), required: true),
            .value("--unit", "UNIT", LocalizedText("the unit of count, e.g. chiếc, hộp, suất", "đơn vị tính, ví dụ chiếc, hộp, suất"), required: true),
        ])

    let arguments: ParsedArguments

    init(_ arguments: ParsedArguments, context: CommandContext) throws { self.arguments = arguments }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let code = arguments.positionals[0]
        try context.openLedger().addGoodsItem(code: code, nameVietnamese: arguments.required("--name-vi"), nameEnglish: arguments.required("--name-en"),
                                              unit: arguments.required("--unit"), user: context.user)
        context.say(LocalizedText("Added goods item \(code).", "Đã thêm mặt hàng \(code)."))
        return .success
    }
}

struct ItemListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "item list", abstract: LocalizedText("List the goods items.", "Liệt kê các mặt hàng."), options: [OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments
    func report(_ ledger: Ledger) throws -> Report { try ledger.goodsItemsReport() }
}

/// A currency code the ledger knows, or a refusal.
func parseCurrency(_ code: String) throws -> Currency {
    guard let currency = Currency.named(code) else {
        throw LedgerError(.unknownCurrency, LocalizedText("unknown currency '\(code)'", "không có loại tiền '\(code)'"), hint: LocalizedText("use an ISO 4217 code the ledger knows: \(Currency.known.map(\.code).joined(separator: ", "))",
                                                  "hãy dùng mã ISO 4217 mà sổ biết: \(Currency.known.map(\.code).joined(separator: ", "))"))
    }
    return currency
}
