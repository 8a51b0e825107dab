import FundLedger

/// `cpf settings show`.
struct SettingsShowCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "settings show", abstract: LocalizedText("Show the fund's settings.", "Xem các thiết lập của quỹ."))
    @OptionGroup var output: ReportOutput

    func report(_ ledger: Ledger) throws -> Report { try ledger.settingsReport() }
}

/// `cpf settings set`.
struct SettingsSetCommand: Command {
    static let configuration = CommandConfiguration(
        name: "settings set",
        abstract: LocalizedText("Change one of the fund's settings (recorded in the audit trail).", "Đổi một thiết lập của quỹ (được ghi vào nhật ký thay đổi)."),
        discussion: LocalizedText("""
        SETTINGS:
          fx-revaluation          allowed | forbidden (default forbidden: public-sector rules)
          goods-account           the goods-for-distribution account (default 156)
          fx-difference-account   where exchange differences go (default 413)
          management-account      the management-cost heading (default 642)
          management-cap-percent  the management-cost cap, percent of qualifying revenue (default 10)
          approval-threshold      entries at or above it wait for a second person, e.g. "100000000 VND", or none
        """, """
        CÁC THIẾT LẬP:
          fx-revaluation          allowed | forbidden (mặc định forbidden: quy định khu vực công)
          goods-account           tài khoản hàng hóa chờ cấp phát (mặc định 156)
          fx-difference-account   tài khoản chênh lệch tỷ giá (mặc định 413)
          management-account      tài khoản tổng hợp chi phí quản lý (mặc định 642)
          management-cap-percent  mức trần chi phí quản lý, % số thu làm căn cứ (mặc định 10)
          approval-threshold      bút toán từ mức này chờ người thứ hai duyệt, ví dụ "100000000 VND", hoặc none
          language                vi | en: ngôn ngữ của thông báo, trợ giúp và báo cáo (mặc định vi)
        """))

    @Argument("NAME", help: LocalizedText("the setting", "thiết lập"))
    var name: String
    @Argument("VALUE", help: LocalizedText("its new value", "giá trị mới"))
    var value: String

    func run(_ context: CommandContext) throws -> ExitStatus {
        try context.openLedger().setSetting(name, to: value, user: context.user)
        context.say(LocalizedText(verbatim: "\(name) = \(value)"))
        return .success
    }
}
