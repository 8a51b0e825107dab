/// An input a caller gives the library, named in a hint or a message without the caller's
/// spelling of it: `cpf` writes `Parameter.reference` as `--ref`, another client as its own
/// field. A text refers to one with `\(parameter: .reference)` or, with the value to give,
/// `\(parameter: .quantity, "N")` (see `Phrase.Interpolation`).
///
/// `name` is the neutral wording, in both languages, that `NeutralVocabulary` writes for a
/// client that has no spelling of its own.
public enum Parameter: String, Sendable, CaseIterable {
    case reference, grant, amount, quantity, item, reason, status, name, level, year, funder, program, unit, user
    /// Goods in kind received or handed out (`cpf`: `--in-kind`).
    case inKindItem
    /// Interest on deposits as the source of a receipt.
    case interest
    /// The dong actually received for a currency sold.
    case received
    /// The fair value of one unit of goods received in kind.
    case unitValue
    /// The first and last day of a window (a grant's, a unit's, a statement's).
    case from, to
    /// The programs and the units a donor designated.
    case programs, units
    /// A tranche of a grant: its due date and amount.
    case tranche
    case expenseAccount
    /// A debit or a credit line of an entry.
    case debit, credit
    /// What a report groups by.
    case groupBy
    /// Another fund's ledger id.
    case ledgerID
    /// A transfer notice file.
    case notice
    /// Where an exchange rate comes from.
    case rateSource
    /// The rejection of a pending entry.
    case reject
    /// The ledger file to work on.
    case ledgerPath
    /// The chain position to check the ledger at.
    case chainPosition
    /// The digest of the ledger to check against.
    case digest
    /// Reading ledgers without verifying them first.
    case skipVerification

    /// The neutral wording, in both languages.
    public var name: LocalizedText {
        switch self {
        case .reference: LocalizedText("voucher reference", "số chứng từ")
        case .grant: LocalizedText("grant", "khoản tài trợ")
        case .amount: LocalizedText("amount", "số tiền")
        case .quantity: LocalizedText("quantity", "số lượng")
        case .item: LocalizedText("goods item", "mặt hàng")
        case .reason: LocalizedText("reason", "lý do")
        case .status: LocalizedText("status", "trạng thái")
        case .name: LocalizedText("name", "tên")
        case .level: LocalizedText("level", "cấp")
        case .year: LocalizedText("year", "năm")
        case .funder: LocalizedText("funder", "nhà tài trợ")
        case .program: LocalizedText("program", "chương trình")
        case .unit: LocalizedText("place", "địa bàn")
        case .user: LocalizedText("user", "người dùng")
        case .inKindItem: LocalizedText("goods in kind", "hiện vật")
        case .interest: LocalizedText("interest on deposits", "lãi tiền gửi")
        case .received: LocalizedText("dong received", "số đồng thực nhận")
        case .unitValue: LocalizedText("value of one unit", "giá trị một đơn vị")
        case .from: LocalizedText("first day", "ngày bắt đầu")
        case .to: LocalizedText("last day", "ngày kết thúc")
        case .programs: LocalizedText("designated programs", "các chương trình được chỉ định")
        case .units: LocalizedText("designated places", "các địa bàn được chỉ định")
        case .tranche: LocalizedText("tranche", "đợt")
        case .expenseAccount: LocalizedText("expense account", "tài khoản chi")
        case .debit: LocalizedText("debit line", "dòng Nợ")
        case .credit: LocalizedText("credit line", "dòng Có")
        case .groupBy: LocalizedText("grouping", "cách nhóm")
        case .ledgerID: LocalizedText("ledger id", "mã sổ")
        case .notice: LocalizedText("notice file", "tệp thông báo")
        case .rateSource: LocalizedText("rate source", "nguồn tỷ giá")
        case .reject: LocalizedText("rejection", "từ chối")
        case .ledgerPath: LocalizedText("ledger file", "tệp sổ")
        case .chainPosition: LocalizedText("entry", "bút toán")
        case .digest: LocalizedText("digest", "mã xác thực")
        case .skipVerification: LocalizedText("without verifying", "không kiểm tra")
        }
    }
}
