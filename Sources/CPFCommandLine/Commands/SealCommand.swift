import FundLedger

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
        """))

    @Option("--period", "PERIOD", help: LocalizedText("YYYY or YYYY-MM", "YYYY hoặc YYYY-MM"), parse: AccountingPeriod.parse)
    var period: AccountingPeriod
    @OptionGroup var output: ReportOutput

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedgerForReading()
        let seal = try ledger.seal(period, user: context.user)
        try context.emit(try ledger.sealReport(seal), output.format, language: context.language)
        if !seal.periodClosed { context.message(LocalizedText("note: period \(period) is not closed; entries may still be dated in it after this seal", "lưu ý: kỳ \(period) chưa khóa sổ; sau lần niêm phong này vẫn có thể ghi bút toán vào kỳ đó")) }
        return .success
    }
}
