/// How a public output (a donor statement, the disclosure, reach, their charts) shows a count
/// of child-instances, so that no count below 5 can be worked out from it — neither from its
/// totals and other rows, nor from two outputs over overlapping periods (docs/privacy.md):
///
/// - 0 is shown as 0 (no child);
/// - 1 to 4 are shown as "<5";
/// - 5 and more are rounded to the nearest multiple of 5, halves up (7 → 5, 8 → 10), totals
///   included: a total is rounded from the true total, never summed from what is shown;
/// - a total that would still pin a hidden count, with the rows beside it, is withheld
///   (`SmallCounts.protect`).
///
/// Each shown value leaves at least three candidates ("<5": 1…4; 5: 5…7; 10: 8…12), so the
/// difference of two shown values, or a total less its other rows, leaves several candidates
/// for any count hidden as "<5".
public enum PublishedCount: Sendable, Equatable {
    case zero
    case fewerThanFive
    case rounded(Int64)
    case withheld

    /// The count as published. Negative counts (more reversed than given) are shown by the
    /// same rule, with their sign.
    public init(_ count: Int64) {
        let magnitude = count.magnitude
        if magnitude == 0 {
            self = .zero
        } else if magnitude < 5 {
            self = .fewerThanFive
        } else {
            let rounded = Int64(clamping: (magnitude + 2) / 5 * 5)
            self = .rounded(count < 0 ? -rounded : rounded)
        }
    }

    /// The true counts this shown value leaves possible, for a count that is not negative.
    var candidates: ClosedRange<Int64>? {
        switch self {
        case .zero: return 0...0
        case .fewerThanFive: return 1...4
        case .rounded(let value) where value == 5: return 5...7
        case .rounded(let value) where value > 5: return (value - 2)...(value + 2)
        case .rounded, .withheld: return nil
        }
    }

    /// The value a chart draws: what is shown, and nothing for "<5" or a withheld total.
    var drawnValue: Int64 {
        if case .rounded(let value) = self { return value }
        return 0
    }
}

public enum SmallCounts {
    /// The note every public output with counts of children carries.
    static let note = LocalizedText("Child-instances are rounded to the nearest 5; fewer than 5 are shown as <5, and a total that would reveal them is hidden.",
                                    "Số lượt trẻ em được làm tròn đến bội số gần nhất của 5; số dưới 5 ghi là <5, tổng nào để lộ số đó thì được ẩn.")

    /// The tables of a public report with every total of child-instances that would pin a
    /// count hidden as "<5" withheld.
    static func protect(_ tables: [ReportTable]) -> [ReportTable] {
        tables.map { table in
            guard var totals = table.totals else { return table }
            var protected = table
            for column in totals.indices {
                guard case .children(let total) = totals[column] else { continue }
                let cells = table.rows.compactMap { row -> Int64? in
                    guard column < row.count, case .children(let count) = row[column] else { return nil }
                    return count
                }
                if pinsAHiddenCount(cells: cells, total: total) { totals[column] = .withheldCount }
            }
            protected.totals = totals
            return protected
        }
    }

    /// Whether the shown `cells` and shown `total` leave only one candidate for some cell
    /// shown as "<5": the rows' intervals must add up to the total's.
    static func pinsAHiddenCount(cells: [Int64], total: Int64) -> Bool {
        let shown = cells.map(PublishedCount.init)
        guard shown.contains(.fewerThanFive), let totalRange = PublishedCount(total).candidates else { return false }
        let ranges = shown.map { $0.candidates }
        guard ranges.allSatisfy({ $0 != nil }) else { return false }
        let all = ranges.map { $0! }
        let lowest = all.reduce(0) { $0 + $1.lowerBound }
        let highest = all.reduce(0) { $0 + $1.upperBound }
        for (index, range) in all.enumerated() where shown[index] == .fewerThanFive {
            let othersLow = lowest - range.lowerBound, othersHigh = highest - range.upperBound
            let low = max(range.lowerBound, totalRange.lowerBound - othersHigh)
            let high = min(range.upperBound, totalRange.upperBound - othersLow)
            if low >= high { return true }
        }
        return false
    }
}
