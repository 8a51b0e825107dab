import FundLedger

/// `cpf consolidate`.
struct ConsolidateCommand: Command {
    static let fileArgument = Argument("FILE", LocalizedText("a fund's ledger file", "tệp sổ của một quỹ"), repeated: true)
    static let report = Option("--report", "NAME", LocalizedText("one of trial-balance, financial-position, activities, cash-flow, grants, reach, transfers (default: all)",
                                                     "một trong trial-balance, financial-position, activities, cash-flow, grants, reach, transfers (mặc định: tất cả)"))
    static let from = ReportOptions.from.help(LocalizedText("the first day of the period (default: the start of the books)", "ngày đầu của kỳ (mặc định: từ đầu sổ)"))
    static let to = ReportOptions.to.help(LocalizedText("the last day of the period (default: today)", "ngày cuối của kỳ (mặc định: hôm nay)"))
    static let at = ReportOptions.at.help(LocalizedText("the day balances are drawn up at (same as --to)", "ngày lập số dư (giống --to)"))
    static let year = ReportOptions.year.help(LocalizedText("a calendar year", "một năm dương lịch"))
    static let noVerify = Flag("--no-verify", LocalizedText("skip verifying the files: a quick look, said so in the report", "bỏ qua kiểm tra các tệp: chỉ xem nhanh, báo cáo có ghi rõ"))
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
        """),
        positionals: [fileArgument],
        options: [report, from, to, at, year, noVerify, OutputOptions.format, OutputOptions.output, OutputOptions.language])

    let paths: [String]
    let parts: [ConsolidatedBooks.Part]
    let from: LedgerDate
    let to: LedgerDate
    let verifying: Bool
    let output: OutputChoice

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        paths = arguments.values(of: Self.fileArgument)
        if let name = arguments.value(of: Self.report) {
            guard let part = ConsolidatedBooks.Part(rawValue: name) else {
                let names = ConsolidatedBooks.Part.allCases.map(\.rawValue).joined(separator: ", ")
                throw UsageError(LocalizedText("unknown report '\(name)'; one of \(names)", "không có báo cáo '\(name)'; chọn một trong \(names)"), command: "consolidate")
            }
            parts = [part]
        } else {
            parts = ConsolidatedBooks.Part.allCases
        }
        (from, to) = try ReportOptions(arguments).period()
        verifying = !arguments.isSet(Self.noVerify)
        output = try OutputChoice(arguments, context: context)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let books = try ConsolidatedBooks.consolidate(paths: paths, from: from, to: to, verifying: verifying, parts: parts)
        try context.emit(books.report(parts), output)
        for finding in books.findings { context.message(LocalizedText("finding: ", "phát hiện: ") + finding) }
        return books.findings.isEmpty ? .success : .failure
    }
}
