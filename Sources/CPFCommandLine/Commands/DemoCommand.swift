#if canImport(Glibc)
import Glibc
#endif
import FundLedger

/// `cpf demo`: builds a demonstration fund from published facts and prints its books.
struct DemoCommand: Command {
    static let configuration = CommandConfiguration(
        name: "demo",
        abstract: "Build a demonstration fund from published facts and print its main reports.",
        discussion: """
        The ledger is written to --db, or to cpf-demo.cpf in the current directory; an existing
        demonstration ledger at that path is replaced, any other file is left alone. The HTML
        donor statement and public disclosure are written into --output (default
        cpf-demo-reports).

        SCENARIOS:
        \(DemoScenario.all.map { "  \($0.name)" }.joined(separator: "\n"))
        """,
        options: [
            .value("--scenario", "NAME", "which scenario (default: \(DemoScenario.all[0].name))"),
            .value("--output", "DIR", "where to write the HTML reports (default: cpf-demo-reports)"),
            OutputOptions.language,
        ])

    let scenario: DemoScenario
    let outputDirectory: String
    let language: Language

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        let name = arguments.value("--scenario") ?? DemoScenario.all[0].name
        guard let scenario = DemoScenario.named(name) else {
            throw UsageError("unknown scenario '\(name)'; scenarios: \(DemoScenario.all.map(\.name).joined(separator: ", "))", command: "demo")
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
        context.print("\(scenario.fundName) — demonstration ledger at \(path)\n")
        context.print(scenario.description + "\n")
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
        context.print("HTML reports written to \(outputDirectory)/: \(written.joined(separator: ", "))\n")
        let verification = try ledger.verify()
        context.print(VerifyCommand.text(verification, digest: nil))
        return verification.isIntact ? .success : .failure
    }

    /// Writes the featured donor's statement (English and Vietnamese) and the last year's
    /// public disclosure into the output folder.
    private func writeHTML(_ ledger: Ledger, from: LedgerDate, to: LedgerDate) throws -> [String] {
        if access(outputDirectory, F_OK) != 0 && mkdir(outputDirectory, 0o755) != 0 {
            throw LedgerError(.invalidInput, "cannot create the folder \(outputDirectory)", hint: "give another folder with --output")
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
            throw LedgerError(.invalidInput, "cannot write \(path): \(String(cString: strerror(errno)))", hint: "check the folder's permissions")
        }
        defer { fclose(file) }
        var text = text
        let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == text.utf8.count else {
            throw LedgerError(.invalidInput, "could not write all of \(path)", hint: "check the free disk space")
        }
    }

    /// Replaces an earlier demonstration ledger, and refuses to touch anything else.
    static func removePreviousDemo(at path: String) throws {
        guard access(path, F_OK) == 0 else { return }
        let isDemo = (try? Ledger.open(at: path).metaValue("demo_scenario")) != nil
        guard isDemo else {
            throw LedgerError(.ledgerExists, "\(path) exists and is not a demonstration ledger",
                              hint: "give the demo another path with --db; it never overwrites real books")
        }
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }
}
