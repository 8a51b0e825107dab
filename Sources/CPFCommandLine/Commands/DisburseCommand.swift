import FundLedger

/// `cpf disburse`.
struct DisburseCommand: Command {
    static let date = Option("--date", "YYYY-MM-DD", LocalizedText("the disbursement date", "ngày chi"), required: true, parse: LedgerDate.parse)
    static let program = Option("--program", "CODE", LocalizedText("the program", "chương trình"), required: true)
    static let unit = Option("--unit", "CODE", LocalizedText("the org unit (place)", "đơn vị (địa bàn)"), required: true)
    static let children = Option("--children", "N", LocalizedText("child-instances reached (lượt trẻ em)", "số lượt trẻ em được hỗ trợ"), required: true)
    static let grant = Option("--grant", "CODE", LocalizedText("the grant it is charged to", "khoản tài trợ được tính chi"))
    static let amount = Option("--amount", "AMOUNT", LocalizedText("money paid", "số tiền chi"), parse: { try Amount.parse($0) })
    static let from = Option("--from", "ACCOUNT", LocalizedText("the cash or bank account (default 1121 for VND, 1122 for USD)", "tài khoản tiền mặt hoặc tiền gửi (mặc định 1121 cho VND, 1122 cho USD)"))
    static let inKind = Option("--in-kind", "ITEM", LocalizedText("goods handed out instead of money", "cấp phát hiện vật thay vì tiền"))
    static let quantity = Option("--quantity", "N", LocalizedText("how many units of the goods", "số lượng hiện vật"))
    static let beneficiaries = Option("--beneficiaries", "CODES", LocalizedText("comma-separated pseudonymous beneficiary codes", "các mã đối tượng thụ hưởng (bí danh), cách nhau bằng dấu phẩy"))
    static let expenseAccount = Option("--expense-account", "ACCOUNT", LocalizedText("the expense account instead of the program's", "tài khoản chi thay cho tài khoản của chương trình"))
    static let rate = Option("--rate", "RATE", LocalizedText("for a foreign payment: the day's rate instead of the rate table's", "với khoản chi ngoại tệ: tỷ giá trong ngày thay cho tỷ giá trong bảng"), parse: Rate.parse)
    static let rateSource = Option("--rate-source", "SOURCE", LocalizedText("where --rate comes from", "nguồn của --rate"))
    static let memo = Option("--memo", "TEXT", LocalizedText("what was given", "nội dung đã hỗ trợ"))
    static let ref = Option("--ref", "REF", LocalizedText("the voucher reference; makes the disbursement idempotent", "số chứng từ; ghi lại lần nữa không tạo khoản chi trùng"))
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
        """),
        options: [date, program, unit, children, grant, amount, from, inKind, quantity, beneficiaries, expenseAccount, rate, rateSource, memo, ref])

    let disbursement: Disbursement

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        guard let children = Int64(arguments.required(Self.children)), children > 0 else {
            throw UsageError(LocalizedText("--children takes a positive whole number", "--children nhận một số nguyên dương"), command: "disburse")
        }
        var disbursement = Disbursement(date: try arguments.required(Self.date), programCode: arguments.required(Self.program),
                                        unitCode: arguments.required(Self.unit), children: children)
        disbursement.grantCode = arguments.value(of: Self.grant)
        disbursement.amount = try arguments.value(of: Self.amount)
        disbursement.fromAccountCode = arguments.value(of: Self.from)
        disbursement.inKindItemCode = arguments.value(of: Self.inKind)
        if let quantity = arguments.value(of: Self.quantity) {
            guard let value = Int64(quantity), value > 0 else { throw UsageError(LocalizedText("--quantity takes a positive whole number", "--quantity nhận một số nguyên dương"), command: "disburse") }
            disbursement.quantity = value
        }
        disbursement.beneficiaryCodes = arguments.value(of: Self.beneficiaries).map { $0.split(separator: ",").map(String.init) } ?? []
        disbursement.expenseAccountCode = arguments.value(of: Self.expenseAccount)
        disbursement.rate = try arguments.value(of: Self.rate)
        disbursement.rateSource = arguments.value(of: Self.rateSource)
        disbursement.memo = arguments.value(of: Self.memo)
        disbursement.externalRef = arguments.value(of: Self.ref)
        self.disbursement = disbursement
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        context.say(PostCommand.describe(try context.openLedger().disburse(disbursement, user: context.user)))
        return .success
    }
}
