import Foundation
import Testing
@testable import FundLedger
import LedgerGenerator
import TestSupport

/// `Ledger.exportJournal` (Sources/FundLedger/ImportExport/Ledger+Export.swift,
/// PlainTextJournal.swift, Reports/JournalListing.swift) on generated books: the CSV export
/// imported into a second ledger gives the same trial balance and grant figures; the JSON
/// lines sum to the trial balance; the hledger and Beancount texts balance in dong
/// transaction by transaction and name accounts `Type:code`; and, when the tools are
/// installed, hledger, ledger and Beancount read them to the trial balance's figures. No
/// beneficiary code is ever exported.
@Suite struct ExportTests {
    // MARK: The CSV round trip

    @Test func csvExportImportedIntoAnotherLedgerGivesTheSameBooks() throws {
        let books = try ExportedBooks.shared.get()
        let target = try TemporaryLedger(withUSDRate: false)
        try ExportedBooks.prepare(target.ledger)
        let path = target.directory.file("export.csv")
        try Data(books.csv.utf8).write(to: URL(fileURLWithPath: path))
        let summary = try target.ledger.importCSV(path: path, format: .entries, user: "tester")
        #expect(summary.postedCount == books.entryCount && summary.rejectedCount == 0)
        #expect(summary.recordCount == books.lineCount)
        // Account by account: debits, credits and the foreign balance.
        let trialBalance = try target.ledger.trialBalance(through: .latest)
        #expect(trialBalance.count == books.trialBalance.count)
        for (row, original) in zip(trialBalance, books.trialBalance) {
            #expect(row == original, "account \(original.accountCode)")
        }
        // The grants' figures: received (dong and USD), spent, exchange effect, child-instances.
        #expect(try ExportedBooks.grantFigures(target.ledger) == books.grantFigures)
        // Entry by entry and line by line the books are the same, except who posted them when.
        let (journal, lineCount) = try ExportedBooks.comparableJournal(target.ledger)
        #expect(lineCount == books.lineCount)
        #expect(journal.count == books.comparableJournal.count)
        for (entry, original) in zip(journal, books.comparableJournal) where entry != original {
            Issue.record("entry differs after the round trip:\n\(original)\n\(entry)")
            break
        }
        // The export's own reader columns name every posted line once.
        let records = try ExportTests.csvRecords(books.csv)
        #expect(records.count == books.lineCount + 1 && records[0].fields == JournalListing.csvColumns)
        #expect(records.dropFirst().allSatisfy { $0.fields.count == JournalListing.csvColumns.count })
    }

    // MARK: JSON

    @Test func jsonLinesSumToTheTrialBalance() throws {
        let books = try ExportedBooks.shared.get()
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(books.json.utf8)) as? [[String: Any]])
        #expect(entries.count == books.entryCount)
        #expect(entries.map { JSON.integer($0["seq"]) } == (1...Int64(books.entryCount)).map { $0 })
        var dong: [String: Int64] = [:]
        var foreign: [String: Int64] = [:]
        var lineCount = 0
        for entry in entries {
            let lines = try #require(entry["lines"] as? [[String: Any]])
            lineCount += lines.count
            var sum: Int64 = 0
            for line in lines {
                let account = try #require(line["account"] as? String)
                let amount = try #require(JSON.integer(line["amount_vnd"]))
                sum += amount
                dong[account, default: 0] += amount
                if let minor = JSON.integer(line["amount_foreign_minor"]) {
                    #expect(line["currency"] as? String == "USD" && line["rate"] is String && line["rate_source"] is String)
                    foreign[account, default: 0] += minor
                }
                #expect(line["beneficiaries"] == nil)
            }
            #expect(sum == 0, "entry \(entry["seq"] ?? "?") does not balance in the JSON")
        }
        #expect(lineCount == books.lineCount)
        for row in books.trialBalance {
            #expect(dong[row.accountCode, default: 0] == row.balanceDong, "account \(row.accountCode)")
            if row.currency != .vnd { #expect(foreign[row.accountCode, default: 0] == row.foreignBalance, "account \(row.accountCode)") }
        }
        #expect(Set(dong.keys).isSubset(of: Set(books.trialBalance.map(\.accountCode))))
    }

    // MARK: hledger and Beancount, read here

    @Test(arguments: [ExportFormat.hledger, .beancount])
    func plainTextJournalBalancesInDongAndNamesAccountsByTypeAndCode(format: ExportFormat) throws {
        let books = try ExportedBooks.shared.get()
        let text = try books.text(format)
        let transactions = try PlainTextJournalReader.transactions(text, format: format)
        #expect(transactions.count == books.entryCount)
        var totals: [String: Int64] = [:]
        for transaction in transactions {
            #expect(transaction.postings.count >= 2, "\(transaction.header)")
            #expect(transaction.postings.reduce(0) { $0 + $1.weightDong } == 0, "does not balance in VND: \(transaction.header)")
            for posting in transaction.postings { totals[posting.account, default: 0] += posting.weightDong }
        }
        // Every account is named Type:code, by the type the chart gives the code.
        for account in totals.keys {
            let parts = account.split(separator: ":").map(String.init)
            #expect(parts.count == 2 && parts[1].allSatisfy(\.isASCIIDigit), "\(account)")
            let type = try #require(books.accountTypes[parts.last ?? ""], "\(account) is not in the chart")
            #expect(parts.first == ExportTests.topLevelName(type), "\(account)")
        }
        let expected = books.nonZeroBalances
        #expect(totals.filter { $0.value != 0 }.mapKeys { $0.split(separator: ":").last.map(String.init) ?? "" } == expected)
        // The entries' sequence numbers, in order.
        #expect(transactions.map(\.seq) == (1...Int64(books.entryCount)).map { $0 })
        if format == .beancount {
            // Every account a posting names is opened, and headings are not.
            let opened = Set(text.split(separator: "\n").filter { $0.hasPrefix("1900-01-01 open ") }.map { String($0.dropFirst(16)) })
            #expect(Set(totals.keys).isSubset(of: opened))
            #expect(opened.count == books.accountTypes.count - books.headingCount)
        }
    }

    @Test func noExportHoldsABeneficiaryCode() throws {
        let books = try ExportedBooks.shared.get()
        // The books do hold them.
        #expect(books.storedBeneficiaryCodes == ExportedBooks.beneficiaryCodes.sorted())
        for format in ExportFormat.allCases {
            let text = try books.text(format)
            for code in ExportedBooks.beneficiaryCodes { #expect(!text.contains(code), "\(format.rawValue) holds \(code)") }
            #expect(!text.contains("ZX9"), "\(format.rawValue)")
        }
    }

    /// Reversals are exported with what they reverse; period records carry no lines and are
    /// left out of the plain-text journals; memos and references with quotes, semicolons and
    /// brackets stay inside their fields.
    @Test func reversalsPeriodRecordsAndAwkwardTextInThePlainTextJournals() throws {
        let books = try SmallExportBooks()
        let hledger = try books.text(.hledger)
        let beancount = try books.text(.beancount)
        let hledgerTransactions = try PlainTextJournalReader.transactions(hledger, format: .hledger)
        let beancountTransactions = try PlainTextJournalReader.transactions(beancount, format: .beancount)
        // Entries 1, 2 and 3 (the reversal of 2), 4 and 5; 6 is the period record; 7 after it.
        #expect(hledgerTransactions.map(\.seq) == [1, 2, 3, 4, 5, 7] && beancountTransactions.map(\.seq) == [1, 2, 3, 4, 5, 7])
        #expect(hledgerTransactions[4].postings.map(\.account) == ["Assets:1121", "Assets:1122", "Equity:413"])
        #expect(hledgerTransactions[2].header.hasSuffix("; seq:3, reverses:2"), "\(hledgerTransactions[2].header)")
        #expect(beancount.contains("  seq: 3\n  reverses: 2\n"))
        #expect(beancount.contains("\(SmallExportBooks.awkwardMemoInBeancount)\n  seq: 1\n  ref: \(SmallExportBooks.awkwardReferenceInBeancount)\n"))
        for transactions in [hledgerTransactions, beancountTransactions] {
            #expect(transactions.allSatisfy { $0.postings.reduce(0) { $0 + $1.weightDong } == 0 })
        }
        try books.expectPeersAgree()
    }

    // MARK: The peer tools, when installed

    @Test(.enabled(if: PeerTool.exists("hledger"), "hledger is not installed: the hledger export is not checked by hledger"))
    func hledgerReadsTheJournalToTheTrialBalance() throws {
        let books = try ExportedBooks.shared.get()
        let directory = TemporaryDirectory("cpf-export")
        let path = directory.file("fund.journal")
        try Data(books.hledger.utf8).write(to: URL(fileURLWithPath: path))
        let balances = try PeerTool.hledgerBalances(path)
        #expect(balances.filter { $0.value != 0 } == books.nonZeroBalances)
    }

    @Test(.enabled(if: PeerTool.exists("ledger"), "ledger is not installed: the journal is not checked by ledger"))
    func ledgerReadsTheJournalToTheTrialBalance() throws {
        let books = try ExportedBooks.shared.get()
        let directory = TemporaryDirectory("cpf-export")
        let path = directory.file("fund.journal")
        try Data(books.hledger.utf8).write(to: URL(fileURLWithPath: path))
        let balances = try PeerTool.ledgerBalances(path)
        #expect(balances.filter { $0.value != 0 } == books.nonZeroBalances)
    }

    @Test(.enabled(if: PeerTool.exists("bean-check"), "Beancount (bean-check) is not installed: the Beancount export is not checked"))
    func beanCheckAcceptsTheBeancountFile() throws {
        let books = try ExportedBooks.shared.get()
        let directory = TemporaryDirectory("cpf-export")
        let path = directory.file("fund.beancount")
        try Data(books.beancount.utf8).write(to: URL(fileURLWithPath: path))
        let result = try PeerTool.run("bean-check", [path])
        #expect(result.status == 0 && result.output.isEmpty && result.errors.isEmpty, "\(result)")
        // Its tolerance admits no real difference: one dong off is refused.
        var lines = books.beancount.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.firstIndex { $0.hasPrefix("  Equity:413  ") && $0.hasSuffix(" VND") })
        let parts = lines[index].split(separator: " ")
        lines[index] = "  Equity:413  \(try #require(Int64(parts[1])) + 1) VND"
        let broken = directory.file("broken.beancount")
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: broken))
        let refused = try PeerTool.run("bean-check", [broken])
        #expect(refused.status != 0 && refused.errors.contains("does not balance"), "\(refused)")
    }

    @Test(.enabled(if: PeerTool.beancountLoaderAvailable, "python3 cannot import beancount: the Beancount weights are not checked"))
    func beancountWeightsEqualTheTrialBalance() throws {
        let books = try ExportedBooks.shared.get()
        let directory = TemporaryDirectory("cpf-export")
        let path = directory.file("fund.beancount")
        try Data(books.beancount.utf8).write(to: URL(fileURLWithPath: path))
        let balances = try PeerTool.beancountWeights(path)
        #expect(balances.filter { $0.value != 0 } == books.nonZeroBalances)
    }

    // MARK: Helpers

    static func topLevelName(_ type: AccountType) -> String {
        switch type {
        case .asset: "Assets"
        case .liability: "Liabilities"
        case .netAssets: "Equity"
        case .revenue: "Income"
        case .expense: "Expenses"
        }
    }

    static func csvRecords(_ text: String) throws -> [CSVRecord] {
        let reader = CSVReader(source: MemoryByteSource(text), sourceName: "export.csv")
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }
}

extension Dictionary {
    /// The dictionary with `transform` applied to each key (keys must stay distinct).
    func mapKeys<T: Hashable>(_ transform: (Key) -> T) -> [T: Value] {
        Dictionary<T, Value>(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}

/// Generated books, made once for the suite and kept as the exports and figures they give:
/// 3,000 LedgerGenerator entries (all four funding streams, USD with daily rates, grants,
/// goods) and one disbursement with beneficiary codes.
struct ExportedBooks: Sendable {
    static let generatedCount = 3_000
    static let beneficiaryCodes = ["U01-ZX91", "U01-ZX92", "U01-ZX93"]

    let entryCount: Int
    let lineCount: Int
    let trialBalance: [TrialBalanceRow]
    /// Account code → balance in dong, for the accounts whose balance is not zero.
    let nonZeroBalances: [String: Int64]
    let accountTypes: [String: AccountType]
    let headingCount: Int
    let grantFigures: [String: GrantFigures]
    let comparableJournal: [String]
    let storedBeneficiaryCodes: [String]
    let csv: String
    let json: String
    let hledger: String
    let beancount: String

    func text(_ format: ExportFormat) throws -> String {
        switch format {
        case .csv: csv
        case .json: json
        case .hledger: hledger
        case .beancount: beancount
        }
    }

    static let shared: Result<ExportedBooks, any Error> = Result { try ExportedBooks() }

    /// What both ledgers of the round trip register: the generator's registries and rates.
    static func prepare(_ ledger: Ledger) throws {
        try LedgerGenerator().prepare(ledger, entryCount: generatedCount, user: "tester")
    }

    private init() throws {
        let fixture = try TemporaryLedger(withUSDRate: false)
        let ledger = fixture.ledger
        try ExportedBooks.prepare(ledger)
        var iterator = LedgerGenerator().makeIterator()
        var batch: [EntryDraft] = []
        for _ in 0..<ExportedBooks.generatedCount {
            batch.append(iterator.next()!)
            if batch.count == 500 {
                _ = try ledger.post(batch, user: "tester")
                batch.removeAll()
            }
        }
        if !batch.isEmpty { _ = try ledger.post(batch, user: "tester") }
        var disbursement = Disbursement(date: LedgerGenerator().startDate.adding(days: 10), programCode: "scholarship", unitCode: "U01", children: 3)
        disbursement.amount = .vnd(3_000_000)
        disbursement.beneficiaryCodes = ExportedBooks.beneficiaryCodes
        disbursement.externalRef = "PC-BEN-1"
        _ = try ledger.disburse(disbursement, user: "tester")

        entryCount = Int(try ledger.chainHead().seq)
        lineCount = Int(try ledger.database.scalarInt64("SELECT count(*) FROM line") ?? 0)
        trialBalance = try ledger.trialBalance(through: .latest)
        nonZeroBalances = Dictionary(uniqueKeysWithValues: trialBalance.filter { $0.balanceDong != 0 }.map { ($0.accountCode, $0.balanceDong) })
        let accounts = try ledger.accounts()
        accountTypes = Dictionary(uniqueKeysWithValues: accounts.map { ($0.code, $0.type) })
        headingCount = accounts.filter(\.isHeading).count
        grantFigures = try ExportedBooks.grantFigures(ledger)
        comparableJournal = try ExportedBooks.comparableJournal(ledger).entries
        storedBeneficiaryCodes = try ledger.database.rows("SELECT code FROM beneficiary_code ORDER BY code") { $0.text(at: 0) }
        func export(_ format: ExportFormat) throws -> String {
            var text = ""
            // A small buffer, so the text comes in many pieces.
            try ledger.exportJournal(format, bufferByteCount: 4096) { text += $0 }
            return text
        }
        csv = try export(.csv)
        json = try export(.json)
        hledger = try export(.hledger)
        beancount = try export(.beancount)
    }

    static func grantFigures(_ ledger: Ledger) throws -> [String: GrantFigures] {
        Dictionary(uniqueKeysWithValues: try ledger.grants().map { ($0.code, try ledger.grantFigures(grantID: $0.id)) })
    }

    /// Each entry and its lines as text, without who posted it, when, and its hash.
    static func comparableJournal(_ ledger: Ledger) throws -> (entries: [String], lineCount: Int) {
        var entries: [String] = []
        var lineCount = 0
        try ledger.forEachEntry { entry in
            var text = "\(entry.seq) \(entry.date.iso) \(entry.memo) \(entry.externalRef ?? "-") \(entry.kind.rawValue)\n"
            for line in entry.lines {
                lineCount += 1
                text += "  \(line.lineNumber) \(line.account.code) \(line.amountDong)"
                if let foreign = line.foreign {
                    text += " \(foreign.amount.minorUnits) \(foreign.amount.currency.code) @ \(foreign.rate) \(foreign.rateSource) \(foreign.rateDate.iso)"
                }
                text += " f=\(line.funder?.code ?? "") g=\(line.grant?.code ?? "") p=\(line.program?.code ?? "") u=\(line.unit?.code ?? "")"
                text += " \(line.restriction.rawValue) i=\(line.item?.code ?? "") q=\(line.quantity.map(String.init) ?? "") c=\(line.children.map(String.init) ?? "") m=\(line.memo ?? "")\n"
            }
            entries.append(text)
        }
        return (entries, lineCount)
    }
}

/// A small ledger with a reversal, a closed period and text that needs escaping.
struct SmallExportBooks {
    static let awkwardMemo = #"Quà "Tết"; 1/6 (Children's Day) \ Trung thu"#
    static let awkwardMemoInBeancount = #"2018-06-01 * "Quà \"Tết\"; 1/6 (Children's Day) \\ Trung thu""#
    static let awkwardReference = "PT(7)/2018; \"A\""
    static let awkwardReferenceInBeancount = #""PT(7)/2018; \"A\"""#

    let fixture: TemporaryLedger
    var ledger: Ledger { fixture.ledger }

    init() throws {
        fixture = try TemporaryLedger()
        let ledger = fixture.ledger
        let june = LedgerDate(year: 2018, month: 6, day: 1)!
        _ = try ledger.post(EntryDraft(date: june, memo: SmallExportBooks.awkwardMemo, externalRef: SmallExportBooks.awkwardReference,
                                       lines: [.debit("1121", .vnd(5_000_000)), .credit("5132", .vnd(5_000_000))]), user: "tester")
        _ = try ledger.post(EntryDraft(date: june, memo: "", lines: [.debit("1122", try Amount.parse("123.45 USD")),
                                                                      .credit("3372", try Amount.parse("123.45 USD"))]), user: "tester")
        // Reversed the same day, so the books run in date order: the 1122 movements below come after it.
        _ = try ledger.reverse(seq: 2, reason: "wrong account", date: june, user: "tester")
        // 1,000.01 USD at 22,750 is 22,750,227.5 → 22,750,228; 333.33 of them leave at that
        // book rate, for 7,600,000 dong: three postings whose unit prices do not terminate.
        _ = try ledger.post(EntryDraft(date: june.adding(days: 1), memo: "Grant tranche", lines: [
            .debit("1122", try Amount.parse("1000.01 USD")), .credit("5121", try Amount.parse("1000.01 USD"))]), user: "tester")
        _ = try ledger.convert(Conversion(date: june.adding(days: 2), fromAccountCode: "1122", amount: try Amount.parse("333.33 USD"),
                                          intoAccountCode: "1121", received: .vnd(7_600_000)), user: "tester")
        _ = try ledger.closePeriod(try AccountingPeriod.parse("2018-06"), user: "tester")
        _ = try ledger.post(EntryDraft(date: LedgerDate(year: 2018, month: 7, day: 2)!, memo: "July", externalRef: "PT-8",
                                       lines: [.debit("1122", try Amount.parse("0.01 USD")), .credit("5121", try Amount.parse("0.01 USD"))]), user: "tester")
    }

    func text(_ format: ExportFormat) throws -> String {
        var text = ""
        try ledger.exportJournal(format) { text += $0 }
        return text
    }

    /// Whichever peer tools are installed read the files to the trial balance.
    func expectPeersAgree(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = Dictionary(uniqueKeysWithValues: try ledger.trialBalance(through: .latest).filter { $0.balanceDong != 0 }.map { ($0.accountCode, $0.balanceDong) })
        let directory = TemporaryDirectory("cpf-export")
        let journal = directory.file("small.journal")
        let beancountFile = directory.file("small.beancount")
        try Data(try text(.hledger).utf8).write(to: URL(fileURLWithPath: journal))
        try Data(try text(.beancount).utf8).write(to: URL(fileURLWithPath: beancountFile))
        if PeerTool.exists("hledger") {
            #expect(try PeerTool.hledgerBalances(journal).filter { $0.value != 0 } == expected, sourceLocation: sourceLocation)
        }
        if PeerTool.exists("ledger") {
            #expect(try PeerTool.ledgerBalances(journal).filter { $0.value != 0 } == expected, sourceLocation: sourceLocation)
        }
        if PeerTool.exists("bean-check") {
            let result = try PeerTool.run("bean-check", [beancountFile])
            #expect(result.status == 0 && result.errors.isEmpty, "\(result)", sourceLocation: sourceLocation)
        }
        if PeerTool.beancountLoaderAvailable {
            #expect(try PeerTool.beancountWeights(beancountFile).filter { $0.value != 0 } == expected, sourceLocation: sourceLocation)
        }
    }
}

/// Reads the transactions of an exported hledger or Beancount file, as far as the tests need:
/// each transaction's header, `seq`, and postings with their dong weight.
enum PlainTextJournalReader {
    struct Posting {
        let account: String
        let weightDong: Int64
    }

    struct Transaction {
        let header: String
        var seq: Int64?
        var postings: [Posting] = []
    }

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static func transactions(_ text: String, format: ExportFormat) throws -> [Transaction] {
        var transactions: [Transaction] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
            if line.first?.isASCIIDigit == true {
                if format == .beancount && line.hasPrefix("1900-01-01 open ") { continue }
                guard line.dropFirst(10).hasPrefix(" * ") else { throw Malformed(description: "not a transaction header: \(line)") }
                var transaction = Transaction(header: line)
                if format == .hledger, let range = line.range(of: "  ; seq:") {
                    transaction.seq = Int64(line[range.upperBound...].prefix(while: \.isASCIIDigit))
                }
                transactions.append(transaction)
                continue
            }
            guard line.hasPrefix("  ") else { continue }   // comments and options
            guard !transactions.isEmpty else { throw Malformed(description: "an indented line before any transaction: \(line)") }
            let trimmed = line.drop { $0 == " " }
            if format == .beancount, trimmed.first?.isLowercase == true {
                // Metadata: "  seq: 12" on the transaction, deeper on a posting.
                if line.hasPrefix("  seq: ") && !line.hasPrefix("   ") { transactions[transactions.count - 1].seq = Int64(trimmed.dropFirst(5)) }
                continue
            }
            transactions[transactions.count - 1].postings.append(try posting(String(trimmed), in: line))
        }
        return transactions
    }

    /// `Assets:1122  -10000.00 USD @@ 227500000 VND  ; tags` → the account and -227,500,000.
    private static func posting(_ text: String, in line: String) throws -> Posting {
        guard let gap = text.range(of: "  ") else { throw Malformed(description: "no amount: \(line)") }
        let account = String(text[..<gap.lowerBound])
        var amount = String(text[gap.upperBound...])
        if let comment = amount.range(of: "  ;") { amount = String(amount[..<comment.lowerBound]) }
        let parts = amount.split(separator: " ").map(String.init)
        let weight: Int64?
        switch parts.count {
        case 2 where parts[1] == "VND":
            weight = Int64(parts[0])
        case 5 where parts[2] == "@@" && parts[4] == "VND" && parts[1] != "VND" && !parts[3].hasPrefix("-"):
            weight = Int64(parts[3]).map { parts[0].hasPrefix("-") ? -$0 : $0 }
        default:
            weight = nil
        }
        guard let weight else { throw Malformed(description: "not an amount in VND or a foreign amount at its dong cost: \(line)") }
        return Posting(account: account, weightDong: weight)
    }
}

/// hledger, ledger and Beancount, found on the PATH of the test process.
enum PeerTool {
    struct Result: CustomStringConvertible {
        let status: Int32
        let output: String
        let errors: String
        var description: String { "exit \(status)\n--- stdout\n\(output.prefix(2000))--- stderr\n\(errors.prefix(2000))" }
    }

    static func path(of tool: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func exists(_ tool: String) -> Bool { path(of: tool) != nil }

    static func run(_ tool: String, _ arguments: [String]) throws -> Result {
        guard let executable = path(of: tool) else { throw CocoaError(.fileNoSuchFile) }
        let result = try CPFRunner.runProgram(executable, arguments)
        return Result(status: result.status, output: result.standardOutput, errors: result.standardError)
    }

    /// Whether python3 can load Beancount files.
    static let beancountLoaderAvailable: Bool = exists("python3")
        && ((try? run("python3", ["-c", "import beancount.loader, beancount.core.convert"]))?.status == 0)

    /// Account code → balance in dong, from `hledger bal --cost` as CSV.
    static func hledgerBalances(_ path: String) throws -> [String: Int64] {
        let result = try run("hledger", ["-f", path, "balance", "--cost", "--flat", "--no-total", "--output-format", "csv"])
        guard result.status == 0, result.errors.isEmpty else { throw PlainTextJournalReader.Malformed(description: "hledger: \(result)") }
        let records = try ExportTests.csvRecords(result.output)
        guard records.first?.fields == ["account", "balance"] else { throw PlainTextJournalReader.Malformed(description: "hledger: \(result)") }
        return try balances(records.dropFirst().map { ($0.fields[0], $0.fields[1]) }, tool: "hledger")
    }

    /// Account code → balance in dong, from `ledger bal --basis` (its cost).
    static func ledgerBalances(_ path: String) throws -> [String: Int64] {
        let result = try run("ledger", ["-f", path, "balance", "--basis", "--flat", "--no-total", "--balance-format", "%(account)\t%(display_total)\n"])
        guard result.status == 0, result.errors.isEmpty else { throw PlainTextJournalReader.Malformed(description: "ledger: \(result)") }
        let pairs = result.output.split(separator: "\n").map { line -> (String, String) in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            return (parts.first ?? "", parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
        }
        return try balances(pairs, tool: "ledger")
    }

    /// Account code → the sum of the postings' weights, by Beancount's own loader.
    static func beancountWeights(_ path: String) throws -> [String: Int64] {
        let script = """
            import sys
            from collections import defaultdict
            from decimal import Decimal
            from beancount import loader
            from beancount.core import convert, data
            entries, errors, options = loader.load_file(sys.argv[1])
            if errors:
                for error in errors: print(error, file=sys.stderr)
                sys.exit(1)
            totals = defaultdict(Decimal)
            for entry in entries:
                if isinstance(entry, data.Transaction):
                    for posting in entry.postings:
                        weight = convert.get_weight(posting)
                        if weight.currency != "VND": sys.exit("a weight in " + weight.currency)
                        totals[posting.account] += weight.number
            for account, number in sorted(totals.items()):
                whole = number.quantize(Decimal(1))
                if abs(number - whole) > Decimal("0.001"): sys.exit(account + " is not in whole dong: " + str(number))
                print(account + "\\t" + str(whole) + " VND")
            """
        let result = try run("python3", ["-c", script, path])
        guard result.status == 0, result.errors.isEmpty else { throw PlainTextJournalReader.Malformed(description: "beancount: \(result)") }
        let pairs = result.output.split(separator: "\n").map { line -> (String, String) in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            return (parts.first ?? "", parts.count > 1 ? parts[1] : "")
        }
        return try balances(pairs, tool: "beancount")
    }

    /// `("Assets:1121", "123 VND")` pairs as account code → dong; "0" (no commodity) is zero.
    private static func balances(_ pairs: [(String, String)], tool: String) throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        for (account, amount) in pairs {
            guard let code = account.split(separator: ":").last.map(String.init), account.contains(":") else {
                throw PlainTextJournalReader.Malformed(description: "\(tool): account '\(account)'")
            }
            let parts = amount.split(separator: " ").map(String.init)
            if parts == ["0"] { result[code] = 0; continue }
            guard parts.count == 2, parts[1] == "VND", let dong = Int64(parts[0]) else {
                throw PlainTextJournalReader.Malformed(description: "\(tool): '\(amount)' for \(account) is not an amount in VND")
            }
            result[code] = dong
        }
        return result
    }
}
