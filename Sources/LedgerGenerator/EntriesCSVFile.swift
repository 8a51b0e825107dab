#if canImport(Glibc)
import Glibc
#endif
import FundLedger

/// Writes generated entries as an import file in the entries layout of
/// docs/import-formats.md, for the import tests and the benchmark.
public enum EntriesCSVFile {
    public static let columns = ["entry", "date", "memo", "ref", "account", "debit", "credit", "currency", "vnd", "rate", "rate_source",
                                 "funder", "grant", "program", "unit", "item", "quantity", "children", "beneficiaries", "line_memo"]

    /// The records of one draft, keyed `key`.
    public static func records(_ draft: EntryDraft, key: String) -> String {
        var text = ""
        for (index, line) in draft.lines.enumerated() {
            let first = index == 0
            let amount = line.amount.decimalText
            text += CSVWriter.record([
                key, first ? draft.date.iso : "", first ? draft.memo : "", first ? draft.externalRef ?? "" : "",
                line.accountCode, line.side == .debit ? amount : "", line.side == .credit ? amount : "", line.amount.currency.code,
                line.dong.map(String.init) ?? "", line.rate?.description ?? "", line.rateSource ?? "",
                line.dimensions.funder ?? "", line.dimensions.grant ?? "", line.dimensions.program ?? "", line.dimensions.unit ?? "",
                line.item ?? "", line.quantity.map(String.init) ?? "", line.children.map(String.init) ?? "",
                line.beneficiaryCodes.joined(separator: ";"), line.memo ?? "",
            ])
        }
        return text
    }

    /// Writes the first `count` entries of `generator` to a new file at `path`.
    ///
    /// - Returns: the number of records (lines of entries) written.
    @discardableResult
    public static func write(_ generator: LedgerGenerator, count: Int, to path: String) throws -> Int {
        guard let file = fopen(path, "w") else { throw LedgerError(.invalidInput, LocalizedText("cannot create \(path)", "không tạo được \(path)"), hint: LocalizedText("check the folder", "hãy kiểm tra thư mục")) }
        defer { fclose(file) }
        var buffer = CSVWriter.record(columns)
        var records = 0
        var iterator = generator.makeIterator()
        func flush() throws {
            let written = buffer.withUTF8 { fwrite($0.baseAddress, 1, $0.count, file) }
            guard written == buffer.utf8.count else { throw LedgerError(.invalidInput, LocalizedText("cannot write \(path)", "không ghi được \(path)"), hint: LocalizedText("check the disk", "hãy kiểm tra ổ đĩa")) }
            buffer = ""
        }
        for index in 0..<count {
            guard let draft = iterator.next() else { break }
            records += draft.lines.count
            buffer += self.records(draft, key: String(index + 1))
            if buffer.utf8.count > 1 << 16 { try flush() }
        }
        try flush()
        return records
    }
}
