import Foundation
@testable import FundLedger
import Testing
import LedgerGenerator
import TestSupport

/// No count of children below 5 that a public output hides can be worked out from that output
/// (its totals and other rows) or from two outputs of the same kind over overlapping periods
/// (docs/privacy.md). Each test plays the attacker: it takes only what is shown and lists every
/// true count consistent with it.
@Suite struct SmallCountAttackTests {
    /// The true counts a shown cell leaves possible ("<5" → 1…4, "25" → 23…27, …).
    static func candidates(_ shown: Any?) -> ClosedRange<Int64>? {
        if let text = shown as? String { return text == "<5" ? 1...4 : nil }
        guard let value = JSON.integer(shown) else { return nil }
        return value == 0 ? 0...0 : value == 5 ? 5...7 : (value - 2)...(value + 2)
    }

    /// The values of the hidden cell at `index` that the shown rows and total allow.
    static func attack(rows: [Any?], total: Any?, hidden index: Int) -> [Int64] {
        let ranges = rows.map { candidates($0) ?? 0...0 }
        guard let totalRange = candidates(total) else { return Array(ranges[index]) }
        let othersLow = ranges.enumerated().filter { $0.offset != index }.reduce(0) { $0 + $1.element.lowerBound }
        let othersHigh = ranges.enumerated().filter { $0.offset != index }.reduce(0) { $0 + $1.element.upperBound }
        return ranges[index].filter { $0 + othersLow <= totalRange.upperBound && $0 + othersHigh >= totalRange.lowerBound }
    }

    // MARK: The rule

    @Test(arguments: [(0, "0"), (1, "<5"), (4, "<5"), (5, "5"), (7, "5"), (8, "10"), (12, "10"), (13, "15"), (27, "25"), (29, "30"),
                      (1_337, "1335"), (-3, "<5"), (-8, "-10")])
    func countsAreRoundedToFiveAndSmallOnesHidden(count: Int64, shown: String) {
        #expect(PublishedCount(count).machineText == shown)
    }

    @Test func aTotalThatWouldPinAHiddenCountIsWithheld() {
        // 4 + 4 = 8, shown as 10: with both rows "<5", only 4 and 4 add up to 8…12.
        #expect(SmallCounts.pinsAHiddenCount(cells: [4, 4], total: 8))
        // The statement: 27, 2 and 29 show as 25, "<5" and 30, which leave 1…4.
        #expect(!SmallCounts.pinsAHiddenCount(cells: [27, 2], total: 29))
        let table = ReportTable(key: "uses", columns: [], rows: [[.children(4)], [.children(4)]], totals: [.children(8)])
        #expect(SmallCounts.protect([table])[0].totals == [.withheldCount])
    }

    /// Random small tables, brute-forced: every combination of true counts that the shown rows
    /// and total allow; each hidden cell keeps at least two possible values.
    @Test(arguments: [1, 2, 3, 4, 5])
    func noRandomTableGivesAHiddenCountAway(seed: UInt64) {
        var random = RepeatableRandomNumberGenerator(seed: seed)
        for _ in 0..<300 {
            let cells = (0..<Int(random.next() % 4 + 2)).map { _ in Int64(random.next() % 16) }
            let protected = SmallCounts.protect([ReportTable(key: "t", columns: [], rows: cells.map { [.children($0)] },
                                                             totals: [.children(cells.reduce(0, +))])])[0]
            let shown = cells.map { PublishedCount($0) }
            let totalRange: ClosedRange<Int64>? = protected.totals == [.withheldCount] ? nil : PublishedCount(cells.reduce(0, +)).candidates
            let ranges = shown.map { $0.candidates! }
            for (index, cell) in shown.enumerated() where cell == .fewerThanFive {
                var possible = Set<Int64>()
                for combination in SmallCountAttackTests.combinations(ranges) where totalRange?.contains(combination.reduce(0, +)) ?? true {
                    possible.insert(combination[index])
                }
                #expect(possible.count >= 2, "cells \(cells): the hidden count at \(index) is worked out as \(possible)")
            }
        }
    }

    static func combinations(_ ranges: [ClosedRange<Int64>]) -> [[Int64]] {
        ranges.reduce([[]]) { partial, range in partial.flatMap { prefix in range.map { prefix + [$0] } } }
    }

    // MARK: Through cpf, as the issue did it

    /// Scholarships for 27 children and houses for 2 in one year, all from one donor; 6
    /// scholarships by June and 3 more in July.
    private func books() throws -> CLILedger {
        let ledger = try CLILedger()
        try ledger.mustRun(["funder", "add", "AIA", "--name", "AIA Việt Nam", "--kind", "company"])
        try ledger.mustRun(["unit", "add", "TN", "--name", "Tỉnh Tây Ninh", "--level", "province"])
        try ledger.mustRun(["grant", "add", "AIA-2018", "--funder", "AIA", "--amount", "900000000 VND"])
        try ledger.mustRun(["receive", "--date", "2018-01-02", "--funder", "AIA", "--grant", "AIA-2018", "--amount", "900000000 VND"])
        func spend(_ date: String, _ program: String, _ children: Int) throws {
            try ledger.mustRun(["disburse", "--date", date, "--grant", "AIA-2018", "--program", program, "--unit", "TN",
                                "--amount", "\(children * 1_000_000) VND", "--children", String(children)])
        }
        try spend("2018-06-10", "scholarship", 6)
        try spend("2018-07-10", "scholarship", 3)
        try spend("2018-10-10", "scholarship", 18)
        try spend("2018-11-10", "house", 2)
        return ledger
    }

    private func uses(_ ledger: CLILedger, _ arguments: [String], table: String) throws -> (rows: [[String: Any]], totals: [String: Any]?) {
        let result = try ledger.mustRun(["report"] + arguments + ["--format", "json"])
        let object = try #require(try JSON.parse(result.standardOutput) as? [String: Any])
        let tables = try #require(object["tables"] as? [[String: Any]])
        let found = try #require(tables.first { $0["key"] as? String == table }, "\(result.standardOutput)")
        return (found["rows"] as? [[String: Any]] ?? [], found["totals"] as? [String: Any])
    }

    @Test(arguments: [(["donor-statement", "--funder", "AIA", "--year", "2018"], "uses"), (["disclosure", "--year", "2018"], "uses"),
                      (["reach", "--year", "2018", "--by", "program,unit"], "reach")])
    func theTotalLessTheOtherRowsDoesNotGiveTheHousesAway(arguments: [String], table: String) throws {
        let ledger = try books()
        let (rows, totals) = try uses(ledger, arguments, table: table)
        let houses = try #require(rows.firstIndex { ($0["program"] as? String)?.contains("House") == true })
        #expect(rows[houses]["children"] as? String == "<5")
        let possible = SmallCountAttackTests.attack(rows: rows.map { $0["children"] }, total: totals?["children"], hidden: houses)
        #expect(possible.count >= 2 && possible.contains(2), "\(arguments): houses could be \(possible)")
    }

    @Test(arguments: [["donor-statement", "--funder", "AIA"], ["reach", "--by", "program,unit,quarter"]])
    func twoOutputsOverOverlappingPeriodsDoNotGiveJulyAway(arguments: [String]) throws {
        let ledger = try books()
        let table = arguments[0] == "reach" ? "reach" : "uses"
        // What each output says of all the children in its period: its total.
        func total(_ from: String, _ to: String) throws -> Any? {
            try uses(ledger, arguments + ["--from", from, "--to", to], table: table).totals?["children"]
        }
        let throughJune = try total("2018-01-01", "2018-06-30"), throughJuly = try total("2018-01-01", "2018-07-31")
        #expect(try total("2018-07-01", "2018-07-31") as? String == "<5")
        // Through June (6) and through July (9), each as shown: their difference leaves July open.
        let june = try #require(SmallCountAttackTests.candidates(throughJune), "\(String(describing: throughJune))")
        let both = try #require(SmallCountAttackTests.candidates(throughJuly), "\(String(describing: throughJuly))")
        let possible = (1...4).filter { value in june.contains { both.contains($0 + Int64(value)) } }
        #expect(possible.count >= 2 && possible.contains(3), "\(arguments): July could be \(possible)")
    }
}

