import FundLedger

/// `cpf rate set`.
struct RateSetCommand: Command {
    static let configuration = CommandConfiguration(
        name: "rate set",
        abstract: "Record an exchange rate: dong per one unit of a currency on a date, with its source.",
        discussion: """
        EXAMPLE:
          cpf rate set USD 2018-06-01 22750 --source SBV

        The rate is an exact decimal with '.' as the decimal point and no separators. A
        foreign line without a rate of its own uses the latest rate on or before its date.
        A recorded rate never changes, because entries cite it.
        """,
        positionals: [
            PositionalSpec("CURRENCY", "an ISO 4217 code, e.g. USD"),
            PositionalSpec("DATE", "YYYY-MM-DD"),
            PositionalSpec("RATE", "dong per one unit, e.g. 22750 or 23175.5"),
        ],
        options: [.value("--source", "SOURCE", "who published it, e.g. SBV (State Bank of Vietnam), MOF, VCB", required: true)])

    let currency: Currency
    let date: LedgerDate
    let rate: Rate
    let source: String

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        guard let currency = Currency.named(arguments.positionals[0]) else {
            throw LedgerError(.unknownCurrency, "unknown currency '\(arguments.positionals[0])'",
                              hint: "use an ISO 4217 code the ledger knows: \(Currency.known.map(\.code).joined(separator: ", "))")
        }
        self.currency = currency
        date = try LedgerDate.parse(arguments.positionals[1])
        rate = try Rate.parse(arguments.positionals[2])
        source = arguments.required("--source")
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let recorded = try context.openLedger().setRate(currency, on: date, rate: rate, source: source, user: context.user)
        context.print(recorded ? "Recorded \(currency.code) \(date) = \(rate) VND (\(source))."
                               : "\(currency.code) \(date) = \(rate) VND (\(source)) was already recorded; nothing changed.")
        return .success
    }
}

/// `cpf rate list`.
struct RateListCommand: Command {
    static let configuration = CommandConfiguration(
        name: "rate list",
        abstract: "List recorded exchange rates.",
        positionals: [PositionalSpec("CURRENCY", "only this currency", optional: true)],
        options: [OutputOptions.format, OutputOptions.language])

    let currency: Currency?
    let format: ReportFormat
    let language: Language

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        if let code = arguments.positional(0) {
            guard let currency = Currency.named(code) else {
                throw LedgerError(.unknownCurrency, "unknown currency '\(code)'", hint: "use an ISO 4217 code such as USD")
            }
            self.currency = currency
        } else {
            currency = nil
        }
        format = try OutputOptions.format(arguments)
        language = try OutputOptions.language(arguments, context: context)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        context.print(try context.openLedgerForReading().ratesReport(currency: currency).rendered(format, language: language))
        return .success
    }
}
