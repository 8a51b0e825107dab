import FundLedger

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
        """))

    @Option(CommonOptions.year, help: LocalizedText("spending through the end of this year (default: all)", "số chi đến hết năm này (mặc định: tất cả)"))
    var year: Int?
    @OptionGroup var output: ReportOutput

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedgerForReading()
        let reconciliation = try ledger.reconcileGrants(year: year)
        try context.emit(try ledger.grantReconciliationReport(reconciliation), output.format, language: context.language)
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
        """))

    @Option("--account", "CODE", help: LocalizedText("the bank account", "tài khoản tiền gửi ngân hàng"))
    var account: String
    @Option("--statement", "FILE", help: LocalizedText("the statement CSV", "tệp CSV sao kê"))
    var statementPath: String
    @Option(CommonOptions.from, help: LocalizedText("first day (default: the statement's first)", "ngày đầu (mặc định: ngày đầu của sao kê)"))
    var from: LedgerDate?
    @Option(CommonOptions.to, help: LocalizedText("last day (default: the statement's last)", "ngày cuối (mặc định: ngày cuối của sao kê)"))
    var to: LedgerDate?
    @OptionGroup var output: ReportOutput

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
        try context.emit(try ledger.bankReconciliationReport(reconciliation), output.format, language: context.language)
        return reconciliation.isReconciled ? .success : .failure
    }
}
