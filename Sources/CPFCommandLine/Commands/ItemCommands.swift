import FundLedger

/// `cpf item add`.
struct ItemAddCommand: Command {
    static let codeArgument = SharedOptions.code
    static let nameVietnamese = SharedOptions.nameVietnamese
    static let nameEnglish = SharedOptions.nameEnglish
    static let unit = Option("--unit", "UNIT", LocalizedText("the unit of count, e.g. chiếc, hộp, suất", "đơn vị tính, ví dụ chiếc, hộp, suất"), required: true)
    static let configuration = CommandConfiguration(
        name: "item add",
        abstract: LocalizedText("Register a kind of goods received in kind (a receipt in kind also registers a new item).", "Đăng ký một loại hiện vật (nhận hiện vật cũng tự đăng ký mặt hàng mới)."),
        discussion: LocalizedText("EXAMPLE:\n  cpf item add bicycle --name-vi \"Xe đạp\" --name-en \"Bicycle\" --unit chiếc", "VÍ DỤ:\n  cpf item add bicycle --name-vi \"Xe đạp\" --name-en \"Bicycle\" --unit chiếc"),
        positionals: [codeArgument],
        options: [nameVietnamese, nameEnglish, unit])

    let item: NamedCode
    let unit: String

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        item = NamedCode(arguments)
        unit = arguments.required(Self.unit)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        try context.openLedger().addGoodsItem(code: item.code, nameVietnamese: item.nameVietnamese, nameEnglish: item.nameEnglish, unit: unit, user: context.user)
        context.say(LocalizedText("Added goods item \(item.code).", "Đã thêm mặt hàng \(item.code)."))
        return .success
    }
}

struct ItemListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "item list", abstract: LocalizedText("List the goods items.", "Liệt kê các mặt hàng."), options: [OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments
    func report(_ ledger: Ledger) throws -> Report { try ledger.goodsItemsReport() }
}
