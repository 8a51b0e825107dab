/// The journal as people and machines read it: entries with their lines, in text, CSV or
/// JSON. Beneficiary codes are never written: only their count would reveal nothing, and even
/// that is left out.
public final class JournalListing {
    let accounts: [String: Account]
    let language: Language
    /// Whether entries' hashes are left out: so they are when an entry posted before
    /// beneficiary codes were committed (form cpf-entry-v1) carries codes, since its hash, and
    /// every later one, would let codes be guessed and checked (docs/hash-chain.md).
    public let hashesWithheld: Bool
    private let ledger: Ledger

    public init(ledger: Ledger, language: Language) throws {
        self.ledger = ledger
        self.accounts = try ledger.accountsByCode()
        self.language = language
        self.hashesWithheld = try ledger.hasUncommittedBeneficiaryCodes()
    }

    /// An entry's hash as an output may show it.
    func shownHash(_ entry: JournalEntry) -> String? { hashesWithheld ? nil : entry.hash.hexString }

    /// The CSV columns: one record per line, in the layout `cpf import` reads
    /// (docs/import-formats.md), so an exported journal can be imported into other books.
    /// A foreign line gives its foreign amount under debit or credit and its dong under vnd;
    /// quantity and children are counts, their direction given by the side. The columns after
    /// `restriction` are for the reader: an import ignores them, and refuses reversals and
    /// period records.
    public static let csvColumns = [
        "entry", "date", "memo", "ref", "account", "debit", "credit", "currency", "vnd", "rate", "rate_source", "rate_date",
        "funder", "grant", "program", "unit", "item", "quantity", "children", "line_memo",
        "restriction", "kind", "line_no", "posted_by", "posted_at", "approved_by", "reverses", "hash",
    ]

    public func begin(_ format: ReportFormat) -> String {
        switch format {
        case .csv: CSVWriter.record(JournalListing.csvColumns)
        case .json: "[\n"
        default: ""
        }
    }

    public func end(_ format: ReportFormat) -> String {
        switch format {
        case .json: "\n]\n"
        default: ""
        }
    }

    private var renderedCount = 0

    /// One entry in `format`; call `begin` before the first and `end` after the last.
    public func render(_ entry: JournalEntry, _ format: ReportFormat) throws -> String {
        defer { renderedCount += 1 }
        switch format {
        case .csv: return csv(entry)
        case .json: return (renderedCount > 0 ? ",\n" : "") + json(entry).serialized()
        default: return TextRules.escapingControls(try text(entry))
        }
    }

    /// One entry as text: a header line, then one line per posting line.
    public func text(_ entry: JournalEntry) throws -> String {
        let format = MoneyFormat(language: language)
        // The description as typed, or rendered in the reader's language when cpf generates it.
        let description = try ledger.description(of: entry)(language)
        var header = "#\(entry.seq)  \(format.format(entry.date))  \(description)"
        if let ref = entry.externalRef { header += "  [\(ref)]" }
        if let reversed = entry.reversesSeq { header += language == .vietnamese ? "  (đảo bút toán #\(reversed))" : "  (reverses #\(reversed))" }
        if entry.kind != .journal { header += "  <\(entry.kind.rawValue)>" }
        var text = header + "\n"
        text += "    \(language == .vietnamese ? "người ghi" : "posted by") \(entry.postedBy) \(entry.postedAt.localizedMoment(language))\(language == .vietnamese ? " (giờ Việt Nam)" : "")"
        if let approver = entry.approvedBy { text += language == .vietnamese ? ", duyệt: \(approver)" : ", approved by \(approver)" }
        text += "\n"
        for line in entry.lines {
            let side = line.amountDong > 0 ? (language == .vietnamese ? "Nợ" : "Dr") : (language == .vietnamese ? "Có" : "Cr")
            let name = accounts[line.account.code]?.name(in: language) ?? ""
            var row = "    \(side) \(line.account.code.padding(toLength: 6)) \(name.padding(toLength: 34)) \(format.format(dong: abs(line.amountDong)).leftPadded(toLength: 22))"
            if let foreign = line.foreign {
                let unsigned = Amount(minorUnits: abs(foreign.amount.minorUnits), currency: foreign.amount.currency)
                row += "  \(format.format(unsigned)) @ \(format.rate(foreign.rate)) (\(foreign.rateSource) \(format.format(foreign.rateDate)))"
            }
            let tags = [line.funder.map { "funder=\($0.code)" }, line.grant.map { "grant=\($0.code)" },
                        line.program.map { "program=\($0.code)" }, line.unit.map { "unit=\($0.code)" },
                        line.restriction == .unrestricted ? nil : line.restriction.rawValue,
                        line.item.map { "item=\($0.code) qty=\(abs(line.quantity ?? 0))" },
                        line.children.map { "children=\($0)" }, line.memo.map { SystemMemo.localized($0)(language) }].compactMap { $0 }
            if !tags.isEmpty { row += "  " + tags.joined(separator: " ") }
            text += row + "\n"
        }
        return text
    }

    func csv(_ entry: JournalEntry) -> String {
        let audit = [entry.kind.rawValue, "", entry.postedBy, entry.postedAt.iso, entry.approvedBy ?? "",
                     entry.reversesSeq.map(String.init) ?? "", shownHash(entry) ?? ""]
        let header = [String(entry.seq), entry.date.iso, entry.memo, entry.externalRef ?? ""]
        guard !entry.lines.isEmpty else {
            return CSVWriter.record(header + Array(repeating: "", count: JournalListing.csvColumns.count - header.count - audit.count) + audit)
        }
        var output = ""
        for line in entry.lines {
            let magnitude = line.foreign.map { Amount(minorUnits: abs($0.amount.minorUnits), currency: $0.amount.currency) } ?? .vnd(abs(line.amountDong))
            var lineAudit = audit
            lineAudit[1] = String(line.lineNumber)
            let fields: [String] = [
                line.account.code, line.amountDong > 0 ? magnitude.decimalText : "", line.amountDong < 0 ? magnitude.decimalText : "",
                magnitude.currency.code, String(abs(line.amountDong)),
                line.foreign?.rate.description ?? "", line.foreign?.rateSource ?? "", line.foreign?.rateDate.iso ?? "",
                line.funder?.code ?? "", line.grant?.code ?? "", line.program?.code ?? "", line.unit?.code ?? "",
                line.item?.code ?? "", line.quantity.map { String(abs($0)) } ?? "", line.children.map { String(abs($0)) } ?? "",
                line.memo ?? "", line.restriction.rawValue,
            ]
            output += CSVWriter.record(header + fields + lineAudit)
        }
        return output
    }

    /// One entry as JSON: amounts in minor units, signed (debit positive).
    public func json(_ entry: JournalEntry) -> JSONValue {
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        let lines: [JSONValue] = entry.lines.map { line in
            var fields: [(String, JSONValue)] = [
                ("line_no", .integer(Int64(line.lineNumber))), ("account", .string(line.account.code)),
                ("amount_vnd", .integer(line.amountDong)),
            ]
            if let foreign = line.foreign {
                fields += [("currency", .string(foreign.amount.currency.code)), ("amount_foreign_minor", .integer(foreign.amount.minorUnits)),
                           ("rate", .string(foreign.rate.description)), ("rate_date", .string(foreign.rateDate.iso)),
                           ("rate_source", .string(foreign.rateSource))]
            }
            fields += [("funder", optional(line.funder?.code)), ("grant", optional(line.grant?.code)),
                       ("program", optional(line.program?.code)), ("unit", optional(line.unit?.code)),
                       ("restriction", .string(line.restriction.rawValue)), ("item", optional(line.item?.code)),
                       ("quantity", line.quantity.map(JSONValue.integer) ?? .null),
                       ("children", line.children.map(JSONValue.integer) ?? .null), ("memo", optional(line.memo))]
            // What the chain hashes in place of the codes (form v2): enough to recompute the
            // hash, nothing to learn a code from.
            if entry.format == 2 { fields.append(("beneficiary_commitments", .array(line.beneficiaryCommitments.map { .string($0.hexString) }))) }
            return .object(fields)
        }
        return .object([
            ("seq", .integer(entry.seq)), ("kind", .string(entry.kind.rawValue)), ("date", .string(entry.date.iso)),
            ("memo", .string(entry.memo)), ("ref", optional(entry.externalRef)), ("posted_by", .string(entry.postedBy)),
            ("posted_at", .string(entry.postedAt.iso)), ("approved_by", optional(entry.approvedBy)),
            ("approved_at", optional(entry.approvedAt?.iso)),
            ("reverses_seq", entry.reversesSeq.map(JSONValue.integer) ?? .null), ("format", .integer(Int64(entry.format))),
            ("fact_seq", entry.factSeq.map(JSONValue.integer) ?? .null), ("fact_hash", optional(entry.factHash?.hexString)),
            ("hash", optional(shownHash(entry))),
            ("lines", .array(lines)),
        ])
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }

    func leftPadded(toLength length: Int) -> String {
        count >= length ? self : String(repeating: " ", count: length - count) + self
    }
}
