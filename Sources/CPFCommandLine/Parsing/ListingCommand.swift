import FundLedger

/// A command that prints one report of the ledger in the chosen format and language
/// (`cpf funder list`, `cpf grant show`, …). It declares its options, among them
/// `@OptionGroup var output: ReportOutput`, and how to make the report; opening the ledger
/// and printing are shared.
protocol ListingCommand: Command {
    var output: ReportOutput { get }
    func report(_ ledger: Ledger) throws -> Report
}

extension ListingCommand {
    func run(_ context: CommandContext) throws -> ExitStatus {
        let report = try self.report(try context.openLedgerForReading())
        try context.emit(report, output.format, language: context.language)
        return .success
    }
}
