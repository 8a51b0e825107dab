import FundLedger

/// A demonstration fund built from published facts (docs/domain.md §2, the articles in
/// docs/sources/): what `cpf demo` posts and reports on.
public struct DemoScenario: Sendable {
    public let name: String
    public let fundName: String
    /// What the scenario reproduces, and what it had to assume where the articles give only
    /// totals.
    public let description: LocalizedText
    /// The period the scenario covers; reports are drawn up for it.
    public let startDate: LedgerDate
    public let endDate: LedgerDate
    /// The funder whose donor statement the demo prints.
    public let featuredFunderCode: String
    let build: @Sendable (DemoBook) throws -> Void

    /// Creates the ledger at `path` and posts the scenario into it.
    public func run(at path: String, user: String, configuration: Database.Configuration = Database.Configuration()) throws -> Ledger {
        let ledger = try Ledger.create(at: path, fundName: fundName, user: user, configuration: configuration)
        try ledger.markAsDemonstration(scenario: name)
        try build(DemoBook(ledger: ledger, user: user))
        return ledger
    }

    public static let all: [DemoScenario] = [.tayNinh2018, .konTum2013To2020, .thuaThienHue2016To2020]

    public static func named(_ name: String) -> DemoScenario? { all.first { $0.name == name } }
}
