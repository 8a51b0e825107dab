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
        FundAddCommand.self, FundListCommand.self, TransferSendCommand.self, TransferReceiveCommand.self, TransferNoticeCommand.self, TransferListCommand.self, ConsolidateCommand.self,
        GrantAddCommand.self, GrantAmendCommand.self, GrantShowCommand.self, GrantListCommand.self,
        ReceiveCommand.self, DisburseCommand.self, ConvertCommand.self, RevalueCommand.self,
        PlanSetCommand.self, PlanListCommand.self, SettingsShowCommand.self, SettingsSetCommand.self,
        PostCommand.self, ReverseCommand.self, JournalCommand.self, PendingCommand.self, ApproveCommand.self,
        PeriodCloseCommand.self, PeriodReopenCommand.self, PeriodListCommand.self, GrantAllocateCommand.self,
        ReportCommand.self, VerifyCommand.self, AuditCommand.self, SealCommand.self, HistoryCommand.self,
        ReconcileGrantsCommand.self, ReconcileBankCommand.self, ImportCommand.self, ExportCommand.self, BackupCommand.self,
    ] }

    /// The options `cpf` reads before the command (`run`), listed in every help text.
    static let globalOptions: [OptionSpec] = [
        .value("--db", "PATH", LocalizedText("the ledger file (default: the CPF_DB environment variable)", "tệp sổ (mặc định: biến môi trường CPF_DB)")),
        .value("--user", "NAME", LocalizedText("who is acting (default: CPF_USER, else the login name)", "người thực hiện (mặc định: CPF_USER, nếu không thì tên đăng nhập)")),
        .value("--lang", "LANG", LocalizedText("vi or en: the language of every message and report (default: CPF_LANG, else the fund's setting, else vi)",
                                               "vi hoặc en: ngôn ngữ của mọi thông báo và báo cáo (mặc định: CPF_LANG, nếu không thì thiết lập của quỹ, nếu không thì vi)")),
        .flag("--help", LocalizedText("show help for cpf or for a command (also -h)", "xem trợ giúp của cpf hoặc của một lệnh (hoặc -h)")),
        .flag("--version", LocalizedText("print cpf's version and the ledger schema it writes", "in phiên bản cpf và phiên bản lược đồ sổ nó ghi")),
    ]

    /// cpf's version: the release, and the ledger schema version it writes.
    public static let version = "cpf 0.11.0 (ledger schema 11)"

    /// Runs `cpf` with `arguments` (without the program name).
    public static func run(_ arguments: [String], environment: [String: String],
                           output: TextSink = StandardStream.output, errors: TextSink = StandardStream.error) -> Int32 {
        var remaining: [String] = []
        var databasePath: String?
        var user: String?
        var languageText = environment["CPF_LANG"].flatMap { $0.isEmpty ? nil : $0 }
        var languageGiven = false
        var wantsHelp = false
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            switch argument {
            case "--help", "-h": wantsHelp = true
            case "--db", "--user", "--lang":
                guard index < arguments.count else {
                    errors.write("cpf: \(argument) needs a value / \(argument) cần một giá trị\nRun 'cpf --help' for usage. / Xem 'cpf --help'.\n")
                    return ExitStatus.usage.rawValue
                }
                switch argument {
                case "--db": databasePath = arguments[index]
                case "--user": user = arguments[index]
                default:
                    languageText = arguments[index]
                    languageGiven = true
                }
                index += 1
            case _ where argument.hasPrefix("--db="): databasePath = String(argument.dropFirst(5))
            case _ where argument.hasPrefix("--user="): user = String(argument.dropFirst(7))
            case _ where argument.hasPrefix("--lang="):
                languageText = String(argument.dropFirst(7))
                languageGiven = true
            default: remaining.append(argument)
            }
        }
        // An unknown language is a usage error of the command it was given to (below).
        let language = languageText.flatMap(Language.init(rawValue:))
        let context = CommandContext(environment: environment, output: output, errors: errors, databasePath: databasePath, user: user, language: language)
        context.languageWasGiven = languageGiven && language != nil
        if let languageText, language == nil {
            let error = UsageError(LocalizedText("unknown language '\(languageText)'; use vi or en", "không có ngôn ngữ '\(languageText)'; hãy dùng vi hoặc en"))
            return usageFailure(error, command: findCommand(remaining)?.0.configuration.name ?? remaining.first, context: context).rawValue
        }
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
            context.print(Help.text(for: command.signature, in: context.language))
            return ExitStatus.success.rawValue
        }
        return execute(command, arguments: rest, context: context).rawValue
    }

    private static func execute<Declared: Command>(_ command: Declared.Type, arguments: [String], context: CommandContext) -> ExitStatus {
        do {
            let instance = Declared()
            let declared = DeclaredArguments(of: instance)
            let signature = CommandSignature(Declared.configuration, declared: declared)
            let parsed = try ArgumentParser.parse(arguments, signature: signature)
            // `export` writes CSV without --format and handles its own --output; every other
            // command writes a table.
            let isExport = signature.name == "export"
            context.byteOrderMarkPending = try CommonOptions.byteOrderMark(parsed, defaultFormat: isExport ? "csv" : "table")
            if !isExport, signature.options.contains(where: { $0.name == CommonOptions.formatName }) {
                context.outputPath = parsed.value(CommonOptions.output.spec(help: nil))
            }
            try declared.fill(from: parsed)
            try instance.validate()
            do {
                let status = try instance.run(context)
                try context.finishOutput(succeeded: true)
                return status
            } catch {
                try? context.finishOutput(succeeded: false)
                throw error
            }
        } catch let error as UsageError {
            return usageFailure(error, command: command.configuration.name, context: context)
        } catch let error as LedgerError {
            // The library names parameters and actions; `cpf` prints them as its flags and commands.
            let error = error.rendered(with: .commandLine)
            context.message(LocalizedText("cpf: refused (\(error.rule.rawValue)): ", "cpf: từ chối (\(error.rule.rawValue)): ") + error.explanation)
            if !error.remedy.isEmpty { context.message(LocalizedText("hint: ", "gợi ý: ") + error.remedy) }
            return .failure
        } catch let error as SQLiteError {
            if error.isBusy {
                context.message(LocalizedText("cpf: the ledger is busy: another cpf is writing to it. Nothing was written; try again.",
                                              "cpf: sổ đang bận: một cpf khác đang ghi vào. Chưa ghi gì; hãy thử lại."))
            } else {
                context.message(LocalizedText("cpf: database error: \(error)", "cpf: lỗi cơ sở dữ liệu: \(error)"))
            }
            return .failure
        } catch {
            context.message(LocalizedText("cpf: \(error)", "cpf: \(error)"))
            return .failure
        }
    }

    /// Prints a usage error with a pointer to the help of the command concerned.
    private static func usageFailure(_ error: UsageError, command: String?, context: CommandContext) -> ExitStatus {
        context.message(LocalizedText("cpf: ", "cpf: ") + error.text)
        if let name = error.command ?? command {
            context.message(LocalizedText("Run 'cpf \(name) --help' for usage.", "Xem cách dùng: 'cpf \(name) --help'."))
        } else {
            context.message(LocalizedText("Run 'cpf --help' for usage.", "Xem cách dùng: 'cpf --help'."))
        }
        return .usage
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
        let language = context.language
        if let group = arguments.first, commands.contains(where: { $0.configuration.name.hasPrefix(group + " ") }) {
            let text = Help.groupText(group, commands: commands.map { $0.configuration }.filter { $0.name.hasPrefix(group + " ") }, in: language)
            if wantsHelp && arguments.count == 1 {
                context.print(text)
                return ExitStatus.success.rawValue
            }
            if arguments.count > 1 {
                let typed = arguments.prefix(2).joined(separator: " ")
                context.message(LocalizedText("cpf: unknown command 'cpf \(typed)'", "cpf: không có lệnh 'cpf \(typed)'") + didYouMean(typed))
            }
            context.messageVerbatim(text)
            context.message(LocalizedText("Run 'cpf \(group) SUBCOMMAND --help' for usage.", "Xem cách dùng: 'cpf \(group) LỆNH_CON --help'."))
            return ExitStatus.usage.rawValue
        }
        let overview = Help.overview(commands: commands.map { $0.configuration }, globalOptions: globalOptions, in: language)
        if wantsHelp && arguments.isEmpty {
            context.print(overview)
            return ExitStatus.success.rawValue
        }
        guard let first = arguments.first else {
            context.messageVerbatim(overview)
            return ExitStatus.usage.rawValue
        }
        // A slip of the keyboard gets a suggestion and a pointer, not the whole overview.
        let typed = arguments.prefix(2).joined(separator: " ")
        context.message(LocalizedText("cpf: unknown command '\(first)'", "cpf: không có lệnh '\(first)'") + didYouMean(typed))
        context.message(LocalizedText("Run 'cpf --help' for the list of commands, or 'cpf COMMAND --help' for one.",
                                      "Xem danh sách lệnh: 'cpf --help'; xem một lệnh: 'cpf LỆNH --help'."))
        return ExitStatus.usage.rawValue
    }

    /// "; did you mean 'cpf receive'?" for the command closest to what was typed, or empty.
    /// `cpf recieve` → receive; `cpf grant shwo` → grant show; `cpf grnt show` → grant show.
    private static func didYouMean(_ typed: String) -> LocalizedText {
        let names = commands.map { $0.configuration.name }
        let words = typed.split(separator: " ").map(String.init)
        guard let first = words.first else { return .empty }
        let groups = Array(Set(names.compactMap { $0.split(separator: " ").first.map(String.init) })).sorted()
        guard let group = groups.contains(first) ? first : Suggestion.closest(to: first, among: groups) else { return .empty }
        let subcommands = names.filter { $0.hasPrefix(group + " ") }.map { String($0.dropFirst(group.count + 1)) }
        var suggestion: String? = names.contains(group) ? group : nil
        if words.count > 1, !subcommands.isEmpty {
            let wanted = words[1]
            let match: String? = subcommands.contains(wanted) ? wanted : Suggestion.closest(to: wanted, among: subcommands)
            if let match { suggestion = group + " " + match }
        }
        guard let suggestion else { return .empty }
        return LocalizedText("; did you mean 'cpf \(suggestion)'?", "; có phải ý bạn là 'cpf \(suggestion)'?")
    }
}

/// The text of `--help`, in the reader's language.
enum Help {
    static func overview(commands: [CommandConfiguration], globalOptions: [OptionSpec], in language: Language) -> String {
        let introduction = LocalizedText("""
        cpf — the books of a Child Protection Fund (Quỹ Bảo trợ trẻ em): a double-entry ledger and
        grant tracker in one SQLite file, with hash-chained, immutable entries.

        USAGE: cpf [--db PATH] [--user NAME] [--lang vi|en] COMMAND [ARGUMENTS] [OPTIONS]

        COMMANDS:

        """, """
        cpf — sổ kế toán của Quỹ Bảo trợ trẻ em: sổ kép và theo dõi khoản tài trợ trong một tệp
        SQLite, các bút toán không sửa được và được nối chuỗi băm.

        CÁCH DÙNG: cpf [--db ĐƯỜNG_DẪN] [--user TÊN] [--lang vi|en] LỆNH [ĐỐI_SỐ] [TÙY_CHỌN]

        CÁC LỆNH:

        """)
        var text = introduction(language)
        let width = (commands.map(\.name.count).max() ?? 0) + 2
        for command in commands {
            text += "  " + command.name.padding(width) + command.abstract(language) + "\n"
        }
        text += LocalizedText("\nGLOBAL OPTIONS:\n", "\nTÙY CHỌN CHUNG:\n")(language) + options(globalOptions, in: language)
        text += LocalizedText("""

        Exit status: 0 success, 1 a refusal or an audit finding, 2 bad usage.
        Run 'cpf COMMAND --help' for a command's arguments and examples.

        """, """

        Mã thoát: 0 thành công, 1 bị từ chối hoặc kiểm toán có phát hiện, 2 dùng sai lệnh.
        Xem đối số và ví dụ của một lệnh: 'cpf LỆNH --help'.

        """)(language)
        return text
    }

    static func groupText(_ group: String, commands: [CommandConfiguration], in language: Language) -> String {
        var text = LocalizedText("USAGE: cpf \(group) SUBCOMMAND\n\nSUBCOMMANDS:\n", "CÁCH DÙNG: cpf \(group) LỆNH_CON\n\nCÁC LỆNH CON:\n")(language)
        let width = (commands.map(\.name.count).max() ?? 0) + 2
        for command in commands { text += "  " + command.name.padding(width) + command.abstract(language) + "\n" }
        return text
    }

    static func text(for command: CommandSignature, in language: Language) -> String {
        var usage = LocalizedText("USAGE: cpf ", "CÁCH DÙNG: cpf ")(language) + command.name
        for positional in command.positionals {
            let name = positional.isRepeated ? "\(positional.name) \(positional.name)…" : positional.name
            usage += positional.isOptional ? " [\(name)]" : " \(name)"
        }
        for option in command.options where option.isRequired { usage += " \(option.name) \(option.valueName ?? "")" }
        if command.options.contains(where: { !$0.isRequired }) { usage += LocalizedText(" [OPTIONS]", " [TÙY_CHỌN]")(language) }
        var text = "\(command.abstract(language))\n\n\(usage)\n"
        if !command.positionals.isEmpty {
            text += LocalizedText("\nARGUMENTS:\n", "\nĐỐI SỐ:\n")(language)
            let width = (command.positionals.map(\.name.count).max() ?? 0) + 2
            for positional in command.positionals { text += "  " + positional.name.padding(width) + positional.help(language) + "\n" }
        }
        if !command.options.isEmpty { text += LocalizedText("\nOPTIONS:\n", "\nTÙY CHỌN:\n")(language) + options(command.options, in: language) }
        text += LocalizedText("\nGLOBAL OPTIONS:\n", "\nTÙY CHỌN CHUNG:\n")(language) + options(CommandLineTool.globalOptions, in: language)
        if !command.discussion.isEmpty { text += "\n" + command.discussion(language) + "\n" }
        return text
    }

    private static func options(_ options: [OptionSpec], in language: Language) -> String {
        let labels = options.map { $0.name + ($0.valueName.map { " " + $0 } ?? "") }
        let width = (labels.map(\.count).max() ?? 0) + 2
        var text = ""
        for (label, option) in zip(labels, options) {
            var help = option.help(language)
            if option.isRequired { help += LocalizedText(" (required)", " (bắt buộc)")(language) }
            if option.isRepeatable { help += LocalizedText(" (repeatable)", " (ghi được nhiều lần)")(language) }
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
