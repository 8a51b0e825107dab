import FundLedger

/// `cpf item add`.
struct ItemAddCommand: Command {
    static let codeArgument = Argument("CODE", LocalizedText("a short code: letters, digits, '.', '_', '-'", "mã ngắn: chữ cái, chữ số, '.', '_', '-'"))
    static let nameVi = Option("--name-vi", "NAME", LocalizedText("the Vietnamese name", "tên tiếng Việt"), required: true)
    static let nameEn = Option("--name-en", "NAME", LocalizedText("the English name", "tên tiếng Anh"), required: true)
    static let unit = Option("--unit", "UNIT", LocalizedText("the unit of count, e.g. chiếc, hộp, suất", "đơn vị tính, ví dụ chiếc, hộp, suất"), required: true)
    static let configuration = CommandConfiguration(
        name: "item add",
        abstract: LocalizedText("Register a kind of goods received in kind (a receipt in kind also registers a new item).", "Đăng ký một loại hiện vật (nhận hiện vật cũng tự đăng ký mặt hàng mới)."),
        discussion: LocalizedText("EXAMPLE:\n  cpf item add bicycle --name-vi \"Xe đạp\" --name-en \"Bicycle\" --unit chiếc", "VÍ DỤ:\n  cpf item add bicycle --name-vi \"Xe đạp\" --name-en \"Bicycle\" --unit chiếc"),
        positionals: [codeArgument],
        options: [nameVi, nameEn, unit])

    let arguments: ParsedArguments

    init(_ arguments: ParsedArguments, context: CommandContext) throws { self.arguments = arguments }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let code = arguments.required(Self.codeArgument)
        try context.openLedger().addGoodsItem(code: code, nameVietnamese: arguments.required(Self.nameVi), nameEnglish: arguments.required(Self.nameEn),
                                              unit: arguments.required(Self.unit), user: context.user)
        context.say(LocalizedText("Added goods item \(code).", "Đã thêm mặt hàng \(code)."))
        return .success
    }
}

struct ItemListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "item list", abstract: LocalizedText("List the goods items.", "Liệt kê các mặt hàng."), options: [OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments
    func report(_ ledger: Ledger) throws -> Report { try ledger.goodsItemsReport() }
}
