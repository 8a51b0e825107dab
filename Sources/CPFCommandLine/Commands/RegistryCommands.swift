import FundLedger

/// `cpf funder add`.
struct FunderAddCommand: Command {
    static let configuration = CommandConfiguration(
        name: "funder add",
        abstract: "Register a funder: the state budget, a foreign NGO, a company or an individual.",
        discussion: """
        EXAMPLES:
          cpf funder add KFW --name "Kinderhilfe e.V." --kind ngo --currency USD --country DE
          cpf funder add NSTW --name "Ngân sách Trung ương" --kind government-central
          cpf funder add AIA --name "AIA Việt Nam" --kind company
        Kinds: \(FunderKind.allCases.map(\.rawValue).joined(separator: ", ")).
        """,
        positionals: [PositionalSpec("CODE", "a short code: letters, digits, '.', '_', '-'")],
        options: [
            .value("--name", "NAME", "the funder's name", required: true),
            .value("--kind", "KIND", "government-central, government-local, ngo, company, individual or other", required: true),
            .value("--currency", "CODE", "the currency the funder gives in (default VND)"),
            .value("--country", "CC", "ISO 3166 two-letter country code, e.g. DE"),
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
        context.print("Added funder \(code) (\(name), \(kind.rawValue), \(currency.code)).")
        return .success
    }
}

struct FunderListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "funder list", abstract: "List the funders.", options: [OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments
    func report(_ ledger: Ledger) throws -> Report { try ledger.fundersReport() }
}

/// `cpf program add`.
struct ProgramAddCommand: Command {
    static let configuration = CommandConfiguration(
        name: "program add",
        abstract: "Register a program money is spent on.",
        discussion: """
        The standard programs are seeded by init: scholarship, milk, house, gift, bicycle,
        health-insurance, emergency, counselling, swimming, other ('cpf program list').
        EXAMPLE:
          cpf program add tet-gift --name-vi "Quà Tết" --name-en "Tết gifts" --expense-account 6114
        """,
        positionals: [PositionalSpec("CODE", "a short code: letters, digits, '.', '_', '-'")],
        options: [
            .value("--name-vi", "NAME", "the Vietnamese name", required: true),
            .value("--name-en", "NAME", "the English name", required: true),
            .value("--expense-account", "CODE", "where its disbursements are booked, e.g. 6119", required: true),
        ])

    let arguments: ParsedArguments

    init(_ arguments: ParsedArguments, context: CommandContext) throws { self.arguments = arguments }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let code = arguments.positionals[0]
        try context.openLedger().addProgram(code: code, nameVietnamese: arguments.required("--name-vi"), nameEnglish: arguments.required("--name-en"),
                                            expenseAccountCode: arguments.required("--expense-account"), user: context.user)
        context.print("Added program \(code).")
        return .success
    }
}

struct ProgramListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "program list", abstract: "List the programs.", options: [OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments
    func report(_ ledger: Ledger) throws -> Report { try ledger.programsReport() }
}

/// `cpf unit add`.
struct UnitAddCommand: Command {
    static let configuration = CommandConfiguration(
        name: "unit add",
        abstract: "Register an org unit: a province, district or commune.",
        discussion: """
        EXAMPLES:
          cpf unit add TN --name "Tỉnh Tây Ninh" --level province
          cpf unit add TN-TB --name "Xã Tân Biên" --level commune --parent TN --from 2018-01-01
        Levels: \(OrgUnitLevel.allCases.map(\.rawValue).joined(separator: ", ")). A unit merged into another keeps its
        history: see 'cpf unit merge'.
        """,
        positionals: [PositionalSpec("CODE", "a short code: letters, digits, '.', '_', '-'")],
        options: [
            .value("--name", "NAME", "the unit's name", required: true),
            .value("--level", "LEVEL", "national, province, district, commune or other", required: true),
            .value("--parent", "CODE", "the unit it belongs to"),
            .value("--from", "YYYY-MM-DD", "when the unit came into being"),
            .value("--to", "YYYY-MM-DD", "when it ceased"),
        ])

    let arguments: ParsedArguments
    let level: OrgUnitLevel
    let from: LedgerDate?
    let to: LedgerDate?

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        self.arguments = arguments
        guard let level = OrgUnitLevel(rawValue: arguments.required("--level")) else {
            throw UsageError("--level is one of: \(OrgUnitLevel.allCases.map(\.rawValue).joined(separator: ", "))", command: "unit add")
        }
        self.level = level
        from = try arguments.value("--from", LedgerDate.parse)
        to = try arguments.value("--to", LedgerDate.parse)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let code = arguments.positionals[0]
        try context.openLedger().addUnit(code: code, name: arguments.required("--name"), level: level, parentCode: arguments.value("--parent"),
                                         effectiveFrom: from, effectiveTo: to, user: context.user)
        context.print("Added unit \(code).")
        return .success
    }
}

/// `cpf unit merge`.
struct UnitMergeCommand: Command {
    static let configuration = CommandConfiguration(
        name: "unit merge",
        abstract: "Record that a unit was merged into another on a date; its history stays.",
        discussion: "EXAMPLE:\n  cpf unit merge TB --into TN --date 2025-07-01",
        positionals: [PositionalSpec("CODE", "the unit that ceased")],
        options: [
            .value("--into", "CODE", "the unit that absorbed it", required: true),
            .value("--date", "YYYY-MM-DD", "its last day", required: true),
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
        context.print("Unit \(code) ends on \(date), merged into \(successor).")
        return .success
    }
}

struct UnitListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "unit list", abstract: "List the org units.", options: [OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments
    func report(_ ledger: Ledger) throws -> Report { try ledger.unitsReport() }
}

/// `cpf item add`.
struct ItemAddCommand: Command {
    static let configuration = CommandConfiguration(
        name: "item add",
        abstract: "Register a kind of goods received in kind (a receipt in kind also registers a new item).",
        discussion: "EXAMPLE:\n  cpf item add bicycle --name-vi \"Xe đạp\" --name-en \"Bicycle\" --unit chiếc",
        positionals: [PositionalSpec("CODE", "a short code: letters, digits, '.', '_', '-'")],
        options: [
            .value("--name-vi", "NAME", "the Vietnamese name", required: true),
            .value("--name-en", "NAME", "the English name", required: true),
            .value("--unit", "UNIT", "the unit of count, e.g. chiếc, hộp, suất", required: true),
        ])

    let arguments: ParsedArguments

    init(_ arguments: ParsedArguments, context: CommandContext) throws { self.arguments = arguments }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let code = arguments.positionals[0]
        try context.openLedger().addGoodsItem(code: code, nameVietnamese: arguments.required("--name-vi"), nameEnglish: arguments.required("--name-en"),
                                              unit: arguments.required("--unit"), user: context.user)
        context.print("Added goods item \(code).")
        return .success
    }
}

struct ItemListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "item list", abstract: "List the goods items.", options: [OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments
    func report(_ ledger: Ledger) throws -> Report { try ledger.goodsItemsReport() }
}

/// A currency code the ledger knows, or a refusal.
func parseCurrency(_ code: String) throws -> Currency {
    guard let currency = Currency.named(code) else {
        throw LedgerError(.unknownCurrency, "unknown currency '\(code)'", hint: "use an ISO 4217 code the ledger knows: \(Currency.known.map(\.code).joined(separator: ", "))")
    }
    return currency
}
