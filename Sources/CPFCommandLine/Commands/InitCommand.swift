import FundLedger

/// `cpf init`: creates a ledger file with the schema and a chart of accounts.
struct InitCommand: Command {
    static let configuration = CommandConfiguration(
        name: "init",
        abstract: LocalizedText("Create a ledger file with the schema and the default chart of accounts.", "Tạo tệp sổ với lược đồ và hệ thống tài khoản mặc định."),
        discussion: LocalizedText("""
        EXAMPLES:
          cpf --db fund.cpf init --name "Quỹ Bảo trợ trẻ em tỉnh Tây Ninh"
          cpf --db fund.cpf init --name "Quỹ BTTE xã An Bình" --chart our-chart.csv

        The chart CSV has the header code,name_vi,name_en,type,currency,parent (see
        'cpf account load --help'). Without --chart the standard Child Protection Fund chart
        is used ('cpf account list' shows it).
        """, """
        VÍ DỤ:
          cpf --db fund.cpf init --name "Quỹ Bảo trợ trẻ em tỉnh Tây Ninh"
          cpf --db fund.cpf init --name "Quỹ BTTE xã An Bình" --chart our-chart.csv
          cpf --db fund.cpf --lang en init --name "Child Protection Fund of Tây Ninh"

        Tệp CSV hệ thống tài khoản có dòng tiêu đề code,name_vi,name_en,type,currency,parent (xem
        'cpf account load --help'). Không có --chart thì dùng hệ thống tài khoản chuẩn của Quỹ
        Bảo trợ trẻ em ('cpf account list' cho xem). Sổ mới dùng tiếng Việt; tạo sổ với
        --lang en thì sổ dùng tiếng Anh (đổi sau bằng 'cpf settings set language vi|en').
        """),
        options: [
            .value("--name", "NAME", LocalizedText("the fund's name", "tên quỹ"), required: true),
            .value("--chart", "FILE", LocalizedText("a fund's own chart of accounts (CSV) instead of the standard one", "hệ thống tài khoản riêng của quỹ (CSV) thay cho hệ thống chuẩn")),
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
        // A new fund reads Vietnamese; `cpf --lang en init …` makes it an English-speaking one.
        if context.languageWasGiven && context.language != .vietnamese {
            try ledger.setSetting("language", to: context.language.rawValue, user: context.user)
        }
        let version = try ledger.schemaVersion()
        context.say(LocalizedText("Created the ledger of \(ledger.fundName) at \(path): schema version \(version), \(chart.definitions.count) accounts.",
                                  "Đã tạo sổ của \(ledger.fundName) tại \(path): lược đồ phiên bản \(version), \(chart.definitions.count) tài khoản."))
        return .success
    }
}
