import FundLedger

/// `cpf rate set`.
struct RateSetCommand: Command {
    static let configuration = CommandConfiguration(
        name: "rate set",
        abstract: LocalizedText("Record an exchange rate: dong per one unit of a currency on a date, with its source.", "Ghi một tỷ giá: số đồng cho một đơn vị ngoại tệ vào một ngày, kèm nguồn."),
        discussion: LocalizedText("""
        EXAMPLE:
          cpf rate set USD 2018-06-01 22750 --source SBV

        The rate is an exact decimal with '.' as the decimal point and no separators. A
        foreign line without a rate of its own uses the latest rate on or before its date.
        A recorded rate never changes, because entries cite it.
        """, """
        VÍ DỤ:
          cpf rate set USD 2018-06-01 22750 --source SBV

        Tỷ giá là số thập phân chính xác, dấu '.' là dấu thập phân, không có dấu phân cách. Dòng
        ngoại tệ không ghi tỷ giá riêng thì dùng tỷ giá gần nhất vào hoặc trước ngày của nó. Tỷ
        giá đã ghi không bao giờ thay đổi, vì các bút toán dẫn chiếu nó.
        """))

    @Argument("CURRENCY", help: LocalizedText("an ISO 4217 code, e.g. USD", "mã ISO 4217, ví dụ USD"), parse: parseCurrency)
    var currency: Currency
    @Argument("DATE", help: LocalizedText(verbatim: "YYYY-MM-DD"), parse: LedgerDate.parse)
    var date: LedgerDate
    @Argument("RATE", help: LocalizedText("dong per one unit, e.g. 22750 or 23175.5", "số đồng cho một đơn vị, ví dụ 22750 hoặc 23175.5"), parse: Rate.parse)
    var rate: Rate
    @Option("--source", "SOURCE", help: LocalizedText("who published it, e.g. SBV (State Bank of Vietnam), MOF, VCB", "nơi công bố, ví dụ SBV (Ngân hàng Nhà nước Việt Nam), MOF (Bộ Tài chính), VCB"))
    var source: String

    func run(_ context: CommandContext) throws -> ExitStatus {
        let recorded = try context.openLedger().setRate(currency, on: date, rate: rate, source: source, user: context.user)
        context.say(recorded ? LocalizedText("Recorded \(currency.code) \(date) = \(rate) VND (\(source)).", "Đã ghi tỷ giá \(currency.code) ngày \(date) = \(rate) VND (\(source)).")
                             : LocalizedText("\(currency.code) \(date) = \(rate) VND (\(source)) was already recorded; nothing changed.",
                                             "Tỷ giá \(currency.code) ngày \(date) = \(rate) VND (\(source)) đã được ghi trước đó; không thay đổi gì."))
        return .success
    }
}

/// `cpf rate list`.
struct RateListCommand: ListingCommand {
    static let configuration = CommandConfiguration(
        name: "rate list",
        abstract: LocalizedText("List recorded exchange rates.", "Liệt kê các tỷ giá đã ghi."))

    @Argument("CURRENCY", help: LocalizedText("only this currency", "chỉ loại tiền này"), parse: RateListCommand.currency)
    var currency: Currency?
    @OptionGroup var output: ReportOutput

    static func currency(_ code: String) throws -> Currency {
        guard let currency = Currency.named(code) else {
            throw LedgerError(.unknownCurrency, LocalizedText("unknown currency '\(code)'", "không có loại tiền '\(code)'"), hint: LocalizedText("use an ISO 4217 code such as USD", "hãy dùng mã ISO 4217 như USD"))
        }
        return currency
    }

    func report(_ ledger: Ledger) throws -> Report { try ledger.ratesReport(currency: currency) }
}

/// A currency code the ledger knows, or a refusal.
func parseCurrency(_ code: String) throws -> Currency {
    guard let currency = Currency.named(code) else {
        throw LedgerError(.unknownCurrency, LocalizedText("unknown currency '\(code)'", "không có loại tiền '\(code)'"), hint: LocalizedText("use an ISO 4217 code the ledger knows: \(Currency.known.map(\.code).joined(separator: ", "))",
                                                  "hãy dùng mã ISO 4217 mà sổ biết: \(Currency.known.map(\.code).joined(separator: ", "))"))
    }
    return currency
}
