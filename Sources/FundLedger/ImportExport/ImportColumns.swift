/// The header of an import file: which column holds which field.
///
/// Column names are matched without regard to case or surrounding spaces; their order is
/// free. A column the format does not know is refused (a misspelt `credt` would otherwise
/// be dropped silently), and so is a column named twice.
struct ImportColumns<Column: RawRepresentable & CaseIterable & Hashable> where Column.RawValue == String {
    /// Each column of the file with its field's position in a record, in the file's order.
    /// Searched from the start rather than hashed: a file has a few dozen columns, and
    /// comparing enum cases costs less than hashing one (this was a fifth of the parsing
    /// thread's time in `cpf import`).
    private var positions: [(column: Column, position: Int)] = []
    let names: [String]
    let sourceName: String

    /// Reads the header record.
    ///
    /// - Parameters:
    ///   - required: columns every file must have.
    /// - Throws: `LedgerError.invalidInput` naming the file and the column at fault.
    init(header: CSVRecord, sourceName: String, required: [Column], formatName: String) throws {
        self.sourceName = sourceName
        names = header.fields.map { $0.trimmingSpaces().lowercased() }
        let known = Column.allCases.map(\.rawValue)
        for (position, name) in names.enumerated() {
            guard let column = Column(rawValue: name) else {
                throw LedgerError(.invalidInput, LocalizedText("\(sourceName) line \(header.line), column \(position + 1): '\(name)' is not a column of the \(formatName) format", "\(sourceName) dòng \(header.line), cột \(position + 1): '\(name)' không phải cột của định dạng \(formatName)"),
                                  hint: LocalizedText("the columns are: \(known.joined(separator: ", ")) (docs/import-formats.md)", "các cột là: \(known.joined(separator: ", ")) (docs/import-formats.md)"))
            }
            guard index(of: column) == nil else {
                throw LedgerError(.invalidInput, LocalizedText("\(sourceName) line \(header.line): the column '\(name)' appears twice", "\(sourceName) dòng \(header.line): cột '\(name)' xuất hiện hai lần"),
                                  hint: LocalizedText("keep one column of each name", "mỗi tên cột chỉ giữ một cột"))
            }
            positions.append((column, position))
        }
        for column in required where index(of: column) == nil {
            throw LedgerError(.invalidInput, LocalizedText("\(sourceName) line \(header.line): the header has no '\(column.rawValue)' column", "\(sourceName) dòng \(header.line): dòng tiêu đề không có cột '\(column.rawValue)'"),
                              hint: LocalizedText("the first line names the columns; \(formatName) files need \(required.map(\.rawValue).joined(separator: ", "))", "dòng đầu ghi tên các cột; tệp \(formatName) cần \(required.map(\.rawValue).joined(separator: ", "))"))
        }
    }

    /// The position of `column`'s field in a record, or `nil` when the file has no such column.
    private func index(of column: Column) -> Int? {
        for entry in positions where entry.column == column { return entry.position }
        return nil
    }

    func has(_ column: Column) -> Bool { index(of: column) != nil }

    /// The field of `column` in `record`, spaces trimmed and a spreadsheet guard taken off
    /// (`CSVWriter.restored`); "" when the file has no such column.
    func value(_ column: Column, in record: CSVRecord) -> String {
        guard let index = index(of: column) else { return "" }
        let field = CSVWriter.restored(record.fields[index])
        guard let first = field.utf8.first, let last = field.utf8.last else { return "" }
        // Trimming copies the text; most fields need none.
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        return isSpace(first) || isSpace(last) ? field.trimmingSpaces() : field
    }

    /// Refuses a record whose field count differs from the header's.
    func checkWidth(_ record: CSVRecord) throws {
        guard record.fields.count == names.count else {
            throw LedgerError(.invalidInput, LocalizedText("\(sourceName) line \(record.line): \(record.fields.count) fields, but the header names \(names.count) columns", "\(sourceName) dòng \(record.line): có \(record.fields.count) trường, nhưng dòng tiêu đề có \(names.count) cột"),
                              hint: LocalizedText("give every line as many fields as the header has columns (empty fields are written as nothing between commas)", "mỗi dòng cần có số trường bằng số cột của dòng tiêu đề (trường rỗng là không có gì giữa hai dấu phẩy)"))
        }
    }

    /// An error about one field of a record: the file, line and column it concerns.
    func error(_ column: Column, in record: CSVRecord, _ message: LocalizedText, rule: LedgerError.Rule = .invalidInput,
               hint: LocalizedText) -> LedgerError {
        let position = index(of: column).map { " (\($0 + 1))" } ?? ""
        return LedgerError(rule, LocalizedText("\(sourceName) line \(record.line), column \(column.rawValue)\(position): \(message)",
                                               "\(sourceName) dòng \(record.line), cột \(column.rawValue)\(position): \(message)"), hint: hint)
    }

    /// A refusal from parsing one field, restated with its file, line and column.
    func wrap<T>(_ column: Column, in record: CSVRecord, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LedgerError {
            throw self.error(column, in: record, error.explanation, rule: error.rule, hint: error.remedy)
        }
    }

    /// A positive whole number in `column`, or `nil` when the field is empty.
    func count(_ column: Column, in record: CSVRecord, maximum: Int64 = Amount.magnitudeMax) throws -> Int64? {
        let text = value(column, in: record)
        guard !text.isEmpty else { return nil }
        guard text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let number = Int64(text), number > 0, number <= maximum else {
            throw error(column, in: record, LocalizedText("'\(text)' is not a whole number from 1 to \(MoneyFormat.english.number(maximum))", "'\(text)' không phải số nguyên từ 1 đến \(count: maximum)"),
                        hint: LocalizedText("write a count without sign, decimals or separators, e.g. 20", "hãy ghi số đếm không dấu, không phần thập phân, không dấu phân cách, ví dụ 20"))
        }
        return number
    }

    /// Pseudonymous beneficiary codes, separated by commas, semicolons or spaces. The field's
    /// text never appears in a message: it identifies children.
    func beneficiaryCodes(_ column: Column, in record: CSVRecord) throws -> [String] {
        let text = value(column, in: record)
        guard !text.isEmpty else { return [] }
        let codes = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }).map(String.init)
        for code in codes {
            do {
                try TextRules.checkCode(code, named: "beneficiary code", echo: false)
            } catch let refusal as LedgerError {
                throw error(column, in: record, refusal.explanation, rule: refusal.rule, hint: refusal.remedy)
            }
        }
        return codes
    }
}
