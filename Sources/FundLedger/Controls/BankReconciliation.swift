
/// One row of a bank statement: money in positive, money out negative, in the account's
/// currency (minor units).
public struct StatementLine: Sendable, Equatable {
    /// The row's line number in the file (the header is line 1).
    public let row: Int
    public let date: LedgerDate
    public let amountMinor: Int64
    public let reference: String
    public let description: String
}

/// A bank statement CSV, in one of the layouts docs/bank-statements.md describes, recognised
/// by its header row:
///
/// - `date,amount,reference[,description]` — one signed amount (money in positive);
/// - `date,reference,debit,credit[,description]` — money out in debit, in in credit (the
///   bank's view), as Vietnamese banks export it; the Vietnamese headers
///   `Ngày giao dịch, Số tham chiếu, Ghi nợ, Ghi có, Diễn giải` are accepted too.
///
/// Dates are `YYYY-MM-DD` or `dd/MM/yyyy`. Amounts are plain numbers with at most the
/// currency's decimals and no grouping separators (`1500000`, `2500.00`); anything else is
/// refused with the row and column, never guessed.
public enum BankStatement {
    public static func read(_ source: any ByteSource, name: String, currency: Currency) throws -> [StatementLine] {
        let reader = CSVReader(source: source, sourceName: name)
        guard let header = try reader.next() else {
            throw LedgerError(.invalidInput, LocalizedText("\(name) is empty", "\(name) rỗng"), hint: LocalizedText("give a bank statement CSV with a header row (docs/bank-statements.md)", "hãy dùng sao kê ngân hàng dạng CSV có dòng tiêu đề (docs/bank-statements.md)"))
        }
        let names = header.fields.map { $0.trimmingSpaces().lowercased() }
        func column(_ candidates: [String]) -> Int? { names.firstIndex { candidates.contains($0) } }
        let date = column(["date", "ngày giao dịch", "ngày"])
        let amount = column(["amount", "số tiền"])
        let reference = column(["reference", "ref", "số tham chiếu", "số ct"])
        let debit = column(["debit", "ghi nợ"])
        let credit = column(["credit", "ghi có"])
        let description = column(["description", "diễn giải", "nội dung"])
        guard let date, let reference, amount != nil || (debit != nil && credit != nil) else {
            throw LedgerError(.invalidInput, LocalizedText("\(name) line \(header.line): the header \(header.fields.joined(separator: ",")) is not a known bank statement layout", "\(name) dòng \(header.line): dòng tiêu đề \(header.fields.joined(separator: ",")) không phải mẫu sao kê ngân hàng đã biết"),
                              hint: LocalizedText("use 'date,amount,reference,description' or 'date,reference,debit,credit,description' (docs/bank-statements.md)", "hãy dùng 'date,amount,reference,description' hoặc 'date,reference,debit,credit,description' (docs/bank-statements.md)"))
        }
        var lines: [StatementLine] = []
        while let record = try reader.next() {
            if record.fields.allSatisfy({ $0.isEmpty }) { continue }
            func field(_ index: Int?, _ label: String) throws -> String {
                guard let index, index < record.fields.count else {
                    throw LedgerError(.invalidInput, LocalizedText("\(name) line \(record.line): the \(label) column is missing", "\(name) dòng \(record.line): thiếu cột \(label)"), hint: LocalizedText("every row has the header's columns", "mỗi dòng phải có đủ các cột của dòng tiêu đề"))
                }
                return record.fields[index].trimmingSpaces()
            }
            func money(_ text: String, _ label: String) throws -> Int64 {
                if text.isEmpty { return 0 }
                do {
                    return try Amount.parse("\(text) \(currency.code)", allowNegative: true).minorUnits
                } catch let error as LedgerError {
                    throw LedgerError(.invalidInput, LocalizedText("\(name) line \(record.line), column \(label): \(error.message)", "\(name) dòng \(record.line), cột \(label): \(error.explanation)"),
                                      hint: LocalizedText("write amounts as plain numbers, e.g. 1500000 or 2500.00, without grouping separators", "hãy viết số tiền là số thuần, ví dụ 1500000 hoặc 2500.00, không có dấu phân cách hàng nghìn"))
                }
            }
            let dateText = try field(date, "date")
            let parsedDate: LedgerDate
            do {
                parsedDate = try parseDate(dateText)
            } catch {
                throw LedgerError(.invalidDate, LocalizedText("\(name) line \(record.line), column date: '\(dateText)' is not a date", "\(name) dòng \(record.line), cột date: '\(dateText)' không phải là ngày"),
                                  hint: LocalizedText("write dates as YYYY-MM-DD or dd/MM/yyyy", "hãy viết ngày dạng YYYY-MM-DD hoặc dd/MM/yyyy"))
            }
            let value: Int64
            if let amount {
                value = try money(try field(amount, "amount"), "amount")
            } else {
                value = try money(try field(credit, "credit"), "credit") - money(try field(debit, "debit"), "debit")
            }
            guard value != 0 else {
                throw LedgerError(.invalidInput, LocalizedText("\(name) line \(record.line): the row has no amount", "\(name) dòng \(record.line): dòng này không có số tiền"), hint: LocalizedText("every row moves money in or out", "mỗi dòng là một khoản tiền vào hoặc ra"))
            }
            lines.append(StatementLine(row: record.line, date: parsedDate, amountMinor: value, reference: try field(reference, "reference"),
                                       description: description.flatMap { $0 < record.fields.count ? record.fields[$0] : nil } ?? ""))
        }
        return lines
    }

    static func parseDate(_ text: String) throws -> LedgerDate {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return try LedgerDate.parse(text) }
        guard parts[0].count == 2, parts[1].count == 2, parts[2].count == 4 else { throw LedgerError(.invalidDate, LocalizedText(verbatim: text), hint: .empty) }
        return try LedgerDate.parse("\(parts[2])-\(parts[1])-\(parts[0])")
    }
}

/// The outcome of matching a statement against the books. Nothing in the books changes.
public struct BankReconciliation: Sendable {
    public struct BookLine: Sendable, Equatable {
        public let seq: Int64
        public let date: LedgerDate
        public let amountMinor: Int64
        public let reference: String?
        public let memo: String
    }

    public let accountCode: String
    public let currency: Currency
    public let from: LedgerDate
    public let to: LedgerDate
    public let matched: [(statement: StatementLine, book: BookLine, byReference: Bool)]
    public let unmatchedStatement: [StatementLine]
    public let unmatchedBook: [BookLine]

    public var statementTotal: Int64 { matched.reduce(0) { $0 + $1.statement.amountMinor } + unmatchedStatement.reduce(0) { $0 + $1.amountMinor } }
    public var bookTotal: Int64 { matched.reduce(0) { $0 + $1.book.amountMinor } + unmatchedBook.reduce(0) { $0 + $1.amountMinor } }
    /// Statement minus books over the period.
    public var difference: Int64 { statementTotal - bookTotal }
    public var isReconciled: Bool { unmatchedStatement.isEmpty && unmatchedBook.isEmpty }
}

extension Ledger {
    /// Days a statement line's date may differ from the entry's when they match by amount.
    public static let bankMatchDayTolerance = 3

    /// Matches `statement` against the lines of `accountCode` dated from the statement's
    /// first to its last day (or `from`/`to`): first by reference (the entry's external
    /// reference) and equal amount, then by equal amount within three days, nearest first.
    public func reconcileBank(accountCode: String, statement: [StatementLine], from: LedgerDate? = nil, to: LedgerDate? = nil) throws -> BankReconciliation {
        try read {
            guard let account = try accountsByCode()[accountCode] else { throw Ledger.unknownAccount(accountCode) }
            guard let first = from ?? statement.map(\.date).min(), let last = to ?? statement.map(\.date).max() else {
                throw LedgerError(.invalidInput, LocalizedText("the statement has no rows", "sao kê không có dòng nào"), hint: LocalizedText("give a statement with at least one row, or \(parameter: .from) and \(parameter: .to)", "hãy dùng sao kê có ít nhất một dòng, hoặc ghi \(parameter: .from) và \(parameter: .to)"))
            }
            let foreign = account.currency != .vnd
            let book = try database.rows("""
                SELECT e.seq, e.entry_date, sum(\(foreign ? "l.amount_foreign" : "l.amount_vnd")), e.external_ref, e.memo
                FROM line l JOIN entry e ON e.seq = l.entry_seq
                WHERE l.account_id = ?1 AND e.entry_date BETWEEN ?2 AND ?3
                GROUP BY e.seq HAVING sum(\(foreign ? "l.amount_foreign" : "l.amount_vnd")) <> 0 ORDER BY e.entry_date, e.seq
                """, [account.id, first.iso, last.iso]) { row in
                BankReconciliation.BookLine(seq: row.int64(at: 0), date: try StoredValue.date(row.text(at: 1), "entry.entry_date") ?? first, amountMinor: row.int64(at: 2),
                                            reference: row.isNull(at: 3) ? nil : row.text(at: 3), memo: row.text(at: 4))
            }
            var open = book
            var matched: [(statement: StatementLine, book: BankReconciliation.BookLine, byReference: Bool)] = []
            var unmatched: [StatementLine] = []
            let inRange = statement.filter { $0.date >= first && $0.date <= last }
            for line in inRange {
                if !line.reference.isEmpty, let index = open.firstIndex(where: { $0.reference == line.reference && $0.amountMinor == line.amountMinor }) {
                    matched.append((line, open.remove(at: index), true))
                } else {
                    unmatched.append(line)
                }
            }
            var stillUnmatched: [StatementLine] = []
            for line in unmatched {
                let candidates = open.indices.filter {
                    open[$0].amountMinor == line.amountMinor && abs(open[$0].date.daysSinceEpoch - line.date.daysSinceEpoch) <= Ledger.bankMatchDayTolerance
                }
                if let index = candidates.min(by: { abs(open[$0].date.daysSinceEpoch - line.date.daysSinceEpoch) < abs(open[$1].date.daysSinceEpoch - line.date.daysSinceEpoch) }) {
                    matched.append((line, open.remove(at: index), false))
                } else {
                    stillUnmatched.append(line)
                }
            }
            matched.sort { $0.statement.row < $1.statement.row }
            return BankReconciliation(accountCode: accountCode, currency: account.currency, from: first, to: last,
                                      matched: matched, unmatchedStatement: stillUnmatched, unmatchedBook: open)
        }
    }

    public func bankReconciliationReport(_ reconciliation: BankReconciliation) throws -> Report {
        let currency = reconciliation.currency
        func amount(_ minor: Int64) -> ReportCell { currency == .vnd ? .dong(minor) : .amount(Amount(minorUnits: minor, currency: currency)) }
        let kind: ReportColumn.Kind = currency == .vnd ? .dong : .amount
        var matched = ReportTable(key: "matched", title: LocalizedText("Matched", "Đã khớp"), columns: [
            ReportColumn("row", LocalizedText("Statement row", "Dòng sao kê"), .count), ReportColumn("date", LocalizedText("Date", "Ngày"), .date),
            ReportColumn("amount", LocalizedText("Amount", "Số tiền"), kind), ReportColumn("reference", LocalizedText("Reference", "Số tham chiếu"), .text),
            ReportColumn("entry", LocalizedText("Entry", "Bút toán"), .count), ReportColumn("how", LocalizedText("Matched by", "Khớp theo"), .text),
        ])
        matched.rows = reconciliation.matched.map {
            [.count(Int64($0.statement.row)), .date($0.statement.date), amount($0.statement.amountMinor), .text($0.statement.reference),
             .count($0.book.seq), .localized($0.byReference ? LocalizedText("reference and amount", "số tham chiếu và số tiền") : LocalizedText("amount and date", "số tiền và ngày"))]
        }
        var onStatement = ReportTable(key: "statement_only", title: LocalizedText("On the statement, not in the books", "Có trên sao kê, chưa có trong sổ"), columns: [
            ReportColumn("row", LocalizedText("Statement row", "Dòng sao kê"), .count), ReportColumn("date", LocalizedText("Date", "Ngày"), .date),
            ReportColumn("amount", LocalizedText("Amount", "Số tiền"), kind), ReportColumn("reference", LocalizedText("Reference", "Số tham chiếu"), .text),
            ReportColumn("description", LocalizedText("Description", "Diễn giải"), .text),
        ])
        onStatement.rows = reconciliation.unmatchedStatement.map { [.count(Int64($0.row)), .date($0.date), amount($0.amountMinor), .text($0.reference), .text($0.description)] }
        var inBooks = ReportTable(key: "books_only", title: LocalizedText("In the books, not on the statement", "Có trong sổ, chưa có trên sao kê"), columns: [
            ReportColumn("entry", LocalizedText("Entry", "Bút toán"), .count), ReportColumn("date", LocalizedText("Date", "Ngày"), .date),
            ReportColumn("amount", LocalizedText("Amount", "Số tiền"), kind), ReportColumn("reference", LocalizedText("Reference", "Số tham chiếu"), .text),
            ReportColumn("memo", LocalizedText("Memo", "Diễn giải"), .text),
        ])
        inBooks.rows = try reconciliation.unmatchedBook.map { [.count($0.seq), .date($0.date), amount($0.amountMinor), .text($0.reference ?? ""), .localized(try description(seq: $0.seq, memo: $0.memo))] }
        return try makeReport(key: "reconcile-bank", title: LocalizedText("Bank reconciliation", "Đối chiếu sao kê ngân hàng"),
                              parameters: [(LocalizedText("Account", "Tài khoản"), .text(reconciliation.accountCode)),
                                           (LocalizedText("From", "Từ ngày"), .date(reconciliation.from)), (LocalizedText("To", "Đến ngày"), .date(reconciliation.to)),
                                           (LocalizedText("Statement total", "Tổng sao kê"), amount(reconciliation.statementTotal)),
                                           (LocalizedText("Books total", "Tổng trên sổ"), amount(reconciliation.bookTotal)),
                                           (LocalizedText("Difference (statement − books)", "Chênh lệch (sao kê − sổ)"), amount(reconciliation.difference))],
                              tables: [matched, onStatement, inBooks])
    }
}
