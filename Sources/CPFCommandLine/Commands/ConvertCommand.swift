import FundLedger

/// `cpf convert`.
struct ConvertCommand: Command {
    static let date = Option("--date", "YYYY-MM-DD", LocalizedText("the conversion date", "ngày bán ngoại tệ"), required: true, parse: LedgerDate.parse)
    static let from = Option("--from", "ACCOUNT", LocalizedText("the foreign-currency account", "tài khoản ngoại tệ"), required: true)
    static let amount = Option("--amount", "AMOUNT", LocalizedText("the foreign amount sold", "số ngoại tệ bán ra"), required: true, parse: { try Amount.parse($0) })
    static let into = Option("--into", "ACCOUNT", LocalizedText("the dong account", "tài khoản tiền đồng"), required: true)
    static let received = Option("--received", "AMOUNT", LocalizedText("the dong actually received", "số đồng thực nhận"), required: true, parse: { try Amount.parse($0) })
    static let grant = Option("--grant", "CODE", LocalizedText("the grant whose money this is (it stays restricted)", "khoản tài trợ sở hữu số tiền này (tiền vẫn giữ hạn chế)"))
    static let memo = Option("--memo", "TEXT", LocalizedText("what the conversion is", "nội dung bán ngoại tệ"))
    static let ref = Option("--ref", "REF", LocalizedText("the bank reference; makes the conversion idempotent", "số giao dịch ngân hàng; ghi lại lần nữa không tạo giao dịch trùng"))
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
        """),
        options: [date, from, amount, into, received, grant, memo, ref])

    let conversion: Conversion

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        var conversion = Conversion(date: try arguments.required(Self.date), fromAccountCode: arguments.required(Self.from),
                                    amount: try arguments.required(Self.amount), intoAccountCode: arguments.required(Self.into),
                                    received: try arguments.required(Self.received))
        conversion.grantCode = arguments.value(of: Self.grant)
        conversion.memo = arguments.value(of: Self.memo)
        conversion.externalRef = arguments.value(of: Self.ref)
        self.conversion = conversion
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        context.say(PostCommand.describe(try context.openLedger().convert(conversion, user: context.user)))
        return .success
    }
}
