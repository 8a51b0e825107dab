#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `verify`'s first reading of the journal, straight from the file's bytes.
///
/// The reference reading (`EntryReader`) decodes every entry into a `JournalEntry` — strings,
/// dates, rates, registry references — and then writes its canonical form (`CanonicalForm`)
/// for the hash. For a ledger as cpf writes it, the canonical form *is* the stored bytes:
/// dates, moments and registry codes parse exactly when they are written the one way cpf
/// writes them, and texts are UTF-8. So this scan hashes the stored bytes directly, and sums
/// the maintained totals from the stored ids and figures, without building an entry.
///
/// Wherever a value is not as cpf writes it — a text that is not UTF-8, a date or moment that
/// does not parse, an id no registry has, a gap, an unbalanced entry, a hash that does not
/// follow — the scan stops and says so (`nil`), and `verify` reads the whole journal again
/// the reference way, which names every finding. The scan never decides that something is
/// wrong; it only vouches for a journal in which nothing is. `ChainScanTests` check that both
/// readings agree on random books, entry by entry and total by total.
enum ChainScan {
    /// What the scan vouches for: the recomputed totals and the chain's extent.
    struct Result {
        var totals = BalanceAccumulator()
        /// The totals' fingerprint instead, when the scan was asked for it (`totals` is then empty).
        var fingerprint: TotalsFingerprint?
        var entryCount: Int64 = 0
        var lineCount: Int64 = 0
        var headSeq: Int64 = 0
        var headHash: [UInt8]
        /// The hash of entry `digestSeq`, when the scan met it.
        var digestEntryHash: [UInt8]?
        /// Whether the rows were read from the file's pages rather than through SQLite.
        var readFromPages = false
        /// The period records' sequence numbers (`period-close`, `period-reopen`).
        var periodSeqs: [Int64] = []
        /// The goods lines and hand-outs' spending lines, to replay the goods lots from.
        var goods = GoodsJournal()
    }

    /// A line's ids and figures, as the maintained totals read them.
    struct Line: LineFigures {
        var accountID: Int64 = 0
        /// Only a refusal names it, and the scan meets a refusal by standing aside.
        var accountCode: String { "" }
        var amountDong: Int64 = 0
        var foreignMinorUnits: Int64?
        var currencyCode = ""
        var funderID: Int64?
        var grantID: Int64?
        var programID: Int64?
        var unitID: Int64?
        var itemID: Int64?
        var restriction = Restriction.unrestricted
        var quantity: Int64?
        var children: Int64?
    }

    /// Where the journal's rows are read from.
    enum Reading {
        /// The file's pages (`FileRows`), when the file allows it; else through SQLite.
        case fileFirst
        /// Through SQLite only.
        case statements
    }

    /// Reads the whole journal; `nil` when anything in it is not as cpf writes it.
    ///
    /// The rows are read from the file's pages when nothing waits in a `-wal` file: SQLite's
    /// statements cost most of a scan, and the pages hold the same bytes. When the pages are
    /// not as the file format says, the scan reads through SQLite instead and decides there.
    ///
    /// - Parameter fingerprinting: sum the maintained totals into their fingerprint
    ///   (`TotalsFingerprint`) rather than gather them by key (`BalanceAccumulator`).
    static func run(_ ledger: Ledger, genesis: [UInt8], roles: AccountRoles, digestSeq: Int64?, reading: Reading = .fileFirst,
                    fingerprinting: Bool = false) throws -> Result? {
        let registries = try Registries(ledger, countingTotals: !fingerprinting)
        let database = ledger.database
        if reading == .fileFirst,
           let entries = try FileRows.open(database, table: "entry", kind: .table, types: entryColumns, optionalTrailingColumns: 1),
           let lines = try FileRows.open(database, table: "line", kind: .index, types: lineColumns) {
            do {
                var journal = try JournalScan(entries: entries, lines: lines, registries: registries, database: database)
                var result = try journal.scan(genesis: genesis, roles: roles, digestSeq: digestSeq, fingerprinting: fingerprinting)
                result.readFromPages = true
                return result
            } catch is DatabaseFile.Unreadable {
                // Read again through SQLite below.
            } catch is Doubt {
                return nil
            }
        }
        let entries = try database.prepare(EntryReader.entriesSQL)
        let lines = try database.prepare(EntryReader.linesSQL)
        for statement in [entries, lines] {
            try statement.bind(Int64(1), at: 1)
            try statement.bind(Int64.max, at: 2)
        }
        do {
            var journal = try JournalScan(entries: entries, lines: lines, registries: registries, database: database)
            return try journal.scan(genesis: genesis, roles: roles, digestSeq: digestSeq, fingerprinting: fingerprinting)
        } catch is Doubt {
            return nil
        }
    }

    /// The columns of `EntryReader.entriesSQL` and `linesSQL`, in the tables' own order, with
    /// the types their STRICT declarations allow; `entry.fact_seq` was added by a migration,
    /// so older rows lack it.
    static let entryColumns: [FileRows.ColumnType] = [.rowid, .text, .text, .text, .text, .text, .text, .text, .text, .integer, .blob, .integer]
    static let lineColumns: [FileRows.ColumnType] = [.integer, .integer, .integer, .integer, .text, .integer, .text, .text, .text,
                                                     .integer, .integer, .integer, .integer, .text, .integer, .integer, .integer, .text]
    /// The columns of `EntryReader.codesSQL`.
    static let codeColumns: [FileRows.ColumnType] = [.integer, .integer, .text]

    /// Each kind and restriction with the bytes cpf stores for it.
    fileprivate static let kinds: [(kind: EntryKind, bytes: [UInt8])] = [EntryKind.journal, .periodClose, .periodReopen].map { ($0, Array($0.rawValue.utf8)) }
    fileprivate static let restrictions: [(restriction: Restriction, bytes: [UInt8])] = Restriction.allCases.map { ($0, Array($0.rawValue.utf8)) }

    /// Something is not as cpf writes it: the reference reading takes over.
    fileprivate struct Doubt: Error {}

    /// Whether the stored bytes are `bytes`.
    fileprivate static func equal(_ stored: UnsafeRawBufferPointer, _ bytes: [UInt8]) -> Bool {
        stored.count == bytes.count && bytes.withUnsafeBytes { stored.count == 0 || memcmp(stored.baseAddress!, $0.baseAddress!, stored.count) == 0 }
    }

    /// The registries' codes by id, the key of beneficiary codes, and how many totals of each
    /// kind the maintained tables hold (when `countingTotals`): in intact books, as many as the
    /// lines give, so the totals are gathered without growing their tables on the way.
    fileprivate struct Registries {
        let accounts: CodeTable, funders: CodeTable, grants: CodeTable, programs: CodeTable, units: CodeTable, items: CodeTable
        let committer: BeneficiaryCommitter?
        let expectedCounts: (days: Int, dimensions: Int, holdings: Int)

        var sizes: FingerprintVariables.Sizes {
            FingerprintVariables.Sizes(accounts: accounts.count, funders: funders.count, grants: grants.count,
                                       programs: programs.count, units: units.count, items: items.count)
        }

        init(_ ledger: Ledger, countingTotals: Bool) throws {
            accounts = CodeTable(try ledger.accountCodesByID())
            funders = CodeTable(try ledger.codes(of: .funder).byID)
            grants = CodeTable(try ledger.codes(of: .grant).byID)
            programs = CodeTable(try ledger.codes(of: .program).byID)
            units = CodeTable(try ledger.codes(of: .unit).byID)
            items = CodeTable(try ledger.codes(of: .goodsItem).byID)
            committer = try ledger.beneficiaryCommitter()
            // Bounded, so a file with forged rows cannot make the scan reserve without limit.
            let database = ledger.database
            let count = { (table: String) in min(Int(try database.scalarInt64("SELECT count(*) FROM \(table)") ?? 0), 1 << 24) }
            expectedCounts = countingTotals ? (try count("balance_day"), try count("dimension_month"), try count("holding_day")) : (0, 0, 0)
        }
    }
}

/// One reading of the journal by `ChainScan`, from `entries` and `lines` (the file's pages or
/// SQLite's statements), with the beneficiary codes and fact hashes read through SQLite.
private struct JournalScan<Rows: RowCursor> {
    typealias Line = ChainScan.Line
    typealias Result = ChainScan.Result
    typealias Doubt = ChainScan.Doubt

    private let entries: Rows, lines: Rows, codes: Statement, factHashes: Statement
    private let accounts: CodeTable, funders: CodeTable, grants: CodeTable, programs: CodeTable, units: CodeTable, items: CodeTable
    private let committer: BeneficiaryCommitter?
    private let expectedCounts: (days: Int, dimensions: Int, holdings: Int)
    private let sizes: FingerprintVariables.Sizes
    private var lastFact: (seq: Int64, netstring: [UInt8]?)?
    private var lineRowPending = false
    private var codeRowPending = false

    init(entries: Rows, lines: Rows, registries: ChainScan.Registries, database: Database) throws {
        self.entries = entries
        self.lines = lines
        codes = try database.prepare(EntryReader.codesSQL)
        try codes.bind(Int64(1), at: 1)
        try codes.bind(Int64.max, at: 2)
        factHashes = try database.prepare(EntryReader.factHashSQL)
        (accounts, funders, grants, programs, units, items) = (registries.accounts, registries.funders, registries.grants, registries.programs, registries.units, registries.items)
        committer = registries.committer
        expectedCounts = registries.expectedCounts
        sizes = registries.sizes
    }

    mutating func scan(genesis: [UInt8], roles: AccountRoles, digestSeq: Int64?, fingerprinting: Bool) throws -> Result {
        var result = fingerprinting ? Result(fingerprint: TotalsFingerprint(registrySizes: sizes), headHash: genesis)
                                    : Result(totals: BalanceAccumulator(reservingCapacity: expectedCounts), headHash: genesis)
        var header = CanonicalForm(), body = CanonicalForm()
        var entryLines: [Line] = []
        // The previous entry's hash and this one's, in two buffers used again for every entry.
        var previousHash = genesis, hash = [UInt8](repeating: 0, count: SHA256.digestByteCount)
        lineRowPending = try lines.step()
        codeRowPending = try codes.step()
        while try entries.step() {
            let seq = entries.int64(at: 0)
            guard entries.holdsDeclaredTypes(ChainScan.entryColumns), seq == result.headSeq + 1 else { throw Doubt() }
            let isCommitted = !entries.isNull(at: 11)
            try readLines(of: seq, isCommitted: isCommitted, into: &body, lines: &entryLines)
            let (kind, dayKey) = try encodeHeader(seq: seq, lineCount: entryLines.count, into: &header)
            var hasher = SHA256()
            hasher.update(previousHash)
            header.withBytes { hasher.update($0) }
            body.withBytes { hasher.update($0) }
            hash.withUnsafeMutableBytes { hasher.finalize(into: $0) }
            guard entries.withUnsafeBlobBytes(at: 10, { ChainScan.equal($0, hash) }) else { throw Doubt() }
            try check(kind, entryLines)
            if kind != .journal { result.periodSeqs.append(seq) }
            let reversesSeq = entries.optionalInt64(at: 9)
            if result.fingerprint != nil {
                result.fingerprint!.add(entryLines, dayKey: dayKey, roles: roles, isReversal: reversesSeq != nil)
            } else {
                do {
                    try result.totals.add(entryLines, dayKey: dayKey, roles: roles, isReversal: reversesSeq != nil)
                } catch {
                    throw Doubt()
                }
            }
            guard result.goods.add(entryLines, seq: seq, dayKey: dayKey, reversesSeq: reversesSeq, roles: roles) else { throw Doubt() }
            if seq == digestSeq { result.digestEntryHash = hash }
            result.entryCount += 1
            result.lineCount += Int64(entryLines.count)
            result.headSeq = seq
            swap(&previousHash, &hash)
        }
        result.headHash = previousHash
        // Lines or codes of no entry.
        guard !lineRowPending, !codeRowPending else { throw Doubt() }
        return result
    }

    /// Encodes the lines of entry `seq` into `body` and gathers their figures.
    private mutating func readLines(of seq: Int64, isCommitted: Bool, into body: inout CanonicalForm, lines entryLines: inout [Line]) throws {
        var beneficiaryCodes = try readCodes(of: seq)
        body.removeAll()
        entryLines.removeAll(keepingCapacity: true)
        while lineRowPending {
            let lineSeq = lines.int64(at: 0)
            guard lineSeq <= seq else { break }
            guard lines.holdsDeclaredTypes(ChainScan.lineColumns), lineSeq == seq, lines.int64(at: 1) == Int64(entryLines.count + 1) else { throw Doubt() }
            let number = entryLines.count + 1
            entryLines.append(try encodeLine(into: &body))
            let codes = beneficiaryCodes.isEmpty ? [] : beneficiaryCodes.removeValue(forKey: number) ?? []
            if codes.isEmpty {
                body.append(Int64(0))
            } else if isCommitted {
                guard codes.isEmpty || committer != nil else { throw Doubt() }
                let commitments = codes.map { committer!.commitment(seq: seq, lineNumber: number, code: $0) }
                body.append(Int64(commitments.count))
                for commitment in commitments.sorted(by: { $0.lexicographicallyPrecedes($1) }) { body.append(commitment.hexString) }
            } else {
                body.append(Int64(codes.count))
                for code in codes { body.append(code) }
            }
            lineRowPending = try lines.step()
        }
        // Codes of a line the entry does not have.
        guard beneficiaryCodes.isEmpty else { throw Doubt() }
    }

    /// The codes of entry `seq` by line number, in the order stored (sorted).
    private mutating func readCodes(of seq: Int64) throws -> [Int: [String]] {
        var result: [Int: [String]] = [:]
        while codeRowPending {
            let codeSeq = codes.int64(at: 0)
            guard codeSeq <= seq else { break }
            guard codes.holdsDeclaredTypes(ChainScan.codeColumns), codeSeq == seq else { throw Doubt() }
            result[codes.int(at: 1), default: []].append(codes.text(at: 2))
            codeRowPending = try codes.step()
        }
        return result
    }

    /// Encodes the current line row up to its memo (the codes follow) and returns its figures.
    private mutating func encodeLine(into body: inout CanonicalForm) throws -> Line {
        var line = Line()
        body.append(lines.int64(at: 1))
        line.accountID = lines.int64(at: 2)
        guard accounts.append(line.accountID, to: &body) else { throw Doubt() }
        line.amountDong = lines.int64(at: 3)
        body.append(line.amountDong)
        try encodeForeign(into: &body, line: &line)
        line.funderID = try reference(9, funders, into: &body)
        line.grantID = try reference(10, grants, into: &body)
        line.programID = try reference(11, programs, into: &body)
        line.unitID = try reference(12, units, into: &body)
        guard let restriction = lines.withUnsafeTextBytes(at: 13, { stored in ChainScan.restrictions.first { ChainScan.equal(stored, $0.bytes) }?.restriction }) else { throw Doubt() }
        line.restriction = restriction
        body.append(restriction.rawValue)
        line.itemID = try reference(14, items, into: &body)
        line.quantity = lines.optionalInt64(at: 15)
        body.append(line.quantity)
        line.children = lines.optionalInt64(at: 16)
        body.append(line.children)
        try text(lines, 17, into: &body)
        return line
    }

    /// currency, amount_foreign, rate, rate_date, rate_source: five absent values for a line in dong.
    private mutating func encodeForeign(into body: inout CanonicalForm, line: inout Line) throws {
        guard !lines.isNull(at: 4) else {
            for _ in 0..<5 { body.appendAbsent() }
            return
        }
        let code = lines.text(at: 4)
        line.currencyCode = Currency.named(code)?.code ?? code
        body.append(line.currencyCode)
        guard !lines.isNull(at: 5) else { throw Doubt() }
        line.foreignMinorUnits = lines.int64(at: 5)
        body.append(line.foreignMinorUnits)
        // A rate stored as cpf writes it is its own canonical text.
        let canonical = lines.withUnsafeTextBytes(at: 6) { stored in
            guard Rate.isCanonical(stored) else { return false }
            body.appendNetstring(stored)
            return true
        }
        if !canonical {
            guard let rate = try? Rate.parse(lines.optionalText(at: 6) ?? "") else { throw Doubt() }
            body.append(rate.description)
        }
        guard lines.withUnsafeTextBytes(at: 7, { if case .date = LedgerDate.parse(bytes: $0) { true } else { false } }) else { throw Doubt() }
        try text(lines, 7, into: &body)
        try text(lines, 8, into: &body)
    }

    /// The header; returns the entry's kind and `yyyymmdd`.
    private mutating func encodeHeader(seq: Int64, lineCount: Int, into header: inout CanonicalForm) throws -> (EntryKind, Int32) {
        header.removeAll()
        let factSeq = entries.optionalInt64(at: 11)
        header.append(factSeq == nil ? "cpf-entry-v1" : "cpf-entry-v2")
        header.append(seq)
        guard let kind = entries.withUnsafeTextBytes(at: 1, { stored in ChainScan.kinds.first { ChainScan.equal(stored, $0.bytes) }?.kind }) else { throw Doubt() }
        header.append(kind.rawValue)
        let date = entries.withUnsafeTextBytes(at: 2) { LedgerDate.parse(bytes: $0) }
        guard case .date(let entryDate) = date else { throw Doubt() }
        try text(entries, 2, into: &header)
        try text(entries, 3, into: &header)
        try text(entries, 4, into: &header)
        try text(entries, 5, into: &header)
        try moment(6, into: &header)
        try text(entries, 7, into: &header)
        if entries.isNull(at: 8) { header.appendAbsent() } else { try moment(8, into: &header) }
        header.append(entries.optionalInt64(at: 9))
        if let factSeq {
            header.append(factSeq)
            try header.append(encoded: factHashNetstring(factSeq))
        }
        header.append(Int64(lineCount))
        return (kind, Int32(entryDate.dayKey))
    }

    /// The netstring of fact record `seq`'s hash in hex, or of nothing when there is no such
    /// record; entries in a row name the same record, so the last is kept.
    private mutating func factHashNetstring(_ seq: Int64) throws -> [UInt8] {
        if let lastFact, lastFact.seq == seq, let netstring = lastFact.netstring { return netstring }
        defer { factHashes.reset() }
        try factHashes.bind(seq, at: 1)
        guard try factHashes.step() else { throw Doubt() }
        let netstring = CanonicalForm.netstring(factHashes.blob(at: 0).hexString)
        lastFact = (seq, netstring)
        return netstring
    }

    /// A text column's bytes as a netstring; NULL and "" are both `0:,`, as in `CanonicalForm`.
    private func text(_ statement: Rows, _ column: Int32, into form: inout CanonicalForm) throws {
        try statement.withUnsafeTextBytes(at: column) { bytes in
            guard UTF8Validity.isValid(bytes) else { throw Doubt() }
            form.appendNetstring(bytes)
        }
    }

    /// A moment column, which must be written as `Timestamp.iso` writes it.
    private func moment(_ column: Int32, into form: inout CanonicalForm) throws {
        try entries.withUnsafeTextBytes(at: column) { bytes in
            guard Timestamp.parse(bytes: bytes) != nil else { throw Doubt() }
            form.appendNetstring(bytes)
        }
    }

    /// A registry id column: its code's netstring, or absent; the id, or `nil`.
    private func reference(_ column: Int32, _ table: CodeTable, into body: inout CanonicalForm) throws -> Int64? {
        guard let id = lines.optionalInt64(at: column) else {
            body.appendAbsent()
            return nil
        }
        guard table.append(id, to: &body) else { throw Doubt() }
        return id
    }

    /// A journal entry has two or more lines summing to zero; a period record has none.
    private func check(_ kind: EntryKind, _ entryLines: [Line]) throws {
        switch kind {
        case .journal:
            var sum: Int64 = 0
            for index in entryLines.indices { sum = sum &+ entryLines[index].amountDong }
            guard entryLines.count >= 2, sum == 0 else { throw Doubt() }
        case .periodClose, .periodReopen:
            guard entryLines.isEmpty else { throw Doubt() }
        }
    }
}

/// A registry's codes by id, each with its netstring, in arrays indexed by id: registries are
/// numbered from 1 and small. The netstrings lie end to end in one buffer, so appending one
/// copies bytes and counts no references. A registry whose ids run past `idMax` has every id
/// unknown here, so the scan doubts and the reference reading, which has no such limit, reads it.
fileprivate struct CodeTable {
    /// Where each id's netstring lies in `netstrings`; an empty range for an unknown id.
    private var ranges: [Range<Int>] = []
    private var netstrings: [UInt8] = []
    static let idMax: Int64 = 1 << 20

    /// The largest id + 1 (0 for none).
    var count: Int { ranges.count }

    init(_ codes: [Int64: String]) {
        guard let largest = codes.keys.max(), largest < CodeTable.idMax, codes.keys.allSatisfy({ $0 >= 0 }) else { return }
        ranges = Array(repeating: 0..<0, count: Int(largest) + 1)
        for (id, code) in codes {
            let netstring = CanonicalForm.netstring(code)
            ranges[Int(id)] = netstrings.count..<(netstrings.count + netstring.count)
            netstrings += netstring
        }
    }

    /// Appends the netstring of `id`'s code to `form`; `false` when no row has that id.
    func append(_ id: Int64, to form: inout CanonicalForm) -> Bool {
        guard id >= 0, id < ranges.count else { return false }
        let range = ranges[Int(id)]
        guard !range.isEmpty else { return false }
        netstrings.withUnsafeBytes { form.append(encoded: UnsafeRawBufferPointer(rebasing: $0[range])) }
        return true
    }
}
