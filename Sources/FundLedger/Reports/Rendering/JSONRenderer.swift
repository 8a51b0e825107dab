/// Renders a report as JSON with stable field names: the column keys. Dong are integers;
/// other amounts are `{"minor_units": 1000000, "currency": "USD"}`; dates are ISO strings;
/// percentages are `{"part": …, "whole": …}` so nothing is rounded for the reader.
public struct JSONRenderer {
    public init() {}

    public func render(_ report: Report) -> String {
        var object: [(String, JSONValue)] = [
            ("report", .string(report.key)),
            ("title", .string(report.title.english)),
            ("fund", .string(report.fundName)),
            ("generated_at", .string(report.generatedAt.iso)),
            ("head_seq", .integer(report.headSeq)),
            ("head_hash", .string(report.headHash.hexString)),
        ]
        object.append(("parameters", .object(report.parameters.map { (parameterKey($0.label.english), value($0.value, isPublic: report.isPublic)) })))
        object.append(("tables", .array(report.tables.map { table(report, $0) })))
        return JSONValue.object(object).serialized() + "\n"
    }

    private func table(_ report: Report, _ table: ReportTable) -> JSONValue {
        func row(_ cells: [ReportCell]) -> JSONValue {
            .object(zip(table.columns, cells).map { ($0.key, value($1, isPublic: report.isPublic)) })
        }
        var fields: [(String, JSONValue)] = [("key", .string(table.key)), ("rows", .array(table.rows.map(row)))]
        if let totals = table.totals { fields.append(("totals", row(totals))) }
        return .object(fields)
    }

    private func parameterKey(_ label: String) -> String {
        String(label.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    private func value(_ cell: ReportCell, isPublic: Bool) -> JSONValue {
        switch cell {
        case .empty: return .null
        case .text(let text): return .string(text)
        case .localized(let text): return .string(text.english)
        case .dong(let dong): return .integer(dong)
        case .amount(let amount): return .object([("minor_units", .integer(amount.minorUnits)), ("currency", .string(amount.currency.code))])
        case .count(let count): return .integer(count)
        case .children(let count):
            guard isPublic else { return .integer(count) }
            if case .rounded(let value) = PublishedCount(count) { return .integer(value) }
            return PublishedCount(count) == .zero ? .integer(0) : .string(PublishedCount(count).machineText)
        case .withheldCount: return .string(PublishedCount.withheld.machineText)
        case .percent(let part, let whole): return .object([("part", .integer(part)), ("whole", .integer(whole))])
        case .date(let date): return .string(date.iso)
        case .identifier(let number): return .integer(number)
        }
    }
}
