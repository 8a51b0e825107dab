/// A yearly plan amount (kế hoạch) for plan-versus-actual.
public struct Plan: Sendable, Equatable {
    public let year: Int
    /// A program, or `nil` for all programs.
    public let programCode: String?
    /// A funding source (funder kind), or `nil` for all sources.
    public let source: FunderKind?
    public let amountDong: Int64
}

extension Ledger {
    /// Sets the plan for a year, program and funding source; setting it again replaces the
    /// amount, and the audit trail keeps each value.
    public func setPlan(year: Int, programCode: String?, source: FunderKind?, amount: Amount, user: String) throws {
        let user = try TextRules.checkedUser(user)
        guard (1900...2199).contains(year) else {
            throw LedgerError(.invalidDate, LocalizedText("year \(year) is outside 1900…2199", "năm \(year) nằm ngoài khoảng 1900…2199"), hint: LocalizedText("give a four-digit year, e.g. \(parameter: .year, "2018")", "hãy ghi năm bốn chữ số, ví dụ \(parameter: .year, "2018")"))
        }
        guard amount.currency == .vnd, amount.minorUnits >= 0 else {
            throw LedgerError(.invalidAmount, LocalizedText("plans are in VND; \(amount) is not", "kế hoạch ghi bằng VND; \(amount) thì không"), hint: LocalizedText("give e.g. \(parameter: .amount, "\"240000000 VND\"")", "ví dụ \(parameter: .amount, "\"240000000 VND\"")"))
        }
        let now = Timestamp.now()
        try write {
            if let programCode { _ = try registryID(.program, code: programCode) }
            try database.execute("""
                INSERT INTO plan (year, program_code, source, amount_vnd, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (year, program_code, source) DO UPDATE SET amount_vnd = excluded.amount_vnd, set_by = excluded.set_by, set_at = excluded.set_at
                """, [year, programCode ?? "", source?.rawValue ?? "", amount.minorUnits, user, now.iso])
            try recordChange(action: "plan-set", subject: "plan:\(year):\(programCode ?? "*"):\(source?.rawValue ?? "*")",
                             detail: MoneyFormat.english.format(amount), user: user, at: now)
        }
    }

    /// The plans of a year, or of every year.
    public func plans(year: Int? = nil) throws -> [Plan] {
        try database.rows("SELECT year, program_code, source, amount_vnd FROM plan WHERE ?1 IS NULL OR year = ?1 ORDER BY year, program_code, source", [year]) { row in
            Plan(year: row.int(at: 0), programCode: row.text(at: 1).isEmpty ? nil : row.text(at: 1),
                 source: FunderKind(rawValue: row.text(at: 2)), amountDong: row.int64(at: 3))
        }
    }
}
