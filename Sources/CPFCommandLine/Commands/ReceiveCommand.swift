import FundLedger

/// `cpf receive`.
struct ReceiveCommand: Command {
    static let date = Option("--date", "YYYY-MM-DD", LocalizedText("the receipt date", "ngày thu"), required: true, parse: LedgerDate.parse)
    static let funder = Option("--funder", "CODE", LocalizedText("who gave it", "ai tài trợ"))
    static let grant = Option("--grant", "CODE", LocalizedText("the grant it is received against", "khoản tài trợ được nhận theo"))
    static let amount = Option("--amount", "AMOUNT", LocalizedText("money received, e.g. \"50000.00 USD\" or \"20000000 VND\"", "số tiền nhận, ví dụ \"50000.00 USD\" hoặc \"20000000 VND\""), parse: { try Amount.parse($0) })
    static let into = Option("--into", "ACCOUNT", LocalizedText("the cash or bank account (default 1121 for VND, 1122 for USD)", "tài khoản tiền mặt hoặc tiền gửi (mặc định 1121 cho VND, 1122 cho USD)"))
    static let rate = Option("--rate", "RATE", LocalizedText("the rate that applied instead of the rate table's", "tỷ giá thực tế áp dụng thay cho tỷ giá trong bảng tỷ giá"), parse: Rate.parse)
    static let rateSource = Option("--rate-source", "SOURCE", LocalizedText("where --rate comes from, e.g. VCB", "nguồn của --rate, ví dụ VCB"))
    static let item = Option("--item", "CODE", LocalizedText("the goods item (with --in-kind)", "mặt hàng (với --in-kind)"))
    static let quantity = Option("--quantity", "N", LocalizedText("how many units (with --in-kind)", "số lượng (với --in-kind)"))
    static let unitValue = Option("--unit-value", "AMOUNT", LocalizedText("fair value of one unit in VND (with --in-kind)", "giá trị hợp lý của một đơn vị bằng VND (với --in-kind)"))
    static let basis = Option("--basis", "TEXT", LocalizedText("how the fair value was established (with --in-kind)", "cơ sở xác định giá trị hợp lý (với --in-kind)"))
    static let unitName = Option("--unit-name", "UNIT", LocalizedText("unit of count for a new item, e.g. chiếc", "đơn vị tính của mặt hàng mới, ví dụ chiếc"))
    static let revenue = Option("--revenue", "ACCOUNT", LocalizedText("the revenue account instead of the source's", "tài khoản thu thay cho tài khoản theo nguồn"))
    static let program = Option("--program", "CODE", LocalizedText("the program the money is given for", "chương trình được tài trợ"))
    static let unit = Option("--unit", "CODE", LocalizedText("the org unit the money is given for", "đơn vị được tài trợ"))
    static let memo = Option("--memo", "TEXT", LocalizedText("what the receipt is", "nội dung khoản thu"))
    static let ref = Option("--ref", "REF", LocalizedText("the voucher or bank reference; makes the receipt idempotent", "số chứng từ hoặc số giao dịch ngân hàng; ghi lại lần nữa không tạo khoản thu trùng"))
    static let inKind = Flag("--in-kind", LocalizedText("goods received in kind", "nhận hiện vật"))
    static let interest = Flag("--interest", LocalizedText("interest earned on deposits", "lãi tiền gửi"))
    static let configuration = CommandConfiguration(
        name: "receive",
        abstract: LocalizedText("Post a receipt: money (VND or foreign currency) or goods in kind, from a funder, optionally against a grant.", "Ghi một khoản thu: tiền (VND hoặc ngoại tệ) hoặc hiện vật, từ một nhà tài trợ, có thể theo một khoản tài trợ."),
        discussion: LocalizedText("""
        EXAMPLES:
          cpf receive --date 2018-03-05 --funder KFW --grant KFW-2018 --amount "50000.00 USD" --into 1122 --ref GBC-118
          cpf receive --date 2018-01-15 --funder NSDP --amount "500000000 VND"
          cpf receive --date 2018-06-01 --funder AIA --in-kind --item bicycle --quantity 90 \\
              --unit-value "1500000 VND" --basis "supplier invoice"
          cpf receive --date 2018-12-31 --interest --amount "1250000 VND"

        Money is credited to revenue by source: 5111/5112 state budget (central/local), 5121
        foreign NGOs, 5122 foreign individuals, 5131 companies, 5132 individuals, 5138 others,
        5133 goods in kind, 515 interest (--revenue overrides). A foreign amount is booked at
        the rate of the receipt date from the rate table, or at --rate with --rate-source.
        Goods in kind are booked at fair value into the goods account (156) with the item and
        quantity; a new item is registered.
        """, """
        VÍ DỤ:
          cpf receive --date 2018-03-05 --funder KFW --grant KFW-2018 --amount "50000.00 USD" --into 1122 --ref GBC-118
          cpf receive --date 2018-01-15 --funder NSDP --amount "500000000 VND"
          cpf receive --date 2018-06-01 --funder AIA --in-kind --item bicycle --quantity 90 \\
              --unit-value "1500000 VND" --basis "supplier invoice"
          cpf receive --date 2018-12-31 --interest --amount "1250000 VND"

        Tiền được ghi Có vào tài khoản thu theo nguồn: 5111/5112 ngân sách nhà nước (trung ương/địa
        phương), 5121 tổ chức phi chính phủ nước ngoài, 5122 cá nhân nước ngoài, 5131 doanh nghiệp,
        5132 cá nhân, 5138 khác, 5133 hiện vật, 515 lãi tiền gửi (--revenue để chọn khác). Số ngoại
        tệ được ghi theo tỷ giá ngày thu trong bảng tỷ giá, hoặc theo --rate kèm --rate-source.
        Hiện vật được ghi theo giá trị hợp lý vào tài khoản hàng hóa (156) cùng mặt hàng và số
        lượng; mặt hàng mới được tự đăng ký.
        """),
        options: [date, funder, grant, amount, into, rate, rateSource, inKind, item, quantity, unitValue, basis, unitName, interest, revenue, program, unit, memo, ref])

    let receipt: Receipt

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        var receipt = Receipt(date: try arguments.required(Self.date))
        receipt.funderCode = arguments.value(of: Self.funder)
        receipt.grantCode = arguments.value(of: Self.grant)
        receipt.amount = try arguments.value(of: Self.amount)
        receipt.intoAccountCode = arguments.value(of: Self.into)
        receipt.rate = try arguments.value(of: Self.rate)
        receipt.rateSource = arguments.value(of: Self.rateSource)
        receipt.isInterest = arguments.isSet(Self.interest)
        receipt.revenueAccountCode = arguments.value(of: Self.revenue)
        receipt.programCode = arguments.value(of: Self.program)
        receipt.unitCode = arguments.value(of: Self.unit)
        receipt.memo = arguments.value(of: Self.memo)
        receipt.externalRef = arguments.value(of: Self.ref)
        if arguments.isSet(Self.inKind) {
            guard let item = arguments.value(of: Self.item), let quantityText = arguments.value(of: Self.quantity),
                  let unitValue = arguments.value(of: Self.unitValue), let basis = arguments.value(of: Self.basis) else {
                throw UsageError(LocalizedText("--in-kind needs --item, --quantity, --unit-value and --basis", "--in-kind cần có --item, --quantity, --unit-value và --basis"), command: "receive")
            }
            guard let quantity = Int64(quantityText), quantity > 0 else { throw UsageError(LocalizedText("--quantity takes a positive whole number", "--quantity nhận một số nguyên dương"), command: "receive") }
            receipt.inKind = InKindGoods(itemCode: item, quantity: quantity, unitValue: try Amount.parse(unitValue), basis: basis,
                                         unitName: arguments.value(of: Self.unitName))
        } else if arguments.value(of: Self.item) != nil || arguments.value(of: Self.quantity) != nil {
            throw UsageError(LocalizedText("--item and --quantity go with --in-kind", "--item và --quantity đi cùng --in-kind"), command: "receive")
        }
        self.receipt = receipt
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        context.say(PostCommand.describe(try context.openLedger().receive(receipt, user: context.user)))
        return .success
    }
}
