import FundLedger

/// `cpf convert`.
struct ConvertCommand: Command {
    static let configuration = CommandConfiguration(
        name: "convert",
        abstract: LocalizedText("Convert foreign currency into dong; the realized exchange difference is booked to 413.", "Bán ngoại tệ lấy tiền đồng; chênh lệch tỷ giá đã thực hiện được ghi vào 413."),
        discussion: LocalizedText("""
        EXAMPLE:
          cpf convert --date 2018-04-02 --from 1122 --amount "20000.00 USD" --into 1121 --received "456000000 VND"
        The foreign amount leaves at the account's moving weighted-average book rate; the
        difference from the dong received is a realized gain (credit 413) or loss (debit 413).
        """, """
        VÍ DỤ:
          cpf convert --date 2018-04-02 --from 1122 --amount "20000.00 USD" --into 1121 --received "456000000 VND"
        Số ngoại tệ xuất ra theo tỷ giá ghi sổ bình quân gia quyền di động của tài khoản; phần
        chênh lệch với số đồng thực nhận là lãi (Có 413) hoặc lỗ (Nợ 413) tỷ giá đã thực hiện.
        """))

    @Option("--date", "YYYY-MM-DD", help: LocalizedText("the conversion date", "ngày bán ngoại tệ"), parse: LedgerDate.parse)
    var date: LedgerDate
    @Option("--from", "ACCOUNT", help: LocalizedText("the foreign-currency account", "tài khoản ngoại tệ"))
    var fromAccount: String
    @Option("--amount", "AMOUNT", help: LocalizedText("the foreign amount sold", "số ngoại tệ bán ra"), parse: { try Amount.parse($0) })
    var amount: Amount
    @Option("--into", "ACCOUNT", help: LocalizedText("the dong account", "tài khoản tiền đồng"))
    var intoAccount: String
    @Option("--received", "AMOUNT", help: LocalizedText("the dong actually received", "số đồng thực nhận"), parse: { try Amount.parse($0) })
    var received: Amount
    @Option("--grant", "CODE", help: LocalizedText("the grant whose money this is (it stays restricted)", "khoản tài trợ sở hữu số tiền này (tiền vẫn giữ hạn chế)"))
    var grant: String?
    @Option("--memo", "TEXT", help: LocalizedText("what the conversion is", "nội dung bán ngoại tệ"))
    var memo: String?
    @Option("--ref", "REF", help: LocalizedText("the bank reference; makes the conversion idempotent", "số giao dịch ngân hàng; ghi lại lần nữa không tạo giao dịch trùng"))
    var reference: String?

    func run(_ context: CommandContext) throws -> ExitStatus {
        var conversion = Conversion(date: date, fromAccountCode: fromAccount, amount: amount, intoAccountCode: intoAccount, received: received)
        conversion.grantCode = grant
        conversion.memo = memo
        conversion.externalRef = reference
        context.say(PostCommand.describe(try context.openLedger().convert(conversion, user: context.user)))
        return .success
    }
}
