/// The fund's settings, kept in `ledger_meta` under `setting.*` and listed by
/// `cpf settings show`. Every change is recorded in the audit trail.
public struct LedgerSettings: Sendable, Equatable {
    /// Whether year-end revaluation of foreign-currency balances is allowed. Public-sector
    /// accounting (Circular 107/2017/TT-BTC) does not revalue them for non-business activity,
    /// so a new ledger says `false`.
    public var fxRevaluationAllowed = false
    /// The account of goods received in kind and held for distribution.
    public var goodsAccountCode = "156"
    /// Where realized (and, when allowed, unrealized) exchange differences are booked.
    public var fxDifferenceAccountCode = "413"
    /// The revenue account of goods received in kind (left out of the management-cost base).
    public var inKindRevenueAccountCode = "5133"
    /// The heading of management costs (chi phí quản lý), capped at a share of revenue.
    public var managementAccountCode = "642"
    /// The cap on management costs, in percent of the qualifying revenue (docs/domain.md §2: 10 %).
    public var managementCapPercent: Int64 = 10
    /// Entries whose debits reach this many dong wait for a second person's approval; `nil`
    /// means no entry waits.
    public var approvalThresholdDong: Int64?
    /// The language the fund's people read: every message, help text and report is in it
    /// unless `--lang` or `CPF_LANG` asks for the other. A new ledger says Vietnamese.
    public var language: Language = .vietnamese

    public init() {}

    /// The settings' names as `cpf settings set` takes them.
    public static let names = ["fx-revaluation", "goods-account", "in-kind-revenue-account", "fx-difference-account", "management-account",
                               "management-cap-percent", "approval-threshold", "language"]

    /// Each setting as text, in `names` order.
    public var values: [(name: String, value: String)] {
        [("fx-revaluation", fxRevaluationAllowed ? "allowed" : "forbidden"), ("goods-account", goodsAccountCode),
         ("in-kind-revenue-account", inKindRevenueAccountCode),
         ("fx-difference-account", fxDifferenceAccountCode), ("management-account", managementAccountCode),
         ("management-cap-percent", String(managementCapPercent)),
         ("approval-threshold", approvalThresholdDong.map { "\($0) VND" } ?? "none"), ("language", language.rawValue)]
    }

    /// Applies one setting given as text, checking its form.
    mutating func apply(name: String, value: String) throws {
        switch name {
        case "fx-revaluation":
            guard value == "allowed" || value == "forbidden" else {
                throw LedgerError(.settings, LocalizedText("fx-revaluation is 'allowed' or 'forbidden', not '\(value)'", "fx-revaluation là 'allowed' (cho phép) hoặc 'forbidden' (không cho phép), không phải '\(value)'"), hint: LocalizedText("\(action: .settingsSet, "fx-revaluation forbidden")", "ví dụ: \(action: .settingsSet, "fx-revaluation forbidden")"))
            }
            fxRevaluationAllowed = value == "allowed"
        case "goods-account": goodsAccountCode = value
        case "in-kind-revenue-account": inKindRevenueAccountCode = value
        case "fx-difference-account": fxDifferenceAccountCode = value
        case "management-account": managementAccountCode = value
        case "management-cap-percent":
            guard let percent = Int64(value), (0...100).contains(percent) else {
                throw LedgerError(.settings, LocalizedText("management-cap-percent is a whole number from 0 to 100, not '\(value)'", "management-cap-percent là số nguyên từ 0 đến 100, không phải '\(value)'"), hint: LocalizedText("\(action: .settingsSet, "management-cap-percent 10")", "ví dụ: \(action: .settingsSet, "management-cap-percent 10")"))
            }
            managementCapPercent = percent
        case "approval-threshold":
            if value == "none" {
                approvalThresholdDong = nil
            } else {
                let amount = try Amount.parse(value)
                guard amount.currency == .vnd, amount.minorUnits > 0 else {
                    throw LedgerError(.settings, LocalizedText("approval-threshold is an amount in VND or 'none'", "approval-threshold là một số tiền VND hoặc 'none' (không áp dụng)"), hint: LocalizedText("\(action: .settingsSet, "approval-threshold \"100000000 VND\"")", "ví dụ: \(action: .settingsSet, "approval-threshold \"100000000 VND\"")"))
                }
                approvalThresholdDong = amount.minorUnits
            }
        case "language":
            guard let chosen = Language(rawValue: value) else {
                throw LedgerError(.settings, LocalizedText("language is 'vi' or 'en', not '\(value)'", "ngôn ngữ là 'vi' hoặc 'en', không phải '\(value)'"),
                                  hint: LocalizedText("for example: settings set language vi", "ví dụ: settings set language vi"))
            }
            language = chosen
        default:
            throw LedgerError(.settings, LocalizedText("there is no setting '\(name)'", "không có thiết lập '\(name)'"), hint: LocalizedText("settings: \(LedgerSettings.names.joined(separator: ", "))", "các thiết lập: \(LedgerSettings.names.joined(separator: ", "))"))
        }
    }
}

extension Ledger {
    /// The language the ledger at `path` is set to, or `nil` when the file cannot be read as a
    /// ledger (it may not exist yet). Only a preference: whatever is wrong with the file is
    /// reported by the command that opens it.
    public static func preferredLanguage(at path: String) -> Language? {
        guard let database = try? Database(path: path, mode: .readOnly) else { return nil }
        guard let text = try? database.scalarText("SELECT value FROM ledger_meta WHERE key = 'setting.language'") else { return nil }
        return Language(rawValue: text)
    }

    /// The fund's settings.
    public func settings() throws -> LedgerSettings {
        if let cached = registryCache.settings { return cached }
        var settings = LedgerSettings()
        try database.forEachRow("SELECT substr(key, 9), value FROM ledger_meta WHERE key LIKE 'setting.%'") { row in
            // A setting cpf could not have written is damage, never dropped for its default.
            do {
                try settings.apply(name: row.text(at: 0), value: row.text(at: 1))
            } catch {
                throw StoredValue.damaged("ledger_meta.setting.\(row.text(at: 0))", row.text(at: 1))
            }
        }
        registryCache.settings = settings
        return settings
    }

    /// Changes one setting and records the change in the audit trail.
    ///
    /// - Throws: `LedgerError.settings` for an unknown name or a malformed value;
    ///   `unknownAccount` when an account setting names no account.
    public func setSetting(_ name: String, to value: String, user: String) throws {
        let user = try TextRules.checkedUser(user)
        let now = Timestamp.now()
        try write {
            var settings = try self.settings()
            let before = settings.values.first { $0.name == name }?.value
            try settings.apply(name: name, value: value)
            if name.hasSuffix("-account"), try accountsByCode()[value] == nil { throw Ledger.unknownAccount(value) }
            try checkRoleAccountUnused(name, current: before)
            let stored = settings.values.first { $0.name == name }!.value
            try database.execute("INSERT INTO ledger_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                 ["setting.\(name)", name == "approval-threshold" ? (settings.approvalThresholdDong.map { "\($0) VND" } ?? "none") : stored])
            try recordChange(action: "setting", subject: "setting:\(name)", detail: "\(before ?? "") → \(stored)", user: user, at: now)
            invalidateRegistryCache()
        }
    }

    /// The goods account and the exchange-difference account decide what the maintained
    /// holdings count (docs/posting-rules.md): once the journal has a line on the current one,
    /// moving the role would make the posted figures mean something else, so it is refused.
    private func checkRoleAccountUnused(_ name: String, current: String?) throws {
        guard name == "goods-account" || name == "fx-difference-account", let current,
              let account = try accountsByCode()[current] else { return }
        let used = try database.scalarInt64("SELECT EXISTS (SELECT 1 FROM balance_month WHERE account_id = ?)", [account.id]) == 1
        guard used else { return }
        throw LedgerError(.settings, LocalizedText("setting \(name) cannot change: the journal already has lines on account \(current), and the figures posted on it (goods on hand, grants' exchange effects) depend on it", "không thể đổi thiết lập \(name): sổ nhật ký đã có dòng ghi vào tài khoản \(current), và các số liệu đã ghi (hàng tồn kho, chênh lệch tỷ giá của khoản tài trợ) phụ thuộc vào nó"),
                          hint: LocalizedText("keep \(current); the setting can change only before any entry uses the account", "hãy giữ \(current); thiết lập chỉ đổi được trước khi có bút toán dùng tài khoản này"))
    }
}

extension Ledger {
    /// The settings as a report (`cpf settings show`, any format and language).
    public func settingsReport() throws -> Report {
        try read {
            var table = ReportTable(key: "settings", columns: [
                ReportColumn("setting", LocalizedText("Setting", "Thiết lập"), .text),
                ReportColumn("value", LocalizedText("Value", "Giá trị"), .text),
                ReportColumn("meaning", LocalizedText("What it governs", "Ý nghĩa"), .text),
            ])
            table.rows = try settings().values.map { [.text($0.name), .text($0.value), .localized(LedgerSettings.meaning(of: $0.name))] }
            return try makeReport(key: "settings", title: LocalizedText("Settings", "Thiết lập của quỹ"), parameters: [], tables: [table])
        }
    }
}

extension LedgerSettings {
    /// What a setting governs, in both languages.
    static func meaning(of name: String) -> LocalizedText {
        switch name {
        case "fx-revaluation": LocalizedText("year-end revaluation of foreign currency", "đánh giá lại ngoại tệ cuối năm")
        case "goods-account": LocalizedText("the account of goods received in kind", "tài khoản hàng hóa nhận hiện vật")
        case "in-kind-revenue-account": LocalizedText("the revenue account of gifts in kind", "tài khoản thu tài trợ bằng hiện vật")
        case "fx-difference-account": LocalizedText("where exchange differences are booked", "tài khoản chênh lệch tỷ giá")
        case "management-account": LocalizedText("the heading of management costs", "tài khoản chi phí quản lý")
        case "management-cap-percent": LocalizedText("the cap on management costs, % of qualifying revenue", "mức trần chi phí quản lý, % số thu làm căn cứ")
        case "approval-threshold": LocalizedText("entries from this amount wait for a second person", "bút toán từ mức này chờ người thứ hai duyệt")
        case "language": LocalizedText("the language of messages, help and reports (vi or en)", "ngôn ngữ của thông báo, trợ giúp và báo cáo (vi hoặc en)")
        default: LocalizedText(english: name, vietnamese: name)
        }
    }
}
