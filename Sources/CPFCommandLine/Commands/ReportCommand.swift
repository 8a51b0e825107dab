import FundLedger

/// `cpf report NAME`: the reports of SPEC.md §6.
struct ReportCommand: Command {
    /// A report `cpf report` can make, and the options it reads.
    struct Entry: Sendable {
        let name: String
        let abstract: String
        let build: @Sendable (Ledger, ReportOptions) throws -> Report
    }

    static let catalog: [Entry] = [
        Entry(name: "trial-balance", abstract: "debits, credits and balance per account through a date (--to, default today)") { ledger, options in
            try ledger.trialBalanceReport(through: options.to ?? Timestamp.today())
        },
    ]

    static let configuration = CommandConfiguration(
        name: "report",
        abstract: "Print a report: \(catalog.map(\.name).joined(separator: ", ")).",
        discussion: "REPORTS:\n" + catalog.map { "  \($0.name.padding(20))\($0.abstract)" }.joined(separator: "\n") + """


        EXAMPLES:
          cpf report trial-balance --to 2018-12-31
          cpf report trial-balance --format csv
        Every report's figures come from a query in reports/ that an auditor can read.
        """,
        positionals: [PositionalSpec("NAME", "which report")],
        options: ReportOptions.specs + [OutputOptions.format, OutputOptions.language])

    let entry: Entry
    let options: ReportOptions
    let format: ReportFormat
    let language: Language

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        let name = arguments.positionals[0]
        guard let entry = ReportCommand.catalog.first(where: { $0.name == name }) else {
            throw UsageError("unknown report '\(name)'; reports: \(ReportCommand.catalog.map(\.name).joined(separator: ", "))", command: "report")
        }
        self.entry = entry
        options = try ReportOptions(arguments)
        format = try OutputOptions.format(arguments)
        language = try OutputOptions.language(arguments, context: context)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let report = try entry.build(try context.openLedger(), options)
        context.print(report.rendered(format, language: language))
        return .success
    }
}

/// The filters reports share. Each report reads the ones that make sense for it.
struct ReportOptions {
    static let specs: [OptionSpec] = [
        .value("--from", "YYYY-MM-DD", "the first day covered"),
        .value("--to", "YYYY-MM-DD", "the last day covered (also --at)"),
        .value("--at", "YYYY-MM-DD", "the day a statement of position is drawn up at"),
    ]

    var from: LedgerDate?
    var to: LedgerDate?

    init(_ arguments: ParsedArguments) throws {
        from = try arguments.value("--from", LedgerDate.parse)
        to = try arguments.value("--to", LedgerDate.parse) ?? arguments.value("--at", LedgerDate.parse)
        if let from, let to, from > to {
            throw LedgerError(.invalidDate, "--from \(from) is after --to \(to)", hint: "give the earlier date with --from")
        }
    }
}
