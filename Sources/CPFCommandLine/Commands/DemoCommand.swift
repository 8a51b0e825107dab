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
          \(NetworkTayNinh.name): four funds' ledgers written into --output — the national fund,
            Tây Ninh and Long An in 2018 with transfers between them, and the new Tây Ninh
            fund that succeeds both in 2025 — and their consolidated books of 2018 in HTML
        """, """
        Sổ được ghi vào --db, hoặc vào cpf-demo.cpf trong thư mục hiện tại; sổ trình diễn đã có ở
        đường dẫn đó được thay mới, mọi tệp khác được giữ nguyên. Báo cáo cho nhà tài trợ và báo
        cáo công khai dạng HTML được ghi vào --output (mặc định cpf-demo-reports).

        CÁC KỊCH BẢN:
        \(DemoScenario.all.map { "  \($0.name)" }.joined(separator: "\n"))
          \(NetworkTayNinh.name): sổ của bốn quỹ ghi vào --output — Quỹ Bảo trợ trẻ em Việt Nam,
            Tây Ninh và Long An năm 2018 với các lần chuyển quỹ giữa các quỹ, và quỹ Tây Ninh mới
            kế thừa cả hai năm 2025 — cùng báo cáo hợp nhất năm 2018 dạng HTML
        """))

    /// `nil` for the network of funds (`NetworkTayNinh`), which is not a `DemoScenario`.
    @Option("--scenario", "NAME", help: LocalizedText("which scenario (default: \(DemoScenario.all[0].name))", "kịch bản nào (mặc định: \(DemoScenario.all[0].name))"), parse: DemoCommand.scenario)
    var scenario: DemoScenario? = DemoScenario.all[0]
    @Option("--output", "DIR", help: LocalizedText("where to write the HTML reports (default: cpf-demo-reports)", "nơi ghi các báo cáo HTML (mặc định: cpf-demo-reports)"))
    var outputDirectory: String = "cpf-demo-reports"
    @Option(CommonOptions.language) private var languageListedInHelp: Language?

    static func scenario(_ name: String) throws -> DemoScenario? {
        if name == NetworkTayNinh.name { return nil }
        guard let scenario = DemoScenario.named(name) else {
            let names = (DemoScenario.all.map(\.name) + [NetworkTayNinh.name]).joined(separator: ", ")
            throw UsageError(LocalizedText("unknown scenario '\(name)'; scenarios: \(names)", "không có kịch bản '\(name)'; các kịch bản: \(names)"), command: "demo")
        }
        return scenario
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        // The reader's language is settled before the demonstration ledger is made at --db,
        // whose own language setting must not change it halfway.
        let language = context.language
        guard let scenario else { return try runNetwork(context) }
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
        guard let scenario else { return [] }
        try makeOutputDirectory()
        let statement = try ledger.donorStatementReport(funderCode: scenario.featuredFunderCode, from: from, to: to)
        let files = [
            ("donor-statement-\(scenario.featuredFunderCode)-en.html", statement.rendered(.html, language: .english)),
            ("donor-statement-\(scenario.featuredFunderCode)-vi.html", statement.rendered(.html, language: .vietnamese)),
            ("disclosure-\(to.year)-vi.html", try ledger.disclosureReport(year: to.year).rendered(.html, language: .vietnamese)),
        ]
        for (name, html) in files { try DemoCommand.write(html, to: "\(outputDirectory)/\(name)") }
        return files.map(\.0)
    }

    private func makeOutputDirectory() throws {
        if access(outputDirectory, F_OK) != 0 && mkdir(outputDirectory, 0o755) != 0 {
            throw LedgerError(.invalidInput, LocalizedText("cannot create the folder \(outputDirectory)", "không tạo được thư mục \(outputDirectory)"), hint: LocalizedText("give another folder with --output", "hãy chọn thư mục khác bằng --output"))
        }
    }

    /// `--scenario network-tay-ninh`: the four ledgers and the consolidated books of 2018.
    private func runNetwork(_ context: CommandContext) throws -> ExitStatus {
        try makeOutputDirectory()
        let names = ["quy-bttevn-2018.cpf", "tay-ninh-2018.cpf", "long-an-2018.cpf", "tay-ninh-2025.cpf"]
        for name in names { try DemoCommand.removePreviousDemo(at: "\(outputDirectory)/\(name)") }
        let files = try NetworkTayNinh.run(in: outputDirectory, user: context.user)
        context.say(LocalizedText("The fund network of Tây Ninh — demonstration ledgers in \(outputDirectory)/: \(names.joined(separator: ", "))\n",
                                  "Mạng lưới quỹ của Tây Ninh — các sổ trình diễn trong \(outputDirectory)/: \(names.joined(separator: ", "))\n"))
        context.say(NetworkTayNinh.description + LocalizedText(verbatim: "\n"))
        let from = LedgerDate(year: 2018, month: 1, day: 1)!, to = LedgerDate(year: 2018, month: 12, day: 31)!
        let books = try ConsolidatedBooks.consolidate(paths: files.year2018, from: from, to: to)
        let report = books.report()
        context.print(report.rendered(.table, language: context.language))
        var written: [String] = []
        for (language, suffix) in [(Language.vietnamese, "vi"), (.english, "en")] {
            let name = "consolidated-2018-\(suffix).html"
            try DemoCommand.write(report.rendered(.html, language: language), to: "\(outputDirectory)/\(name)")
            written.append(name)
        }
        context.say(LocalizedText("HTML reports written to \(outputDirectory)/: \(written.joined(separator: ", "))\n", "Đã ghi các báo cáo HTML vào \(outputDirectory)/: \(written.joined(separator: ", "))\n"))
        let successor = try Ledger.open(at: files.successor, readOnly: true)
        let verification = try successor.verify()
        context.say(LocalizedText("\(successor.fundName) from \(NetworkTayNinh.mergerDate), successor of Tây Ninh and Long An (\(files.successor)):",
                                  "\(successor.fundName) từ ngày \(NetworkTayNinh.mergerDate), kế thừa Tây Ninh và Long An (\(files.successor)):"))
        context.print(VerifyCommand.text(verification, digest: nil, in: context.language))
        let carried = try successor.checkPredecessors(at: [files.tayNinh, files.longAn])
        context.say(carried.isEmpty ? LocalizedText("Predecessors: OK, the opening entries carry the closing state of both provinces' ledgers exactly.",
                                                    "Quỹ tiền thân: ĐẠT, các bút toán số dư đầu đúng bằng số dư cuối của sổ hai tỉnh.")
                                    : LocalizedText("Predecessors: FAILED", "Quỹ tiền thân: KHÔNG ĐẠT"))
        for finding in books.findings + carried { context.message(LocalizedText("finding: ", "phát hiện: ") + finding) }
        return books.findings.isEmpty && carried.isEmpty && verification.isIntact ? .success : .failure
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
