/// The books as a plain-text journal that hledger and ledger (`.hledger`) or Beancount
/// (`.beancount`) read, so an auditor can check them with tools they already trust.
///
/// Every account is named by its type and code (`Assets:1122`, `Income:5121`): the balance
/// hledger or Beancount computes for `Assets:1122` is the balance `cpf report trial-balance`
/// shows for 1122. A foreign-currency line is written with its total cost in dong
/// (`10000.00 USD @@ 227500000 VND`), so each transaction balances in VND to the dong and
/// `hledger bal --cost` (or Beancount's weights) gives the dong figures. Dimensions go into
/// tags (hledger, ledger) or metadata (Beancount); beneficiary codes are never written.
/// Period records and entries waiting for approval carry no lines and are left out.
public enum PlainTextJournalFormat: String, Sendable, CaseIterable {
    case hledger
    case beancount
}

/// Writes entries as a plain-text journal, one at a time.
public struct PlainTextJournalWriter {
    public let format: PlainTextJournalFormat
    private let accountNames: [String: String]

    /// - Parameter accounts: the chart, to name each account by type and code.
    /// An entry's description: its memo, or the one cpf renders for it (`Ledger.description(of:)`).
    private let describe: (JournalEntry) throws -> String

    public init(format: PlainTextJournalFormat, accounts: [Account], describe: @escaping (JournalEntry) throws -> String = { $0.memo }) {
        self.format = format
        self.describe = describe
        accountNames = Dictionary(accounts.map { ($0.code, PlainTextJournalWriter.name(of: $0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// `Assets:1121`: the top-level names both hledger and Beancount know, and the code.
    static func name(of account: Account) -> String {
        let top = switch account.type {
        case .asset: "Assets"
        case .liability: "Liabilities"
        case .netAssets: "Equity"
        case .revenue: "Income"
        case .expense: "Expenses"
        }
        return "\(top):\(account.code)"
    }

    /// What comes before the first entry: a note of where the file comes from and, for
    /// Beancount, the options and the accounts opened.
    public func header(fundName: String, headSeq: Int64, headHash: [UInt8], accounts: [Account]) -> String {
        var text = "; \(singleLine(fundName)): the journal of cpf, entries 1 to \(headSeq); head digest \(headHash.hexString)\n"
        text += "; Accounts are named by type and code; foreign amounts carry their dong cost (@@ … VND).\n\n"
        guard format == .beancount else { return text }
        text += "option \"title\" \(quoted(fundName))\noption \"operating_currency\" \"VND\"\n"
        // Beancount turns `@@ total` into a unit price of 28 significant digits, so a transaction
        // with two such prices can miss zero by 1e-19 VND; whole-dong amounts give it no
        // tolerance of its own. Half a dong admits that dust and no real difference (every
        // amount is whole dong).
        text += "option \"inferred_tolerance_default\" \"VND:0.5\"\n\n"
        for account in accounts.sorted(by: { $0.code < $1.code }) where !account.isHeading {
            text += "1900-01-01 open \(PlainTextJournalWriter.name(of: account))\n"
        }
        return text + "\n"
    }

    /// One entry; "" for an entry without lines.
    public func render(_ entry: JournalEntry) throws -> String {
        guard !entry.lines.isEmpty else { return "" }
        let memo = try describe(entry)
        var text: String
        switch format {
        case .hledger:
            text = "\(entry.date.iso) *"
            if let reference = entry.externalRef { text += " (\(hledgerText(reference, isCode: true)))" }
            text += " \(hledgerText(memo.isEmpty ? "entry \(entry.seq)" : memo, isCode: false))  ; seq:\(entry.seq)"
            if let reversed = entry.reversesSeq { text += ", reverses:\(reversed)" }
            text += "\n"
        case .beancount:
            text = "\(entry.date.iso) * \(quoted(memo))\n  seq: \(entry.seq)\n"
            if let reference = entry.externalRef { text += "  ref: \(quoted(reference))\n" }
            if let reversed = entry.reversesSeq { text += "  reverses: \(reversed)\n" }
        }
        for line in entry.lines { text += posting(line) }
        return text + "\n"
    }

    private func posting(_ line: PostedLine) -> String {
        let account = accountNames[line.account.code] ?? "Assets:\(line.account.code)"
        let amount: String
        if let foreign = line.foreign {
            amount = "\(foreign.amount.decimalText) \(foreign.amount.currency.code) @@ \(abs(line.amountDong)) VND"
        } else {
            amount = "\(line.amountDong) VND"
        }
        let tags: [(String, String)] = [
            line.funder.map { ("funder", $0.code) }, line.grant.map { ("grant", $0.code) },
            line.program.map { ("program", $0.code) }, line.unit.map { ("unit", $0.code) },
            line.restriction == .unrestricted ? nil : ("restriction", line.restriction.rawValue),
            line.item.map { ("item", $0.code) }, line.quantity.map { ("quantity", String($0)) },
            line.children.map { ("children", String($0)) },
        ].compactMap { $0 }
        switch format {
        case .hledger:
            var text = "    \(account)  \(amount)"
            if !tags.isEmpty { text += "  ; " + tags.map { "\($0):\($1)" }.joined(separator: ", ") }
            return text + "\n"
        case .beancount:
            var text = "  \(account)  \(amount)\n"
            for (key, value) in tags { text += "    \(key): \(quoted(value))\n" }
            return text
        }
    }

    /// A Beancount string: double quotes and backslashes escaped, on one line. Inside it a
    /// memo's `;`, `#tag`, `^link` or `key: value` are narration, never a comment, tag, link or
    /// metadata.
    private func quoted(_ text: String) -> String {
        var result = "\""
        for character in singleLine(text) {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }

    /// Text as hledger (and ledger) read it back as text: a transaction's description, or
    /// (`isCode`) its code between parentheses. A `;` would start a comment, whose `name:value`
    /// pairs hledger reads as tags, so it is written as the full-width `；` (U+FF1B). In a code,
    /// `(` and `)` are written `（` and `）` (U+FF08, U+FF09), so a `)` cannot end it early. A
    /// description loses its leading spaces (hledger drops them anyway), and a `(` it would then
    /// start with is written `（`, or hledger would read a code.
    private func hledgerText(_ text: String, isCode: Bool) -> String {
        var line = Substring(singleLine(text))
        if !isCode {
            line = line.drop { $0 == " " }
            if line.first == "(" { line = "（" + line.dropFirst() }
        }
        return String(line.map { character -> Character in
            switch character {
            case ";": "；"
            case "(" where isCode: "（"
            case ")" where isCode: "）"
            default: character
            }
        })
    }

    /// `text` on one line: line breaks and tabs become spaces, and any other control character
    /// is written `\u{XX}` (`TextRules.escapingControls`), so stored text — tampered with,
    /// say — can neither start a journal line of its own nor drive the terminal of someone
    /// reading the file.
    private func singleLine(_ text: String) -> String {
        TextRules.escapingControls(String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }))
    }
}
