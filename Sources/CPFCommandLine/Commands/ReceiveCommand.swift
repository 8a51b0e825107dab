import FundLedger

/// `cpf receive`.
struct ReceiveCommand: Command {
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
        """))

    @Option("--date", "YYYY-MM-DD", help: LocalizedText("the receipt date", "ngày thu"), parse: LedgerDate.parse)
    var date: LedgerDate
    @Option("--funder", "CODE", help: LocalizedText("who gave it", "ai tài trợ"))
    var funder: String?
    @Option("--grant", "CODE", help: LocalizedText("the grant it is received against", "khoản tài trợ được nhận theo"))
    var grant: String?
    @Option("--amount", "AMOUNT", help: LocalizedText("money received, e.g. \"50000.00 USD\" or \"20000000 VND\"", "số tiền nhận, ví dụ \"50000.00 USD\" hoặc \"20000000 VND\""), parse: { try Amount.parse($0) })
    var amount: Amount?
    @Option("--into", "ACCOUNT", help: LocalizedText("the cash or bank account (default 1121 for VND, 1122 for USD)", "tài khoản tiền mặt hoặc tiền gửi (mặc định 1121 cho VND, 1122 cho USD)"))
    var into: String?
    @Option("--rate", "RATE", help: LocalizedText("the rate that applied instead of the rate table's", "tỷ giá thực tế áp dụng thay cho tỷ giá trong bảng tỷ giá"), parse: Rate.parse)
    var rate: Rate?
    @Option("--rate-source", "SOURCE", help: LocalizedText("where --rate comes from, e.g. VCB", "nguồn của --rate, ví dụ VCB"))
    var rateSource: String?
    @Flag("--in-kind", help: LocalizedText("goods received in kind", "nhận hiện vật"))
    var inKind: Bool
    @Option("--item", "CODE", help: LocalizedText("the goods item (with --in-kind)", "mặt hàng (với --in-kind)"))
    var item: String?
    @Option(CommonOptions.quantity, help: LocalizedText("how many units (with --in-kind)", "số lượng (với --in-kind)"))
    var quantity: Int64?
    @Option("--unit-value", "AMOUNT", help: LocalizedText("fair value of one unit in VND (with --in-kind)", "giá trị hợp lý của một đơn vị bằng VND (với --in-kind)"), parse: { try Amount.parse($0) })
    var unitValue: Amount?
    @Option("--basis", "TEXT", help: LocalizedText("how the fair value was established (with --in-kind)", "cơ sở xác định giá trị hợp lý (với --in-kind)"))
    var basis: String?
    @Option("--unit-name", "UNIT", help: LocalizedText("unit of count for a new item, e.g. chiếc", "đơn vị tính của mặt hàng mới, ví dụ chiếc"))
    var unitName: String?
    @Flag("--interest", help: LocalizedText("interest earned on deposits", "lãi tiền gửi"))
    var isInterest: Bool
    @Option("--revenue", "ACCOUNT", help: LocalizedText("the revenue account instead of the source's", "tài khoản thu thay cho tài khoản theo nguồn"))
    var revenue: String?
    @Option("--program", "CODE", help: LocalizedText("the program the money is given for", "chương trình được tài trợ"))
    var program: String?
    @Option("--unit", "CODE", help: LocalizedText("the org unit the money is given for", "đơn vị được tài trợ"))
    var unit: String?
    @Option("--memo", "TEXT", help: LocalizedText("what the receipt is", "nội dung khoản thu"))
    var memo: String?
    @Option("--ref", "REF", help: LocalizedText("the voucher or bank reference; makes the receipt idempotent", "số chứng từ hoặc số giao dịch ngân hàng; ghi lại lần nữa không tạo khoản thu trùng"))
    var reference: String?

    func validate() throws {
        if inKind {
            guard item != nil, quantity != nil, unitValue != nil, basis != nil else {
                throw UsageError(LocalizedText("--in-kind needs --item, --quantity, --unit-value and --basis", "--in-kind cần có --item, --quantity, --unit-value và --basis"), command: "receive")
            }
        } else if item != nil || quantity != nil {
            throw UsageError(LocalizedText("--item and --quantity go with --in-kind", "--item và --quantity đi cùng --in-kind"), command: "receive")
        }
    }

    var receipt: Receipt {
        var receipt = Receipt(date: date)
        receipt.funderCode = funder
        receipt.grantCode = grant
        receipt.amount = amount
        receipt.intoAccountCode = into
        receipt.rate = rate
        receipt.rateSource = rateSource
        receipt.isInterest = isInterest
        receipt.revenueAccountCode = revenue
        receipt.programCode = program
        receipt.unitCode = unit
        receipt.memo = memo
        receipt.externalRef = reference
        if inKind, let item, let quantity, let unitValue, let basis {
            receipt.inKind = InKindGoods(itemCode: item, quantity: quantity, unitValue: unitValue, basis: basis, unitName: unitName)
        }
        return receipt
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        context.say(PostCommand.describe(try context.openLedger().receive(receipt, user: context.user)))
        return .success
    }
}
