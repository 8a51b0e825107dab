#if canImport(Glibc)
import Glibc
#endif
import DemoScenarios
import FundLedger

/// `cpf demo`: builds a demonstration fund from published facts and prints its books.
struct DemoCommand: Command {
    static let configuration = CommandConfiguration(
        name: "demo",
        abstract: LocalizedText("Build a demonstration fund from published facts and print its main reports.", "Dựng một quỹ trình diễn từ các số liệu đã công bố và in các báo cáo chính."),
        discussion: LocalizedText("""
        The ledger is written to --db, or to cpf-demo.cpf in the current directory; an existing
        demonstration ledger at that path is replaced, any other file is left alone. The HTML
        donor statement and public disclosure are written into --output (default
        cpf-demo-reports).

        SCENARIOS:
        \(DemoScenario.all.map { "  \($0.name)" }.joined(separator: "\n"))
        """, """
        Sổ được ghi vào --db, hoặc vào cpf-demo.cpf trong thư mục hiện tại; sổ trình diễn đã có ở
        đường dẫn đó được thay mới, mọi tệp khác được giữ nguyên. Báo cáo cho nhà tài trợ và báo
        cáo công khai dạng HTML được ghi vào --output (mặc định cpf-demo-reports).

        CÁC KỊCH BẢN:
        \(DemoScenario.all.map { "  \($0.name)" }.joined(separator: "\n"))
        """),
        options: [
            .value("--scenario", "NAME", LocalizedText("which scenario (default: \(DemoScenario.all[0].name))", "kịch bản nào (mặc định: \(DemoScenario.all[0].name))")),
            .value("--output", "DIR", LocalizedText("where to write the HTML reports (default: cpf-demo-reports)", "nơi ghi các báo cáo HTML (mặc định: cpf-demo-reports)")),
            OutputOptions.language,
        ])

    let scenario: DemoScenario
    let outputDirectory: String
    let language: Language

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        let name = arguments.value("--scenario") ?? DemoScenario.all[0].name
        guard let scenario = DemoScenario.named(name) else {
            let names = DemoScenario.all.map(\.name).joined(separator: ", ")
            throw UsageError(LocalizedText("unknown scenario '\(name)'; scenarios: \(names)", "không có kịch bản '\(name)'; các kịch bản: \(names)"), command: "demo")
        }
        self.scenario = scenario
        outputDirectory = arguments.value("--output") ?? "cpf-demo-reports"
        language = try OutputOptions.language(arguments, context: context)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let path = context.databasePath ?? "cpf-demo.cpf"
        try DemoCommand.removePreviousDemo(at: path)
        let ledger = try scenario.run(at: path, user: context.user)
        let (from, to) = (scenario.startDate, scenario.endDate)
        context.say(LocalizedText("\(scenario.fundName) — demonstration ledger at \(path)\n", "\(scenario.fundName) — sổ trình diễn tại \(path)\n"))
        context.say(scenario.description + LocalizedText(verbatim: "\n"))
        let reports = [
            try ledger.trialBalanceReport(through: to),
            try ledger.activitiesReport(from: from, to: to),
            try ledger.grantsReport(through: to),
            try ledger.planVersusActualReport(fromYear: from.year, toYear: to.year),
            try ledger.reachReport(from: from, to: to, grouping: ReachGrouping(byProgram: true)),
            try ledger.managementCapReport(year: to.year),
        ]
        for report in reports { context.print(report.rendered(.table, language: language)) }
        let written = try writeHTML(ledger, from: from, to: to)
        let files = written.joined(separator: ", ")
        context.say(LocalizedText("HTML reports written to \(outputDirectory)/: \(files)\n", "Đã ghi các báo cáo HTML vào \(outputDirectory)/: \(files)\n"))
        let verification = try ledger.verify()
        context.print(VerifyCommand.text(verification, digest: nil, in: language))
        return verification.isIntact ? .success : .failure
    }

    /// Writes the featured donor's statement (English and Vietnamese) and the last year's
    /// public disclosure into the output folder.
    private func writeHTML(_ ledger: Ledger, from: LedgerDate, to: LedgerDate) throws -> [String] {
        if access(outputDirectory, F_OK) != 0 && mkdir(outputDirectory, 0o755) != 0 {
            throw LedgerError(.invalidInput, LocalizedText("cannot create the folder \(outputDirectory)", "không tạo được thư mục \(outputDirectory)"), hint: LocalizedText("give another folder with --output", "hãy chọn thư mục khác bằng --output"))
        }
        let statement = try ledger.donorStatementReport(funderCode: scenario.featuredFunderCode, from: from, to: to)
        let files = [
            ("donor-statement-\(scenario.featuredFunderCode)-en.html", statement.rendered(.html, language: .english)),
            ("donor-statement-\(scenario.featuredFunderCode)-vi.html", statement.rendered(.html, language: .vietnamese)),
            ("disclosure-\(to.year)-vi.html", try ledger.disclosureReport(year: to.year).rendered(.html, language: .vietnamese)),
        ]
        for (name, html) in files { try DemoCommand.write(html, to: "\(outputDirectory)/\(name)") }
        return files.map(\.0)
    }

    static func write(_ text: String, to path: String) throws {
        guard let file = fopen(path, "w") else {
            throw LedgerError(.invalidInput, LocalizedText("cannot write \(path): \(String(cString: strerror(errno)))", "không ghi được \(path): \(String(cString: strerror(errno)))"), hint: LocalizedText("check the folder's permissions", "hãy kiểm tra quyền của thư mục"))
        }
        defer { fclose(file) }
        var text = text
        let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == text.utf8.count else {
            throw LedgerError(.invalidInput, LocalizedText("could not write all of \(path)", "không ghi được hết \(path)"), hint: LocalizedText("check the free disk space", "hãy kiểm tra dung lượng đĩa còn trống"))
        }
    }

    /// Replaces an earlier demonstration ledger, and refuses to touch anything else.
    static func removePreviousDemo(at path: String) throws {
        guard access(path, F_OK) == 0 else { return }
        let isDemo = (try? Ledger.open(at: path).metaValue("demo_scenario")) != nil
        guard isDemo else {
            throw LedgerError(.ledgerExists, LocalizedText("\(path) exists and is not a demonstration ledger", "\(path) đã tồn tại và không phải sổ trình diễn"),
                              hint: LocalizedText("give the demo another path with --db; it never overwrites real books", "hãy cho bản trình diễn đường dẫn khác bằng --db; nó không bao giờ ghi đè sổ thật"))
        }
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }
}
