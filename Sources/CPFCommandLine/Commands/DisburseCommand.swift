import FundLedger

/// `cpf disburse`.
struct DisburseCommand: Command {
    static let configuration = CommandConfiguration(
        name: "disburse",
        abstract: LocalizedText("Post a disbursement to a program and place, with the child-instances reached.", "Ghi một khoản chi cho một chương trình và địa bàn, kèm số lượt trẻ em được hỗ trợ."),
        discussion: LocalizedText("""
        EXAMPLES:
          cpf disburse --date 2018-09-05 --program scholarship --unit TN --grant KFW-2018 --amount "20000000 VND" \\
              --from 1121 --children 20 --beneficiaries TN-0001,TN-0002 --ref PC-0918
          cpf disburse --date 2018-06-01 --program bicycle --unit TN --in-kind bicycle --quantity 90 --children 90

        Charged to a grant, the spending must fit the grant's programs, units and dates and
        what it has available. Goods are handed out at their carrying value. Paid in foreign
        currency from 1122, the expense is valued at the day's rate and the realized exchange
        difference against the account's book rate is booked to 413. Beneficiary codes are
        pseudonyms (never names) and never appear in any report.
        """, """
        VÍ DỤ:
          cpf disburse --date 2018-09-05 --program scholarship --unit TN --grant KFW-2018 --amount "20000000 VND" \\
              --from 1121 --children 20 --beneficiaries TN-0001,TN-0002 --ref PC-0918
          cpf disburse --date 2018-06-01 --program bicycle --unit TN --in-kind bicycle --quantity 90 --children 90

        Khi tính vào một khoản tài trợ, khoản chi phải đúng chương trình, đơn vị, thời hạn của
        khoản tài trợ và trong phạm vi số còn lại. Hiện vật được cấp phát theo giá trị ghi sổ, lấy
        từ lô nhận sớm nhất trước (docs/goods-lots.md). Chi bằng ngoại tệ từ 1122 thì chi phí tính
        theo tỷ giá trong ngày và chênh lệch tỷ giá đã thực hiện so với tỷ giá ghi sổ của tài
        khoản được ghi vào 413. Mã đối tượng thụ hưởng là bí danh (không bao giờ là tên) và không
        bao giờ xuất hiện trong báo cáo nào.
        """))

    @Option("--date", "YYYY-MM-DD", help: LocalizedText("the disbursement date", "ngày chi"), parse: LedgerDate.parse)
    var date: LedgerDate
    @Option("--program", "CODE", help: LocalizedText("the program", "chương trình"))
    var program: String
    @Option("--unit", "CODE", help: LocalizedText("the org unit (place)", "đơn vị (địa bàn)"))
    var unit: String
    @Option("--children", "N", help: LocalizedText("child-instances reached (lượt trẻ em)", "số lượt trẻ em được hỗ trợ"), parse: CommonOptions.positiveWholeNumber("--children"))
    var children: Int64
    @Option("--grant", "CODE", help: LocalizedText("the grant it is charged to", "khoản tài trợ được tính chi"))
    var grant: String?
    @Option("--amount", "AMOUNT", help: LocalizedText("money paid", "số tiền chi"), parse: { try Amount.parse($0) })
    var amount: Amount?
    @Option("--from", "ACCOUNT", help: LocalizedText("the cash or bank account (default 1121 for VND, 1122 for USD)", "tài khoản tiền mặt hoặc tiền gửi (mặc định 1121 cho VND, 1122 cho USD)"))
    var fromAccount: String?
    @Option("--in-kind", "ITEM", help: LocalizedText("goods handed out instead of money", "cấp phát hiện vật thay vì tiền"))
    var inKindItem: String?
    @Option(CommonOptions.quantity, help: LocalizedText("how many units of the goods", "số lượng hiện vật"))
    var quantity: Int64?
    @Option("--beneficiaries", "CODES", help: LocalizedText("comma-separated pseudonymous beneficiary codes", "các mã đối tượng thụ hưởng (bí danh), cách nhau bằng dấu phẩy"), parse: { $0.split(separator: ",").map(String.init) })
    var beneficiaries: [String] = []
    @Option("--expense-account", "ACCOUNT", help: LocalizedText("the expense account instead of the program's", "tài khoản chi thay cho tài khoản của chương trình"))
    var expenseAccount: String?
    @Option("--rate", "RATE", help: LocalizedText("for a foreign payment: the day's rate instead of the rate table's", "với khoản chi ngoại tệ: tỷ giá trong ngày thay cho tỷ giá trong bảng"), parse: Rate.parse)
    var rate: Rate?
    @Option("--rate-source", "SOURCE", help: LocalizedText("where --rate comes from", "nguồn của --rate"))
    var rateSource: String?
    @Option("--memo", "TEXT", help: LocalizedText("what was given", "nội dung đã hỗ trợ"))
    var memo: String?
    @Option("--ref", "REF", help: LocalizedText("the voucher reference; makes the disbursement idempotent", "số chứng từ; ghi lại lần nữa không tạo khoản chi trùng"))
    var reference: String?

    var disbursement: Disbursement {
        var disbursement = Disbursement(date: date, programCode: program, unitCode: unit, children: children)
        disbursement.grantCode = grant
        disbursement.amount = amount
        disbursement.fromAccountCode = fromAccount
        disbursement.inKindItemCode = inKindItem
        disbursement.quantity = quantity
        disbursement.beneficiaryCodes = beneficiaries
        disbursement.expenseAccountCode = expenseAccount
        disbursement.rate = rate
        disbursement.rateSource = rateSource
        disbursement.memo = memo
        disbursement.externalRef = reference
        return disbursement
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        context.say(PostCommand.describe(try context.openLedger().disburse(disbursement, user: context.user)))
        return .success
    }
}
