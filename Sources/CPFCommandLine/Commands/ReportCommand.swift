import FundLedger

/// `cpf report NAME`: the reports of docs/domain.md §6.
struct ReportCommand: Command {
    /// A report `cpf report` can make, and how it reads the shared options.
    struct Entry: Sendable {
        let name: String
        let abstract: LocalizedText
        let build: @Sendable (Ledger, ReportOptions) throws -> Report
    }

    static let catalog: [Entry] = [
        Entry(name: "trial-balance", abstract: LocalizedText("debits, credits and balance per account (--to, default today)", "phát sinh Nợ, Có và số dư từng tài khoản (--to, mặc định hôm nay)")) { ledger, options in
            try ledger.trialBalanceReport(through: options.to ?? Timestamp.today())
        },
        Entry(name: "financial-position", abstract: LocalizedText("assets, liabilities, net assets restricted/unrestricted (--at)", "tài sản, nợ phải trả, tài sản thuần có/không hạn chế (--at)")) { ledger, options in
            try ledger.financialPositionReport(at: options.to ?? Timestamp.today())
        },
        Entry(name: "activities", abstract: LocalizedText("receipts by source and uses by program (--from --to, or --year)", "thu theo nguồn và chi theo chương trình (--from --to, hoặc --year)")) { ledger, options in
            let period = try options.period()
            return try ledger.activitiesReport(from: period.from, to: period.to)
        },
        Entry(name: "cash-flow", abstract: LocalizedText("cash and bank at the start, receipts, payments, exchange effects, at the end (direct method; --from --to, or --year)", "tiền mặt và tiền gửi đầu kỳ, thu, chi, chênh lệch tỷ giá, cuối kỳ (phương pháp trực tiếp; --from --to, hoặc --year)")) { ledger, options in
            let period = try options.period()
            return try ledger.cashFlowReport(from: period.from, to: period.to)
        },
        Entry(name: "ledger", abstract: LocalizedText("one account's register with running balance (--account, --from --to)", "sổ chi tiết một tài khoản kèm số dư lũy kế (--account, --from --to)")) { ledger, options in
            let account = try options.require(options.account, "--account", example: "--account 1121")
            return try ledger.accountRegisterReport(accountCode: account, from: options.from ?? .earliest, to: options.to ?? Timestamp.today())
        },
        Entry(name: "grants", abstract: LocalizedText("grant utilization: committed, received, spent, available (--to)", "tình hình sử dụng khoản tài trợ: cam kết, đã nhận, đã chi, còn lại (--to)")) { ledger, options in
            try ledger.grantsReport(through: options.to ?? Timestamp.today(), funderCode: options.funder)
        },
        Entry(name: "donor-statement", abstract: LocalizedText("what a funder gave, where it went, what remains (--funder, --from --to or --year)", "nhà tài trợ đã tài trợ gì, dùng vào đâu, còn lại bao nhiêu (--funder, --from --to hoặc --year)")) { ledger, options in
            let funder = try options.require(options.funder, "--funder", example: "--funder KFW")
            let period = try options.period()
            return try ledger.donorStatementReport(funderCode: funder, from: period.from, to: period.to)
        },
        Entry(name: "plan-vs-actual", abstract: LocalizedText("plans against spending with the percentage (--year, or --from-year --to-year)", "kế hoạch so với thực chi, kèm tỷ lệ (--year, hoặc --from-year --to-year)")) { ledger, options in
            let years = try options.years()
            return try ledger.planVersusActualReport(fromYear: years.from, toYear: years.to)
        },
        Entry(name: "reach", abstract: LocalizedText("child-instances by program, unit, period (--year or --from --to, --by program,unit,quarter)", "lượt trẻ em theo chương trình, đơn vị, kỳ (--year hoặc --from --to, --by program,unit,quarter)")) { ledger, options in
            let period = try options.period()
            return try ledger.reachReport(from: period.from, to: period.to, grouping: try options.by.map(ReachGrouping.parse) ?? ReachGrouping())
        },
        Entry(name: "disclosure", abstract: LocalizedText("the yearly public disclosure: receipts by donor and source, uses (--year)", "công khai hằng năm: thu theo nhà tài trợ và nguồn, sử dụng (--year)")) { ledger, options in
            try ledger.disclosureReport(year: try options.require(options.year, "--year", example: "--year 2018"))
        },
        Entry(name: "management-cap", abstract: LocalizedText("management costs against 10 % of the qualifying revenue (--year)", "chi phí quản lý so với 10 % số thu làm căn cứ (--year)")) { ledger, options in
            try ledger.managementCapReport(year: try options.require(options.year, "--year", example: "--year 2018"))
        },
    ]

    private static let examples = """
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
        """

    static let configuration = CommandConfiguration(
        name: "report",
        abstract: LocalizedText("Print a report: \(catalog.map(\.name).joined(separator: ", ")).", "In một báo cáo: \(catalog.map(\.name).joined(separator: ", "))."),
        discussion: LocalizedText(english: "REPORTS:\n" + catalog.map { "  \($0.name.padding(20))\($0.abstract.english)" }.joined(separator: "\n") + """


        EXAMPLES:
        \(examples)

        Every figure comes from a query in reports/ that an auditor can read. HTML is one
        self-contained printable file with charts. Donor statements, reach and the disclosure
        are public: beneficiary codes never appear, counts of children are rounded to 5, counts below 5
        show as "<5", and a total that would give one away is hidden (docs/privacy.md).
        """, vietnamese: "CÁC BÁO CÁO:\n" + catalog.map { "  \($0.name.padding(20))\($0.abstract.vietnamese)" }.joined(separator: "\n") + """


        VÍ DỤ:
        \(examples)

        Mọi số liệu lấy từ một truy vấn trong reports/ mà kiểm toán viên đọc được. HTML là một tệp
        độc lập, in được, có biểu đồ. Báo cáo cho nhà tài trợ, báo cáo lượt trẻ em và báo cáo công
        khai là tài liệu công khai: mã đối tượng thụ hưởng không bao giờ xuất hiện, số trẻ em được
        làm tròn đến 5, số dưới 5 ghi là "<5", và tổng nào để lộ số đó thì được ẩn (docs/privacy.md).
        """))

    @Argument("NAME", help: LocalizedText("which report", "báo cáo nào"), parse: ReportCommand.entry)
    var entry: Entry
    @OptionGroup var options: ReportOptions
    @OptionGroup var output: ReportOutput

    static func entry(_ name: String) throws -> Entry {
        guard let entry = ReportCommand.catalog.first(where: { $0.name == name }) else {
            let names = ReportCommand.catalog.map(\.name).joined(separator: ", ")
            throw UsageError(LocalizedText("unknown report '\(name)'; reports: \(names)", "không có báo cáo '\(name)'; các báo cáo: \(names)"), command: "report")
        }
        return entry
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let report = try entry.build(try context.openLedgerForReading(), options)
        // Written as rendered: every format ends its last line itself. (`print` would add a
        // "\n" after CSV's final CRLF, which Swift counts as one Character, not as "\n".)
        try context.emit(report, output.format, language: context.language)
        return .success
    }
}

/// The filters reports share. Each report reads the ones that make sense for it.
struct ReportOptions: OptionGroupContent {
    @Option(CommonOptions.from, help: LocalizedText("the first day covered", "ngày đầu của kỳ báo cáo"))
    var from: LedgerDate?
    @Option(CommonOptions.to, help: LocalizedText("the last day covered", "ngày cuối của kỳ báo cáo"))
    private var toDay: LedgerDate?
    @Option(CommonOptions.at, help: LocalizedText("the day a statement of position is drawn up at (same as --to)", "ngày lập báo cáo tình hình tài chính (giống --to)"))
    private var atDay: LedgerDate?
    @Option(CommonOptions.year) var year: Int?
    @Option(CommonOptions.year("--from-year"), help: LocalizedText("the first year (plan-vs-actual)", "năm đầu (plan-vs-actual)"))
    var fromYear: Int?
    @Option(CommonOptions.year("--to-year"), help: LocalizedText("the last year (plan-vs-actual)", "năm cuối (plan-vs-actual)"))
    var toYear: Int?
    @Option("--account", "CODE", help: LocalizedText("the account (ledger)", "tài khoản (ledger)"))
    var account: String?
    @Option("--funder", "CODE", help: LocalizedText("the funder (donor-statement, grants)", "nhà tài trợ (donor-statement, grants)"))
    var funder: String?
    @Option("--by", "LIST", help: LocalizedText("grouping for reach: program, unit, month, quarter, year", "cách nhóm của reach: program, unit, month, quarter, year"))
    var by: String?

    /// The last day: --to, or --at.
    var to: LedgerDate? { toDay ?? atDay }

    func validate() throws {
        _ = try ReportPeriod(from: from, to: to, year: year)
    }

    /// The period of a report over time: --year, or --from (default the start of the books)
    /// and --to (default today).
    func period() throws -> (from: LedgerDate, to: LedgerDate) {
        try ReportPeriod(from: from, to: to, year: year).days()
    }

    /// The years of plan-vs-actual: --year, or --from-year and --to-year.
    func years() throws -> (from: Int, to: Int) {
        if let year { return (year, year) }
        guard let fromYear else { throw UsageError(LocalizedText("give --year, or --from-year and --to-year", "hãy ghi --year, hoặc --from-year và --to-year"), command: "report") }
        let toYear = self.toYear ?? fromYear
        guard fromYear <= toYear else { throw LedgerError(.invalidDate, LocalizedText("--from-year \(fromYear) is after --to-year \(toYear)", "--from-year \(fromYear) sau --to-year \(toYear)"), hint: LocalizedText("give the earlier year first", "hãy ghi năm sớm hơn trước")) }
        return (fromYear, toYear)
    }

    func require<T>(_ value: T?, _ option: String, example: String) throws -> T {
        guard let value else { throw UsageError(LocalizedText("this report needs \(option), e.g. \(example)", "báo cáo này cần \(option), ví dụ \(example)"), command: "report") }
        return value
    }
}
