import FundLedger

/// `cpf account add`.
struct AccountAddCommand: Command {
    static let configuration = CommandConfiguration(
        name: "account add",
        abstract: LocalizedText("Add an account to the chart.", "Thêm một tài khoản vào hệ thống tài khoản."),
        discussion: LocalizedText("""
        EXAMPLE:
          cpf account add 1123 --name-vi "Tiền gửi Vietcombank" --name-en "Vietcombank deposits" --type asset --parent 112

        Types: asset, liability, net-assets, revenue, expense. A sub-account has its parent's
        type; an account that already has entries of its own cannot get sub-accounts.
        """, """
        VÍ DỤ:
          cpf account add 1123 --name-vi "Tiền gửi Vietcombank" --name-en "Vietcombank deposits" --type asset --parent 112

        Loại: asset (tài sản), liability (nợ phải trả), net-assets (tài sản thuần), revenue (thu),
        expense (chi). Tài khoản chi tiết có cùng loại với tài khoản cấp trên; tài khoản đã có bút
        toán ghi trực tiếp thì không mở được tài khoản chi tiết.
        """))

    @Argument("CODE", help: LocalizedText("the account code: 1 to 20 letters and digits", "số hiệu tài khoản: 1 đến 20 chữ cái và chữ số"))
    var code: String
    @Option("--name-vi", "NAME", help: LocalizedText("the Vietnamese name", "tên tiếng Việt"))
    var nameVietnamese: String
    @Option("--name-en", "NAME", help: LocalizedText("the English name", "tên tiếng Anh"))
    var nameEnglish: String
    @Option("--type", "TYPE", help: LocalizedText("asset, liability, net-assets, revenue or expense", "asset (tài sản), liability (nợ phải trả), net-assets (tài sản thuần), revenue (thu) hoặc expense (chi)"), parse: AccountType.parse)
    var type: AccountType
    @Option("--currency", "CODE", help: LocalizedText("the account's currency (default VND); a foreign-currency account takes only that currency", "loại tiền của tài khoản (mặc định VND); tài khoản ngoại tệ chỉ nhận đúng loại tiền đó"), parse: AccountAddCommand.currency)
    var currency: Currency = .vnd
    @Option("--parent", "CODE", help: LocalizedText("the parent account", "tài khoản cấp trên"))
    var parent: String?

    static func currency(_ code: String) throws -> Currency {
        guard let currency = Currency.named(code) else {
            throw LedgerError(.unknownCurrency, LocalizedText("unknown currency '\(code)'", "không có loại tiền '\(code)'"), hint: LocalizedText("use an ISO 4217 code such as VND or USD", "hãy dùng mã ISO 4217 như VND hoặc USD"))
        }
        return currency
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let definition = ChartOfAccounts.Definition(code: code, nameVietnamese: nameVietnamese, nameEnglish: nameEnglish, type: type, currency: currency, parentCode: parent)
        try context.openLedger().addAccount(definition, user: context.user)
        context.say(LocalizedText("Added account \(definition.code) (\(definition.nameEnglish)).", "Đã thêm tài khoản \(definition.code) (\(definition.nameVietnamese))."))
        return .success
    }
}

/// `cpf account list`.
struct AccountListCommand: ListingCommand {
    static let configuration = CommandConfiguration(
        name: "account list",
        abstract: LocalizedText("List the chart of accounts.", "Liệt kê hệ thống tài khoản."))

    @OptionGroup var output: ReportOutput

    func report(_ ledger: Ledger) throws -> Report { try ledger.chartReport() }
}

/// `cpf account close`.
struct AccountCloseCommand: Command {
    static let configuration = CommandConfiguration(
        name: "account close",
        abstract: LocalizedText("Close an account: it accepts no further entries.", "Đóng một tài khoản: tài khoản không nhận thêm bút toán."),
        discussion: LocalizedText("An account is closed only when its balance is zero and its sub-accounts are closed.", "Chỉ đóng được tài khoản khi số dư bằng 0 và các tài khoản chi tiết đã đóng."))

    @Argument("CODE", help: LocalizedText("the account code", "số hiệu tài khoản"))
    var code: String
    @Option("--date", "YYYY-MM-DD", help: LocalizedText("the closing date (default: today)", "ngày đóng (mặc định: hôm nay)"), parse: LedgerDate.parse)
    var date: LedgerDate?

    func run(_ context: CommandContext) throws -> ExitStatus {
        let date = self.date ?? Timestamp.today()
        try context.openLedger().closeAccount(code: code, on: date, user: context.user)
        context.say(LocalizedText("Closed account \(code) on \(date).", "Đã đóng tài khoản \(code) từ ngày \(date)."))
        return .success
    }
}

/// `cpf account load`.
struct AccountLoadCommand: Command {
    static let configuration = CommandConfiguration(
        name: "account load",
        abstract: LocalizedText("Add a fund's own accounts from a CSV file, all or none.", "Thêm các tài khoản riêng của quỹ từ tệp CSV, thêm tất cả hoặc không thêm gì."),
        discussion: LocalizedText("""
        The file is RFC 4180 CSV with the header:
          code,name_vi,name_en,type,currency,parent
        type is asset, liability, net-assets, revenue or expense; currency is empty or VND for
        dong accounts, or a code such as USD; parent is empty or the code of an account defined
        earlier (in the file or the ledger). Sources/FundLedger/Chart/standard-chart.csv is an
        example.
        """, """
        Tệp là CSV theo RFC 4180 với dòng tiêu đề:
          code,name_vi,name_en,type,currency,parent
        type là asset, liability, net-assets, revenue hoặc expense; currency để trống hoặc VND cho
        tài khoản tiền đồng, hoặc một mã như USD; parent để trống hoặc là số hiệu của một tài khoản
        đã khai báo trước đó (trong tệp hoặc trong sổ). Tệp
        Sources/FundLedger/Chart/standard-chart.csv là một ví dụ.
        """))

    @Argument("FILE", help: LocalizedText("the chart CSV file", "tệp CSV hệ thống tài khoản"))
    var path: String

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedger()
        let chart = try ChartOfAccounts.parse(FileByteSource(path: path), sourceName: path)
        try ledger.loadChart(chart, user: context.user)
        context.say(LocalizedText("Added \(chart.definitions.count) accounts from \(path).", "Đã thêm \(chart.definitions.count) tài khoản từ \(path)."))
        return .success
    }
}
