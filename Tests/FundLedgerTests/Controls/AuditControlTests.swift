import Testing
@testable import FundLedger
import TestSupport

/// Each control of `cpf audit` against a ledger that breaks exactly its rule. The breaking
/// entry is appended through the journal writer (the chain stays whole), or the table is
/// changed through raw SQL where the rule lives in storage.
@Suite struct AuditControlTests {
    private func date(_ text: String) -> LedgerDate { ControlFixture.date(text) }

    @Test func honestBooksPassEveryControl() throws {
        let books = try ControlFixture()
        let result = try books.ledger.audit()
        #expect(result.controls.map(\.control) == AuditControl.allCases)
        #expect(result.findings.isEmpty, "\(result.findings)")
        #expect(!result.hasErrors)
    }

    @Test func unbalancedEntryIsFound() throws {
        let books = try ControlFixture()
        // The program never writes an unbalanced entry; raw SQL can, after dropping the trigger.
        let entry = try books.forge(ValidatedEntry(date: date("2018-05-01"), memo: "to be unbalanced", externalRef: nil, lines: [
            try books.line(1, "1121", 1_000_000), try books.line(2, "5131", -1_000_000, funder: "AIA"),
        ]))
        try books.ledger.database.execute("DROP TRIGGER line_is_immutable")
        try books.ledger.database.execute("UPDATE line SET amount_vnd = -999999 WHERE entry_seq = ? AND line_no = 2", [entry.seq])
        let errors = try books.auditErrors()
        #expect(errors[.entriesBalance]?.first?.entries == [entry.seq])
        #expect(errors[.entriesBalance]?.first?.message.contains("sum to 1 VND") == true)
        // verify sees the changed line too, so the chain control fails as well; nothing else does.
        #expect(Set(errors.keys) == [.entriesBalance, .chain])
    }

    @Test func tamperedLineBreaksTheChain() throws {
        let books = try ControlFixture()
        try books.ledger.database.execute("DROP TRIGGER line_is_immutable")
        try books.ledger.database.execute("UPDATE line SET amount_vnd = amount_vnd + 1 WHERE entry_seq = 1 AND line_no = 1")
        let errors = try books.auditErrors()
        #expect(errors[.chain]?.contains { $0.entries == [1] } == true)
    }

    @Test func entryInAClosedPeriodIsFound() throws {
        let books = try ControlFixture()
        let close = try books.ledger.closePeriod(AccountingPeriod(year: 2018, month: 6), user: "ketoantruong")
        let late = try books.forge(ValidatedEntry(date: date("2018-06-15"), memo: "back-dated", externalRef: nil, lines: [
            try books.line(1, "1121", 1_000), try books.line(2, "5131", -1_000, funder: "AIA"),
        ]), dropping: ["TRIGGER entry_outside_closed_periods"])
        let errors = try books.auditErrors()
        #expect(Set(errors.keys) == [.closedPeriods])
        #expect(errors[.closedPeriods]?.first?.entries == [late.seq, close.seq])
        // In scope for 2018, out of scope for 2019.
        #expect(try books.auditErrors(year: 2019)[.closedPeriods] == nil)
    }

    @Test func foreignLineWithoutSourceIsFound() throws {
        let books = try ControlFixture()
        let foreign = ForeignAmount(amount: try Amount.parse("10.00 USD"), rate: try Rate.parse("22750"), rateDate: date("2018-01-01"), rateSource: " ")
        let entry = try books.forge(ValidatedEntry(date: date("2018-05-02"), memo: "no source", externalRef: nil, lines: [
            try books.line(1, "1122", 227_500, foreign: foreign), try books.line(2, "5131", -227_500, funder: "AIA"),
        ]))
        let errors = try books.auditErrors()
        #expect(Set(errors.keys) == [.foreignRates])
        #expect(errors[.foreignRates]?.first?.entries == [entry.seq])
        #expect(errors[.foreignRates]?.first?.message.contains("rate source") == true)
    }

    @Test func dongLineOnAForeignAccountIsFound() throws {
        let books = try ControlFixture()
        try books.forge(ValidatedEntry(date: date("2018-05-02"), memo: "dong on a USD account", externalRef: nil, lines: [
            try books.line(1, "1122", 227_500), try books.line(2, "5131", -227_500, funder: "AIA"),
        ]))
        #expect(try books.auditErrors()[.foreignRates]?.first?.message.contains("kept in USD") == true)
    }

    @Test func overspentGrantIsFound() throws {
        let books = try ControlFixture()
        // The grant received 4,000.00 USD × 22,750 = 91,000,000 VND; spend 91,000,001.
        let entry = try books.forge(ValidatedEntry(date: date("2018-05-03"), memo: "too much", externalRef: nil, lines: [
            try books.line(1, "6111", 91_000_001, grant: "KFW-2018", program: "scholarship", unit: "TN", restriction: .restricted, funder: "KFW"),
            try books.line(2, "1121", -91_000_001),
        ]))
        let errors = try books.auditErrors()
        #expect(Set(errors.keys) == [.grantOverspending])
        #expect(errors[.grantOverspending]?.first?.entries == [entry.seq])
        #expect(errors[.grantOverspending]?.first?.message.contains("by 1 VND") == true)
    }

    @Test func restrictedMoneySpentElsewhereIsFound() throws {
        let books = try ControlFixture()
        let entry = try books.forge(ValidatedEntry(date: date("2018-05-04"), memo: "wrong place", externalRef: nil, lines: [
            try books.line(1, "6111", 1_000_000, grant: "KFW-2018", program: "scholarship", unit: "BP", restriction: .restricted, funder: "KFW"),
            try books.line(2, "1121", -1_000_000),
        ]))
        let errors = try books.auditErrors()
        #expect(Set(errors.keys) == [.restrictedPurposes])
        #expect(errors[.restrictedPurposes]?.first?.entries == [entry.seq])
        #expect(errors[.restrictedPurposes]?.first?.message.contains("only in TN") == true)
    }

    @Test func managementCostsOverTheCapAreFound() throws {
        let books = try ControlFixture()
        // Qualifying revenue 2018: AIA 500,000,000 + KFW 91,000,000 = 591,000,000; cap 10 % = 59,100,000.
        let over = try books.ledger.post(EntryDraft(date: date("2018-06-01"), memo: "office", lines: [
            .debit("6428", .vnd(59_100_001)), .credit("1121", .vnd(59_100_001)),
        ]), user: "tester").entry!
        let errors = try books.auditErrors()
        #expect(Set(errors.keys) == [.managementCap])
        #expect(errors[.managementCap]?.first?.message.contains("exceed the cap of 59100000 VND") == true)
        #expect(errors[.managementCap]?.first?.entries == [over.seq])
        #expect(try books.auditErrors(year: 2019).isEmpty)
    }

    @Test func negativeBankBalanceIsFound() throws {
        let books = try ControlFixture()
        // 1121 holds 500,000,000 − 30,000,000 = 470,000,000 on 2018-04-01.
        let entry = try books.forge(ValidatedEntry(date: date("2018-04-02"), memo: "overdraw", externalRef: nil, lines: [
            try books.line(1, "6118", 470_000_001), try books.line(2, "1121", -470_000_001),
        ]))
        let errors = try books.auditErrors()
        #expect(Set(errors.keys) == [.negativeBalances])
        #expect(errors[.negativeBalances]?.first?.message == "account 1121 is negative at the end of 2018-04-02: -1 VND")
        #expect(errors[.negativeBalances]?.first?.entries == [entry.seq])
    }

    @Test func goodsLineWithoutItemIsFound() throws {
        let books = try ControlFixture()
        let entry = try books.forge(ValidatedEntry(date: date("2018-05-05"), memo: "goods without item", externalRef: nil, lines: [
            try books.line(1, "156", 5_000_000), try books.line(2, "5133", -5_000_000, funder: "AIA"),
        ]))
        let errors = try books.auditErrors()
        #expect(Set(errors.keys) == [.subLedgers])
        #expect(errors[.subLedgers]?.first?.entries == [entry.seq])
    }

    @Test func grantLineWithAnotherFunderIsFound() throws {
        let books = try ControlFixture()
        try books.forge(ValidatedEntry(date: date("2018-05-06"), memo: "wrong funder", externalRef: nil, lines: [
            try books.line(1, "1121", 1_000), try books.line(2, "5121", -1_000, grant: "KFW-2018", restriction: .restricted, funder: "AIA"),
        ]))
        let errors = try books.auditErrors()
        #expect(Set(errors.keys) == [.subLedgers])
        #expect(errors[.subLedgers]?.first?.message.contains("not to its funder KFW") == true)
    }

    @Test func duplicateReferenceIsFound() throws {
        let books = try ControlFixture()
        let entry = try books.forge(ValidatedEntry(date: date("2018-05-07"), memo: "same voucher", externalRef: "PT-1", lines: [
            try books.line(1, "1121", 1_000), try books.line(2, "5131", -1_000, funder: "AIA"),
        ]), dropping: ["INDEX entry_external_ref"])
        let errors = try books.auditErrors()
        // The unique index the forger dropped cannot be put back: the schema check finds it.
        #expect(Set(errors.keys) == [.duplicateReferences, .chain])
        #expect(errors[.duplicateReferences]?.first?.entries == [1, entry.seq])
    }

    @Test func reversalOfAMissingEntryAndDoubleReversalAreFound() throws {
        let books = try ControlFixture()
        let original = try #require(try books.ledger.entry(seq: 1))
        // 30,000,000 of the 500,000,000 received in entry 1 paid the scholarships; another
        // donation puts them back, so the bank can give entry 1's money back once.
        var topUp = Receipt(date: date("2018-05-01"))
        topUp.funderCode = "AIA"
        topUp.amount = .vnd(30_000_000)
        try books.ledger.receive(topUp, user: "tester")
        let first = try books.ledger.reverse(seq: 1, reason: "wrong", date: date("2018-05-08"), user: "tester")
        let mirror = original.lines.enumerated().map { $0.element.reversed(lineNumber: $0.offset + 1) }
        let second = try books.forge(ValidatedEntry(date: date("2018-05-09"), memo: "again", externalRef: nil, reversesSeq: 1, lines: mirror),
                                     dropping: ["INDEX entry_reverses"])
        var errors = try books.auditErrors()
        #expect(errors[.reversals]?.first?.entries == [1, first.seq, second.seq])
        // Reversing twice also takes the money out twice: the bank goes negative. The unique
        // index the forger dropped cannot be put back: the schema check finds it.
        #expect(Set(errors.keys) == [.reversals, .negativeBalances, .chain])

        let other = try ControlFixture()
        let broken = try other.forge(ValidatedEntry(date: date("2018-05-09"), memo: "mirror of nothing", externalRef: nil, reversesSeq: 2, lines: [
            try other.line(1, "1121", 1_000), try other.line(2, "5131", -1_000, funder: "AIA"),
        ]))
        errors = try other.auditErrors()
        #expect(Set(errors.keys) == [.reversals])
        #expect(errors[.reversals]?.first?.entries == [broken.seq, 2])
        #expect(errors[.reversals]?.first?.message.contains("does not mirror") == true)
    }

    @Test func selfApprovalIsFound() throws {
        let books = try ControlFixture()
        let entry = try books.forge(ValidatedEntry(date: date("2018-05-10"), memo: "self-approved", externalRef: nil,
                                                   approvedBy: "ketoan", approvedAt: Timestamp.now(), lines: [
            try books.line(1, "1121", 1_000), try books.line(2, "5131", -1_000, funder: "AIA"),
        ]), postedBy: "ketoan")
        let errors = try books.auditErrors()
        #expect(Set(errors.keys) == [.makerChecker])
        #expect(errors[.makerChecker]?.first?.entries == [entry.seq])
    }

    @Test func entryAboveTheThresholdWithoutApprovalIsFound() throws {
        let books = try ControlFixture()
        try books.ledger.setSetting("approval-threshold", to: "100000000 VND", user: "giamdoc")
        let entry = try books.forge(ValidatedEntry(date: date("2018-05-11"), memo: "big, unapproved", externalRef: nil, lines: [
            try books.line(1, "1121", 100_000_000), try books.line(2, "5131", -100_000_000, funder: "AIA"),
        ]))
        let errors = try books.auditErrors()
        #expect(Set(errors.keys) == [.makerChecker])
        #expect(errors[.makerChecker]?.first?.entries == [entry.seq])
    }
}
