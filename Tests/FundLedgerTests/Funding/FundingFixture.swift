import Testing
@testable import FundLedger
import TestSupport

/// A small fund for the funding tests: a company donor, a central-budget funder, an NGO that
/// gives in USD and a second NGO; the province TN with the district TN-HT inside it, and the
/// province BP. Grants are added by each test. The ledger has the SBV USD rate of 22,750
/// from 2018-01-01 (`TemporaryLedger`).
struct FundingBooks {
    let fixture: TemporaryLedger
    var ledger: Ledger { fixture.ledger }
    var path: String { fixture.path }

    static func date(_ text: String) -> LedgerDate { try! LedgerDate.parse(text) }

    init(withUSDRate: Bool = true) throws {
        fixture = try TemporaryLedger(withUSDRate: withUSDRate)
        let ledger = fixture.ledger
        try ledger.addFunder(code: "AIA", name: "AIA Việt Nam", kind: .company, user: "tester")
        try ledger.addFunder(code: "NSTW", name: "Ngân sách Trung ương", kind: .governmentCentral, user: "tester")
        try ledger.addFunder(code: "KFW", name: "Kinderhilfe e.V.", kind: .ngo, currency: .usd, country: "DE", user: "tester")
        try ledger.addFunder(code: "PLAN", name: "Plan International", kind: .ngo, currency: .usd, country: "GB", user: "tester")
        try ledger.addUnit(code: "TN", name: "Tỉnh Tây Ninh", level: .province, user: "tester")
        try ledger.addUnit(code: "TN-HT", name: "Huyện Hòa Thành", level: .district, parentCode: "TN", user: "tester")
        try ledger.addUnit(code: "BP", name: "Tỉnh Bình Phước", level: .province, user: "tester")
    }

    // MARK: Building

    /// Adds a grant; the default is 10,000.00 USD from KFW for scholarships and houses in TN
    /// during 2018.
    func addGrant(_ code: String = "KFW-2018", funder: String = "KFW", committed: String = "10000.00 USD",
                  programs: [String] = ["scholarship", "house"], units: [String] = ["TN"],
                  from: String? = "2018-01-01", to: String? = "2018-12-31", designated: Bool = false,
                  status: GrantStatus = .active, tranches: [Tranche] = []) throws {
        var definition = GrantDefinition(code: code, funderCode: funder, committed: try Amount.parse(committed))
        definition.programCodes = programs
        definition.unitCodes = units
        definition.validFrom = from.map(FundingBooks.date)
        definition.validTo = to.map(FundingBooks.date)
        definition.designated = designated
        definition.status = status
        definition.tranches = tranches
        try ledger.addGrant(definition, user: "tester")
    }

    @discardableResult
    func receive(_ date: String, funder: String?, grant: String? = nil, _ amount: String, into: String? = nil,
                 rate: String? = nil, rateSource: String? = nil, ref: String? = nil) throws -> JournalEntry {
        var receipt = Receipt(date: FundingBooks.date(date))
        receipt.funderCode = funder
        receipt.grantCode = grant
        receipt.amount = try Amount.parse(amount)
        receipt.intoAccountCode = into
        receipt.rate = try rate.map(Rate.parse)
        receipt.rateSource = rateSource
        receipt.externalRef = ref
        return try #require(try ledger.receive(receipt, user: "tester").entry)
    }

    @discardableResult
    func receiveInKind(_ date: String, funder: String, grant: String? = nil, item: String, quantity: Int64, unitValue: Int64,
                       basis: String = "supplier invoice", unitName: String? = "chiếc") throws -> JournalEntry {
        var receipt = Receipt(date: FundingBooks.date(date))
        receipt.funderCode = funder
        receipt.grantCode = grant
        receipt.inKind = InKindGoods(itemCode: item, quantity: quantity, unitValue: .vnd(unitValue), basis: basis, unitName: unitName)
        return try #require(try ledger.receive(receipt, user: "tester").entry)
    }

    func disbursement(_ date: String, program: String = "scholarship", unit: String = "TN", grant: String? = "KFW-2018",
                      _ amount: String? = nil, from: String? = nil, children: Int64 = 10) throws -> Disbursement {
        var disbursement = Disbursement(date: FundingBooks.date(date), programCode: program, unitCode: unit, children: children)
        disbursement.grantCode = grant
        disbursement.amount = try amount.map { try Amount.parse($0) }
        disbursement.fromAccountCode = from
        return disbursement
    }

    @discardableResult
    func disburse(_ date: String, program: String = "scholarship", unit: String = "TN", grant: String? = "KFW-2018",
                  _ amount: String, from: String? = nil, children: Int64 = 10) throws -> JournalEntry {
        let disbursement = try disbursement(date, program: program, unit: unit, grant: grant, amount, from: from, children: children)
        return try #require(try ledger.disburse(disbursement, user: "tester").entry)
    }

    @discardableResult
    func handOut(_ date: String, program: String = "bicycle", unit: String = "TN", item: String, quantity: Int64,
                 children: Int64? = nil, grant: String? = nil) throws -> JournalEntry {
        var disbursement = Disbursement(date: FundingBooks.date(date), programCode: program, unitCode: unit, children: children ?? quantity)
        disbursement.inKindItemCode = item
        disbursement.quantity = quantity
        disbursement.grantCode = grant
        return try #require(try ledger.disburse(disbursement, user: "tester").entry)
    }

    @discardableResult
    func convert(_ date: String, _ amount: String, received: Int64, grant: String? = nil) throws -> JournalEntry {
        var conversion = Conversion(date: FundingBooks.date(date), fromAccountCode: "1122", amount: try Amount.parse(amount),
                                    intoAccountCode: "1121", received: .vnd(received))
        conversion.grantCode = grant
        return try #require(try ledger.convert(conversion, user: "tester").entry)
    }

    func setRate(_ date: String, _ rate: String) throws {
        try ledger.setRate(.usd, on: FundingBooks.date(date), rate: try Rate.parse(rate), source: "SBV", user: "tester")
    }

    // MARK: Reading the lines directly

    /// One integer from the ledger file, by SQL of the test's own (0 when NULL).
    func integer(_ sql: String, _ arguments: [any DatabaseBindable] = []) throws -> Int64 {
        try ledger.database.scalarInt64(sql, arguments) ?? 0
    }

    /// The signed dong sum (debits positive) of the lines on `account`, optionally of one entry.
    func dong(on account: String, entry: Int64? = nil) throws -> Int64 {
        try integer("""
            SELECT sum(l.amount_vnd) FROM line l JOIN account a ON a.id = l.account_id
            WHERE a.code = ?1 AND (?2 IS NULL OR l.entry_seq = ?2)
            """, [account, entry])
    }

    /// The signed foreign sum (minor units) of the lines on `account`.
    func foreign(on account: String) throws -> Int64 {
        try integer("SELECT sum(l.amount_foreign) FROM line l JOIN account a ON a.id = l.account_id WHERE a.code = ?", [account])
    }

    /// How many entries the journal holds.
    func entryCount() throws -> Int64 { try integer("SELECT count(*) FROM entry") }

    // MARK: Refusals

    /// Runs `body`, expects it to throw a `LedgerError` with `rule`, whose message contains
    /// every text of `mentions` and which has a hint; and expects the ledger file to be
    /// exactly as before (its bytes, its WAL and every row).
    @discardableResult
    func expectRefused(_ rule: LedgerError.Rule, _ mentions: [String] = [], sourceLocation: SourceLocation = #_sourceLocation,
                       _ body: () throws -> Void) throws -> LedgerError? {
        let before = try LedgerFingerprint.of(path)
        var refusal: LedgerError?
        do {
            try body()
            Issue.record("expected a refusal (\(rule.rawValue)), but it was accepted", sourceLocation: sourceLocation)
        } catch let error as LedgerError {
            refusal = error
            #expect(error.rule == rule, "\(error)", sourceLocation: sourceLocation)
            for text in mentions {
                #expect(error.message.contains(text), "the message should mention '\(text)': \(error.message)", sourceLocation: sourceLocation)
            }
            #expect(error.hint.count > 5, "a refusal says how to proceed: \(error)", sourceLocation: sourceLocation)
        }
        let after = try LedgerFingerprint.of(path)
        #expect(after == before, "the refusal changed the ledger: before \(before), after \(after)", sourceLocation: sourceLocation)
        return refusal
    }
}

/// Exact integer arithmetic of the tests' own, written out independently of `Rate`:
/// `numerator / denominator` rounded to the nearest integer, ties to the even one.
func halfEven(_ numerator: Int64, _ denominator: Int64) -> Int64 {
    precondition(denominator > 0)
    let wide = Int128(numerator)
    var quotient = wide / Int128(denominator)
    var remainder = wide % Int128(denominator)
    if remainder < 0 { quotient -= 1; remainder += Int128(denominator) }   // floor division
    let twice = remainder * 2
    if twice > Int128(denominator) || (twice == Int128(denominator) && quotient % 2 != 0) { quotient += 1 }
    return Int64(quotient)
}

/// Cents × a rate written as `whole` dong plus `tenThousandths` / 10,000 of a dong, in dong,
/// rounded half-even: the value of a USD amount at a rate with up to four decimals.
func dongValue(cents: Int64, rateTenThousandths: Int64) -> Int64 {
    halfEven(cents * rateTenThousandths, 100 * 10_000)
}
