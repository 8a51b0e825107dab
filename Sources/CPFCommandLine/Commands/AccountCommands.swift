import FundLedger

/// `cpf account add`.
struct AccountAddCommand: Command {
    static let configuration = CommandConfiguration(
        name: "account add",
        abstract: "Add an account to the chart.",
        discussion: """
        EXAMPLE:
          cpf account add 1123 --name-vi "Tiền gửi Vietcombank" --name-en "Vietcombank deposits" --type asset --parent 112

        Types: asset, liability, net-assets, revenue, expense. A sub-account has its parent's
        type; an account that already has entries of its own cannot get sub-accounts.
        """,
        positionals: [PositionalSpec("CODE", "the account code: 1 to 20 letters and digits")],
        options: [
            .value("--name-vi", "NAME", "the Vietnamese name", required: true),
            .value("--name-en", "NAME", "the English name", required: true),
            .value("--type", "TYPE", "asset, liability, net-assets, revenue or expense", required: true),
            .value("--currency", "CODE", "the account's currency (default VND); a foreign-currency account takes only that currency"),
            .value("--parent", "CODE", "the parent account"),
        ])

    let definition: ChartOfAccounts.Definition

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        let currencyCode = arguments.value("--currency") ?? "VND"
        guard let currency = Currency.named(currencyCode) else {
            throw LedgerError(.unknownCurrency, "unknown currency '\(currencyCode)'", hint: "use an ISO 4217 code such as VND or USD")
        }
        definition = ChartOfAccounts.Definition(
            code: arguments.positionals[0], nameVietnamese: arguments.required("--name-vi"), nameEnglish: arguments.required("--name-en"),
            type: try AccountType.parse(arguments.required("--type")), currency: currency, parentCode: arguments.value("--parent"))
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        try context.openLedger().addAccount(definition, user: context.user)
        context.print("Added account \(definition.code) (\(definition.nameEnglish)).")
        return .success
    }
}

/// `cpf account list`.
struct AccountListCommand: Command {
    static let configuration = CommandConfiguration(
        name: "account list",
        abstract: "List the chart of accounts.",
        options: [OutputOptions.format, OutputOptions.language])

    let format: ReportFormat
    let language: Language

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        format = try OutputOptions.format(arguments)
        language = try OutputOptions.language(arguments, context: context)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedgerForReading()
        context.print(try ledger.chartReport().rendered(format, language: language))
        return .success
    }
}

/// `cpf account close`.
struct AccountCloseCommand: Command {
    static let configuration = CommandConfiguration(
        name: "account close",
        abstract: "Close an account: it accepts no further entries.",
        discussion: "An account is closed only when its balance is zero and its sub-accounts are closed.",
        positionals: [PositionalSpec("CODE", "the account code")],
        options: [.value("--date", "YYYY-MM-DD", "the closing date (default: today)")])

    let code: String
    let date: LedgerDate?

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        code = arguments.positionals[0]
        date = try arguments.value("--date", LedgerDate.parse)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let date = self.date ?? Timestamp.today()
        try context.openLedger().closeAccount(code: code, on: date, user: context.user)
        context.print("Closed account \(code) on \(date).")
        return .success
    }
}

/// `cpf account load`.
struct AccountLoadCommand: Command {
    static let configuration = CommandConfiguration(
        name: "account load",
        abstract: "Add a fund's own accounts from a CSV file, all or none.",
        discussion: """
        The file is RFC 4180 CSV with the header:
          code,name_vi,name_en,type,currency,parent
        type is asset, liability, net-assets, revenue or expense; currency is empty or VND for
        dong accounts, or a code such as USD; parent is empty or the code of an account defined
        earlier (in the file or the ledger). Sources/FundLedger/Chart/standard-chart.csv is an
        example.
        """,
        positionals: [PositionalSpec("FILE", "the chart CSV file")])

    let path: String

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        path = arguments.positionals[0]
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedger()
        let chart = try ChartOfAccounts.parse(FileByteSource(path: path), sourceName: path)
        try ledger.loadChart(chart, user: context.user)
        context.print("Added \(chart.definitions.count) accounts from \(path).")
        return .success
    }
}
