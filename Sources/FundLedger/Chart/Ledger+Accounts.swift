extension Ledger {
    /// Every account of the chart, ordered by code.
    public func accounts() throws -> [Account] {
        try accountsByCode().values.sorted { $0.code < $1.code }
    }

    /// The account with this code, or `nil`.
    public func account(code: String) throws -> Account? {
        try accountsByCode()[code]
    }

    /// Adds one account to the chart.
    ///
    /// - Throws: `LedgerError` when the code is taken or invalid, the parent is unknown or of
    ///   another type, or the parent already has entries of its own (it would become a heading
    ///   with a balance no sub-account explains).
    public func addAccount(_ definition: ChartOfAccounts.Definition, user: String) throws {
        try addAccounts([definition], user: user)
    }

    /// Adds a fund's own chart (or more accounts) in one transaction: all of them or none.
    public func loadChart(_ chart: ChartOfAccounts, user: String) throws {
        try addAccounts(chart.definitions, user: user)
    }

    private func addAccounts(_ definitions: [ChartOfAccounts.Definition], user: String) throws {
        let user = try TextRules.checkedUser(user)
        let now = Timestamp.now()
        try write {
            let existing = try accountsByCode()
            for definition in definitions {
                if let taken = existing[definition.code] {
                    throw LedgerError(.accountExists, LocalizedText("account \(definition.code) already exists (\(taken.nameEnglish))", "tài khoản \(definition.code) đã có (\(taken.nameVietnamese))"),
                                      hint: LocalizedText("choose another code; \(action: .accountList, quoted: true) shows the chart", "hãy chọn số hiệu khác; \(action: .accountList, quoted: true) cho xem hệ thống tài khoản"))
                }
            }
            try ChartOfAccounts.check(definitions, existing: existing.mapValues(\.type))
            for definition in definitions {
                guard let parentCode = definition.parentCode, let parent = existing[parentCode] else { continue }
                if parent.closedOn != nil {
                    throw LedgerError(.closedAccount, LocalizedText("account \(parentCode) is closed", "tài khoản \(parentCode) đã đóng"), hint: LocalizedText("add the sub-account under an open account", "hãy thêm tài khoản chi tiết dưới một tài khoản đang mở"))
                }
                if try database.firstRow("SELECT 1 FROM balance_month WHERE account_id = ? AND line_count > 0 LIMIT 1", [parent.id], { _ in true }) == true {
                    throw LedgerError(.accountInUse, LocalizedText("account \(parentCode) already has entries of its own, so it cannot get sub-accounts", "tài khoản \(parentCode) đã có bút toán ghi trực tiếp, nên không thể mở tài khoản chi tiết"),
                                      hint: LocalizedText("add the new account at the top level, or under an account without entries", "hãy thêm tài khoản mới ở cấp trên cùng, hoặc dưới một tài khoản chưa có bút toán"))
                }
            }
            try ChartOfAccounts(definitions: definitions).insert(into: database, at: now)
            for definition in definitions {
                try recordChange(action: "account-add", subject: "account:\(definition.code)",
                                 detail: "\(definition.type.rawValue) \(definition.currency.code) \(definition.nameEnglish)", user: user, at: now)
            }
            invalidateRegistryCache()
        }
    }

    /// Closes an account: from then on it accepts no entries.
    ///
    /// - Throws: `LedgerError` when the account is unknown or already closed, still has a
    ///   balance, or has open sub-accounts.
    public func closeAccount(code: String, on date: LedgerDate, user: String) throws {
        let user = try TextRules.checkedUser(user)
        let now = Timestamp.now()
        try write {
            let accounts = try accountsByCode()
            guard let account = accounts[code] else { throw Ledger.unknownAccount(code) }
            if let closed = account.closedOn {
                throw LedgerError(.closedAccount, LocalizedText("account \(code) was already closed on \(closed)", "tài khoản \(code) đã đóng từ ngày \(closed)"), hint: LocalizedText("nothing to do", "không cần làm gì"))
            }
            let openChildren = accounts.values.filter { $0.parentCode == code && $0.closedOn == nil }.map(\.code).sorted()
            if !openChildren.isEmpty {
                throw LedgerError(.accountInUse, LocalizedText("account \(code) has open sub-accounts: \(openChildren.joined(separator: ", "))", "tài khoản \(code) còn tài khoản chi tiết đang mở: \(openChildren.joined(separator: ", "))"),
                                  hint: LocalizedText("close the sub-accounts first", "hãy đóng các tài khoản chi tiết trước"))
            }
            let balance = try database.firstRow(
                "SELECT coalesce(sum(debit_vnd) - sum(credit_vnd), 0), coalesce(sum(foreign_net), 0) FROM balance_month WHERE account_id = ?",
                [account.id]) { ($0.int64(at: 0), $0.int64(at: 1)) } ?? (0, 0)
            if balance.0 != 0 || balance.1 != 0 {
                throw LedgerError(.accountInUse, LocalizedText("account \(code) still has a balance of \(MoneyFormat.english.format(dong: balance.0))", "tài khoản \(code) vẫn còn số dư \(groupedDong: balance.0)"),
                                  hint: LocalizedText("post an entry that moves the balance to another account, then close it", "hãy ghi bút toán chuyển số dư sang tài khoản khác rồi mới đóng"))
            }
            try database.execute("UPDATE account SET closed_on = ? WHERE id = ?", [date.iso, account.id])
            try recordChange(action: "account-close", subject: "account:\(code)", detail: "closed on \(date.iso)", user: user, at: now)
            invalidateRegistryCache()
        }
    }

    static func unknownAccount(_ code: String) -> LedgerError {
        LedgerError(.unknownAccount, LocalizedText("there is no account \(code) in the chart", "hệ thống tài khoản không có tài khoản \(code)"),
                    hint: LocalizedText("check the code with \(action: .accountList, quoted: true), or add the account with \(action: .accountAdd, quoted: true)", "hãy kiểm tra số hiệu bằng \(action: .accountList, quoted: true), hoặc thêm tài khoản bằng \(action: .accountAdd, quoted: true)"))
    }
}
