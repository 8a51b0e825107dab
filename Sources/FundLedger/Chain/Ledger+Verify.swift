/// The result of `Ledger.verify`: what was checked and every problem found.
public struct VerificationReport: Sendable {
    public struct Finding: Sendable, Equatable {
        /// The entry concerned, when there is one.
        public let seq: Int64?
        /// What is wrong, in both languages.
        public let text: LocalizedText
        /// What is wrong, in English (logs and tests).
        public var message: String { text.english }
    }

    /// The ledger's own identifier, from which both chains start.
    public internal(set) var ledgerID = ""
    public internal(set) var entryCount: Int64 = 0
    public internal(set) var lineCount: Int64 = 0
    /// The last entry's sequence number and stored hash (the digest to publish).
    public internal(set) var headSeq: Int64 = 0
    public internal(set) var headHash: [UInt8] = []
    /// The newest fact record's sequence number and hash (registries, settings, audit trail).
    public internal(set) var factHeadSeq: Int64 = 0
    public internal(set) var factHeadHash: [UInt8] = []
    /// The digest to publish: it pins the journal and every fact (`StateDigest`).
    public var stateDigest: [UInt8] {
        StateDigest.digest(journalSeq: headSeq, journalHash: headHash, factSeq: factHeadSeq, factHash: factHeadHash)
    }
    public internal(set) var findings: [Finding] = []
    /// Findings beyond `findingCountMax` are counted, not kept.
    public internal(set) var findingsOmitted = 0
    /// When a digest was given: whether the entry at that sequence still has that hash.
    public internal(set) var digestMatches: Bool?

    public static let findingCountMax = 200

    public var isIntact: Bool { findings.isEmpty && digestMatches != false }

    /// The first entry named by a finding, if any.
    public var firstBadSeq: Int64? { findings.compactMap(\.seq).min() }

    mutating func add(_ seq: Int64?, _ text: LocalizedText) {
        if findings.count < VerificationReport.findingCountMax {
            findings.append(Finding(seq: seq, text: text))
        } else {
            findingsOmitted += 1
        }
    }
}

/// A digest published earlier: the hash the chain had at entry `seq`.
public struct ChainDigest: Sendable, Equatable {
    public let seq: Int64
    public let hash: [UInt8]

    public init(seq: Int64, hash: [UInt8]) {
        self.seq = seq
        self.hash = hash
    }
}

extension Ledger {
    /// Recomputes the hash chain and checks every invariant of the stored books:
    /// the sequence is gapless; every entry's hash follows from the previous hash and its
    /// canonical form; every journal entry has two or more lines numbered 1…n that sum to
    /// zero; no line or beneficiary code belongs to a missing entry; every referenced account
    /// and registry row exists; the maintained totals equal the sums of the lines.
    ///
    /// - Parameter digest: a digest published earlier; the report says whether the entry at
    ///   its sequence still has that hash, which detects rewrites and truncation before it.
    /// - Complexity: one pass over entries, lines and codes, O(lines).
    /// - Parameter readingAhead: read and decode the entries on a second thread (the default);
    ///   consolidation, which verifies several files at once on every processor, reads inline.
    public func verify(against digest: ChainDigest? = nil, readingAhead: Bool = true) throws -> VerificationReport {
        try verify(against: digest, readingAhead: readingAhead, scanning: true)
    }

    /// - Parameter scanning: read the journal from its bytes first (`ChainScan`); tests turn it
    ///   off to compare with the reference reading alone.
    func verify(against digest: ChainDigest?, readingAhead: Bool, scanning: Bool) throws -> VerificationReport {
        try read {
            var report = VerificationReport()
            report.ledgerID = ledgerID
            // Entry 0 is the genesis: a digest published before the first entry.
            var digestEntryHash: [UInt8]? = digest?.seq == 0 ? CanonicalForm.genesisHash(ledgerID: ledgerID) : nil
            // A value cpf never writes (a damaged setting, say) stops the step that reads it,
            // and is reported as a finding; the other steps still run.
            try reportingDamage(&report) { report in
                let recomputed = try (scanning ? scanChain(into: &report, digest: digest, digestEntryHash: &digestEntryHash) : nil)
                    ?? verifyChain(into: &report, digest: digest, digestEntryHash: &digestEntryHash, readingAhead: readingAhead)
                try verifyBalances(recomputed, into: &report)
                try verifyDimensions(recomputed, into: &report)
                try verifyHoldings(recomputed, into: &report)
            }
            try reportingDamage(&report) { report in try verifyPeriodLock(into: &report) }
            var facts: FactReplay?
            try reportingDamage(&report) { report in facts = try verifyFacts(into: &report) }
            try reportingDamage(&report) { report in try verifySchema(into: &report) }
            if let digest {
                if let facts { check(digest, entryHash: digestEntryHash, facts: facts, into: &report) } else { report.digestMatches = false }
            }
            return report
        }
    }

    /// Reads the journal straight from the file's bytes (`ChainScan`): the totals it sums, when
    /// it vouches for every entry, or `nil` when anything is not as cpf writes it, and the
    /// reference reading (`verifyChain`) must name what.
    private func scanChain(into report: inout VerificationReport, digest: ChainDigest?, digestEntryHash: inout [UInt8]?) throws -> BalanceAccumulator? {
        let scan = try ChainScan(ledger: self)
        guard let scanned = try scan.run(genesis: CanonicalForm.genesisHash(ledgerID: ledgerID), roles: try AccountRoles.of(self), digestSeq: digest?.seq) else {
            return nil
        }
        report.entryCount = scanned.entryCount
        report.lineCount = scanned.lineCount
        report.headSeq = scanned.headSeq
        report.headHash = scanned.headHash
        if let hash = scanned.digestEntryHash { digestEntryHash = hash }
        return scanned.totals
    }

    /// The reference reading: decodes every entry (`EntryReader`), recomputes its hash from its
    /// canonical form and reports every finding.
    private func verifyChain(into report: inout VerificationReport, digest: ChainDigest?,
                             digestEntryHash: inout [UInt8]?, readingAhead: Bool) throws -> BalanceAccumulator {
        let reader = try EntryReader(ledger: self)
        let roles = try AccountRoles.of(self)
        var previousHash = CanonicalForm.genesisHash(ledgerID: ledgerID)
        report.headHash = previousHash
        // Whether every entry so far is where it should be and hashes to what is stored: then
        // a stored hash is also the hash the chain recomputes from the genesis.
        var chainIntact = true
        var expectedSeq: Int64 = 1
        var totals = BalanceAccumulator()
        var form = CanonicalForm()
        // A second thread reads and decodes the entries while this one hashes and sums them;
        // the loop below leaves the connection to it.
        let entries = readingAhead ? ReadAhead { try reader.next() } : nil
        entries?.start()
        defer { entries?.cancel() }
        while let entry = try entries.map({ try $0.next() }) ?? reader.next() {
            if entry.seq != expectedSeq {
                report.add(entry.seq, LocalizedText("the sequence jumps from \(expectedSeq - 1) to \(entry.seq): entries are missing or renumbered",
                                                     "số thứ tự nhảy từ \(expectedSeq - 1) lên \(entry.seq): có bút toán bị mất hoặc bị đánh số lại"))
                chainIntact = false
            }
            expectedSeq = entry.seq + 1
            form.encode(entry)
            var hasher = SHA256()
            hasher.update(previousHash)
            form.withBytes { hasher.update($0) }
            if hasher.finalize() != entry.hash {
                chainIntact = false
                report.add(entry.seq, LocalizedText("entry \(entry.seq): the stored hash does not follow from its contents and the previous hash — entry \(entry.seq) (or the one before it) was changed after posting",
                                                     "bút toán \(entry.seq): mã băm đã lưu không khớp với nội dung và mã băm trước — bút toán \(entry.seq) (hoặc bút toán trước nó) đã bị sửa sau khi ghi sổ"))
            }
            previousHash = entry.hash
            checkLines(of: entry, into: &report)
            do {
                try totals.add(entry.lines, date: entry.date, roles: roles, isReversal: entry.reversesSeq != nil)
            } catch let error as LedgerError {
                report.add(entry.seq, LocalizedText("entry \(entry.seq): \(error.explanation)", "bút toán \(entry.seq): \(error.explanation)"))
            }
            if let digest, digest.seq == entry.seq, chainIntact { digestEntryHash = entry.hash }
            report.entryCount += 1
            report.lineCount += Int64(entry.lines.count)
            report.headSeq = entry.seq
            report.headHash = entry.hash
        }
        for anomaly in reader.anomalies { report.add(anomaly.seq, LocalizedText("entry \(anomaly.seq): \(anomaly.message)", "bút toán \(anomaly.seq): \(anomaly.message)")) }
        return totals
    }

    private func checkLines(of entry: JournalEntry, into report: inout VerificationReport) {
        switch entry.kind {
        case .journal:
            if entry.lines.count < 2 {
                report.add(entry.seq, LocalizedText("entry \(entry.seq) has \(entry.lines.count) line(s); a journal entry has at least two",
                                                     "bút toán \(entry.seq) có \(entry.lines.count) dòng; một bút toán sổ nhật ký có ít nhất hai dòng"))
            }
            var sum: Int64 = 0
            for (offset, line) in entry.lines.enumerated() {
                if line.lineNumber != offset + 1 {
                    report.add(entry.seq, LocalizedText("entry \(entry.seq): line \(offset + 1) is missing or renumbered", "bút toán \(entry.seq): dòng \(offset + 1) bị mất hoặc bị đánh số lại"))
                    break
                }
            }
            for line in entry.lines { sum = sum &+ line.amountDong }
            if sum != 0 {
                report.add(entry.seq, LocalizedText("entry \(entry.seq) does not balance: its lines sum to \(sum) VND", "bút toán \(entry.seq) không cân: các dòng cộng lại được \(dong: sum)"))
            }
        case .periodClose, .periodReopen:
            if !entry.lines.isEmpty {
                report.add(entry.seq, LocalizedText("entry \(entry.seq) is a \(entry.kind.rawValue) record but has lines", "bút toán \(entry.seq) là bản ghi \(entry.kind.rawValue) nhưng có dòng"))
            }
        }
    }

    /// Compares the maintained balances with the sums of the lines, by day and by month.
    private func verifyBalances(_ recomputed: BalanceAccumulator, into report: inout VerificationReport) throws {
        let codes = try accountCodesByID()
        let byMonth = BalanceAccumulator.monthly(recomputed.byDay) ?? [:]
        for (table, keyColumn, expected) in [("balance_day", "day_key", recomputed.byDay), ("balance_month", "month_key", byMonth)] {
            var stored: [BalanceAccumulator.Key: BalanceAccumulator.Totals] = [:]
            try database.forEachRow("SELECT \(keyColumn), account_id, debit_vnd, credit_vnd, foreign_net, line_count FROM \(table)") { row in
                stored[BalanceAccumulator.Key(dayKey: Int32(truncatingIfNeeded: row.int64(at: 0)), accountID: row.int64(at: 1))] =
                    BalanceAccumulator.Totals(debitDong: row.int64(at: 2), creditDong: row.int64(at: 3),
                                              foreignNet: row.int64(at: 4), lineCount: row.int64(at: 5))
            }
            let differing = differingKeys(stored, expected).sorted { ($0.dayKey, $0.accountID) < ($1.dayKey, $1.accountID) }
            for key in differing.prefix(5) {
                let account = codes[key.accountID] ?? "#\(key.accountID)"
                report.add(nil, LocalizedText("\(table): account \(account) for \(key.dayKey) holds \(describe(stored[key])) but its lines give \(describe(expected[key]))",
                                              "\(table): tài khoản \(account) kỳ \(key.dayKey) ghi \(describe(stored[key])) nhưng các dòng cho \(describe(expected[key]))"))
            }
            if differing.count > 5 { report.add(nil, LocalizedText("\(table): \(differing.count - 5) more totals disagree with the lines", "\(table): thêm \(differing.count - 5) số tổng không khớp với các dòng")) }
        }
    }

    /// Compares the maintained totals by dimension with the sums of the lines.
    private func verifyDimensions(_ recomputed: BalanceAccumulator, into report: inout VerificationReport) throws {
        let codes = try accountCodesByID()
        for (table, keyColumn, expected) in [("dimension_month", "month_key", recomputed.byDimension)] {
            var stored: [BalanceAccumulator.DimensionKey: BalanceAccumulator.DimensionTotals] = [:]
            var unreadable: [String] = []
            try database.forEachRow("""
                SELECT \(keyColumn), account_id, funder_id, grant_id, program_id, unit_id, item_id, restriction, currency,
                       debit_vnd, credit_vnd, foreign_net, quantity_net, children_net, line_count FROM \(table)
                """) { row in
                guard let restriction = Restriction(rawValue: row.text(at: 7)) else {
                    unreadable.append(row.text(at: 7))
                    return
                }
                let key = BalanceAccumulator.DimensionKey(
                    monthKey: Int32(truncatingIfNeeded: row.int64(at: 0)), accountID: row.int64(at: 1), funderID: row.int64(at: 2),
                    grantID: row.int64(at: 3), programID: row.int64(at: 4), unitID: row.int64(at: 5), itemID: row.int64(at: 6),
                    restriction: restriction, currency: row.text(at: 8))
                stored[key] = BalanceAccumulator.DimensionTotals(
                    amounts: BalanceAccumulator.Totals(debitDong: row.int64(at: 9), creditDong: row.int64(at: 10),
                                                       foreignNet: row.int64(at: 11), lineCount: row.int64(at: 14)),
                    quantityNet: row.int64(at: 12), childrenNet: row.int64(at: 13))
            }
            let differing = differingKeys(stored, expected)
            for key in differing.sorted(by: { ($0.monthKey, $0.accountID) < ($1.monthKey, $1.accountID) }).prefix(5) {
                let account = codes[key.accountID] ?? "#\(key.accountID)"
                report.add(nil, LocalizedText("\(table): account \(account) for \(key.monthKey) (funder #\(key.funderID), grant #\(key.grantID), program #\(key.programID), unit #\(key.unitID), item #\(key.itemID)) disagrees with its lines",
                                              "\(table): tài khoản \(account) tháng \(key.monthKey) (nhà tài trợ #\(key.funderID), khoản tài trợ #\(key.grantID), chương trình #\(key.programID), đơn vị #\(key.unitID), mặt hàng #\(key.itemID)) không khớp với các dòng"))
            }
            if differing.count > 5 { report.add(nil, LocalizedText("\(table): \(differing.count - 5) more totals disagree with the lines", "\(table): thêm \(differing.count - 5) số tổng không khớp với các dòng")) }
            for text in unreadable.prefix(5) {
                report.add(nil, LocalizedText("\(table): a row's restriction '\(text.prefix(30))' is none that cpf writes (unrestricted, restricted, designated)",
                                              "\(table): loại hạn chế '\(text.prefix(30))' của một dòng không phải giá trị cpf ghi (unrestricted, restricted, designated)"))
            }
        }
    }

    /// Compares the maintained daily holdings and the journal's extent with the lines.
    private func verifyHoldings(_ recomputed: BalanceAccumulator, into report: inout VerificationReport) throws {
        var stored: [HoldingDayKey: HoldingChange] = [:]
        var unreadable = 0
        try database.forEachRow("SELECT kind, subject_id, day_key, net, value_vnd, valuations, line_count FROM holding_day") { row in
            guard let kind = HoldingKind(rawValue: row.int64(at: 0)) else { unreadable += 1; return }
            stored[HoldingDayKey(holding: HoldingKey(kind: kind, subjectID: row.int64(at: 1)), dayKey: Int32(truncatingIfNeeded: row.int64(at: 2)))] =
                HoldingChange(net: row.int64(at: 3), valueDong: row.int64(at: 4), valuations: row.int64(at: 5), lineCount: row.int64(at: 6))
        }
        let expected = recomputed.byHolding
        let differing = differingKeys(stored, expected)
            .sorted { ($0.holding.kind.rawValue, $0.holding.subjectID, $0.dayKey) < ($1.holding.kind.rawValue, $1.holding.subjectID, $1.dayKey) }
        for key in differing.prefix(5) {
            let held = stored[key].map { "\($0.net) (\($0.valueDong) VND)" }, given = expected[key].map { "\($0.net) (\($0.valueDong) VND)" }
                report.add(nil, LocalizedText("holding_day: \(key.holding.kind) #\(key.holding.subjectID) on \(key.dayKey) holds \(held ?? "nothing") but its lines give \(given ?? "nothing")",
                                              "holding_day: \(key.holding.kind) #\(key.holding.subjectID) ngày \(key.dayKey) ghi \(held ?? "không có gì") nhưng các dòng cho \(given ?? "không có gì")"))
        }
        if differing.count > 5 { report.add(nil, LocalizedText("holding_day: \(differing.count - 5) more rows disagree with the lines", "holding_day: thêm \(differing.count - 5) dòng không khớp với các dòng bút toán")) }
        var expectedTotals: [HoldingKey: HoldingChange] = [:]
        var expectedLastDays: [HoldingKey: Int32] = [:]
        for (key, change) in expected {
            _ = expectedTotals[key.holding, default: HoldingChange()].add(change)
            expectedLastDays[key.holding] = max(expectedLastDays[key.holding] ?? key.dayKey, key.dayKey)
        }
        var storedTotals: [HoldingKey: HoldingChange] = [:]
        var storedLastDays: [HoldingKey: Int32] = [:]
        try database.forEachRow("SELECT kind, subject_id, net, value_vnd, valuations, line_count, last_day FROM holding_total") { row in
            guard let kind = HoldingKind(rawValue: row.int64(at: 0)) else { unreadable += 1; return }
            let key = HoldingKey(kind: kind, subjectID: row.int64(at: 1))
            storedTotals[key] = HoldingChange(net: row.int64(at: 2), valueDong: row.int64(at: 3), valuations: row.int64(at: 4), lineCount: row.int64(at: 5))
            storedLastDays[key] = Int32(truncatingIfNeeded: row.int64(at: 6))
        }
        let differingTotals = Set(storedTotals.keys).union(expectedTotals.keys)
            .filter { storedTotals[$0] != expectedTotals[$0] || storedLastDays[$0] != expectedLastDays[$0] }
        for key in differingTotals.sorted(by: { ($0.kind.rawValue, $0.subjectID) < ($1.kind.rawValue, $1.subjectID) }).prefix(5) {
            let held = storedTotals[key].map { "\($0.net)" }, given = expectedTotals[key].map { "\($0.net)" }
                report.add(nil, LocalizedText("holding_total: \(key.kind) #\(key.subjectID) holds \(held ?? "nothing") but its lines give \(given ?? "nothing")",
                                              "holding_total: \(key.kind) #\(key.subjectID) ghi \(held ?? "không có gì") nhưng các dòng cho \(given ?? "không có gì")"))
        }
        if unreadable > 0 { report.add(nil, LocalizedText("holding_day/holding_total: \(unreadable) rows have a kind that is not 1, 2, 3 or 4", "holding_day/holding_total: \(unreadable) dòng có loại không phải 1, 2, 3 hay 4")) }
        let extent = try database.firstRow("SELECT dong, foreign_minor, quantity, children FROM journal_extent WHERE id = 1") {
            JournalExtent(dong: $0.int64(at: 0), foreignMinor: $0.int64(at: 1), quantity: $0.int64(at: 2), children: $0.int64(at: 3))
        } ?? JournalExtent()
        if extent != recomputed.extent {
            report.add(nil, LocalizedText("journal_extent holds \(extent) but the lines give \(recomputed.extent)", "journal_extent ghi \(extent) nhưng các dòng cho \(recomputed.extent)"))
        }
    }

    /// The keys whose totals differ between what is stored and what the lines give; none,
    /// at the cost of one comparison, when they agree (as they do in intact books).
    private func differingKeys<Key, Value: Equatable>(_ stored: [Key: Value], _ expected: [Key: Value]) -> [Key] {
        guard stored != expected else { return [] }
        return Set(stored.keys).union(expected.keys).filter { stored[$0] != expected[$0] }
    }

    /// Runs one step of `verify`, turning a damaged value it meets into a finding.
    private func reportingDamage(_ report: inout VerificationReport, _ step: (inout VerificationReport) throws -> Void) throws {
        do {
            try step(&report)
        } catch let error as LedgerError where error.rule == .damaged {
            report.add(nil, error.explanation)
        }
    }

    /// Whether `digest` is what entry `digest.seq` still hashes to, or the state digest of a
    /// moment when the journal ended at that entry (with the fact head of that moment).
    private func check(_ digest: ChainDigest, entryHash: [UInt8]?, facts: FactReplay, into report: inout VerificationReport) {
        guard digest.seq <= report.headSeq else {
            report.digestMatches = false
            report.add(nil, LocalizedText("the digest is for entry \(digest.seq), but the journal ends at entry \(report.headSeq): entries were removed",
                                          "mã băm là của bút toán \(digest.seq), nhưng sổ nhật ký kết thúc ở bút toán \(report.headSeq): đã có bút toán bị xóa"))
            return
        }
        let states = entryHash.map { hash in
            facts.factSeqs(whileJournalEndedAt: digest.seq).map { fact in
                StateDigest.digest(journalSeq: digest.seq, journalHash: hash, factSeq: fact.seq, factHash: fact.hash)
            }
        } ?? []
        report.digestMatches = entryHash == digest.hash || states.contains(digest.hash)
        if report.digestMatches == false {
            report.add(digest.seq, LocalizedText("the published digest \(digest.hash.hexString) for entry \(digest.seq) no longer matches: the journal or the registries, settings or audit trail were changed or cut at or before it",
                                                 "mã băm đã công bố \(digest.hash.hexString) của bút toán \(digest.seq) không còn khớp: sổ nhật ký hoặc danh mục, thiết lập, nhật ký thay đổi đã bị sửa hoặc cắt tại hoặc trước bút toán đó"))
        }
    }

    /// Replays the fact chain and compares every fact table with it.
    private func verifyFacts(into report: inout VerificationReport) throws -> FactReplay {
        var replay = FactReplay(ledgerID: ledgerID)
        let genesis = CanonicalForm.genesisHash(ledgerID: ledgerID)
        try replay.readRecords(database, into: &report) { seq in
            seq == 0 ? genesis : try database.firstRow("SELECT hash FROM entry WHERE seq = ?", [seq]) { $0.blob(at: 0) }
        }
        try replay.compare(database, into: &report)
        report.factHeadSeq = replay.headSeq
        report.factHeadHash = replay.headHash
        return replay
    }

    /// Compares the stored period lock with the one the chain's period records leave.
    private func verifyPeriodLock(into report: inout VerificationReport) throws {
        var expected: PeriodLock?
        for record in try periodRecords() {
            if let lock = PeriodLock.after(record) { expected = PeriodLock(lockedThrough: lock, setBySeq: record.seq) }
        }
        // A lock that is not a date is reported below, not thrown.
        let stored: PeriodLock?
        do { stored = try periodLock() } catch let error as LedgerError where error.rule == .damaged { stored = nil }
        if stored != expected {
            let describe = { (lock: PeriodLock?) -> LocalizedText in
                guard let lock else { return LocalizedText("nothing closed", "chưa khóa kỳ nào") }
                let through = lock.lockedThrough?.iso
                return LocalizedText("closed through \(through ?? "nothing") by entry \(lock.setBySeq)", "khóa đến \(through ?? "không") bởi bút toán \(lock.setBySeq)")
            }
            report.add(stored?.setBySeq ?? expected?.setBySeq,
                       LocalizedText("the period lock says \(describe(stored)), but the chain's period records say \(describe(expected))",
                                     "khóa sổ ghi \(describe(stored)), nhưng các bản ghi khóa sổ trong chuỗi ghi \(describe(expected))"))
        }
        // `periodLock()` reads a text that is not a date as nothing closed, but the trigger
        // entry_outside_closed_periods compares the text itself; and the column's CHECK lets
        // such a text in, since date() of it is NULL.
        if let text = try database.scalarText("SELECT locked_through FROM period_lock WHERE id = 1"), (try? LedgerDate.parse(text)) == nil {
            report.add(stored?.setBySeq, LocalizedText("the period lock holds '\(text)', which is not a date: it was changed outside cpf", "khóa sổ chứa '\(text)', không phải là ngày: đã bị sửa ngoài cpf"))
        }
    }

    private func describe(_ totals: BalanceAccumulator.Totals?) -> LocalizedText {
        guard let totals else { return LocalizedText("nothing", "không có gì") }
        return LocalizedText("debit \(totals.debitDong), credit \(totals.creditDong), foreign \(totals.foreignNet), \(totals.lineCount) lines",
                             "Nợ \(totals.debitDong), Có \(totals.creditDong), nguyên tệ \(totals.foreignNet), \(totals.lineCount) dòng")
    }
}
