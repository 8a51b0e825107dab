import FundLedger

/// A command that prints one report of the ledger in the chosen format and language
/// (`cpf funder list`, `cpf grant show`, …). It declares its configuration and how to make
/// the report; parsing `--format`/`--lang` and printing are shared.
protocol ListingCommand: Command {
    var arguments: ParsedArguments { get }
    init(arguments: ParsedArguments)
    func report(_ ledger: Ledger) throws -> Report
}

extension ListingCommand {
    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        _ = try OutputOptions.format(arguments)
        _ = try OutputOptions.language(arguments, context: context)
        self.init(arguments: arguments)
        _ = try validateArguments()
    }

    /// Checks the command's own arguments before it runs; the default checks nothing.
    func validateArguments() throws -> Bool { true }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let report = try self.report(try context.openLedgerForReading())
        try context.emit(report, try OutputOptions.format(arguments), language: try OutputOptions.language(arguments, context: context))
        return .success
    }
}
