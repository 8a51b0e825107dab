import ControlQueries

#if canImport(Glibc)
import Glibc
#endif

/// The controls of `cpf audit`, one method each, reading the stored tables directly through
/// the queries in controls/*.sql (`ControlQueries`; docs/audit.md says what each control means).
/// Runs inside the caller's read transaction.
struct Auditor {
    let ledger: Ledger
    let year: Int?
    private var database: Database { ledger.database }
    /// The dates in scope, as ISO text for the queries.
    private var from: String { year.map { LedgerDate.firstOf(year: $0).iso } ?? LedgerDate.earliest.iso }
    private var to: String { year.map { LedgerDate.lastOf(year: $0).iso } ?? LedgerDate.latest.iso }
    /// Findings of one kind beyond this many are summed up in one more finding.
    static let findingsPerKindMax = 20

    init(ledger: Ledger, year: Int?) {
        self.ledger = ledger
        self.year = year
    }

    private func inScope(_ date: LedgerDate) -> Bool { year.map { date.year == $0 } ?? true }

    /// Keeps the first findings and sums up the rest.
    private func capped(_ findings: [AuditFinding], _ control: AuditControl, _ what: LocalizedText) -> [AuditFinding] {
        guard findings.count > Auditor.findingsPerKindMax else { return findings }
        let rest = findings.dropFirst(Auditor.findingsPerKindMax)
        return Array(findings.prefix(Auditor.findingsPerKindMax))
            + [AuditFinding(control, rest.contains { $0.severity == .error } ? .error : .warning,
                            LocalizedText("\(rest.count) more \(what)", "thêm \(rest.count) \(what)"), entries: rest.flatMap(\.entries))]
    }

    // MARK: Entries balance

    /// Every journal entry has two or more lines summing to zero; a period record has none;
    /// no line belongs to a missing entry.
    func entriesBalance() throws -> [AuditFinding] {
        var findings: [AuditFinding] = []
        try database.forEachRow(ControlQueries.unbalancedEntries, [from, to]) { row in
            let seq = row.int64(at: 0), kind = row.text(at: 1), lines = row.int64(at: 2), sum = row.int64(at: 3)
            let message = kind != "journal" ? LocalizedText("entry \(seq) is a \(kind) record but has \(lines) line(s)", "bút toán \(seq) là bản ghi \(kind) nhưng có \(lines) dòng")
                : lines < 2 ? LocalizedText("entry \(seq) has \(lines) line(s); a journal entry has at least two", "bút toán \(seq) có \(lines) dòng; một bút toán sổ nhật ký có ít nhất hai dòng")
                : LocalizedText("entry \(seq) does not balance: its lines sum to \(sum) VND (debits minus credits)", "bút toán \(seq) không cân: các dòng cộng lại được \(dong: sum) (Nợ trừ Có)")
            findings.append(AuditFinding(.entriesBalance, .error, message, entries: [seq]))
        }
        try database.forEachRow(ControlQueries.orphanLines) { row in
            findings.append(AuditFinding(.entriesBalance, .error, LocalizedText("lines of entry \(row.int64(at: 0)) exist, but the entry does not", "có các dòng của bút toán \(row.int64(at: 0)) nhưng không có bút toán đó"), entries: [row.int64(at: 0)]))
        }
        return capped(findings, .entriesBalance, LocalizedText("unbalanced entries", "bút toán không cân"))
    }

    // MARK: Chain

    /// `Ledger.verify`: the hash chain, the gapless sequence, the maintained totals and the
    /// period lock against the chain's period records.
    func chain() throws -> [AuditFinding] {
        let report = try ledger.verify()
        var findings = report.findings.map { AuditFinding(.chain, .error, $0.text, entries: $0.seq.map { [$0] } ?? []) }
        if report.findingsOmitted > 0 {
            findings.append(AuditFinding(.chain, .error, LocalizedText("\(report.findingsOmitted) more problems found by verify", "kiểm tra sổ còn phát hiện thêm \(report.findingsOmitted) vấn đề")))
        }
        return findings
    }

    // MARK: Closed periods

    /// The date `text` names, or `nil` with a finding of `control` when it names none: a row
    /// the control cannot date is reported, never skipped.
    func readDate(_ text: String, _ control: AuditControl, entries: [Int64], into findings: inout [AuditFinding]) -> LedgerDate? {
        if let date = try? LedgerDate.parse(text) { return date }
        findings.append(AuditFinding(control, .error, LocalizedText("a date '\(text.prefix(30))' that is not a date was found, so this control could not check the row: the ledger was changed outside cpf", "có giá trị ngày '\(text.prefix(30))' không phải là ngày, nên kiểm soát này không kiểm tra được dòng đó: sổ đã bị sửa ngoài cpf"),
                                     entries: entries))
        return nil
    }

    /// Walks the chain in order, keeping the lock each period record sets: a journal entry
    /// dated on or before the lock in force when it was posted broke the lock.
    func closedPeriods() throws -> [AuditFinding] {
        var findings: [AuditFinding] = []
        var lock: LedgerDate?
        var lockSeq: Int64 = 0
        try database.forEachRow(ControlQueries.closedPeriods) { row in
            let seq = row.int64(at: 0), kind = try StoredValue.decode(EntryKind.self, row.text(at: 1), "entry.kind")
            guard let date = readDate(row.text(at: 2), .closedPeriods, entries: [seq], into: &findings) else { return }
            switch kind {
            case .periodClose:
                lock = date
                lockSeq = seq
            case .periodReopen:
                let first = date.firstOfMonth
                lock = first == .earliest ? nil : first.adding(days: -1)
                lockSeq = seq
            case .journal:
                if let through = lock, date <= through, inScope(date) {
                    findings.append(AuditFinding(.closedPeriods, .error,
                                                 LocalizedText("entry \(seq) is dated \(date), in a period closed through \(through) by entry \(lockSeq) when it was posted", "bút toán \(seq) ghi ngày \(date), trong kỳ đã khóa sổ đến ngày \(through) bởi bút toán \(lockSeq) vào lúc nó được ghi"),
                                                 entries: [seq, lockSeq]))
                }
            }
        }
        return capped(findings, .closedPeriods, LocalizedText("entries dated in closed periods", "bút toán ghi ngày trong kỳ đã khóa sổ"))
    }

    // MARK: Foreign rates

    /// A line in a foreign currency carries its rate, the rate's date and a source; a line on
    /// a foreign-currency account is in that currency.
    func foreignRates() throws -> [AuditFinding] {
        var findings: [AuditFinding] = []
        try database.forEachRow(ControlQueries.foreignRates, [from, to]) { row in
            let seq = row.int64(at: 0), line = row.int64(at: 1), account = row.text(at: 2)
            let message: LocalizedText
            if row.isNull(at: 4) {
                message = LocalizedText("entry \(seq) line \(line): account \(account) is kept in \(row.text(at: 3)), but the line has no foreign amount", "bút toán \(seq) dòng \(line): tài khoản \(account) ghi bằng \(row.text(at: 3)), nhưng dòng không có số nguyên tệ")
            } else if row.text(at: 4) != row.text(at: 3) && row.text(at: 3) != "VND" {
                message = LocalizedText("entry \(seq) line \(line): account \(account) is kept in \(row.text(at: 3)), but the line is in \(row.text(at: 4))", "bút toán \(seq) dòng \(line): tài khoản \(account) ghi bằng \(row.text(at: 3)), nhưng dòng ghi bằng \(row.text(at: 4))")
            } else {
                let missing = LocalizedText.joined([(5, LocalizedText("rate", "tỷ giá")), (6, LocalizedText("rate date", "ngày tỷ giá")), (7, LocalizedText("rate source", "nguồn tỷ giá"))]
                    .filter { row.isNull(at: Int32($0.0)) || row.text(at: Int32($0.0)).allSatisfy(\.isWhitespace) }.map(\.1), separator: LocalizedText(verbatim: ", "))
                message = LocalizedText("entry \(seq) line \(line): the \(row.text(at: 4)) amount on account \(account) has no \(missing)", "bút toán \(seq) dòng \(line): số tiền \(row.text(at: 4)) trên tài khoản \(account) thiếu \(missing)")
            }
            findings.append(AuditFinding(.foreignRates, .error, message, entries: [seq]))
        }
        return capped(findings, .foreignRates, LocalizedText("foreign lines without a rate or source", "dòng ngoại tệ thiếu tỷ giá hoặc nguồn"))
    }

    // MARK: Grants

    /// Day by day, each grant's money received plus exchange effect never falls below what
    /// was spent from it (the same definitions as reports/grant-figures.sql, from the lines).
    func grantOverspending() throws -> [AuditFinding] {
        let fxAccount = try ledger.settings().fxDifferenceAccountCode
        var findings: [AuditFinding] = []
        var current: (grant: Int64, code: String, available: Int64, reported: Bool)?
        try database.forEachRow(ControlQueries.grantOverspending, [fxAccount, to]) { row in
            let grant = row.int64(at: 0)
            if current?.grant != grant { current = (grant, row.text(at: 1), 0, false) }
            current!.available += row.int64(at: 3)
            guard let date = readDate(row.text(at: 2), .grantOverspending, entries: [], into: &findings),
                  current!.available < 0, !current!.reported, inScope(date) else { return }
            current!.reported = true
            let entries = row.isNull(at: 4) ? [] : row.text(at: 4).split(separator: ",").compactMap { Int64($0) }
            findings.append(AuditFinding(.grantOverspending, .error,
                                         LocalizedText("grant \(current!.code) is overspent on \(date): spending exceeds what it received (plus exchange effect) by \(-current!.available) VND", "khoản tài trợ \(current!.code) bị chi vượt vào ngày \(date): số chi vượt số đã nhận (cộng chênh lệch tỷ giá) \(dong: -current!.available)"),
                                         entries: entries))
        }
        return findings
    }

    /// Every spending line charged to restricted or designated money meets its grant's terms
    /// in force on its date (programs, places and the units within them, dates, no management
    /// costs, grant active) — the rules `cpf disburse` and `cpf post` apply, re-applied to what is stored.
    func restrictedPurposes() throws -> [AuditFinding] {
        let rules = PostingRules(validator: try EntryValidator(ledger: ledger))
        let accounts = try ledger.accountCodesByID()
        let programs = try ledger.codes(of: .program).byID
        let units = try ledger.units()
        var grants: [Int64: Grant] = [:]
        var findings: [AuditFinding] = []
        try database.forEachRow(ControlQueries.restrictedPurposes, [from, to]) { row in
            let seq = row.int64(at: 0), grantID = row.int64(at: 5)
            guard let date = readDate(row.text(at: 2), .restrictedPurposes, entries: [seq], into: &findings) else { return }
            if grants[grantID] == nil { grants[grantID] = try ledger.grant(id: grantID) }
            guard let grant = grants[grantID] else {
                findings.append(AuditFinding(.restrictedPurposes, .error, LocalizedText("entry \(seq) spends grant #\(grantID), which does not exist", "bút toán \(seq) chi từ khoản tài trợ #\(grantID), khoản này không tồn tại"), entries: [seq]))
                return
            }
            let terms = grant.terms(on: date)
            let programID = row.isNull(at: 6) ? nil : row.int64(at: 6)
            let unitID = row.isNull(at: 7) ? nil : row.int64(at: 7)
            let line = PostedLine(lineNumber: Int(row.int64(at: 1)),
                                  account: RegistryReference(id: row.int64(at: 3), code: accounts[row.int64(at: 3)] ?? "?"),
                                  amountDong: row.int64(at: 4), grant: RegistryReference(id: grant.id, code: grant.code),
                                  program: programID.map { RegistryReference(id: $0, code: programs[$0] ?? "#\($0)") },
                                  unit: unitID.map { RegistryReference(id: $0, code: units[$0]?.code ?? "#\($0)") },
                                  restriction: try StoredValue.decode(Restriction.self, row.text(at: 8), "line.restriction"))
            do {
                try rules.checkSpending(line, grant: grant, terms: terms, date: date)
            } catch let error as LedgerError {
                findings.append(AuditFinding(.restrictedPurposes, .error, LocalizedText("entry \(seq) line \(line.lineNumber): \(error.message)", "bút toán \(seq) dòng \(line.lineNumber): \(error.explanation)"), entries: [seq]))
            }
        }
        return capped(findings, .restrictedPurposes, LocalizedText("spending lines outside their grants' terms", "dòng chi ngoài điều khoản của khoản tài trợ"))
    }

    // MARK: Management cap

    /// For each year in scope, management costs within the cap (reports/management-cap.sql).
    func managementCap() throws -> [AuditFinding] {
        let years: [Int] = try year.map { [$0] } ?? database.rows(ControlQueries.journalYears) { Int($0.int64(at: 0)) }
        var findings: [AuditFinding] = []
        for year in years {
            let cap = try ledger.managementCap(from: .firstOf(year: year), to: .lastOf(year: year))
            guard !cap.isWithinCap else { continue }
            let account = try ledger.settings().managementAccountCode
            let entries = try database.rows(ControlQueries.managementCostEntries, [account, LedgerDate.firstOf(year: year).iso, LedgerDate.lastOf(year: year).iso]) { $0.int64(at: 0) }
            findings.append(AuditFinding(.managementCap, .error,
                                         LocalizedText("\(year): management costs of \(cap.managementDong) VND exceed the cap of \(cap.capDong) VND (\(cap.capPercent) % of \(cap.qualifyingDong) VND qualifying revenue) by \(cap.managementDong - cap.capDong) VND", "\(year): chi phí quản lý \(dong: cap.managementDong) vượt mức trần \(dong: cap.capDong) (\(cap.capPercent) % của \(dong: cap.qualifyingDong) số thu làm căn cứ) \(dong: cap.managementDong - cap.capDong)"),
                                         entries: entries))
        }
        return findings
    }

    // MARK: Negative balances

    /// Lines agree with their accounts, as posting requires (docs/posting-rules.md, step 7): a
    /// cash or bank account carries only its own currency, and a program on an expense line is
    /// one whose expense account that is. Books written before the rule may break it.
    func linesAgree() throws -> [AuditFinding] {
        let roles = try AccountRoles.of(ledger)
        let programs = try ledger.codes(of: .program).byID
        var findings: [AuditFinding] = []
        try database.forEachRow(ControlQueries.linesAgree, [from, to]) { row in
            let seq = row.int64(at: 0), line = row.int64(at: 1), code = row.text(at: 4)
            if row.text(at: 5) == "asset" {
                findings.append(AuditFinding(.linesAgree, .error, LocalizedText("entry \(seq) line \(line): account \(code) holds only \(row.text(at: 6)), but the line is in \(row.text(at: 7))", "bút toán \(seq) dòng \(line): tài khoản \(code) chỉ ghi bằng \(row.text(at: 6)), nhưng dòng ghi bằng \(row.text(at: 7))"), entries: [seq]))
                return
            }
            let program = row.int64(at: 8)
            guard !(roles.programsByExpenseAccount[row.int64(at: 3)] ?? []).contains(program) else { return }
            findings.append(AuditFinding(.linesAgree, .error, LocalizedText("entry \(seq) line \(line): program \(programs[program] ?? "#\(program)") is booked on account \(code), which is not its expense account", "bút toán \(seq) dòng \(line): chương trình \(programs[program] ?? "#\(program)") được hạch toán vào tài khoản \(code), không phải tài khoản chi của nó"), entries: [seq]))
        }
        return capped(findings, .linesAgree, LocalizedText("lines that disagree with their accounts", "dòng không khớp với tài khoản"))
    }

    /// Cash (111…) and bank (112…) accounts, in dong and in their own currency, and each goods
    /// item's quantity and value, at the end of every day: none is ever negative.
    func negativeBalances() throws -> [AuditFinding] {
        let goodsCode = try ledger.settings().goodsAccountCode
        var findings: [AuditFinding] = []
        // Cash and bank, by account and day.
        var current: (account: Int64, dong: Int64, foreign: Int64, reported: Bool)?
        try database.forEachRow(ControlQueries.moneyByDay) { row in
            let account = row.int64(at: 0)
            if current?.account != account { current = (account, 0, 0, false) }
            current!.dong += row.int64(at: 3)
            current!.foreign += row.int64(at: 4)
            let foreignCurrency = row.text(at: 6)
            guard let date = readDate(row.text(at: 2), .negativeBalances, entries: [], into: &findings),
                  current!.dong < 0 || (foreignCurrency != "VND" && current!.foreign < 0), !current!.reported, inScope(date) else { return }
            current!.reported = true
            let foreign = Amount(minorUnits: current!.foreign, currency: Currency.named(foreignCurrency) ?? .usd)
            let balance = current!.dong < 0 ? LocalizedText("\(current!.dong) VND", "\(dong: current!.dong)") : LocalizedText("\(foreign)", "\(foreign)")
            findings.append(AuditFinding(.negativeBalances, .error, LocalizedText("account \(row.text(at: 1)) is negative at the end of \(date): \(balance)", "tài khoản \(row.text(at: 1)) bị âm vào cuối ngày \(date): \(balance)"),
                                         entries: row.text(at: 5).split(separator: ",").compactMap { Int64($0) }))
        }
        // Goods, by item and day, on the goods account and its sub-accounts.
        var item: (id: Int64, quantity: Int64, dong: Int64, reported: Bool)?
        try database.forEachRow(ControlQueries.goodsByDay, [goodsCode]) { row in
            let id = row.int64(at: 0)
            if item?.id != id { item = (id, 0, 0, false) }
            item!.quantity += row.int64(at: 3)
            item!.dong += row.int64(at: 4)
            guard let date = readDate(row.text(at: 2), .negativeBalances, entries: [], into: &findings),
                  item!.quantity < 0 || item!.dong < 0, !item!.reported, inScope(date) else { return }
            item!.reported = true
            findings.append(AuditFinding(.negativeBalances, .error,
                                         LocalizedText("goods item \(row.text(at: 1)) is negative at the end of \(date): \(item!.quantity) on hand, \(item!.dong) VND", "mặt hàng \(row.text(at: 1)) bị âm vào cuối ngày \(date): tồn \(item!.quantity), \(dong: item!.dong)"),
                                         entries: row.text(at: 5).split(separator: ",").compactMap { Int64($0) }))
        }
        return findings
    }

    // MARK: Sub-ledgers

    /// The goods sub-ledger (by item) adds up to the goods account, every goods line names an
    /// item, and an item with nothing on hand carries no value; the grants sub-ledger: every
    /// line of a grant names the grant's funder and carries the grant's restriction.
    func subLedgers() throws -> [AuditFinding] {
        let goodsCode = try ledger.settings().goodsAccountCode
        var findings: [AuditFinding] = []
        try database.forEachRow(ControlQueries.goodsLinesWithoutItem, [goodsCode, from, to]) { row in
            findings.append(AuditFinding(.subLedgers, .error, LocalizedText("\(row.int64(at: 1)) line(s) on goods account \(row.text(at: 0)) name no goods item, so the goods sub-ledger cannot agree with it", "\(row.int64(at: 1)) dòng trên tài khoản hàng hóa \(row.text(at: 0)) không ghi mặt hàng, nên sổ chi tiết hàng hóa không thể khớp"),
                                         entries: row.text(at: 2).split(separator: ",").compactMap { Int64($0) }))
        }
        try database.forEachRow(ControlQueries.goodsItemsWithValueOnly, [goodsCode, to]) { row in
            findings.append(AuditFinding(.subLedgers, .warning, LocalizedText("goods item \(row.text(at: 0)) has none on hand but still carries \(row.int64(at: 2)) VND", "mặt hàng \(row.text(at: 0)) không còn tồn kho nhưng vẫn còn giá trị \(dong: row.int64(at: 2))")))
        }
        var grants: [Int64: Grant] = [:]
        try database.forEachRow(ControlQueries.grantLines, [from, to]) { row in
            let seq = row.int64(at: 0), grantID = row.int64(at: 3)
            if grants[grantID] == nil { grants[grantID] = try ledger.grant(id: grantID) }
            guard let grant = grants[grantID], let date = readDate(row.text(at: 2), .subLedgers, entries: [seq], into: &findings) else { return }
            let funderID = row.isNull(at: 4) ? nil : row.int64(at: 4)
            if funderID != grant.funderID {
                findings.append(AuditFinding(.subLedgers, .error, LocalizedText("entry \(seq) line \(row.int64(at: 1)) is charged to grant \(grant.code) but not to its funder \(grant.funderCode)", "bút toán \(seq) dòng \(row.int64(at: 1)) ghi vào khoản tài trợ \(grant.code) nhưng không ghi nhà tài trợ \(grant.funderCode) của nó"), entries: [seq]))
            } else if grant.terms(on: date).restriction.rawValue != row.text(at: 5) {
                findings.append(AuditFinding(.subLedgers, .error, LocalizedText("entry \(seq) line \(row.int64(at: 1)) carries grant \(grant.code) as \(row.text(at: 5)) money, but the grant's money is \(grant.terms(on: date).restriction.rawValue)", "bút toán \(seq) dòng \(row.int64(at: 1)) ghi khoản tài trợ \(grant.code) là tiền \(row.text(at: 5)), nhưng tiền của khoản tài trợ là \(grant.terms(on: date).restriction.rawValue)"), entries: [seq]))
            }
        }
        return capped(findings, .subLedgers, LocalizedText("sub-ledger disagreements", "chỗ không khớp giữa sổ chi tiết và sổ cái"))
    }

    // MARK: References, reversals, approvals

    func duplicateReferences() throws -> [AuditFinding] {
        try database.rows(ControlQueries.duplicateReferences) { row in
            let entries = row.text(at: 1).split(separator: ",").compactMap { Int64($0) }
            return AuditFinding(.duplicateReferences, .error, LocalizedText("reference \(row.text(at: 0)) is used by \(entries.count) entries: \(entries.map(String.init).joined(separator: ", "))", "số chứng từ \(row.text(at: 0)) được dùng cho \(entries.count) bút toán: \(entries.map(String.init).joined(separator: ", "))"), entries: entries)
        }
    }

    /// A reversal points at an existing journal entry that is not itself a reversal, no entry
    /// is reversed twice, and a reversal's lines mirror the original's.
    func reversals() throws -> [AuditFinding] {
        var findings: [AuditFinding] = []
        try database.forEachRow(ControlQueries.reversalTargets) { row in
            let seq = row.int64(at: 0), target = row.int64(at: 1)
            if row.isNull(at: 2) {
                findings.append(AuditFinding(.reversals, .error, LocalizedText("entry \(seq) reverses entry \(target), which does not exist", "bút toán \(seq) đảo bút toán \(target), bút toán này không tồn tại"), entries: [seq]))
            } else if row.text(at: 3) != "journal" {
                findings.append(AuditFinding(.reversals, .error, LocalizedText("entry \(seq) reverses entry \(target), a \(row.text(at: 3)) record", "bút toán \(seq) đảo bút toán \(target), là một bản ghi \(row.text(at: 3))"), entries: [seq, target]))
            } else if !row.isNull(at: 4) {
                findings.append(AuditFinding(.reversals, .warning, LocalizedText("entry \(seq) reverses entry \(target), which is itself a reversal", "bút toán \(seq) đảo bút toán \(target), bản thân bút toán đó là bút toán đảo"), entries: [seq, target]))
            } else if row.int64(at: 5) == 1 {
                findings.append(AuditFinding(.reversals, .warning, LocalizedText("entry \(seq) is dated before entry \(target), which it reverses", "bút toán \(seq) ghi ngày trước bút toán gốc \(target) mà nó đảo"), entries: [seq, target]))
            }
        }
        try database.forEachRow(ControlQueries.reversedTwice) { row in
            let entries = row.text(at: 1).split(separator: ",").compactMap { Int64($0) }
            findings.append(AuditFinding(.reversals, .error, LocalizedText("entry \(row.int64(at: 0)) is reversed \(entries.count) times, by entries \(entries.map(String.init).joined(separator: ", "))", "bút toán \(row.int64(at: 0)) bị đảo \(entries.count) lần, bởi các bút toán \(entries.map(String.init).joined(separator: ", "))"),
                                         entries: [row.int64(at: 0)] + entries))
        }
        // The mirror: per account and dimensions, the reversal's lines cancel the original's.
        try database.forEachRow(ControlQueries.reversalsNotMirrored) { row in
            findings.append(AuditFinding(.reversals, .error, LocalizedText("entry \(row.int64(at: 0)) does not mirror entry \(row.int64(at: 1)), which it reverses: their lines do not cancel", "bút toán \(row.int64(at: 0)) không đối xứng với bút toán gốc \(row.int64(at: 1)) mà nó đảo: các dòng không triệt tiêu nhau"),
                                         entries: [row.int64(at: 0), row.int64(at: 1)]))
        }
        return findings
    }

    /// Nobody approved their own entry; an approved pending entry was posted as submitted and
    /// approved; and no entry at or above the threshold in force when it was posted went in
    /// without approval (the threshold's history is in the audit trail).
    func makerChecker() throws -> [AuditFinding] {
        var findings: [AuditFinding] = []
        try database.forEachRow(ControlQueries.selfApprovals) { row in
            findings.append(AuditFinding(.makerChecker, .error, LocalizedText("entry \(row.int64(at: 0)) was approved by the person who posted it (\(row.text(at: 1)))", "bút toán \(row.int64(at: 0)) được chính người lập duyệt (\(row.text(at: 1)))"), entries: [row.int64(at: 0)]))
        }
        try database.forEachRow(ControlQueries.approvedPendingEntries) { row in
            let seq = row.int64(at: 1)
            findings.append(AuditFinding(.makerChecker, .error,
                                         row.isNull(at: 2) ? LocalizedText("pending entry \(row.int64(at: 0)) is marked approved as entry \(seq), which does not exist", "bút toán chờ duyệt \(row.int64(at: 0)) được đánh dấu đã duyệt thành bút toán \(seq), bút toán này không tồn tại")
                                                           : LocalizedText("entry \(seq) does not match its approval (pending entry \(row.int64(at: 0)): submitted by \(row.text(at: 5)), approved by \(row.text(at: 6)))", "bút toán \(seq) không khớp với lần duyệt của nó (bút toán chờ duyệt \(row.int64(at: 0)): \(row.text(at: 5)) lập, \(row.text(at: 6)) duyệt)"),
                                         entries: row.isNull(at: 2) ? [] : [seq]))
        }
        // The threshold in force at each moment, from the audit trail of settings.
        var thresholds: [(since: String, dong: Int64?)] = []
        try database.forEachRow(ControlQueries.approvalThresholdHistory) { row in
            let after = row.text(at: 1).split(separator: "→ ", omittingEmptySubsequences: false).last.map(String.init) ?? "none"
            thresholds.append((row.text(at: 0), Int64(after.split(separator: " ").first ?? "")))
        }
        guard !thresholds.isEmpty else { return findings }
        var unapproved: [Int64] = []
        try database.forEachRow(ControlQueries.entriesByDebitTotal, [thresholds[0].since, from, to]) { row in
            let postedAt = row.text(at: 1)
            guard let threshold = thresholds.last(where: { $0.since <= postedAt })?.dong, row.int64(at: 2) >= threshold else { return }
            unapproved.append(row.int64(at: 0))
        }
        if !unapproved.isEmpty {
            findings.append(AuditFinding(.makerChecker, .error,
                                         LocalizedText("\(unapproved.count) entr\(unapproved.count == 1 ? "y" : "ies") at or above the approval threshold in force went in without a second person's approval", "\(unapproved.count) bút toán bằng hoặc trên ngưỡng phê duyệt đang áp dụng đã được ghi mà không có người thứ hai duyệt"),
                                         entries: unapproved))
        }
        return findings
    }

    // MARK: File privacy

    /// The ledger holds children's codes: its file (and its journal files) must be readable
    /// and writable by its owner only. `cpf` creates them so; a copy made otherwise may not be.
    func filePrivacy() throws -> [AuditFinding] {
        var findings: [AuditFinding] = []
        for path in [database.path, database.path + "-wal", database.path + "-shm"] {
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            let mode = info.st_mode & 0o777
            guard mode & 0o077 != 0 else { continue }
            findings.append(AuditFinding(.filePrivacy, .error,
                                         LocalizedText("\(path) can be read or written by other users of the machine (mode \(String(mode, radix: 8))); it holds children's codes — make it private: chmod 600 \(path)", "người dùng khác trên máy có thể đọc hoặc ghi \(path) (quyền \(String(mode, radix: 8))); tệp chứa mã của trẻ em — hãy đặt riêng tư: chmod 600 \(path)")))
        }
        return findings
    }
}
