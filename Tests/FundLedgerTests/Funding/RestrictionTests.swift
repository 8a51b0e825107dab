import Testing
@testable import FundLedger
import TestSupport

/// Every restriction and refusal of receive, disburse, convert, grant add and amend, and of
/// the registries and plans behind them (Sources/FundLedger/Funding/, and the posting rules
/// they rely on): the rule, the figures in the message, a hint, and a ledger left exactly as
/// it was.
@Suite struct RestrictionTests {
    private func date(_ text: String) -> LedgerDate { FundingBooks.date(text) }

    /// KFW-2018 (10,000.00 USD for scholarships and houses in TN during 2018) has received
    /// 4,000.00 USD on 2018-03-02 at 22,750 — 91,000,000 VND — converted at the same rate on
    /// 2018-03-05, so it has exactly 91,000,000 VND available.
    private func fundedGrant() throws -> FundingBooks {
        let books = try FundingBooks()
        try books.addGrant()
        try books.receive("2018-03-02", funder: "KFW", grant: "KFW-2018", "4000.00 USD")
        try books.convert("2018-03-05", "4000.00 USD", received: 4_000 * 22_750, grant: "KFW-2018")
        let figures = try books.ledger.grantFigures(grantID: try books.ledger.registryID(.grant, code: "KFW-2018"))
        #expect(figures.availableDong == 91_000_000)
        #expect(figures.fxEffectDong == 0)
        return books
    }

    // MARK: Spending outside the grant's purpose

    @Test func spendingOnAProgramOutsideTheGrantIsRefused() throws {
        let books = try fundedGrant()
        try books.expectRefused(.restriction, ["grant KFW-2018 may be spent only on house, scholarship", "names program milk"]) {
            try books.ledger.disburse(try books.disbursement("2018-04-01", program: "milk", "1000000 VND"), user: "tester")
        }
    }

    @Test func spendingInAUnitOutsideTheGrantIsRefusedButUnitsWithinItPass() throws {
        let books = try fundedGrant()
        try books.expectRefused(.restriction, ["grant KFW-2018 may be spent only in TN", "names unit BP"]) {
            try books.ledger.disburse(try books.disbursement("2018-04-01", unit: "BP", "1000000 VND"), user: "tester")
        }
        // A district of the province is within it.
        let entry = try books.disburse("2018-04-01", unit: "TN-HT", "1000000 VND")
        #expect(entry.lines.first { $0.account.code == "6111" }?.unit?.code == "TN-HT")
    }

    @Test func spendingBeforeOrAfterTheGrantsWindowIsRefused() throws {
        // Funded on the window's first day, so that day has money to spend.
        let books = try FundingBooks()
        try books.addGrant()
        try books.receive("2018-01-01", funder: "KFW", grant: "KFW-2018", "4000.00 USD")
        try books.convert("2018-01-01", "4000.00 USD", received: 4_000 * 22_750, grant: "KFW-2018")
        try books.expectRefused(.restriction, ["grant KFW-2018 may be spent from 2018-01-01", "dated 2017-12-31"]) {
            try books.ledger.disburse(try books.disbursement("2017-12-31", "1000000 VND"), user: "tester")
        }
        try books.expectRefused(.restriction, ["grant KFW-2018 could be spent until 2018-12-31", "dated 2019-01-01"]) {
            try books.ledger.disburse(try books.disbursement("2019-01-01", "1000000 VND"), user: "tester")
        }
        // The first and the last day are inside.
        try books.disburse("2018-01-01", "1000000 VND")
        try books.disburse("2018-12-31", "1000000 VND")
    }

    @Test func spendingMoreThanTheGrantHasAvailableIsRefused() throws {
        let books = try fundedGrant()
        try books.disburse("2018-04-01", "60000000 VND")
        // 91,000,000 received − 60,000,000 spent = 31,000,000 available; 40,000,000 takes it to −9,000,000.
        let figures = try books.ledger.grantFigures(grantID: try books.ledger.registryID(.grant, code: "KFW-2018"))
        #expect(figures.receivedDong == 91_000_000)
        #expect(figures.spentDong == 60_000_000)
        try books.expectRefused(.overspent, ["grant KFW-2018 has 31,000,000 VND available on 2018-05-01",
                                             "this entry, dated 2018-05-01, takes 40,000,000 VND",
                                             "would leave -9,000,000 VND"]) {
            try books.ledger.disburse(try books.disbursement("2018-05-01", "40000000 VND"), user: "tester")
        }
        // Exactly what is available passes, and then not one dong more.
        try books.disburse("2018-05-01", "31000000 VND")
        try books.expectRefused(.overspent, ["grant KFW-2018 has 0 VND available on 2018-05-02", "takes 1 VND", "would leave -1 VND"]) {
            try books.ledger.disburse(try books.disbursement("2018-05-02", "1 VND"), user: "tester")
        }
    }

    @Test func spendingReceivedMoneyBeforeItIsReceivedIsRefused() throws {
        // A grant with a commitment but nothing received has nothing available.
        let books = try FundingBooks()
        try books.addGrant("AIA-2018", funder: "AIA", committed: "100000000 VND")
        try books.receive("2018-02-01", funder: "AIA", "50000000 VND")   // unrestricted money in the bank
        try books.expectRefused(.overspent, ["grant AIA-2018 has 0 VND available on 2018-03-01",
                                             "this entry, dated 2018-03-01, takes 20,000,000 VND and would leave -20,000,000 VND"]) {
            try books.ledger.disburse(try books.disbursement("2018-03-01", grant: "AIA-2018", "20000000 VND"), user: "tester")
        }
        let figures = try books.ledger.grantFigures(grantID: try books.ledger.registryID(.grant, code: "AIA-2018"))
        #expect(figures.receivedDong == 0)
        #expect(figures.spentDong == 0)
    }

    @Test func restrictedMoneyCannotPayManagementCostsButUnrestrictedCan() throws {
        let books = try fundedGrant()
        let management = EntryDraft(date: date("2018-04-01"), memo: "office rent", lines: [
            LineDraft(accountCode: "6422", side: .debit, amount: .vnd(5_000_000), dimensions: Dimensions(grant: "KFW-2018", unit: "TN")),
            LineDraft(accountCode: "1121", side: .credit, amount: .vnd(5_000_000), dimensions: Dimensions(grant: "KFW-2018")),
        ])
        try books.expectRefused(.restriction, ["restricted money of grant KFW-2018 cannot pay management costs (account 6422)"]) {
            try books.ledger.post(management, user: "tester")
        }
        // A grant with no programs, units or designation is unrestricted.
        try books.addGrant("AIA-FREE", funder: "AIA", committed: "10000000 VND", programs: [], units: [])
        try books.receive("2018-02-01", funder: "AIA", grant: "AIA-FREE", "10000000 VND")
        let free = try #require(try books.ledger.post(EntryDraft(date: date("2018-04-01"), memo: "office rent", lines: [
            LineDraft(accountCode: "6422", side: .debit, amount: .vnd(5_000_000), dimensions: Dimensions(grant: "AIA-FREE")),
            LineDraft(accountCode: "1121", side: .credit, amount: .vnd(5_000_000), dimensions: Dimensions(grant: "AIA-FREE")),
        ]), user: "tester").entry)
        #expect(free.lines.allSatisfy { $0.restriction == .unrestricted })
    }

    // MARK: Designated support (hỗ trợ theo địa chỉ)

    @Test func designatedSupportIsSpentOnlyAsDesignated() throws {
        let books = try FundingBooks()
        try books.addGrant("QUA-2018", funder: "AIA", committed: "400000000 VND", programs: ["gift"], units: ["TN"], designated: true)
        try books.receive("2018-05-25", funder: "AIA", grant: "QUA-2018", "400000000 VND")
        try books.expectRefused(.restriction, ["grant QUA-2018 may be spent only on gift", "names program milk"]) {
            try books.ledger.disburse(try books.disbursement("2018-06-01", program: "milk", grant: "QUA-2018", "1000000 VND"), user: "tester")
        }
        try books.expectRefused(.restriction, ["grant QUA-2018 may be spent only in TN", "names unit BP"]) {
            try books.ledger.disburse(try books.disbursement("2018-06-01", program: "gift", unit: "BP", grant: "QUA-2018", "1000000 VND"), user: "tester")
        }
        try books.expectRefused(.restriction, ["designated money of grant QUA-2018 cannot pay management costs (account 6421)"]) {
            try books.ledger.post(EntryDraft(date: date("2018-06-01"), memo: "allowances", lines: [
                LineDraft(accountCode: "6421", side: .debit, amount: .vnd(1_000_000), dimensions: Dimensions(grant: "QUA-2018", unit: "TN")),
                LineDraft(accountCode: "1121", side: .credit, amount: .vnd(1_000_000), dimensions: Dimensions(grant: "QUA-2018")),
            ]), user: "tester")
        }
        let entry = try books.disburse("2018-06-01", program: "gift", grant: "QUA-2018", "400000000 VND", children: 400)
        #expect(entry.lines.allSatisfy { $0.restriction == .designated })
    }

    /// Bug found here: the library accepted designated support that names no program and no
    /// unit — only `cpf grant add` refused it — so such money could be spent on anything.
    @Test func designatedSupportMustSayWhatItIsFor() throws {
        let books = try FundingBooks()
        try books.expectRefused(.restriction, ["designated support must say what it is for"]) {
            try books.addGrant("QUA-2018", funder: "AIA", committed: "400000000 VND", programs: [], units: [], designated: true)
        }
        try books.addGrant("QUA-2018", funder: "AIA", committed: "400000000 VND", programs: [], units: [])
        try books.expectRefused(.restriction, ["designated support must say what it is for"]) {
            var amendment = GrantAmendment(effectiveOn: date("2018-02-01"), reason: "donor's letter")
            amendment.designated = true
            try books.ledger.amendGrant(code: "QUA-2018", amendment, user: "tester")
        }
    }

    // MARK: Grant status

    @Test func aPledgedGrantCannotBeSpent() throws {
        let books = try FundingBooks()
        try books.addGrant(status: .pledged)
        try books.receive("2018-02-01", funder: "AIA", "50000000 VND")
        try books.expectRefused(.restriction, ["grant KFW-2018 is only pledged; its money cannot be spent yet"]) {
            try books.ledger.disburse(try books.disbursement("2018-03-01", "1000000 VND"), user: "tester")
        }
    }

    @Test func aClosedGrantNeitherReceivesNorSpends() throws {
        let books = try fundedGrant()
        var close = GrantAmendment(effectiveOn: date("2018-06-01"), reason: "programme finished")
        close.status = .closed
        try books.ledger.amendGrant(code: "KFW-2018", close, user: "tester")
        try books.expectRefused(.restriction, ["grant KFW-2018 is closed; it receives nothing more"]) {
            try books.receive("2018-06-02", funder: "KFW", grant: "KFW-2018", "100.00 USD")
        }
        try books.expectRefused(.restriction, ["grant KFW-2018 is closed; nothing more is spent from it"]) {
            try books.ledger.disburse(try books.disbursement("2018-06-02", "1000000 VND"), user: "tester")
        }
        // Before the amendment took effect, the grant was active: its terms on that day apply.
        try books.disburse("2018-05-31", "1000000 VND")
    }

    // MARK: Receipts against a grant

    @Test func aReceiptInAnotherCurrencyThanTheGrantsIsRefused() throws {
        let books = try FundingBooks()
        try books.addGrant()
        try books.expectRefused(.currencyMismatch, ["grant KFW-2018 is committed in USD, but this receipt is in VND"]) {
            try books.receive("2018-03-01", funder: "KFW", grant: "KFW-2018", "1000000 VND")
        }
    }

    @Test func receivingMoreThanTheCommitmentIsRefused() throws {
        let books = try FundingBooks()
        try books.addGrant()
        try books.receive("2018-03-01", funder: "KFW", grant: "KFW-2018", "6000.00 USD")
        try books.expectRefused(.overspent, ["grant KFW-2018 would have received 10,000.01 USD of the 10,000.00 USD committed"]) {
            try books.receive("2018-04-01", funder: "KFW", grant: "KFW-2018", "4000.01 USD")
        }
        try books.receive("2018-04-01", funder: "KFW", grant: "KFW-2018", "4000.00 USD")
    }

    @Test func aGrantOfAnotherFunderIsRefused() throws {
        let books = try FundingBooks()
        try books.addGrant()
        try books.expectRefused(.restriction, ["line 1: grant KFW-2018 is from funder KFW, not PLAN"]) {
            try books.receive("2018-03-01", funder: "PLAN", grant: "KFW-2018", "100.00 USD")
        }
        // A line that names only the grant gets the grant's own funder.
        let entry = try #require(try books.ledger.post(EntryDraft(date: date("2018-03-01"), memo: "tranche", lines: [
            LineDraft(accountCode: "1122", side: .debit, amount: try Amount.parse("100.00 USD"), dimensions: Dimensions(grant: "KFW-2018")),
            LineDraft(accountCode: "5121", side: .credit, amount: try Amount.parse("100.00 USD"), dimensions: Dimensions(grant: "KFW-2018")),
        ]), user: "tester").entry)
        #expect(entry.lines.map { $0.funder?.code } == ["KFW", "KFW"])
        #expect(entry.lines.allSatisfy { $0.restriction == .restricted })
    }

    // MARK: Unknown codes

    @Test func unknownFunderGrantProgramUnitAndItemAreRefused() throws {
        let books = try fundedGrant()
        try books.expectRefused(.unknownDimension, ["there is no funder 'NOPE'"]) {
            try books.receive("2018-03-01", funder: "NOPE", "1000 VND")
        }
        try books.expectRefused(.unknownDimension, ["there is no grant 'NOPE'"]) {
            try books.receive("2018-03-01", funder: "KFW", grant: "NOPE", "10.00 USD")
        }
        try books.expectRefused(.unknownDimension, ["there is no program 'NOPE'"]) {
            try books.ledger.disburse(try books.disbursement("2018-04-01", program: "NOPE", "1000 VND"), user: "tester")
        }
        try books.expectRefused(.unknownDimension, ["there is no unit 'NOPE'"]) {
            try books.ledger.disburse(try books.disbursement("2018-04-01", unit: "NOPE", "1000 VND"), user: "tester")
        }
        try books.expectRefused(.unknownDimension, ["there is no grant 'NOPE'"]) {
            try books.ledger.disburse(try books.disbursement("2018-04-01", grant: "NOPE", "1000 VND"), user: "tester")
        }
        try books.expectRefused(.unknownDimension, ["there is no goods item 'NOPE'"]) {
            try books.handOut("2018-04-01", item: "NOPE", quantity: 1)
        }
        try books.expectRefused(.unknownDimension, ["there is no grant 'NOPE'"]) {
            _ = try books.ledger.grantUtilization(code: "NOPE", through: date("2018-12-31"))
        }
        try books.expectRefused(.unknownDimension, ["there is no grant 'NOPE'"]) {
            try books.ledger.amendGrant(code: "NOPE", GrantAmendment(effectiveOn: date("2018-06-01"), reason: "x"), user: "tester")
        }
    }

    @Test func aGrantNamingUnknownRegistriesIsRefused() throws {
        let books = try FundingBooks()
        try books.expectRefused(.unknownDimension, ["there is no funder 'NOPE'"]) { try books.addGrant(funder: "NOPE") }
        try books.expectRefused(.unknownDimension, ["there is no program 'NOPE'"]) { try books.addGrant(programs: ["scholarship", "NOPE"]) }
        try books.expectRefused(.unknownDimension, ["there is no unit 'NOPE'"]) { try books.addGrant(units: ["NOPE"]) }
        #expect(try books.ledger.grants().isEmpty)
    }

    // MARK: Exchange rates

    @Test func aForeignReceiptWithNoRateIsRefused() throws {
        let books = try FundingBooks()
        try books.addGrant()
        // The rate table starts on 2018-01-01.
        try books.expectRefused(.missingRate, ["line 1: there is no USD rate on or before 2017-12-31"]) {
            try books.receive("2017-12-31", funder: "KFW", "100.00 USD")
        }
        try books.expectRefused(.missingRate, ["the line's rate 22800 has no source"]) {
            try books.receive("2018-03-01", funder: "KFW", "100.00 USD", rate: "22800")
        }
        let noRates = try FundingBooks(withUSDRate: false)
        try noRates.expectRefused(.missingRate, ["there is no USD rate on or before 2018-03-01"]) {
            try noRates.receive("2018-03-01", funder: "KFW", "100.00 USD")
        }
        // With the bank's own rate and its source, the receipt is booked at that rate.
        let entry = try books.receive("2018-03-01", funder: "KFW", "100.00 USD", rate: "22800", rateSource: "VCB")
        #expect(entry.lines[0].amountDong == 2_280_000)
        #expect(entry.lines[0].foreign?.rateSource == "VCB")
    }

    // MARK: Goods in kind

    @Test func goodsOnHandNeverGoBelowZero() throws {
        let books = try FundingBooks()
        let receipt = try books.receiveInKind("2018-06-01", funder: "AIA", item: "bicycle", quantity: 90, unitValue: 1_500_000)
        try books.expectRefused(.insufficientGoods, ["only 90 bicycle are on hand on 2018-06-02; 91 cannot be handed out"]) {
            try books.handOut("2018-06-02", item: "bicycle", quantity: 91)
        }
        try books.handOut("2018-06-02", item: "bicycle", quantity: 60)
        // Through a journal entry too: the goods line is valued at carrying value and checked.
        try books.expectRefused(.insufficientGoods, ["line 2: only 30 bicycle are on hand on 2018-06-03; 31 cannot be handed out"]) {
            try books.ledger.post(EntryDraft(date: date("2018-06-03"), memo: "bicycles", lines: [
                LineDraft(accountCode: "6115", side: .debit, amount: .vnd(46_500_000), dimensions: Dimensions(program: "bicycle", unit: "TN"), children: 31),
                LineDraft(accountCode: "156", side: .credit, amount: .vnd(46_500_000), item: "bicycle", quantity: 31),
            ]), user: "tester")
        }
        // Reversing the receipt would take away 90 bicycles when 30 are left.
        // Dated, so the message does not depend on the day the test runs.
        try books.expectRefused(.insufficientGoods, ["goods item bicycle holds 30 units on 2018-06-30",
                                                     "takes 90 units and would leave -60 units"]) {
            _ = try books.ledger.reverse(seq: receipt.seq, reason: "mistake", date: date("2018-06-30"), user: "tester")
        }
        try books.expectRefused(.insufficientGoods, ["only 30 bicycle are on hand on \(LedgerDate.latest); 0 cannot be handed out"]) {
            _ = try books.ledger.carryingValue(itemCode: "bicycle", quantity: 0)
        }
        try books.handOut("2018-06-04", item: "bicycle", quantity: 30)
        #expect(try books.integer("SELECT sum(quantity) FROM line WHERE item_id = (SELECT id FROM goods_item WHERE code = 'bicycle')") == 0)
    }

    @Test func badInKindReceiptsAreRefused() throws {
        let books = try FundingBooks()
        func inKind(_ goods: InKindGoods, amount: Amount? = nil) throws {
            var receipt = Receipt(date: date("2018-06-01"))
            receipt.funderCode = "AIA"
            receipt.inKind = goods
            receipt.amount = amount
            try books.ledger.receive(receipt, user: "tester")
        }
        let bicycles = InKindGoods(itemCode: "bicycle", quantity: 90, unitValue: .vnd(1_500_000), basis: "invoice")
        let both = try books.expectRefused(.invalidInput, ["either money (amount) or goods in kind (goods in kind), not both"]) {
            try inKind(bicycles, amount: .vnd(1_000))
        }
        #expect(both?.explanation.parameters == [.amount, .inKindItem])
        try books.expectRefused(.invalidAmount, ["goods in kind are valued in VND; the unit value is 10.00 USD"]) {
            try inKind(InKindGoods(itemCode: "bicycle", quantity: 90, unitValue: try Amount.parse("10.00 USD"), basis: "invoice"))
        }
        try books.expectRefused(.invalidAmount, ["the unit value is 0 VND"]) {
            try inKind(InKindGoods(itemCode: "bicycle", quantity: 90, unitValue: .vnd(0), basis: "invoice"))
        }
        try books.expectRefused(.invalidAmount, ["the quantity 0 is not a positive count"]) {
            try inKind(InKindGoods(itemCode: "bicycle", quantity: 0, unitValue: .vnd(1_500_000), basis: "invoice"))
        }
        try books.expectRefused(.overflow, ["1000000000 × 10000000 VND is more than one line can carry"]) {
            try inKind(InKindGoods(itemCode: "bicycle", quantity: 1_000_000_000, unitValue: .vnd(10_000_000), basis: "invoice"))
        }
        try books.expectRefused(.invalidText, ["the valuation basis is empty"]) {
            try inKind(InKindGoods(itemCode: "bicycle", quantity: 90, unitValue: .vnd(1_500_000), basis: ""))
        }
        try books.expectRefused(.invalidText, ["is not a valid code"]) {
            try inKind(InKindGoods(itemCode: "xe đạp", quantity: 90, unitValue: .vnd(1_500_000), basis: "invoice"))
        }
        #expect(try books.ledger.goodsItems().isEmpty)
    }

    // MARK: Receipts and disbursements that say too little or too much

    @Test func incompleteReceiptsAreRefused() throws {
        let books = try FundingBooks()
        try books.expectRefused(.invalidInput, ["a receipt names who gave it"]) {
            try books.receive("2018-03-01", funder: nil, "1000 VND")
        }
        try books.expectRefused(.invalidInput, ["the receipt gives no amount"]) {
            var receipt = Receipt(date: date("2018-03-01"))
            receipt.funderCode = "AIA"
            try books.ledger.receive(receipt, user: "tester")
        }
        // Interest needs no funder.
        var interest = Receipt(date: date("2018-12-31"))
        interest.isInterest = true
        interest.amount = .vnd(1_250_000)
        let entry = try #require(try books.ledger.receive(interest, user: "tester").entry)
        #expect(entry.lines.map(\.account.code) == ["1121", "515"])
    }

    @Test func incompleteDisbursementsAreRefused() throws {
        let books = try FundingBooks()
        try books.receive("2018-03-01", funder: "AIA", "10000000 VND")
        try books.receiveInKind("2018-03-01", funder: "AIA", item: "bicycle", quantity: 2, unitValue: 1_500_000)
        try books.expectRefused(.invalidInput, ["exactly one of them"]) {
            try books.ledger.disburse(try books.disbursement("2018-04-01", grant: nil), user: "tester")
        }
        try books.expectRefused(.invalidInput, ["exactly one of them"]) {
            var both = try books.disbursement("2018-04-01", program: "bicycle", grant: nil, "1000 VND")
            both.inKindItemCode = "bicycle"
            both.quantity = 1
            try books.ledger.disburse(both, user: "tester")
        }
        try books.expectRefused(.invalidInput, ["goods handed out need a quantity"]) {
            var goods = try books.disbursement("2018-04-01", program: "bicycle", grant: nil)
            goods.inKindItemCode = "bicycle"
            try books.ledger.disburse(goods, user: "tester")
        }
        try books.ledger.database.execute("UPDATE program SET expense_account_id = NULL WHERE code = 'other'")
        books.ledger.invalidateRegistryCache()
        try books.expectRefused(.invalidAccount, ["program other has no expense account"]) {
            try books.ledger.disburse(try books.disbursement("2018-04-01", program: "other", grant: nil, "1000 VND"), user: "tester")
        }
    }

    // MARK: Conversions

    @Test func badConversionsAreRefused() throws {
        let books = try fundedGrant()
        try books.receive("2018-04-01", funder: "PLAN", "1000.00 USD")   // 22,750,000 VND on 1122
        let foreignReceived = try books.expectRefused(.currencyMismatch, ["a conversion receives dong; dong received is 100.00 USD"]) {
            try books.ledger.convert(Conversion(date: date("2018-04-02"), fromAccountCode: "1122", amount: try Amount.parse("100.00 USD"),
                                                intoAccountCode: "1121", received: try Amount.parse("100.00 USD")), user: "tester")
        }
        #expect(foreignReceived?.explanation.parameters == [.received] && foreignReceived?.remedy.parameters == [.received])
        let dongSold = try books.expectRefused(.currencyMismatch, ["a conversion sells a foreign currency; amount is 100 VND"]) {
            try books.ledger.convert(Conversion(date: date("2018-04-02"), fromAccountCode: "1121", amount: .vnd(100),
                                                intoAccountCode: "1111", received: .vnd(100)), user: "tester")
        }
        #expect(dongSold?.explanation.parameters == [.amount] && dongSold?.remedy.parameters == [.amount])
        try books.expectRefused(.insufficientFunds, ["line 2: account 1122 holds 1,000.00 USD on 2018-04-02; 1,000.01 USD cannot leave it"]) {
            try books.convert("2018-04-02", "1000.01 USD", received: 22_750_228)
        }
        // 10 % off the book value of 22,750,000 is 2,275,000: more than that is refused as a likely mistake.
        try books.expectRefused(.unbalanced, ["2,275,001 VND out of balance against the 22,750,000 VND book value", "too much to be an exchange difference"]) {
            try books.convert("2018-04-02", "1000.00 USD", received: 22_750_000 + 2_275_001)
        }
        let entry = try books.convert("2018-04-02", "1000.00 USD", received: 22_750_000 + 2_275_000)
        #expect(try books.dong(on: "413", entry: entry.seq) == -2_275_000)
    }

    @Test func reversingAForeignReceiptAfterItWasConvertedIsRefused() throws {
        let books = try FundingBooks()
        let receipt = try books.receive("2018-04-01", funder: "PLAN", "1000.00 USD")
        try books.convert("2018-04-02", "600.00 USD", received: 13_650_000)
        // 600.00 USD of it left: only 400.00 USD are there to take back.
        try books.expectRefused(.insufficientFunds, ["account 1122 holds 400.00 USD on 2018-04-30",
                                                     "takes 1,000.00 USD and would leave -600.00 USD"]) {
            _ = try books.ledger.reverse(seq: receipt.seq, reason: "mistake", date: date("2018-04-30"), user: "tester")
        }
    }

    @Test func reversingADongReceiptAfterItWasSpentIsRefused() throws {
        let books = try FundingBooks()
        let receipt = try books.receive("2018-04-01", funder: "AIA", "1000000 VND")
        try books.disburse("2018-04-02", grant: nil, "600000 VND")
        // 1121 holds 400,000 VND; taking back the 1,000,000 VND received would leave -600,000 VND.
        try books.expectRefused(.insufficientFunds, ["account 1121 holds 400,000 VND on 2018-04-03",
                                                     "this entry, dated 2018-04-03, takes 1,000,000 VND and would leave -600,000 VND"]) {
            _ = try books.ledger.reverse(seq: receipt.seq, reason: "mistake", date: date("2018-04-03"), user: "tester")
        }
    }

    // MARK: Grant add and amend

    @Test func badGrantTermsAreRefused() throws {
        let books = try FundingBooks()
        try books.expectRefused(.invalidAmount, ["the committed amount 0.00 USD is not a positive amount"]) {
            try books.addGrant(committed: "0.00 USD")
        }
        try books.expectRefused(.invalidDate, ["the grant's window 2018-12-31…2018-01-01 ends before it starts"]) {
            try books.addGrant(from: "2018-12-31", to: "2018-01-01")
        }
        try books.expectRefused(.currencyMismatch, ["tranche 2018-03-01 of 500 VND is not a positive amount in USD"]) {
            try books.addGrant(tranches: [Tranche(dueOn: date("2018-03-01"), amount: .vnd(500))])
        }
        try books.expectRefused(.invalidAmount, ["the tranches add up to 10000.01 USD, more than the 10000.00 USD committed"]) {
            try books.addGrant(tranches: [Tranche(dueOn: date("2018-03-01"), amount: try Amount.parse("5000.00 USD")),
                                          Tranche(dueOn: date("2018-09-01"), amount: try Amount.parse("5000.01 USD"))])
        }
        try books.expectRefused(.invalidInput, ["two tranches fall due on the same day"]) {
            try books.addGrant(tranches: [Tranche(dueOn: date("2018-03-01"), amount: try Amount.parse("5000.00 USD")),
                                          Tranche(dueOn: date("2018-03-01"), amount: try Amount.parse("1000.00 USD"))])
        }
        try books.expectRefused(.invalidText, ["the grant code"]) { try books.addGrant("KFW 2018") }
        try books.addGrant()
        try books.expectRefused(.registryExists, ["there is already a grant 'KFW-2018'"]) { try books.addGrant() }
    }

    @Test func anAmendmentCannotCommitLessThanWasReceived() throws {
        let books = try fundedGrant()
        var amendment = GrantAmendment(effectiveOn: date("2018-06-01"), reason: "cut")
        amendment.committed = try Amount.parse("3999.99 USD")
        try books.expectRefused(.invalidAmount, ["grant KFW-2018 has already received 4000.00 USD; the commitment cannot be 3999.99 USD"]) {
            try books.ledger.amendGrant(code: "KFW-2018", amendment, user: "tester")
        }
        try books.expectRefused(.invalidText, ["the reason is empty"]) {
            try books.ledger.amendGrant(code: "KFW-2018", GrantAmendment(effectiveOn: date("2018-06-01"), reason: ""), user: "tester")
        }
        amendment.committed = try Amount.parse("4000.00 USD")
        try books.ledger.amendGrant(code: "KFW-2018", amendment, user: "tester")
        let grant = try #require(try books.ledger.grant(code: "KFW-2018"))
        #expect(grant.terms.map(\.committed) == [try Amount.parse("10000.00 USD"), try Amount.parse("4000.00 USD")])
    }

    /// Bug found here: an amendment could take effect on or before days that already have
    /// entries on the grant, or before the terms in force, so those entries would be judged
    /// by terms they were not posted under (and `cpf audit` would then flag them).
    @Test func anAmendmentCannotRewriteThePast() throws {
        let books = try fundedGrant()
        try books.disburse("2018-04-01", "20000000 VND")
        var toMilk = GrantAmendment(effectiveOn: date("2018-01-01"), reason: "addendum 1")
        toMilk.programCodes = ["milk"]
        // The grant's last entry is the disbursement of 2018-04-01.
        try books.expectRefused(.invalidDate, ["grant KFW-2018 has entries up to 2018-04-01", "effective 2018-01-01"]) {
            try books.ledger.amendGrant(code: "KFW-2018", toMilk, user: "tester")
        }
        toMilk.effectiveOn = date("2018-04-01")
        try books.expectRefused(.invalidDate, ["grant KFW-2018 has entries up to 2018-04-01", "effective 2018-04-01"]) {
            try books.ledger.amendGrant(code: "KFW-2018", toMilk, user: "tester")
        }
        #expect(try books.ledger.audit().findings.filter { $0.control == .restrictedPurposes }.isEmpty)

        // The day after is fine; the past keeps its terms.
        toMilk.effectiveOn = date("2018-04-02")
        try books.ledger.amendGrant(code: "KFW-2018", toMilk, user: "tester")
        let grant = try #require(try books.ledger.grant(code: "KFW-2018"))
        let scholarship = try books.ledger.registryID(.program, code: "scholarship")
        let milk = try books.ledger.registryID(.program, code: "milk")
        #expect(grant.terms(on: date("2018-04-01")).version == 1)
        #expect(grant.terms(on: date("2018-04-01")).programIDs.contains(scholarship))
        #expect(grant.terms(on: date("2018-04-02")).programIDs == [milk])
        #expect(try books.ledger.audit().findings.filter { $0.control == .restrictedPurposes }.isEmpty)

        // Nor may a later amendment take effect before the version now in force.
        var earlier = GrantAmendment(effectiveOn: date("2018-04-01"), reason: "addendum 2")
        earlier.purpose = "changed"
        try books.expectRefused(.invalidDate, ["terms version 2 take effect on 2018-04-02", "effective 2018-04-01"]) {
            try books.ledger.amendGrant(code: "KFW-2018", earlier, user: "tester")
        }
    }

    @Test func anAmendmentOfAGrantWithoutEntriesMayNotPrecedeTheAgreement() throws {
        let books = try FundingBooks()
        try books.addGrant()   // version 1 takes effect on 2018-01-01, its --from
        try books.expectRefused(.invalidDate, ["terms version 1 take effect on 2018-01-01", "effective 2017-12-31"]) {
            try books.ledger.amendGrant(code: "KFW-2018", GrantAmendment(effectiveOn: date("2017-12-31"), reason: "x"), user: "tester")
        }
        try books.ledger.amendGrant(code: "KFW-2018", GrantAmendment(effectiveOn: date("2018-01-01"), reason: "same day"), user: "tester")
        #expect(try books.ledger.grant(code: "KFW-2018")?.terms.count == 2)
    }

    // MARK: Org units in time

    @Test func aMergedUnitIsNotUsedAfterItsMerger() throws {
        let books = try FundingBooks()
        try books.receive("2018-03-01", funder: "AIA", "10000000 VND")
        try books.ledger.mergeUnit(code: "BP", into: "TN", on: date("2018-06-30"), user: "tester")
        try books.expectRefused(.restriction, ["unit BP exists from the start to 2018-06-30, not on 2018-07-01; it was merged into TN"]) {
            try books.disburse("2018-07-01", unit: "BP", grant: nil, "1000000 VND")
        }
        try books.disburse("2018-06-30", unit: "BP", grant: nil, "1000000 VND")
    }

    // MARK: Registries and plans

    @Test func badRegistryEntriesAreRefused() throws {
        let books = try FundingBooks()
        let ledger = books.ledger
        try books.expectRefused(.invalidInput, ["unknown funder kind 'bank'"]) { _ = try FunderKind.parse("bank") }
        try books.expectRefused(.invalidInput, ["unknown grant status 'open'"]) { _ = try GrantStatus.parse("open") }
        try books.expectRefused(.registryExists, ["there is already a funder 'AIA'"]) {
            try ledger.addFunder(code: "AIA", name: "again", kind: .company, user: "tester")
        }
        try books.expectRefused(.invalidInput, ["country 'de' is not an ISO 3166 two-letter code"]) {
            try ledger.addFunder(code: "DE1", name: "x", kind: .ngo, currency: .usd, country: "de", user: "tester")
        }
        try books.expectRefused(.invalidText, ["the funder name is empty"]) {
            try ledger.addFunder(code: "DE1", name: "", kind: .ngo, user: "tester")
        }
        try books.expectRefused(.invalidAccount, ["account 1121 is not an expense account entries post to"]) {
            try ledger.addProgram(code: "camp", nameVietnamese: "Trại hè", nameEnglish: "Summer camp", expenseAccountCode: "1121", user: "tester")
        }
        try books.expectRefused(.invalidAccount, ["account 611 is not an expense account entries post to"]) {
            try ledger.addProgram(code: "camp", nameVietnamese: "Trại hè", nameEnglish: "Summer camp", expenseAccountCode: "611", user: "tester")
        }
        try books.expectRefused(.unknownAccount, ["there is no account 6199 in the chart"]) {
            try ledger.addProgram(code: "camp", nameVietnamese: "Trại hè", nameEnglish: "Summer camp", expenseAccountCode: "6199", user: "tester")
        }
        try books.expectRefused(.registryExists, ["there is already a program 'milk'"]) {
            try ledger.addProgram(code: "milk", nameVietnamese: "Sữa", nameEnglish: "Milk", expenseAccountCode: "6112", user: "tester")
        }
        try books.expectRefused(.invalidDate, ["the unit's window 2025-07-01…2025-06-30 ends before it starts"]) {
            try ledger.addUnit(code: "X", name: "x", level: .commune, effectiveFrom: date("2025-07-01"), effectiveTo: date("2025-06-30"), user: "tester")
        }
        try books.expectRefused(.unknownDimension, ["there is no unit 'NOPE'"]) {
            try ledger.addUnit(code: "X", name: "x", level: .commune, parentCode: "NOPE", user: "tester")
        }
        try ledger.addGoodsItem(code: "bicycle", nameVietnamese: "Xe đạp", nameEnglish: "Bicycle", unit: "chiếc", user: "tester")
        try books.expectRefused(.registryExists, ["there is already a goods item 'bicycle'"]) {
            try ledger.addGoodsItem(code: "bicycle", nameVietnamese: "Xe đạp", nameEnglish: "Bicycle", unit: "chiếc", user: "tester")
        }
    }

    @Test func badMergersAreRefused() throws {
        let books = try FundingBooks()
        let ledger = books.ledger
        try ledger.addUnit(code: "X1", name: "Xã mới", level: .commune, parentCode: "TN", effectiveFrom: date("2025-07-01"), user: "tester")
        try books.expectRefused(.invalidInput, ["a unit cannot be merged into itself"]) {
            try ledger.mergeUnit(code: "TN", into: "TN", on: date("2025-06-30"), user: "tester")
        }
        try books.expectRefused(.invalidDate, ["unit X1 starts on 2025-07-01, after 2025-06-30"]) {
            try ledger.mergeUnit(code: "X1", into: "TN", on: date("2025-06-30"), user: "tester")
        }
        try books.expectRefused(.unknownDimension, ["there is no unit 'NOPE'"]) {
            try ledger.mergeUnit(code: "TN", into: "NOPE", on: date("2025-06-30"), user: "tester")
        }
        try ledger.mergeUnit(code: "BP", into: "TN", on: date("2025-06-30"), user: "tester")
        try books.expectRefused(.invalidInput, ["unit BP was already merged"]) {
            try ledger.mergeUnit(code: "BP", into: "TN", on: date("2025-07-30"), user: "tester")
        }
    }

    @Test func badPlansAreRefused() throws {
        let books = try FundingBooks()
        let ledger = books.ledger
        try books.expectRefused(.invalidDate, ["year 1899 is outside 1900…2199"]) {
            try ledger.setPlan(year: 1899, programCode: nil, source: nil, amount: .vnd(1), user: "tester")
        }
        try books.expectRefused(.invalidAmount, ["plans are in VND; 100.00 USD is not"]) {
            try ledger.setPlan(year: 2018, programCode: nil, source: nil, amount: try Amount.parse("100.00 USD"), user: "tester")
        }
        try books.expectRefused(.unknownDimension, ["there is no program 'NOPE'"]) {
            try ledger.setPlan(year: 2018, programCode: "NOPE", source: nil, amount: .vnd(1), user: "tester")
        }
        try ledger.setPlan(year: 2018, programCode: "scholarship", source: .ngo, amount: .vnd(240_000_000), user: "tester")
        try ledger.setPlan(year: 2018, programCode: "scholarship", source: .ngo, amount: .vnd(250_000_000), user: "tester")
        #expect(try ledger.plans(year: 2018) == [Plan(year: 2018, programCode: "scholarship", source: .ngo, amountDong: 250_000_000)])
        // Setting it again replaced the amount; the audit trail keeps both values.
        #expect(try books.integer("SELECT count(*) FROM change_log WHERE action = 'plan-set'") == 2)
    }
}
