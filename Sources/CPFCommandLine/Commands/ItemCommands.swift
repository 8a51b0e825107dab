import FundLedger

/// `cpf item add`.
struct ItemAddCommand: Command {
    static let configuration = CommandConfiguration(
        name: "item add",
        abstract: LocalizedText("Register a kind of goods received in kind (a receipt in kind also registers a new item).", "Đăng ký một loại hiện vật (nhận hiện vật cũng tự đăng ký mặt hàng mới)."),
        discussion: LocalizedText("EXAMPLE:\n  cpf item add bicycle --name-vi \"Xe đạp\" --name-en \"Bicycle\" --unit chiếc", "VÍ DỤ:\n  cpf item add bicycle --name-vi \"Xe đạp\" --name-en \"Bicycle\" --unit chiếc"))

    @OptionGroup var row: RegistryNames
    @Option("--unit", "UNIT", help: LocalizedText("the unit of count, e.g. chiếc, hộp, suất", "đơn vị tính, ví dụ chiếc, hộp, suất"))
    var unit: String

    func run(_ context: CommandContext) throws -> ExitStatus {
        try context.openLedger().addGoodsItem(code: row.code, nameVietnamese: row.nameVietnamese, nameEnglish: row.nameEnglish, unit: unit, user: context.user)
        context.say(LocalizedText("Added goods item \(row.code).", "Đã thêm mặt hàng \(row.code)."))
        return .success
    }
}

struct ItemListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "item list", abstract: LocalizedText("List the goods items.", "Liệt kê các mặt hàng."))
    @OptionGroup var output: ReportOutput
    func report(_ ledger: Ledger) throws -> Report { try ledger.goodsItemsReport() }
}
