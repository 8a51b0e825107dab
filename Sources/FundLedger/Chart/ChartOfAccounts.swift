/// A chart of accounts to seed a ledger with, or to add to one: the standard Child Protection
/// Fund chart, or a fund's own chart loaded from CSV.
///
/// The CSV has a header and the columns `code,name_vi,name_en,type,currency,parent`; the
/// standard chart is itself such a file (`Sources/FundLedger/Chart/standard-chart.csv`).
public struct ChartOfAccounts: Sendable {
    public struct Definition: Sendable, Equatable {
        public let code: String
        public let nameVietnamese: String
        public let nameEnglish: String
        public let type: AccountType
        public let currency: Currency
        public let parentCode: String?

        public init(code: String, nameVietnamese: String, nameEnglish: String, type: AccountType,
                    currency: Currency = .vnd, parentCode: String? = nil) {
            self.code = code
            // Names are stored in NFC (docs/posting-rules.md, Text).
            self.nameVietnamese = TextRules.nfc(nameVietnamese)
            self.nameEnglish = TextRules.nfc(nameEnglish)
            self.type = type
            self.currency = currency
            self.parentCode = parentCode
        }
    }

    public let definitions: [Definition]

    public static let columns = ["code", "name_vi", "name_en", "type", "currency", "parent"]

    /// The default chart for a Child Protection Fund (Quỹ Bảo trợ trẻ em), numbered after the
    /// Vietnamese public-sector chart (Circular 107/2017/TT-BTC): 111 cash, 112 bank, 156 goods
    /// for distribution, 337 received not yet recognized, 413 exchange differences, revenue by
    /// source (511 state budget, 512 foreign aid, 513 domestic donations, 515 interest) and
    /// expenses by program (611x) and management (642x).
    public static let standard: ChartOfAccounts = {
        do {
            return try parse(MemoryByteSource(PackageResources.standard_chart_csv), sourceName: "standard-chart.csv")
        } catch {
            preconditionFailure("the embedded standard chart is invalid: \(error)")
        }
    }()

    /// A chart of `definitions`, parents before their sub-accounts. It is checked when it is
    /// used: on its own by `Ledger.create`, against the ledger's accounts by `loadChart`.
    public init(definitions: [Definition]) {
        self.definitions = definitions
    }

    /// Reads a chart from CSV.
    ///
    /// - Throws: `LedgerError.invalidChart` naming the line at fault; `invalidInput` for
    ///   malformed CSV.
    public static func parse(_ source: any ByteSource, sourceName: String) throws -> ChartOfAccounts {
        let reader = CSVReader(source: source, sourceName: sourceName)
        guard let header = try reader.next() else {
            throw LedgerError(.invalidChart, LocalizedText("\(sourceName) is empty", "\(sourceName) rỗng"), hint: LocalizedText("the first line is the header: \(columns.joined(separator: ","))", "dòng đầu tiên là dòng tiêu đề: \(columns.joined(separator: ","))"))
        }
        guard header.fields == columns else {
            throw LedgerError(.invalidChart, LocalizedText("\(sourceName) line 1: the header is '\(header.fields.joined(separator: ","))'", "\(sourceName) dòng 1: dòng tiêu đề là '\(header.fields.joined(separator: ","))'"),
                              hint: LocalizedText("the header must be exactly: \(columns.joined(separator: ","))", "dòng tiêu đề phải đúng là: \(columns.joined(separator: ","))"))
        }
        var definitions: [Definition] = []
        while let record = try reader.next() {
            func fail(_ message: LocalizedText, hint: LocalizedText) -> LedgerError {
                LedgerError(.invalidChart, LocalizedText("\(sourceName) line \(record.line): \(message)", "\(sourceName) dòng \(record.line): \(message)"), hint: hint)
            }
            guard record.fields.count == columns.count else {
                throw fail(LocalizedText("\(record.fields.count) fields, expected \(columns.count)", "có \(record.fields.count) trường, cần \(columns.count)"),
                           hint: LocalizedText("give \(columns.joined(separator: ","))", "hãy ghi \(columns.joined(separator: ","))"))
            }
            let fields = record.fields
            guard let currency = Currency.named(fields[4].isEmpty ? "VND" : fields[4]) else {
                throw fail(LocalizedText("unknown currency '\(fields[4])'", "không có loại tiền '\(fields[4])'"),
                           hint: LocalizedText("use VND or an ISO 4217 code the ledger knows", "hãy dùng VND hoặc một mã ISO 4217 mà sổ biết"))
            }
            do {
                definitions.append(Definition(code: fields[0], nameVietnamese: fields[1], nameEnglish: fields[2],
                                              type: try AccountType.parse(fields[3]), currency: currency,
                                              parentCode: fields[5].isEmpty ? nil : fields[5]))
            } catch let error as LedgerError {
                throw fail(error.explanation, hint: error.remedy)
            }
        }
        return ChartOfAccounts(definitions: definitions)
    }

    /// Checks codes, names, duplicates, and that each parent is defined earlier with the same type.
    static func check(_ definitions: [Definition], existing: [String: AccountType] = [:]) throws {
        var types = existing
        for definition in definitions {
            try Account.checkCode(definition.code)
            try TextRules.check(definition.nameVietnamese, named: "Vietnamese name of account \(definition.code)", maximumLength: 200)
            try TextRules.check(definition.nameEnglish, named: "English name of account \(definition.code)", maximumLength: 200)
            guard types[definition.code] == nil else {
                throw LedgerError(.accountExists, LocalizedText("account \(definition.code) is defined twice", "tài khoản \(definition.code) được khai báo hai lần"), hint: LocalizedText("give each account one line", "mỗi tài khoản ghi một dòng"))
            }
            if let parent = definition.parentCode {
                guard let parentType = types[parent] else {
                    throw LedgerError(.invalidChart, LocalizedText("account \(definition.code) names parent \(parent), which is not defined before it", "tài khoản \(definition.code) ghi tài khoản cấp trên \(parent), nhưng \(parent) chưa được khai báo trước nó"),
                                      hint: LocalizedText("list each parent account before its sub-accounts", "hãy liệt kê tài khoản cấp trên trước các tài khoản chi tiết của nó"))
                }
                guard parentType == definition.type else {
                    throw LedgerError(.invalidChart, LocalizedText("account \(definition.code) is \(definition.type.rawValue) but its parent \(parent) is \(parentType.rawValue)", "tài khoản \(definition.code) thuộc loại \(definition.type.rawValue) nhưng tài khoản cấp trên \(parent) thuộc loại \(parentType.rawValue)"),
                                      hint: LocalizedText("a sub-account has its parent's type", "tài khoản chi tiết có cùng loại với tài khoản cấp trên"))
                }
            }
            types[definition.code] = definition.type
        }
    }

    /// Inserts the accounts, parents first (the order of `definitions`), after the caller
    /// checked them.
    func insert(into database: Database, at timestamp: Timestamp) throws {
        for definition in definitions {
            try database.execute("""
                INSERT INTO account (code, name_vi, name_en, type, currency, parent_id, opened_at)
                VALUES (?, ?, ?, ?, ?, (SELECT id FROM account WHERE code = ?), ?)
                """, [definition.code, definition.nameVietnamese, definition.nameEnglish, definition.type.rawValue,
                      definition.currency.code, definition.parentCode, timestamp.iso])
        }
    }
}

extension Account {
    /// Account codes: 1 to 20 letters and digits, e.g. `1121`.
    public static func checkCode(_ code: String) throws {
        let valid = !code.isEmpty && code.utf8.count <= 20 && code.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
        }
        guard valid else {
            throw LedgerError(.invalidAccount, LocalizedText("'\(code.prefix(40))' is not a valid account code", "'\(code.prefix(40))' không phải số hiệu tài khoản hợp lệ"),
                              hint: LocalizedText("an account code is 1 to 20 letters and digits, e.g. 1121", "số hiệu tài khoản gồm 1 đến 20 chữ cái và chữ số, ví dụ 1121"))
        }
    }
}
