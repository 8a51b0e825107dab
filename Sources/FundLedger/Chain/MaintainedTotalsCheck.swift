/// `verify`'s check of the maintained totals (`balance_day`, `balance_month`,
/// `dimension_month`, `holding_day`, `holding_total`, `journal_extent`) against the sums the
/// lines give, recomputed while the journal is read (`BalanceAccumulator`).
extension Ledger {
    /// Compares the maintained balances with the sums of the lines, by day and by month.
    func verifyBalances(_ recomputed: BalanceAccumulator, into report: inout VerificationReport) throws {
        let codes = try accountCodesByID()
        let byMonth = BalanceAccumulator.monthly(recomputed.byDay) ?? TotalsTable()
        for (table, keyColumn, expected) in [("balance_day", "day_key", recomputed.byDay), ("balance_month", "month_key", byMonth)] {
            let sql = "SELECT \(keyColumn), account_id, debit_vnd, credit_vnd, foreign_net, line_count FROM \(table) ORDER BY \(keyColumn), account_id"
            guard let stored = try storedTotals(sql, unlessAgreeingWith: expected, { row in
                guard row.holdsIntegers(0..<6), let dayKey = Int32(exactly: row.int64(at: 0)) else { return nil }
                return (BalanceAccumulator.Key(dayKey: dayKey, accountID: row.int64(at: 1)),
                        BalanceAccumulator.Totals(debitDong: row.int64(at: 2), creditDong: row.int64(at: 3), foreignNet: row.int64(at: 4), lineCount: row.int64(at: 5)))
            }) else { continue }
            let differing = differingKeys(stored, expected).sorted { ($0.dayKey, $0.accountID) < ($1.dayKey, $1.accountID) }
            for key in differing.prefix(5) {
                let account = codes[key.accountID] ?? "#\(key.accountID)"
                report.add(nil, LocalizedText("\(table): account \(account) for \(key.dayKey) holds \(describe(stored[key])) but its lines give \(describe(expected[key]))",
                                              "\(table): tài khoản \(account) kỳ \(key.dayKey) ghi \(describe(stored[key])) nhưng các dòng cho \(describe(expected[key]))"))
            }
            if differing.count > 5 { report.add(nil, LocalizedText("\(table): \(differing.count - 5) more totals disagree with the lines", "\(table): thêm \(differing.count - 5) số tổng không khớp với các dòng")) }
        }
    }

    /// Compares the maintained totals by dimension with the sums of the lines.
    func verifyDimensions(_ recomputed: BalanceAccumulator, into report: inout VerificationReport) throws {
        let codes = try accountCodesByID()
        for (table, keyColumn, expected) in [("dimension_month", "month_key", recomputed.byDimension)] {
            let sql = """
                SELECT \(keyColumn), account_id, funder_id, grant_id, program_id, unit_id, item_id, restriction, currency,
                       debit_vnd, credit_vnd, foreign_net, quantity_net, children_net, line_count FROM \(table)
                ORDER BY \(keyColumn), account_id, funder_id, grant_id, program_id, unit_id, item_id, restriction, currency
                """
            guard let stored = try storedTotals(sql, unlessAgreeingWith: expected, { row in
                guard row.holdsIntegers(0..<7), row.holdsText(at: 7), row.holdsText(at: 8), row.holdsIntegers(9..<15),
                      let monthKey = Int32(exactly: row.int64(at: 0)), let restriction = Restriction(rawValue: row.text(at: 7)) else { return nil }
                let key = BalanceAccumulator.DimensionKey(
                    monthKey: monthKey, accountID: row.int64(at: 1), funderID: row.int64(at: 2),
                    grantID: row.int64(at: 3), programID: row.int64(at: 4), unitID: row.int64(at: 5), itemID: row.int64(at: 6),
                    restriction: restriction, currency: row.text(at: 8))
                return (key, BalanceAccumulator.DimensionTotals(
                    amounts: BalanceAccumulator.Totals(debitDong: row.int64(at: 9), creditDong: row.int64(at: 10),
                                                       foreignNet: row.int64(at: 11), lineCount: row.int64(at: 14)),
                    quantityNet: row.int64(at: 12), childrenNet: row.int64(at: 13)))
            }) else { continue }
            let known = Restriction.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let unreadable = try database.rows("SELECT restriction FROM \(table) WHERE restriction NOT IN (\(known))") { $0.text(at: 0) }
            let differing = differingKeys(stored, expected)
            for key in differing.sorted(by: { ($0.monthKey, $0.accountID) < ($1.monthKey, $1.accountID) }).prefix(5) {
                let account = codes[key.accountID] ?? "#\(key.accountID)"
                report.add(nil, LocalizedText("\(table): account \(account) for \(key.monthKey) (funder #\(key.funderID), grant #\(key.grantID), program #\(key.programID), unit #\(key.unitID), item #\(key.itemID)) disagrees with its lines",
                                              "\(table): tài khoản \(account) tháng \(key.monthKey) (nhà tài trợ #\(key.funderID), khoản tài trợ #\(key.grantID), chương trình #\(key.programID), đơn vị #\(key.unitID), mặt hàng #\(key.itemID)) không khớp với các dòng"))
            }
            if differing.count > 5 { report.add(nil, LocalizedText("\(table): \(differing.count - 5) more totals disagree with the lines", "\(table): thêm \(differing.count - 5) số tổng không khớp với các dòng")) }
            for text in unreadable.prefix(5) {
                report.add(nil, LocalizedText("\(table): a row's restriction '\(text.prefix(30))' is none that cpf writes (unrestricted, restricted, designated)",
                                              "\(table): loại hạn chế '\(text.prefix(30))' của một dòng không phải giá trị cpf ghi (unrestricted, restricted, designated)"))
            }
        }
    }

    /// Compares the maintained cash flows by month with the other lines of the entries that move cash.
    func verifyCashFlows(_ recomputed: BalanceAccumulator, into report: inout VerificationReport) throws {
        let expected = recomputed.byCashFlow
        let sql = "SELECT month_key, account_id, funder_id, program_id, amount_vnd, line_count FROM cash_flow_month ORDER BY month_key, account_id, funder_id, program_id"
        guard let stored = try storedTotals(sql, unlessAgreeingWith: expected, { row in
            guard row.holdsIntegers(0..<6), let monthKey = Int32(exactly: row.int64(at: 0)) else { return nil }
            return (BalanceAccumulator.CashFlowKey(monthKey: monthKey, accountID: row.int64(at: 1), funderID: row.int64(at: 2), programID: row.int64(at: 3)),
                    BalanceAccumulator.CashFlowTotals(amountDong: row.int64(at: 4), lineCount: row.int64(at: 5)))
        }) else { return }
        let codes = try accountCodesByID()
        let differing = differingKeys(stored, expected).sorted { $0.precedes($1) }
        for key in differing.prefix(5) {
            let account = codes[key.accountID] ?? "#\(key.accountID)"
            let held = stored[key].map { "\($0.amountDong) VND, \($0.lineCount)" }, given = expected[key].map { "\($0.amountDong) VND, \($0.lineCount)" }
            report.add(nil, LocalizedText("cash_flow_month: account \(account) for \(key.monthKey) (funder #\(key.funderID), program #\(key.programID)) holds \(held ?? "nothing") but the lines of the entries that move cash give \(given ?? "nothing")",
                                          "cash_flow_month: tài khoản \(account) tháng \(key.monthKey) (nhà tài trợ #\(key.funderID), chương trình #\(key.programID)) ghi \(held ?? "không có gì") nhưng các dòng của bút toán có thu chi tiền cho \(given ?? "không có gì")"))
        }
        if differing.count > 5 { report.add(nil, LocalizedText("cash_flow_month: \(differing.count - 5) more totals disagree with the lines", "cash_flow_month: thêm \(differing.count - 5) số tổng không khớp với các dòng")) }
    }

    /// Compares the maintained daily holdings and the journal's extent with the lines.
    func verifyHoldings(_ recomputed: BalanceAccumulator, into report: inout VerificationReport) throws {
        let expected = recomputed.byHolding
        let storedRows = try storedTotals("SELECT kind, subject_id, day_key, net, value_vnd, valuations, line_count FROM holding_day ORDER BY kind, subject_id, day_key",
                                      unlessAgreeingWith: expected) { row in
            guard row.holdsIntegers(0..<7), let kind = HoldingKind(rawValue: row.int64(at: 0)), let dayKey = Int32(exactly: row.int64(at: 2)) else { return nil }
            return (HoldingDayKey(holding: HoldingKey(kind: kind, subjectID: row.int64(at: 1)), dayKey: dayKey),
                    HoldingChange(net: row.int64(at: 3), valueDong: row.int64(at: 4), valuations: row.int64(at: 5), lineCount: row.int64(at: 6)))
        }
        // The rows of a kind cpf never writes, counted only when the rows disagree at all.
        let kinds = "(" + HoldingKind.allCases.map { "\($0.rawValue)" }.joined(separator: ", ") + ")"
        var unreadable = storedRows == nil ? 0 : try database.scalarInt64("SELECT count(*) FROM holding_day WHERE kind NOT IN \(kinds)") ?? 0
        let differing = (storedRows.map { differingKeys($0, expected) } ?? [])
            .sorted { ($0.holding.kind.rawValue, $0.holding.subjectID, $0.dayKey) < ($1.holding.kind.rawValue, $1.holding.subjectID, $1.dayKey) }
        for key in differing.prefix(5) {
            let held = storedRows?[key].map { "\($0.net) (\($0.valueDong) VND)" }, given = expected[key].map { "\($0.net) (\($0.valueDong) VND)" }
                report.add(nil, LocalizedText("holding_day: \(key.holding.kind) #\(key.holding.subjectID) on \(key.dayKey) holds \(held ?? "nothing") but its lines give \(given ?? "nothing")",
                                              "holding_day: \(key.holding.kind) #\(key.holding.subjectID) ngày \(key.dayKey) ghi \(held ?? "không có gì") nhưng các dòng cho \(given ?? "không có gì")"))
        }
        if differing.count > 5 { report.add(nil, LocalizedText("holding_day: \(differing.count - 5) more rows disagree with the lines", "holding_day: thêm \(differing.count - 5) dòng không khớp với các dòng bút toán")) }
        // Each holding's days summed in one pass, one lookup each.
        var expectedSums: [HoldingKey: (change: HoldingChange, lastDay: Int32)] = [:]
        for (key, change) in expected {
            let index = expectedSums.index(forKey: key.holding) ?? {
                expectedSums[key.holding] = (HoldingChange(), key.dayKey)
                return expectedSums.index(forKey: key.holding)!
            }()
            _ = expectedSums.values[index].change.add(change)
            expectedSums.values[index].lastDay = max(expectedSums.values[index].lastDay, key.dayKey)
        }
        let expectedTotals = expectedSums.mapValues(\.change), expectedLastDays = expectedSums.mapValues(\.lastDay)
        var storedTotals: [HoldingKey: HoldingChange] = [:]
        var storedLastDays: [HoldingKey: Int64] = [:]
        try database.forEachRow("SELECT kind, subject_id, net, value_vnd, valuations, line_count, last_day FROM holding_total") { row in
            // A value not of the declared type is counted by `verifyDeclaredTypes`.
            guard row.holdsIntegers(0..<7) else { return }
            guard let kind = HoldingKind(rawValue: row.int64(at: 0)) else { unreadable += 1; return }
            let key = HoldingKey(kind: kind, subjectID: row.int64(at: 1))
            storedTotals[key] = HoldingChange(net: row.int64(at: 2), valueDong: row.int64(at: 3), valuations: row.int64(at: 4), lineCount: row.int64(at: 5))
            storedLastDays[key] = row.int64(at: 6)
        }
        let differingTotals = Set(storedTotals.keys).union(expectedTotals.keys)
            .filter { storedTotals[$0] != expectedTotals[$0] || storedLastDays[$0] != expectedLastDays[$0].map(Int64.init) }
        for key in differingTotals.sorted(by: { ($0.kind.rawValue, $0.subjectID) < ($1.kind.rawValue, $1.subjectID) }).prefix(5) {
            let held = storedTotals[key].map { "\($0.net)" }, given = expectedTotals[key].map { "\($0.net)" }
                report.add(nil, LocalizedText("holding_total: \(key.kind) #\(key.subjectID) holds \(held ?? "nothing") but its lines give \(given ?? "nothing")",
                                              "holding_total: \(key.kind) #\(key.subjectID) ghi \(held ?? "không có gì") nhưng các dòng cho \(given ?? "không có gì")"))
        }
        if unreadable > 0 { report.add(nil, LocalizedText("holding_day/holding_total: \(unreadable) rows have a kind that is not 1, 2, 3 or 4", "holding_day/holding_total: \(unreadable) dòng có loại không phải 1, 2, 3 hay 4")) }
        let extent = try database.firstRow("SELECT dong, foreign_minor, quantity, children FROM journal_extent WHERE id = 1") {
            JournalExtent(dong: $0.int64(at: 0), foreignMinor: $0.int64(at: 1), quantity: $0.int64(at: 2), children: $0.int64(at: 3))
        } ?? JournalExtent()
        if extent != recomputed.extent {
            report.add(nil, LocalizedText("journal_extent holds \(extent) but the lines give \(recomputed.extent)", "journal_extent ghi \(extent) nhưng các dòng cho \(recomputed.extent)"))
        }
    }

    /// Counts, in each maintained table, the rows holding a value of another type than the
    /// table declares: STRICT lets none in, but a file edited with `PRAGMA writable_schema`
    /// can hold them, and the readers would take a text or a real for some integer.
    func verifyDeclaredTypes(into report: inout VerificationReport) throws {
        // Every column is an INTEGER but these two TEXT columns of dimension_month.
        let texts: Set<String> = ["restriction", "currency"]
        for table in ["balance_day", "balance_month", "dimension_month", "holding_day", "holding_total", "cash_flow_month", "journal_extent"] {
            let columns = try database.prepare("SELECT * FROM \"\(table)\" LIMIT 0")
            let conditions = (0..<columns.columnCount).map { columns.columnName(at: $0) }.map { name in
                "typeof(\"\(name)\") <> '\(texts.contains(name) ? "text" : "integer")'"
            }
            guard let count = try database.scalarInt64("SELECT count(*) FROM \"\(table)\" WHERE \(conditions.joined(separator: " OR "))"), count > 0 else { continue }
            report.add(nil, LocalizedText("\(table): \(count) row(s) hold a value whose type is not the one the table declares (a number stored as text or with a fraction): it was changed outside cpf",
                                          "\(table): \(count) dòng chứa giá trị không đúng kiểu mà bảng khai báo (số lưu dạng chữ hoặc có phần lẻ): đã bị sửa ngoài cpf"))
        }
    }

    /// The keys whose totals differ between what is stored and what the lines give. Called
    /// only once `storedTotals` found a disagreement.
    private func differingKeys<Key, Value: Equatable>(_ stored: [Key: Value], _ expected: TotalsTable<Key, Value>) -> [Key] {
        return Set(stored.keys).union(expected.keys).filter { stored[$0] != expected[$0] }
    }

    /// The stored rows of a maintained table by key; `nil` when they are exactly `expected`.
    ///
    /// In intact books every row agrees, so the rows are first checked as they are read, one
    /// lookup each, and kept only when one disagrees (a second reading then gathers them for the
    /// findings). `sql` orders the rows by the table's key, so a key stored twice shows as two
    /// neighbours. `decode` returns `nil` for a row it cannot read, which disagrees.
    private func storedTotals<Key: TableKey, Value: Equatable>(_ sql: String, unlessAgreeingWith expected: TotalsTable<Key, Value>,
                                                                _ decode: (Statement) -> (Key, Value)?) throws -> [Key: Value]? {
        var rowCount = 0
        var agree = true
        var previous: Key?
        try database.forEachRow(sql) { row in
            rowCount += 1
            guard agree, let (key, value) = decode(row), key != previous, expected[key] == value else { agree = false; return }
            previous = key
        }
        guard !agree || rowCount != expected.count else { return nil }
        var stored: [Key: Value] = [:]
        try database.forEachRow(sql) { row in
            if let (key, value) = decode(row) { stored[key] = value }
        }
        return stored
    }

    private func describe(_ totals: BalanceAccumulator.Totals?) -> LocalizedText {
        guard let totals else { return LocalizedText("nothing", "không có gì") }
        return LocalizedText("debit \(totals.debitDong), credit \(totals.creditDong), foreign \(totals.foreignNet), \(totals.lineCount) lines",
                             "Nợ \(totals.debitDong), Có \(totals.creditDong), nguyên tệ \(totals.foreignNet), \(totals.lineCount) dòng")
    }
}
