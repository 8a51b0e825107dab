/// A demonstration fund built from published facts (SPEC.md §2, the articles in
/// shared/seeds/): what `cpf demo` posts and reports on.
public struct DemoScenario: Sendable {
    public let name: String
    public let fundName: String
    /// What the scenario reproduces, and what it had to assume where the articles give only
    /// totals.
    public let description: String
    /// The last day of the scenario; reports are drawn up to it.
    public let endDate: LedgerDate
    let build: @Sendable (Ledger, String) throws -> Void

    /// Creates the ledger at `path` and posts the scenario into it.
    public func run(at path: String, user: String) throws -> Ledger {
        let ledger = try Ledger.create(at: path, fundName: fundName, user: user)
        try ledger.database.execute("INSERT INTO ledger_meta (key, value) VALUES ('demo_scenario', '\(name)')")
        try build(ledger, user)
        return ledger
    }

    public static let all: [DemoScenario] = [.tayNinh2018]

    public static func named(_ name: String) -> DemoScenario? { all.first { $0.name == name } }
}

extension DemoScenario {
    /// Tây Ninh, 2018 (Báo Tây Ninh, 26/12/2018): the "Cặp lá yêu thương" campaign raised more
    /// than 250 million VND and 6 savings books (4 × 10,000,000 and 2 × 5,000,000 VND); it paid
    /// monthly scholarships totalling 240 million VND and built one house worth 50 million VND.
    /// With the national fund, 400 gift packages (1,000,000 VND cash plus a 200,000 VND gift
    /// each); 90 bicycles from AIA Vietnam through the national fund; free milk for 1,337
    /// children from the Vietnam milk fund.
    public static let tayNinh2018 = DemoScenario(
        name: "tay-ninh-2018",
        fundName: "Quỹ Bảo trợ trẻ em tỉnh Tây Ninh",
        description: """
        Tây Ninh 2018 (Báo Tây Ninh, 26/12/2018). Published: more than 250 million VND raised and 6 savings
        books (4 × 10,000,000 + 2 × 5,000,000 VND); monthly scholarships totalling 240,000,000 VND; one house of
        50,000,000 VND; 400 gift packages of 1,000,000 VND cash + a 200,000 VND gift; 90 bicycles from AIA
        Vietnam; free milk for 1,337 children. Assumed where the article is silent: the campaign raised
        252,000,000 VND (152,000,000 from individuals, 100,000,000 from companies); the scholarships were the
        6 savings books (50,000,000 VND) and 10 monthly cash instalments of 19,000,000 VND during the school
        year; the national fund sent the gift money; a bicycle is valued at 1,500,000 VND and a child's milk
        at 500,000 VND.
        """,
        endDate: LedgerDate(year: 2018, month: 12, day: 31)!,
        build: { ledger, user in _ = try ledger.post(TayNinh2018.entries(), user: user) })
}

/// The Tây Ninh 2018 entries, posted as plain journal entries.
enum TayNinh2018 {
    static func date(_ month: Int, _ day: Int) -> LedgerDate { LedgerDate(year: 2018, month: month, day: day)! }

    static func entry(_ month: Int, _ day: Int, _ memo: String, _ ref: String, _ lines: [LineDraft]) -> EntryDraft {
        EntryDraft(date: date(month, day), memo: memo, externalRef: ref, lines: lines)
    }

    static func entries() -> [EntryDraft] {
        var entries: [EntryDraft] = [
            entry(1, 15, "Cặp lá yêu thương: donations from individuals", "TN18-CLYT-01",
                  [.debit("1121", .vnd(152_000_000)), .credit("5132", .vnd(152_000_000))]),
            entry(1, 15, "Cặp lá yêu thương: donations from companies", "TN18-CLYT-02",
                  [.debit("1121", .vnd(100_000_000)), .credit("5131", .vnd(100_000_000))]),
            entry(1, 15, "Cặp lá yêu thương: 6 savings books (4 × 10,000,000 + 2 × 5,000,000)", "TN18-CLYT-03",
                  [.debit("121", .vnd(50_000_000)), .credit("5132", .vnd(50_000_000))]),
            entry(1, 20, "Scholarships: the 6 savings books handed to pupils", "TN18-CLYT-04",
                  [.debit("6111", .vnd(50_000_000)), .credit("121", .vnd(50_000_000))]),
            entry(3, 10, "House built for a family with children", "TN18-HOUSE-01",
                  [.debit("6113", .vnd(50_000_000)), .credit("1121", .vnd(50_000_000))]),
            entry(5, 25, "National fund: money for 400 gift packages", "TN18-GIFT-01",
                  [.debit("1121", .vnd(480_000_000)), .credit("5138", .vnd(480_000_000))]),
            entry(5, 28, "Cash withdrawn for 400 gift packages", "TN18-GIFT-02",
                  [.debit("1111", .vnd(400_000_000)), .credit("1121", .vnd(400_000_000))]),
            entry(5, 30, "400 gifts bought (200,000 VND each)", "TN18-GIFT-03",
                  [.debit("156", .vnd(80_000_000)), .credit("1121", .vnd(80_000_000))]),
            entry(6, 1, "400 gift packages: 1,000,000 VND cash + a 200,000 VND gift each", "TN18-GIFT-04",
                  [.debit("6114", .vnd(480_000_000)), .credit("1111", .vnd(400_000_000)), .credit("156", .vnd(80_000_000))]),
            entry(6, 1, "AIA Vietnam: 90 bicycles in kind through the national fund", "TN18-BIKE-01",
                  [.debit("156", .vnd(135_000_000)), .credit("5133", .vnd(135_000_000))]),
            entry(6, 1, "90 bicycles handed to children", "TN18-BIKE-02",
                  [.debit("6115", .vnd(135_000_000)), .credit("156", .vnd(135_000_000))]),
            entry(6, 15, "Vietnam milk fund: free milk for 1,337 children, in kind", "TN18-MILK-01",
                  [.debit("156", .vnd(668_500_000)), .credit("5133", .vnd(668_500_000))]),
            entry(6, 15, "Milk handed to 1,337 children", "TN18-MILK-02",
                  [.debit("6112", .vnd(668_500_000)), .credit("156", .vnd(668_500_000))]),
        ]
        for month in [1, 2, 3, 4, 5, 8, 9, 10, 11, 12] {
            entries.append(entry(month, 5, "Monthly scholarships, month \(month)/2018", "TN18-SCH-\(month)",
                                 [.debit("6111", .vnd(19_000_000)), .credit("1121", .vnd(19_000_000))]))
        }
        return entries.sorted { $0.date < $1.date }
    }
}
