/// Limits and character rules for the text a user types: memos, references, names, codes.
///
/// Past a limit the user gets a refusal that says so, never a truncation.
public enum TextRules {
    public static let memoLengthMax = 500
    public static let referenceLengthMax = 100
    public static let userLengthMax = 100
    public static let codeLengthMax = 40

    /// Refuses empty text (unless allowed), text longer than `maximumLength` characters, and
    /// control characters such as line breaks and tabs.
    public static func check(_ text: String, named name: String, maximumLength: Int, allowEmpty: Bool = false) throws {
        if text.isEmpty && !allowEmpty {
            let name = TextRules.localizedName(name)
            throw LedgerError(.invalidText, LocalizedText("the \(name) is empty", "\(name) đang để trống"), hint: LocalizedText("give a \(name)", "hãy ghi \(name)"))
        }
        // No more bytes than the limit means no more characters; counting characters (grapheme
        // clusters) is for the rest.
        if text.utf8.count > maximumLength && text.count > maximumLength {
            let name = TextRules.localizedName(name)
            throw LedgerError(.invalidText, LocalizedText("the \(name) is \(text.count) characters long; the limit is \(maximumLength)",
                                                          "\(name) dài \(text.count) ký tự; tối đa là \(maximumLength)"),
                              hint: LocalizedText("shorten the \(name)", "hãy rút ngắn \(name)"))
        }
        // In UTF-8 these characters are single bytes, and no byte of a longer character is below 0x80.
        if text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            let name = TextRules.localizedName(name)
            throw LedgerError(.invalidText, LocalizedText("the \(name) contains a control character (a line break, tab or similar)",
                                                          "\(name) chứa ký tự điều khiển (xuống dòng, tab hoặc tương tự)"),
                              hint: LocalizedText("write the \(name) on one line without tabs", "hãy viết \(name) trên một dòng, không có tab"))
        }
    }

    /// The name of who is acting, checked and in NFC.
    public static func checkedUser(_ user: String) throws -> String {
        let user = nfc(user)
        try check(user, named: "user name", maximumLength: userLengthMax)
        return user
    }

    /// `text` in Unicode Normalization Form C (composed): Vietnamese typed on one keyboard
    /// arrives composed ("Ế", one code point) and on another decomposed ("E", U+0302,
    /// U+0301). Both read the same, so the ledger stores and compares the composed form.
    /// ASCII text is its own NFC and is returned as it is.
    public static func nfc(_ text: String) -> String {
        if isASCII(text) { return text }
        return String(decoding: text._nfcCodeUnits, as: UTF8.self)
    }

    /// Whether `text` is ASCII, eight bytes at a time where its storage is contiguous.
    static func isASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let address = bytes.baseAddress else { return true }
            var index = 0
            let count = bytes.count
            let base = UnsafeRawPointer(address)
            while index + 8 <= count {
                if base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                index += 8
            }
            while index < count {
                if bytes[index] >= 0x80 { return false }
                index += 1
            }
            return true
        } ?? text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// A draft with every text in NFC: memo, reference, line memos, rate sources. Codes are
    /// ASCII by `checkCode`, so they are their own NFC.
    static func normalized(_ draft: EntryDraft) -> EntryDraft {
        // Most drafts are ASCII throughout: returned as they are, without a copy.
        var isASCII = TextRules.isASCII(draft.memo) && (draft.externalRef.map(TextRules.isASCII) ?? true)
        for index in draft.lines.indices where isASCII {
            if let memo = draft.lines[index].memo, !TextRules.isASCII(memo) { isASCII = false }
            if let source = draft.lines[index].rateSource, !TextRules.isASCII(source) { isASCII = false }
        }
        guard !isASCII else { return draft }
        var draft = draft
        draft.memo = nfc(draft.memo)
        draft.externalRef = draft.externalRef.map(nfc)
        for index in draft.lines.indices {
            if let memo = draft.lines[index].memo { draft.lines[index].memo = nfc(memo) }
            if let source = draft.lines[index].rateSource { draft.lines[index].rateSource = nfc(source) }
        }
        return draft
    }

    /// Registry codes (funders, grants, programs, units, goods, beneficiary codes): 1 to 40
    /// of the letters A–Z and a–z, digits, '.', '_' and '-'.
    ///
    /// - Parameter echo: whether the refusal may quote the code. Beneficiary codes are never
    ///   quoted: they identify a child.
    public static func checkCode(_ code: String, named name: String, echo: Bool = true) throws {
        let allowed = code.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                || byte == 46 || byte == 95 || byte == 45
        }
        guard !code.isEmpty, code.utf8.count <= codeLengthMax, allowed else {
            let quoted = echo ? " '\(code.count <= 60 ? code : String(code.prefix(60)) + "…")'" : ""
            let name = TextRules.localizedName(name)
            throw LedgerError(.invalidText, LocalizedText("the \(name)\(quoted) is not a valid code", "\(name)\(quoted) không phải mã hợp lệ"),
                              hint: LocalizedText("use 1 to \(codeLengthMax) letters (A–Z, a–z), digits, '.', '_' or '-'",
                                                  "hãy dùng 1 đến \(codeLengthMax) ký tự gồm chữ cái (A–Z, a–z), chữ số, '.', '_' hoặc '-'"))
        }
    }
}

extension TextRules {
    /// `text` with C0 and C1 control characters (and DEL) other than the line break written as
    /// `\u{XX}`, so that text from a file (a memo, a stored value quoted in a finding) cannot
    /// drive the terminal it is shown on.
    public static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEscaped) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            if isEscaped(scalar) {
                escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    private static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
    }

    /// The name of a field in both languages, for the refusals above: the names the code
    /// passes (`named: "reason"`) and, for others, the English name in both.
    static func localizedName(_ name: String) -> LocalizedText {
        if let vietnamese = vietnameseNames[name] { return LocalizedText(english: name, vietnamese: vietnamese) }
        for (suffix, vietnamese) in [(" code", "mã "), (" name", "tên ")] where name.hasSuffix(suffix) {
            let subject = String(name.dropLast(suffix.count))
            return LocalizedText(english: name, vietnamese: vietnamese + (vietnameseNames[subject] ?? subject))
        }
        if name.hasPrefix("Vietnamese name of account ") { return LocalizedText(english: name, vietnamese: "tên tiếng Việt của tài khoản " + name.dropFirst(27)) }
        if name.hasPrefix("English name of account ") { return LocalizedText(english: name, vietnamese: "tên tiếng Anh của tài khoản " + name.dropFirst(24)) }
        return LocalizedText(verbatim: name)
    }

    private static let vietnameseNames = [
        "reason": "lý do", "rate source": "nguồn tỷ giá", "item": "mặt hàng", "beneficiary": "đối tượng thụ hưởng",
        "Vietnamese name": "tên tiếng Việt", "English name": "tên tiếng Anh", "writing": "việc ghi", "write-back": "việc ghi đệm",
        "valuation basis": "cơ sở định giá", "user": "người dùng", "unit of count": "đơn vị tính", "unit": "đơn vị",
        "reference": "số chứng từ", "reading": "việc đọc", "purpose": "mục đích", "program": "chương trình", "memo": "diễn giải",
        "line memo": "diễn giải dòng", "grant": "khoản tài trợ", "funder": "nhà tài trợ", "fund name": "tên quỹ",
        "account": "tài khoản", "fund": "quỹ", "ledger id": "mã sổ", "goods item": "mặt hàng", "org unit": "đơn vị", "currency": "loại tiền",
    ]
}
