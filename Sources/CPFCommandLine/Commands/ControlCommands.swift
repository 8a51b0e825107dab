import FundLedger

/// `cpf audit`.
struct AuditCommand: Command {
    static let configuration = CommandConfiguration(
        name: "audit",
        abstract: "Run every control of the books; list findings; exit 1 on any error-level finding.",
        discussion: """
        Controls (docs/audit.md): entries-balance, chain, closed-periods, foreign-rates,
        grant-overspending, restricted-purposes, management-cap, negative-balances,
        sub-ledgers, duplicate-references, reversals, maker-checker. Each finding names its
        rule, the figures and the entries behind it.

        EXAMPLES:
          cpf audit --year 2018
          cpf audit --format json
        """,
        options: [.value("--year", "YYYY", "only entries dated in this year (chain, references, reversals and approvals: always all)"),
                  OutputOptions.format, OutputOptions.language])

    let year: Int?
    let format: ReportFormat
    let language: Language

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        year = try arguments.value("--year") { text in
            guard let year = Int(text), (1900...2199).contains(year) else { throw UsageError("--year takes a year such as 2018", command: "audit") }
            return year
        }
        format = try OutputOptions.format(arguments)
        language = try OutputOptions.language(arguments, context: context)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedgerForReading()
        let result = try ledger.audit(year: year)
        context.print(try ledger.auditReport(result).rendered(format, language: language))
        return result.hasErrors ? .failure : .success
    }
}

/// `cpf period close`.
struct PeriodCloseCommand: Command {
    static let configuration = CommandConfiguration(
        name: "period close",
        abstract: "Close a month (or a year) and every date before it.",
        discussion: """
        A closed period accepts no entry, reversal or approval dated in it, in the program
        and in the ledger file itself (a trigger). The closing is an entry of the hash chain.

        EXAMPLE:
          cpf period close 2018-12 --user ketoantruong
        """,
        positionals: [PositionalSpec("PERIOD", "YYYY-MM, or YYYY for the whole year")])

    let period: AccountingPeriod

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        period = try AccountingPeriod.parse(arguments.positionals[0])
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let entry = try context.openLedger().closePeriod(period, user: context.user)
        context.print("Closed period \(period): the books are closed through \(entry.date) (entry \(entry.seq), hash \(entry.hash.hexString)).")
        return .success
    }
}

/// `cpf period reopen`.
struct PeriodReopenCommand: Command {
    static let configuration = CommandConfiguration(
        name: "period reopen",
        abstract: "Reopen a closed month (and every later one), with a reason.",
        discussion: """
        The reopening is an entry of the hash chain: who, when and why.

        EXAMPLE:
          cpf period reopen 2018-12 --reason "auditor adjustment AJE-3" --user giamdoc
        """,
        positionals: [PositionalSpec("PERIOD", "YYYY-MM, or YYYY for the whole year")],
        options: [.value("--reason", "TEXT", "why the period is reopened", required: true)])

    let period: AccountingPeriod
    let reason: String

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        period = try AccountingPeriod.parse(arguments.positionals[0])
        reason = arguments.required("--reason")
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedger()
        let entry = try ledger.reopenPeriod(period, reason: reason, user: context.user)
        let state = try ledger.periodLock()?.lockedThrough.map { "the books are now closed through \($0)" } ?? "no period is closed now"
        context.print("Reopened period \(period); \(state) (entry \(entry.seq), hash \(entry.hash.hexString)).")
        return .success
    }
}

/// `cpf period list`.
struct PeriodListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "period list", abstract: "List the period closings and reopenings, and the current lock.",
                                                    options: [OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments

    func report(_ ledger: Ledger) throws -> Report { try ledger.periodsReport() }
}

/// `cpf pending`.
struct PendingCommand: ListingCommand {
    static let configuration = CommandConfiguration(
        name: "pending",
        abstract: "List the entries that wait for a second person's approval.",
        discussion: "They are in no balance or report until approved (cpf approve).",
        options: [OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments

    func report(_ ledger: Ledger) throws -> Report { try ledger.pendingReport() }
}

/// `cpf approve`.
struct ApproveCommand: Command {
    static let configuration = CommandConfiguration(
        name: "approve",
        abstract: "Approve (or reject) an entry that waits for a second person.",
        discussion: """
        Entries at or above the approval-threshold setting wait until a different person
        approves them; the approved entry is posted with who approved it, in the hash chain.

        EXAMPLES:
          cpf approve 3 --user giamdoc
          cpf approve 4 --reject --reason "duplicate of voucher PC-0412" --user giamdoc
        """,
        positionals: [PositionalSpec("ID", "the pending entry's number (cpf pending)")],
        options: [.flag("--reject", "reject it instead; it is never posted"), .value("--reason", "TEXT", "why (required with --reject)")])

    let id: Int64
    let rejection: String?

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        guard let id = Int64(arguments.positionals[0]), id > 0 else {
            throw UsageError("ID must be a pending entry's number, e.g. 3 (cpf pending lists them)", command: "approve")
        }
        self.id = id
        if arguments.flag("--reject") {
            guard let reason = arguments.value("--reason") else { throw UsageError("--reject needs --reason", command: "approve") }
            rejection = reason
        } else {
            rejection = nil
        }
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedger()
        if let rejection {
            try ledger.reject(pendingID: id, reason: rejection, user: context.user)
            context.print("Rejected pending entry \(id); nothing was posted.")
        } else {
            let entry = try ledger.approve(pendingID: id, user: context.user)
            context.print("Approved pending entry \(id): posted as entry \(entry.seq) on \(entry.date), approved by \(entry.approvedBy ?? ""). Hash \(entry.hash.hexString)")
        }
        return .success
    }
}

/// `cpf seal`.
struct SealCommand: Command {
    static let configuration = CommandConfiguration(
        name: "seal",
        abstract: "Print a digest statement of a period to publish or send to donors.",
        discussion: """
        The statement holds the fund, the period, its totals, the last entry's sequence and
        the head digest. Later, anyone can prove that nothing up to that entry was changed or
        removed:  cpf verify --at SEQ --digest HEX

        EXAMPLE:
          cpf seal --period 2018
        """,
        options: [.value("--period", "PERIOD", "YYYY or YYYY-MM", required: true), OutputOptions.format, OutputOptions.language])

    let period: AccountingPeriod
    let format: ReportFormat
    let language: Language

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        period = try AccountingPeriod.parse(arguments.required("--period"))
        format = try OutputOptions.format(arguments)
        language = try OutputOptions.language(arguments, context: context)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedgerForReading()
        let seal = try ledger.seal(period, user: context.user)
        context.print(try ledger.sealReport(seal).rendered(format, language: language))
        if !seal.periodClosed { context.message("note: period \(period) is not closed; entries may still be dated in it after this seal") }
        return .success
    }
}

/// `cpf history`.
struct HistoryCommand: ListingCommand {
    static let configuration = CommandConfiguration(
        name: "history",
        abstract: "Who did what, when, with reasons: entries, approvals, periods, registries, settings.",
        discussion: """
        EXAMPLES:
          cpf history --entry 412
          cpf history --by giamdoc --from 2018-12-01
        """,
        options: [.value("--entry", "SEQ", "only what concerns this entry"), .value("--by", "NAME", "only what this person did"),
                  .value("--from", "YYYY-MM-DD", "from this day (UTC)"), .value("--to", "YYYY-MM-DD", "through this day (UTC)"),
                  OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments

    func validateArguments() throws -> Bool {
        _ = try filter()
        return true
    }

    private func filter() throws -> HistoryFilter {
        let seq = try arguments.value("--entry") { text in
            guard let seq = Int64(text), seq > 0 else { throw UsageError("--entry takes an entry's sequence number", command: "history") }
            return seq
        }
        return HistoryFilter(entrySeq: seq, user: arguments.value("--by"),
                             from: try arguments.value("--from", LedgerDate.parse), to: try arguments.value("--to", LedgerDate.parse))
    }

    func report(_ ledger: Ledger) throws -> Report { try ledger.historyReport(try filter()) }
}

/// `cpf reconcile grants`.
struct ReconcileGrantsCommand: Command {
    static let configuration = CommandConfiguration(
        name: "reconcile grants",
        abstract: "Grant allocations against spending per grant × program × place.",
        discussion: """
        Allocations are set with 'cpf grant allocate'. Exit status 1 when spending exceeds an
        allocation, spending has no allocation, or allocations exceed the commitment.

        EXAMPLE:
          cpf reconcile grants --year 2018
        """,
        options: [.value("--year", "YYYY", "spending through the end of this year (default: all)"), OutputOptions.format, OutputOptions.language])

    let year: Int?
    let format: ReportFormat
    let language: Language

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        year = try arguments.value("--year") { text in
            guard let year = Int(text), (1900...2199).contains(year) else { throw UsageError("--year takes a year such as 2018", command: "reconcile grants") }
            return year
        }
        format = try OutputOptions.format(arguments)
        language = try OutputOptions.language(arguments, context: context)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedgerForReading()
        let reconciliation = try ledger.reconcileGrants(year: year)
        context.print(try ledger.grantReconciliationReport(reconciliation).rendered(format, language: language))
        return reconciliation.hasDifferences ? .failure : .success
    }
}

/// `cpf reconcile bank`.
struct ReconcileBankCommand: Command {
    static let configuration = CommandConfiguration(
        name: "reconcile bank",
        abstract: "Match a bank statement CSV against a bank account's entries; changes nothing.",
        discussion: """
        Layouts (docs/bank-statements.md), recognised by the header row:
          date,amount,reference,description          (amount signed: money in positive)
          date,reference,debit,credit,description    (the bank's debit = money out)
        Dates YYYY-MM-DD or dd/MM/yyyy; amounts plain numbers without grouping separators.
        Lines match by reference (the entry's --ref) and amount, then by amount within 3 days.
        Exit status 1 when anything is left unmatched.

        EXAMPLE:
          cpf reconcile bank --account 1121 --statement vcb-2018-12.csv
        """,
        options: [.value("--account", "CODE", "the bank account", required: true), .value("--statement", "FILE", "the statement CSV", required: true),
                  .value("--from", "YYYY-MM-DD", "first day (default: the statement's first)"), .value("--to", "YYYY-MM-DD", "last day (default: the statement's last)"),
                  OutputOptions.format, OutputOptions.language])

    let account: String
    let statementPath: String
    let from: LedgerDate?
    let to: LedgerDate?
    let format: ReportFormat
    let language: Language

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        account = arguments.required("--account")
        statementPath = arguments.required("--statement")
        from = try arguments.value("--from", LedgerDate.parse)
        to = try arguments.value("--to", LedgerDate.parse)
        format = try OutputOptions.format(arguments)
        language = try OutputOptions.language(arguments, context: context)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedgerForReading()
        guard let currency = try ledger.accounts().first(where: { $0.code == account })?.currency else {
            throw LedgerError(.unknownAccount, "there is no account \(account)", hint: "'cpf account list' shows the chart")
        }
        let source: FileByteSource
        do {
            source = try FileByteSource(path: statementPath)
        } catch {
            throw LedgerError(.invalidInput, "cannot read the statement \(statementPath)", hint: "check the path")
        }
        let lines = try BankStatement.read(source, name: statementPath, currency: currency)
        let reconciliation = try ledger.reconcileBank(accountCode: account, statement: lines, from: from, to: to)
        context.print(try ledger.bankReconciliationReport(reconciliation).rendered(format, language: language))
        return reconciliation.isReconciled ? .success : .failure
    }
}

/// `cpf grant allocate`.
struct GrantAllocateCommand: Command {
    static let configuration = CommandConfiguration(
        name: "grant allocate",
        abstract: "Allocate part of a grant to a program, in a place or anywhere.",
        discussion: """
        EXAMPLE:
          cpf grant allocate KFW-2018 --program scholarship --unit TN --amount "40000.00 USD"
        """,
        positionals: [PositionalSpec("GRANT", "the grant's code")],
        options: [.value("--program", "CODE", "the program", required: true), .value("--unit", "CODE", "the place (default: any place)"),
                  .value("--amount", "AMOUNT", "in the grant's currency, e.g. \"40000.00 USD\"", required: true)])

    let grant: String
    let program: String
    let unit: String?
    let amount: Amount

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        grant = arguments.positionals[0]
        program = arguments.required("--program")
        unit = arguments.value("--unit")
        amount = try Amount.parse(arguments.required("--amount"))
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        try context.openLedger().allocateGrant(grant, program: program, unit: unit, amount: amount, user: context.user)
        context.print("Allocated \(amount) of grant \(grant) to program \(program) in \(unit ?? "any place").")
        return .success
    }
}

/// `cpf backup`.
struct BackupCommand: Command {
    static let configuration = CommandConfiguration(
        name: "backup",
        abstract: "Write a consistent copy of the ledger file, even while it is in use.",
        discussion: """
        Uses SQLite's online backup; the copy is a complete ledger that 'cpf verify' checks.

        EXAMPLE:
          cpf backup fund-2018-12-31.cpf
        """,
        positionals: [PositionalSpec("FILE", "the new file (must not exist)")])

    let destination: String

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        destination = arguments.positionals[0]
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedgerForReading()
        try ledger.backup(to: destination)
        context.print("Wrote a copy of the ledger to \(destination).")
        return .success
    }
}
