import FundLedger

/// `cpf revalue`.
struct RevalueCommand: Command {
    static let configuration = CommandConfiguration(
        name: "revalue",
        abstract: LocalizedText("Year-end revaluation of a foreign-currency account (only when the fund's setting allows it).", "Đánh giá lại tài khoản ngoại tệ cuối năm (chỉ khi thiết lập của quỹ cho phép)."),
        discussion: LocalizedText("""
        Public-sector accounting forbids revaluing foreign-currency balances of non-business
        activity, so a new ledger refuses this until 'cpf settings set fx-revaluation allowed'.
        EXAMPLE:
          cpf revalue --account 1122 --date 2018-12-31
        """, """
        Kế toán khu vực công không cho đánh giá lại số dư ngoại tệ của hoạt động không kinh doanh,
        nên sổ mới từ chối lệnh này cho đến khi 'cpf settings set fx-revaluation allowed'.
        VÍ DỤ:
          cpf revalue --account 1122 --date 2018-12-31
        """))

    @Option("--account", "ACCOUNT", help: LocalizedText("the foreign-currency account", "tài khoản ngoại tệ"))
    var account: String
    @Option("--date", "YYYY-MM-DD", help: LocalizedText("the revaluation date (its rate must be recorded)", "ngày đánh giá lại (tỷ giá ngày đó phải đã được ghi)"), parse: LedgerDate.parse)
    var date: LedgerDate

    func run(_ context: CommandContext) throws -> ExitStatus {
        if let entry = try context.openLedger().revalue(accountCode: account, on: date, user: context.user) {
            context.say(LocalizedText("Posted entry \(entry.seq): \(entry.memo). Hash \(entry.hash.hexString)", "Đã ghi bút toán \(entry.seq): \(entry.memo). Mã băm \(entry.hash.hexString)"))
        } else {
            context.say(LocalizedText("Account \(account) is already at the rate of \(date); nothing posted.", "Tài khoản \(account) đã theo tỷ giá ngày \(date); không ghi gì."))
        }
        return .success
    }
}
