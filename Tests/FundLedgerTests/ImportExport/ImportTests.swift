import Foundation
import Testing
@testable import FundLedger
import LedgerGenerator
import TestSupport

/// `Ledger.importCSV` (Sources/FundLedger/ImportExport/): both layouts of docs/import-formats.md
/// imported and read back from the `line` table and the trial balance; every kind of
/// malformed file refused with its exact message (file, line, column) and the ledger file
/// unchanged; all or nothing, partial mode, idempotent re-import, the approval threshold,
/// and beneficiary codes kept out of every message. Memory and speed are the benchmark's.
@Suite struct ImportTests {
    /// The header of the full entries layout, as EntriesCSVFile writes it.
    static let fullHeader = "entry,date,memo,ref,account,debit,credit,currency,vnd,rate,rate_source,funder,grant,program,unit,item,quantity,children,beneficiaries,line_memo"
    /// The short header most malformed cases use: 8 columns.
    static let shortHeader = "entry,date,memo,ref,account,debit,credit,currency"

    // MARK: The entries layout

    /// The same five entries in the debit/credit columns and in one signed amount column: a
    /// state-budget receipt, a USD tranche at the table's rate with a stated dong value, a
    /// tranche at the bank's own rate, bicycles in kind, and scholarships with child-instances
    /// and beneficiary codes.
    static let debitCreditEntries = """
        \(fullHeader)
        1,2018-06-01,State budget 2018,NS-2018,1121,500000000,,VND,,,,NSTW,,,,,,,,
        1,,,,5111,,500000000,VND,,,,NSTW,,,,,,,,
        2,2018-06-01,NGO grant tranche 1,GBC-118,1122,10000.00,,USD,,,,KFW,KFW-2018,,,,,,,
        2,,,,5121,,10000.00,USD,227500000,,,KFW,KFW-2018,,,,,,,
        3,2018-06-02,Tranche at the bank's rate,GBC-119,1122,2000.50,,USD,,23101,VCB voucher 17,KFW,KFW-2018,,,,,,,
        3,,,,5121,,2000.50,USD,46213551,23101,VCB voucher 17,KFW,KFW-2018,,,,,,,
        4,2018-06-03,"Bicycles, in kind",HV-01,156,135000000,,VND,,,,AIA,,,,bicycle,90,,,
        4,2018-06-03,"Bicycles, in kind",HV-01,5133,,135000000,VND,,,,AIA,,,,,,,,
        5,2018-09-05,Scholarships September,PC-0918,6111,20000000,,VND,20000000,,,,KFW-2018,scholarship,TN-HT,,,20,"TN-0001;TN-0002",two of twenty named
        5,,,,1121,,20000000,VND,,,,,KFW-2018,,,,,,,

        """

    static let signedAmountEntries = """
        entry,date,memo,ref,account,amount,currency,vnd,rate,rate_source,funder,grant,program,unit,item,quantity,children,beneficiaries,line_memo
        1,2018-06-01,State budget 2018,NS-2018,1121,500000000,VND,,,,NSTW,,,,,,,,
        1,,,,5111,-500000000,VND,,,,NSTW,,,,,,,,
        2,2018-06-01,NGO grant tranche 1,GBC-118,1122,10000.00,USD,,,,KFW,KFW-2018,,,,,,,
        2,,,,5121,-10000.00,USD,227500000,,,KFW,KFW-2018,,,,,,,
        3,2018-06-02,Tranche at the bank's rate,GBC-119,1122,2000.50,USD,,23101,VCB voucher 17,KFW,KFW-2018,,,,,,,
        3,,,,5121,-2000.50,USD,46213551,23101,VCB voucher 17,KFW,KFW-2018,,,,,,,
        4,2018-06-03,"Bicycles, in kind",HV-01,156,135000000,VND,,,,AIA,,,,bicycle,90,,,
        4,,,,5133,-135000000,VND,,,,AIA,,,,,,,,
        5,2018-09-05,Scholarships September,PC-0918,6111,20000000,VND,20000000,,,,KFW-2018,scholarship,TN-HT,,,20,TN-0001 TN-0002,two of twenty named
        5,,,,1121,-20000000,VND,,,,,KFW-2018,,,,,,,

        """

    /// The lines both files must give, computed here: 10,000.00 USD at the table's 22,750 is
    /// 227,500,000; 2,000.50 USD at the bank's 23,101 is 46,213,550.5, a tie, which half-even
    /// rounds to 46,213,550. The files state the half-up 46,213,551, which must be refused
    /// (`statedDongIsCheckedAgainstTheRate`); `corrected` gives the right value.
    static func expectedLines() -> [ImportBooks.LineRow] {
        let bank = halfEven(200_050 * 23_101, 100)   // cents × dong per dollar, in dong
        typealias Row = ImportBooks.LineRow
        return [
            Row(seq: 1, lineNo: 1, account: "1121", dong: 500_000_000, funder: "NSTW"),
            Row(seq: 1, lineNo: 2, account: "5111", dong: -500_000_000, funder: "NSTW"),
            Row(seq: 2, lineNo: 1, account: "1122", dong: 227_500_000, currency: "USD", foreign: 1_000_000, rate: "22750",
                rateDate: "2018-01-01", rateSource: "SBV", funder: "KFW", grant: "KFW-2018", restriction: "restricted"),
            Row(seq: 2, lineNo: 2, account: "5121", dong: -227_500_000, currency: "USD", foreign: -1_000_000, rate: "22750",
                rateDate: "2018-01-01", rateSource: "SBV", funder: "KFW", grant: "KFW-2018", restriction: "restricted"),
            Row(seq: 3, lineNo: 1, account: "1122", dong: bank, currency: "USD", foreign: 200_050, rate: "23101",
                rateDate: "2018-06-02", rateSource: "VCB voucher 17", funder: "KFW", grant: "KFW-2018", restriction: "restricted"),
            Row(seq: 3, lineNo: 2, account: "5121", dong: -bank, currency: "USD", foreign: -200_050, rate: "23101",
                rateDate: "2018-06-02", rateSource: "VCB voucher 17", funder: "KFW", grant: "KFW-2018", restriction: "restricted"),
            Row(seq: 4, lineNo: 1, account: "156", dong: 135_000_000, funder: "AIA", item: "bicycle", quantity: 90),
            Row(seq: 4, lineNo: 2, account: "5133", dong: -135_000_000, funder: "AIA"),
            Row(seq: 5, lineNo: 1, account: "6111", dong: 20_000_000, funder: "KFW", grant: "KFW-2018", program: "scholarship", unit: "TN-HT",
                restriction: "restricted", children: 20, memo: "two of twenty named"),
            Row(seq: 5, lineNo: 2, account: "1121", dong: -20_000_000, funder: "KFW", grant: "KFW-2018", restriction: "restricted"),
        ]
    }

    /// The files with the bank line's dong value as half-even rounding gives it.
    static func corrected(_ text: String) -> String { text.replacingOccurrences(of: "46213551", with: "46213550") }

    @Test(arguments: [false, true])
    func entriesLayoutIsBookedLineByLine(signedAmounts: Bool) throws {
        let books = try ImportBooks()
        let text = ImportTests.corrected(signedAmounts ? ImportTests.signedAmountEntries : ImportTests.debitCreditEntries)
        let (summary, rejections) = try books.importText(text)
        #expect(rejections.isEmpty)
        #expect(summary.entryCount == 5 && summary.recordCount == 10)
        #expect(summary.postedCount == 5 && summary.postedLineCount == 10 && summary.firstSeq == 1 && summary.lastSeq == 5)
        #expect(summary.alreadyPostedCount == 0 && summary.pendingCount == 0 && summary.rejectedCount == 0 && summary.withoutReferenceCount == 0)
        let lines = try books.lines()
        let expected = ImportTests.expectedLines()
        #expect(lines.count == expected.count)
        for (line, want) in zip(lines, expected) { #expect(line == want) }
        // The entry-level fields come from each entry's first record.
        let headers = try books.ledger.database.rows("SELECT seq, entry_date, memo, external_ref FROM entry ORDER BY seq") {
            "\($0.int64(at: 0)) \($0.text(at: 1)) \($0.text(at: 2)) \($0.optionalText(at: 3) ?? "-")"
        }
        #expect(headers == ["1 2018-06-01 State budget 2018 NS-2018", "2 2018-06-01 NGO grant tranche 1 GBC-118",
                            "3 2018-06-02 Tranche at the bank's rate GBC-119", "4 2018-06-03 Bicycles, in kind HV-01",
                            "5 2018-09-05 Scholarships September PC-0918"])
        // The two beneficiary codes are kept with their line (never shown).
        #expect(try books.ledger.database.rows("SELECT entry_seq, line_no, code FROM beneficiary_code ORDER BY code") {
            "\($0.int64(at: 0)).\($0.int64(at: 1)) \($0.text(at: 2))"
        } == ["5.1 TN-0001", "5.1 TN-0002"])
        try books.expectTrialBalanceEqualsLines()
        let bank = expected[4].dong
        try books.expectBalances(["1121": 480_000_000, "1122": 227_500_000 + bank, "156": 135_000_000, "5111": -500_000_000,
                                  "5121": -227_500_000 - bank, "5133": -135_000_000, "6111": 20_000_000])
        // The grant's figures follow from its lines.
        let grant = try #require(try books.ledger.grant(code: "KFW-2018"))
        let figures = try books.ledger.grantFigures(grantID: grant.id)
        #expect(figures.receivedDong == 227_500_000 + bank && figures.receivedForeign == 1_200_050)
        #expect(figures.spentDong == 20_000_000 && figures.children == 20)
        // The import is in the audit trail, once.
        #expect(try books.integer("SELECT count(*) FROM change_log WHERE action = 'import'") == 1)
    }

    @Test func bothAmountLayoutsGiveTheSameLines() throws {
        let first = try ImportBooks()
        let second = try ImportBooks()
        try first.importText(ImportTests.corrected(ImportTests.debitCreditEntries))
        try second.importText(ImportTests.corrected(ImportTests.signedAmountEntries))
        #expect(try first.lines() == second.lines())
    }

    @Test func statedDongIsCheckedAgainstTheRate() throws {
        let books = try ImportBooks()
        // 2,000.50 USD at 23,101 is 46,213,550.5: 46,213,550 half-even, not the half-up 46,213,551 the file states.
        let error = try books.expectImportRefused(ImportTests.debitCreditEntries, rule: .rateMismatch)
        // The entry starts on line 6; its second line (line 7 of the file) states the value.
        #expect(error.message == "\(books.path("import.csv")) line 6, entry 3: line 2: 2000.50 USD at 23101 (VCB voucher 17, 2018-06-02) is 46,213,550 VND, not 46,213,551 VND")
    }

    @Test func foreignLineWithoutATableRateIsRefused() throws {
        let books = try ImportBooks()
        // The table has a USD rate from 2018-01-01 only.
        let text = """
            \(ImportTests.shortHeader)
            1,2017-12-31,Too early,,1122,100.00,,USD
            1,,,,5121,,100.00,USD

            """
        let error = try books.expectImportRefused(text, rule: .missingRate)
        #expect(error.message.hasPrefix("\(books.path("import.csv")) line 2, entry 1: "), "\(error)")
    }

    @Test func headerWithByteOrderMarkCRLFAndColumnsInAnyCase() throws {
        let books = try ImportBooks()
        let text = "\u{FEFF} Currency ,ACCOUNT,Credit,Debit,Entry,Date,Memo\r\nVND,1121,,750000,7,2018-06-01,\"gift, \"\"Tết\"\"\"\r\n\r\nVND,5132,750000,,7,,\r\n"
        let (summary, _) = try books.importText(text)
        #expect(summary.postedCount == 1 && summary.withoutReferenceCount == 1)
        #expect(try books.lines().map { "\($0.account) \($0.dong)" } == ["1121 750000", "5132 -750000"])
        #expect(try books.ledger.entry(seq: 1)?.memo == "gift, \"Tết\"")
        // The empty line is skipped, but counted: the next record is line 4.
        #expect(try books.expectImportRefused(text.replacingOccurrences(of: "VND,5132,750000,,7,,", with: "VND,5132,75000,,7,,"),
                                              rule: .unbalanced).message.hasPrefix("\(books.path("import.csv")) line 2, entry 7: "))
    }

    // MARK: The disbursements layout

    @Test func disbursementsLayoutPostsMoneyAndGoods() throws {
        let books = try ImportBooks()
        try books.fundTheBooks()
        // 7 gift packs at 700,004 in all; 2 go first, then the other 5: the second row's
        // carrying value counts what the first row of the same import took.
        try books.funding.receiveInKind("2018-06-01", funder: "AIA", item: "gift-pack", quantity: 3, unitValue: 100_000)
        try books.funding.receiveInKind("2018-06-02", funder: "AIA", item: "gift-pack", quantity: 4, unitValue: 100_001)
        try books.funding.setRate("2018-09-11", "23000")
        let before = try books.integer("SELECT max(seq) FROM entry")
        let text = """
            date,program,unit,children,amount,currency,grant,from,item,quantity,beneficiaries,memo,ref
            2018-09-10,scholarship,TN,2,3000000,VND,KFW-2018,,,,TN-0101 TN-0102,,PC-1001
            2018-09-10,gift,TN-HT,2,,,,,gift-pack,2,,Tết gifts,PX-1002
            2018-09-10,gift,TN-HT,5,,,,,gift-pack,5,,,PX-1003
            2018-09-11,house,TN,1,1000.00,USD,KFW-2018,1122,,,,,PC-1004

            """
        let (summary, rejections) = try books.importText(text, format: .disbursements)
        #expect(rejections.isEmpty)
        #expect(summary.entryCount == 4 && summary.recordCount == 4 && summary.postedCount == 4)
        // First in, first out (docs/goods-lots.md): 2 of the lot of 3 at 100,000, then its last
        // one and the 4 at 100,001.
        let firstPacks: Int64 = 2 * 100_000
        let lines = try books.lines().filter { $0.seq > before }
        typealias Row = ImportBooks.LineRow
        let expected: [Row] = [
            Row(seq: before + 1, lineNo: 1, account: "6111", dong: 3_000_000, funder: "KFW", grant: "KFW-2018", program: "scholarship", unit: "TN",
                restriction: "restricted", children: 2),
            Row(seq: before + 1, lineNo: 2, account: "1121", dong: -3_000_000, funder: "KFW", grant: "KFW-2018", restriction: "restricted"),
            Row(seq: before + 2, lineNo: 1, account: "6114", dong: firstPacks, program: "gift", unit: "TN-HT", children: 2),
            Row(seq: before + 2, lineNo: 2, account: "156", dong: -firstPacks, item: "gift-pack", quantity: -2),
            Row(seq: before + 3, lineNo: 1, account: "6114", dong: 700_004 - firstPacks, program: "gift", unit: "TN-HT", children: 5),
            Row(seq: before + 3, lineNo: 2, account: "156", dong: -(700_004 - firstPacks), item: "gift-pack", quantity: -5),
        ]
        #expect(Array(lines.prefix(6)) == expected)
        // 1,000.00 USD: the expense at the day's 23,000, the dollars leaving at their book rate
        // 22,750, the difference on 413.
        let usd = lines.filter { $0.seq == before + 4 }
        #expect(usd.map(\.account) == ["6113", "1122", "413"])
        #expect(usd.map(\.dong) == [23_000_000, -22_750_000, -250_000])
        #expect(usd[0].foreign == 100_000 && usd[0].rate == "23000" && usd[0].children == 1 && usd[0].program == "house")
        #expect(usd[1].foreign == -100_000)
        #expect(try books.ledger.entry(seq: before + 2)?.memo == "Tết gifts")
        #expect(try books.integer("SELECT count(*) FROM beneficiary_code WHERE entry_seq = ?", [before + 1]) == 2)
        try books.expectTrialBalanceEqualsLines()
        #expect(try books.balance("156") == 0)
    }

    @Test func disbursementsKeepTheGrantsRestrictions() throws {
        let books = try ImportBooks()
        try books.fundTheBooks()
        // KFW-2018 pays scholarships and houses in TN (and the units within it) during 2018,
        // and has 227,500,000 VND available.
        let text = """
            date,program,unit,children,amount,currency,grant,ref
            2018-09-10,scholarship,TN-HT,4,2000000,VND,KFW-2018,PC-2001
            2018-09-10,milk,TN,4,2000000,VND,KFW-2018,PC-2002
            2018-09-10,scholarship,BP,4,2000000,VND,KFW-2018,PC-2003
            2019-01-02,scholarship,TN,4,2000000,VND,KFW-2018,PC-2004
            2018-09-11,house,TN,1,300000000,VND,KFW-2018,PC-2005
            2018-09-12,house,TN,1,50000000,VND,KFW-2018,PC-2006

            """
        // All or nothing: the first broken restriction refuses the file.
        let error = try books.expectImportRefused(text, format: .disbursements, rule: .restriction)
        #expect(error.message == "\(books.path("import.csv")) line 3: grant KFW-2018 may be spent only on house, scholarship; this spending names program milk")
        // Partial: the acceptable ones go in, each refusal with its line and rule.
        let (summary, rejections) = try books.importText(text, format: .disbursements, mode: .partial)
        #expect(summary.postedCount == 2 && summary.rejectedCount == 4)
        #expect(rejections.map(\.line) == [3, 4, 5, 6])
        #expect(rejections.map(\.entryKey) == ["3", "4", "5", "6"])
        #expect(rejections.map(\.reference) == ["PC-2002", "PC-2003", "PC-2004", "PC-2005"])
        #expect(rejections.map(\.rule) == [.restriction, .restriction, .restriction, .overspent])
        #expect(rejections[1].message.contains("may be spent only in TN"), "\(rejections[1])")
        #expect(rejections[2].message.contains("until 2018-12-31"), "\(rejections[2])")
        #expect(rejections.allSatisfy { !$0.hint.isEmpty })
        #expect(try books.ledger.entry(externalRef: "PC-2001") != nil && books.ledger.entry(externalRef: "PC-2006") != nil)
        try books.expectTrialBalanceEqualsLines()
    }

    @Test func disbursementsHeaderRefusals() throws {
        let books = try ImportBooks()
        let path = books.path("import.csv")
        let cases: [(String, String)] = [
            ("date,program,unit,children,amount\n", "\(path) line 1: an 'amount' column needs a 'currency' column beside it, and the other way round"),
            ("date,program,unit,children,grant\n", "\(path) line 1: the header has neither 'amount' nor 'item'"),
            ("date,program,children,amount,currency\n", "\(path) line 1: the header has no 'unit' column"),
            ("date,program,unit,children,amount,currency,account\n", "\(path) line 1, column 7: 'account' is not a column of the disbursements format"),
        ]
        for (text, message) in cases {
            let error = try books.expectImportRefused(text, format: .disbursements, rule: .invalidInput)
            #expect(error.message == message)
        }
        // A record's own mistakes name their column.
        let error = try books.expectImportRefused("date,program,unit,children,amount,currency\n2018-09-10,scholarship,TN,,100,VND\n",
                                                  format: .disbursements, rule: .invalidInput)
        #expect(error.message == "\(path) line 2, column children (4): the number of child-instances is missing")
    }

    // MARK: Malformed files: the exact message, and nothing written

    /// A malformed file: its text (or bytes), the message after the file's path, the rule,
    /// whether it concerns one entry (partial mode lists it) or the file (refused in every
    /// mode), and limits of the reader.
    struct Malformed: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let message: String
        var rule: LedgerError.Rule = .invalidInput
        var entryLevel = false
        var limits = CSVReader.Limits()

        init(_ name: String, _ text: String, _ message: String, rule: LedgerError.Rule = .invalidInput, entryLevel: Bool = false,
             limits: CSVReader.Limits = CSVReader.Limits()) {
            self.init(name, Array(text.utf8), message, rule: rule, entryLevel: entryLevel, limits: limits)
        }

        init(_ name: String, _ bytes: [UInt8], _ message: String, rule: LedgerError.Rule = .invalidInput, entryLevel: Bool = false,
             limits: CSVReader.Limits = CSVReader.Limits()) {
            self.name = name
            self.bytes = bytes
            self.message = message
            self.rule = rule
            self.entryLevel = entryLevel
            self.limits = limits
        }

        var testDescription: String { name }
    }

    static let good = "1,2018-06-01,gift,R-1,1121,100000,,VND\n1,,,,5132,,100000,VND\n"

    static func limits(fields: Int = 256, fieldBytes: Int = 64 * 1024, recordBytes: Int = 1024 * 1024) -> CSVReader.Limits {
        var limits = CSVReader.Limits()
        limits.fieldCountMax = fields
        limits.fieldByteCountMax = fieldBytes
        limits.recordByteCountMax = recordBytes
        return limits
    }

    /// The column at which the content bytes of `fields` (commas and quotes not counted)
    /// first pass `maximum`: where the reader stops a record that is too long.
    static func columnPassing(_ maximum: Int, _ fields: [String]) -> Int {
        var total = 0
        for (index, field) in fields.enumerated() {
            total += field.utf8.count
            if total > maximum { return index + 1 }
        }
        return 0
    }

    static let longRecordFields = ["1", "2018-06-01", "a memo of some length", "R-1", "1121", "100000", "", "VND"]

    static let malformed: [Malformed] = [
        // The header.
        Malformed("unknown column", "entry,date,memo,ref,account,debit,credt,currency\n" + good,
                  "line 1, column 7: 'credt' is not a column of the entries format"),
        Malformed("duplicate column", shortHeader + ",Debit\n", "line 1: the column 'debit' appears twice"),
        Malformed("missing required column", "entry,date,memo,ref,account,debit,credit\n", "line 1: the header has no 'currency' column"),
        Malformed("missing account column", "entry,date,debit,credit,currency\n", "line 1: the header has no 'account' column"),
        Malformed("debit and amount together", "entry,date,account,debit,credit,amount,currency\n",
                  "line 1: give the amounts either in 'debit' and 'credit' columns or in one signed 'amount' column"),
        Malformed("no amount column", "entry,date,account,currency\n",
                  "line 1: give the amounts either in 'debit' and 'credit' columns or in one signed 'amount' column"),
        // The CSV itself.
        Malformed("too few fields", "\(shortHeader)\n1,2018-06-01,gift,R-1,1121,100000,,VND\n1,,,,5132,,100000\n",
                  "line 3: 7 fields, but the header names 8 columns"),
        Malformed("too many fields", "\(shortHeader)\n1,2018-06-01,gift,R-1,1121,100000,,VND,\n1,,,,5132,,100000,VND\n",
                  "line 2: 9 fields, but the header names 8 columns"),
        Malformed("unterminated quote", "\(shortHeader)\n1,2018-06-01,\"gift,R-1,1121,100000,,VND\n1,,,,5132,,100000,VND\n",
                  "line 4, column 3: a quoted field opened on line 2 is never closed"),
        Malformed("quote inside a field", "\(shortHeader)\n1,2018-06-01,gi\"ft,R-1,1121,100000,,VND\n1,,,,5132,,100000,VND\n",
                  "line 2, column 3: a double quote inside an unquoted field"),
        Malformed("text after a closing quote", "\(shortHeader)\n1,2018-06-01,\"gift\" x,R-1,1121,100000,,VND\n1,,,,5132,,100000,VND\n",
                  "line 2, column 3: text after the closing quote of a field"),
        Malformed("invalid UTF-8", Array("\(shortHeader)\n1,2018-06-01,gift,R-1,1121,100000,,VND\n1,,".utf8) + [0x71, 0xC3, 0x28]
                    + Array(",,5132,,100000,VND\n".utf8),
                  "line 3, column 3: the text is not valid UTF-8"),
        Malformed("field past the limit", "\(shortHeader)\n1,2018-06-01,a memo of twenty-one b,R-1,1121,100000,,VND\n",
                  "line 2, column 3: a field is longer than 20 bytes", limits: limits(fieldBytes: 20)),
        Malformed("record past the limit", "\(shortHeader)\n" + longRecordFields.joined(separator: ",") + "\n",
                  "line 2, column \(columnPassing(45, longRecordFields)): a record is longer than 45 bytes", limits: limits(recordBytes: 45)),
        Malformed("field count past the limit", "\(shortHeader)\n" + good.replacingOccurrences(of: "VND\n1", with: "VND,,\n1"),
                  "line 2, column 9: more than 8 fields in one record", limits: limits(fields: 8)),
        Malformed("header past the field count limit", shortHeader + ",vnd\n", "line 1, column 9: more than 8 fields in one record",
                  limits: limits(fields: 8)),
        Malformed("empty file", "", "is empty"),
        Malformed("only a byte-order mark and empty lines", [0xEF, 0xBB, 0xBF, 0x0D, 0x0A, 0x0A], "is empty"),
        // One entry's records.
        Malformed("empty entry key", "\(shortHeader)\n,2018-06-01,gift,R-1,1121,100000,,VND\n,,,,5132,,100000,VND\n",
                  "line 2, column entry (1): the entry key is empty", entryLevel: true),
        Malformed("date missing on the first record", "\(shortHeader)\n1,,gift,R-1,1121,100000,,VND\n1,2018-06-01,,,5132,,100000,VND\n",
                  "line 2, column date (2): the first line of entry 1 has no date", entryLevel: true),
        Malformed("date not ISO", "\(shortHeader)\n1,01/06/2018,gift,R-1,1121,100000,,VND\n1,,,,5132,,100000,VND\n",
                  "line 2, column date (2): date '01/06/2018' is not written YYYY-MM-DD", rule: .invalidDate, entryLevel: true),
        Malformed("another date on a later record", "\(shortHeader)\n1,2018-06-01,gift,R-1,1121,100000,,VND\n1,2018-06-02,,,5132,,100000,VND\n",
                  "line 3, column date (2): entry 1 has '2018-06-02' here but '2018-06-01' on its first line", entryLevel: true),
        Malformed("another memo on a later record", "\(shortHeader)\n1,2018-06-01,gift,R-1,1121,100000,,VND\n1,,present,,5132,,100000,VND\n",
                  "line 3, column memo (3): entry 1 has 'present' here but 'gift' on its first line", entryLevel: true),
        Malformed("another ref on a later record", "\(shortHeader)\n1,2018-06-01,gift,R-1,1121,100000,,VND\n1,,gift,R-2,5132,,100000,VND\n",
                  "line 3, column ref (4): entry 1 has 'R-2' here but 'R-1' on its first line", entryLevel: true),
        Malformed("a ref on a later record only", "\(shortHeader)\n1,2018-06-01,gift,,1121,100000,,VND\n1,,,R-2,5132,,100000,VND\n",
                  "line 3, column ref (4): entry 1 has 'R-2' here but '' on its first line", entryLevel: true),
        Malformed("both debit and credit", "\(shortHeader)\n1,2018-06-01,gift,R-1,1121,100000,100000,VND\n1,,,,5132,,100000,VND\n",
                  "line 2, column credit (7): the line has both a debit and a credit", entryLevel: true),
        Malformed("neither debit nor credit", "\(shortHeader)\n1,2018-06-01,gift,R-1,1121,100000,,VND\n1,,,,5132,,,VND\n",
                  "line 3, column debit (6): the line has neither a debit nor a credit", entryLevel: true),
        Malformed("comma grouping", "\(shortHeader)\n1,2018-06-01,gift,R-1,1121,\"1,000\",,VND\n1,,,,5132,,1000,VND\n",
                  "line 2, column debit (6): amount '1,000 VND' has grouping separators", rule: .invalidAmount, entryLevel: true),
        Malformed("dot grouping", "\(shortHeader)\n1,2018-06-01,gift,R-1,1121,227500000,,VND\n1,,,,5132,,227.500.000,VND\n",
                  "line 3, column credit (7): amount '227.500.000 VND' has grouping separators", rule: .invalidAmount, entryLevel: true),
        Malformed("too many decimals", "\(shortHeader)\n1,2018-06-01,gift,R-1,1122,10.005,,USD\n1,,,,5121,,10.005,USD\n",
                  "line 2, column debit (6): amount '10.005 USD' has 3 decimals; USD has 2", rule: .invalidAmount, entryLevel: true),
        Malformed("decimals in dong", "\(shortHeader)\n1,2018-06-01,gift,R-1,1121,100.5,,VND\n1,,,,5132,,100.5,VND\n",
                  "line 2, column debit (6): amount '100.5 VND' has decimals, but VND has no minor unit", rule: .invalidAmount, entryLevel: true),
        Malformed("negative debit", "\(shortHeader)\n1,2018-06-01,gift,R-1,1121,-100000,,VND\n1,,,,5132,,100000,VND\n",
                  "line 2, column debit (6): amount '-100000 VND' is negative", rule: .invalidAmount, entryLevel: true),
        Malformed("exponent", "\(shortHeader)\n1,2018-06-01,gift,R-1,1121,1e5,,VND\n1,,,,5132,,100000,VND\n",
                  "line 2, column debit (6): amount '1e5 VND' is not a plain decimal number", rule: .invalidAmount, entryLevel: true),
        Malformed("missing currency", "\(shortHeader)\n1,2018-06-01,gift,R-1,1121,100000,,\n1,,,,5132,,100000,VND\n",
                  "line 2, column currency (8): the line has no currency", entryLevel: true),
        Malformed("unknown currency", "\(shortHeader)\n1,2018-06-01,gift,R-1,1121,100000,,XYZ\n1,,,,5132,,100000,VND\n",
                  "line 2, column debit (6): unknown currency 'XYZ' in amount '100000 XYZ'", rule: .unknownCurrency, entryLevel: true),
        Malformed("zero signed amount", "entry,date,account,amount,currency\n1,2018-06-01,1121,0,VND\n1,,5132,-0,VND\n",
                  "line 2, column amount (4): the amount is zero", entryLevel: true),
        Malformed("entry key past 100 characters",
                  "\(shortHeader)\n\(String(repeating: "k", count: 101)),2018-06-01,gift,R-1,1121,100000,,VND\n\(String(repeating: "k", count: 101)),,,,5132,,100000,VND\n",
                  "line 2, column entry (1): the entry key is longer than 100 characters", entryLevel: true),
        Malformed("children not a count", "entry,date,account,debit,credit,currency,children\n1,2018-06-01,6111,100000,,VND,2.5\n1,,1121,,100000,VND,\n",
                  "line 2, column children (7): '2.5' is not a whole number from 1 to 10,000,000", entryLevel: true),
    ]

    @Test(arguments: malformed)
    func malformedFileIsRefusedWithItsLineAndColumn(_ malformed: Malformed) throws {
        let books = try ImportBooks()
        let path = books.path("import.csv")
        let expected = malformed.message == "is empty" ? "\(path) is empty" : "\(path) \(malformed.message)"
        let refusal = try books.expectImportRefused(malformed.bytes, rule: malformed.rule, limits: malformed.limits)
        #expect(refusal.message == expected)
        // In partial mode an entry's mistake is listed and the rest goes on; a malformed
        // file is refused whatever the mode.
        if malformed.entryLevel {
            let before = try books.fingerprint()
            let (summary, rejections) = try books.importBytes(malformed.bytes, mode: .partial, limits: malformed.limits)
            #expect(summary.postedCount == 0 && summary.rejectedCount == 1)
            #expect(rejections.map(\.message) == [expected] && rejections.map(\.rule) == [malformed.rule])
            #expect(try books.fingerprint() == before, "a partial import that posted nothing wrote something")
        } else {
            let partial = try books.expectImportRefused(malformed.bytes, mode: .partial, rule: malformed.rule, limits: malformed.limits)
            #expect(partial.message == expected)
        }
    }

    /// Goods the batch hands out beyond what is on hand — counting what earlier rows of the
    /// same import took — are refused with the count, and nothing is written.
    @Test func disbursingMoreGoodsThanAreOnHandIsRefused() throws {
        let books = try ImportBooks()
        try books.fundTheBooks()
        try books.funding.receiveInKind("2018-06-01", funder: "AIA", item: "gift-pack", quantity: 3, unitValue: 100_000)
        let text = """
            date,program,unit,children,item,quantity,ref
            2018-09-10,gift,TN,2,gift-pack,2,PX-1
            2018-09-10,gift,TN,2,gift-pack,2,PX-2

            """
        let path = books.path("import.csv")
        let refusal = try books.expectImportRefused(text, format: .disbursements, rule: .insufficientGoods)
        #expect(refusal.message == "\(path) line 3: only 1 gift-pack are on hand on 2018-09-10; 2 cannot be handed out")
        let (summary, rejections) = try books.importText(text, format: .disbursements, mode: .partial)
        #expect(summary.postedCount == 1 && rejections.map(\.line) == [3] && rejections.map(\.rule) == [.insufficientGoods])
    }

    /// An entry past the line limit is refused whole — every one of its records read and none
    /// kept past the limit — and the entry after it is read from its own first record. Each
    /// record repeats date, memo and ref, as `cpf export --format csv` writes them.
    @Test func anEntryPastTheLineLimitIsRefusedWhole() throws {
        let books = try ImportBooks()
        var text = ImportTests.shortHeader + "\n"
        for index in 0..<1_004 {
            text += index < 1_002 ? "1,2018-06-01,many,INT-1,1121,100,,VND\n" : "1,2018-06-01,many,INT-1,5132,,50100,VND\n"
        }
        text += "2,2018-06-02,gift,R-2,1121,100000,,VND\n2,,,,5132,,100000,VND\n"
        let path = books.path("import.csv")
        let refusal = try books.expectImportRefused(Array(text.utf8), rule: .tooManyLines)
        #expect(refusal.message == "\(path) line 2, column entry (1): entry 1 has 1004 lines; an entry may have at most 1000")
        let (summary, rejections) = try books.importText(text, mode: .partial)
        #expect(summary.recordCount == 1_006 && summary.entryCount == 2 && summary.postedCount == 1 && summary.rejectedCount == 1)
        #expect(rejections.map(\.line) == [2] && rejections.map(\.rule) == [.tooManyLines])
        #expect(try books.ledger.database.rows("SELECT external_ref FROM entry") { $0.text(at: 0) } == ["R-2"])
    }

    @Test func headerOnlyFilePostsNothing() throws {
        let books = try ImportBooks()
        let before = try books.fingerprint()
        let (summary, rejections) = try books.importText(ImportTests.shortHeader + "\r\n")
        #expect(summary == ImportSummary() && rejections.isEmpty)
        #expect(try books.fingerprint() == before)
    }

    /// A key is not remembered across the file (so memory stays flat): used again after other
    /// entries, it starts an entry of its own.
    @Test func keyReappearingAfterOtherEntriesStartsAnEntryOfItsOwn() throws {
        let books = try ImportBooks()
        let path = books.path("import.csv")
        let first = "A,2018-06-01,gift,R-A,1121,100000,,VND\nA,,,,5132,,100000,VND\nB,2018-06-02,gift,R-B,1121,50000,,VND\nB,,,,5132,,50000,VND\n"
        // Meant as more lines of A, the records after B lack A's date.
        let continued = "\(ImportTests.shortHeader)\n\(first)A,,,,1121,7000,,VND\nA,,,,5132,,7000,VND\n"
        let error = try books.expectImportRefused(continued, rule: .invalidInput)
        #expect(error.message == "\(path) line 6, column date (2): the first line of entry A has no date")
        // With its date and reference again, but other lines, it is a different entry under R-A.
        let repeated = "\(ImportTests.shortHeader)\n\(first)A,2018-06-01,gift,R-A,1121,7000,,VND\nA,,,,5132,,7000,VND\n"
        let duplicate = try books.expectImportRefused(repeated, rule: .duplicateReference)
        #expect(duplicate.message.hasPrefix("\(path) line 6, entry A: "), "\(duplicate)")
        #expect(duplicate.message.contains("R-A"), "\(duplicate)")
        // Without a reference, it balances by itself and is posted as a third entry.
        let plain = "\(ImportTests.shortHeader)\n\(first)A,2018-06-03,gift,,1121,7000,,VND\nA,,,,5132,,7000,VND\n"
        let (summary, _) = try books.importText(plain)
        #expect(summary.entryCount == 3 && summary.postedCount == 3 && summary.withoutReferenceCount == 1)
        try books.expectBalances(["1121": 157_000, "5132": -157_000])
    }

    /// `cpf export --format csv` writes reversals and period records; they are made with their
    /// own commands, not imported.
    @Test func reversalsAndPeriodRecordsFromAnExportAreRefused() throws {
        let source = try ImportBooks()
        try source.funding.receive("2018-06-01", funder: "AIA", "5000000 VND", ref: "PT-1")
        try source.funding.receive("2018-06-02", funder: "AIA", "7000000 VND", ref: "PT-2")
        _ = try source.ledger.reverse(seq: 2, reason: "wrong donor", user: "tester")
        _ = try source.ledger.closePeriod(try AccountingPeriod.parse("2018-06"), user: "tester")
        try source.funding.receive("2018-07-01", funder: "AIA", "9000000 VND", ref: "PT-3")
        let exported = try source.exportText(.csv)
        let target = try ImportBooks()
        let path = target.path("import.csv")
        let header = exported.prefix { $0 != "\r\n" }.split(separator: ",").map(String.init)
        let reversesColumn = try #require(header.firstIndex(of: "reverses")) + 1
        let kindColumn = try #require(header.firstIndex(of: "kind")) + 1
        // Lines: header 1; entries 1 and 2 two lines each (2–5); the reversal 6–7; the period record 8.
        let error = try target.expectImportRefused(exported, rule: .notReversible)
        #expect(error.message == "\(path) line 6, column reverses (\(reversesColumn)): entry 3 is a reversal; reversals are not imported")
        let (summary, rejections) = try target.importText(exported, mode: .partial)
        #expect(summary.postedCount == 3 && summary.rejectedCount == 2)
        #expect(rejections.map(\.line) == [6, 8] && rejections.map(\.entryKey) == ["3", "4"])
        #expect(rejections.map(\.rule) == [.notReversible, .invalidInput])
        #expect(rejections[1].message == "\(path) line 8, column kind (\(kindColumn)): entry 4 is a period-close record; such records are not imported")
        #expect(try target.ledger.entry(externalRef: "PT-3")?.lines.map(\.amountDong) == [9_000_000, -9_000_000])
    }

    // MARK: All or nothing, partial, idempotent

    @Test func oneBadEntryAfterAThousandGoodOnesLeavesTheLedgerUntouched() throws {
        let books = try ImportBooks(generatorEntries: 1_001)
        let path = books.path("import.csv")
        let records = try EntriesCSVFile.write(LedgerGenerator(), count: 1_000, to: path)
        try books.append("1001,2014-01-04,Unbalanced,BAD-1,1121,100000,,VND,,,,,,,,,,,,\r\n1001,,,,5132,,99000,VND,,,,,,,,,,,,\r\n", to: path)
        let before = try books.fingerprint()
        let error = try #require(throws: LedgerError.self) {
            try books.ledger.importCSV(path: path, format: .entries, user: "tester")
        }
        #expect(error.rule == .unbalanced)
        #expect(error.message.hasPrefix("\(path) line \(records + 2), entry 1001: the entry does not balance"), "\(error)")
        #expect(try books.fingerprint() == before)
        // The refused import's rollback did not take the report objects with it (a bug: the
        // temporary report_period table made inside the transaction was thought to stay).
        #expect(try books.ledger.grantFigures(grantID: 1) == GrantFigures())
        // Partial: the thousand go in, the last is listed.
        var rejections: [ImportRejection] = []
        let summary = try books.ledger.importCSV(path: path, format: .entries, mode: .partial, user: "tester") { rejections.append($0) }
        #expect(summary.entryCount == 1_001 && summary.postedCount == 1_000 && summary.rejectedCount == 1)
        #expect(rejections.map(\.line) == [records + 2] && rejections.map(\.entryKey) == ["1001"] && rejections.map(\.reference) == ["BAD-1"])
        #expect(rejections.map(\.rule) == [.unbalanced])
        // What was posted is what the generator made, entry by entry.
        var iterator = LedgerGenerator().makeIterator()
        var compared = 0
        try books.ledger.forEachEntry { entry in
            guard let draft = iterator.next() else { return }
            compared += 1
            #expect(entry.externalRef == draft.externalRef && entry.date == draft.date && entry.memo == draft.memo)
            for (line, want) in zip(entry.lines, draft.lines) {
                let magnitude = line.foreign.map { abs($0.amount.minorUnits) } ?? abs(line.amountDong)
                #expect(line.account.code == want.accountCode && line.side == want.side && magnitude == want.amount.minorUnits)
            }
        }
        #expect(compared == 1_000)
        try books.expectTrialBalanceEqualsLines()
    }

    /// Spending an allocated grant is checked against its allocations by place, read from the
    /// file as the import goes (the posting thread takes the connection back for it): within
    /// them it posts, past one it is refused on its date, in partial mode as in any other.
    @Test func spendingAnAllocatedGrantIsCheckedByPlace() throws {
        let books = try ImportBooks()
        try books.funding.addGrant("AIA-2018", funder: "AIA", committed: "100000000 VND", programs: ["scholarship"], units: ["TN"])
        try books.funding.receive("2018-02-01", funder: "AIA", grant: "AIA-2018", "100000000 VND")
        try books.ledger.allocateGrant("AIA-2018", program: "scholarship", unit: nil, amount: .vnd(30_000_000), user: "tester")
        try books.ledger.allocateGrant("AIA-2018", program: "scholarship", unit: "TN-HT", amount: .vnd(20_000_000), user: "tester")
        func spending(_ key: Int, _ day: String, _ dong: Int, in unit: String) -> String {
            "\(key),2018-03-\(day),Scholarships,SP-\(key),6111,\(dong),,VND,,,,,AIA-2018,scholarship,\(unit),,,1,,\n"
                + "\(key),,,,1121,,\(dong),VND,,,,,AIA-2018,,,,,,,\n"
        }
        let text = ImportTests.fullHeader + "\n" + spending(1, "01", 25_000_000, in: "TN") + spending(2, "02", 10_000_000, in: "TN")
            + spending(3, "02", 15_000_000, in: "TN-HT") + spending(4, "03", 5_000_000, in: "TN") + spending(5, "04", 6_000_000, in: "TN-HT")
        let (summary, rejections) = try books.importText(text, mode: .partial)
        #expect(summary.postedCount == 3 && summary.rejectedCount == 2)
        #expect(rejections.map(\.entryKey) == ["2", "5"])
        #expect(rejections.map(\.rule) == [.overspent, .overspent])
        #expect(rejections.first?.message.contains("any place") == true, "\(rejections.first?.message ?? "")")
        #expect(rejections.last?.message.contains("unit TN-HT") == true, "\(rejections.last?.message ?? "")")
        #expect(try books.ledger.verify().isIntact)
    }

    @Test func partialModeReportsEachRefusedEntry() throws {
        let books = try ImportBooks()
        let path = books.path("import.csv")
        let text = """
            \(ImportTests.shortHeader)
            1,2018-06-01,gift,R-1,1121,100000,,VND
            1,,,,5132,,100000,VND
            2,2018-06-01,unbalanced,R-2,1121,100000,,VND
            2,,,,5132,,90000,VND
            3,2018-06-02,gift,,1121,200000,,VND
            3,,,,5132,,200000,VND
            V-17,2018-06-02,no such account,R-4,1121,5000,,VND
            V-17,,,,9999,,5000,VND
            5,2018-06-03,grouped,R-5,1121,"5,000",,VND
            5,,,,5132,,5000,VND
            6,2018-06-04,gift,R-6,1121,300000,,VND
            6,,,,5132,,300000,VND

            """
        let (summary, rejections) = try books.importText(text, mode: .partial)
        #expect(summary.entryCount == 6 && summary.recordCount == 12)
        #expect(summary.postedCount == 3 && summary.rejectedCount == 3 && summary.withoutReferenceCount == 1)
        #expect(rejections.map(\.line) == [4, 8, 10])
        #expect(rejections.map(\.entryKey) == ["2", "V-17", "5"])
        #expect(rejections.map(\.reference) == ["R-2", "R-4", "R-5"])
        #expect(rejections.map(\.rule) == [.unbalanced, .unknownAccount, .invalidAmount])
        #expect(rejections[0].message.hasPrefix("\(path) line 4, entry 2: the entry does not balance"), "\(rejections[0])")
        #expect(rejections[1].message == "\(path) line 8, entry V-17: line 2: there is no account 9999 in the chart")
        #expect(rejections[2].message == "\(path) line 10, column debit (6): amount '5,000 VND' has grouping separators")
        #expect(rejections.allSatisfy { !$0.hint.isEmpty })
        #expect(try books.ledger.database.rows("SELECT external_ref FROM entry ORDER BY seq") { $0.optionalText(at: 0) } == ["R-1", nil, "R-6"])
        try books.expectBalances(["1121": 600_000, "5132": -600_000])
        try books.expectTrialBalanceEqualsLines()
        // What `rejected` throws refuses the whole import.
        let other = try ImportBooks()
        let before = try other.fingerprint()
        try other.write(text, to: other.path("import.csv"))
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try other.ledger.importCSV(path: other.path("import.csv"), format: .entries, mode: .partial, user: "tester") { _ in throw Stop() }
        }
        #expect(try other.fingerprint() == before)
    }

    @Test func importingTheSameFileAgainPostsNothing() throws {
        let books = try ImportBooks(generatorEntries: 300)
        let path = books.path("import.csv")
        let records = try EntriesCSVFile.write(LedgerGenerator(), count: 300, to: path)
        let first = try books.ledger.importCSV(path: path, format: .entries, user: "tester")
        #expect(first.postedCount == 300 && first.recordCount == records && first.alreadyPostedCount == 0)
        let trialBalance = try books.ledger.trialBalance(through: .latest)
        let before = try books.fingerprint()
        let second = try books.ledger.importCSV(path: path, format: .entries, user: "tester")
        #expect(second.entryCount == 300 && second.postedCount == 0 && second.alreadyPostedCount == 300 && second.firstSeq == nil)
        // Nothing was written: no entry, no line, and no audit-trail row either.
        #expect(try books.fingerprint() == before)
        #expect(try books.ledger.trialBalance(through: .latest) == trialBalance)
        #expect(try books.integer("SELECT count(*) FROM change_log WHERE action = 'import'") == 1)
    }

    @Test func sameReferenceWithOtherContentIsRefused() throws {
        let books = try ImportBooks()
        try books.importText("\(ImportTests.shortHeader)\n1,2018-06-01,gift,R-1,1121,100000,,VND\n1,,,,5132,,100000,VND\n")
        let changed = "\(ImportTests.shortHeader)\n1,2018-06-01,gift,R-1,1121,200000,,VND\n1,,,,5132,,200000,VND\n"
        let error = try books.expectImportRefused(changed, rule: .duplicateReference)
        #expect(error.message.hasPrefix("\(books.path("import.csv")) line 2, entry 1: "), "\(error)")
        #expect(error.message.contains("R-1"))
        // Another memo is other content too.
        try books.expectImportRefused(changed.replacingOccurrences(of: "200000", with: "100000").replacingOccurrences(of: "gift", with: "present"),
                                      rule: .duplicateReference)
    }

    /// A reference given twice in one file, with the same content: posted once, and once
    /// submitted when it waits for approval.
    @Test func aReferenceRepeatedInOneFileIsPostedOnce() throws {
        let books = try ImportBooks()
        try books.ledger.setSetting("approval-threshold", to: "100000000 VND", user: "giamdoc")
        let small = "1,2018-06-01,gift,R-1,1121,100000,,VND\n1,,,,5132,,100000,VND\n"
        let large = "2,2018-06-01,large gift,R-2,1121,100000000,,VND\n2,,,,5132,,100000000,VND\n"
        let text = "\(ImportTests.shortHeader)\n\(small)\(large)\(small)\(large)"
        // The second R-2 is found among the entries this import submitted for approval
        // (PostingControls.hasPendingEntries turns true on the first submission).
        do {
            let (summary, _) = try books.importText(text)
            #expect(summary.entryCount == 4 && summary.postedCount == 1 && summary.pendingCount == 1 && summary.alreadyPostedCount == 2)
            #expect(try books.integer("SELECT count(*) FROM entry") == 1)
            #expect(try books.ledger.pendingEntries().map(\.draft.externalRef) == ["R-2"])
        }
        // Below the threshold the repeat is recognized: posted once.
        let plain = try ImportBooks()
        let (summary, _) = try plain.importText(text)
        #expect(summary.entryCount == 4 && summary.postedCount == 2 && summary.alreadyPostedCount == 2)
        #expect(try plain.ledger.database.rows("SELECT external_ref FROM entry ORDER BY seq") { $0.text(at: 0) } == ["R-1", "R-2"])
    }

    @Test func entriesAboveTheApprovalThresholdWaitForASecondPerson() throws {
        let books = try ImportBooks()
        try books.ledger.setSetting("approval-threshold", to: "100000000 VND", user: "giamdoc")
        let text = """
            \(ImportTests.shortHeader)
            1,2018-06-01,small gift,R-1,1121,99999999,,VND
            1,,,,5132,,99999999,VND
            2,2018-06-01,large gift,R-2,1121,100000000,,VND
            2,,,,5132,,100000000,VND
            3,2018-06-02,larger gift,R-3,1121,250000000,,VND
            3,,,,5131,,250000000,VND

            """
        let (summary, _) = try books.importText(text)
        #expect(summary.postedCount == 1 && summary.pendingCount == 2)
        #expect(try books.integer("SELECT count(*) FROM entry") == 1)
        let pending = try books.ledger.pendingEntries()
        #expect(pending.map(\.draft.externalRef) == ["R-2", "R-3"] && pending.map(\.totalDebitDong) == [100_000_000, 250_000_000])
        #expect(pending.allSatisfy { $0.submittedBy == "tester" })
        try books.expectBalances(["1121": 99_999_999, "5132": -99_999_999])
        // Imported again, the waiting ones are not submitted twice.
        let again = try books.importText(text).summary
        #expect(again.postedCount == 0 && again.pendingCount == 0 && again.alreadyPostedCount == 3)
        #expect(try books.ledger.pendingEntries().count == 2)
        // Approved by a second person, an entry is in the books.
        let approved = try books.ledger.approve(pendingID: pending[0].id, user: "giamdoc")
        #expect(approved.externalRef == "R-2" && approved.approvedBy == "giamdoc")
        try books.expectBalances(["1121": 199_999_999, "5132": -199_999_999])
    }

    /// Beneficiary codes identify children: no refusal quotes them, whatever is wrong.
    @Test func beneficiaryCodesNeverAppearInARejection() throws {
        let books = try ImportBooks()
        let secrets = ["TN-0007", "TN-0008", "BP-4411", "Nguyen-Van-A"]
        let text = """
            entry,date,memo,ref,account,debit,credit,currency,program,unit,children,beneficiaries
            1,2018-06-01,fund,R-0,1121,50000000,,VND,,,,
            1,,,,5132,,50000000,VND,,,,
            2,2018-06-05,too many codes,R-1,6111,3000000,,VND,scholarship,TN,1,"TN-0007,TN-0008"
            2,,,,1121,,3000000,VND,,,,
            3,2018-06-05,code twice,R-2,6111,3000000,,VND,scholarship,TN,2,TN-0007;TN-0007
            3,,,,1121,,3000000,VND,,,,
            4,2018-06-05,a name,R-3,6111,3000000,,VND,scholarship,TN,2,TN-0008 Nguyễn-Văn-A
            4,,,,1121,,3000000,VND,,,,
            5,2018-06-05,no count,R-4,6111,3000000,,VND,scholarship,TN,,BP-4411
            5,,,,1121,,3000000,VND,,,,
            6,2018-06-05,unbalanced,R-5,6111,3000000,,VND,scholarship,TN,1,BP-4411
            6,,,,1121,,2000000,VND,,,,
            7,2018-06-05,on the credit,R-6,6111,3000000,,VND,scholarship,TN,1,
            7,,,,1121,,3000000,VND,,,1,Nguyen-Van-A
            8,2018-06-05,fine,R-7,6111,3000000,,VND,scholarship,TN,2,TN-0007 TN-0008
            8,,,,1121,,3000000,VND,,,,

            """
        let (summary, rejections) = try books.importText(text, mode: .partial)
        #expect(summary.postedCount == 2 && rejections.count == 6)
        #expect(rejections.map(\.entryKey) == ["2", "3", "4", "5", "6", "7"])
        for rejection in rejections {
            let everything = "\(rejection.message) \(rejection.hint) \(rejection.entryKey) \(rejection.reference ?? "")"
            for secret in secrets + ["Nguyễn", "Văn"] {
                #expect(!everything.contains(secret), "\(rejection.rule.rawValue): \(everything)")
            }
        }
        // All or nothing, the refusal of the file does not quote them either.
        let refusal = try books.expectImportRefused(text, rule: rejections[0].rule)
        #expect(refusal.message == rejections[0].message)
        #expect(try books.integer("SELECT count(*) FROM beneficiary_code") == 2)
        // Nor does the audit trail.
        let trail = try books.ledger.database.rows("SELECT subject || ' ' || detail FROM change_log") { $0.text(at: 0) }.joined(separator: "\n")
        for secret in secrets { #expect(!trail.contains(secret)) }
    }

    @Test func progressIsReportedEveryIntervalWithTheFileSize() throws {
        let books = try ImportBooks(generatorEntries: 250)
        let path = books.path("import.csv")
        try EntriesCSVFile.write(LedgerGenerator(), count: 250, to: path)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber).int64Value
        var reports: [ImportProgress] = []
        _ = try books.ledger.importCSV(path: path, format: .entries, user: "tester", progressInterval: 100) { reports.append($0) }
        #expect(reports.map(\.entriesRead) == [100, 200])
        #expect(reports.allSatisfy { $0.totalBytes == size && $0.bytesRead > 0 && $0.bytesRead <= size })
    }

    @Test func unreadableFileIsRefused() throws {
        let books = try ImportBooks()
        let path = books.path("missing.csv")
        let before = try books.fingerprint()
        let error = try #require(throws: LedgerError.self) { try books.ledger.importCSV(path: path, format: .entries, user: "tester") }
        #expect(error.message == "cannot open \(path): No such file or directory")
        #expect(try books.fingerprint() == before)
    }
}

/// A fund to import into: FundingBooks' funders and units (AIA, NSTW, KFW, PLAN; TN, TN-HT, BP),
/// the grant KFW-2018 (100,000.00 USD for scholarships and houses in TN during 2018) and the
/// goods items bicycle and gift-pack — or, with `generatorEntries`, the registries and rates
/// LedgerGenerator names.
struct ImportBooks {
    let fixture: TemporaryLedger
    private let fundingBooks: FundingBooks?
    var ledger: Ledger { fixture.ledger }
    var directory: TemporaryDirectory { fixture.directory }
    /// The funding helpers; only for books made with `init()`.
    var funding: FundingBooks { fundingBooks! }

    init() throws {
        let funding = try FundingBooks()
        fundingBooks = funding
        fixture = funding.fixture
        try funding.addGrant(committed: "100000.00 USD")
        try ledger.addGoodsItem(code: "bicycle", nameVietnamese: "Xe đạp", nameEnglish: "Bicycle", unit: "chiếc", user: "tester")
        try ledger.addGoodsItem(code: "gift-pack", nameVietnamese: "Phần quà", nameEnglish: "Gift pack", unit: "phần", user: "tester")
        handEveryEntryOver()
    }

    /// Every entry goes to the inserter's thread on its own, lending it the connection, so
    /// each path of an import that uses the connection shows that it takes it back first: a
    /// use without would stop the test run (`ConnectionLeaseTests`).
    private func handEveryEntryOver() { ledger.entriesPerInsert = 1 }

    init(generatorEntries: Int) throws {
        fundingBooks = nil
        fixture = try TemporaryLedger(withUSDRate: false)
        try LedgerGenerator().prepare(ledger, entryCount: generatorEntries, user: "tester")
        handEveryEntryOver()
    }

    func path(_ name: String) -> String { directory.file(name) }

    func write(_ text: String, to path: String) throws { try write(Array(text.utf8), to: path) }

    func write(_ bytes: [UInt8], to path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { throw CocoaError(.fileWriteUnknown) }
    }

    func append(_ text: String, to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    func fingerprint() throws -> LedgerFingerprint { try LedgerFingerprint.of(fixture.path) }

    /// One integer by SQL of the test's own (0 when NULL).
    func integer(_ sql: String, _ arguments: [any DatabaseBindable] = []) throws -> Int64 {
        try ledger.database.scalarInt64(sql, arguments) ?? 0
    }

    /// Writes `text` to import.csv and imports it, collecting the rejections.
    @discardableResult
    func importText(_ text: String, format: ImportFormat = .entries, mode: ImportMode = .allOrNothing,
                    limits: CSVReader.Limits = CSVReader.Limits()) throws -> (summary: ImportSummary, rejections: [ImportRejection]) {
        try importBytes(Array(text.utf8), format: format, mode: mode, limits: limits)
    }

    func importBytes(_ bytes: [UInt8], format: ImportFormat = .entries, mode: ImportMode = .allOrNothing,
                     limits: CSVReader.Limits = CSVReader.Limits()) throws -> (summary: ImportSummary, rejections: [ImportRejection]) {
        let file = path("import.csv")
        try write(bytes, to: file)
        var rejections: [ImportRejection] = []
        let summary = try ledger.importCSV(path: file, format: format, mode: mode, user: "tester", limits: limits) { rejections.append($0) }
        return (summary, rejections)
    }

    /// Imports `text`, which must be refused by `rule`, and checks that the file is unchanged.
    @discardableResult
    func expectImportRefused(_ text: String, format: ImportFormat = .entries, mode: ImportMode = .allOrNothing, rule: LedgerError.Rule,
                             limits: CSVReader.Limits = CSVReader.Limits(), sourceLocation: SourceLocation = #_sourceLocation) throws -> LedgerError {
        try expectImportRefused(Array(text.utf8), format: format, mode: mode, rule: rule, limits: limits, sourceLocation: sourceLocation)
    }

    @discardableResult
    func expectImportRefused(_ bytes: [UInt8], format: ImportFormat = .entries, mode: ImportMode = .allOrNothing, rule: LedgerError.Rule,
                             limits: CSVReader.Limits = CSVReader.Limits(), sourceLocation: SourceLocation = #_sourceLocation) throws -> LedgerError {
        let before = try fingerprint()
        let error = try #require(throws: LedgerError.self, sourceLocation: sourceLocation) {
            _ = try importBytes(bytes, format: format, mode: mode, limits: limits)
        }
        #expect(error.rule == rule, "\(error)", sourceLocation: sourceLocation)
        #expect(error.hint.count > 5, "a refusal says how to proceed: \(error)", sourceLocation: sourceLocation)
        #expect(try fingerprint() == before, "the refused import changed the ledger", sourceLocation: sourceLocation)
        return error
    }

    /// Receipts the disbursement tests spend: 10,000.00 USD of KFW-2018 into 1122 (at 22,750,
    /// 227,500,000 VND) and 500,000,000 VND of state budget into 1121, and 90 bicycles in kind.
    func fundTheBooks() throws {
        try funding.receive("2018-03-05", funder: "KFW", grant: "KFW-2018", "10000.00 USD", into: "1122", ref: "GBC-118")
        try funding.receive("2018-03-06", funder: "NSTW", "500000000 VND", into: "1121", ref: "NS-2018")
    }

    func exportText(_ format: ExportFormat) throws -> String {
        var text = ""
        try ledger.exportJournal(format) { text += $0 }
        return text
    }

    // MARK: Reading the books back

    /// One row of the `line` table with the codes it names, by SQL of the test's own.
    struct LineRow: Equatable, CustomStringConvertible {
        var seq: Int64
        var lineNo: Int64
        var account: String
        var dong: Int64
        var currency: String? = nil
        var foreign: Int64? = nil
        var rate: String? = nil
        var rateDate: String? = nil
        var rateSource: String? = nil
        var funder: String? = nil
        var grant: String? = nil
        var program: String? = nil
        var unit: String? = nil
        var restriction = "unrestricted"
        var item: String? = nil
        var quantity: Int64? = nil
        var children: Int64? = nil
        var memo: String? = nil

        var description: String {
            "\(seq).\(lineNo) \(account) \(dong) \(currency ?? "") \(foreign.map(String.init) ?? "") \(rate ?? "") \(rateDate ?? "") \(rateSource ?? "") "
                + "f=\(funder ?? "") g=\(grant ?? "") p=\(program ?? "") u=\(unit ?? "") \(restriction) i=\(item ?? "") q=\(quantity.map(String.init) ?? "") "
                + "c=\(children.map(String.init) ?? "") m=\(memo ?? "")"
        }
    }

    func lines() throws -> [LineRow] {
        try ledger.database.rows("""
            SELECT l.entry_seq, l.line_no, a.code, l.amount_vnd, l.currency, l.amount_foreign, l.rate, l.rate_date, l.rate_source,
                   f.code, g.code, p.code, u.code, l.restriction, i.code, l.quantity, l.children, l.memo
            FROM line l JOIN account a ON a.id = l.account_id
            LEFT JOIN funder f ON f.id = l.funder_id LEFT JOIN "grant" g ON g.id = l.grant_id
            LEFT JOIN program p ON p.id = l.program_id LEFT JOIN org_unit u ON u.id = l.unit_id
            LEFT JOIN goods_item i ON i.id = l.item_id
            ORDER BY l.entry_seq, l.line_no
            """) { row in
            LineRow(seq: row.int64(at: 0), lineNo: row.int64(at: 1), account: row.text(at: 2), dong: row.int64(at: 3),
                    currency: row.optionalText(at: 4), foreign: row.optionalInt64(at: 5), rate: row.optionalText(at: 6),
                    rateDate: row.optionalText(at: 7), rateSource: row.optionalText(at: 8), funder: row.optionalText(at: 9),
                    grant: row.optionalText(at: 10), program: row.optionalText(at: 11), unit: row.optionalText(at: 12),
                    restriction: row.text(at: 13), item: row.optionalText(at: 14), quantity: row.optionalInt64(at: 15),
                    children: row.optionalInt64(at: 16), memo: row.optionalText(at: 17))
        }
    }

    /// The signed dong balance of `account` from its lines.
    func balance(_ account: String) throws -> Int64 {
        try integer("SELECT sum(l.amount_vnd) FROM line l JOIN account a ON a.id = l.account_id WHERE a.code = ?", [account])
    }

    /// Each account's balance from its lines, for the accounts of `expected`; every other
    /// account has no lines at all.
    func expectBalances(_ expected: [String: Int64], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let actual = Dictionary(uniqueKeysWithValues: try ledger.database.rows(
            "SELECT a.code, sum(l.amount_vnd) FROM line l JOIN account a ON a.id = l.account_id GROUP BY a.code") { ($0.text(at: 0), $0.int64(at: 1)) })
        #expect(actual.filter { $0.value != 0 || expected[$0.key] != nil } == expected, sourceLocation: sourceLocation)
    }

    /// The trial balance (read from the maintained totals) equals the sums of the lines, account by account.
    func expectTrialBalanceEqualsLines(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let sums = Dictionary(uniqueKeysWithValues: try ledger.database.rows("""
            SELECT a.code, sum(CASE WHEN l.amount_vnd > 0 THEN l.amount_vnd ELSE 0 END), sum(CASE WHEN l.amount_vnd < 0 THEN -l.amount_vnd ELSE 0 END)
            FROM line l JOIN account a ON a.id = l.account_id GROUP BY a.code
            """) { ($0.text(at: 0), ($0.int64(at: 1), $0.int64(at: 2))) })
        let rows = try ledger.trialBalance(through: .latest)
        for row in rows {
            let (debit, credit) = sums[row.accountCode] ?? (0, 0)
            #expect(row.debitDong == debit && row.creditDong == credit, "account \(row.accountCode)", sourceLocation: sourceLocation)
        }
        let listed = Set(rows.map(\.accountCode))
        for code in sums.keys { #expect(listed.contains(code), "account \(code) has lines but no trial-balance row", sourceLocation: sourceLocation) }
        #expect(rows.reduce(0) { $0 + $1.balanceDong } == 0, sourceLocation: sourceLocation)
    }
}
