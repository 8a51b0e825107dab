import ReportQueries

/// Funds that merge (docs/fund-network.md): in 2025 Long An's fund joined Tây Ninh's, so two
/// funds' books became one fund's books from a date. The successor is a new ledger whose
/// first entries carry each predecessor's closing state — every balance by account, currency,
/// funder, grant, program, unit and restriction, and every goods lot with what is left of it —
/// and whose facts name each predecessor's ledger id and final digest. Each predecessor gets
/// a final chained record naming the successor, after which it takes no entry; and
/// `verify --predecessors` recomputes the closing states to prove the opening entries.
public struct CarriedBalance: Sendable, Equatable {
    public let accountCode: String
    public let dong: Int64
    /// The balance in the line's own currency, for a foreign-currency balance.
    public let foreign: Amount?
    public let funderCode: String?
    public let grantCode: String?
    public let programCode: String?
    public let unitCode: String?
    public let restriction: Restriction
    /// A goods lot: its item and the units left.
    public let itemCode: String?
    public let quantity: Int64?
}

extension Ledger {
    /// This ledger's closing state through `day`: every balance outside the goods account
    /// (reports/network-closing.sql), then each goods lot with units left, in the order lots
    /// are drawn, at what is left of its value.
    public func closingState(through day: LedgerDate) throws -> [CarriedBalance] {
        try read {
            let goodsAccount = try settings().goodsAccountCode
            var carried = try database.rows(ReportQueries.networkClosing, named: [":through": day.iso, ":goods_account": goodsAccount]) { row in
                let code = row.text(at: 1)
                let foreign: Amount? = try code.isEmpty ? nil : Amount(minorUnits: row.int64(at: 8),
                                                                           currency: Currency.named(code) ?? { throw StoredValue.damaged("line.currency", code) }())
                func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
                return CarriedBalance(accountCode: row.text(at: 0), dong: row.int64(at: 7), foreign: foreign, funderCode: optional(row.text(at: 2)),
                                      grantCode: optional(row.text(at: 3)), programCode: optional(row.text(at: 4)), unitCode: optional(row.text(at: 5)),
                                      restriction: try StoredValue.decode(Restriction.self, row.text(at: 6), "line.restriction"), itemCode: nil, quantity: nil)
            }
            // The lots only: what was handed out from them is not carried.
            let trace = try goodsLotTracer(through: day, item: nil, attributingUses: false).trace
            let funders = try codes(of: .funder).byID, grants = try codes(of: .grant).byID, items = try codes(of: .goodsItem).byID
            let lots = trace.lots.filter { $0.remaining > 0 }.sorted { ($0.itemID, $0.date, $0.seq, $0.lineNumber) < ($1.itemID, $1.date, $1.seq, $1.lineNumber) }
            for lot in lots {
                let left = lot.valueDong - GoodsLotTracer.share(of: lot, upTo: lot.quantity - lot.remaining)
                carried.append(CarriedBalance(accountCode: goodsAccount, dong: left, foreign: nil, funderCode: funders[lot.owner.funderID],
                                              grantCode: grants[lot.owner.grantID], programCode: nil, unitCode: nil, restriction: lot.owner.restriction,
                                              itemCode: items[lot.itemID], quantity: lot.remaining))
            }
            return carried
        }
    }

    /// The successor this ledger's books were carried into, and from which date; `nil` while
    /// the fund keeps its own books.
    public func successor() throws -> (ledgerID: String, from: LedgerDate)? {
        guard let value = try database.scalarText("SELECT value FROM ledger_meta WHERE key = 'successor'") else { return nil }
        let parts = value.split(separator: " ")
        guard parts.count == 2, let from = try? LedgerDate.parse(String(parts[1])) else { throw StoredValue.damaged("ledger_meta.successor", value) }
        return (String(parts[0]), from)
    }

    /// Creates the successor of the ledgers at `predecessorPaths`, whose books it keeps from
    /// `from`: the registries of all of them, then one opening entry per predecessor dated the
    /// day before, carrying its closing state; then each predecessor's final record.
    ///
    /// - Throws: `invalidInput` for a predecessor that does not verify, has entries from
    ///   `from` on, already has a successor, or names a code the others use for something
    ///   else; `invalidRate` for a foreign balance whose dong value no exact rate gives. The
    ///   successor's file is not created then, and no predecessor is changed.
    public static func createSuccessor(at path: String, fundName: String, predecessorPaths: [String], from: LedgerDate, user: String,
                                       configuration: Database.Configuration = Database.Configuration()) throws -> Ledger {
        let closingDay = from.adding(days: -1)
        var predecessors: [Predecessor] = []
        for predecessorPath in predecessorPaths {
            predecessors.append(try Predecessor(checking: predecessorPath, among: predecessors, from: from))
        }
        var registries = try SuccessorRegistries(predecessors.map(\.ledger))
        for plan in predecessors.flatMap(\.plans) {
            registries.plans[SuccessorRegistries.PlanKey(year: plan.year, program: plan.program, source: plan.source), default: 0] += plan.remaining
        }
        for balance in predecessors.flatMap(\.state) { try Predecessor.checkCarriable(balance) }
        let successor = try Ledger.create(at: path, fundName: fundName, user: user, configuration: configuration)
        let now = Timestamp.now()
        do {
            try successor.write {
                try registries.insert(into: successor, effectiveOn: closingDay, user: user, at: now)
                let pipeline = try PostingPipeline(ledger: successor, user: user, postedAt: now)
                var opened: [(seq: Int64, predecessor: Predecessor)] = []
                for predecessor in predecessors {
                    let entry = try pipeline.admit(try successor.openingEntry(carrying: predecessor.state, of: predecessor.ledger, head: predecessor.head, on: closingDay))
                    opened.append((entry.seq, predecessor))
                }
                try pipeline.finish()
                for (seq, predecessor) in opened {
                    let ledger = predecessor.ledger
                    try successor.database.execute("INSERT INTO ledger_meta (key, value) VALUES (?, ?)", [
                        "predecessor.\(ledger.ledgerID)", "\(seq) \(predecessor.head.seq) \(predecessor.head.hash.hexString) \(from.iso) \(ledger.fundName)",
                    ])
                    try successor.recordChange(action: "succession", subject: "fund:\(ledger.ledgerID)",
                                               detail: "opening balances of \(ledger.fundName) carried as entry \(seq)", user: user, at: now, entrySeq: seq)
                }
            }
        } catch {
            // The successor is made whole or not at all.
            Ledger.removeFiles(path)
            throw error
        }
        // Each predecessor's final record, once the successor holds its books.
        for predecessor in predecessors {
            let ledger = try Ledger.open(at: predecessor.ledger.path, configuration: configuration)
            try ledger.write {
                try ledger.database.execute("INSERT INTO ledger_meta (key, value) VALUES ('successor', ?)", ["\(successor.ledgerID) \(from.iso)"])
                try ledger.recordChange(action: "merged", subject: "fund:\(successor.ledgerID)", detail: "books carried into \(successor.fundName) from \(from.iso)", user: user, at: now)
            }
        }
        return successor
    }

    /// A predecessor's opening entry: its closing state as lines of this ledger.
    private func openingEntry(carrying state: [CarriedBalance], of predecessor: Ledger, head: (seq: Int64, hash: [UInt8]), on day: LedgerDate) throws -> ValidatedEntry {
        let accounts = try accountsByCode()
        func reference(_ registry: Registry, _ code: String?) throws -> RegistryReference? {
            try code.map { RegistryReference(id: try registryID(registry, code: $0), code: $0) }
        }
        let lines = try state.enumerated().map { index, balance in
            guard let account = accounts[balance.accountCode] else { throw LedgerError(.unknownAccount, LocalizedText("account \(balance.accountCode) is missing", "thiếu tài khoản \(balance.accountCode)"), hint: .empty) }
            let foreign = balance.foreign.flatMap { amount -> ForeignAmount? in
                guard amount.minorUnits != 0, let rate = Rate.implied(dong: abs(balance.dong), by: Amount(minorUnits: abs(amount.minorUnits), currency: amount.currency)) else { return nil }
                return ForeignAmount(amount: amount, rate: rate, rateDate: day, rateSource: "carried")
            }
            return PostedLine(lineNumber: index + 1, account: RegistryReference(id: account.id, code: account.code), amountDong: balance.dong, foreign: foreign,
                              funder: try reference(.funder, balance.funderCode), grant: try reference(.grant, balance.grantCode),
                              program: try reference(.program, balance.programCode), unit: try reference(.unit, balance.unitCode),
                              restriction: balance.restriction, item: try reference(.goodsItem, balance.itemCode), quantity: balance.quantity)
        }
        return ValidatedEntry(date: day, memo: "Opening balances carried from \(predecessor.fundName), ledger \(predecessor.ledgerID), entry \(head.seq), hash \(head.hash.hexString)",
                              externalRef: "MERGE-\(predecessor.ledgerID.prefix(8))", lines: lines)
    }

    /// `cpf verify --predecessors`: each predecessor verifies, names this ledger as its
    /// successor, still has the head it had, and its closing state recomputed equals the
    /// opening entry that carried it.
    public func checkPredecessors(at paths: [String]) throws -> [LocalizedText] {
        var findings: [LocalizedText] = []
        for path in paths {
            let predecessor = try Ledger.open(at: path, readOnly: true)
            let name = predecessor.fundName
            guard let recorded = try read({ try database.scalarText("SELECT value FROM ledger_meta WHERE key = ?", ["predecessor.\(predecessor.ledgerID)"]) }) else {
                findings.append(LocalizedText("\(path) (\(name)) is not a predecessor of this fund", "\(path) (\(name)) không phải quỹ tiền thân của quỹ này"))
                continue
            }
            let fields = recorded.split(separator: " ", maxSplits: 4).map(String.init)
            guard fields.count == 5, let seq = Int64(fields[0]), let headSeq = Int64(fields[1]), let from = try? LedgerDate.parse(fields[3]) else {
                throw StoredValue.damaged("ledger_meta.predecessor", recorded)
            }
            let report = try predecessor.verify()
            findings += report.findings.map { LocalizedText("\(name): \($0.text)", "\(name): \($0.text)") }
            let head = try predecessor.read { try predecessor.chainHead() }
            if head.seq != headSeq || head.hash.hexString != fields[2] {
                findings.append(LocalizedText("\(name) has changed since its books were carried: its journal ended at entry \(headSeq) with hash \(fields[2]), it ends at entry \(head.seq) with hash \(head.hash.hexString)",
                                              "\(name) đã thay đổi từ khi chuyển số dư: sổ nhật ký khi đó kết thúc ở bút toán \(headSeq) mã băm \(fields[2]), nay ở bút toán \(head.seq) mã băm \(head.hash.hexString)"))
            }
            if try predecessor.successor().map({ $0.ledgerID != ledgerID || $0.from != from }) ?? true {
                findings.append(LocalizedText("\(name) has no final record naming this fund as its successor from \(from)", "\(name) không có bản ghi cuối ghi quỹ này là quỹ kế thừa từ ngày \(from)"))
            }
            let state = try predecessor.closingState(through: from.adding(days: -1))
            guard let entry = try read({ try self.entry(seq: seq) }) else {
                findings.append(LocalizedText("the opening entry \(seq) of \(name) is missing", "thiếu bút toán số dư đầu \(seq) của \(name)"))
                continue
            }
            let carried = entry.lines.map { line in
                CarriedBalance(accountCode: line.account.code, dong: line.amountDong, foreign: line.foreign?.amount, funderCode: line.funder?.code, grantCode: line.grant?.code,
                               programCode: line.program?.code, unitCode: line.unit?.code, restriction: line.restriction, itemCode: line.item?.code, quantity: line.quantity)
            }
            if carried != state {
                let differing = (Array(zip(carried, state)).firstIndex { $0.0 != $0.1 } ?? min(carried.count, state.count)) + 1
                findings.append(LocalizedText("the opening entry \(seq) does not equal \(name)'s closing state on \(from.adding(days: -1)): line \(differing) differs (\(carried.count) lines carried, \(state.count) balances)",
                                              "bút toán số dư đầu \(seq) không bằng số dư cuối của \(name) ngày \(from.adding(days: -1)): dòng \(differing) khác (\(carried.count) dòng đã chuyển, \(state.count) số dư)"))
            }
        }
        return findings
    }
}

/// A fund whose books a successor is to carry: checked, with its closing state and the head
/// of its journal (its final record will add a fact, never an entry).
private struct Predecessor {
    let ledger: Ledger
    let state: [CarriedBalance]
    let head: (seq: Int64, hash: [UInt8])
    /// The plans still to be carried out: those of later years whole, and the merger year's
    /// less what was spent against each by the day before the merger.
    let plans: [(year: Int, program: String, source: String, remaining: Int64)]

    /// Opens the ledger at `path` for reading and checks it may be carried from `from`.
    init(checking path: String, among others: [Predecessor], from: LedgerDate) throws {
        func refuse(_ what: LocalizedText, _ hint: LocalizedText) -> LedgerError {
            LedgerError(.invalidInput, LocalizedText("\(path): \(what)", "\(path): \(what)"), hint: hint)
        }
        let ledger = try Ledger.open(at: path, readOnly: true)
        if others.contains(where: { $0.ledger.ledgerID == ledger.ledgerID }) {
            throw refuse(LocalizedText("the same ledger is given twice", "cùng một sổ được ghi hai lần"), LocalizedText("give each predecessor once", "mỗi quỹ tiền thân chỉ ghi một lần"))
        }
        if let successor = try ledger.successor() {
            throw refuse(LocalizedText("its books were already carried into ledger \(successor.ledgerID) from \(successor.from)", "sổ này đã được chuyển sang sổ \(successor.ledgerID) từ ngày \(successor.from)"),
                         LocalizedText("a fund's books are carried into one successor", "sổ của một quỹ chỉ chuyển sang một quỹ kế thừa"))
        }
        let report = try ledger.verify()
        guard report.isIntact else {
            throw refuse(LocalizedText("it does not verify (\(report.findings.count) findings): its books cannot be carried", "sổ không qua được kiểm tra (\(report.findings.count) phát hiện): không thể chuyển số dư"),
                         LocalizedText("run \(action: .verify) on it and resolve what it finds first", "hãy chạy \(action: .verify) cho sổ đó và xử lý các phát hiện trước"))
        }
        if let late = try ledger.read({ try ledger.database.scalarText("SELECT min(entry_date) FROM entry WHERE entry_date >= ?", [from.iso]) }) {
            throw refuse(LocalizedText("it has entries from \(try LedgerDate.parse(late)), on or after the merger date \(from)", "sổ có bút toán từ ngày \(try LedgerDate.parse(late)), từ ngày sáp nhập \(from) trở đi"),
                         LocalizedText("entries from the merger date on belong in the successor: reverse them there first, or choose the merger date", "bút toán từ ngày sáp nhập thuộc về quỹ kế thừa: hãy đảo chúng trước, hoặc chọn lại ngày sáp nhập"))
        }
        self.ledger = ledger
        state = try ledger.closingState(through: from.adding(days: -1))
        head = try ledger.read { try ledger.chainHead() }
        plans = try Predecessor.remainingPlans(of: ledger, from: from)
    }

    private static func remainingPlans(of ledger: Ledger, from: LedgerDate) throws -> [(year: Int, program: String, source: String, remaining: Int64)] {
        try ledger.read {
            var plans = try ledger.database.rows("SELECT year, program_code, source, amount_vnd FROM plan WHERE year > ? ORDER BY year, program_code, source", [from.year]) {
                (year: Int($0.int64(at: 0)), program: $0.text(at: 1), source: $0.text(at: 2), remaining: $0.int64(at: 3))
            }
            guard from > LedgerDate.firstOf(year: from.year) else { return try ledger.database.rows("SELECT year, program_code, source, amount_vnd FROM plan WHERE year >= ? ORDER BY year, program_code, source", [from.year]) {
                (year: Int($0.int64(at: 0)), program: $0.text(at: 1), source: $0.text(at: 2), remaining: $0.int64(at: 3))
            } }
            try ledger.withReportPeriod(PeriodSpans(from: LedgerDate.firstOf(year: from.year), to: from.adding(days: -1))) {
                try ledger.database.forEachRow(ReportQueries.planVersusActual, named: [":from_year": from.year, ":to_year": from.year]) { row in
                    plans.append((from.year, row.text(at: 0), row.text(at: 1), max(row.int64(at: 2) - row.int64(at: 3), 0)))
                }
            }
            return plans
        }
    }

    /// A balance a line can carry: some dong, and for a foreign one an exact rate.
    static func checkCarriable(_ balance: CarriedBalance) throws {
        guard balance.dong != 0 else {
            throw LedgerError(.invalidAmount, LocalizedText("a balance on account \(balance.accountCode) is carried at 0 dong (\(balance.foreign.map { "\($0)" } ?? "\(balance.quantity ?? 0) \(balance.itemCode ?? "")")): a line must move some dong",
                                                            "một số dư của tài khoản \(balance.accountCode) có giá trị 0 đồng (\(balance.foreign.map { "\($0)" } ?? "\(balance.quantity ?? 0) \(balance.itemCode ?? "")")): mỗi dòng phải có số tiền"),
                              hint: LocalizedText("revalue or hand out what is left before the merger date", "hãy đánh giá lại hoặc cấp phát phần còn lại trước ngày sáp nhập"))
        }
        if let foreign = balance.foreign, foreign.minorUnits != 0, Rate.implied(dong: abs(balance.dong), by: Amount(minorUnits: abs(foreign.minorUnits), currency: foreign.currency)) == nil {
            throw LedgerError(.invalidRate, LocalizedText("the \(foreign) balance on account \(balance.accountCode) is carried at \(groupedDong: balance.dong), which no exact rate gives",
                                                          "số dư \(foreign) của tài khoản \(balance.accountCode) được ghi sổ \(groupedDong: balance.dong), không tỷ giá chính xác nào cho ra số đó"),
                              hint: LocalizedText("convert or revalue the foreign currency before the merger date", "hãy bán hoặc đánh giá lại ngoại tệ trước ngày sáp nhập"))
        }
    }
}

/// The registries of several predecessors, merged for their successor: the same code must
/// name the same thing in each.
private struct SuccessorRegistries {
    var accounts: [ChartOfAccounts.Definition] = []
    var funders: [Funder] = []
    var programs: [Program] = []
    var units: [(unit: OrgUnit, parent: String?, mergedInto: String?)] = []
    var items: [GoodsItem] = []
    var grants: [(grant: Grant, terms: GrantTerms, programs: [String], units: [String])] = []
    var rates: [ExchangeRate] = []
    var funds: [Fund] = []
    struct PlanKey: Hashable { let year: Int; let program: String; let source: String }
    /// The predecessors' plans still to be carried out, added together.
    var plans: [PlanKey: Int64] = [:]

    init(_ ledgers: [Ledger]) throws {
        let standard = Set(ChartOfAccounts.standard.definitions.map(\.code))
        func conflict(_ what: String, _ code: String) -> LedgerError {
            LedgerError(.invalidInput, LocalizedText("\(what) \(code) names different things in the predecessors' books", "\(what) \(code) chỉ những thứ khác nhau trong sổ của các quỹ tiền thân"),
                        hint: LocalizedText("the merged fund keeps one registry: agree on the codes first (the same code, the same \(what))", "quỹ sáp nhập giữ một danh mục: hãy thống nhất mã trước (cùng mã thì cùng \(what))"))
        }
        for ledger in ledgers {
            try ledger.read {
                for account in try ledger.accountsByCode().values.sorted(by: { $0.code < $1.code }) where !standard.contains(account.code) {
                    let definition = ChartOfAccounts.Definition(code: account.code, nameVietnamese: account.nameVietnamese, nameEnglish: account.nameEnglish,
                                                                type: account.type, currency: account.currency, parentCode: account.parentCode)
                    if let known = accounts.first(where: { $0.code == account.code }) {
                        guard known.type == definition.type, known.currency == definition.currency else { throw conflict("account", account.code) }
                    } else { accounts.append(definition) }
                }
                for funder in try ledger.funders() {
                    if let known = funders.first(where: { $0.code == funder.code }) {
                        guard known.name == funder.name, known.kind == funder.kind, known.currency == funder.currency else { throw conflict("funder", funder.code) }
                    } else { funders.append(funder) }
                }
                for program in try ledger.programs() where !programs.contains(where: { $0.code == program.code }) { programs.append(program) }
                let byID = try ledger.units()
                for unit in byID.values.sorted(by: { $0.id < $1.id }) {
                    if let known = units.first(where: { $0.unit.code == unit.code }) {
                        guard known.unit.name == unit.name else { throw conflict("unit", unit.code) }
                    } else { units.append((unit, unit.parentID.flatMap { byID[$0]?.code }, unit.mergedIntoID.flatMap { byID[$0]?.code })) }
                }
                for item in try ledger.goodsItems() where !items.contains(where: { $0.code == item.code }) { items.append(item) }
                let programCodes = try ledger.codes(of: .program).byID, unitCodes = try ledger.codes(of: .unit).byID
                for grant in try ledger.grants() {
                    guard !grants.contains(where: { $0.grant.code == grant.code }) else { throw conflict("grant", grant.code) }
                    let terms = grant.current
                    grants.append((grant, terms, terms.programIDs.compactMap { programCodes[$0] }.sorted(), terms.unitIDs.compactMap { unitCodes[$0] }.sorted()))
                }
                for rate in try ledger.exchangeRates() {
                    if let known = rates.first(where: { $0.currency == rate.currency && $0.date == rate.date }) {
                        guard known.rate == rate.rate else { throw conflict("rate", "\(rate.currency.code) \(rate.date)") }
                    } else { rates.append(rate) }
                }
                for fund in try ledger.funds() where !funds.contains(where: { $0.ledgerID == fund.ledgerID }) && !ledgers.contains(where: { $0.ledgerID == fund.ledgerID }) {
                    guard !funds.contains(where: { $0.code == fund.code }) else { throw conflict("fund", fund.code) }
                    funds.append(fund)
                }
            }
        }
    }

    /// Writes the registries into the successor, inside its write transaction.
    func insert(into ledger: Ledger, effectiveOn day: LedgerDate, user: String, at now: Timestamp) throws {
        let database = ledger.database
        try ChartOfAccounts(definitions: accounts).insert(into: database, at: now)
        for funder in funders {
            try database.execute("INSERT INTO funder (code, name, kind, currency, country, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 [funder.code, funder.name, funder.kind.rawValue, funder.currency.code, funder.country, now.iso, user])
        }
        let existing = try ledger.codes(of: .program).byCode
        for program in programs where existing[program.code] == nil {
            try database.execute("""
                INSERT INTO program (code, name_vi, name_en, expense_account_id, created_at, created_by)
                VALUES (?, ?, ?, (SELECT id FROM account WHERE code = ?), ?, ?)
                """, [program.code, program.nameVietnamese, program.nameEnglish, program.expenseAccountCode, now.iso, user])
        }
        for entry in units {
            try database.execute("INSERT INTO org_unit (code, name, level, effective_from, effective_to, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 [entry.unit.code, entry.unit.name, entry.unit.level.rawValue, entry.unit.effectiveFrom?.iso, entry.unit.effectiveTo?.iso, now.iso, user])
        }
        for entry in units where entry.parent != nil || entry.mergedInto != nil {
            try database.execute("""
                UPDATE org_unit SET parent_id = (SELECT id FROM org_unit WHERE code = ?), merged_into_id = (SELECT id FROM org_unit WHERE code = ?) WHERE code = ?
                """, [entry.parent, entry.mergedInto, entry.unit.code])
        }
        for item in items {
            try database.execute("INSERT INTO goods_item (code, name_vi, name_en, unit, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)",
                                 [item.code, item.nameVietnamese, item.nameEnglish, item.unit, now.iso, user])
        }
        ledger.invalidateRegistryCache()
        for entry in grants {
            try database.execute("INSERT INTO \"grant\" (code, funder_id, currency, created_at, created_by) VALUES (?, (SELECT id FROM funder WHERE code = ?), ?, ?, ?)",
                                 [entry.grant.code, entry.grant.funderCode, entry.grant.currency.code, now.iso, user])
            ledger.invalidateRegistryCache()
            let terms = entry.terms
            try ledger.insertTerms(grantID: database.lastInsertRowID, version: 1, effectiveOn: min(day, terms.effectiveOn), committed: terms.committed,
                                   programCodes: entry.programs, unitCodes: entry.units, validFrom: terms.validFrom, validTo: terms.validTo,
                                   designated: terms.designated, status: terms.status, purpose: terms.purpose, reason: "carried from a predecessor",
                                   tranches: terms.tranches, user: user, at: now)
        }
        for rate in rates {
            try database.execute("INSERT INTO exchange_rate (currency, rate_date, rate, source, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                                 [rate.currency.code, rate.date.iso, rate.rate.description, rate.source, user, now.iso])
        }
        for fund in funds {
            try database.execute("INSERT INTO fund (code, name, level, ledger_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)",
                                 [fund.code, fund.name, fund.level.rawValue, fund.ledgerID, now.iso, user])
        }
        for (key, amount) in plans.sorted(by: { ($0.key.year, $0.key.program, $0.key.source) < ($1.key.year, $1.key.program, $1.key.source) }) {
            try database.execute("INSERT INTO plan (year, program_code, source, amount_vnd, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)",
                                 [key.year, key.program, key.source, amount, user, now.iso])
        }
        try ledger.recordChange(action: "succession", subject: "fund:\(ledger.ledgerID)",
                                detail: "\(accounts.count) accounts, \(funders.count) funders, \(units.count) units, \(items.count) items, \(grants.count) grants, \(rates.count) rates, \(funds.count) funds, \(plans.count) plans carried",
                                user: user, at: now)
        ledger.invalidateRegistryCache()
    }
}
