/// Where a funder's money comes from (docs/domain.md §2: the four streams).
public enum FunderKind: String, Sendable, CaseIterable {
    /// Central state budget (Trung ương cấp).
    case governmentCentral = "government-central"
    /// Local state budget (địa phương cấp).
    case governmentLocal = "government-local"
    /// A foreign non-governmental organization.
    case ngo
    case company
    case individual
    case other

    public var nameEnglish: String {
        switch self {
        case .governmentCentral: "Central state budget"
        case .governmentLocal: "Local state budget"
        case .ngo: "Foreign NGOs"
        case .company: "Companies"
        case .individual: "Individuals"
        case .other: "Other sources"
        }
    }

    public var nameVietnamese: String {
        switch self {
        case .governmentCentral: "Ngân sách Trung ương"
        case .governmentLocal: "Ngân sách địa phương"
        case .ngo: "Tổ chức phi chính phủ nước ngoài"
        case .company: "Doanh nghiệp"
        case .individual: "Cá nhân"
        case .other: "Nguồn khác"
        }
    }

    /// State-budget money, which the management-cost base leaves out.
    public var isStateBudget: Bool { self == .governmentCentral || self == .governmentLocal }

    public static func parse(_ text: String) throws -> FunderKind {
        guard let kind = FunderKind(rawValue: text) else {
            throw LedgerError(.invalidInput, LocalizedText("unknown funder kind '\(text)'", "không có loại nhà tài trợ '\(text)'"), hint: LocalizedText("use one of: \(allCases.map(\.rawValue).joined(separator: ", "))", "hãy dùng một trong: \(allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        return kind
    }
}

/// A funder (nhà tài trợ).
public struct Funder: Sendable, Equatable {
    public let id: Int64
    public let code: String
    public let name: String
    public let kind: FunderKind
    public let currency: Currency
    /// ISO 3166-1 alpha-2, e.g. `DE`.
    public let country: String?

    /// Foreign funders give foreign aid (account 512); domestic ones donate (513).
    public var isForeign: Bool { kind == .ngo || (country != nil && country != "VN") }
}

/// A program (chương trình) money is spent on.
public struct Program: Sendable, Equatable {
    public let id: Int64
    public let code: String
    public let nameVietnamese: String
    public let nameEnglish: String
    public let expenseAccountCode: String?
}

/// The levels of Vietnam's administration a fund works at.
public enum OrgUnitLevel: String, Sendable, CaseIterable {
    case national, province, district, commune, other
}

/// An org unit (đơn vị): a province, district or commune. Units are merged over time, so a
/// unit is effective within a window and may name the unit it was merged into.
public struct OrgUnit: Sendable, Equatable {
    public let id: Int64
    public let code: String
    public let name: String
    public let level: OrgUnitLevel
    public let parentID: Int64?
    public let effectiveFrom: LedgerDate?
    public let effectiveTo: LedgerDate?
    public let mergedIntoID: Int64?

    public func isEffective(on date: LedgerDate) -> Bool {
        (effectiveFrom.map { $0 <= date } ?? true) && (effectiveTo.map { date <= $0 } ?? true)
    }
}

/// Goods received in kind (bicycles, milk, gift packages), counted in a unit.
public struct GoodsItem: Sendable, Equatable {
    public let id: Int64
    public let code: String
    public let nameVietnamese: String
    public let nameEnglish: String
    public let unit: String
}

extension Ledger {
    // MARK: Funders

    /// Registers a funder.
    ///
    /// - Throws: `registryExists` when the code is taken; `invalidText` for a malformed code.
    public func addFunder(code: String, name: String, kind: FunderKind, currency: Currency = .vnd, country: String? = nil, user: String) throws {
        let name = TextRules.nfc(name)
        try TextRules.checkCode(code, named: "funder code")
        try TextRules.check(name, named: "funder name", maximumLength: 200)
        if let country, !(country.count == 2 && country.allSatisfy { $0.isUppercase && $0.isASCII }) {
            throw LedgerError(.invalidInput, LocalizedText("country '\(country)' is not an ISO 3166 two-letter code", "quốc gia '\(country)' không phải mã ISO 3166 hai chữ cái"), hint: LocalizedText("e.g. DE, US, JP, VN", "ví dụ DE, US, JP, VN"))
        }
        try addRegistryRow(.funder, code: code, user: user, detail: "\(kind.rawValue) \(currency.code) \(name)") { now, user in
            try database.execute("INSERT INTO funder (code, name, kind, currency, country, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 [code, name, kind.rawValue, currency.code, country, now.iso, user])
        }
    }

    public func funders() throws -> [Funder] {
        try database.rows("SELECT id, code, name, kind, currency, country FROM funder ORDER BY code") { row in
            Funder(id: row.int64(at: 0), code: row.text(at: 1), name: row.text(at: 2), kind: try StoredValue.decode(FunderKind.self, row.text(at: 3), "funder.kind"),
                   currency: Currency.named(row.text(at: 4)) ?? .vnd, country: row.optionalText(at: 5))
        }
    }

    public func funder(code: String) throws -> Funder? { try funders().first { $0.code == code } }

    func funder(id: Int64) throws -> Funder? { try funders().first { $0.id == id } }

    // MARK: Programs

    /// Registers a program. Disbursements to it are booked on `expenseAccountCode`.
    public func addProgram(code: String, nameVietnamese: String, nameEnglish: String, expenseAccountCode: String, user: String) throws {
        let (nameVietnamese, nameEnglish) = (TextRules.nfc(nameVietnamese), TextRules.nfc(nameEnglish))
        try TextRules.checkCode(code, named: "program code")
        try TextRules.check(nameVietnamese, named: "Vietnamese name", maximumLength: 200)
        try TextRules.check(nameEnglish, named: "English name", maximumLength: 200)
        guard let account = try accountsByCode()[expenseAccountCode] else { throw Ledger.unknownAccount(expenseAccountCode) }
        guard account.type == .expense, !account.isHeading else {
            throw LedgerError(.invalidAccount, LocalizedText("account \(expenseAccountCode) is not an expense account entries post to", "tài khoản \(expenseAccountCode) không phải tài khoản chi chi tiết để ghi sổ"),
                              hint: LocalizedText("name a 611x expense account, e.g. 6119", "hãy ghi một tài khoản chi 611x, ví dụ 6119"))
        }
        try addRegistryRow(.program, code: code, user: user, detail: "\(nameEnglish) → \(expenseAccountCode)") { now, user in
            try database.execute("INSERT INTO program (code, name_vi, name_en, expense_account_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)",
                                 [code, nameVietnamese, nameEnglish, account.id, now.iso, user])
        }
    }

    public func programs() throws -> [Program] {
        try database.rows("""
            SELECT p.id, p.code, p.name_vi, p.name_en, a.code FROM program p LEFT JOIN account a ON a.id = p.expense_account_id ORDER BY p.code
            """) { row in
            Program(id: row.int64(at: 0), code: row.text(at: 1), nameVietnamese: row.text(at: 2), nameEnglish: row.text(at: 3),
                    expenseAccountCode: row.optionalText(at: 4))
        }
    }

    public func program(code: String) throws -> Program? { try programs().first { $0.code == code } }

    // MARK: Org units

    /// Registers an org unit, optionally under a parent and within an effective window.
    public func addUnit(code: String, name: String, level: OrgUnitLevel, parentCode: String? = nil,
                        effectiveFrom: LedgerDate? = nil, effectiveTo: LedgerDate? = nil, user: String) throws {
        let name = TextRules.nfc(name)
        try TextRules.checkCode(code, named: "unit code")
        try TextRules.check(name, named: "unit name", maximumLength: 200)
        if let effectiveFrom, let effectiveTo, effectiveFrom > effectiveTo {
            throw LedgerError(.invalidDate, LocalizedText("the unit's window \(effectiveFrom)…\(effectiveTo) ends before it starts", "thời hạn \(effectiveFrom)…\(effectiveTo) của đơn vị kết thúc trước khi bắt đầu"), hint: LocalizedText("check \(parameter: .from) and \(parameter: .to)", "hãy kiểm tra \(parameter: .from) và \(parameter: .to)"))
        }
        let parentID = try parentCode.map { try registryID(.unit, code: $0) }
        try addRegistryRow(.unit, code: code, user: user, detail: "\(level.rawValue) \(name)") { now, user in
            try database.execute("""
                INSERT INTO org_unit (code, name, level, parent_id, effective_from, effective_to, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [code, name, level.rawValue, parentID, effectiveFrom?.iso, effectiveTo?.iso, now.iso, user])
        }
    }

    /// Records that a unit ceased on `date` and was merged into another (provinces and
    /// communes merged in 2025). Its entries and history stay; new spending goes to the
    /// successor.
    public func mergeUnit(code: String, into successorCode: String, on date: LedgerDate, user: String) throws {
        let user = try TextRules.checkedUser(user)
        let now = Timestamp.now()
        try write {
            let id = try registryID(.unit, code: code)
            let successor = try registryID(.unit, code: successorCode)
            guard id != successor else {
                throw LedgerError(.invalidInput, LocalizedText("a unit cannot be merged into itself", "một đơn vị không thể sáp nhập vào chính nó"), hint: LocalizedText("name the unit that absorbed it", "hãy ghi đơn vị đã tiếp nhận nó"))
            }
            guard let unit = try units()[id], unit.mergedIntoID == nil else {
                throw LedgerError(.invalidInput, LocalizedText("unit \(code) was already merged", "đơn vị \(code) đã được sáp nhập"), hint: LocalizedText("nothing to do", "không cần làm gì"))
            }
            if let from = unit.effectiveFrom, date < from {
                throw LedgerError(.invalidDate, LocalizedText("unit \(code) starts on \(from), after \(date)", "đơn vị \(code) bắt đầu từ \(from), sau ngày \(date)"), hint: LocalizedText("give a date within the unit's window", "hãy ghi một ngày trong thời hạn của đơn vị"))
            }
            try database.execute("UPDATE org_unit SET effective_to = ?, merged_into_id = ? WHERE id = ?", [date.iso, successor, id])
            try recordChange(action: "unit-merge", subject: "unit:\(code)", detail: "merged into \(successorCode) on \(date.iso)", user: user, at: now)
            invalidateRegistryCache()
        }
    }

    /// Every org unit, by id.
    public func units() throws -> [Int64: OrgUnit] {
        if let cached = registryCache.units { return cached }
        let units = try database.rows("""
            SELECT id, code, name, level, parent_id, effective_from, effective_to, merged_into_id FROM org_unit
            """) { row in
            OrgUnit(id: row.int64(at: 0), code: row.text(at: 1), name: row.text(at: 2), level: try StoredValue.decode(OrgUnitLevel.self, row.text(at: 3), "org_unit.level"),
                    parentID: row.optionalInt64(at: 4), effectiveFrom: try StoredValue.date(row.optionalText(at: 5), "org_unit.effective_from"),
                    effectiveTo: try StoredValue.date(row.optionalText(at: 6), "org_unit.effective_to"), mergedIntoID: row.optionalInt64(at: 7))
        }
        let byID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        registryCache.units = byID
        return byID
    }

    // MARK: Goods items

    /// Registers a kind of goods received in kind, counted in `unit` (e.g. "chiếc", "hộp").
    public func addGoodsItem(code: String, nameVietnamese: String, nameEnglish: String, unit: String, user: String) throws {
        let (nameVietnamese, nameEnglish, unit) = (TextRules.nfc(nameVietnamese), TextRules.nfc(nameEnglish), TextRules.nfc(unit))
        try TextRules.checkCode(code, named: "item code")
        try TextRules.check(nameVietnamese, named: "Vietnamese name", maximumLength: 200)
        try TextRules.check(nameEnglish, named: "English name", maximumLength: 200)
        try TextRules.check(unit, named: "unit of count", maximumLength: 40)
        try addRegistryRow(.goodsItem, code: code, user: user, detail: "\(nameEnglish) (\(unit))") { now, user in
            try database.execute("INSERT INTO goods_item (code, name_vi, name_en, unit, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)",
                                 [code, nameVietnamese, nameEnglish, unit, now.iso, user])
        }
    }

    public func goodsItems() throws -> [GoodsItem] {
        try database.rows("SELECT id, code, name_vi, name_en, unit FROM goods_item ORDER BY code") { row in
            GoodsItem(id: row.int64(at: 0), code: row.text(at: 1), nameVietnamese: row.text(at: 2), nameEnglish: row.text(at: 3), unit: row.text(at: 4))
        }
    }

    /// Inserts one registry row in its own transaction, refusing a taken code, and records it.
    private func addRegistryRow(_ registry: Registry, code: String, user: String, detail: String,
                                insert: (Timestamp, String) throws -> Void) throws {
        let user = try TextRules.checkedUser(user)
        let now = Timestamp.now()
        try write {
            if try codes(of: registry).byCode[code] != nil {
                throw LedgerError(.registryExists, LocalizedText("there is already a \(registry.rawValue) '\(code)'", "đã có \(registry.localizedName) '\(code)'"),
                                  hint: LocalizedText("choose another code, or use the existing \(registry.rawValue)", "hãy chọn mã khác, hoặc dùng \(registry.localizedName) đã có"))
            }
            try insert(now, user)
            try recordChange(action: "\(registry.rawValue.replacingAll(" ", with: "-"))-add", subject: "\(registry.rawValue):\(code)", detail: detail, user: user, at: now)
            invalidateRegistryCache()
        }
    }
}
