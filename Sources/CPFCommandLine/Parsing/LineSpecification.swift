import FundLedger

/// Reads one `--debit`/`--credit` line as a user types it:
///
///     ACCOUNT AMOUNT CURRENCY [@ RATE] [key=value …]
///
///     "1122 10000.00 USD"                       rate from the rate table
///     "1122 10000.00 USD @ 22790 source=VCB"    the rate that applied, and its source
///     "1122 10000.00 USD vnd=227500000"         the dong value, checked against the rate
///     "6111 20000000 VND program=scholarship unit=TN children=20"
///
/// Keys: `vnd`, `source`, `funder`, `grant`, `program`, `unit`, `item`, `qty`, `children`,
/// `beneficiaries` (comma-separated pseudonymous codes), and `memo`, which takes the rest of
/// the line.
enum LineSpecification {
    static let keys = ["vnd", "source", "funder", "grant", "program", "unit", "item", "qty", "children", "beneficiaries", "memo"]

    /// Parses one line. A refusal never quotes a beneficiary code: every fragment of the
    /// `beneficiaries=` value is blanked out of its message and hint.
    static func parse(_ text: String, side: Side) throws -> LineDraft {
        do {
            return try parseUnredacted(text, side: side)
        } catch let error as LedgerError {
            let fragments = beneficiaryFragments(text)
            guard !fragments.isEmpty else { throw error }
            throw LedgerError(error.rule, blank(fragments, in: error.explanation), hint: blank(fragments, in: error.remedy))
        }
    }

    /// The pieces of the text that could identify a child: the value of `beneficiaries=`,
    /// each code in it, and any words after it up to the next `key=value`.
    static func beneficiaryFragments(_ text: String) -> [String] {
        var fragments: [String] = []
        var inCodes = false
        for token in text.split(whereSeparator: \.isWhitespace).map(String.init) {
            if token.lowercased().hasPrefix("beneficiaries=") {
                inCodes = true
                let value = String(token.dropFirst("beneficiaries=".count))
                fragments.append(value)
                fragments += value.split(separator: ",").map(String.init)
            } else if inCodes && !token.contains("=") {
                fragments.append(token)
                fragments += token.split(separator: ",").map(String.init)
            } else {
                inCodes = false
            }
        }
        return fragments.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    static func blank(_ fragments: [String], in text: LocalizedText) -> LocalizedText {
        LocalizedText(english: blank(fragments, in: text.english), vietnamese: blank(fragments, in: text.vietnamese))
    }

    static func blank(_ fragments: [String], in text: String) -> String {
        var result = text
        for fragment in fragments { result = result.replacing(fragment, with: "…") }
        return result
    }

    private static func parseUnredacted(_ text: String, side: Side) throws -> LineDraft {
        let shown = redacted(text)
        var tokens = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let example = LocalizedText("e.g. --\(side.rawValue) \"1121 20000000 VND\"", "ví dụ --\(side.rawValue) \"1121 20000000 VND\"")
        guard tokens.count >= 3 else {
            throw LedgerError(.invalidInput, LocalizedText("the \(side.rawValue) line '\(shown)' needs an account, an amount and a currency", "dòng \(side.rawValue) '\(shown)' cần có tài khoản, số tiền và loại tiền"), hint: example)
        }
        let account = tokens.removeFirst()
        try Account.checkCode(account)
        let amount = try Amount.parse(tokens[0] + " " + tokens[1])
        tokens.removeFirst(2)
        var line = LineDraft(accountCode: account, side: side, amount: amount)
        while !tokens.isEmpty {
            let token = tokens.removeFirst()
            if token == "@" || token.hasPrefix("@") {
                let rateText = token == "@" ? (tokens.isEmpty ? "" : tokens.removeFirst()) : String(token.dropFirst())
                line.rate = try Rate.parse(rateText)
                continue
            }
            guard let equals = token.firstIndex(of: "=") else {
                throw LedgerError(.invalidInput, LocalizedText("unexpected '\(redacted(token))' in the \(side.rawValue) line '\(shown)'", "thừa '\(redacted(token))' trong dòng \(side.rawValue) '\(shown)'"),
                                  hint: LocalizedText("after the amount come '@ RATE' and key=value pairs (\(keys.joined(separator: ", ")))",
                                                      "sau số tiền là '@ TỶ_GIÁ' và các cặp khóa=giá trị (\(keys.joined(separator: ", ")))"))
            }
            let key = String(token[..<equals])
            let value = String(token[token.index(after: equals)...])
            if key == "memo" {
                line.memo = ([value] + tokens).joined(separator: " ")
                tokens.removeAll()
                continue
            }
            try apply(key: key, value: value, to: &line)
        }
        return line
    }

    /// The line as it may be shown in a message: beneficiary codes identify children, so
    /// they are replaced by "…".
    static func redacted(_ text: String) -> String {
        blank(beneficiaryFragments(text), in: text)
    }

    private static func apply(key: String, value: String, to line: inout LineDraft) throws {
        func integer() throws -> Int64 {
            guard let number = Int64(value), number > 0 else {
                throw LedgerError(.invalidInput, LocalizedText("\(key)=\(value) is not a positive whole number", "\(key)=\(value) không phải số nguyên dương"), hint: LocalizedText("write e.g. \(key)=20", "ví dụ \(key)=20"))
            }
            return number
        }
        switch key {
        case "vnd": line.dong = try Amount.parse(value + " VND").minorUnits
        case "source": line.rateSource = value
        case "funder": line.dimensions.funder = value
        case "grant": line.dimensions.grant = value
        case "program": line.dimensions.program = value
        case "unit": line.dimensions.unit = value
        case "item": line.item = value
        case "qty": line.quantity = try integer()
        case "children": line.children = try integer()
        case "beneficiaries": line.beneficiaryCodes = value.split(separator: ",").map(String.init)
        default:
            throw LedgerError(.invalidInput, LocalizedText("unknown key '\(key)' in a line", "không có khóa '\(key)' trong một dòng"), hint: LocalizedText("use one of: \(keys.joined(separator: ", "))", "hãy dùng một trong: \(keys.joined(separator: ", "))"))
        }
    }
}
