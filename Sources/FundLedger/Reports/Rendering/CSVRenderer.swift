/// Renders a report as RFC 4180 CSV: one header of stable column keys, then one record per
/// row, every record with the same number of fields (RFC 4180 §2.4). Amount columns become
/// two columns, the exact decimal and its currency. When a report has several tables, a first
/// `section` column names the table of each row, and the header is the union of the tables'
/// columns in order of appearance; a row leaves the columns of other tables empty. Totals rows
/// are left out: they are sums anyone can recompute.
public struct CSVRenderer {
    public init() {}

    public func render(_ report: Report) -> String {
        let sectioned = report.tables.count > 1
        var header = sectioned ? ["section"] : []
        for table in report.tables {
            for key in table.columns.flatMap(CSVRenderer.fieldKeys) where !header.contains(key) { header.append(key) }
        }
        let position = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        var output = CSVWriter.record(header)
        for table in report.tables {
            for row in table.rows {
                var fields = Array(repeating: "", count: header.count)
                if sectioned { fields[0] = table.key }
                for (column, cell) in zip(table.columns, row) {
                    fields[position[column.key]!] = cell.machineText(isPublic: report.isPublic)
                    if column.kind == .amount, case .amount(let amount) = cell { fields[position[column.key + "_currency"]!] = amount.currency.code }
                }
                output += CSVWriter.record(fields)
            }
        }
        return output
    }

    /// The CSV fields of a column: its key, and for an amount also `KEY_currency`.
    static func fieldKeys(_ column: ReportColumn) -> [String] {
        column.kind == .amount ? [column.key, column.key + "_currency"] : [column.key]
    }
}
