#if canImport(Glibc)
import Glibc
#endif
import FundLedger
import LedgerGenerator

/// Posting through the library against raw inserts, durable posts, trial balance, verify.
extension Bench {
    func benchmarkBatchedPosting(size: Int) throws -> Ledger {
        let path = "\(options.directory)/cpf-bench-\(size).cpf"
        removeLedger(path)
        let ledger = try Ledger.create(at: path, fundName: "Benchmark fund", user: user)
        let generator = LedgerGenerator()
        try generator.prepare(ledger, entryCount: size, user: user)
        var iterator = generator.makeIterator()
        var postingSeconds = 0.0
        var lineCount = 0
        var posted = 0
        while posted < size {
            var batch: [EntryDraft] = []
            batch.reserveCapacity(options.batchSize)
            while batch.count < options.batchSize && posted + batch.count < size, let entry = iterator.next() { batch.append(entry) }
            lineCount += batch.reduce(0) { $0 + $1.lines.count }
            let start = now()
            _ = try ledger.post(batch, user: user)
            postingSeconds += now() - start
            posted += batch.count
        }
        report("batched posting (\(grouped(options.batchSize)) per transaction)", "\(grouped(Int(Double(size) / postingSeconds))) entries/s (\(format(postingSeconds, 2)) s, \(grouped(lineCount)) lines)")
        return ledger
    }

    /// The same rows inserted straight into SQLite with prepared statements: no validation, no
    /// hashing, no maintained totals, foreign lines at a fixed rate. The floor any ledger built on
    /// SQLite can reach with this schema.
    func benchmarkRawInserts(size: Int) throws {
        let path = "\(options.directory)/cpf-bench-raw-\(size).cpf"
        removeLedger(path)
        let ledger = try Ledger.create(at: path, fundName: "Raw insert baseline", user: user)
        let generator = LedgerGenerator()
        try generator.prepare(ledger, entryCount: 0, user: user)
        // The baseline writes with SQLite directly, on a connection of its own.
        let database = try Database(path: path, mode: .readWrite)
        let ids = try RegistryIDs(ledger)
        var iterator = generator.makeIterator()
        let hash = [UInt8](repeating: 7, count: 32)
        var seq: Int64 = 0
        var seconds = 0.0
        while seq < size {
            var batch: [EntryDraft] = []
            while batch.count < options.batchSize && Int(seq) + batch.count < size, let entry = iterator.next() { batch.append(entry) }
            let start = now()
            try database.writeTransaction {
                let insertEntry = try database.cachedStatement("""
                    INSERT INTO entry (seq, kind, entry_date, memo, external_ref, posted_by, posted_at, hash) VALUES (?1, 'journal', ?2, ?3, ?4, ?5, ?6, ?7)
                    """)
                let insertLine = try database.cachedStatement("""
                    INSERT INTO line (entry_seq, line_no, account_id, amount_vnd, currency, amount_foreign, rate, rate_date, rate_source,
                                      funder_id, grant_id, program_id, unit_id, item_id, quantity, children)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
                    """)
                let postedAt = Timestamp.now().iso
                for draft in batch {
                    seq += 1
                    try insertEntry.bind(seq, at: 1)
                    try insertEntry.bind(draft.date.iso, at: 2)
                    try insertEntry.bind(draft.memo, at: 3)
                    try insertEntry.bind(draft.externalRef, at: 4)
                    try insertEntry.bind(user, at: 5)
                    try insertEntry.bind(postedAt, at: 6)
                    try insertEntry.bind(blob: hash, at: 7)
                    try insertEntry.execute()
                    for (number, line) in draft.lines.enumerated() {
                        let sign: Int64 = line.side == .debit ? 1 : -1
                        let dong = line.amount.currency == .vnd ? line.amount.minorUnits : line.amount.minorUnits * 230
                        try insertLine.bind(seq, at: 1)
                        try insertLine.bind(number + 1, at: 2)
                        try insertLine.bind(ids.accounts[line.accountCode]!, at: 3)
                        try insertLine.bind(sign * dong, at: 4)
                        if line.amount.currency == .vnd {
                            for index in Int32(5)...9 { try insertLine.bindNull(at: index) }
                        } else {
                            try insertLine.bind(line.amount.currency.code, at: 5)
                            try insertLine.bind(sign * line.amount.minorUnits, at: 6)
                            try insertLine.bind("23000", at: 7)
                            try insertLine.bind(draft.date.iso, at: 8)
                            try insertLine.bind("SBV", at: 9)
                        }
                        try insertLine.bind(line.dimensions.funder.flatMap { ids.funders[$0] }, at: 10)
                        try insertLine.bind(line.dimensions.grant.flatMap { ids.grants[$0] }, at: 11)
                        try insertLine.bind(line.dimensions.program.flatMap { ids.programs[$0] }, at: 12)
                        try insertLine.bind(line.dimensions.unit.flatMap { ids.units[$0] }, at: 13)
                        try insertLine.bind(line.item.flatMap { ids.items[$0] }, at: 14)
                        try insertLine.bind(line.quantity.map { sign * $0 }, at: 15)
                        try insertLine.bind(line.children.map { sign * $0 }, at: 16)
                        try insertLine.execute()
                    }
                }
            }
            seconds += now() - start
        }
        report("raw SQLite inserts of the same rows (baseline)", "\(grouped(Int(Double(size) / seconds))) entries/s (\(format(seconds, 2)) s)")
        removeLedger(path)
    }

    func benchmarkDurablePosts(durable: Bool = true) throws {
        let path = "\(options.directory)/cpf-bench-durable.cpf"
        removeLedger(path)
        var configuration = Database.Configuration()
        configuration.synchronousFull = durable
        let ledger = try Ledger.create(at: path, fundName: "Durable posting", user: user, configuration: configuration)
        try LedgerGenerator(seed: 7).prepare(ledger, entryCount: options.durableCount, user: user)
        var iterator = LedgerGenerator(seed: 7).makeIterator()
        var drafts: [EntryDraft] = []
        while drafts.count < options.durableCount, let draft = iterator.next() { drafts.append(draft) }
        let start = now()
        for draft in drafts { try ledger.post(draft, user: user) }
        let seconds = now() - start
        report(durable ? "durable posts, one transaction each (synchronous=FULL)" : "one post per transaction, synchronous=OFF (CPU cost)", "\(grouped(Int(Double(drafts.count) / seconds))) entries/s (\(grouped(drafts.count)) in \(format(seconds, 2)) s)")
        removeLedger(path)
    }

    func benchmarkTrialBalance(_ ledger: Ledger, size: Int) throws {
        var random = RepeatableRandomNumberGenerator(seed: 42)
        let lastDay = LedgerGenerator().startDate.adding(days: size / LedgerGenerator().entriesPerDay)
        var todayTimes: [Double] = []
        var pastTimes: [Double] = []
        _ = try ledger.trialBalance(through: Timestamp.today())
        for _ in 0..<30 {
            var start = now()
            _ = try ledger.trialBalance(through: Timestamp.today())
            todayTimes.append(now() - start)
            let past = LedgerGenerator().startDate.adding(days: Int.random(in: 0...max(1, lastDay.daysSinceEpoch - LedgerGenerator().startDate.daysSinceEpoch), using: &random))
            start = now()
            _ = try ledger.trialBalance(through: past)
            pastTimes.append(now() - start)
        }
        report("trial balance today (median of 30)", "\(format(median(todayTimes) * 1000, 2)) ms (max \(format(todayTimes.max()! * 1000, 2)) ms)")
        report("trial balance at a random past date (median of 30)", "\(format(median(pastTimes) * 1000, 2)) ms (max \(format(pastTimes.max()! * 1000, 2)) ms)")
    }

    /// Verifies twice: while the last transactions' pages still wait in the -wal file (verify
    /// then reads the journal through SQLite), and once they are copied into the file, as when
    /// the last connection closes (verify reads the file's pages).
    func benchmarkVerify(_ ledger: Ledger, size: Int) throws {
        for (label, checkpointFirst) in [("verify, -wal file pending (read through SQLite)", false), ("verify, -wal copied into the file (pages read)", true)] {
            if checkpointFirst { try ledger.checkpoint() }
            let start = now()
            let verification = try ledger.verify()
            let seconds = now() - start
            guard verification.isIntact else { fail("verify found problems: \(verification.findings.prefix(3))") }
            report(label, "\(grouped(Int(Double(verification.entryCount) / seconds))) entries/s (\(format(seconds, 2)) s)")
        }
    }
}

/// Registry ids by code, for the raw baseline.
struct RegistryIDs {
    let accounts: [String: Int64]
    let funders: [String: Int64]
    let grants: [String: Int64]
    let programs: [String: Int64]
    let units: [String: Int64]
    let items: [String: Int64]

    init(_ ledger: Ledger) throws {
        accounts = Dictionary(uniqueKeysWithValues: try ledger.accounts().map { ($0.code, $0.id) })
        funders = Dictionary(uniqueKeysWithValues: try ledger.funders().map { ($0.code, $0.id) })
        grants = Dictionary(uniqueKeysWithValues: try ledger.grants().map { ($0.code, $0.id) })
        programs = Dictionary(uniqueKeysWithValues: try ledger.programs().map { ($0.code, $0.id) })
        units = Dictionary(uniqueKeysWithValues: try ledger.units().values.map { ($0.code, $0.id) })
        items = Dictionary(uniqueKeysWithValues: try ledger.goodsItems().map { ($0.code, $0.id) })
    }
}
