import FundLedger

/// `cpf init`: creates a ledger file with the schema and a chart of accounts.
struct InitCommand: Command {
    static let configuration = CommandConfiguration(
        name: "init",
        abstract: "Create a ledger file with the schema and the default chart of accounts.",
        discussion: """
        EXAMPLES:
          cpf --db fund.cpf init --name "Quỹ Bảo trợ trẻ em tỉnh Tây Ninh"
          cpf --db fund.cpf init --name "Quỹ BTTE xã An Bình" --chart our-chart.csv

        The chart CSV has the header code,name_vi,name_en,type,currency,parent (see
        'cpf account load --help'). Without --chart the standard Child Protection Fund chart
        is used ('cpf account list' shows it).
        """,
        options: [
            .value("--name", "NAME", "the fund's name", required: true),
            .value("--chart", "FILE", "a fund's own chart of accounts (CSV) instead of the standard one"),
        ])

    let name: String
    let chartPath: String?

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        name = arguments.required("--name")
        chartPath = arguments.value("--chart")
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let path = try context.requireDatabasePath()
        let chart = try chartPath.map { try ChartOfAccounts.parse(FileByteSource(path: $0), sourceName: $0) } ?? .standard
        let ledger = try Ledger.create(at: path, fundName: name, user: context.user, chart: chart)
        context.print("Created the ledger of \(ledger.fundName) at \(path): schema version \(try ledger.schemaVersion()), \(chart.definitions.count) accounts.")
        return .success
    }
}
