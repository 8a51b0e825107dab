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
        """),
        options: [
            .value("--date", "YYYY-MM-DD", LocalizedText("the receipt date", "ngày thu"), required: true),
            .value("--funder", "CODE", LocalizedText("who gave it", "ai tài trợ")),
            .value("--grant", "CODE", LocalizedText("the grant it is received against", "khoản tài trợ được nhận theo")),
            .value("--amount", "AMOUNT", LocalizedText("money received, e.g. \"50000.00 USD\" or \"20000000 VND\"", "số tiền nhận, ví dụ \"50000.00 USD\" hoặc \"20000000 VND\"")),
            .value("--into", "ACCOUNT", LocalizedText("the cash or bank account (default 1121 for VND, 1122 for USD)", "tài khoản tiền mặt hoặc tiền gửi (mặc định 1121 cho VND, 1122 cho USD)")),
            .value("--rate", "RATE", LocalizedText("the rate that applied instead of the rate table's", "tỷ giá thực tế áp dụng thay cho tỷ giá trong bảng tỷ giá")),
            .value("--rate-source", "SOURCE", LocalizedText("where --rate comes from, e.g. VCB", "nguồn của --rate, ví dụ VCB")),
            .flag("--in-kind", LocalizedText("goods received in kind", "nhận hiện vật")),
            .value("--item", "CODE", LocalizedText("the goods item (with --in-kind)", "mặt hàng (với --in-kind)")),
            .value("--quantity", "N", LocalizedText("how many units (with --in-kind)", "số lượng (với --in-kind)")),
            .value("--unit-value", "AMOUNT", LocalizedText("fair value of one unit in VND (with --in-kind)", "giá trị hợp lý của một đơn vị bằng VND (với --in-kind)")),
            .value("--basis", "TEXT", LocalizedText("how the fair value was established (with --in-kind)", "cơ sở xác định giá trị hợp lý (với --in-kind)")),
            .value("--unit-name", "UNIT", LocalizedText("unit of count for a new item, e.g. chiếc", "đơn vị tính của mặt hàng mới, ví dụ chiếc")),
            .flag("--interest", LocalizedText("interest earned on deposits", "lãi tiền gửi")),
            .value("--revenue", "ACCOUNT", LocalizedText("the revenue account instead of the source's", "tài khoản thu thay cho tài khoản theo nguồn")),
            .value("--program", "CODE", LocalizedText("the program the money is given for", "chương trình được tài trợ")),
            .value("--unit", "CODE", LocalizedText("the org unit the money is given for", "đơn vị được tài trợ")),
            .value("--memo", "TEXT", LocalizedText("what the receipt is", "nội dung khoản thu")),
            .value("--ref", "REF", LocalizedText("the voucher or bank reference; makes the receipt idempotent", "số chứng từ hoặc số giao dịch ngân hàng; ghi lại lần nữa không tạo khoản thu trùng")),
        ])

    let receipt: Receipt

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        var receipt = Receipt(date: try LedgerDate.parse(arguments.required("--date")))
        receipt.funderCode = arguments.value("--funder")
        receipt.grantCode = arguments.value("--grant")
        receipt.amount = try arguments.value("--amount") { try Amount.parse($0) }
        receipt.intoAccountCode = arguments.value("--into")
        receipt.rate = try arguments.value("--rate", Rate.parse)
        receipt.rateSource = arguments.value("--rate-source")
        receipt.isInterest = arguments.flag("--interest")
        receipt.revenueAccountCode = arguments.value("--revenue")
        receipt.programCode = arguments.value("--program")
        receipt.unitCode = arguments.value("--unit")
        receipt.memo = arguments.value("--memo")
        receipt.externalRef = arguments.value("--ref")
        if arguments.flag("--in-kind") {
            guard let item = arguments.value("--item"), let quantityText = arguments.value("--quantity"),
                  let unitValue = arguments.value("--unit-value"), let basis = arguments.value("--basis") else {
                throw UsageError(LocalizedText("--in-kind needs --item, --quantity, --unit-value and --basis", "--in-kind cần có --item, --quantity, --unit-value và --basis"), command: "receive")
            }
            guard let quantity = Int64(quantityText), quantity > 0 else { throw UsageError(LocalizedText("--quantity takes a positive whole number", "--quantity nhận một số nguyên dương"), command: "receive") }
            receipt.inKind = InKindGoods(itemCode: item, quantity: quantity, unitValue: try Amount.parse(unitValue), basis: basis,
                                         unitName: arguments.value("--unit-name"))
        } else if arguments.value("--item") != nil || arguments.value("--quantity") != nil {
            throw UsageError(LocalizedText("--item and --quantity go with --in-kind", "--item và --quantity đi cùng --in-kind"), command: "receive")
        }
        self.receipt = receipt
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        context.say(PostCommand.describe(try context.openLedger().receive(receipt, user: context.user)))
        return .success
    }
}

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
        """),
        options: [
            .value("--date", "YYYY-MM-DD", LocalizedText("the disbursement date", "ngày chi"), required: true),
            .value("--program", "CODE", LocalizedText("the program", "chương trình"), required: true),
            .value("--unit", "CODE", LocalizedText("the org unit (place)", "đơn vị (địa bàn)"), required: true),
            .value("--children", "N", LocalizedText("child-instances reached (lượt trẻ em)", "số lượt trẻ em được hỗ trợ"), required: true),
            .value("--grant", "CODE", LocalizedText("the grant it is charged to", "khoản tài trợ được tính chi")),
            .value("--amount", "AMOUNT", LocalizedText("money paid", "số tiền chi")),
            .value("--from", "ACCOUNT", LocalizedText("the cash or bank account (default 1121 for VND, 1122 for USD)", "tài khoản tiền mặt hoặc tiền gửi (mặc định 1121 cho VND, 1122 cho USD)")),
            .value("--in-kind", "ITEM", LocalizedText("goods handed out instead of money", "cấp phát hiện vật thay vì tiền")),
            .value("--quantity", "N", LocalizedText("how many units of the goods", "số lượng hiện vật")),
            .value("--beneficiaries", "CODES", LocalizedText("comma-separated pseudonymous beneficiary codes", "các mã đối tượng thụ hưởng (bí danh), cách nhau bằng dấu phẩy")),
            .value("--expense-account", "ACCOUNT", LocalizedText("the expense account instead of the program's", "tài khoản chi thay cho tài khoản của chương trình")),
            .value("--rate", "RATE", LocalizedText("for a foreign payment: the day's rate instead of the rate table's", "với khoản chi ngoại tệ: tỷ giá trong ngày thay cho tỷ giá trong bảng")),
            .value("--rate-source", "SOURCE", LocalizedText("where --rate comes from", "nguồn của --rate")),
            .value("--memo", "TEXT", LocalizedText("what was given", "nội dung đã hỗ trợ")),
            .value("--ref", "REF", LocalizedText("the voucher reference; makes the disbursement idempotent", "số chứng từ; ghi lại lần nữa không tạo khoản chi trùng")),
        ])

    let disbursement: Disbursement

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        guard let children = Int64(arguments.required("--children")), children > 0 else {
            throw UsageError(LocalizedText("--children takes a positive whole number", "--children nhận một số nguyên dương"), command: "disburse")
        }
        var disbursement = Disbursement(date: try LedgerDate.parse(arguments.required("--date")), programCode: arguments.required("--program"),
                                        unitCode: arguments.required("--unit"), children: children)
        disbursement.grantCode = arguments.value("--grant")
        disbursement.amount = try arguments.value("--amount") { try Amount.parse($0) }
        disbursement.fromAccountCode = arguments.value("--from")
        disbursement.inKindItemCode = arguments.value("--in-kind")
        if let quantity = arguments.value("--quantity") {
            guard let value = Int64(quantity), value > 0 else { throw UsageError(LocalizedText("--quantity takes a positive whole number", "--quantity nhận một số nguyên dương"), command: "disburse") }
            disbursement.quantity = value
        }
        disbursement.beneficiaryCodes = arguments.value("--beneficiaries").map { $0.split(separator: ",").map(String.init) } ?? []
        disbursement.expenseAccountCode = arguments.value("--expense-account")
        disbursement.rate = try arguments.value("--rate", Rate.parse)
        disbursement.rateSource = arguments.value("--rate-source")
        disbursement.memo = arguments.value("--memo")
        disbursement.externalRef = arguments.value("--ref")
        self.disbursement = disbursement
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        context.say(PostCommand.describe(try context.openLedger().disburse(disbursement, user: context.user)))
        return .success
    }
}

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
        """),
        options: [
            .value("--date", "YYYY-MM-DD", LocalizedText("the conversion date", "ngày bán ngoại tệ"), required: true),
            .value("--from", "ACCOUNT", LocalizedText("the foreign-currency account", "tài khoản ngoại tệ"), required: true),
            .value("--amount", "AMOUNT", LocalizedText("the foreign amount sold", "số ngoại tệ bán ra"), required: true),
            .value("--into", "ACCOUNT", LocalizedText("the dong account", "tài khoản tiền đồng"), required: true),
            .value("--received", "AMOUNT", LocalizedText("the dong actually received", "số đồng thực nhận"), required: true),
            .value("--grant", "CODE", LocalizedText("the grant whose money this is (it stays restricted)", "khoản tài trợ sở hữu số tiền này (tiền vẫn giữ hạn chế)")),
            .value("--memo", "TEXT", LocalizedText("what the conversion is", "nội dung bán ngoại tệ")),
            .value("--ref", "REF", LocalizedText("the bank reference; makes the conversion idempotent", "số giao dịch ngân hàng; ghi lại lần nữa không tạo giao dịch trùng")),
        ])

    let conversion: Conversion

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        var conversion = Conversion(date: try LedgerDate.parse(arguments.required("--date")), fromAccountCode: arguments.required("--from"),
                                    amount: try Amount.parse(arguments.required("--amount")), intoAccountCode: arguments.required("--into"),
                                    received: try Amount.parse(arguments.required("--received")))
        conversion.grantCode = arguments.value("--grant")
        conversion.memo = arguments.value("--memo")
        conversion.externalRef = arguments.value("--ref")
        self.conversion = conversion
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        context.say(PostCommand.describe(try context.openLedger().convert(conversion, user: context.user)))
        return .success
    }
}

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
        """),
        options: [
            .value("--account", "ACCOUNT", LocalizedText("the foreign-currency account", "tài khoản ngoại tệ"), required: true),
            .value("--date", "YYYY-MM-DD", LocalizedText("the revaluation date (its rate must be recorded)", "ngày đánh giá lại (tỷ giá ngày đó phải đã được ghi)"), required: true),
        ])

    let account: String
    let date: LedgerDate

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        account = arguments.required("--account")
        date = try LedgerDate.parse(arguments.required("--date"))
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        if let entry = try context.openLedger().revalue(accountCode: account, on: date, user: context.user) {
            context.say(LocalizedText("Posted entry \(entry.seq): \(entry.memo). Hash \(entry.hash.hexString)", "Đã ghi bút toán \(entry.seq): \(entry.memo). Mã băm \(entry.hash.hexString)"))
        } else {
            context.say(LocalizedText("Account \(account) is already at the rate of \(date); nothing posted.", "Tài khoản \(account) đã theo tỷ giá ngày \(date); không ghi gì."))
        }
        return .success
    }
}

/// `cpf plan set`.
struct PlanSetCommand: Command {
    static let configuration = CommandConfiguration(
        name: "plan set",
        abstract: LocalizedText("Set a yearly plan amount for a program and/or funding source (for plan vs actual).", "Đặt số kế hoạch năm cho một chương trình và/hoặc nguồn tài trợ (để so sánh kế hoạch với thực hiện)."),
        discussion: LocalizedText("""
        EXAMPLES:
          cpf plan set --year 2018 --program scholarship --amount "240000000 VND"
          cpf plan set --year 2016 --amount "7000000000 VND"                  # all programs, all sources
          cpf plan set --year 2018 --program house --source ngo --amount "100000000 VND"
        """, """
        VÍ DỤ:
          cpf plan set --year 2018 --program scholarship --amount "240000000 VND"
          cpf plan set --year 2016 --amount "7000000000 VND"                  # mọi chương trình, mọi nguồn
          cpf plan set --year 2018 --program house --source ngo --amount "100000000 VND"
        """),
        options: [
            .value("--year", "YYYY", LocalizedText("the year", "năm"), required: true),
            .value("--amount", "AMOUNT", LocalizedText("the planned amount in VND", "số kế hoạch bằng VND"), required: true),
            .value("--program", "CODE", LocalizedText("the program (default: all programs)", "chương trình (mặc định: tất cả chương trình)")),
            .value("--source", "KIND", LocalizedText("the funding source: \(FunderKind.allCases.map(\.rawValue).joined(separator: ", ")) (default: all)",
                                                     "nguồn tài trợ: \(FunderKind.allCases.map(\.rawValue).joined(separator: ", ")) (mặc định: tất cả)")),
        ])

    let year: Int
    let amount: Amount
    let program: String?
    let source: FunderKind?

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        guard let year = Int(arguments.required("--year")) else { throw UsageError(LocalizedText("--year takes a year, e.g. 2018", "--year nhận một năm, ví dụ 2018"), command: "plan set") }
        self.year = year
        amount = try Amount.parse(arguments.required("--amount"))
        program = arguments.value("--program")
        source = try arguments.value("--source", FunderKind.parse)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        try context.openLedger().setPlan(year: year, programCode: program, source: source, amount: amount, user: context.user)
        let programText = program.map { LocalizedText(verbatim: $0) } ?? LocalizedText("all programs", "mọi chương trình")
        let sourceText = source.map { LocalizedText(english: $0.rawValue, vietnamese: $0.nameVietnamese) } ?? LocalizedText("all sources", "mọi nguồn")
        context.say(LocalizedText("Plan \(year) \(programText) \(sourceText): \(grouped: amount).", "Kế hoạch \(year) \(programText) \(sourceText): \(grouped: amount)."))
        return .success
    }
}

struct PlanListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "plan list", abstract: LocalizedText("List the plans.", "Liệt kê các kế hoạch."),
                                                    options: [.value("--year", "YYYY", LocalizedText("only this year", "chỉ năm này")), OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments
    func report(_ ledger: Ledger) throws -> Report { try ledger.plansReport(year: arguments.value("--year").flatMap { Int($0) }) }
}

/// `cpf settings show`.
struct SettingsShowCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "settings show", abstract: LocalizedText("Show the fund's settings.", "Xem các thiết lập của quỹ."),
                                                    options: [OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments

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
        """),
        positionals: [PositionalSpec("NAME", LocalizedText("the setting", "thiết lập")), PositionalSpec("VALUE", LocalizedText("its new value", "giá trị mới"))])

    let name: String
    let value: String

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        name = arguments.positionals[0]
        value = arguments.positionals[1]
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        try context.openLedger().setSetting(name, to: value, user: context.user)
        context.say(LocalizedText(verbatim: "\(name) = \(value)"))
        return .success
    }
}
