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
            // The period records, when the scan met them; else they are looked up.
            var periodSeqs: [Int64]?
            try reportingDamage(&report) { report in
                // The scan first sums the maintained totals into their fingerprint; only when
                // that cannot vouch for every table are they gathered by key and compared row
                // by row, which names what differs.
                let scanned = try scanning ? scanChain(into: &report, digest: digest, digestEntryHash: &digestEntryHash, periodSeqs: &periodSeqs, fingerprinting: true) : nil
                if let scanned, var fingerprint = scanned.fingerprint, try maintainedTotalsAgree(with: &fingerprint) {
                    try verifyGoodsUses(scanned.goods, into: &report)
                    return
                }
                // A journal the scan vouched for is scanned again, gathering the totals; one it
                // stood aside from is read the reference way, which names what it met.
                let (recomputed, goods) = try (scanned != nil ? scanChain(into: &report, digest: digest, digestEntryHash: &digestEntryHash, periodSeqs: &periodSeqs) : nil)
                    .map { ($0.totals, $0.goods) }
                    ?? verifyChain(into: &report, digest: digest, digestEntryHash: &digestEntryHash, readingAhead: readingAhead)
                try verifyBalances(recomputed, into: &report)
                try verifyDimensions(recomputed, into: &report)
                try verifyHoldings(recomputed, into: &report)
                try verifyCashFlows(recomputed, into: &report)
                try verifyDeclaredTypes(into: &report)
                try verifyGoodsUses(goods, into: &report)
            }
            try reportingDamage(&report) { report in try verifyPeriodLock(periodSeqs, into: &report) }
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
    private func scanChain(into report: inout VerificationReport, digest: ChainDigest?, digestEntryHash: inout [UInt8]?,
                           periodSeqs: inout [Int64]?, fingerprinting: Bool = false) throws -> ChainScan.Result? {
        guard let scanned = try ChainScan.run(self, genesis: CanonicalForm.genesisHash(ledgerID: ledgerID), roles: try AccountRoles.of(self),
                                              digestSeq: digest?.seq, fingerprinting: fingerprinting) else {
            return nil
        }
        report.entryCount = scanned.entryCount
        report.lineCount = scanned.lineCount
        report.headSeq = scanned.headSeq
        report.headHash = scanned.headHash
        if let hash = scanned.digestEntryHash { digestEntryHash = hash }
        periodSeqs = scanned.periodSeqs
        return scanned
    }

    /// The reference reading: decodes every entry (`EntryReader`), recomputes its hash from its
    /// canonical form and reports every finding.
    private func verifyChain(into report: inout VerificationReport, digest: ChainDigest?,
                             digestEntryHash: inout [UInt8]?, readingAhead: Bool) throws -> (BalanceAccumulator, GoodsJournal) {
        let reader = try EntryReader(ledger: self)
        let roles = try AccountRoles.of(self)
        var previousHash = CanonicalForm.genesisHash(ledgerID: ledgerID)
        report.headHash = previousHash
        // Whether every entry so far is where it should be and hashes to what is stored: then
        // a stored hash is also the hash the chain recomputes from the genesis.
        var chainIntact = true
        var expectedSeq: Int64 = 1
        var totals = BalanceAccumulator()
        var goods = GoodsJournal()
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
            _ = goods.add(entry.lines, seq: entry.seq, dayKey: Int32(entry.date.dayKey), reversesSeq: entry.reversesSeq, roles: roles)
            if let digest, digest.seq == entry.seq, chainIntact { digestEntryHash = entry.hash }
            report.entryCount += 1
            report.lineCount += Int64(entry.lines.count)
            report.headSeq = entry.seq
            report.headHash = entry.hash
        }
        for anomaly in reader.anomalies { report.add(anomaly.seq, LocalizedText("entry \(anomaly.seq): \(anomaly.message)", "bút toán \(anomaly.seq): \(anomaly.message)")) }
        return (totals, goods)
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

    /// Compares the stored period lock with the one the chain's period records leave
    /// (`periodSeqs`, when the scan gathered them).
    private func verifyPeriodLock(_ periodSeqs: [Int64]?, into report: inout VerificationReport) throws {
        var expected: PeriodLock?
        let records = try periodSeqs.map { try $0.compactMap { try entry(seq: $0) } } ?? periodRecords()
        for record in records {
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
}
