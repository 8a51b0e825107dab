/// What `cpf export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// The import layout of docs/import-formats.md, one record per line (`JournalListing`).
    case csv
    /// An array of entries with their lines, amounts in minor units (`JournalListing`).
    case json
    /// A journal hledger and ledger read (`PlainTextJournalWriter`).
    case hledger
    /// A Beancount file (`PlainTextJournalWriter`).
    case beancount
}

extension Ledger {
    /// Writes the whole journal in `format`, entry by entry, from one snapshot of the books:
    /// memory holds one entry and a buffer, whatever the ledger's size. Beneficiary codes are
    /// never written.
    ///
    /// - Parameter write: receives the text in pieces of about `bufferByteCount` bytes.
    public func exportJournal(_ format: ExportFormat, bufferByteCount: Int = 1 << 16, write: (String) throws -> Void) throws {
        try read {
            var buffer = ""
            func emit(_ text: String) throws {
                buffer += text
                if buffer.utf8.count >= bufferByteCount {
                    try write(buffer)
                    buffer = ""
                }
            }
            switch format {
            case .csv, .json:
                let listing = try JournalListing(ledger: self, language: .english)
                let listingFormat: ReportFormat = format == .csv ? .csv : .json
                try emit(listing.begin(listingFormat))
                try forEachEntry { try emit(listing.render($0, listingFormat)) }
                try emit(listing.end(listingFormat))
            case .hledger, .beancount:
                let accounts = try self.accounts()
                // Descriptions cpf generates are written in the fund's language.
                let language = try settings().language
                let writer = PlainTextJournalWriter(format: format == .hledger ? .hledger : .beancount, accounts: accounts) { entry in
                    entry.memo.isEmpty ? try self.description(of: entry)(language) : entry.memo
                }
                let head = try stateHead()
                try emit(writer.header(fundName: fundName, headSeq: head.seq, headHash: head.digest, accounts: accounts))
                try forEachEntry { try emit(writer.render($0)) }
            }
            if !buffer.isEmpty { try write(buffer) }
        }
    }
}
