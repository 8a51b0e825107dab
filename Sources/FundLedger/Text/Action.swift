/// Something a user can do with the books, named in a hint without the client's way of doing
/// it: `cpf` writes `Action.reverse` as `cpf reverse`, another client as its own button or
/// call. A text refers to one with `\(action: .reverse)`, with what the user gives as operands
/// `\(action: .reverse, "SEQ \(parameter: .reason, "…")")`, and `quoted: true` where `cpf`
/// writes the command line in quotes (see `Phrase.Interpolation`).
///
/// `name` is the neutral wording, in both languages, that `NeutralVocabulary` writes.
public enum Action: String, Sendable, CaseIterable {
    case createLedger, verify, audit, backup, journal, post, reverse, approve, pendingList, convert, receive
    case rateSet, settingsSet
    case periodClose, periodReopen, periodList
    case accountAdd, accountList
    case funderAdd, funderList
    case grantAdd, grantAmend, grantAllocate, grantList
    case programAdd, programList, unitAdd, itemAdd
    case fundAdd, fundList
    case transferSend, transferNotice, transferList

    /// The neutral wording, in both languages.
    public var name: LocalizedText {
        switch self {
        case .createLedger: LocalizedText("creating a ledger", "tạo sổ")
        case .verify: LocalizedText("verifying the ledger", "kiểm tra sổ")
        case .audit: LocalizedText("auditing the ledger", "kiểm toán sổ")
        case .backup: LocalizedText("backing up the ledger", "sao lưu sổ")
        case .journal: LocalizedText("the journal", "nhật ký")
        case .post: LocalizedText("posting an entry", "ghi bút toán")
        case .reverse: LocalizedText("reversing an entry", "đảo bút toán")
        case .approve: LocalizedText("approving a pending entry", "duyệt bút toán chờ duyệt")
        case .pendingList: LocalizedText("the list of pending entries", "danh sách bút toán chờ duyệt")
        case .convert: LocalizedText("selling foreign currency", "bán ngoại tệ")
        case .receive: LocalizedText("recording a receipt", "ghi khoản thu")
        case .rateSet: LocalizedText("recording an exchange rate", "ghi tỷ giá")
        case .settingsSet: LocalizedText("changing a setting", "đổi thiết lập")
        case .periodClose: LocalizedText("closing a period", "khóa kỳ")
        case .periodReopen: LocalizedText("reopening a period", "mở lại kỳ")
        case .periodList: LocalizedText("the list of closings", "danh sách các lần khóa sổ")
        case .accountAdd: LocalizedText("adding an account", "thêm tài khoản")
        case .accountList: LocalizedText("the chart of accounts", "hệ thống tài khoản")
        case .funderAdd: LocalizedText("adding a funder", "thêm nhà tài trợ")
        case .funderList: LocalizedText("the list of funders", "danh sách nhà tài trợ")
        case .grantAdd: LocalizedText("adding a grant", "thêm khoản tài trợ")
        case .grantAmend: LocalizedText("amending a grant", "sửa khoản tài trợ")
        case .grantAllocate: LocalizedText("allocating a grant", "phân bổ khoản tài trợ")
        case .grantList: LocalizedText("the list of grants", "danh sách khoản tài trợ")
        case .programAdd: LocalizedText("adding a program", "thêm chương trình")
        case .programList: LocalizedText("the list of programs", "danh sách chương trình")
        case .unitAdd: LocalizedText("adding a place", "thêm địa bàn")
        case .itemAdd: LocalizedText("adding a goods item", "thêm mặt hàng")
        case .fundAdd: LocalizedText("registering a fund", "đăng ký quỹ")
        case .fundList: LocalizedText("the list of funds", "danh sách quỹ")
        case .transferSend: LocalizedText("sending a transfer", "chuyển quỹ")
        case .transferNotice: LocalizedText("writing a transfer's notice again", "lập lại thông báo chuyển quỹ")
        case .transferList: LocalizedText("the list of transfers", "danh sách các lần chuyển")
        }
    }
}
