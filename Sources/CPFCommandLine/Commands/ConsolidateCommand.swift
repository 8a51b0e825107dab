import FundLedger

/// `cpf consolidate`.
struct ConsolidateCommand: Command {
    static let configuration = CommandConfiguration(
        name: "consolidate",
        abstract: LocalizedText("Add several funds' books together, with the transfers between them eliminated.",
                                "Hợp nhất sổ của nhiều quỹ, loại trừ các khoản chuyển giữa các quỹ."),
        discussion: LocalizedText("""
        Opens each ledger for reading only and verifies it (in parallel), matches every
        transfer notice between the files — matched, in transit at the date, or mismatched —
        eliminates the matched and in-transit transfers, and prints the consolidated trial
        balance, financial position, activities, cash flow, grants by original donor and
        reach, each with a column per fund, the eliminations and the consolidated figure.
        Child-instances are counted where they were reached. A file that fails to verify, or a
        transfer the two funds disagree on, is a finding: the exit status is then 1.

        EXAMPLES:
          cpf consolidate national.cpf tay-ninh.cpf long-an.cpf --year 2018
          cpf consolidate national.cpf tay-ninh.cpf --report grants --at 2018-12-31 --format html --output network.html
        """, """
        Mở từng sổ chỉ để đọc và kiểm tra (song song), đối chiếu mọi thông báo chuyển quỹ giữa
        các tệp — khớp, đang chuyển vào ngày lập, hoặc không khớp — loại trừ các khoản chuyển đã
        khớp và đang chuyển, rồi in bảng cân đối tài khoản, tình hình tài chính, thu chi, lưu
        chuyển tiền tệ, tài trợ theo nhà tài trợ gốc và lượt trẻ em hợp nhất, mỗi báo cáo có một
        cột cho từng quỹ, cột loại trừ và cột hợp nhất. Lượt trẻ em được tính tại nơi trẻ được hỗ
        trợ. Tệp không qua được kiểm tra, hoặc khoản chuyển mà hai quỹ ghi không khớp, là một
        phát hiện: khi đó mã thoát là 1.

        VÍ DỤ:
          cpf consolidate national.cpf tay-ninh.cpf long-an.cpf --year 2018
          cpf consolidate national.cpf tay-ninh.cpf --report grants --at 2018-12-31 --format html --output network.html
        """))

    @Argument("FILE", help: LocalizedText("a fund's ledger file", "tệp sổ của một quỹ"), count: .oneOrMore)
    var paths: [String]
    @Option("--report", "NAME", help: LocalizedText("one of trial-balance, financial-position, activities, cash-flow, grants, reach, transfers (default: all)",
                                                    "một trong trial-balance, financial-position, activities, cash-flow, grants, reach, transfers (mặc định: tất cả)"), parse: ConsolidateCommand.parts)
    var parts: [ConsolidatedBooks.Part] = ConsolidatedBooks.Part.allCases
    @Option(CommonOptions.from, help: LocalizedText("the first day of the period (default: the start of the books)", "ngày đầu của kỳ (mặc định: từ đầu sổ)"))
    var from: LedgerDate?
    @Option(CommonOptions.to, help: LocalizedText("the last day of the period (default: today)", "ngày cuối của kỳ (mặc định: hôm nay)"))
    var to: LedgerDate?
    @Option(CommonOptions.at, help: LocalizedText("the day balances are drawn up at (same as --to)", "ngày lập số dư (giống --to)"))
    var at: LedgerDate?
    @Option(CommonOptions.year) var year: Int?
    @Flag("--no-verify", help: LocalizedText("skip verifying the files: a quick look, said so in the report", "bỏ qua kiểm tra các tệp: chỉ xem nhanh, báo cáo có ghi rõ"))
    var skipsVerifying: Bool
    @Option(CommonOptions.format()) var format: ReportFormat = .table
    @Option(CommonOptions.output) private var outputListedInHelp: String?
    @Option(CommonOptions.language) private var languageListedInHelp: Language?

    static func parts(_ name: String) throws -> [ConsolidatedBooks.Part] {
        guard let part = ConsolidatedBooks.Part(rawValue: name) else {
            let names = ConsolidatedBooks.Part.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError(LocalizedText("unknown report '\(name)'; one of \(names)", "không có báo cáo '\(name)'; chọn một trong \(names)"), command: "consolidate")
        }
        return [part]
    }

    var period: ReportPeriod {
        get throws { try ReportPeriod(from: from, to: to ?? at, year: year) }
    }

    func validate() throws {
        _ = try period.days()
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let (from, to) = try period.days()
        let books = try ConsolidatedBooks.consolidate(paths: paths, from: from, to: to, verifying: !skipsVerifying, parts: parts)
        try context.emit(books.report(parts), format, language: context.language)
        for finding in books.findings { context.message(LocalizedText("finding: ", "phát hiện: ") + finding) }
        return books.findings.isEmpty ? .success : .failure
    }
}
