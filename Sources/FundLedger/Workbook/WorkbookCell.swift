/// One cell of a workbook row, typed: numbers are numbers a spreadsheet adds up, dates are
/// dates it sorts, text is text it never evaluates.
///
/// Every number is exact: an integer, or an integer count of 10^-exponent units written as its
/// exact decimal text (`1234.56`), never through `Double`. A number of more than 15 significant
/// digits — more than Excel keeps ("Excel specifications and limits": number precision, 15
/// digits) — is written as text instead, so no digit is silently changed.
public enum WorkbookCell: Sendable, Equatable {
    case empty
    /// Text, written as an inline string: a text that starts with `=` stays text.
    case text(String)
    /// A whole number with grouping: `1.234.567` (Vietnamese), `1,234,567` (English). Dong
    /// and counts.
    case integer(Int64)
    /// A number that names something, such as an entry's sequence number: no grouping.
    case identifier(Int64)
    /// `units` × 10^-`exponent`, shown with grouping and exactly `exponent` decimals, and
    /// `unit` (a currency code) after the number when one is given: `10.000,00 USD`.
    case decimal(Int64, exponent: Int, unit: String? = nil)
    /// `units` × 10^-`exponent`, shown as the spreadsheet shows a plain number: for exchange
    /// rates, whose decimals vary (`22750`, `23175.5`).
    case plainDecimal(Int64, exponent: Int)
    /// A percentage given in tenths of a percent (`2750` is 275.0 %), shown with one decimal.
    case percent(tenths: Int64)
    /// A date, as a serial day number with a date format.
    case date(LedgerDate)
}

/// What a row is, which decides how its cells look and whether they size the columns.
public enum WorkbookRowStyle: Sendable, Equatable {
    /// A row of figures.
    case body
    /// Column titles: bold, a rule under them. The rows down to the last header row written
    /// before the first body row stay in view when scrolling (a frozen pane).
    case header
    /// A totals row: bold, a rule above.
    case totals
    /// A heading above a table: bold and larger. It does not size the columns: it runs over
    /// the empty cells to its right.
    case title
    /// A line of text above or below a table (the fund, the period, a note): plain, and it
    /// does not size the columns.
    case caption

    /// Whether the row's cells widen the columns.
    var sizesColumns: Bool { self == .body || self == .header || self == .totals }
}

extension WorkbookCell {
    /// Excel's largest number of significant digits; longer numbers are written as text.
    static let significantDigitsMax = 15

    /// The serial day number of a date, counted from 1899-12-30 as Excel and LibreOffice count
    /// dates from 1900-03-01 on (ECMA-376 Part 1, §18.17.4.1): 1970-01-01 is 25569.
    static func serialDay(_ date: LedgerDate) -> Int { date.daysSinceEpoch + 25_569 }

    /// Dates before this are written as text: Excel counts them one day off, since it keeps a
    /// 29 February 1900 that never was (the Lotus 1-2-3 leap-year bug), and LibreOffice does not.
    static let serialDatesStart = LedgerDate(uncheckedYear: 1900, month: 3, day: 1)

    /// How many characters the cell shows, to size its column.
    var displayWidth: Int {
        func digits(_ value: Int64) -> Int { value.magnitude == 0 ? 1 : String(value.magnitude).count }
        func grouped(_ value: Int64, exponent: Int) -> Int {
            // Past 15 digits the number is written as its plain text.
            if value.magnitude >= 1_000_000_000_000_000 { return Amount.decimalText(value, exponent: exponent).count }
            let all = max(digits(value), exponent + 1)
            let whole = all - exponent
            return whole + (whole - 1) / 3 + (exponent > 0 ? exponent + 1 : 0) + (value < 0 ? 1 : 0)
        }
        switch self {
        case .empty: return 0
        case .text(let text): return text.count
        case .integer(let value): return grouped(value, exponent: 0)
        case .identifier(let value): return digits(value) + (value < 0 ? 1 : 0)
        case .decimal(let value, let exponent, let unit): return grouped(value, exponent: exponent) + (unit.map { $0.count + 1 } ?? 0)
        case .plainDecimal(let value, let exponent): return max(digits(value), exponent + 1) + (exponent > 0 ? 1 : 0) + (value < 0 ? 1 : 0)
        case .percent(let tenths): return grouped(tenths, exponent: 1) + 2
        case .date: return 10
        }
    }
}
