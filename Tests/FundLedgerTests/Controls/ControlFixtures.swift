import Testing
@testable import FundLedger
import TestSupport

/// A small fund for the control tests: a company donor, an NGO grant restricted to
/// scholarships in TN, receipts, and one scholarship disbursement.
struct ControlFixture {
    let fixture: TemporaryLedger
    var ledger: Ledger { fixture.ledger }
    var path: String { fixture.path }

    static func date(_ text: String) -> LedgerDate { try! LedgerDate.parse(text) }

    init() throws {
        fixture = try TemporaryLedger()
        let ledger = fixture.ledger
        try ledger.addFunder(code: "AIA", name: "AIA Việt Nam", kind: .company, user: "tester")
        try ledger.addFunder(code: "KFW", name: "Kinderhilfe", kind: .ngo, currency: .usd, country: "DE", user: "tester")
        try ledger.addUnit(code: "TN", name: "Tỉnh Tây Ninh", level: .province, user: "tester")
        try ledger.addUnit(code: "BP", name: "Tỉnh Bình Phước", level: .province, user: "tester")
        var grant = GrantDefinition(code: "KFW-2018", funderCode: "KFW", committed: try Amount.parse("10000.00 USD"))
        grant.programCodes = ["scholarship"]
        grant.unitCodes = ["TN"]
        grant.validFrom = ControlFixture.date("2018-01-01")
        try ledger.addGrant(grant, user: "tester")
        var cash = Receipt(date: ControlFixture.date("2018-03-01"))
        cash.funderCode = "AIA"
        cash.amount = .vnd(500_000_000)
        cash.externalRef = "PT-1"
        try ledger.receive(cash, user: "tester")
        var usd = Receipt(date: ControlFixture.date("2018-03-02"))
        usd.funderCode = "KFW"
        usd.grantCode = "KFW-2018"
        usd.amount = try Amount.parse("4000.00 USD")
        usd.externalRef = "PT-2"
        try ledger.receive(usd, user: "tester")
        var scholarship = Disbursement(date: ControlFixture.date("2018-04-01"), programCode: "scholarship", unitCode: "TN", children: 20)
        scholarship.amount = .vnd(30_000_000)
        scholarship.externalRef = "PC-1"
        try ledger.disburse(scholarship, user: "tester")
    }

    /// Account and registry references as the journal writer needs them.
    func account(_ code: String) throws -> RegistryReference {
        RegistryReference(id: try #require(try ledger.account(code: code)).id, code: code)
    }

    func registry(_ registry: Registry, _ code: String) throws -> RegistryReference {
        RegistryReference(id: try ledger.registryID(registry, code: code), code: code)
    }

    /// Appends `entry` to the chain as the program would, but without any of its checks —
    /// how a ledger breaking exactly one rule is built while the hash chain stays whole.
    /// Storage triggers and unique indexes named in `dropping` are dropped first.
    @discardableResult
    func forge(_ entry: ValidatedEntry, postedBy: String = "forger", dropping: [String] = []) throws -> JournalEntry {
        try ledger.write {
            // Dropped for the write and put back after, as an attacker with the file would: the
            // schema then reads as cpf made it, and only the control under test can find it.
            var restore: [String] = []
            for name in dropping {
                let object = name.split(separator: " ").last.map(String.init) ?? name
                if let sql = try ledger.database.scalarText("SELECT sql FROM sqlite_schema WHERE name = ?", [object]) { restore.append(sql) }
                try ledger.database.execute("DROP \(name)")
            }
            let writer = try JournalWriter(ledger: ledger)
            let written = try writer.append(entry, postedBy: postedBy, postedAt: Timestamp.now())
            try writer.finish()
            // A unique index the forged row breaks cannot be put back: the schema check then
            // finds it missing (the chain control).
            for sql in restore { try? ledger.database.execute(sql) }
            return written
        }
    }

    func line(_ number: Int, _ code: String, _ dong: Int64, grant: String? = nil, program: String? = nil, unit: String? = nil,
              restriction: Restriction = .unrestricted, foreign: ForeignAmount? = nil, funder: String? = nil) throws -> PostedLine {
        PostedLine(lineNumber: number, account: try account(code), amountDong: dong, foreign: foreign,
                   funder: try funder.map { try registry(.funder, $0) }, grant: try grant.map { try registry(.grant, $0) },
                   program: try program.map { try registry(.program, $0) }, unit: try unit.map { try registry(.unit, $0) },
                   restriction: restriction)
    }

    /// The audit's errors, by control.
    func auditErrors(year: Int? = nil) throws -> [AuditControl: [AuditFinding]] {
        Dictionary(grouping: try ledger.audit(year: year).findings.filter { $0.severity == .error }, by: \.control)
    }
}
