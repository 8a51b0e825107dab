import FundLedger

/// A command that adds a row to a registry whose rows have a code and a name in each
/// language (`cpf program add`, `cpf item add`). It declares `@OptionGroup var row:
/// RegistryNames` and its own options, and says how to add the row and what to say then;
/// opening the ledger, saying it and the exit status are shared.
protocol RegistryAddCommand: Command {
    var row: RegistryNames { get }
    /// What the command says once the row is added, e.g. "Added program CODE."
    var added: LocalizedText { get }
    /// Adds the row to `ledger`, as `user`.
    func add(to ledger: Ledger, user: String) throws
}

extension RegistryAddCommand {
    func run(_ context: CommandContext) throws -> ExitStatus {
        try add(to: context.openLedger(), user: context.user)
        context.say(added)
        return .success
    }
}
