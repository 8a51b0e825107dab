import FundLedger

/// `cpf item add`.
struct ItemAddCommand: RegistryAddCommand {
    static let configuration = CommandConfiguration(
        name: "item add",
        abstract: LocalizedText("Register a kind of goods received in kind (a receipt in kind also registers a new item).", "Đăng ký một loại hiện vật (nhận hiện vật cũng tự đăng ký mặt hàng mới)."),
        discussion: LocalizedText("EXAMPLE:\n  cpf item add bicycle --name-vi \"Xe đạp\" --name-en \"Bicycle\" --unit chiếc", "VÍ DỤ:\n  cpf item add bicycle --name-vi \"Xe đạp\" --name-en \"Bicycle\" --unit chiếc"))

    @OptionGroup var row: RegistryNames
    @Option("--unit", "UNIT", help: LocalizedText("the unit of count, e.g. chiếc, hộp, suất", "đơn vị tính, ví dụ chiếc, hộp, suất"))
    var unit: String

    var added: LocalizedText { LocalizedText("Added goods item \(row.code).", "Đã thêm mặt hàng \(row.code).") }

    func add(to ledger: Ledger, user: String) throws {
        try ledger.addGoodsItem(code: row.code, nameVietnamese: row.nameVietnamese, nameEnglish: row.nameEnglish, unit: unit, user: user)
    }
}

struct ItemListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "item list", abstract: LocalizedText("List the goods items.", "Liệt kê các mặt hàng."))
    @OptionGroup var output: ReportOutput
    func report(_ ledger: Ledger) throws -> Report { try ledger.goodsItemsReport() }
}
