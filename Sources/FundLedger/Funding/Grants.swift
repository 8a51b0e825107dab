/// Where a grant stands.
public enum GrantStatus: String, Sendable, CaseIterable {
    /// Promised, not yet signed: money received against it is booked, but none of it is spent
    /// until the grant is active (PostingRules.checkSpending).
    case pledged
    case active
    /// Finished: nothing more is received or spent.
    case closed
    case cancelled

    public static func parse(_ text: String) throws -> GrantStatus {
        guard let status = GrantStatus(rawValue: text) else {
            throw LedgerError(.invalidInput, LocalizedText("unknown grant status '\(text)'", "không có trạng thái khoản tài trợ '\(text)'"), hint: LocalizedText("use one of: \(allCases.map(\.rawValue).joined(separator: ", "))", "hãy dùng một trong: \(allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        return status
    }
}

/// A tranche (đợt) the terms expect: when, and how much in the grant's currency.
public struct Tranche: Sendable, Equatable {
    public let dueOn: LedgerDate
    public let amount: Amount

    public init(dueOn: LedgerDate, amount: Amount) {
        self.dueOn = dueOn
        self.amount = amount
    }
}

/// One version of a grant's terms. Version 1 is the agreement; each amendment adds one.
public struct GrantTerms: Sendable, Equatable {
    public let version: Int
    public let effectiveOn: LedgerDate
    public let committed: Amount
    public let validFrom: LedgerDate?
    public let validTo: LedgerDate?
    public let designated: Bool
    public let status: GrantStatus
    public let purpose: String
    public let reason: String
    public let programIDs: Set<Int64>
    public let unitIDs: Set<Int64>
    public let tranches: [Tranche]
    public let recordedBy: String
    public let recordedAt: String

    /// The restriction its money carries: designated support, restricted to programs or
    /// places, or unrestricted.
    public var restriction: Restriction {
        if designated { return .designated }
        return programIDs.isEmpty && unitIDs.isEmpty ? .unrestricted : .restricted
    }
}

/// A grant (khoản tài trợ): a commitment from one funder, with the versions of its terms.
public struct Grant: Sendable, Equatable {
    public let id: Int64
    public let code: String
    public let funderID: Int64
    public let funderCode: String
    public let currency: Currency
    /// Oldest first; never empty.
    public let terms: [GrantTerms]

    public var current: GrantTerms { terms[terms.count - 1] }

    /// The terms in effect on `date`: the newest version effective on or before it, or the
    /// agreement when the date is earlier than every version.
    public func terms(on date: LedgerDate) -> GrantTerms {
        terms.last { $0.effectiveOn <= date } ?? terms[0]
    }
}

/// What a grant is agreed to be, as `cpf grant add` takes it.
public struct GrantDefinition: Sendable {
    public var code: String
    public var funderCode: String
    public var committed: Amount
    public var programCodes: [String] = []
    public var unitCodes: [String] = []
    public var validFrom: LedgerDate?
    public var validTo: LedgerDate?
    public var designated = false
    public var tranches: [Tranche] = []
    public var status: GrantStatus = .active
    public var purpose = ""
    /// The agreement's date; the default is `validFrom`, else today.
    public var signedOn: LedgerDate?

    public init(code: String, funderCode: String, committed: Amount) {
        self.code = code
        self.funderCode = funderCode
        self.committed = committed
    }
}

/// A change of terms. Absent fields keep their current value.
public struct GrantAmendment: Sendable {
    public var effectiveOn: LedgerDate
    public var reason: String
    public var committed: Amount?
    public var programCodes: [String]?
    public var unitCodes: [String]?
    public var validFrom: LedgerDate?
    public var validTo: LedgerDate?
    public var designated: Bool?
    public var tranches: [Tranche]?
    public var status: GrantStatus?
    public var purpose: String?

    public init(effectiveOn: LedgerDate, reason: String) {
        self.effectiveOn = effectiveOn
        self.reason = reason
    }
}

extension Ledger {
    /// Registers a grant and its agreed terms (version 1).
    ///
    /// - Throws: `registryExists`, `unknownDimension` for an unknown funder, program or unit,
    ///   `currencyMismatch` for tranches in another currency, `invalidAmount` when the tranches
    ///   exceed the commitment.
    public func addGrant(_ definition: GrantDefinition, user: String) throws {
        var definition = definition
        definition.purpose = TextRules.nfc(definition.purpose)
        let user = try TextRules.checkedUser(user)
        try TextRules.checkCode(definition.code, named: "grant code")
        try TextRules.check(definition.purpose, named: "purpose", maximumLength: 500, allowEmpty: true)
        let now = Timestamp.now()
        try write {
            if try codes(of: .grant).byCode[definition.code] != nil {
                throw LedgerError(.registryExists, LocalizedText("there is already a grant '\(definition.code)'", "đã có khoản tài trợ '\(definition.code)'"),
                                  hint: LocalizedText("choose another code; to change its terms use \(action: .grantAmend, "\(definition.code)", quoted: true)", "hãy chọn mã khác; muốn đổi điều khoản thì dùng \(action: .grantAmend, "\(definition.code)", quoted: true)"))
            }
            let funderID = try registryID(.funder, code: definition.funderCode)
            try database.execute("INSERT INTO \"grant\" (code, funder_id, currency, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
                                 [definition.code, funderID, definition.committed.currency.code, now.iso, user])
            let grantID = database.lastInsertRowID
            try insertTerms(grantID: grantID, version: 1, effectiveOn: definition.signedOn ?? definition.validFrom ?? Timestamp.today(),
                            committed: definition.committed, programCodes: definition.programCodes, unitCodes: definition.unitCodes,
                            validFrom: definition.validFrom, validTo: definition.validTo, designated: definition.designated,
                            status: definition.status, purpose: definition.purpose, reason: "agreement", tranches: definition.tranches,
                            user: user, at: now)
            try recordChange(action: "grant-add", subject: "grant:\(definition.code)",
                             detail: "\(definition.funderCode) \(definition.committed)\(definition.designated ? " designated" : "")", user: user, at: now)
            invalidateRegistryCache()
        }
    }

    /// Adds a version of a grant's terms, effective from `amendment.effectiveOn`. Earlier
    /// versions, and the lines posted under them, stay as they were.
    ///
    /// - Throws: `unknownDimension` for an unknown grant; `invalidAmount` when the new
    ///   commitment is below what was already received.
    public func amendGrant(code: String, _ amendment: GrantAmendment, user: String) throws {
        var amendment = amendment
        amendment.reason = TextRules.nfc(amendment.reason)
        amendment.purpose = amendment.purpose.map(TextRules.nfc)
        let user = try TextRules.checkedUser(user)
        try TextRules.check(amendment.reason, named: "reason", maximumLength: 500)
        let now = Timestamp.now()
        try write {
            let grant = try requireGrant(code: code)
            let current = grant.current
            try checkPeriodOpen(amendment.effectiveOn, lock: try periodLock(), doing: LocalizedText("amend a grant effective", "sửa khoản tài trợ có hiệu lực"))
            try checkAmendmentKeepsThePast(grant, effectiveOn: amendment.effectiveOn)
            let committed = amendment.committed ?? current.committed
            let received = try grantFigures(grantID: grant.id).receivedInGrantCurrency(grant.currency)
            if committed.minorUnits < received {
                throw LedgerError(.invalidAmount, LocalizedText("grant \(code) has already received \(Amount(minorUnits: received, currency: grant.currency)); the commitment cannot be \(committed)", "khoản tài trợ \(code) đã nhận \(Amount(minorUnits: received, currency: grant.currency)); cam kết không thể là \(committed)"),
                                  hint: LocalizedText("commit at least what was received", "cam kết ít nhất bằng số đã nhận"))
            }
            let programCodes = try amendment.programCodes ?? current.programIDs.map { try codes(of: .program).byID[$0] ?? "" }
            let unitCodes = try amendment.unitCodes ?? current.unitIDs.map { try codes(of: .unit).byID[$0] ?? "" }
            try insertTerms(grantID: grant.id, version: current.version + 1, effectiveOn: amendment.effectiveOn, committed: committed,
                            programCodes: programCodes, unitCodes: unitCodes,
                            validFrom: amendment.validFrom ?? current.validFrom, validTo: amendment.validTo ?? current.validTo,
                            designated: amendment.designated ?? current.designated, status: amendment.status ?? current.status,
                            purpose: amendment.purpose ?? current.purpose, reason: amendment.reason,
                            tranches: amendment.tranches ?? current.tranches, user: user, at: now)
            try recordChange(action: "grant-amend", subject: "grant:\(code)",
                             detail: "version \(current.version + 1) from \(amendment.effectiveOn): \(amendment.reason)", user: user, at: now)
            invalidateRegistryCache()
        }
    }

    /// An amendment takes effect after every day that already has entries on the grant, and
    /// not before the terms in force: what was posted stays judged by the terms it was
    /// posted under (`Grant.terms(on:)`), and `cpf audit` re-checks it by them.
    func checkAmendmentKeepsThePast(_ grant: Grant, effectiveOn: LedgerDate) throws {
        let current = grant.current
        if effectiveOn < current.effectiveOn {
            throw LedgerError(.invalidDate, LocalizedText("grant \(grant.code)'s terms version \(current.version) take effect on \(current.effectiveOn); an amendment effective \(effectiveOn) would rewrite them", "điều khoản phiên bản \(current.version) của khoản tài trợ \(grant.code) có hiệu lực từ \(current.effectiveOn); một sửa đổi hiệu lực từ \(effectiveOn) sẽ ghi đè lên chúng"),
                              hint: LocalizedText("make the amendment effective on or after \(current.effectiveOn)", "hãy cho sửa đổi có hiệu lực từ \(current.effectiveOn) trở đi"))
        }
        if let last = try lastEntryDate(grantID: grant.id), effectiveOn <= last {
            throw LedgerError(.invalidDate, LocalizedText("grant \(grant.code) has entries up to \(last); an amendment effective \(effectiveOn) would change the terms they were posted under", "khoản tài trợ \(grant.code) có bút toán đến ngày \(last); một sửa đổi hiệu lực từ \(effectiveOn) sẽ làm đổi điều khoản mà các bút toán đó đã ghi theo"),
                              hint: LocalizedText("make it effective after \(last); to correct a past entry, reverse it (\(action: .reverse)) and post it again", "hãy cho hiệu lực sau ngày \(last); muốn sửa bút toán cũ, hãy đảo nó (\(action: .reverse)) rồi ghi lại"))
        }
    }

    /// The date of the latest entry with a line on the grant: the latest month from the
    /// maintained totals, then that month's entries (lines have no index by grant).
    private func lastEntryDate(grantID: Int64) throws -> LedgerDate? {
        guard let month = try database.scalarInt64("SELECT max(month_key) FROM dimension_month WHERE grant_id = ?", [grantID]) else { return nil }
        let monthStart = LedgerDate(year: Int(month / 100), month: Int(month % 100), day: 1)!
        return try database.scalarText("""
            SELECT max(e.entry_date) FROM entry e JOIN line l ON l.entry_seq = e.seq WHERE e.entry_date >= ? AND l.grant_id = ?
            """, [monthStart.iso, grantID]).map(LedgerDate.parse)
    }

    func insertTerms(grantID: Int64, version: Int, effectiveOn: LedgerDate, committed: Amount, programCodes: [String],
                             unitCodes: [String], validFrom: LedgerDate?, validTo: LedgerDate?, designated: Bool, status: GrantStatus,
                             purpose: String, reason: String, tranches: [Tranche], user: String, at now: Timestamp) throws {
        guard committed.minorUnits > 0, committed.minorUnits <= Amount.magnitudeMax else {
            throw LedgerError(.invalidAmount, LocalizedText("the committed amount \(committed) is not a positive amount", "số cam kết \(committed) không phải số dương"), hint: LocalizedText("give what the funder committed, e.g. \"100000.00 USD\"", "hãy ghi số nhà tài trợ đã cam kết, ví dụ \"100000.00 USD\""))
        }
        // Donor-designated support (hỗ trợ theo địa chỉ) is spent exactly as designated, so the
        // designation has to name what it is for; otherwise posting rules could not hold it to it.
        if designated && programCodes.isEmpty && unitCodes.isEmpty {
            throw LedgerError(.restriction, LocalizedText("designated support must say what it is for", "hỗ trợ theo địa chỉ phải ghi rõ dùng vào việc gì"),
                              hint: LocalizedText("name the programs and/or units the donor designated (\(parameter: .programs), \(parameter: .units))", "hãy ghi chương trình và/hoặc đơn vị nhà tài trợ đã chỉ định (\(parameter: .programs), \(parameter: .units))"))
        }
        if let validFrom, let validTo, validFrom > validTo {
            throw LedgerError(.invalidDate, LocalizedText("the grant's window \(validFrom)…\(validTo) ends before it starts", "thời hạn \(validFrom)…\(validTo) của khoản tài trợ kết thúc trước khi bắt đầu"), hint: LocalizedText("check \(parameter: .from) and \(parameter: .to)", "hãy kiểm tra \(parameter: .from) và \(parameter: .to)"))
        }
        var trancheTotal: Int64 = 0
        for tranche in tranches {
            guard tranche.amount.currency == committed.currency, tranche.amount.minorUnits > 0 else {
                throw LedgerError(.currencyMismatch, LocalizedText("tranche \(tranche.dueOn) of \(tranche.amount) is not a positive amount in \(committed.currency.code)", "đợt \(tranche.dueOn) số tiền \(tranche.amount) không phải số dương bằng \(committed.currency.code)"),
                                  hint: LocalizedText("give tranches in the grant's currency, e.g. \(parameter: .tranche, "\(tranche.dueOn):50000.00")", "hãy ghi các đợt bằng loại tiền của khoản tài trợ, ví dụ \(parameter: .tranche, "\(tranche.dueOn.iso):50000.00")"))
            }
            trancheTotal += tranche.amount.minorUnits
        }
        if trancheTotal > committed.minorUnits {
            throw LedgerError(.invalidAmount, LocalizedText("the tranches add up to \(Amount(minorUnits: trancheTotal, currency: committed.currency)), more than the \(committed) committed", "các đợt cộng lại là \(Amount(minorUnits: trancheTotal, currency: committed.currency)), nhiều hơn số cam kết \(committed)"),
                              hint: LocalizedText("make the tranches add up to at most the commitment", "tổng các đợt không được vượt số cam kết"))
        }
        if Set(tranches.map(\.dueOn)).count != tranches.count {
            throw LedgerError(.invalidInput, LocalizedText("two tranches fall due on the same day", "hai đợt đến hạn cùng một ngày"), hint: LocalizedText("give one tranche per date", "mỗi ngày chỉ ghi một đợt"))
        }
        try database.execute("""
            INSERT INTO grant_terms (grant_id, version, effective_on, committed_minor, valid_from, valid_to, designated, status, purpose, reason, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [grantID, version, effectiveOn.iso, committed.minorUnits, validFrom?.iso, validTo?.iso, designated, status.rawValue,
                  purpose, reason, user, now.iso])
        for code in Set(programCodes) {
            try database.execute("INSERT INTO grant_terms_program (grant_id, version, program_id) VALUES (?, ?, ?)",
                                 [grantID, version, try registryID(.program, code: code)])
        }
        for code in Set(unitCodes) {
            try database.execute("INSERT INTO grant_terms_unit (grant_id, version, unit_id) VALUES (?, ?, ?)",
                                 [grantID, version, try registryID(.unit, code: code)])
        }
        for tranche in tranches {
            try database.execute("INSERT INTO grant_tranche (grant_id, version, due_on, amount_minor) VALUES (?, ?, ?, ?)",
                                 [grantID, version, tranche.dueOn.iso, tranche.amount.minorUnits])
        }
    }

    /// Every grant with all versions of its terms, ordered by code.
    public func grants() throws -> [Grant] {
        let rows = try database.rows("""
            SELECT g.id, g.code, g.funder_id, f.code, g.currency FROM "grant" g JOIN funder f ON f.id = g.funder_id ORDER BY g.code
            """) { ($0.int64(at: 0), $0.text(at: 1), $0.int64(at: 2), $0.text(at: 3), $0.text(at: 4)) }
        return try rows.map { row in
            Grant(id: row.0, code: row.1, funderID: row.2, funderCode: row.3, currency: Currency.named(row.4) ?? .vnd,
                  terms: try grantTerms(grantID: row.0, currency: Currency.named(row.4) ?? .vnd))
        }
    }

    /// The grant with this code, or an `unknownDimension` refusal.
    func requireGrant(code: String) throws -> Grant {
        guard let grant = try grant(id: try registryID(.grant, code: code)) else { throw LedgerError(.unknownDimension, LocalizedText("there is no grant '\(code)'", "không có khoản tài trợ '\(code)'"), hint: LocalizedText("\(action: .grantList, quoted: true) shows the grants", "\(action: .grantList, quoted: true) cho xem các khoản tài trợ")) }
        return grant
    }

    public func grant(code: String) throws -> Grant? {
        guard let id = try codes(of: .grant).byCode[code] else { return nil }
        return try grant(id: id)
    }

    /// Reads every grant into the transaction's cache at once: an import that inserts rows on
    /// a second thread then finds each grant without waiting for that thread to hand back the
    /// connection (`JournalWriter`).
    @discardableResult
    func cacheAllGrants() throws -> [Grant] {
        let all = try grants()
        for grant in all { registryCache.grants[grant.id] = grant }
        return all
    }

    func grant(id: Int64) throws -> Grant? {
        if let cached = registryCache.grants[id] { return cached }
        guard let row = try database.firstRow("""
            SELECT g.code, g.funder_id, f.code, g.currency FROM "grant" g JOIN funder f ON f.id = g.funder_id WHERE g.id = ?
            """, [id], { ($0.text(at: 0), $0.int64(at: 1), $0.text(at: 2), $0.text(at: 3)) }) else { return nil }
        let currency = Currency.named(row.3) ?? .vnd
        let grant = Grant(id: id, code: row.0, funderID: row.1, funderCode: row.2, currency: currency, terms: try grantTerms(grantID: id, currency: currency))
        registryCache.grants[id] = grant
        return grant
    }

    /// Every version of a grant's terms, oldest first (cached for the transaction).
    func grantTerms(grantID: Int64, currency: Currency) throws -> [GrantTerms] {
        if let cached = registryCache.grantTerms[grantID] { return cached }
        var programs: [Int: Set<Int64>] = [:]
        var units: [Int: Set<Int64>] = [:]
        var tranches: [Int: [Tranche]] = [:]
        try database.forEachRow("SELECT version, program_id FROM grant_terms_program WHERE grant_id = ?", [grantID]) {
            programs[$0.int(at: 0), default: []].insert($0.int64(at: 1))
        }
        try database.forEachRow("SELECT version, unit_id FROM grant_terms_unit WHERE grant_id = ?", [grantID]) {
            units[$0.int(at: 0), default: []].insert($0.int64(at: 1))
        }
        try database.forEachRow("SELECT version, due_on, amount_minor FROM grant_tranche WHERE grant_id = ? ORDER BY due_on", [grantID]) {
            tranches[$0.int(at: 0), default: []].append(Tranche(dueOn: try LedgerDate.parse($0.text(at: 1)), amount: Amount(minorUnits: $0.int64(at: 2), currency: currency)))
        }
        let terms = try database.rows("""
            SELECT version, effective_on, committed_minor, valid_from, valid_to, designated, status, purpose, reason, recorded_by, recorded_at
            FROM grant_terms WHERE grant_id = ? ORDER BY version
            """, [grantID]) { row in
            let version = row.int(at: 0)
            return GrantTerms(version: version, effectiveOn: try LedgerDate.parse(row.text(at: 1)),
                              committed: Amount(minorUnits: row.int64(at: 2), currency: currency),
                              validFrom: try row.optionalText(at: 3).map(LedgerDate.parse), validTo: try row.optionalText(at: 4).map(LedgerDate.parse),
                              designated: row.int64(at: 5) == 1, status: try StoredValue.decode(GrantStatus.self, row.text(at: 6), "grant_terms.status"),
                              purpose: row.text(at: 7), reason: row.text(at: 8), programIDs: programs[version] ?? [], unitIDs: units[version] ?? [],
                              tranches: tranches[version] ?? [], recordedBy: row.text(at: 9), recordedAt: row.text(at: 10))
        }
        precondition(!terms.isEmpty, "grant #\(grantID) has no terms")
        registryCache.grantTerms[grantID] = terms
        return terms
    }
}
