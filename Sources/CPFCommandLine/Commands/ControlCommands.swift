import FundLedger

/// `cpf audit`.
struct AuditCommand: Command {
    static let configuration = CommandConfiguration(
        name: "audit",
        abstract: LocalizedText("Run every control of the books; list findings; exit 1 on any error-level finding.", "Chạy mọi kiểm soát của sổ; liệt kê các phát hiện; thoát với mã 1 khi có phát hiện mức lỗi."),
        discussion: LocalizedText("""
        Controls (docs/audit.md): entries-balance, chain, closed-periods, foreign-rates,
        grant-overspending, restricted-purposes, management-cap, negative-balances,
        sub-ledgers, duplicate-references, reversals, maker-checker. Each finding names its
        rule, the figures and the entries behind it.

        EXAMPLES:
          cpf audit --year 2018
          cpf audit --format json
        """, """
        Các kiểm soát (docs/audit.md): entries-balance, chain, closed-periods, foreign-rates,
        grant-overspending, restricted-purposes, management-cap, negative-balances,
        sub-ledgers, duplicate-references, reversals, maker-checker. Mỗi phát hiện ghi quy tắc,
        số liệu và các bút toán liên quan.

        VÍ DỤ:
          cpf audit --year 2018
          cpf audit --format json
        """),
        options: [.value("--year", "YYYY", LocalizedText("only entries dated in this year (chain, references, reversals and approvals: always all)", "chỉ các bút toán ghi ngày trong năm này (chuỗi băm, số chứng từ, bút toán đảo và phê duyệt: luôn kiểm tra tất cả)")),
                  OutputOptions.format, OutputOptions.language])

    let year: Int?
    let format: ReportFormat
    let language: Language

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        year = try arguments.value("--year") { text in
            guard let year = Int(text), (1900...2199).contains(year) else { throw UsageError(LocalizedText("--year takes a year such as 2018", "--year nhận một năm, ví dụ 2018"), command: "audit") }
            return year
        }
        format = try OutputOptions.format(arguments)
        language = try OutputOptions.language(arguments, context: context)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedgerForReading()
        let result = try ledger.audit(year: year)
        try context.emit(try ledger.auditReport(result), format, language: language)
        return result.hasErrors ? .failure : .success
    }
}

/// `cpf period close`.
struct PeriodCloseCommand: Command {
    static let configuration = CommandConfiguration(
        name: "period close",
        abstract: LocalizedText("Close a month (or a year) and every date before it.", "Khóa sổ một tháng (hoặc một năm) và mọi ngày trước đó."),
        discussion: LocalizedText("""
        A closed period accepts no entry, reversal or approval dated in it, in the program
        and in the ledger file itself (a trigger). The closing is an entry of the hash chain.

        EXAMPLE:
          cpf period close 2018-12 --user ketoantruong
        """, """
        Kỳ đã khóa sổ không nhận bút toán, bút toán đảo hay phê duyệt nào ghi ngày trong kỳ, ở
        chương trình và ngay trong tệp sổ (bằng trigger). Việc khóa sổ là một bút toán của chuỗi băm.

        VÍ DỤ:
          cpf period close 2018-12 --user ketoantruong
        """),
        positionals: [PositionalSpec("PERIOD", LocalizedText("YYYY-MM, or YYYY for the whole year", "YYYY-MM, hoặc YYYY cho cả năm"))])

    let period: AccountingPeriod

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        period = try AccountingPeriod.parse(arguments.positionals[0])
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let entry = try context.openLedger().closePeriod(period, user: context.user)
        context.say(LocalizedText("Closed period \(period): the books are closed through \(entry.date) (entry \(entry.seq), hash \(entry.hash.hexString)).",
                                  "Đã khóa sổ kỳ \(period): sổ khóa đến ngày \(entry.date) (bút toán \(entry.seq), mã băm \(entry.hash.hexString))."))
        return .success
    }
}

/// `cpf period reopen`.
struct PeriodReopenCommand: Command {
    static let configuration = CommandConfiguration(
        name: "period reopen",
        abstract: LocalizedText("Reopen a closed month (and every later one), with a reason.", "Mở lại một tháng đã khóa sổ (và mọi tháng sau đó), có ghi lý do."),
        discussion: LocalizedText("""
        The reopening is an entry of the hash chain: who, when and why.

        EXAMPLE:
          cpf period reopen 2018-12 --reason "auditor adjustment AJE-3" --user giamdoc
        """, """
        Việc mở lại là một bút toán của chuỗi băm: ai, khi nào và vì sao.

        VÍ DỤ:
          cpf period reopen 2018-12 --reason "auditor adjustment AJE-3" --user giamdoc
        """),
        positionals: [PositionalSpec("PERIOD", LocalizedText("YYYY-MM, or YYYY for the whole year", "YYYY-MM, hoặc YYYY cho cả năm"))],
        options: [.value("--reason", "TEXT", LocalizedText("why the period is reopened", "lý do mở lại kỳ"), required: true)])

    let period: AccountingPeriod
    let reason: String

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        period = try AccountingPeriod.parse(arguments.positionals[0])
        reason = arguments.required("--reason")
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedger()
        let entry = try ledger.reopenPeriod(period, reason: reason, user: context.user)
        let state = try ledger.periodLock()?.lockedThrough.map { LocalizedText("the books are now closed through \($0)", "sổ nay khóa đến ngày \($0)") }
            ?? LocalizedText("no period is closed now", "nay không còn kỳ nào khóa sổ")
        context.say(LocalizedText("Reopened period \(period); \(state) (entry \(entry.seq), hash \(entry.hash.hexString)).",
                                  "Đã mở lại kỳ \(period); \(state) (bút toán \(entry.seq), mã băm \(entry.hash.hexString))."))
        return .success
    }
}

/// `cpf period list`.
struct PeriodListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "period list", abstract: LocalizedText("List the period closings and reopenings, and the current lock.", "Liệt kê các lần khóa sổ, mở lại kỳ và mức khóa hiện tại."),
                                                    options: [OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments

    func report(_ ledger: Ledger) throws -> Report { try ledger.periodsReport() }
}

/// `cpf pending`.
struct PendingCommand: ListingCommand {
    static let configuration = CommandConfiguration(
        name: "pending",
        abstract: LocalizedText("List the entries that wait for a second person's approval.", "Liệt kê các bút toán đang chờ người thứ hai duyệt."),
        discussion: LocalizedText("They are in no balance or report until approved (cpf approve).", "Các bút toán này chưa vào số dư hay báo cáo nào cho đến khi được duyệt (cpf approve)."),
        options: [OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments

    func report(_ ledger: Ledger) throws -> Report { try ledger.pendingReport() }
}

/// `cpf approve`.
struct ApproveCommand: Command {
    static let configuration = CommandConfiguration(
        name: "approve",
        abstract: LocalizedText("Approve (or reject) an entry that waits for a second person.", "Duyệt (hoặc từ chối) một bút toán đang chờ người thứ hai."),
        discussion: LocalizedText("""
        Entries at or above the approval-threshold setting wait until a different person
        approves them; the approved entry is posted with who approved it, in the hash chain.

        EXAMPLES:
          cpf approve 3 --user giamdoc
          cpf approve 4 --reject --reason "duplicate of voucher PC-0412" --user giamdoc
        """, """
        Bút toán bằng hoặc trên ngưỡng approval-threshold phải chờ một người khác duyệt; bút toán
        đã duyệt được ghi sổ cùng tên người duyệt, trong chuỗi băm.

        VÍ DỤ:
          cpf approve 3 --user giamdoc
          cpf approve 4 --reject --reason "duplicate of voucher PC-0412" --user giamdoc
        """),
        positionals: [PositionalSpec("ID", LocalizedText("the pending entry's number (cpf pending)", "số của bút toán chờ duyệt (cpf pending)"))],
        options: [.flag("--reject", LocalizedText("reject it instead; it is never posted", "từ chối thay vì duyệt; bút toán sẽ không bao giờ được ghi sổ")), .value("--reason", "TEXT", LocalizedText("why (required with --reject)", "lý do (bắt buộc khi --reject)"))])

    let id: Int64
    let rejection: String?

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        guard let id = Int64(arguments.positionals[0]), id > 0 else {
            throw UsageError(LocalizedText("ID must be a pending entry's number, e.g. 3 (cpf pending lists them)", "ID phải là số của một bút toán chờ duyệt, ví dụ 3 (cpf pending liệt kê chúng)"), command: "approve")
        }
        self.id = id
        if arguments.flag("--reject") {
            guard let reason = arguments.value("--reason") else { throw UsageError(LocalizedText("--reject needs --reason", "--reject cần có --reason"), command: "approve") }
            rejection = reason
        } else {
            rejection = nil
        }
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedger()
        if let rejection {
            try ledger.reject(pendingID: id, reason: rejection, user: context.user)
            context.say(LocalizedText("Rejected pending entry \(id); nothing was posted.", "Đã từ chối bút toán chờ duyệt \(id); không ghi sổ gì."))
        } else {
            let entry = try ledger.approve(pendingID: id, user: context.user)
            let approver = entry.approvedBy ?? ""
            context.say(LocalizedText("Approved pending entry \(id): posted as entry \(entry.seq) on \(entry.date), approved by \(approver). Hash \(entry.hash.hexString)",
                                      "Đã duyệt bút toán chờ duyệt \(id): ghi sổ thành bút toán \(entry.seq) ngày \(entry.date), người duyệt \(approver). Mã băm \(entry.hash.hexString)"))
        }
        return .success
    }
}

/// `cpf seal`.
struct SealCommand: Command {
    static let configuration = CommandConfiguration(
        name: "seal",
        abstract: LocalizedText("Print a digest statement of a period to publish or send to donors.", "In bản niêm phong (mã băm) của một kỳ để công bố hoặc gửi nhà tài trợ."),
        discussion: LocalizedText("""
        The statement holds the fund, the period, its totals, the last entry's sequence and
        the head digest. Later, anyone can prove that nothing up to that entry was changed or
        removed:  cpf verify --at SEQ --digest HEX

        EXAMPLE:
          cpf seal --period 2018
        """, """
        Bản niêm phong ghi quỹ, kỳ, các số tổng, số thứ tự bút toán cuối và mã băm đầu chuỗi. Về
        sau, bất kỳ ai cũng chứng minh được không có gì đến bút toán đó bị sửa hay xóa:
          cpf verify --at SEQ --digest HEX

        VÍ DỤ:
          cpf seal --period 2018
        """),
        options: [.value("--period", "PERIOD", LocalizedText("YYYY or YYYY-MM", "YYYY hoặc YYYY-MM"), required: true), OutputOptions.format, OutputOptions.language])

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
        try context.emit(try ledger.sealReport(seal), format, language: language)
        if !seal.periodClosed { context.message(LocalizedText("note: period \(period) is not closed; entries may still be dated in it after this seal", "lưu ý: kỳ \(period) chưa khóa sổ; sau lần niêm phong này vẫn có thể ghi bút toán vào kỳ đó")) }
        return .success
    }
}

/// `cpf history`.
struct HistoryCommand: ListingCommand {
    static let configuration = CommandConfiguration(
        name: "history",
        abstract: LocalizedText("Who did what, when, with reasons: entries, approvals, periods, registries, settings.", "Ai đã làm gì, khi nào, vì sao: bút toán, phê duyệt, khóa sổ, danh mục, thiết lập."),
        discussion: LocalizedText("""
        EXAMPLES:
          cpf history --entry 412
          cpf history --by giamdoc --from 2018-12-01
        """, """
        VÍ DỤ:
          cpf history --entry 412
          cpf history --by giamdoc --from 2018-12-01
        """),
        options: [.value("--entry", "SEQ", LocalizedText("only what concerns this entry", "chỉ những gì liên quan đến bút toán này")), .value("--by", "NAME", LocalizedText("only what this person did", "chỉ những gì người này đã làm")),
                  .value("--from", "YYYY-MM-DD", LocalizedText("from this day (UTC)", "từ ngày này (giờ UTC)")), .value("--to", "YYYY-MM-DD", LocalizedText("through this day (UTC)", "đến hết ngày này (giờ UTC)")),
                  OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments

    func validateArguments() throws -> Bool {
        _ = try filter()
        return true
    }

    private func filter() throws -> HistoryFilter {
        let seq = try arguments.value("--entry") { text in
            guard let seq = Int64(text), seq > 0 else { throw UsageError(LocalizedText("--entry takes an entry's sequence number", "--entry nhận số thứ tự của một bút toán"), command: "history") }
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
        abstract: LocalizedText("Grant allocations against spending per grant × program × place.", "Đối chiếu phân bổ của khoản tài trợ với số chi theo khoản tài trợ × chương trình × địa bàn."),
        discussion: LocalizedText("""
        Allocations are set with 'cpf grant allocate'. Exit status 1 when spending exceeds an
        allocation, spending has no allocation, or allocations exceed the commitment.

        EXAMPLE:
          cpf reconcile grants --year 2018
        """, """
        Phân bổ được đặt bằng 'cpf grant allocate'. Mã thoát 1 khi số chi vượt mức phân bổ, khoản
        chi chưa được phân bổ, hoặc tổng phân bổ vượt số cam kết.

        VÍ DỤ:
          cpf reconcile grants --year 2018
        """),
        options: [.value("--year", "YYYY", LocalizedText("spending through the end of this year (default: all)", "số chi đến hết năm này (mặc định: tất cả)")), OutputOptions.format, OutputOptions.language])

    let year: Int?
    let format: ReportFormat
    let language: Language

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        year = try arguments.value("--year") { text in
            guard let year = Int(text), (1900...2199).contains(year) else { throw UsageError(LocalizedText("--year takes a year such as 2018", "--year nhận một năm, ví dụ 2018"), command: "reconcile grants") }
            return year
        }
        format = try OutputOptions.format(arguments)
        language = try OutputOptions.language(arguments, context: context)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedgerForReading()
        let reconciliation = try ledger.reconcileGrants(year: year)
        try context.emit(try ledger.grantReconciliationReport(reconciliation), format, language: language)
        return reconciliation.hasDifferences ? .failure : .success
    }
}

/// `cpf reconcile bank`.
struct ReconcileBankCommand: Command {
    static let configuration = CommandConfiguration(
        name: "reconcile bank",
        abstract: LocalizedText("Match a bank statement CSV against a bank account's entries; changes nothing.", "Đối chiếu sao kê ngân hàng (CSV) với các bút toán của một tài khoản tiền gửi; không thay đổi gì."),
        discussion: LocalizedText("""
        Layouts (docs/bank-statements.md), recognised by the header row:
          date,amount,reference,description          (amount signed: money in positive)
          date,reference,debit,credit,description    (the bank's debit = money out)
        Dates YYYY-MM-DD or dd/MM/yyyy; amounts plain numbers without grouping separators.
        Lines match by reference (the entry's --ref) and amount, then by amount within 3 days.
        Exit status 1 when anything is left unmatched.

        EXAMPLE:
          cpf reconcile bank --account 1121 --statement vcb-2018-12.csv
        """, """
        Các mẫu sao kê (docs/bank-statements.md), nhận biết theo dòng tiêu đề:
          date,amount,reference,description          (cột 'amount' có dấu: tiền vào là số dương)
          date,reference,debit,credit,description    (cột 'debit' của ngân hàng = tiền ra)
        Ngày dạng YYYY-MM-DD hoặc dd/MM/yyyy; số tiền là số thuần, không có dấu phân cách.
        Các dòng khớp theo số chứng từ (--ref của bút toán) và số tiền, sau đó theo số tiền trong
        vòng 3 ngày. Mã thoát 1 khi còn dòng chưa khớp.

        VÍ DỤ:
          cpf reconcile bank --account 1121 --statement vcb-2018-12.csv
        """),
        options: [.value("--account", "CODE", LocalizedText("the bank account", "tài khoản tiền gửi ngân hàng"), required: true), .value("--statement", "FILE", LocalizedText("the statement CSV", "tệp CSV sao kê"), required: true),
                  .value("--from", "YYYY-MM-DD", LocalizedText("first day (default: the statement's first)", "ngày đầu (mặc định: ngày đầu của sao kê)")), .value("--to", "YYYY-MM-DD", LocalizedText("last day (default: the statement's last)", "ngày cuối (mặc định: ngày cuối của sao kê)")),
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
            throw LedgerError(.unknownAccount, LocalizedText("there is no account \(account)", "không có tài khoản \(account)"), hint: LocalizedText("'cpf account list' shows the chart", "'cpf account list' cho xem hệ thống tài khoản"))
        }
        let source: FileByteSource
        do {
            source = try FileByteSource(path: statementPath)
        } catch {
            throw LedgerError(.invalidInput, LocalizedText("cannot read the statement \(statementPath)", "không đọc được sao kê \(statementPath)"), hint: LocalizedText("check the path", "hãy kiểm tra đường dẫn"))
        }
        let lines = try BankStatement.read(source, name: statementPath, currency: currency)
        let reconciliation = try ledger.reconcileBank(accountCode: account, statement: lines, from: from, to: to)
        try context.emit(try ledger.bankReconciliationReport(reconciliation), format, language: language)
        return reconciliation.isReconciled ? .success : .failure
    }
}

/// `cpf grant allocate`.
struct GrantAllocateCommand: Command {
    static let configuration = CommandConfiguration(
        name: "grant allocate",
        abstract: LocalizedText("Allocate part of a grant to a program, in a place or anywhere.", "Phân bổ một phần khoản tài trợ cho một chương trình, tại một địa bàn hoặc mọi địa bàn."),
        discussion: LocalizedText("""
        EXAMPLE:
          cpf grant allocate KFW-2018 --program scholarship --unit TN --amount "40000.00 USD"
        """, """
        VÍ DỤ:
          cpf grant allocate KFW-2018 --program scholarship --unit TN --amount "40000.00 USD"
        """),
        positionals: [PositionalSpec("GRANT", LocalizedText("the grant's code", "mã khoản tài trợ"))],
        options: [.value("--program", "CODE", LocalizedText("the program", "chương trình"), required: true), .value("--unit", "CODE", LocalizedText("the place (default: any place)", "địa bàn (mặc định: mọi địa bàn)")),
                  .value("--amount", "AMOUNT", LocalizedText("in the grant's currency, e.g. \"40000.00 USD\"", "bằng loại tiền của khoản tài trợ, ví dụ \"40000.00 USD\""), required: true)])

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
        let place = unit.map { LocalizedText(verbatim: $0) } ?? LocalizedText("any place", "mọi địa bàn")
        context.say(LocalizedText("Allocated \(amount) of grant \(grant) to program \(program) in \(place).", "Đã phân bổ \(amount) của khoản tài trợ \(grant) cho chương trình \(program) tại \(place)."))
        return .success
    }
}

/// `cpf backup`.
struct BackupCommand: Command {
    static let configuration = CommandConfiguration(
        name: "backup",
        abstract: LocalizedText("Write a consistent copy of the ledger file, even while it is in use.", "Ghi một bản sao nhất quán của tệp sổ, kể cả khi sổ đang được dùng."),
        discussion: LocalizedText("""
        Uses SQLite's online backup; the copy is a complete ledger that 'cpf verify' checks.

        EXAMPLE:
          cpf backup fund-2018-12-31.cpf
        """, """
        Dùng cơ chế sao lưu trực tuyến của SQLite; bản sao là một sổ đầy đủ mà 'cpf verify' kiểm
        tra được.

        VÍ DỤ:
          cpf backup fund-2018-12-31.cpf
        """),
        positionals: [PositionalSpec("FILE", LocalizedText("the new file (must not exist)", "tệp mới (chưa được tồn tại)"))])

    let destination: String

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        destination = arguments.positionals[0]
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedgerForReading()
        try ledger.backup(to: destination)
        context.say(LocalizedText("Wrote a copy of the ledger to \(destination).", "Đã ghi bản sao của sổ vào \(destination)."))
        return .success
    }
}
