/// `verify`'s quick check of the maintained totals against the lines' fingerprint
/// (`TotalsFingerprint`): each table's rows are read once, in key order, and summed into the
/// same kind of number. The exact comparisons (`MaintainedTotalsCheck.swift`) run only when
/// this cannot vouch for every table.
extension Ledger {
    /// Whether every maintained total (`balance_day`, `balance_month`, `dimension_month`,
    /// `holding_day`, `holding_total`, `cash_flow_month`, `journal_extent`) is exactly what the
    /// lines give, as `print` sums them; `false` when a table differs or a row is not one the
    /// fingerprint can vouch for (see `TotalsFingerprint`).
    func maintainedTotalsAgree(with print: inout TotalsFingerprint) throws -> Bool {
        // Every total the lines give is within the extent, so within ±10^18.
        guard print.extent.exceeded == nil else { return false }
        let extent = try database.firstRow("SELECT dong, foreign_minor, quantity, children FROM journal_extent WHERE id = 1") {
            $0.holdsIntegers(0..<4) ? JournalExtent(dong: $0.int64(at: 0), foreignMinor: $0.int64(at: 1), quantity: $0.int64(at: 2), children: $0.int64(at: 3)) : nil
        } ?? JournalExtent()
        guard extent == print.extent else { return false }
        var variables = print.variables
        defer { print.variables = variables }
        return try accountTotalsAgree("balance_day", "day_key", print.day, &variables)
            && accountTotalsAgree("balance_month", "month_key", print.month, &variables)
            && dimensionTotalsAgree(print.dimension, &variables)
            && holdingTotalsAgree(print.holding, &variables)
            && cashFlowsAgree(print.cashFlow, &variables)
    }

    private func accountTotalsAgree(_ table: String, _ keyColumn: String, _ expected: UInt64, _ variables: inout FingerprintVariables) throws -> Bool {
        let rows = try database.prepare("SELECT \(keyColumn), account_id, debit_vnd, credit_vnd, foreign_net, line_count FROM \(table) ORDER BY \(keyColumn), account_id")
        let weights = variables.weights, byDay = keyColumn == "day_key"
        var sum: UInt64 = 0
        var previous: (Int64, Int64)?
        while try rows.step() {
            guard rows.holdsIntegers(0..<6) else { return false }
            let key = (rows.int64(at: 0), rows.int64(at: 1))
            guard previous.map({ $0 < key }) ?? true else { return false }
            previous = key
            var figures = StoredFigures.Sum(lineCount: rows.int64(at: 5), weight: weights.lineCount)
            figures.add(weights.debit, rows.int64(at: 2))
            figures.add(weights.credit, rows.int64(at: 3))
            figures.add(weights.foreign, rows.int64(at: 4))
            guard figures.inBounds else { return false }
            let place = byDay ? variables.day(key.0) : variables.month(key.0)
            sum = Mod61.add(sum, Mod61.multiply(Mod61.multiply(place, variables.account(key.1)), figures.value))
        }
        return Mod61.canonical(sum) == Mod61.canonical(expected)
    }

    private func dimensionTotalsAgree(_ expected: UInt64, _ variables: inout FingerprintVariables) throws -> Bool {
        let rows = try database.prepare("""
            SELECT month_key, account_id, funder_id, grant_id, program_id, unit_id, item_id, restriction, currency,
                   debit_vnd, credit_vnd, foreign_net, quantity_net, children_net, line_count FROM dimension_month
            ORDER BY month_key, account_id, funder_id, grant_id, program_id, unit_id, item_id, restriction, currency
            """)
        let weights = variables.weights
        var sum: UInt64 = 0
        var previous: DimensionRowKey?
        while try rows.step() {
            guard rows.holdsIntegers(0..<7), rows.holdsText(at: 7), rows.holdsText(at: 8), rows.holdsIntegers(9..<15) else { return false }
            let key = DimensionRowKey(ids: (rows.int64(at: 0), rows.int64(at: 1), rows.int64(at: 2), rows.int64(at: 3), rows.int64(at: 4), rows.int64(at: 5), rows.int64(at: 6)),
                                      restriction: rows.text(at: 7), currency: rows.text(at: 8))
            // A currency is an ISO code: texts of other bytes could be equal as strings.
            guard previous.map({ $0.precedes(key) }) ?? true, let restriction = Restriction(rawValue: key.restriction),
                  key.currency.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
            previous = key
            var figures = StoredFigures.Sum(lineCount: rows.int64(at: 14), weight: weights.lineCount)
            figures.add(weights.debit, rows.int64(at: 9))
            figures.add(weights.credit, rows.int64(at: 10))
            figures.add(weights.foreign, rows.int64(at: 11))
            figures.add(weights.quantity, rows.int64(at: 12))
            figures.add(weights.children, rows.int64(at: 13))
            guard figures.inBounds else { return false }
            let place = variables.dimensionKey(monthAccount: Mod61.multiply(variables.month(key.ids.0), variables.account(key.ids.1)),
                                               funder: key.ids.2, grant: key.ids.3, program: key.ids.4, unit: key.ids.5, item: key.ids.6,
                                               restriction: restriction, currency: key.currency)
            sum = Mod61.add(sum, Mod61.multiply(place, figures.value))
        }
        return Mod61.canonical(sum) == Mod61.canonical(expected)
    }

    /// `holding_day` by fingerprint; then `holding_total`, exactly, against the sums and last
    /// days of the `holding_day` rows just vouched for.
    private func holdingTotalsAgree(_ expected: UInt64, _ variables: inout FingerprintVariables) throws -> Bool {
        let rows = try database.prepare("SELECT kind, subject_id, day_key, net, value_vnd, valuations, line_count FROM holding_day ORDER BY kind, subject_id, day_key")
        var sum: UInt64 = 0
        var previous: (Int64, Int64, Int64)?
        // Each holding's sum over its days and its last day, in key order.
        var totals: [(kind: Int64, subject: Int64, change: HoldingChange, lastDay: Int64)] = []
        while try rows.step() {
            guard rows.holdsIntegers(0..<7) else { return false }
            let key = (rows.int64(at: 0), rows.int64(at: 1), rows.int64(at: 2))
            guard previous.map({ $0 < key }) ?? true, let kind = HoldingKind(rawValue: key.0) else { return false }
            previous = key
            let change = HoldingChange(net: rows.int64(at: 3), valueDong: rows.int64(at: 4), valuations: rows.int64(at: 5), lineCount: rows.int64(at: 6))
            guard StoredFigures.within(change.net), StoredFigures.within(change.valueDong), StoredFigures.within(change.valuations),
                  StoredFigures.isLineCount(change.lineCount) else { return false }
            let place = Mod61.multiply(variables.holding(kind, key.1), variables.day(key.2))
            sum = Mod61.add(sum, Mod61.multiply(place, variables.figures(change)))
            if let last = totals.last, last.kind == key.0, last.subject == key.1 {
                var total = last.change
                let counts = (total.valuations.addingReportingOverflow(change.valuations), total.lineCount.addingReportingOverflow(change.lineCount))
                guard !counts.0.overflow, !counts.1.overflow else { return false }
                (total.valuations, total.lineCount) = (counts.0.partialValue, counts.1.partialValue)
                guard total.add(HoldingChange(net: change.net, valueDong: change.valueDong)) else { return false }
                totals[totals.count - 1] = (key.0, key.1, total, key.2)
            } else {
                totals.append((key.0, key.1, change, key.2))
            }
        }
        guard Mod61.canonical(sum) == Mod61.canonical(expected) else { return false }
        let stored = try database.prepare("SELECT kind, subject_id, net, value_vnd, valuations, line_count, last_day FROM holding_total ORDER BY kind, subject_id")
        var index = 0
        while try stored.step() {
            guard index < totals.count, stored.holdsIntegers(0..<7) else { return false }
            let total = totals[index]
            index += 1
            guard stored.int64(at: 0) == total.kind, stored.int64(at: 1) == total.subject, stored.int64(at: 6) == total.lastDay,
                  HoldingChange(net: stored.int64(at: 2), valueDong: stored.int64(at: 3), valuations: stored.int64(at: 4), lineCount: stored.int64(at: 5)) == total.change
            else { return false }
        }
        return index == totals.count
    }

    private func cashFlowsAgree(_ expected: UInt64, _ variables: inout FingerprintVariables) throws -> Bool {
        let rows = try database.prepare("SELECT month_key, account_id, funder_id, program_id, amount_vnd, line_count FROM cash_flow_month ORDER BY month_key, account_id, funder_id, program_id")
        let weights = variables.weights
        var sum: UInt64 = 0
        var previous: (Int64, Int64, Int64, Int64)?
        while try rows.step() {
            guard rows.holdsIntegers(0..<6) else { return false }
            let key = (rows.int64(at: 0), rows.int64(at: 1), rows.int64(at: 2), rows.int64(at: 3))
            guard previous.map({ $0 < key }) ?? true else { return false }
            previous = key
            var figures = StoredFigures.Sum(lineCount: rows.int64(at: 5), weight: weights.lineCount)
            figures.add(weights.amount, rows.int64(at: 4))
            guard figures.inBounds else { return false }
            let place = variables.cashFlowKey(monthAccount: Mod61.multiply(variables.month(key.0), variables.account(key.1)), funder: key.2, program: key.3)
            sum = Mod61.add(sum, Mod61.multiply(place, figures.value))
        }
        return Mod61.canonical(sum) == Mod61.canonical(expected)
    }
}

/// The bounds a stored row's figures must keep for its fingerprint to vouch for it.
private enum StoredFigures {
    /// Within ±10^18, as every total the lines give is.
    @inline(__always)
    static func within(_ figure: Int64) -> Bool { figure >= -JournalExtent.limit && figure <= JournalExtent.limit }

    /// At least one line: a row no line gives must not weigh nothing.
    @inline(__always)
    static func isLineCount(_ count: Int64) -> Bool { count >= 1 && count <= JournalExtent.limit }

    /// Σ weight · figure over a row's figures, its line count's term included; `inBounds` is
    /// `false` once a figure is out of bounds.
    struct Sum {
        private(set) var value: UInt64
        private(set) var inBounds: Bool

        @inline(__always)
        init(lineCount: Int64, weight: UInt64) {
            value = Mod61.multiply(weight, Mod61.element(lineCount))
            inBounds = StoredFigures.isLineCount(lineCount)
        }

        @inline(__always)
        mutating func add(_ weight: UInt64, _ figure: Int64) {
            inBounds = inBounds && StoredFigures.within(figure)
            value = Mod61.add(value, Mod61.multiply(weight, Mod61.element(figure)))
        }
    }
}

/// A `dimension_month` key as SQLite orders it: the ids, then the two texts by their bytes.
private struct DimensionRowKey {
    let ids: (Int64, Int64, Int64, Int64, Int64, Int64, Int64)
    let restriction: String
    let currency: String

    func precedes(_ other: DimensionRowKey) -> Bool {
        let (a, b) = (ids, other.ids)
        if (a.0, a.1, a.2, a.3, a.4, a.5) != (b.0, b.1, b.2, b.3, b.4, b.5) { return (a.0, a.1, a.2, a.3, a.4, a.5) < (b.0, b.1, b.2, b.3, b.4, b.5) }
        if a.6 != b.6 { return a.6 < b.6 }
        if !restriction.utf8.elementsEqual(other.restriction.utf8) { return restriction.utf8.lexicographicallyPrecedes(other.restriction.utf8) }
        return currency.utf8.lexicographicallyPrecedes(other.currency.utf8)
    }
}
