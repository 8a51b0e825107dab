/// The registries whose codes a line can name.
public enum Registry: String, Sendable, CaseIterable {
    case funder
    case grant
    case program
    case unit
    case goodsItem = "goods item"

    /// The registry's name in Vietnamese, for messages.
    var localizedName: String {
        switch self {
        case .funder: "nhà tài trợ"
        case .grant: "khoản tài trợ"
        case .program: "chương trình"
        case .unit: "đơn vị"
        case .goodsItem: "mặt hàng"
        }
    }

    /// The table, quoted where the name is also an SQL word.
    var table: String {
        switch self {
        case .funder: "funder"
        case .grant: "\"grant\""
        case .program: "program"
        case .unit: "org_unit"
        case .goodsItem: "goods_item"
        }
    }

    /// The registry's place in `RegistryCache.codesByRegistry`: a case's raw value is text,
    /// and hashing it for every dimension of every line cost more than the lookup itself.
    var slot: Int {
        switch self {
        case .funder: 0
        case .grant: 1
        case .program: 2
        case .unit: 3
        case .goodsItem: 4
        }
    }

    /// The action that adds to this registry, for hints.
    var addAction: LocalizedText {
        switch self {
        case .funder: LocalizedText("\(action: .funderAdd)", "\(action: .funderAdd)")
        case .grant: LocalizedText("\(action: .grantAdd)", "\(action: .grantAdd)")
        case .program: LocalizedText("\(action: .programAdd)", "\(action: .programAdd)")
        case .unit: LocalizedText("\(action: .unitAdd)", "\(action: .unitAdd)")
        // The Vietnamese half keeps the words `cpf` has always printed.
        case .goodsItem: LocalizedText("\(action: .receive, "\(parameter: .inKindItem) \(parameter: .item, "CODE")") (or \(action: .itemAdd))",
                                       "\(action: .receive, "\(parameter: .inKindItem) \(parameter: .item, "CODE")") (or \(action: .itemAdd))")
        }
    }
}

/// In-memory copies of the small tables that posting and verifying consult for every line:
/// the chart of accounts and the registries' codes. Dropped when a write fails.
struct RegistryCache {
    var accountsByCode: [String: Account]?
    var accountCodesByID: [Int64: String]?
    /// By `Registry.slot`.
    var codesByRegistry: [(byCode: [String: Int64], byID: [Int64: String])?] = Array(repeating: nil, count: Registry.allCases.count)
    var settings: LedgerSettings?
    var units: [Int64: OrgUnit]?
    var grantTerms: [Int64: [GrantTerms]] = [:]
    var accountRoles: AccountRoles?
    /// Grants by id with their terms: posting reads one for every grant line.
    var grants: [Int64: Grant] = [:]
    /// The figures posting rules have read (per grant, per limited holding, the journal's
    /// extent), kept current with every entry written (`JournalWriter.append`).
    var funding: FundingCache?
}

extension Ledger {
    /// Every account, keyed by code.
    func accountsByCode() throws -> [String: Account] {
        if let cached = registryCache.accountsByCode { return cached }
        let headings = Set(try database.rows("SELECT DISTINCT parent_id FROM account WHERE parent_id IS NOT NULL") { $0.int64(at: 0) })
        let accounts = try database.rows("""
            SELECT a.id, a.code, a.name_vi, a.name_en, a.type, a.currency, p.code, a.closed_on
            FROM account a LEFT JOIN account p ON p.id = a.parent_id ORDER BY a.code
            """) { row in
            Account(id: row.int64(at: 0), code: row.text(at: 1), nameVietnamese: row.text(at: 2), nameEnglish: row.text(at: 3),
                    type: try StoredValue.decode(AccountType.self, row.text(at: 4), "account.type"),
                    currency: Currency.named(row.text(at: 5)) ?? .vnd, parentCode: row.optionalText(at: 6),
                    closedOn: try StoredValue.date(row.optionalText(at: 7), "account.closed_on"),
                    isHeading: headings.contains(row.int64(at: 0)))
        }
        let byCode = Dictionary(accounts.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        registryCache.accountsByCode = byCode
        registryCache.accountCodesByID = Dictionary(accounts.map { ($0.id, $0.code) }, uniquingKeysWith: { first, _ in first })
        return byCode
    }

    /// Account codes keyed by id.
    func accountCodesByID() throws -> [Int64: String] {
        if let cached = registryCache.accountCodesByID { return cached }
        _ = try accountsByCode()
        return registryCache.accountCodesByID ?? [:]
    }

    /// The codes of one registry, both ways.
    func codes(of registry: Registry) throws -> (byCode: [String: Int64], byID: [Int64: String]) {
        if let cached = registryCache.codesByRegistry[registry.slot] { return cached }
        let pairs = try database.rows("SELECT id, code FROM \(registry.table)") { ($0.int64(at: 0), $0.text(at: 1)) }
        let codes = (byCode: Dictionary(pairs.map { ($1, $0) }, uniquingKeysWith: { first, _ in first }),
                     byID: Dictionary(pairs, uniquingKeysWith: { first, _ in first }))
        registryCache.codesByRegistry[registry.slot] = codes
        return codes
    }

    /// The id of a registry row by its code, or a refusal naming the registry.
    func registryID(_ registry: Registry, code: String) throws -> Int64 {
        // Looked up in place when cached, without copying the registry's two dictionaries.
        if let id = registryCache.codesByRegistry[registry.slot]?.byCode[code] { return id }
        guard let id = try codes(of: registry).byCode[code] else {
            throw LedgerError(.unknownDimension, LocalizedText("there is no \(registry.rawValue) '\(code)'", "không có \(registry.localizedName) '\(code)'"),
                              hint: LocalizedText("check the code, or add it first with \(registry.addAction)", "hãy kiểm tra mã, hoặc thêm trước bằng \(registry.addAction)"))
        }
        return id
    }

    /// Reads the chart, every registry's codes, the org units, the settings and every grant
    /// into the cache at once: an import that lends the connection to its inserter's thread
    /// then validates each entry from memory, without taking the connection back.
    func readRegistriesAhead() throws {
        _ = try accountsByCode()
        _ = try AccountRoles.of(self)
        for registry in Registry.allCases { _ = try codes(of: registry) }
        _ = try units()
        _ = try settings()
        try cacheAllGrants()
    }

    /// The connection's funding figures (`FundingCache`), made empty the first time.
    func fundingCache() -> FundingCache {
        if let cache = registryCache.funding { return cache }
        let cache = FundingCache()
        registryCache.funding = cache
        return cache
    }

    /// Forgets the cached registries after one of them changed.
    func invalidateRegistryCache() { registryCache = RegistryCache() }

    /// Appends a row to the audit trail (`change_log`). Callers are inside a write transaction.
    func recordChange(action: String, subject: String, detail: String, user: String, at timestamp: Timestamp, entrySeq: Int64? = nil) throws {
        try database.execute("""
            INSERT INTO change_log (changed_at, changed_by, action, subject, entry_seq, detail) VALUES (?, ?, ?, ?, ?, ?)
            """, [timestamp.iso, user, action, subject, entrySeq, detail])
    }
}
