/// The header of an import file: which column holds which field.
///
/// Column names are matched without regard to case or surrounding spaces; their order is
/// free. A column the format does not know is refused (a misspelt `credt` would otherwise
/// be dropped silently), and so is a column named twice.
struct ImportColumns<Column: RawRepresentable & CaseIterable & Hashable> where Column.RawValue == String {
    private var indexes: [Column: Int] = [:]
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
                throw LedgerError(.invalidInput, "\(sourceName) line \(header.line), column \(position + 1): '\(name)' is not a column of the \(formatName) format",
                                  hint: "the columns are: \(known.joined(separator: ", ")) (docs/import-formats.md)")
            }
            guard indexes[column] == nil else {
                throw LedgerError(.invalidInput, "\(sourceName) line \(header.line): the column '\(name)' appears twice",
                                  hint: "keep one column of each name")
            }
            indexes[column] = position
        }
        for column in required where indexes[column] == nil {
            throw LedgerError(.invalidInput, "\(sourceName) line \(header.line): the header has no '\(column.rawValue)' column",
                              hint: "the first line names the columns; \(formatName) files need \(required.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func has(_ column: Column) -> Bool { indexes[column] != nil }

    /// The field of `column` in `record`, spaces trimmed; "" when the file has no such column.
    func value(_ column: Column, in record: CSVRecord) -> String {
        guard let index = indexes[column] else { return "" }
        let field = record.fields[index]
        guard let first = field.utf8.first, let last = field.utf8.last else { return "" }
        // Trimming copies the text; most fields need none.
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        return isSpace(first) || isSpace(last) ? field.trimmingSpaces() : field
    }

    /// Refuses a record whose field count differs from the header's.
    func checkWidth(_ record: CSVRecord) throws {
        guard record.fields.count == names.count else {
            throw LedgerError(.invalidInput, "\(sourceName) line \(record.line): \(record.fields.count) fields, but the header names \(names.count) columns",
                              hint: "give every line as many fields as the header has columns (empty fields are written as nothing between commas)")
        }
    }

    /// An error about one field of a record: the file, line and column it concerns.
    func error(_ column: Column, in record: CSVRecord, _ message: String, rule: LedgerError.Rule = .invalidInput,
               hint: String) -> LedgerError {
        let position = indexes[column].map { " (\($0 + 1))" } ?? ""
        return LedgerError(rule, "\(sourceName) line \(record.line), column \(column.rawValue)\(position): \(message)", hint: hint)
    }

    /// A refusal from parsing one field, restated with its file, line and column.
    func wrap<T>(_ column: Column, in record: CSVRecord, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LedgerError {
            throw self.error(column, in: record, error.message, rule: error.rule, hint: error.hint)
        }
    }

    /// A positive whole number in `column`, or `nil` when the field is empty.
    func count(_ column: Column, in record: CSVRecord, maximum: Int64 = Amount.magnitudeMax) throws -> Int64? {
        let text = value(column, in: record)
        guard !text.isEmpty else { return nil }
        guard text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let number = Int64(text), number > 0, number <= maximum else {
            throw error(column, in: record, "'\(text)' is not a whole number from 1 to \(MoneyFormat.english.number(maximum))",
                        hint: "write a count without sign, decimals or separators, e.g. 20")
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
                throw error(column, in: record, refusal.message, rule: refusal.rule, hint: refusal.hint)
            }
        }
        return codes
    }
}
