import FundLedger

/// `cpf`'s wording of the parameters and actions the library's texts refer to: a parameter
/// is the option that gives it (`Parameter.reference` is `--ref`), an action the command line
/// that takes it (`Action.reverse` is `cpf reverse`). The one place where the library's
/// refusals, hints, findings and notes become flags and commands; the library never names one.
struct CommandLineVocabulary: ReferenceVocabulary {
    /// `--flag`, then the value when the text shows one: `--quantity N`.
    func parameter(_ parameter: Parameter, value: String?, in language: Language) -> String {
        let flag = Self.flag(parameter)
        guard let value else { return flag }
        return "\(flag) \(value)"
    }

    /// `cpf words operands`, global options (`--db`) before the command's words, in quotes
    /// when the text asks for them: `'cpf --db books.cpf init --name "…"'`.
    func action(_ action: Action, operands: [TextPiece], quoted: Bool, in language: Language) -> String {
        var global: [TextPiece] = []
        var own: [TextPiece] = []
        for piece in operands {
            if case .parameter(.ledgerPath, _) = piece { global.append(piece) } else { own.append(piece) }
        }
        var line = "cpf"
        if !global.isEmpty { line += " " + render(global, in: language) }
        line += " " + Self.command(action)
        let given = String(render(own, in: language).drop { $0 == " " })
        if !given.isEmpty { line += " " + given }
        return quoted ? "'\(line)'" : line
    }

    /// The option that gives `parameter`.
    static func flag(_ parameter: Parameter) -> String {
        switch parameter {
        case .reference: "--ref"
        case .inKindItem: "--in-kind"
        case .unitValue: "--unit-value"
        case .expenseAccount: "--expense-account"
        case .groupBy: "--by"
        case .ledgerID: "--ledger-id"
        case .rateSource: "--source"
        case .ledgerPath: "--db"
        case .chainPosition: "--at"
        case .skipVerification: "--no-verify"
        case .grant, .amount, .quantity, .item, .reason, .status, .name, .level, .year, .funder, .program, .unit, .user,
             .interest, .received, .from, .to, .programs, .units, .tranche, .debit, .credit, .notice, .reject, .digest:
            "--" + parameter.rawValue
        }
    }

    /// The command's words after `cpf`.
    static func command(_ action: Action) -> String {
        switch action {
        case .createLedger: "init"
        case .pendingList: "pending"
        case .rateSet: "rate set"
        case .settingsSet: "settings set"
        case .periodClose: "period close"
        case .periodReopen: "period reopen"
        case .periodList: "period list"
        case .accountAdd: "account add"
        case .accountList: "account list"
        case .funderAdd: "funder add"
        case .funderList: "funder list"
        case .grantAdd: "grant add"
        case .grantAmend: "grant amend"
        case .grantAllocate: "grant allocate"
        case .grantList: "grant list"
        case .programAdd: "program add"
        case .programList: "program list"
        case .unitAdd: "unit add"
        case .itemAdd: "item add"
        case .fundAdd: "fund add"
        case .fundList: "fund list"
        case .transferSend: "transfer send"
        case .transferNotice: "transfer notice"
        case .transferList: "transfer list"
        case .verify, .audit, .backup, .journal, .post, .reverse, .approve, .convert, .receive:
            action.rawValue
        }
    }
}

extension ReferenceVocabulary where Self == CommandLineVocabulary {
    /// `cpf`'s flags and commands.
    static var commandLine: CommandLineVocabulary { CommandLineVocabulary() }
}

extension ImportRejection {
    /// Why the entry was rejected, in English, with `cpf`'s flags and commands (the rejects file).
    var commandLineMessage: String { explanation.rendered(with: .commandLine).english }
    /// How to proceed, in English, with `cpf`'s flags and commands (the rejects file).
    var commandLineHint: String { remedy.rendered(with: .commandLine).english }
}
