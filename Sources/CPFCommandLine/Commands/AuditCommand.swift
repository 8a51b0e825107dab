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
        """))

    @Option(CommonOptions.year, help: LocalizedText("only entries dated in this year (chain, references, reversals and approvals: always all)", "chỉ các bút toán ghi ngày trong năm này (chuỗi băm, số chứng từ, bút toán đảo và phê duyệt: luôn kiểm tra tất cả)"))
    var year: Int?
    @OptionGroup var output: ReportOutput

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedgerForReading()
        let result = try ledger.audit(year: year)
        try context.emit(try ledger.auditReport(result), output.format, language: context.language)
        return result.hasErrors ? .failure : .success
    }
}
