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
        The ledger is written to --db, or to cpf-demo.cpf in the current directory. An existing
        demonstration ledger at that path is replaced; any other file is left alone.

        SCENARIOS:
        \(DemoScenario.all.map { "  \($0.name)" }.joined(separator: "\n"))
        """,
        options: [.value("--scenario", "NAME", "which scenario (default: \(DemoScenario.all[0].name))")])

    let scenario: DemoScenario

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        let name = arguments.value("--scenario") ?? DemoScenario.all[0].name
        guard let scenario = DemoScenario.named(name) else {
            throw UsageError("unknown scenario '\(name)'; scenarios: \(DemoScenario.all.map(\.name).joined(separator: ", "))", command: "demo")
        }
        self.scenario = scenario
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let path = context.databasePath ?? "cpf-demo.cpf"
        try DemoCommand.removePreviousDemo(at: path)
        let ledger = try scenario.run(at: path, user: context.user)
        context.print("\(scenario.fundName) — demonstration ledger at \(path)\n")
        context.print(scenario.description + "\n")
        context.print(try ledger.trialBalanceReport(through: scenario.endDate).rendered(.table, language: .english))
        context.print(try ledger.grantsReport(through: scenario.endDate).rendered(.table, language: .english))
        let verification = try ledger.verify()
        context.print("\n" + VerifyCommand.text(verification, digest: nil))
        return verification.isIntact ? .success : .failure
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
