/// The columns of the general entries CSV (docs/import-formats.md): one line of an entry per
/// record, the records of one entry together and sharing its `entry` key.
enum EntriesColumn: String, CaseIterable, Hashable {
    case entry, date, memo, ref, account, debit, credit, amount, currency, vnd, rate
    case rateSource = "rate_source"
    case funder, grant, program, unit, item, quantity, children, beneficiaries
    case lineMemo = "line_memo"
    // Written by `cpf journal --format csv` and `cpf export --format csv` for the reader; an
    // import ignores them, except that an entry must be a plain journal entry (`kind` empty or
    // `journal`, `reverses` empty): reversals and period records are made with their commands.
    case restriction, kind
    case lineNo = "line_no"
    case postedBy = "posted_by"
    case postedAt = "posted_at"
    case approvedBy = "approved_by"
    case reverses, hash
    case rateDate = "rate_date"
}

/// One entry read from an import file, or why it cannot be posted.
struct ImportItem: Sendable {
    /// The line of the file where the entry starts.
    let line: Int
    /// The file's key for the entry (the `entry` column, or the record's number).
    let key: String
    /// The entry's reference, when the file gives one.
    let reference: String?
    let draft: Result<EntryDraft, LedgerError>
    /// How many records of the file the entry took.
    let recordCount: Int
}

/// Something that yields import items one at a time from a CSV file, holding only the current one.
protocol ImportItemSource {
    mutating func next() throws -> ImportItem?
}

/// Reads the general entries CSV into entry drafts, one entry at a time: memory holds the
/// current entry's records, whatever the file's size.
///
/// A record's mistakes (an amount with separators, an unknown column value) make its entry
/// fail with a message naming the file, line and column; the records of the entry are still
/// consumed, so the next entry is read correctly. Malformed CSV is thrown: nothing after it
/// can be trusted.
struct EntriesCSVSource: ImportItemSource {
    typealias Column = EntriesColumn
    private let reader: CSVReader
    private let columns: ImportColumns<Column>
    private var lookahead: CSVRecord?

    init(reader: CSVReader) throws {
        guard let header = try reader.next() else {
            throw LedgerError(.invalidInput, LocalizedText("\(reader.sourceName) is empty", "\(reader.sourceName) rỗng"), hint: LocalizedText("the first line names the columns (docs/import-formats.md)", "dòng đầu tiên ghi tên các cột (docs/import-formats.md)"))
        }
        self.reader = reader
        columns = try ImportColumns(header: header, sourceName: reader.sourceName, required: [.entry, .account, .currency], formatName: "entries")
        guard columns.has(.amount) != (columns.has(.debit) || columns.has(.credit)) else {
            throw LedgerError(.invalidInput, LocalizedText("\(reader.sourceName) line \(header.line): give the amounts either in 'debit' and 'credit' columns or in one signed 'amount' column", "\(reader.sourceName) dòng \(header.line): hãy ghi số tiền ở hai cột 'debit' và 'credit' hoặc ở một cột 'amount' có dấu"),
                              hint: LocalizedText("with 'amount', a positive number is a debit and a negative one a credit", "với cột 'amount', số dương là Nợ và số âm là Có"))
        }
        lookahead = try reader.next()
    }

    mutating func next() throws -> ImportItem? {
        guard let first = lookahead else { return nil }
        try columns.checkWidth(first)
        let key = columns.value(.entry, in: first)
        var records = [first]
        // Records past the line limit are read to the end of the entry but not kept: the
        // entry is refused whole, and memory holds at most the limit.
        var recordCount = 1
        while true {
            lookahead = try reader.next()
            guard let record = lookahead else { break }
            try columns.checkWidth(record)
            guard columns.value(.entry, in: record) == key else { break }
            recordCount += 1
            if records.count <= EntryDraft.lineCountMax { records.append(record) }
        }
        let reference = columns.value(.ref, in: first)
        let draft: Result<EntryDraft, LedgerError>
        do {
            draft = .success(try makeDraft(key: key, records: records, recordCount: recordCount))
        } catch let refusal as LedgerError {
            draft = .failure(refusal)
        }
        return ImportItem(line: first.line, key: key, reference: reference.isEmpty ? nil : reference, draft: draft, recordCount: recordCount)
    }

    private func makeDraft(key: String, records: [CSVRecord], recordCount: Int) throws -> EntryDraft {
        let first = records[0]
        guard !key.isEmpty else {
            throw columns.error(.entry, in: first, LocalizedText("the entry key is empty", "khóa bút toán để trống"), hint: LocalizedText("give every line the key of its entry, e.g. 1, 2, 3 or a voucher number", "hãy ghi cho mỗi dòng khóa của bút toán, ví dụ 1, 2, 3 hoặc số chứng từ"))
        }
        guard key.count <= TextRules.referenceLengthMax else {
            throw columns.error(.entry, in: first, LocalizedText("the entry key is longer than \(TextRules.referenceLengthMax) characters", "khóa bút toán dài hơn \(TextRules.referenceLengthMax) ký tự"), hint: LocalizedText("use a shorter key", "hãy dùng khóa ngắn hơn"))
        }
        guard recordCount <= EntryDraft.lineCountMax else {
            throw columns.error(.entry, in: first, LocalizedText("entry \(key) has \(recordCount) lines; an entry may have at most \(EntryDraft.lineCountMax)", "bút toán \(key) có \(recordCount) dòng; một bút toán có tối đa \(EntryDraft.lineCountMax) dòng"),
                                rule: .tooManyLines, hint: LocalizedText("split it into several entries", "hãy tách thành nhiều bút toán"))
        }
        let dateText = columns.value(.date, in: first)
        guard !dateText.isEmpty else {
            throw columns.error(.date, in: first, LocalizedText("the first line of entry \(key) has no date", "dòng đầu của bút toán \(key) không ghi ngày"), hint: LocalizedText("give the date as YYYY-MM-DD on the entry's first line", "hãy ghi ngày dạng YYYY-MM-DD ở dòng đầu của bút toán"))
        }
        let date = try columns.wrap(.date, in: first) { try LedgerDate.parse(dateText) }
        let memo = columns.value(.memo, in: first)
        let reference = columns.value(.ref, in: first)
        var lines: [LineDraft] = []
        lines.reserveCapacity(records.count)
        for record in records {
            if record.line != first.line {
                for (column, expected) in [(Column.date, dateText), (.memo, memo), (.ref, reference)] {
                    let text = columns.value(column, in: record)
                    guard text.isEmpty || text == expected else {
                        throw columns.error(column, in: record, LocalizedText("entry \(key) has '\(text.shortened)' here but '\(expected.shortened)' on its first line", "bút toán \(key) ghi '\(text.shortened)' ở đây nhưng ghi '\(expected.shortened)' ở dòng đầu"),
                                            hint: LocalizedText("give an entry's \(column.rawValue) once, on its first line, or the same on every line", "hãy ghi \(column.rawValue) của bút toán một lần ở dòng đầu, hoặc ghi giống nhau ở mọi dòng"))
                    }
                }
            }
            let kind = columns.value(.kind, in: record)
            guard kind.isEmpty || kind == EntryKind.journal.rawValue else {
                throw columns.error(.kind, in: record, LocalizedText("entry \(key) is a \(kind.shortened) record; such records are not imported", "bút toán \(key) là bản ghi \(kind.shortened); loại bản ghi này không được nhập"),
                                    hint: LocalizedText("close and reopen periods with \(action: .periodClose, quoted: true) and \(action: .periodReopen, quoted: true)", "hãy khóa và mở lại kỳ bằng \(action: .periodClose, quoted: true) và \(action: .periodReopen, quoted: true)"))
            }
            guard columns.value(.reverses, in: record).isEmpty else {
                throw columns.error(.reverses, in: record, LocalizedText("entry \(key) is a reversal; reversals are not imported", "bút toán \(key) là bút toán đảo; bút toán đảo không được nhập"),
                                    rule: .notReversible, hint: LocalizedText("import the original entry, then reverse it with \(action: .reverse, "SEQ \(parameter: .reason, "…")", quoted: true)", "hãy nhập bút toán gốc, rồi đảo nó bằng \(action: .reverse, "SEQ \(parameter: .reason, "…")", quoted: true)"))
            }
            lines.append(try line(record))
        }
        return EntryDraft(date: date, memo: memo, externalRef: reference.isEmpty ? nil : reference, lines: lines)
    }

    private func line(_ record: CSVRecord) throws -> LineDraft {
        let account = columns.value(.account, in: record)
        try columns.wrap(.account, in: record) { try Account.checkCode(account) }
        let currency = columns.value(.currency, in: record)
        guard !currency.isEmpty else {
            throw columns.error(.currency, in: record, LocalizedText("the line has no currency", "dòng này không ghi loại tiền"), hint: LocalizedText("write the currency code of the amount, e.g. VND or USD; it is never guessed", "hãy ghi mã loại tiền của số tiền, ví dụ VND hoặc USD; loại tiền không bao giờ được đoán"))
        }
        let (side, amount) = try sideAndAmount(record, currency: currency)
        var line = LineDraft(accountCode: account, side: side, amount: amount)
        let vnd = columns.value(.vnd, in: record)
        if !vnd.isEmpty { line.dong = try columns.wrap(.vnd, in: record) { try Amount.parse(number: vnd, currencyCode: "VND").minorUnits } }
        let rate = columns.value(.rate, in: record)
        if !rate.isEmpty { line.rate = try columns.wrap(.rate, in: record) { try Rate.parse(rate) } }
        let source = columns.value(.rateSource, in: record)
        if !source.isEmpty { line.rateSource = source }
        if source == Rate.bookRateSource {
            // Money leaving a foreign-currency account is valued at the account's book rate when
            // it is posted; the exported rate only states it, and the vnd column is checked.
            line.rate = nil
            line.rateSource = nil
        }
        line.dimensions = Dimensions(funder: optional(.funder, record), grant: optional(.grant, record),
                                     program: optional(.program, record), unit: optional(.unit, record))
        line.item = optional(.item, record)
        line.quantity = try columns.count(.quantity, in: record)
        line.children = try columns.count(.children, in: record, maximum: 10_000_000)
        line.beneficiaryCodes = try columns.beneficiaryCodes(.beneficiaries, in: record)
        line.memo = optional(.lineMemo, record)
        return line
    }

    private func sideAndAmount(_ record: CSVRecord, currency: String) throws -> (Side, Amount) {
        if columns.has(.amount) {
            let text = columns.value(.amount, in: record)
            let amount = try columns.wrap(.amount, in: record) { try Amount.parse(number: text, currencyCode: currency, allowNegative: true) }
            guard !amount.isZero else {
                throw columns.error(.amount, in: record, LocalizedText("the amount is zero", "số tiền bằng 0"), hint: LocalizedText("leave out lines of zero; a positive amount is a debit, a negative one a credit", "hãy bỏ các dòng bằng 0; số dương là Nợ, số âm là Có"))
            }
            return amount.isNegative ? (.credit, amount.negated) : (.debit, amount)
        }
        let debit = columns.value(.debit, in: record)
        let credit = columns.value(.credit, in: record)
        guard debit.isEmpty != credit.isEmpty else {
            throw columns.error(debit.isEmpty ? .debit : .credit, in: record,
                                debit.isEmpty ? LocalizedText("the line has neither a debit nor a credit", "dòng này không có cả Nợ lẫn Có") : LocalizedText("the line has both a debit and a credit", "dòng này có cả Nợ và Có"),
                                hint: LocalizedText("give each line its amount in exactly one of the debit and credit columns", "hãy ghi số tiền của mỗi dòng ở đúng một trong hai cột debit và credit"))
        }
        let column: Column = debit.isEmpty ? .credit : .debit
        let amount = try columns.wrap(column, in: record) { try Amount.parse(number: debit.isEmpty ? credit : debit, currencyCode: currency) }
        return (column == .debit ? .debit : .credit, amount)
    }

    private func optional(_ column: Column, _ record: CSVRecord) -> String? {
        let text = columns.value(column, in: record)
        return text.isEmpty ? nil : text
    }
}

extension String {
    /// At most 60 characters of the text, for quoting a field in a message.
    var shortened: String { count <= 60 ? self : String(prefix(60)) + "…" }
}
