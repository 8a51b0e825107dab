/// One holding's figures as the posting rules read them: its total over every date, and its
/// daily changes from `loadedFrom` on (`holding_day`, plus what the transaction wrote).
///
/// A rule about date D needs only the days from D on: the balance at the end of any day
/// t ≥ D is the total less the changes dated after t. So an entry dated today reads no day
/// at all, and a back-dated one reads the days between its date and today.
struct HoldingTimeline {
    /// Every change, whatever its date.
    private(set) var total = HoldingChange()
    /// The first day whose changes are all in `days`; earlier ones are only in `total`.
    private(set) var loadedFrom: Int32
    /// Days from `loadedFrom` on, oldest first, each with its summed change.
    private(set) var days: [(dayKey: Int32, change: HoldingChange)] = []

    init(total: HoldingChange, loadedFrom: Int32, days: [(dayKey: Int32, change: HoldingChange)]) {
        self.total = total
        self.loadedFrom = loadedFrom
        self.days = days
    }

    /// Whether the figures of `dayKey` and every later day can be worked out.
    func covers(_ dayKey: Int32) -> Bool { loadedFrom <= dayKey }

    /// The index of the first day on or after `dayKey`.
    private func firstIndex(onOrAfter dayKey: Int32) -> Int {
        var low = 0, high = days.count
        while low < high {
            let middle = (low + high) / 2
            if days[middle].dayKey < dayKey { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The holding at the end of `dayKey`: the total less every change dated after it.
    func asOf(_ dayKey: Int32) -> HoldingChange {
        precondition(covers(dayKey + 1) || covers(dayKey), "the days after \(dayKey) are loaded")
        var figures = total
        for index in firstIndex(onOrAfter: dayKey + 1)..<days.count {
            figures.net -= days[index].change.net
            figures.valueDong -= days[index].change.valueDong
        }
        return figures
    }

    /// The first day after `dayKey` with a line valued at the holding's average.
    func firstValuation(after dayKey: Int32) -> Int32? {
        // Entries in date order: nothing after the date, nothing to search.
        guard let last = days.last?.dayKey, last > dayKey else { return nil }
        for index in firstIndex(onOrAfter: dayKey + 1)..<days.count where days[index].change.valuations > 0 {
            return days[index].dayKey
        }
        return nil
    }

    /// The last day with a change.
    var lastDay: Int32? { days.last?.dayKey }

    /// The first day from `dayKey` on whose closing balance, with `net` added on `dayKey`,
    /// would be below `floor` (zero, or minus an allocation's budget), with that balance;
    /// `nil` when every day stays at or above it.
    func firstShortfall(adding net: Int64, on dayKey: Int32, floor: Int64 = 0) -> (dayKey: Int32, balance: Int64)? {
        // Entries in date order: the date's close is the total, and no later day exists.
        if days.last.map({ $0.dayKey <= dayKey }) ?? true {
            let balance = total.net + net
            return balance < floor ? (dayKey, balance) : nil
        }
        let start = firstIndex(onOrAfter: dayKey)
        var balance = total.net
        for index in start..<days.count { balance -= days[index].change.net }
        // `balance` is now the close of the day before `dayKey`.
        balance += net
        var index = start
        if index < days.count && days[index].dayKey == dayKey {
            balance += days[index].change.net
            index += 1
        }
        if balance < floor { return (dayKey, balance) }
        while index < days.count {
            balance += days[index].change.net
            if balance < floor { return (days[index].dayKey, balance) }
            index += 1
        }
        return nil
    }

    /// Several holdings seen as one (an allocation for any place covers the spending of every
    /// unit without an allocation of its own), from the latest of their first loaded days.
    static func combined(_ timelines: [HoldingTimeline]) -> HoldingTimeline {
        var combined = HoldingTimeline(total: HoldingChange(), loadedFrom: timelines.map(\.loadedFrom).max() ?? Int32.min, days: [])
        var days: [(dayKey: Int32, change: HoldingChange)] = []
        for timeline in timelines {
            _ = combined.total.add(timeline.total)
            days += timeline.days.filter { $0.dayKey >= combined.loadedFrom }
        }
        for day in days.sorted(by: { $0.dayKey < $1.dayKey }) {
            if let last = combined.days.last, last.dayKey == day.dayKey {
                _ = combined.days[combined.days.count - 1].change.add(day.change)
            } else {
                combined.days.append(day)
            }
        }
        return combined
    }

    /// The most days a timeline keeps: past it, the oldest half is left to `total` (and to the
    /// tables, read again if an entry is dated that far back), so a long import in date order
    /// keeps flat memory.
    static let dayCountMax = 512

    /// Adds a change dated `dayKey` (a line just written).
    mutating func apply(_ change: HoldingChange, on dayKey: Int32) {
        _ = total.add(change)
        guard dayKey >= loadedFrom else { return }
        if let last = days.last?.dayKey, last < dayKey {
            days.append((dayKey, change))
            if days.count > HoldingTimeline.dayCountMax {
                let dropped = days.count - HoldingTimeline.dayCountMax / 2
                loadedFrom = days[dropped].dayKey
                days.removeFirst(dropped)
            }
            return
        }
        let index = firstIndex(onOrAfter: dayKey)
        if index < days.count && days[index].dayKey == dayKey {
            _ = days[index].change.add(change)
        } else {
            days.insert((dayKey, change), at: index)
        }
    }
}

extension Ledger {
    /// Reads a holding's total (`holding_total`, one row) and its days from `dayKey` on
    /// (`holding_day`, one index range), adding what `pending` holds (written by the
    /// transaction, not yet in the tables).
    func holdingTimeline(_ holding: HoldingKey, from dayKey: Int32, pending: BalanceAccumulator) throws -> HoldingTimeline {
        let total = try database.firstRow("""
            SELECT net, value_vnd, valuations, line_count FROM holding_total WHERE kind = ?1 AND subject_id = ?2
            """, [holding.kind.rawValue, holding.subjectID]) {
            HoldingChange(net: $0.int64(at: 0), valueDong: $0.int64(at: 1), valuations: $0.int64(at: 2), lineCount: $0.int64(at: 3))
        } ?? HoldingChange()
        var days: [(dayKey: Int32, change: HoldingChange)] = []
        try database.forEachRow("""
            SELECT day_key, net, value_vnd, valuations, line_count FROM holding_day
            WHERE kind = ?1 AND subject_id = ?2 AND day_key >= ?3 ORDER BY day_key
            """, [holding.kind.rawValue, holding.subjectID, Int64(dayKey)]) { row in
            days.append((Int32(truncatingIfNeeded: row.int64(at: 0)),
                         HoldingChange(net: row.int64(at: 1), valueDong: row.int64(at: 2), valuations: row.int64(at: 3), lineCount: row.int64(at: 4))))
        }
        var timeline = HoldingTimeline(total: total, loadedFrom: dayKey, days: days)
        for (key, change) in pending.byHolding where key.holding == holding {
            timeline.apply(change, on: key.dayKey)
        }
        return timeline
    }

    /// Every holding's total and last day, for a transaction that reads them all at once
    /// (an import): each timeline is loaded from the day after its last, so entries in date
    /// order never read the table again. Grants' spending by program and place is left out:
    /// only allocated grants read it, when an entry spends them.
    func allHoldingTimelines() throws -> [HoldingKey: HoldingTimeline] {
        var result: [HoldingKey: HoldingTimeline] = [:]
        try database.forEachRow("""
            SELECT kind, subject_id, net, value_vnd, valuations, line_count, last_day FROM holding_total WHERE kind <> 4
            """) { row in
            guard let kind = HoldingKind(rawValue: row.int64(at: 0)) else { return }
            let total = HoldingChange(net: row.int64(at: 2), valueDong: row.int64(at: 3), valuations: row.int64(at: 4), lineCount: row.int64(at: 5))
            result[HoldingKey(kind: kind, subjectID: row.int64(at: 1))] =
                HoldingTimeline(total: total, loadedFrom: Int32(truncatingIfNeeded: row.int64(at: 6)) + 1, days: [])
        }
        return result
    }
}
