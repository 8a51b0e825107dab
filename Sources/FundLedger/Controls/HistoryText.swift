/// The audit trail in the reader's language (`cpf history`). The trail stores stable action
/// names (`funder-add`), subjects (`funder:AIA`) and the details cpf composed when it recorded
/// the change; these are rendered here in both languages. Anything a person typed (names,
/// reasons, memos) is shown as typed.
enum HistoryText {
    static func action(_ action: String) -> LocalizedText {
        let vietnamese: String? = switch action {
        case "post": "ghi sổ"
        case "reverse": "đảo bút toán"
        case "approve": "duyệt"
        case "submit": "lập chờ duyệt"
        case "reject": "từ chối"
        case "period-close": "khóa sổ"
        case "period-reopen": "mở lại kỳ"
        case "account-add": "thêm tài khoản"
        case "account-close": "đóng tài khoản"
        case "funder-add": "thêm nhà tài trợ"
        case "fund-add": "đăng ký quỹ"
        case "transfer-send": "chuyển quỹ"
        case "succession": "kế thừa quỹ"
        case "merged": "sáp nhập vào quỹ kế thừa"
        case "transfer-receive": "nhận chuyển quỹ"
        case "program-add": "thêm chương trình"
        case "unit-add": "thêm đơn vị"
        case "goods-item-add": "thêm mặt hàng"
        case "unit-merge": "sáp nhập đơn vị"
        case "grant-add": "thêm khoản tài trợ"
        case "grant-amend": "sửa khoản tài trợ"
        case "allocate": "phân bổ khoản tài trợ"
        case "plan-set": "đặt kế hoạch"
        case "rate-set": "ghi tỷ giá"
        case "setting": "đổi thiết lập"
        case "import": "nhập tệp"
        default: nil
        }
        return vietnamese.map { LocalizedText(english: action, vietnamese: $0) } ?? LocalizedText(verbatim: action)
    }

    static func subject(_ subject: String) -> LocalizedText {
        guard let colon = subject.firstIndex(of: ":") else { return LocalizedText(verbatim: subject) }
        let kind = String(subject[..<colon]), rest = String(subject[subject.index(after: colon)...])
        let vietnamese: String? = switch kind {
        case "entry": "bút toán"
        case "pending": "bút toán chờ duyệt"
        case "period": "kỳ"
        case "account": "tài khoản"
        case "funder": "nhà tài trợ"
        case "fund": "quỹ"
        case "program": "chương trình"
        case "unit": "đơn vị"
        case "goods item": "mặt hàng"
        case "grant": "khoản tài trợ"
        case "plan": "kế hoạch"
        case "rate": "tỷ giá"
        case "setting": "thiết lập"
        case "file": "tệp"
        default: nil
        }
        return vietnamese.map { LocalizedText(english: subject, vietnamese: "\($0) \(rest)") } ?? LocalizedText(verbatim: subject)
    }

    /// The detail as recorded, with the phrases cpf wrote for that action rendered in
    /// Vietnamese; what a person typed in it is left as typed.
    static func detail(_ detail: String, action: String) -> LocalizedText {
        var vietnamese = detail
        for (english, translated) in phrases[action] ?? [] {
            vietnamese = vietnamese.replacing(english, with: translated)
        }
        if action == "funder-add", let space = detail.firstIndex(of: " "), let kind = FunderKind(rawValue: String(detail[..<space])) {
            vietnamese = kind.nameVietnamese + vietnamese.dropFirst(kind.rawValue.count)
        }
        if action == "fund-add", let space = detail.firstIndex(of: " "), let level = Fund.Level(rawValue: String(detail[..<space])) {
            vietnamese = level.localizedName.vietnamese + vietnamese.dropFirst(level.rawValue.count)
        }
        if action == "post" || action == "period-close" || action == "period-reopen" {
            // A post's detail is its date, then its memo.
            if detail.count > 11, (try? LedgerDate.parse(String(detail.prefix(10)))) != nil, detail.dropFirst(10).first == " " {
                vietnamese = String(detail.prefix(11)) + SystemMemo.localized(String(detail.dropFirst(11))).vietnamese
            } else {
                vietnamese = SystemMemo.localized(detail).vietnamese
            }
        }
        return LocalizedText(english: detail, vietnamese: vietnamese)
    }

    /// The phrases cpf composes into the details of each action (Grants, Registries,
    /// Approvals, Import, History).
    private static let phrases: [String: [(String, String)]] = [
        "goods-item-add": [("registered by a receipt in kind", "đăng ký khi nhận hiện vật"), ("registered by a transfer notice of ", "đăng ký theo thông báo chuyển quỹ của ")],
        "funder-add": [(" (transfer notice of ", " (theo thông báo chuyển quỹ của ")],
        "account-add": [(" (first transfer between funds)", " (lần chuyển quỹ đầu tiên)")],
        "approve": [("approved and posted as entry ", "đã duyệt và ghi sổ thành bút toán "), ("approved entry posted by ", "đã duyệt bút toán do người này lập: ")],
        "reverse": [("reverses entry ", "đảo bút toán "), ("Reversal of entry ", "Đảo bút toán ")],
        "reject": [("rejected: ", "từ chối: ")],
        "submit": [("entry dated ", "bút toán ngày "), (" waits for approval: ", " chờ duyệt: "), (" for ", " số tiền ")],
        "account-close": [("closed on ", "đóng từ ngày ")],
        "unit-merge": [("merged into ", "sáp nhập vào "), (" on ", " từ ngày ")],
        "allocate": [(" to program ", " cho chương trình "), (" in any place", " tại mọi địa bàn"), (" in ", " tại ")],
        "grant-amend": [("version ", "phiên bản "), (" from ", " từ ngày "), ("transfer notice of ", "thông báo chuyển quỹ của "), (", entry ", ", bút toán ")],
        "grant-add": [(" designated", " (hỗ trợ theo địa chỉ)"), ("(transfer notice of ", "(thông báo chuyển quỹ của "), (", entry ", ", bút toán ")],
        "import": [(" entries posted", " bút toán đã ghi sổ")],
        "succession": [("opening balances of ", "số dư đầu của "), (" carried as entry ", " chuyển sang thành bút toán "), (" accounts, ", " tài khoản, "),
                       (" funders, ", " nhà tài trợ, "), (" units, ", " đơn vị, "), (" items, ", " mặt hàng, "), (" grants, ", " khoản tài trợ, "),
                       (" rates, ", " tỷ giá, "), (" funds, ", " quỹ, "), (" plans carried", " kế hoạch được chuyển sang")],
        "merged": [("books carried into ", "sổ được chuyển sang "), (" from ", " từ ngày ")],
    ]
}
