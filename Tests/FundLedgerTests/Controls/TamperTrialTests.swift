import Foundation
import Testing
@testable import FundLedger
import LedgerGenerator
import TestSupport

/// 1,000 randomized single tamperings, each made through raw SQL on a copy of the same
/// ledger after dropping every trigger; `verify` must catch every one.
@Suite(.tags(.heavy), TestRun.heavy) struct TamperTrialTests {
    /// The kinds of tampering tried, each as an auditor would describe it.
    enum Tampering: CaseIterable {
        case amountByOneDong, dongMovedBetweenLines, accountSwapped, dateChanged, entryDeleted, lineDeleted,
             forgedEntryAppended, forgedEntryInserted, entriesReordered, accountCodeChanged, memoChanged, posterChanged,
             dimensionChanged, rateChanged, childrenChanged, beneficiaryCodeChanged, referenceChanged, reversalLinkChanged,
             periodLockMoved
    }

    /// A ledger with every kind of content: dong and dollar receipts, a restricted grant,
    /// disbursements with children and beneficiary codes, a reversal, a closed period.
    static func template(in directory: TemporaryDirectory) throws -> String {
        let books = try ControlFixture()
        let ledger = books.ledger
        for day in 1...20 {
            var payment = Disbursement(date: ControlFixture.date("2018-05-\(day < 10 ? "0" : "")\(day)"), programCode: day % 2 == 0 ? "scholarship" : "milk",
                                       unitCode: "TN", children: Int64(day + 1))
            payment.amount = .vnd(Int64(day) * 100_000)
            payment.beneficiaryCodes = ["HS-\(day)", "HS-\(day + 100)"]
            payment.externalRef = "PC-\(day + 10)"
            if day % 2 == 0 { payment.grantCode = "KFW-2018" }
            try ledger.disburse(payment, user: "ketoan")
            var gift = Receipt(date: ControlFixture.date("2018-06-\(day < 10 ? "0" : "")\(day)"))
            gift.funderCode = day % 3 == 0 ? "KFW" : "AIA"
            gift.amount = day % 3 == 0 ? try Amount.parse("\(day).25 USD") : .vnd(Int64(day) * 1_000_000)
            try ledger.receive(gift, user: "thuquy")
        }
        try ledger.reverse(seq: 5, reason: "wrong program", date: ControlFixture.date("2018-07-01"), user: "ketoan")
        try ledger.closePeriod(AccountingPeriod(year: 2018, month: 7), user: "ketoantruong")
        let path = directory.file("template.cpf")
        try ledger.backup(to: path)
        return path
    }

    @Test func verifyCatchesEveryOneOfAThousandRandomTamperings() throws {
        let directory = TemporaryDirectory("tamper")
        let template = try TamperTrialTests.template(in: directory)
        #expect(try Ledger.open(at: template).verify().isIntact)
        var random = RepeatableRandomNumberGenerator(seed: 20181231)
        var missed: [String] = []
        var tried: [String: Int] = [:]
        let trialPath = directory.file("trial.cpf")
        for trial in 0..<1_000 {
            try? FileManager.default.removeItem(atPath: trialPath)
            try? FileManager.default.removeItem(atPath: trialPath + "-wal")
            try? FileManager.default.removeItem(atPath: trialPath + "-shm")
            try FileManager.default.copyItem(atPath: template, toPath: trialPath)
            let kind = Tampering.allCases.randomElement(using: &random)!
            let description: String
            do {
                let database = try Database(path: trialPath, mode: .readWrite, configuration: TemporaryLedger.fastConfiguration)
                try database.execute("PRAGMA foreign_keys = OFF")
                try database.execute("BEGIN")
                let triggers = try database.rows("SELECT name FROM sqlite_schema WHERE type = 'trigger'") { $0.text(at: 0) }
                for trigger in triggers { try database.execute("DROP TRIGGER \"\(trigger)\"") }
                description = try TamperTrialTests.tamper(database, kind, using: &random)
                try database.execute("COMMIT")
            }
            tried["\(kind)", default: 0] += 1
            let report = try Ledger.open(at: trialPath, configuration: TemporaryLedger.fastConfiguration).verify()
            if report.isIntact { missed.append("trial \(trial): \(description)") }
        }
        #expect(missed.isEmpty, "verify missed \(missed.count) tamperings: \(missed.prefix(10))")
        // Every kind was tried many times.
        #expect(tried.count == Tampering.allCases.count && tried.values.allSatisfy { $0 >= 20 }, "\(tried)")
    }

    /// Makes one change through raw SQL and says what it was.
    static func tamper(_ database: Database, _ kind: Tampering, using random: inout RepeatableRandomNumberGenerator) throws -> String {
        let head = try database.scalarInt64("SELECT max(seq) FROM entry")!
        func randomRow<T>(_ sql: String, _ transform: (Statement) throws -> T) throws -> T {
            let rows = try database.rows(sql, [], transform)
            return rows.randomElement(using: &random)!
        }
        switch kind {
        case .amountByOneDong:
            let (seq, line, amount) = try randomRow("SELECT entry_seq, line_no, amount_vnd FROM line") { ($0.int64(at: 0), $0.int64(at: 1), $0.int64(at: 2)) }
            try database.execute("UPDATE line SET amount_vnd = ? WHERE entry_seq = ? AND line_no = ?", [amount + (amount > 0 ? 1 : -1), seq, line])
            return "entry \(seq) line \(line): amount changed by 1 dong"
        case .dongMovedBetweenLines:
            let seq = try randomRow("SELECT entry_seq FROM line GROUP BY entry_seq HAVING count(*) >= 2") { $0.int64(at: 0) }
            try database.execute("UPDATE line SET amount_vnd = amount_vnd + 1 WHERE entry_seq = ? AND line_no = 1", [seq])
            try database.execute("UPDATE line SET amount_vnd = amount_vnd - 1 WHERE entry_seq = ? AND line_no = 2", [seq])
            return "entry \(seq): 1 dong moved from line 2 to line 1 (still balanced)"
        case .accountSwapped:
            let (seq, line, account) = try randomRow("SELECT entry_seq, line_no, account_id FROM line") { ($0.int64(at: 0), $0.int64(at: 1), $0.int64(at: 2)) }
            let other = try randomRow("SELECT id FROM account WHERE id <> \(account)") { $0.int64(at: 0) }
            try database.execute("UPDATE line SET account_id = ? WHERE entry_seq = ? AND line_no = ?", [other, seq, line])
            return "entry \(seq) line \(line): account swapped"
        case .dateChanged:
            let seq = Int64.random(in: 1...head, using: &random)
            try database.execute("UPDATE entry SET entry_date = date(entry_date, '-1 day') WHERE seq = ?", [seq])
            return "entry \(seq): date moved a day earlier"
        case .entryDeleted:
            let seq = Int64.random(in: 1...head, using: &random)
            try database.execute("DELETE FROM beneficiary_code WHERE entry_seq = ?", [seq])
            try database.execute("DELETE FROM line WHERE entry_seq = ?", [seq])
            try database.execute("DELETE FROM entry WHERE seq = ?", [seq])
            return "entry \(seq) deleted with its lines"
        case .lineDeleted:
            let (seq, line) = try randomRow("SELECT entry_seq, line_no FROM line") { ($0.int64(at: 0), $0.int64(at: 1)) }
            try database.execute("DELETE FROM beneficiary_code WHERE entry_seq = ? AND line_no = ?", [seq, line])
            try database.execute("DELETE FROM line WHERE entry_seq = ? AND line_no = ?", [seq, line])
            return "entry \(seq) line \(line) deleted"
        case .forgedEntryAppended, .forgedEntryInserted:
            // A balanced entry with a made-up hash, at the end or into a gap made by renumbering.
            let seq = kind == .forgedEntryAppended ? head + 1 : Int64.random(in: 1...head, using: &random)
            if kind == .forgedEntryInserted {
                try database.execute("UPDATE line SET entry_seq = entry_seq + 1000000 WHERE entry_seq >= ?", [seq])
                try database.execute("UPDATE entry SET seq = seq + 1000000 WHERE seq >= ?", [seq])
                try database.execute("UPDATE line SET entry_seq = entry_seq - 999999 WHERE entry_seq >= 1000000")
                try database.execute("UPDATE entry SET seq = seq - 999999 WHERE seq >= 1000000")
            }
            let hash = (0..<32).map { _ in UInt8.random(in: 0...255, using: &random) }
            let statement = try database.prepare("INSERT INTO entry (seq, entry_date, memo, posted_by, posted_at, hash) VALUES (?, '2018-08-15', 'forged', 'x', '2026-01-01T00:00:00.000Z', ?)")
            try statement.bind(seq, at: 1)
            try statement.bind(blob: hash, at: 2)
            try statement.execute()
            try database.execute("INSERT INTO line (entry_seq, line_no, account_id, amount_vnd) VALUES (?, 1, (SELECT id FROM account WHERE code = '6118'), 5000000)", [seq])
            try database.execute("INSERT INTO line (entry_seq, line_no, account_id, amount_vnd) VALUES (?, 2, (SELECT id FROM account WHERE code = '1121'), -5000000)", [seq])
            return "forged entry \(kind == .forgedEntryAppended ? "appended" : "inserted") as \(seq)"
        case .entriesReordered:
            let first = Int64.random(in: 1..<head, using: &random)
            let second = Int64.random(in: (first + 1)...head, using: &random)
            let parked = head + 1_000_000
            for (from, to) in [(first, parked), (second, first), (parked, second)] {
                try database.execute("UPDATE beneficiary_code SET entry_seq = ? WHERE entry_seq = ?", [to, from])
                try database.execute("UPDATE line SET entry_seq = ? WHERE entry_seq = ?", [to, from])
                try database.execute("UPDATE entry SET seq = ? WHERE seq = ?", [to, from])
            }
            return "entries \(first) and \(second) swapped"
        case .accountCodeChanged:
            let account = try randomRow("SELECT DISTINCT account_id FROM line") { $0.int64(at: 0) }
            try database.execute("UPDATE account SET code = code || '9' WHERE id = ?", [account])
            return "the code of account #\(account), which lines use, changed"
        case .memoChanged:
            let seq = Int64.random(in: 1...head, using: &random)
            try database.execute("UPDATE entry SET memo = memo || '.' WHERE seq = ?", [seq])
            return "entry \(seq): memo changed"
        case .posterChanged:
            let seq = Int64.random(in: 1...head, using: &random)
            try database.execute("UPDATE entry SET posted_by = 'someone-else' WHERE seq = ?", [seq])
            return "entry \(seq): who posted it changed"
        case .dimensionChanged:
            let (seq, line) = try randomRow("SELECT entry_seq, line_no FROM line WHERE program_id IS NOT NULL") { ($0.int64(at: 0), $0.int64(at: 1)) }
            try database.execute("UPDATE line SET program_id = (SELECT id FROM program WHERE code = 'house') WHERE entry_seq = ? AND line_no = ?", [seq, line])
            return "entry \(seq) line \(line): program changed"
        case .rateChanged:
            let (seq, line) = try randomRow("SELECT entry_seq, line_no FROM line WHERE rate IS NOT NULL") { ($0.int64(at: 0), $0.int64(at: 1)) }
            try database.execute("UPDATE line SET rate = rate || '1' WHERE entry_seq = ? AND line_no = ?", [seq, line])
            return "entry \(seq) line \(line): rate changed"
        case .childrenChanged:
            let (seq, line) = try randomRow("SELECT entry_seq, line_no FROM line WHERE children IS NOT NULL") { ($0.int64(at: 0), $0.int64(at: 1)) }
            try database.execute("UPDATE line SET children = children + (CASE WHEN children > 0 THEN 1 ELSE -1 END) WHERE entry_seq = ? AND line_no = ?", [seq, line])
            return "entry \(seq) line \(line): child-instances changed"
        case .beneficiaryCodeChanged:
            let (seq, line, code) = try randomRow("SELECT entry_seq, line_no, code FROM beneficiary_code") { ($0.int64(at: 0), $0.int64(at: 1), $0.text(at: 2)) }
            try database.execute("UPDATE beneficiary_code SET code = code || 'X' WHERE entry_seq = ? AND line_no = ? AND code = ?", [seq, line, code])
            return "entry \(seq) line \(line): a beneficiary code changed"
        case .referenceChanged:
            let seq = try randomRow("SELECT seq FROM entry WHERE external_ref IS NOT NULL") { $0.int64(at: 0) }
            try database.execute("UPDATE entry SET external_ref = external_ref || 'B' WHERE seq = ?", [seq])
            return "entry \(seq): external reference changed"
        case .reversalLinkChanged:
            let seq = try randomRow("SELECT seq FROM entry WHERE reverses_seq IS NOT NULL") { $0.int64(at: 0) }
            try database.execute("UPDATE entry SET reverses_seq = reverses_seq + 1 WHERE seq = ?", [seq])
            return "entry \(seq): now claims to reverse another entry"
        case .periodLockMoved:
            try database.execute("UPDATE period_lock SET locked_through = '2018-06-30'")
            return "period lock moved back a month"
        }
    }
}
