/// A transfer notice (thông báo chuyển quỹ): what one fund sent another, as a small JSON file
/// the sending fund hands over with the money or goods (docs/fund-network.md).
///
/// It names the sender's ledger and the entry that sent it (sequence number and chain hash),
/// the receiving ledger, and each part of what was sent: its value in dong, its restriction,
/// the original donor, the grant's purpose (programs, places, designation) and, for goods, the
/// item and quantity. The receiving fund posts it with `cpf transfer receive`, keeping the
/// donor and the restriction; consolidation matches it with the sender's entry.
///
/// `digest` is the SHA-256 of the notice's fields as serialized here (every field but the
/// digest, in this order), so any change to a field is found when the notice is read.
public struct TransferNotice: Sendable, Equatable {
    public static let format = "cpf-transfer-notice-v1"

    /// A fund as the notice names it.
    public struct Party: Sendable, Equatable {
        public let ledgerID: String
        public let name: String
    }

    /// The original donor of a part: who gave it to the sending fund.
    public struct Donor: Sendable, Equatable {
        public let code: String
        public let name: String
        public let kind: FunderKind
        public let currency: Currency
        public let country: String?
    }

    /// The purpose a part keeps: its grant's code and what the grant may be spent on.
    public struct Purpose: Sendable, Equatable {
        public let grantCode: String
        public let designated: Bool
        public let programCodes: [String]
        public let unitCodes: [String]
        public let text: String
    }

    /// Goods sent: the item as the sender registered it, and how many.
    public struct Goods: Sendable, Equatable {
        public let itemCode: String
        public let nameVietnamese: String
        public let nameEnglish: String
        public let unit: String
        public let quantity: Int64
    }

    public struct Part: Sendable, Equatable {
        public let valueDong: Int64
        public let restriction: Restriction
        /// `nil` when the money was the sending fund's own.
        public let donor: Donor?
        public let purpose: Purpose?
        /// `nil` for money.
        public let goods: Goods?
    }

    public let sender: Party
    public let receiver: Party
    public let date: LedgerDate
    public let reference: String
    public let senderSeq: Int64
    /// The sending entry's chain hash, lowercase hexadecimal.
    public let senderHash: String
    public let parts: [Part]

    public var totalDong: Int64 { parts.reduce(0) { $0 + $1.valueDong } }

    /// Lowercase hexadecimal SHA-256 of `body`.
    public var digest: String { SHA256.hash(Array(body.serialized().utf8)).hexString }

    /// The notice as written to its file: the fields, then the digest.
    public var fileText: String {
        guard case .object(let fields) = body else { return "" }
        return JSONValue.object(fields + [("digest", .string(digest))]).serialized() + "\n"
    }

    private var body: JSONValue {
        .object([
            ("format", .string(TransferNotice.format)),
            ("from", .object([("ledger_id", .string(sender.ledgerID)), ("fund", .string(sender.name))])),
            ("to", .object([("ledger_id", .string(receiver.ledgerID)), ("fund", .string(receiver.name))])),
            ("date", .string(date.iso)),
            ("reference", .string(reference)),
            ("entry", .object([("seq", .integer(senderSeq)), ("hash", .string(senderHash))])),
            ("parts", .array(parts.map(\.json))),
        ])
    }
}

extension TransferNotice.Part {
    fileprivate var json: JSONValue {
        .object([
            ("value_vnd", .integer(valueDong)),
            ("restriction", .string(restriction.rawValue)),
            ("donor", donor.map { donor in
                .object([("code", .string(donor.code)), ("name", .string(donor.name)), ("kind", .string(donor.kind.rawValue)),
                         ("currency", .string(donor.currency.code)), ("country", donor.country.map(JSONValue.string) ?? .null)])
            } ?? .null),
            ("grant", purpose.map { purpose in
                .object([("code", .string(purpose.grantCode)), ("designated", .bool(purpose.designated)),
                         ("programs", .array(purpose.programCodes.map(JSONValue.string))), ("units", .array(purpose.unitCodes.map(JSONValue.string))),
                         ("purpose", .string(purpose.text))])
            } ?? .null),
            ("goods", goods.map { goods in
                .object([("item", .string(goods.itemCode)), ("name_vi", .string(goods.nameVietnamese)), ("name_en", .string(goods.nameEnglish)),
                         ("unit", .string(goods.unit)), ("quantity", .integer(goods.quantity))])
            } ?? .null),
        ])
    }
}

// MARK: Reading a notice

extension TransferNotice {
    /// Reads a notice file's text, checking every field and the digest.
    ///
    /// - Throws: `LedgerError.noticeInvalid` for text that is not a notice (with the field at
    ///   fault), `noticeAltered` when the fields do not match the digest.
    public static func read(_ text: String) throws -> TransferNotice {
        let value: JSONValue
        do { value = try JSONValue.parse(text) } catch let error as LedgerError {
            throw NoticeField.invalid(LocalizedText("it is not JSON: \(error.message)", "đây không phải JSON: \(error.explanation.vietnamese)"))
        }
        let object = NoticeField(value: value, path: "")
        try object.onlyKeys(["format", "from", "to", "date", "reference", "entry", "parts", "digest"])
        guard try object.string("format") == TransferNotice.format else {
            throw NoticeField.invalid(LocalizedText("its format is not \(TransferNotice.format)", "định dạng không phải \(TransferNotice.format)"))
        }
        let from = try object.object("from"), to = try object.object("to"), entry = try object.object("entry")
        try from.onlyKeys(["ledger_id", "fund"]); try to.onlyKeys(["ledger_id", "fund"]); try entry.onlyKeys(["seq", "hash"])
        let dateText = try object.string("date")
        guard let date = try? LedgerDate.parse(dateText) else {
            throw NoticeField.invalid(LocalizedText("its date '\(dateText)' is not a date", "ngày '\(dateText)' không phải một ngày"))
        }
        let hash = try entry.string("hash")
        guard hash.count == 64, [UInt8](hexString: hash) != nil, hash == hash.lowercased() else {
            throw NoticeField.invalid(LocalizedText("entry.hash is not a SHA-256 in hexadecimal", "entry.hash không phải mã SHA-256 dạng thập lục phân"))
        }
        let seq = try entry.integer("seq")
        guard seq >= 1 else { throw NoticeField.invalid(LocalizedText("entry.seq is not a sequence number", "entry.seq không phải số thứ tự bút toán")) }
        let parts = try object.array("parts").map(readPart)
        guard !parts.isEmpty else { throw NoticeField.invalid(LocalizedText("it has no parts", "thông báo không có phần nào")) }
        let notice = TransferNotice(sender: Party(ledgerID: try from.string("ledger_id"), name: try from.string("fund")),
                                    receiver: Party(ledgerID: try to.string("ledger_id"), name: try to.string("fund")),
                                    date: date, reference: try object.string("reference"), senderSeq: seq, senderHash: hash, parts: parts)
        let digest = try object.string("digest")
        guard digest == notice.digest else {
            throw LedgerError(.noticeAltered, LocalizedText("the notice's fields do not match its digest: it was changed after the sending fund wrote it",
                                                            "các trường của thông báo không khớp mã kiểm tra: thông báo đã bị sửa sau khi quỹ gửi lập ra"),
                              hint: LocalizedText("ask the sending fund for the notice again (\(action: .transferNotice, "SEQ \(parameter: .notice, "FILE")"))",
                                                  "hãy xin lại thông báo từ quỹ gửi (\(action: .transferNotice, "SEQ \(parameter: .notice, "TỆP")"))"))
        }
        return notice
    }

    private static func readPart(_ part: NoticeField) throws -> Part {
        try part.onlyKeys(["value_vnd", "restriction", "donor", "grant", "goods"])
        let value = try part.integer("value_vnd")
        guard value > 0, value <= Amount.magnitudeMax else {
            throw NoticeField.invalid(LocalizedText("\(part.path).value_vnd is not a positive amount", "\(part.path).value_vnd không phải số tiền dương"))
        }
        let restrictionText = try part.string("restriction")
        guard let restriction = Restriction(rawValue: restrictionText) else {
            throw NoticeField.invalid(LocalizedText("\(part.path).restriction '\(restrictionText)' is unknown", "\(part.path).restriction '\(restrictionText)' không hợp lệ"))
        }
        let donor = try part.optionalObject("donor").map { donor in
            try donor.onlyKeys(["code", "name", "kind", "currency", "country"])
            let kindText = try donor.string("kind"), currencyText = try donor.string("currency")
            guard let kind = FunderKind(rawValue: kindText), let currency = Currency.named(currencyText) else {
                throw NoticeField.invalid(LocalizedText("\(donor.path) has an unknown kind or currency", "\(donor.path) có loại hoặc loại tiền không hợp lệ"))
            }
            return Donor(code: try donor.string("code"), name: try donor.string("name"), kind: kind, currency: currency, country: try donor.optionalString("country"))
        }
        let purpose = try part.optionalObject("grant").map { grant in
            try grant.onlyKeys(["code", "designated", "programs", "units", "purpose"])
            return Purpose(grantCode: try grant.string("code"), designated: try grant.bool("designated"),
                           programCodes: try grant.array("programs").map { try $0.asString() }, unitCodes: try grant.array("units").map { try $0.asString() },
                           text: try grant.string("purpose"))
        }
        guard restriction == .unrestricted || purpose != nil else {
            throw NoticeField.invalid(LocalizedText("\(part.path) is \(restriction.rawValue) but names no grant", "\(part.path) có hạn chế \(restriction.localizedName) nhưng không ghi khoản tài trợ"))
        }
        let goods = try part.optionalObject("goods").map { goods in
            try goods.onlyKeys(["item", "name_vi", "name_en", "unit", "quantity"])
            let quantity = try goods.integer("quantity")
            guard quantity > 0 else { throw NoticeField.invalid(LocalizedText("\(goods.path).quantity is not a positive count", "\(goods.path).quantity không phải số nguyên dương")) }
            return Goods(itemCode: try goods.string("item"), nameVietnamese: try goods.string("name_vi"), nameEnglish: try goods.string("name_en"),
                         unit: try goods.string("unit"), quantity: quantity)
        }
        return Part(valueDong: value, restriction: restriction, donor: donor, purpose: purpose, goods: goods)
    }
}

/// A field of a notice being read, with its path for the refusal that names it.
private struct NoticeField {
    let value: JSONValue
    let path: String

    static func invalid(_ what: LocalizedText) -> LedgerError {
        LedgerError(.noticeInvalid, LocalizedText("the file is not a transfer notice cpf can read: \(what)", "tệp không phải thông báo chuyển quỹ mà cpf đọc được: \(what)"),
                    hint: LocalizedText("give the notice file the sending fund wrote with \(action: .transferSend, "\(parameter: .notice)")", "hãy dùng đúng tệp thông báo mà quỹ gửi đã lập bằng \(action: .transferSend, "\(parameter: .notice)")"))
    }

    private func field(_ key: String) throws -> NoticeField {
        let name = path.isEmpty ? key : "\(path).\(key)"
        guard let found = value[key] else { throw NoticeField.invalid(LocalizedText("\(name) is missing", "thiếu \(name)")) }
        return NoticeField(value: found, path: name)
    }

    func onlyKeys(_ keys: Set<String>) throws {
        guard case .object(let fields) = value else {
            throw NoticeField.invalid(LocalizedText("\(path.isEmpty ? "the notice" : path) is not an object", "\(path.isEmpty ? "thông báo" : path) không phải một đối tượng"))
        }
        if let extra = fields.first(where: { !keys.contains($0.0) }) {
            throw NoticeField.invalid(LocalizedText("it has a field '\(extra.0)' a notice does not have", "có trường '\(extra.0)' mà thông báo không có"))
        }
        if Set(fields.map(\.0)).count != fields.count {
            throw NoticeField.invalid(LocalizedText("a field appears twice in \(path.isEmpty ? "the notice" : path)", "một trường xuất hiện hai lần trong \(path.isEmpty ? "thông báo" : path)"))
        }
    }

    func asString() throws -> String {
        guard let text = value.stringValue else { throw NoticeField.invalid(LocalizedText("\(path) is not text", "\(path) không phải chuỗi ký tự")) }
        return text
    }

    func string(_ key: String) throws -> String { try field(key).asString() }

    func optionalString(_ key: String) throws -> String? {
        let found = try field(key)
        return found.value == .null ? nil : try found.asString()
    }

    func integer(_ key: String) throws -> Int64 {
        let found = try field(key)
        guard let number = found.value.integerValue else { throw NoticeField.invalid(LocalizedText("\(found.path) is not a whole number", "\(found.path) không phải số nguyên")) }
        return number
    }

    func bool(_ key: String) throws -> Bool {
        let found = try field(key)
        guard case .bool(let flag) = found.value else { throw NoticeField.invalid(LocalizedText("\(found.path) is not true or false", "\(found.path) không phải true hoặc false")) }
        return flag
    }

    func object(_ key: String) throws -> NoticeField {
        let found = try field(key)
        guard case .object = found.value else { throw NoticeField.invalid(LocalizedText("\(found.path) is not an object", "\(found.path) không phải một đối tượng")) }
        return found
    }

    func optionalObject(_ key: String) throws -> NoticeField? {
        let found = try field(key)
        if found.value == .null { return nil }
        guard case .object = found.value else { throw NoticeField.invalid(LocalizedText("\(found.path) is not an object", "\(found.path) không phải một đối tượng")) }
        return found
    }

    func array(_ key: String) throws -> [NoticeField] {
        let found = try field(key)
        guard let values = found.value.arrayValue else { throw NoticeField.invalid(LocalizedText("\(found.path) is not a list", "\(found.path) không phải một danh sách")) }
        return values.enumerated().map { NoticeField(value: $0.element, path: "\(found.path)[\($0.offset)]") }
    }
}

extension TransferNotice {
    /// Reads a notice file (at most 1 MB of UTF-8 JSON); see `read(_:)`.
    public static func read(path: String) throws -> TransferNotice {
        let source = try FileByteSource(path: path)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try source.read(into: $0) }
            if count == 0 { break }
            bytes += chunk[..<count]
            guard bytes.count <= 1_000_000 else {
                throw NoticeField.invalid(LocalizedText("\(path) is larger than 1 MB", "\(path) lớn hơn 1 MB"))
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw NoticeField.invalid(LocalizedText("\(path) is not UTF-8 text", "\(path) không phải văn bản UTF-8"))
        }
        return try read(text)
    }
}
