/// How a report reads a period: the whole months from the maintained totals by month, and the
/// days of the months the period only partly covers from the lines themselves (by entry date).
///
/// Every report query takes the same parameters: `:whole_from` and `:whole_to` (months as
/// yyyymm, an empty range when `:whole_from` > `:whole_to`), and the partial spans
/// `:head_from`…`:head_to` and `:tail_from`…`:tail_to` (ISO dates; an empty span runs from
/// 9999-12-31 to 0000-01-01).
public struct PeriodSpans: Sendable, Equatable {
    public let from: LedgerDate
    public let to: LedgerDate
    public let wholeFromMonth: Int
    public let wholeToMonth: Int
    public let head: ClosedRange<LedgerDate>?
    public let tail: ClosedRange<LedgerDate>?

    /// The whole life of the books up to `to`.
    public init(through to: LedgerDate) {
        self.init(from: .earliest, to: to)
    }

    public init(from: LedgerDate, to: LedgerDate) {
        precondition(from <= to, "a period runs forward")
        self.from = from
        self.to = to
        if from.monthKey == to.monthKey {
            let whole = from.day == 1 && to == to.lastOfMonth
            wholeFromMonth = whole ? from.monthKey : 1
            wholeToMonth = whole ? to.monthKey : 0
            head = whole ? nil : from...to
            tail = nil
            return
        }
        head = from.day == 1 ? nil : from...from.lastOfMonth
        wholeFromMonth = from.day == 1 ? from.monthKey : PeriodSpans.month(after: from.monthKey)
        tail = to == to.lastOfMonth ? nil : to.firstOfMonth...to
        wholeToMonth = to == to.lastOfMonth ? to.monthKey : PeriodSpans.month(before: to.monthKey)
    }

    static func month(after key: Int) -> Int { key % 100 == 12 ? (key / 100 + 1) * 100 + 1 : key + 1 }
    static func month(before key: Int) -> Int { key % 100 == 1 ? (key / 100 - 1) * 100 + 12 : key - 1 }

    /// The named parameters of every report query.
    public var parameters: [String: any DatabaseBindable] {
        [":whole_from": wholeFromMonth, ":whole_to": wholeToMonth,
         ":head_from": head?.lowerBound.iso ?? "9999-12-31", ":head_to": head?.upperBound.iso ?? "0000-01-01",
         ":tail_from": tail?.lowerBound.iso ?? "9999-12-31", ":tail_to": tail?.upperBound.iso ?? "0000-01-01"]
    }
}
