/// The controls `cpf audit` runs (docs/domain.md §5), each stable by name.
public enum AuditControl: String, Sendable, CaseIterable {
    case entriesBalance = "entries-balance"
    case chain
    case closedPeriods = "closed-periods"
    case foreignRates = "foreign-rates"
    case grantOverspending = "grant-overspending"
    case restrictedPurposes = "restricted-purposes"
    case managementCap = "management-cap"
    case negativeBalances = "negative-balances"
    case linesAgree = "lines-agree"
    case subLedgers = "sub-ledgers"
    case duplicateReferences = "duplicate-references"
    case reversals
    case makerChecker = "maker-checker"
    case filePrivacy = "file-privacy"

    public var title: LocalizedText {
        switch self {
        case .entriesBalance: LocalizedText("Every entry balances", "Mọi bút toán cân đối")
        case .chain: LocalizedText("The hash chain and maintained totals verify", "Chuỗi băm và số tổng hợp khớp")
        case .closedPeriods: LocalizedText("No entry in a closed period", "Không có bút toán trong kỳ đã khóa")
        case .foreignRates: LocalizedText("Every foreign line has its rate and source", "Mọi dòng ngoại tệ có tỷ giá và nguồn")
        case .grantOverspending: LocalizedText("No grant overspent", "Không khoản tài trợ nào chi vượt")
        case .restrictedPurposes: LocalizedText("Restricted and designated money spent on its purposes", "Tiền có điều kiện, theo địa chỉ chi đúng mục đích")
        case .managementCap: LocalizedText("Management costs within the cap", "Chi phí quản lý trong mức trần")
        case .negativeBalances: LocalizedText("No negative cash, bank or goods balance", "Không có số dư tiền, ngân hàng, hàng hóa âm")
        case .linesAgree: LocalizedText("Lines agree with their accounts", "Dòng bút toán khớp với tài khoản")
        case .subLedgers: LocalizedText("Sub-ledgers agree with the general ledger", "Sổ chi tiết khớp sổ cái")
        case .duplicateReferences: LocalizedText("No duplicate external references", "Không trùng số chứng từ")
        case .reversals: LocalizedText("Reversals point at real entries, once each", "Bút toán đảo trỏ đúng bút toán gốc, một lần")
        case .makerChecker: LocalizedText("Maker–checker respected", "Tuân thủ người lập – người duyệt")
        case .filePrivacy: LocalizedText("The ledger file is private to its owner", "Tệp sổ chỉ chủ sở hữu được đọc")
        }
    }
}

/// One thing an audit found.
public struct AuditFinding: Sendable, Equatable {
    public enum Severity: String, Sendable {
        /// A broken rule: `cpf audit` exits 1.
        case error
        /// Worth a look; not a broken rule.
        case warning
    }

    public let control: AuditControl
    public let severity: Severity
    /// What was found, in both languages.
    public let text: LocalizedText
    /// The entries behind the finding (sequence numbers), when there are any.
    public let entries: [Int64]

    /// What was found, in English (logs and tests).
    public var message: String { text.english }

    public init(_ control: AuditControl, _ severity: Severity, _ text: LocalizedText, entries: [Int64] = []) {
        self.control = control
        self.severity = severity
        self.text = text
        self.entries = entries
    }
}

/// What `Ledger.audit` found, control by control.
public struct AuditResult: Sendable {
    /// Every control run, in order, with its findings.
    public let controls: [(control: AuditControl, findings: [AuditFinding])]
    /// The scope: a year, or the whole books.
    public let year: Int?
    public let entryCount: Int64

    public var findings: [AuditFinding] { controls.flatMap(\.findings) }
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    public func findings(for control: AuditControl) -> [AuditFinding] {
        controls.first { $0.control == control }?.findings ?? []
    }
}

extension Ledger {
    /// Runs every control of docs/domain.md §5 over the stored books, trusting nothing the program
    /// maintains except where it is itself checked (the chain control recomputes the hashes
    /// and the maintained totals from the lines).
    ///
    /// - Parameter year: limits the date-based controls to entries dated in that year; the
    ///   chain, reversal, reference and maker–checker controls always cover the whole books.
    public func audit(year: Int? = nil) throws -> AuditResult {
        try read {
            let auditor = Auditor(ledger: self, year: year)
            let controls: [(AuditControl, () throws -> [AuditFinding])] = [
                (.entriesBalance, auditor.entriesBalance), (.chain, auditor.chain), (.closedPeriods, auditor.closedPeriods),
                (.foreignRates, auditor.foreignRates), (.grantOverspending, auditor.grantOverspending),
                (.restrictedPurposes, auditor.restrictedPurposes), (.managementCap, auditor.managementCap),
                (.negativeBalances, auditor.negativeBalances), (.linesAgree, auditor.linesAgree), (.subLedgers, auditor.subLedgers),
                (.duplicateReferences, auditor.duplicateReferences), (.reversals, auditor.reversals),
                (.makerChecker, auditor.makerChecker), (.filePrivacy, auditor.filePrivacy),
            ]
            var results: [(control: AuditControl, findings: [AuditFinding])] = []
            for (control, run) in controls { results.append((control, try run())) }
            let count = try database.scalarInt64("SELECT count(*) FROM entry") ?? 0
            return AuditResult(controls: results, year: year, entryCount: count)
        }
    }

    /// The audit as a report: one row per control with its status, then every finding.
    public func auditReport(_ result: AuditResult) throws -> Report {
        var summary = ReportTable(key: "controls", title: LocalizedText("Controls", "Các kiểm soát"), columns: [
            ReportColumn("control", LocalizedText("Control", "Kiểm soát"), .text), ReportColumn("rule", LocalizedText("Rule", "Mã"), .text),
            ReportColumn("status", LocalizedText("Status", "Kết quả"), .text),
            ReportColumn("errors", LocalizedText("Errors", "Lỗi"), .count), ReportColumn("warnings", LocalizedText("Warnings", "Cảnh báo"), .count),
        ])
        var details = ReportTable(key: "findings", title: LocalizedText("Findings", "Phát hiện"), columns: [
            ReportColumn("severity", LocalizedText("Severity", "Mức"), .text), ReportColumn("rule", LocalizedText("Rule", "Mã"), .text),
            ReportColumn("finding", LocalizedText("Finding", "Nội dung"), .text), ReportColumn("entries", LocalizedText("Entries", "Bút toán"), .text),
        ])
        for (control, findings) in result.controls {
            let errors = findings.filter { $0.severity == .error }.count
            let warnings = findings.count - errors
            let status = errors > 0 ? LocalizedText("FAILED", "KHÔNG ĐẠT") : warnings > 0 ? LocalizedText("passed with warnings", "đạt, có cảnh báo") : LocalizedText("passed", "đạt")
            summary.rows.append([.localized(control.title), .text(control.rawValue), .localized(status), .count(Int64(errors)), .count(Int64(warnings))])
            for finding in findings {
                let shown = finding.entries.prefix(20).map(String.init).joined(separator: " ")
                details.rows.append([.text(finding.severity.rawValue), .text(control.rawValue), .text(finding.message),
                                     .text(finding.entries.count > 20 ? shown + " … (\(finding.entries.count))" : shown)])
            }
        }
        let verdict = result.hasErrors ? LocalizedText("errors found", "có lỗi") : LocalizedText("no errors", "không có lỗi")
        return try makeReport(key: "audit", title: LocalizedText("Audit", "Kiểm toán"),
                              parameters: [(LocalizedText("Scope", "Phạm vi"), .localized(result.year.map { LocalizedText("entries dated in \($0)", "bút toán năm \($0)") } ?? LocalizedText("the whole books", "toàn bộ sổ"))),
                                           (LocalizedText("Entries in the books", "Số bút toán"), .count(result.entryCount)),
                                           (LocalizedText("Result", "Kết luận"), .localized(verdict))],
                              tables: [summary, details],
                              notes: [LocalizedText("Each control is described in docs/audit.md; its query is in controls/ (controls/README.md).",
                                                    "Mỗi kiểm soát được mô tả trong docs/audit.md; câu truy vấn của nó ở thư mục controls/ (controls/README.md).")])
    }
}
