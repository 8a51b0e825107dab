/// One row of `cpf reconcile grants`: a grant's allocation to a program in a place against
/// what was spent there.
public struct GrantAllocationLine: Sendable, Equatable {
    public let grantCode: String
    public let programCode: String
    /// `nil`: the allocation holds for any place.
    public let unitCode: String?
    /// In the grant's currency; `nil` when spending happened without an allocation.
    public let allocated: Amount?
    /// Spent through the end of the scope, in dong.
    public let spentDong: Int64
    /// Spent in the scope's year (the whole spending when there is no year).
    public let spentInYearDong: Int64
    /// Spent, in the grant's currency at the grant's average received rate.
    public let spentInGrantCurrency: Amount
    public let children: Int64

    public var remaining: Amount? { allocated.map { Amount(minorUnits: $0.minorUnits - spentInGrantCurrency.minorUnits, currency: $0.currency) } }
    /// Spent beyond its allocation, or spent with no allocation at all.
    public var isOverAllocation: Bool { (remaining?.minorUnits ?? -1) < 0 }
}

/// The result of `Ledger.reconcileGrants`.
public struct GrantReconciliation: Sendable {
    public let lines: [GrantAllocationLine]
    /// Grants whose allocations add up to more than they committed: (code, allocated, committed).
    public let overCommitted: [(grant: String, allocated: Amount, committed: Amount)]
    public let through: LedgerDate
    public var hasDifferences: Bool { lines.contains(where: \.isOverAllocation) || !overCommitted.isEmpty }
}

extension Ledger {
    /// Allocates `amount` (in the grant's currency) of grant `grantCode` to a program, in a
    /// place or (`unitCode` nil) anywhere. Setting it again replaces it; the change is
    /// recorded in the audit trail. Nothing in the journal changes.
    public func allocateGrant(_ grantCode: String, program programCode: String, unit unitCode: String?, amount: Amount, user: String) throws {
        let user = try TextRules.checkedUser(user)
        let now = Timestamp.now()
        try write {
            let grant = try requireGrant(code: grantCode)
            guard amount.currency == grant.currency else {
                throw LedgerError(.currencyMismatch, LocalizedText("grant \(grant.code) is in \(grant.currency.code), but the allocation is in \(amount.currency.code)", "khoản tài trợ \(grant.code) bằng \(grant.currency.code), nhưng phân bổ ghi bằng \(amount.currency.code)"),
                                  hint: LocalizedText("allocate in \(grant.currency.code)", "hãy phân bổ bằng \(grant.currency.code)"))
            }
            guard !amount.isNegative else { throw LedgerError(.invalidAmount, LocalizedText("an allocation cannot be negative", "mức phân bổ không thể âm"), hint: LocalizedText("allocate 0 to remove one", "phân bổ 0 để xóa một mức phân bổ")) }
            let programID = try registryID(.program, code: programCode)
            let unitID = try unitCode.map { try registryID(.unit, code: $0) } ?? 0
            try database.execute("""
                INSERT INTO grant_allocation (grant_id, program_id, unit_id, amount_minor, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (grant_id, program_id, unit_id) DO UPDATE SET amount_minor = excluded.amount_minor, set_by = excluded.set_by, set_at = excluded.set_at
                """, [grant.id, programID, unitID, amount.minorUnits, user, now.iso])
            try recordChange(action: "allocate", subject: "grant:\(grant.code)",
                             detail: "\(amount) to program \(programCode) in \(unitCode ?? "any place")", user: user, at: now)
        }
    }

    /// Allocations against spending per grant × program × unit, through the end of `year`
    /// (or everything). Spending is read from the grant's expense lines; an allocation for
    /// "any place" takes the spending of its program in places with no allocation of their own.
    public func reconcileGrants(year: Int?) throws -> GrantReconciliation {
        try read {
            let through = year.map { LedgerDate.lastOf(year: $0) } ?? .latest
            let yearStart = year.map { LedgerDate.firstOf(year: $0).iso } ?? LedgerDate.earliest.iso
            let programs = try codes(of: .program).byID
            let units = try self.units()
            let grants = Dictionary(uniqueKeysWithValues: try self.grants().map { ($0.id, $0) })
            struct Key: Hashable { let grant: Int64, program: Int64, unit: Int64 }
            var allocated: [Key: Int64] = [:]
            try database.forEachRow("SELECT grant_id, program_id, unit_id, amount_minor FROM grant_allocation") {
                allocated[Key(grant: $0.int64(at: 0), program: $0.int64(at: 1), unit: $0.int64(at: 2))] = $0.int64(at: 3)
            }
            var spent: [Key: (all: Int64, year: Int64, children: Int64)] = [:]
            try database.forEachRow("""
                SELECT l.grant_id, coalesce(l.program_id, 0), coalesce(l.unit_id, 0), sum(l.amount_vnd),
                       sum(CASE WHEN e.entry_date >= ?2 THEN l.amount_vnd ELSE 0 END), coalesce(sum(l.children), 0)
                FROM line l JOIN entry e ON e.seq = l.entry_seq JOIN account a ON a.id = l.account_id
                WHERE l.grant_id IS NOT NULL AND a.type = 'expense' AND e.entry_date <= ?1
                GROUP BY 1, 2, 3
                """, [through.iso, yearStart]) { row in
                var key = Key(grant: row.int64(at: 0), program: row.int64(at: 1), unit: row.int64(at: 2))
                if allocated[key] == nil, allocated[Key(grant: key.grant, program: key.program, unit: 0)] != nil {
                    key = Key(grant: key.grant, program: key.program, unit: 0)
                }
                let previous = spent[key] ?? (0, 0, 0)
                spent[key] = (previous.all + row.int64(at: 3), previous.year + row.int64(at: 4), previous.children + row.int64(at: 5))
            }
            var lines: [GrantAllocationLine] = []
            for key in Set(allocated.keys).union(spent.keys) {
                guard let grant = grants[key.grant] else { continue }
                let figures = try grantFigures(grantID: grant.id, through: through)
                let spentDong = spent[key]?.all ?? 0
                let base = figures.receivedDong + figures.fxEffectDong
                let inGrantCurrency: Int64 = grant.currency == .vnd ? spentDong
                    : base > 0 ? Int64(Rate.divideRoundingHalfEven(Int128(spentDong) * Int128(figures.receivedForeign), Int128(base))) : 0
                lines.append(GrantAllocationLine(grantCode: grant.code, programCode: programs[key.program] ?? "(none)",
                                                 unitCode: key.unit == 0 ? nil : units[key.unit]?.code ?? "#\(key.unit)",
                                                 allocated: allocated[key].map { Amount(minorUnits: $0, currency: grant.currency) },
                                                 spentDong: spentDong, spentInYearDong: spent[key]?.year ?? 0,
                                                 spentInGrantCurrency: Amount(minorUnits: inGrantCurrency, currency: grant.currency),
                                                 children: spent[key]?.children ?? 0))
            }
            lines.sort { ($0.grantCode, $0.programCode, $0.unitCode ?? "") < ($1.grantCode, $1.programCode, $1.unitCode ?? "") }
            var overCommitted: [(grant: String, allocated: Amount, committed: Amount)] = []
            for grant in grants.values.sorted(by: { $0.code < $1.code }) {
                let total = allocated.filter { $0.key.grant == grant.id }.values.reduce(0, +)
                let committed = grant.terms(on: through).committed
                if total > committed.minorUnits {
                    overCommitted.append((grant.code, Amount(minorUnits: total, currency: grant.currency), committed))
                }
            }
            return GrantReconciliation(lines: lines, overCommitted: overCommitted, through: through)
        }
    }

    public func grantReconciliationReport(_ reconciliation: GrantReconciliation) throws -> Report {
        var table = ReportTable(key: "allocations", columns: [
            ReportColumn("grant", LocalizedText("Grant", "Khoản tài trợ"), .text), ReportColumn("program", LocalizedText("Program", "Chương trình"), .text),
            ReportColumn("unit", LocalizedText("Place", "Địa bàn"), .text), ReportColumn("allocated", LocalizedText("Allocated", "Phân bổ"), .amount),
            ReportColumn("spent", LocalizedText("Spent (grant currency)", "Đã chi (nguyên tệ)"), .amount),
            ReportColumn("remaining", LocalizedText("Remaining", "Còn lại"), .amount),
            ReportColumn("spent_vnd", LocalizedText("Spent (VND)", "Đã chi (VND)"), .dong),
            ReportColumn("spent_year_vnd", LocalizedText("Spent in the year (VND)", "Chi trong năm (VND)"), .dong),
            ReportColumn("children", LocalizedText("Child-instances", "Lượt trẻ em"), .count),
            ReportColumn("status", LocalizedText("Status", "Tình trạng"), .text),
        ])
        table.rows = reconciliation.lines.map { line in
            let status = line.allocated == nil ? LocalizedText("spent without allocation", "chi khi chưa phân bổ")
                : line.isOverAllocation ? LocalizedText("OVER allocation", "VƯỢT phân bổ") : LocalizedText("within allocation", "trong phân bổ")
            return [.text(line.grantCode), .text(line.programCode), .text(line.unitCode ?? "*"), line.allocated.map { .amount($0) } ?? .empty,
                    .amount(line.spentInGrantCurrency), line.remaining.map { .amount($0) } ?? .empty, .dong(line.spentDong),
                    .dong(line.spentInYearDong), .count(line.children), .localized(status)]
        }
        var tables = [table]
        if !reconciliation.overCommitted.isEmpty {
            var over = ReportTable(key: "over_committed", title: LocalizedText("Allocated beyond the commitment", "Phân bổ vượt cam kết"), columns: [
                ReportColumn("grant", LocalizedText("Grant", "Khoản tài trợ"), .text), ReportColumn("allocated", LocalizedText("Allocated", "Phân bổ"), .amount),
                ReportColumn("committed", LocalizedText("Committed", "Cam kết"), .amount),
            ])
            over.rows = reconciliation.overCommitted.map { [.text($0.grant), .amount($0.allocated), .amount($0.committed)] }
            tables.append(over)
        }
        return try makeReport(key: "reconcile-grants", title: LocalizedText("Grant allocations against spending", "Đối chiếu phân bổ và chi tài trợ"),
                              parameters: [(LocalizedText("Through", "Đến ngày"), .date(reconciliation.through))],
                              tables: tables,
                              notes: [LocalizedText("Place * is an allocation for any place; it takes the program's spending in places without their own allocation. Spending in the grant's currency is at the grant's average received rate.",
                                                    "Địa bàn * là phân bổ không theo địa bàn. Số chi nguyên tệ quy đổi theo tỷ giá bình quân đã nhận.")])
    }
}
