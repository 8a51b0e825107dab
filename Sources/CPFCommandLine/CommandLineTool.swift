import FundLedger

/// The `cpf` program: finds the command named on the command line, parses its arguments,
/// runs it and maps what happened to an exit status (0 success, 1 refusal or finding,
/// 2 bad usage). It holds no accounting rules; those live in `FundLedger`.
public enum CommandLineTool {
    /// Every command, in the order `cpf --help` lists them.
    static var commands: [any Command.Type] { [
        InitCommand.self, DemoCommand.self,
        AccountAddCommand.self, AccountListCommand.self, AccountCloseCommand.self, AccountLoadCommand.self,
        RateSetCommand.self, RateListCommand.self,
        FunderAddCommand.self, FunderListCommand.self, ProgramAddCommand.self, ProgramListCommand.self,
        UnitAddCommand.self, UnitListCommand.self, UnitMergeCommand.self, ItemAddCommand.self, ItemListCommand.self,
        GrantAddCommand.self, GrantAmendCommand.self, GrantShowCommand.self, GrantListCommand.self,
        ReceiveCommand.self, DisburseCommand.self, ConvertCommand.self, RevalueCommand.self,
        PlanSetCommand.self, PlanListCommand.self, SettingsShowCommand.self, SettingsSetCommand.self,
        PostCommand.self, ReverseCommand.self, JournalCommand.self, PendingCommand.self, ApproveCommand.self,
        PeriodCloseCommand.self, PeriodReopenCommand.self, PeriodListCommand.self, GrantAllocateCommand.self,
        ReportCommand.self, VerifyCommand.self, AuditCommand.self, SealCommand.self, HistoryCommand.self,
        ReconcileGrantsCommand.self, ReconcileBankCommand.self, ImportCommand.self, ExportCommand.self, BackupCommand.self,
    ] }

    static let globalOptions: [OptionSpec] = [
        .value("--db", "PATH", "the ledger file (default: the CPF_DB environment variable)"),
        .value("--user", "NAME", "who is acting (default: CPF_USER, else the login name)"),
        .flag("--help", "show help for cpf or for a command (also -h)"),
        .flag("--version", "print cpf's version and the ledger schema it writes"),
    ]

    /// cpf's version: the release, and the ledger schema version it writes.
    public static let version = "cpf 0.10.0 (ledger schema 10)"

    /// Runs `cpf` with `arguments` (without the program name).
    public static func run(_ arguments: [String], environment: [String: String],
                           output: TextSink = StandardStream.output, errors: TextSink = StandardStream.error) -> Int32 {
        var remaining: [String] = []
        var databasePath: String?
        var user: String?
        var wantsHelp = false
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            switch argument {
            case "--help", "-h": wantsHelp = true
            case "--db", "--user":
                guard index < arguments.count else {
                    errors.write("cpf: \(argument) needs a value\nRun 'cpf --help' for usage.\n")
                    return ExitStatus.usage.rawValue
                }
                if argument == "--db" { databasePath = arguments[index] } else { user = arguments[index] }
                index += 1
            case _ where argument.hasPrefix("--db="): databasePath = String(argument.dropFirst(5))
            case _ where argument.hasPrefix("--user="): user = String(argument.dropFirst(7))
            default: remaining.append(argument)
            }
        }
        let context = CommandContext(environment: environment, output: output, errors: errors, databasePath: databasePath, user: user)
        if remaining == ["--version"] || remaining == ["version"] {
            context.print(version)
            return ExitStatus.success.rawValue
        }
        // `cpf help [COMMAND]` is `cpf [COMMAND] --help`.
        if remaining.first == "help" {
            remaining.removeFirst()
            wantsHelp = true
        }
        guard let (command, rest) = findCommand(remaining) else {
            return noCommand(remaining, wantsHelp: wantsHelp, context: context)
        }
        if wantsHelp {
            context.print(Help.text(for: command.configuration))
            return ExitStatus.success.rawValue
        }
        return execute(command, arguments: rest, context: context).rawValue
    }

    private static func execute(_ command: any Command.Type, arguments: [String], context: CommandContext) -> ExitStatus {
        do {
            let parsed = try ArgumentParser.parse(arguments, configuration: command.configuration)
            // `export` writes CSV without --format; every other command writes a table.
            context.byteOrderMarkPending = try OutputOptions.byteOrderMark(parsed, defaultFormat: command.configuration.name == "export" ? "csv" : "table")
            let instance = try command.init(parsed, context: context)
            return try instance.run(context)
        } catch let error as UsageError {
            context.message("cpf: \(error.message)")
            context.message("Run 'cpf \(error.command ?? command.configuration.name) --help' for usage.")
            return .usage
        } catch let error as LedgerError {
            context.message("cpf: refused (\(error.rule.rawValue)): \(error.message)")
            if !error.hint.isEmpty { context.message("hint: \(error.hint)") }
            return .failure
        } catch let error as SQLiteError {
            if error.isBusy {
                context.message("cpf: the ledger is busy: another cpf is writing to it. Nothing was written; try again.")
            } else {
                context.message("cpf: database error: \(error)")
            }
            return .failure
        } catch {
            context.message("cpf: \(error)")
            return .failure
        }
    }

    /// The command named by the longest run of leading words, and the arguments after it.
    static func findCommand(_ arguments: [String]) -> (any Command.Type, [String])? {
        for length in stride(from: min(2, arguments.count), through: 1, by: -1) {
            let name = arguments.prefix(length).joined(separator: " ")
            if let command = commands.first(where: { $0.configuration.name == name }) {
                return (command, Array(arguments.dropFirst(length)))
            }
        }
        return nil
    }

    private static func noCommand(_ arguments: [String], wantsHelp: Bool, context: CommandContext) -> Int32 {
        if let group = arguments.first, commands.contains(where: { $0.configuration.name.hasPrefix(group + " ") }) {
            let text = Help.groupText(group, commands: commands.map { $0.configuration }.filter { $0.name.hasPrefix(group + " ") })
            if wantsHelp && arguments.count == 1 {
                context.print(text)
                return ExitStatus.success.rawValue
            }
            if arguments.count > 1 {
                let typed = arguments.prefix(2).joined(separator: " ")
                context.message("cpf: unknown command 'cpf \(typed)'" + didYouMean(typed))
            }
            context.message(text)
            context.message("Run 'cpf \(group) SUBCOMMAND --help' for usage.")
            return ExitStatus.usage.rawValue
        }
        let overview = Help.overview(commands: commands.map { $0.configuration }, globalOptions: globalOptions)
        if wantsHelp && arguments.isEmpty {
            context.print(overview)
            return ExitStatus.success.rawValue
        }
        guard let first = arguments.first else {
            context.message(overview)
            return ExitStatus.usage.rawValue
        }
        // A slip of the keyboard gets a suggestion and a pointer, not the whole overview.
        let typed = arguments.prefix(2).joined(separator: " ")
        context.message("cpf: unknown command '\(first)'" + didYouMean(typed))
        context.message("Run 'cpf --help' for the list of commands, or 'cpf COMMAND --help' for one.")
        return ExitStatus.usage.rawValue
    }

    /// "; did you mean 'cpf receive'?" for the command closest to what was typed, or "".
    /// `cpf recieve` → receive; `cpf grant shwo` → grant show; `cpf grnt show` → grant show.
    private static func didYouMean(_ typed: String) -> String {
        let names = commands.map { $0.configuration.name }
        let words = typed.split(separator: " ").map(String.init)
        guard let first = words.first else { return "" }
        let groups = Array(Set(names.compactMap { $0.split(separator: " ").first.map(String.init) })).sorted()
        guard let group = groups.contains(first) ? first : Suggestion.closest(to: first, among: groups) else { return "" }
        let subcommands = names.filter { $0.hasPrefix(group + " ") }.map { String($0.dropFirst(group.count + 1)) }
        var suggestion: String? = names.contains(group) ? group : nil
        if words.count > 1, !subcommands.isEmpty {
            let wanted = words[1]
            let match: String? = subcommands.contains(wanted) ? wanted : Suggestion.closest(to: wanted, among: subcommands)
            if let match { suggestion = group + " " + match }
        }
        guard let suggestion else { return "" }
        return "; did you mean 'cpf \(suggestion)'?"
    }
}

/// The text of `--help`.
enum Help {
    static func overview(commands: [CommandConfiguration], globalOptions: [OptionSpec]) -> String {
        var text = """
        cpf — the books of a Child Protection Fund (Quỹ Bảo trợ trẻ em): a double-entry ledger and
        grant tracker in one SQLite file, with hash-chained, immutable entries.

        USAGE: cpf [--db PATH] [--user NAME] COMMAND [ARGUMENTS] [OPTIONS]

        COMMANDS:

        """
        let width = (commands.map(\.name.count).max() ?? 0) + 2
        for command in commands {
            text += "  " + command.name.padding(width) + command.abstract + "\n"
        }
        text += "\nGLOBAL OPTIONS:\n" + options(globalOptions)
        text += "\nExit status: 0 success, 1 a refusal or an audit finding, 2 bad usage.\n"
        text += "Run 'cpf COMMAND --help' for a command's arguments and examples.\n"
        return text
    }

    static func groupText(_ group: String, commands: [CommandConfiguration]) -> String {
        var text = "USAGE: cpf \(group) SUBCOMMAND\n\nSUBCOMMANDS:\n"
        let width = (commands.map(\.name.count).max() ?? 0) + 2
        for command in commands { text += "  " + command.name.padding(width) + command.abstract + "\n" }
        return text
    }

    static func text(for command: CommandConfiguration) -> String {
        var usage = "USAGE: cpf \(command.name)"
        for positional in command.positionals { usage += positional.isOptional ? " [\(positional.name)]" : " \(positional.name)" }
        for option in command.options where option.isRequired { usage += " \(option.name) \(option.valueName ?? "")" }
        if command.options.contains(where: { !$0.isRequired }) { usage += " [OPTIONS]" }
        var text = "\(command.abstract)\n\n\(usage)\n"
        if !command.positionals.isEmpty {
            text += "\nARGUMENTS:\n"
            let width = (command.positionals.map(\.name.count).max() ?? 0) + 2
            for positional in command.positionals { text += "  " + positional.name.padding(width) + positional.help + "\n" }
        }
        if !command.options.isEmpty { text += "\nOPTIONS:\n" + options(command.options) }
        text += "\nGLOBAL OPTIONS:\n" + options(CommandLineTool.globalOptions)
        if !command.discussion.isEmpty { text += "\n" + command.discussion + "\n" }
        return text
    }

    private static func options(_ options: [OptionSpec]) -> String {
        let labels = options.map { $0.name + ($0.valueName.map { " " + $0 } ?? "") }
        let width = (labels.map(\.count).max() ?? 0) + 2
        var text = ""
        for (label, option) in zip(labels, options) {
            var help = option.help
            if option.isRequired { help += " (required)" }
            if option.isRepeatable { help += " (repeatable)" }
            text += "  " + label.padding(width) + help + "\n"
        }
        return text
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
