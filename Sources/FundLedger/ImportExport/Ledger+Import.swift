/// The layouts `cpf import` reads (docs/import-formats.md).
public enum ImportFormat: String, Sendable, CaseIterable {
    /// General entries: one record per line, grouped into entries by the `entry` column.
    case entries
    /// A batch of disbursements: one record per disbursement (`cpf disburse`).
    case disbursements
}

/// How an import treats the entries it cannot post.
public enum ImportMode: Sendable {
    /// The default: any refused entry refuses the whole file, and nothing is written.
    case allOrNothing
    /// Every acceptable entry is posted; each refused one is reported, with its line and reason.
    case partial
}

/// An entry of an import file that was not posted, and why. The message never holds a
/// beneficiary code.
public struct ImportRejection: Sendable, Equatable {
    /// The line of the file where the entry starts (the header is line 1).
    public let line: Int
    public let entryKey: String
    public let reference: String?
    public let rule: LedgerError.Rule
    /// Why, in English (the rejects file); `explanation` has both languages.
    public let message: String
    public let hint: String
    public let explanation: LocalizedText
    public let remedy: LocalizedText

    init(line: Int, entryKey: String, reference: String?, refusal: LedgerError) {
        self.line = line
        self.entryKey = entryKey
        self.reference = reference
        self.rule = refusal.rule
        self.message = refusal.message
        self.hint = refusal.hint
        self.explanation = refusal.explanation
        self.remedy = refusal.remedy
    }
}

/// How far an import has come, for a progress line.
public struct ImportProgress: Sendable {
    public let entriesRead: Int
    public let bytesRead: Int64
    /// The file's size, when known.
    public let totalBytes: Int64?
}

/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    public var recordCount = 0
    public var entryCount = 0
    public var postedCount = 0
    public var postedLineCount = 0
    /// Entries whose reference was already posted with the same content: not written again.
    public var alreadyPostedCount = 0
    /// Entries at or above the approval threshold, waiting for a second person.
    public var pendingCount = 0
    public var rejectedCount = 0
    /// Posted entries without a reference: importing the file again would post them again.
    public var withoutReferenceCount = 0
    public var firstSeq: Int64?
    public var lastSeq: Int64?
}

extension Ledger {
    /// SQLite's page cache while importing: 24 MiB (the default is 2 MiB).
    static let importCacheKibibytes = 24 * 1024

    /// Imports a CSV file in one write transaction, streaming: memory holds the entries
    /// parsed ahead (`ReadAhead`, a bounded count), the entries waiting to be inserted
    /// (`WriteBehind`, a bounded count) and the maintained totals (flushed past
    /// `pendingTotalsCountMax`), whatever the file's size. Three threads
    /// overlap: one parses, one validates and hashes, one inserts rows.
    ///
    /// Every entry passes the same validation as `post`. References make a second run of the
    /// same file write nothing: an entry whose reference is posted with the same content is
    /// counted as already posted. In `.allOrNothing` mode the first refused entry refuses the
    /// file and nothing is written; in `.partial` mode it is passed to `rejected` and the rest
    /// goes on. Foreign keys and the closed-period trigger are checked once over what the
    /// import wrote, before the commit (`DeferredConstraints`). Malformed CSV (an unterminated quote, a record past the limits) refuses the
    /// file in either mode: nothing after it can be trusted.
    ///
    /// - Parameters:
    ///   - rejected: called for each entry refused in `.partial` mode, inside the transaction;
    ///     what it throws refuses the whole import.
    ///   - progress: called every `progressInterval` entries.
    ///
    ///   The rows of posted entries are inserted on a second thread (`JournalWriter`), which
    ///   may hold the connection while a callback runs: a callback must not use the ledger.
    ///   The storage rules are deferred until the end.
    /// - Throws: `LedgerError` naming the file, line and rule; nothing is written.
    public func importCSV(path: String, format: ImportFormat, mode: ImportMode = .allOrNothing, user: String,
                          limits: CSVReader.Limits = CSVReader.Limits(),
                          rejected: (ImportRejection) throws -> Void = { _ in },
                          progressInterval: Int = 1_000, progress: ((ImportProgress) -> Void)? = nil) throws -> ImportSummary {
        let user = try TextRules.checkedUser(user)
        let source = try FileByteSource(path: path)
        let totalBytes = source.size
        let reader = CSVReader(source: source, sourceName: path, limits: limits)
        let postedAt = Timestamp.now()
        // A long import keeps its written pages in memory rather than spilling them into the
        // WAL before the commit; the bound keeps memory flat (PRAGMA cache_size, in KiB when negative).
        precondition(progressInterval > 0, "progress is reported every so many entries, at least one")
        let cacheSize = try database.scalarInt64("PRAGMA cache_size") ?? -2000
        try database.execute("PRAGMA cache_size = -\(Ledger.importCacheKibibytes)")
        defer { try? database.execute("PRAGMA cache_size = \(cacheSize)") }
        // The WAL's pages go to the device while the import runs, not all at its commit.
        let writeBack = BackgroundWriteBack(databasePath: database.path)
        writeBack.start()
        defer { writeBack.stop() }
        return try DeferredConstraints.withForeignKeysOff(database) { try write {
            let session = try ImportSession(ledger: self, user: user, postedAt: postedAt)
            var items: any ImportItemSource
            var readAhead: ReadAhead<ImportItem>?
            defer { readAhead?.cancel() }
            switch format {
            case .entries:
                // Parsing needs no database: a second thread reads ahead while this one posts.
                var source = try EntriesCSVSource(reader: reader)
                let ahead = ReadAhead(progress: { reader.bytesRead }) { try source.next() }
                ahead.start()
                readAhead = ahead
                items = ahead
            case .disbursements:
                items = try DisbursementsCSVSource(reader: reader) { [unowned self] disbursement in
                    // A disbursement's entry is built from its program and, for goods, the
                    // lots, read from the file: the connection back in this thread's hands.
                    try session.pipeline.writer.takeBackConnection()
                    return try self.draft(of: disbursement, goodsDraws: { try session.goodsDraws(itemCode: $0, quantity: $1, on: disbursement.date) })
                }
            }
            while let item = try items.next() {
                session.summary.entryCount += 1
                session.summary.recordCount += item.recordCount
                do {
                    try session.post(item)
                } catch let refusal as LedgerError where !session.pipeline.writer.inserterFailed {
                    let located = ImportSession.locate(refusal, item: item, sourceName: path)
                    guard mode == .partial else { throw located }
                    session.summary.rejectedCount += 1
                    try rejected(ImportRejection(line: item.line, entryKey: item.key, reference: item.reference, refusal: located))
                }
                if session.summary.entryCount % progressInterval == 0 {
                    try session.pipeline.writer.flushIfLarge()
                    progress?(ImportProgress(entriesRead: session.summary.entryCount, bytesRead: readAhead?.progressReported ?? reader.bytesRead,
                                             totalBytes: totalBytes))
                }
            }
            try session.finish(path: path)
            return session.summary
        } }
    }
}

/// The state of one import inside its transaction: the chain head, the validator's figures
/// and the counts.
private final class ImportSession {
    let ledger: Ledger
    let user: String
    let postedAt: Timestamp
    let pipeline: PostingPipeline
    var summary = ImportSummary()

    init(ledger: Ledger, user: String, postedAt: Timestamp) throws {
        self.ledger = ledger
        self.user = user
        self.postedAt = postedAt
        pipeline = try PostingPipeline(ledger: ledger, user: user, postedAt: postedAt, deferringConstraints: true)
        try pipeline.readAhead()
    }

    func post(_ item: ImportItem) throws {
        let draft = try item.draft.get()
        switch try pipeline.submit(draft) {
        case .posted(let entry):
            summary.postedCount += 1
            summary.postedLineCount += entry.lines.count
            summary.firstSeq = summary.firstSeq ?? entry.seq
            summary.lastSeq = entry.seq
            if entry.externalRef == nil { summary.withoutReferenceCount += 1 }
        case .alreadyPosted, .alreadyPending:
            summary.alreadyPostedCount += 1
        case .pending:
            summary.pendingCount += 1
        }
    }

    /// What goods handed out take from each lot, counting what this import already wrote.
    func goodsDraws(itemCode: String, quantity: Int64, on date: LedgerDate) throws -> [GoodsDraw] {
        try pipeline.validator.funding.lotDraws(itemCode: itemCode, quantity: quantity, on: date, ledger: ledger, pending: pipeline.pending)
    }

    /// Writes the totals and, when anything was written, records the import in the audit trail.
    func finish(path: String) throws {
        try pipeline.finish()
        guard summary.postedCount > 0 || summary.pendingCount > 0 else { return }
        let posted = summary.firstSeq.map { " (entries \($0) to \(summary.lastSeq ?? $0))" } ?? ""
        let name = String(path.split(separator: "/").last ?? Substring(path)).prefix(150)
        try ledger.recordChange(action: "import", subject: "file:\(name)",
                                detail: "\(summary.postedCount) entries posted\(posted), \(summary.pendingCount) pending approval, \(summary.alreadyPostedCount) already posted, \(summary.rejectedCount) rejected",
                                user: user, at: postedAt)
    }

    /// A refusal restated with where it is in the file; messages of the file's own fields
    /// name their line and column already.
    static func locate(_ refusal: LedgerError, item: ImportItem, sourceName: String) -> LedgerError {
        if refusal.message.hasPrefix(sourceName + " line ") { return refusal }
        let entry = item.key == String(item.line) ? LocalizedText.empty : LocalizedText(", entry \(item.key)", ", bút toán \(item.key)")
        return LedgerError(refusal.rule, LocalizedText("\(sourceName) line \(item.line)\(entry): \(refusal.explanation)", "\(sourceName) dòng \(item.line)\(entry): \(refusal.explanation)"),
                           hint: refusal.remedy)
    }
}

extension ReadAhead: ImportItemSource where Item == ImportItem {}
