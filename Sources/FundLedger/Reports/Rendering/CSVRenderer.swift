/// Renders a report as RFC 4180 CSV: a header of stable column keys, then one record per
/// row. Amount columns become two columns, the exact decimal and its currency. When a report
/// has several tables, a first `section` column names the table of each row. Totals rows are
/// left out: they are sums anyone can recompute.
public struct CSVRenderer {
    public init() {}

    public func render(_ report: Report) -> String {
        let sectioned = report.tables.count > 1
        var output = ""
        var headerWritten: [String]?
        for table in report.tables {
            var header = sectioned ? ["section"] : []
            for column in table.columns {
                header.append(column.key)
                if column.kind == .amount { header.append(column.key + "_currency") }
            }
            if headerWritten != header {
                output += CSVWriter.record(header)
                headerWritten = header
            }
            for row in table.rows {
                var fields = sectioned ? [table.key] : []
                for (column, cell) in zip(table.columns, row) {
                    fields.append(cell.machineText(isPublic: report.isPublic))
                    if column.kind == .amount {
                        if case .amount(let amount) = cell { fields.append(amount.currency.code) } else { fields.append("") }
                    }
                }
                output += CSVWriter.record(fields)
            }
        }
        return output
    }
}
