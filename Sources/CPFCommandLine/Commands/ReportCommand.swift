import FundLedger

/// `cpf report NAME`: the reports of docs/domain.md §6.
struct ReportCommand: Command {
    /// A report `cpf report` can make, and how it reads the shared options.
    struct Entry: Sendable {
        let name: String
        let abstract: String
        let build: @Sendable (Ledger, ReportOptions) throws -> Report
    }

    static let catalog: [Entry] = [
        Entry(name: "trial-balance", abstract: "debits, credits and balance per account (--to, default today)") { ledger, options in
            try ledger.trialBalanceReport(through: options.to ?? Timestamp.today())
        },
        Entry(name: "financial-position", abstract: "assets, liabilities, net assets restricted/unrestricted (--at)") { ledger, options in
            try ledger.financialPositionReport(at: options.to ?? Timestamp.today())
        },
        Entry(name: "activities", abstract: "receipts by source and uses by program (--from --to, or --year)") { ledger, options in
            let period = try options.period()
            return try ledger.activitiesReport(from: period.from, to: period.to)
        },
        Entry(name: "cash-flow", abstract: "cash and bank at the start, receipts, payments, exchange effects, at the end (direct method; --from --to, or --year)") { ledger, options in
            let period = try options.period()
            return try ledger.cashFlowReport(from: period.from, to: period.to)
        },
        Entry(name: "ledger", abstract: "one account's register with running balance (--account, --from --to)") { ledger, options in
            let account = try options.require(options.account, "--account", example: "--account 1121")
            return try ledger.accountRegisterReport(accountCode: account, from: options.from ?? .earliest, to: options.to ?? Timestamp.today())
        },
        Entry(name: "grants", abstract: "grant utilization: committed, received, spent, available (--to)") { ledger, options in
            try ledger.grantsReport(through: options.to ?? Timestamp.today(), funderCode: options.funder)
        },
        Entry(name: "donor-statement", abstract: "what a funder gave, where it went, what remains (--funder, --from --to or --year)") { ledger, options in
            let funder = try options.require(options.funder, "--funder", example: "--funder KFW")
            let period = try options.period()
            return try ledger.donorStatementReport(funderCode: funder, from: period.from, to: period.to)
        },
        Entry(name: "plan-vs-actual", abstract: "plans against spending with the percentage (--year, or --from-year --to-year)") { ledger, options in
            let years = try options.years()
            return try ledger.planVersusActualReport(fromYear: years.from, toYear: years.to)
        },
        Entry(name: "reach", abstract: "child-instances by program, unit, period (--year or --from --to, --by program,unit,quarter)") { ledger, options in
            let period = try options.period()
            return try ledger.reachReport(from: period.from, to: period.to, grouping: try options.by.map(ReachGrouping.parse) ?? ReachGrouping())
        },
        Entry(name: "disclosure", abstract: "the yearly public disclosure: receipts by donor and source, uses (--year)") { ledger, options in
            try ledger.disclosureReport(year: try options.require(options.year, "--year", example: "--year 2018"))
        },
        Entry(name: "management-cap", abstract: "management costs against 10 % of the qualifying revenue (--year)") { ledger, options in
            try ledger.managementCapReport(year: try options.require(options.year, "--year", example: "--year 2018"))
        },
    ]

    static let configuration = CommandConfiguration(
        name: "report",
        abstract: "Print a report: \(catalog.map(\.name).joined(separator: ", ")).",
        discussion: "REPORTS:\n" + catalog.map { "  \($0.name.padding(20))\($0.abstract)" }.joined(separator: "\n") + """


        EXAMPLES:
          cpf report trial-balance      --to 2018-12-31
          cpf report financial-position --at 2018-12-31
          cpf report activities         --from 2018-01-01 --to 2018-12-31
          cpf report ledger             --account 1121 --from 2018-01-01
          cpf report grants             --to 2018-12-31
          cpf report donor-statement    --funder KFW --year 2018 --format html --lang en > kfw-2018.html
          cpf report plan-vs-actual     --year 2018
          cpf report reach              --year 2018 --by program,unit
          cpf report disclosure         --year 2018 --format html --lang vi
          cpf report management-cap     --year 2018
          cpf report cash-flow          --year 2018 --lang vi

        Every figure comes from a query in reports/ that an auditor can read. HTML is one
        self-contained printable file with charts. Donor statements, reach and the disclosure
        are public: beneficiary codes never appear, counts of children are rounded to 5, counts below 5
        show as "<5", and a total that would give one away is hidden (docs/privacy.md).
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
        let report = try entry.build(try context.openLedgerForReading(), options)
        // Written as rendered: every format ends its last line itself. (`print` would add a
        // "\n" after CSV's final CRLF, which Swift counts as one Character, not as "\n".)
        context.writeOutput(report.rendered(format, language: language))
        return .success
    }
}

/// The filters reports share. Each report reads the ones that make sense for it.
struct ReportOptions: Sendable {
    static let specs: [OptionSpec] = [
        .value("--from", "YYYY-MM-DD", "the first day covered"),
        .value("--to", "YYYY-MM-DD", "the last day covered"),
        .value("--at", "YYYY-MM-DD", "the day a statement of position is drawn up at (same as --to)"),
        .value("--year", "YYYY", "a calendar year"),
        .value("--from-year", "YYYY", "the first year (plan-vs-actual)"),
        .value("--to-year", "YYYY", "the last year (plan-vs-actual)"),
        .value("--account", "CODE", "the account (ledger)"),
        .value("--funder", "CODE", "the funder (donor-statement, grants)"),
        .value("--by", "LIST", "grouping for reach: program, unit, month, quarter, year"),
    ]

    var from: LedgerDate?
    var to: LedgerDate?
    var year: Int?
    var fromYear: Int?
    var toYear: Int?
    var account: String?
    var funder: String?
    var by: String?

    init(_ arguments: ParsedArguments) throws {
        from = try arguments.value("--from", LedgerDate.parse)
        to = try arguments.value("--to", LedgerDate.parse) ?? arguments.value("--at", LedgerDate.parse)
        func parseYear(_ name: String) throws -> Int? {
            guard let text = arguments.value(name) else { return nil }
            guard let year = Int(text), (1900...2199).contains(year) else {
                throw LedgerError(.invalidDate, "\(name) \(text) is not a year from 1900 to 2199", hint: "give a four-digit year, e.g. \(name) 2018")
            }
            return year
        }
        year = try parseYear("--year")
        fromYear = try parseYear("--from-year")
        toYear = try parseYear("--to-year")
        account = arguments.value("--account")
        funder = arguments.value("--funder")
        by = arguments.value("--by")
        if let from, let to, from > to {
            throw LedgerError(.invalidDate, "--from \(from) is after --to \(to)", hint: "give the earlier date with --from")
        }
        if year != nil && (from != nil || to != nil) {
            throw UsageError("give either --year or --from/--to, not both", command: "report")
        }
    }

    /// The period of a report over time: --year, or --from (default the start of the books)
    /// and --to (default today).
    func period() throws -> (from: LedgerDate, to: LedgerDate) {
        if let year { return (LedgerDate.firstOf(year: year), LedgerDate.lastOf(year: year)) }
        let to = self.to ?? Timestamp.today()
        let from = self.from ?? .earliest
        guard from <= to else { throw LedgerError(.invalidDate, "--from \(from) is after \(to)", hint: "give --to as well") }
        return (from, to)
    }

    /// The years of plan-vs-actual: --year, or --from-year and --to-year.
    func years() throws -> (from: Int, to: Int) {
        if let year { return (year, year) }
        guard let fromYear else { throw UsageError("give --year, or --from-year and --to-year", command: "report") }
        let toYear = self.toYear ?? fromYear
        guard fromYear <= toYear else { throw LedgerError(.invalidDate, "--from-year \(fromYear) is after --to-year \(toYear)", hint: "give the earlier year first") }
        return (fromYear, toYear)
    }

    func require<T>(_ value: T?, _ option: String, example: String) throws -> T {
        guard let value else { throw UsageError("this report needs \(option), e.g. \(example)", command: "report") }
        return value
    }
}
