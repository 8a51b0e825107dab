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
          cpf --db tay-ninh-2025.cpf init --name "Quỹ BTTE tỉnh Tây Ninh" --successor-of tay-ninh.cpf long-an.cpf --from 2025-07-01

        With --successor-of, the new fund succeeds funds that merged (docs/fund-network.md): it
        takes their registries, and its first entries, dated the day before --from, carry each
        predecessor's closing balances by account, currency, funder, grant, program, unit,
        restriction and goods lot. Each predecessor must verify and have no entry from --from
        on; it then gets a final record naming the successor and takes no more entries.
        'cpf verify --predecessors FILE…' proves the carried balances.

        The chart CSV has the header code,name_vi,name_en,type,currency,parent (see
        'cpf account load --help'). Without --chart the standard Child Protection Fund chart
        is used ('cpf account list' shows it).
        """, """
        VÍ DỤ:
          cpf --db fund.cpf init --name "Quỹ Bảo trợ trẻ em tỉnh Tây Ninh"
          cpf --db fund.cpf init --name "Quỹ BTTE xã An Bình" --chart our-chart.csv
          cpf --db fund.cpf --lang en init --name "Child Protection Fund of Tây Ninh"
          cpf --db tay-ninh-2025.cpf init --name "Quỹ BTTE tỉnh Tây Ninh" --successor-of tay-ninh.cpf long-an.cpf --from 2025-07-01

        Với --successor-of, quỹ mới kế thừa các quỹ đã sáp nhập (docs/fund-network.md): nhận danh
        mục của các quỹ đó, và các bút toán đầu tiên, ghi ngày trước --from một ngày, chuyển số dư
        cuối của từng quỹ tiền thân theo tài khoản, loại tiền, nhà tài trợ, khoản tài trợ, chương
        trình, đơn vị, hạn chế và lô hàng. Mỗi quỹ tiền thân phải qua được kiểm tra và không có bút
        toán từ ngày --from; sau đó quỹ được ghi bản ghi cuối nêu quỹ kế thừa và không nhận thêm
        bút toán. 'cpf verify --predecessors TỆP…' chứng minh số dư đã chuyển.

        Tệp CSV hệ thống tài khoản có dòng tiêu đề code,name_vi,name_en,type,currency,parent (xem
        'cpf account load --help'). Không có --chart thì dùng hệ thống tài khoản chuẩn của Quỹ
        Bảo trợ trẻ em ('cpf account list' cho xem). Sổ mới dùng tiếng Việt; tạo sổ với
        --lang en thì sổ dùng tiếng Anh (đổi sau bằng 'cpf settings set language vi|en').
        """))

    @Argument("PREDECESSOR", help: LocalizedText("with --successor-of: a predecessor's ledger file", "với --successor-of: tệp sổ của một quỹ tiền thân"), count: .zeroOrMore)
    var predecessors: [String]
    @Option("--name", "NAME", help: LocalizedText("the fund's name", "tên quỹ"))
    var name: String
    @Flag("--successor-of", help: LocalizedText("create the successor of the predecessors' ledgers given after it", "tạo quỹ kế thừa của các sổ tiền thân ghi sau tùy chọn này"))
    var isSuccessor: Bool
    @Option(CommonOptions.from, help: LocalizedText("with --successor-of: the day the successor's books begin", "với --successor-of: ngày sổ của quỹ kế thừa bắt đầu"))
    var from: LedgerDate?
    @Option("--chart", "FILE", help: LocalizedText("a fund's own chart of accounts (CSV) instead of the standard one", "hệ thống tài khoản riêng của quỹ (CSV) thay cho hệ thống chuẩn"))
    var chartPath: String?

    func validate() throws {
        if isSuccessor {
            guard !predecessors.isEmpty, from != nil else {
                throw UsageError(LocalizedText("--successor-of needs the predecessors' files and --from DATE", "--successor-of cần các tệp sổ tiền thân và --from NGÀY"), command: "init")
            }
            guard chartPath == nil else {
                throw UsageError(LocalizedText("a successor takes its predecessors' chart; leave out --chart", "quỹ kế thừa dùng hệ thống tài khoản của các quỹ tiền thân; hãy bỏ --chart"), command: "init")
            }
        } else if let extra = predecessors.first {
            throw UsageError(LocalizedText("unexpected argument '\(extra)' (predecessors' ledger files go after --successor-of)",
                                           "thừa đối số '\(extra)' (tệp sổ tiền thân ghi sau --successor-of)"), command: "init")
        } else if from != nil {
            throw UsageError(LocalizedText("--from goes with --successor-of", "--from đi cùng --successor-of"), command: "init")
        }
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let path = try context.requireDatabasePath()
        if let from {
            let ledger = try Ledger.createSuccessor(at: path, fundName: name, predecessorPaths: predecessors, from: from, user: context.user)
            if context.languageWasGiven && context.language != .vietnamese {
                try ledger.setSetting("language", to: context.language.rawValue, user: context.user)
            }
            context.say(LocalizedText("Created the ledger of \(ledger.fundName) at \(path), successor from \(from) of \(predecessors.count) funds whose closing balances it carries; each predecessor now names it and takes no more entries.",
                                      "Đã tạo sổ của \(ledger.fundName) tại \(path), kế thừa từ ngày \(from) \(predecessors.count) quỹ và chuyển sang số dư cuối của các quỹ đó; mỗi quỹ tiền thân nay ghi quỹ kế thừa và không nhận thêm bút toán."))
            return .success
        }
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
