/// The funds of the network a fund deals with (docs/fund-network.md): each its own ledger in its
/// own file, registered here by code and by the ledger id its file holds.
public struct Fund: Sendable, Equatable {
    public enum Level: String, Sendable, CaseIterable {
        case national, province, commune

        var localizedName: LocalizedText {
            switch self {
            case .national: LocalizedText("national", "trung ương")
            case .province: LocalizedText("province", "tỉnh")
            case .commune: LocalizedText("commune", "xã")
            }
        }
    }

    public let id: Int64
    public let code: String
    public let name: String
    public let level: Level
    public let parentCode: String?
    public let ledgerID: String
}

extension Ledger {
    /// Registers another fund, as a chained fact (`fund`, migration 011) with its line in the
    /// audit trail.
    ///
    /// - Throws: `LedgerError.registryExists` for a code or ledger id already registered,
    ///   `invalidInput` for this ledger's own id, `unknownDimension` for an unknown parent, and
    ///   the text rules' refusals.
    public func addFund(code: String, name: String, level: Fund.Level, parentCode: String?, ledgerID otherLedgerID: String, user: String) throws {
        let user = try TextRules.checkedUser(user)
        let name = TextRules.nfc(name)
        try TextRules.checkCode(code, named: "fund code")
        try TextRules.check(name, named: "fund name", maximumLength: 200)
        try TextRules.check(otherLedgerID, named: "ledger id", maximumLength: 100)
        guard otherLedgerID != ledgerID else {
            throw LedgerError(.invalidInput, LocalizedText("ledger id \(otherLedgerID) is this fund's own", "mã sổ \(otherLedgerID) là của chính quỹ này"),
                              hint: LocalizedText("register the other fund with the ledger id its own \(action: .verify, quoted: true) prints", "hãy đăng ký quỹ kia bằng mã sổ mà \(action: .verify, quoted: true) của quỹ đó in ra"))
        }
        let now = Timestamp.now()
        try write {
            let funds = try self.funds()
            if let taken = funds.first(where: { $0.code == code || $0.ledgerID == otherLedgerID }) {
                throw LedgerError(.registryExists, LocalizedText("fund \(taken.code) is already registered with ledger id \(taken.ledgerID)",
                                                                 "quỹ \(taken.code) đã được đăng ký với mã sổ \(taken.ledgerID)"),
                                  hint: LocalizedText("a fund is registered once; \(action: .fundList, quoted: true) shows them", "mỗi quỹ chỉ đăng ký một lần; \(action: .fundList, quoted: true) cho xem các quỹ"))
            }
            var parentID: Int64?
            if let parentCode {
                guard let parent = funds.first(where: { $0.code == parentCode }) else {
                    throw LedgerError(.unknownDimension, LocalizedText("there is no fund '\(parentCode)'", "không có quỹ '\(parentCode)'"),
                                      hint: LocalizedText("register the parent fund first (\(action: .fundAdd))", "hãy đăng ký quỹ cấp trên trước (\(action: .fundAdd))"))
                }
                parentID = parent.id
            }
            try database.execute("""
                INSERT INTO fund (code, name, level, parent_id, ledger_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [code, name, level.rawValue, parentID, otherLedgerID, now.iso, user])
            try recordChange(action: "fund-add", subject: "fund:\(code)", detail: "\(level.rawValue) \(otherLedgerID) \(name)", user: user, at: now)
        }
    }

    /// The registered funds, by code.
    public func funds() throws -> [Fund] {
        try read {
            try database.rows("""
                SELECT f.id, f.code, f.name, f.level, p.code, f.ledger_id FROM fund f LEFT JOIN fund p ON p.id = f.parent_id ORDER BY f.code
                """) { row in
                Fund(id: row.int64(at: 0), code: row.text(at: 1), name: row.text(at: 2), level: try StoredValue.decode(Fund.Level.self, row.text(at: 3), "fund.level"),
                     parentCode: row.optionalText(at: 4), ledgerID: row.text(at: 5))
            }
        }
    }

    /// The funds as a report (`cpf fund list`, any format and language).
    public func fundsReport() throws -> Report {
        try read {
            let table = ReportTable(key: "funds", columns: [
                ReportColumn("code", LocalizedText("Code", "Mã"), .text), ReportColumn("name", LocalizedText("Name", "Tên"), .text),
                ReportColumn("level", LocalizedText("Level", "Cấp"), .text), ReportColumn("parent", LocalizedText("Parent", "Quỹ cấp trên"), .text),
                ReportColumn("ledger_id", LocalizedText("Ledger id", "Mã sổ"), .text),
            ], rows: try funds().map { [.text($0.code), .text($0.name), .localized($0.level.localizedName), .text($0.parentCode ?? ""), .text($0.ledgerID)] })
            return try makeReport(key: "funds", title: LocalizedText("Funds of the network", "Các quỹ trong mạng lưới"), parameters: [], tables: [table])
        }
    }
}
