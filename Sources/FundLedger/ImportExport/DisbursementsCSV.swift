/// The columns of the batch disbursement CSV (docs/import-formats.md): one disbursement per
/// record — a group of child-instances reached by one program in one place — posted as
/// `cpf disburse` posts it, with the same restrictions.
enum DisbursementsColumn: String, CaseIterable, Hashable {
    case date, program, unit, children, amount, currency, grant, from, item, quantity, beneficiaries
    case expenseAccount = "expense_account"
    case rate
    case rateSource = "rate_source"
    case memo, ref
}

/// Reads the batch disbursement CSV one record at a time.
struct DisbursementsCSVSource: ImportItemSource {
    typealias Column = DisbursementsColumn
    private let reader: CSVReader
    private let columns: ImportColumns<Column>
    /// Turns a disbursement into its entry, as `Ledger.disburse` does.
    var makeDraft: (Disbursement) throws -> EntryDraft

    init(reader: CSVReader, makeDraft: @escaping (Disbursement) throws -> EntryDraft) throws {
        guard let header = try reader.next() else {
            throw LedgerError(.invalidInput, LocalizedText("\(reader.sourceName) is empty", "\(reader.sourceName) rỗng"), hint: LocalizedText("the first line names the columns (docs/import-formats.md)", "dòng đầu tiên ghi tên các cột (docs/import-formats.md)"))
        }
        self.reader = reader
        self.makeDraft = makeDraft
        columns = try ImportColumns(header: header, sourceName: reader.sourceName, required: [.date, .program, .unit, .children],
                                    formatName: "disbursements")
        guard columns.has(.amount) == columns.has(.currency) else {
            throw LedgerError(.invalidInput, LocalizedText("\(reader.sourceName) line \(header.line): an 'amount' column needs a 'currency' column beside it, and the other way round", "\(reader.sourceName) dòng \(header.line): cột 'amount' cần có cột 'currency' bên cạnh, và ngược lại"),
                              hint: LocalizedText("give the amount as a plain number and its currency code in its own column; it is never guessed", "hãy ghi số tiền là một số thuần và mã loại tiền ở cột riêng; loại tiền không bao giờ được đoán"))
        }
        guard columns.has(.amount) || columns.has(.item) else {
            throw LedgerError(.invalidInput, LocalizedText("\(reader.sourceName) line \(header.line): the header has neither 'amount' nor 'item'", "\(reader.sourceName) dòng \(header.line): dòng tiêu đề không có cột 'amount' hay 'item'"),
                              hint: LocalizedText("money paid needs amount and currency columns; goods handed out need item and quantity", "khoản chi bằng tiền cần cột amount và currency; hiện vật cấp phát cần cột item và quantity"))
        }
    }

    mutating func next() throws -> ImportItem? {
        guard let record = try reader.next() else { return nil }
        try columns.checkWidth(record)
        let reference = columns.value(.ref, in: record)
        let draft: Result<EntryDraft, LedgerError>
        do {
            let disbursement = try disbursement(record)
            do {
                draft = .success(try makeDraft(disbursement))
            } catch let refusal as LedgerError {
                draft = .failure(LedgerError(refusal.rule, LocalizedText("\(reader.sourceName) line \(record.line): \(refusal.explanation)",
                                                                         "\(reader.sourceName) dòng \(record.line): \(refusal.explanation)"), hint: refusal.remedy))
            }
        } catch let refusal as LedgerError {
            draft = .failure(refusal)
        }
        return ImportItem(line: record.line, key: String(record.line), reference: reference.isEmpty ? nil : reference,
                          draft: draft, recordCount: 1)
    }

    private func disbursement(_ record: CSVRecord) throws -> Disbursement {
        let dateText = columns.value(.date, in: record)
        let date = try columns.wrap(.date, in: record) { try LedgerDate.parse(dateText) }
        guard let children = try columns.count(.children, in: record, maximum: 10_000_000) else {
            throw columns.error(.children, in: record, LocalizedText("the number of child-instances is missing", "thiếu số lượt trẻ em"), hint: LocalizedText("give how many child-instances the disbursement reached, e.g. 20", "hãy ghi khoản chi đã hỗ trợ bao nhiêu lượt trẻ em, ví dụ 20"))
        }
        var disbursement = Disbursement(date: date, programCode: try code(.program, record), unitCode: try code(.unit, record), children: children)
        disbursement.grantCode = optional(.grant, record)
        let amountText = columns.value(.amount, in: record)
        if !amountText.isEmpty {
            let currency = columns.value(.currency, in: record)
            disbursement.amount = try columns.wrap(.amount, in: record) { try Amount.parse(number: amountText, currencyCode: currency) }
        }
        disbursement.fromAccountCode = optional(.from, record)
        disbursement.inKindItemCode = optional(.item, record)
        disbursement.quantity = try columns.count(.quantity, in: record)
        disbursement.beneficiaryCodes = try columns.beneficiaryCodes(.beneficiaries, in: record)
        disbursement.expenseAccountCode = optional(.expenseAccount, record)
        let rate = columns.value(.rate, in: record)
        if !rate.isEmpty { disbursement.rate = try columns.wrap(.rate, in: record) { try Rate.parse(rate) } }
        disbursement.rateSource = optional(.rateSource, record)
        disbursement.memo = optional(.memo, record)
        disbursement.externalRef = optional(.ref, record)
        return disbursement
    }

    private func code(_ column: Column, _ record: CSVRecord) throws -> String {
        let text = columns.value(column, in: record)
        guard !text.isEmpty else {
            throw columns.error(column, in: record, LocalizedText("the \(column.rawValue) is missing", "thiếu \(column.rawValue)"), hint: LocalizedText("every disbursement names its \(column.rawValue) by code", "mỗi khoản chi ghi \(column.rawValue) bằng mã"))
        }
        return text
    }

    private func optional(_ column: Column, _ record: CSVRecord) -> String? {
        let text = columns.value(column, in: record)
        return text.isEmpty ? nil : text
    }
}
