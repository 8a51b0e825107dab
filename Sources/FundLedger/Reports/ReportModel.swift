/// A column of a report table.
public struct ReportColumn: Sendable {
    public enum Kind: Sendable {
        case text
        /// Whole dong.
        case dong
        /// An amount in the currency its cell names.
        case amount
        /// A count (child-instances, entries, quantities).
        case count
        /// A percentage, from a part and a whole.
        case percent
        case date
    }

    /// The stable key used as CSV header and JSON field name, e.g. `debit_vnd`.
    public let key: String
    public let title: LocalizedText
    public let kind: Kind

    public init(_ key: String, _ title: LocalizedText, _ kind: Kind) {
        self.key = key
        self.title = title
        self.kind = kind
    }

    var isNumeric: Bool { kind != .text && kind != .date }
}

/// One cell of a report table.
public enum ReportCell: Sendable, Equatable {
    case empty
    case text(String)
    case localized(LocalizedText)
    case dong(Int64)
    case amount(Amount)
    case count(Int64)
    /// A count of child-instances. Public outputs show it as `PublishedCount` does: a count
    /// below 5 as "<5", the others rounded to 5, so a small group of children cannot be
    /// singled out or worked out.
    case children(Int64)
    /// A total of child-instances a public output withholds, since with the rows beside it
    /// it would give away a count shown as "<5" (`SmallCounts`).
    case withheldCount
    case percent(part: Int64, whole: Int64)
    case date(LedgerDate)
    /// A number that names something, such as an entry's sequence number: written without
    /// grouping (entry 1253, not 1,253).
    case identifier(Int64)
}

/// One table of a report: columns, rows and an optional totals row.
public struct ReportTable: Sendable {
    /// Stable key of the section, e.g. `assets`.
    public let key: String
    public let title: LocalizedText?
    public let columns: [ReportColumn]
    public var rows: [[ReportCell]]
    public var totals: [ReportCell]?
    /// The columns whose text orders the rows in the reader's language (Vietnamese collation
    /// in Vietnamese), applied by `Report.inReadingOrder`; empty: the rows keep their order.
    public var orderedBy: [Int] = []

    public init(key: String, title: LocalizedText? = nil, columns: [ReportColumn], rows: [[ReportCell]] = [], totals: [ReportCell]? = nil) {
        self.key = key
        self.title = title
        self.columns = columns
        self.rows = rows
        self.totals = totals
    }

    /// The rows ordered by `orderedBy` as a reader of `language` sorts names (stable).
    func rowsInReadingOrder(_ language: Language) -> [[ReportCell]] {
        guard !orderedBy.isEmpty else { return rows }
        func sortText(_ row: [ReportCell]) -> [String] {
            orderedBy.map { column in
                switch row[column] {
                case .text(let text): text
                case .localized(let text): text(language)
                default: ""
                }
            }
        }
        let keys: [[String]] = rows.map(sortText)
        let order = rows.indices.sorted { left, right in
            for (a, b) in zip(keys[left], keys[right]) where a != b { return ReportTable.precedes(a, b, in: language) }
            return left < right
        }
        return order.map { rows[$0] }
    }

    /// Whether `a` sorts before `b` for a reader of `language`.
    static func precedes(_ a: String, _ b: String, in language: Language) -> Bool {
        if language == .vietnamese { return VietnameseCollation.precedes(a, b) }
        let (lowerA, lowerB) = (a.lowercased(), b.lowercased())
        return lowerA != lowerB ? lowerA < lowerB : a < b
    }
}

extension Report {
    /// The report with every table's rows in the order a reader of `language` expects
    /// (`ReportTable.orderedBy`); every renderer is given this.
    public func inReadingOrder(_ language: Language) -> Report {
        var report = self
        for index in report.tables.indices { report.tables[index].rows = report.tables[index].rowsInReadingOrder(language) }
        return report
    }
}

/// A finished report, ready to render in any format and language.
public struct Report: Sendable {
    /// Stable key, e.g. `trial-balance`.
    public let key: String
    public let title: LocalizedText
    public let fundName: String
    /// What the report covers, e.g. ("As of", "2018-12-31").
    public var parameters: [(label: LocalizedText, value: ReportCell)]
    public var tables: [ReportTable]
    public var notes: [LocalizedText]
    public let generatedAt: Timestamp
    /// The chain head when the report was made: anyone can later check it with `cpf verify --digest`.
    public let headSeq: Int64
    public let headHash: [UInt8]
    /// Whether the report is for the public or a donor: small child counts are masked.
    public var isPublic: Bool
    /// Pictures of the figures, drawn in HTML output.
    public var charts: [ReportChart] = []
    /// Whether the HTML page is A4 landscape: for tables too wide for a portrait page.
    public var isLandscape = false
    /// For a report over several ledgers (`cpf consolidate`): what stands in for the one
    /// ledger's digest and its check, since each fund's digest is in the report's table of funds.
    public var digestText: LocalizedText?

    /// The unit of the figures that name no currency (Vietnamese forms' "Đơn vị tính"):
    /// shown under the parameters of any report with a column of dong.
    public var unitLine: LocalizedText? {
        let kinds = Set(tables.flatMap { $0.columns.map(\.kind) })
        guard kinds.contains(.dong) else { return nil }
        return kinds.contains(.amount) ? LocalizedText("Amounts in VND unless another currency is shown", "Đơn vị tính: đồng, trừ khi ghi loại tiền khác")
                                       : LocalizedText("Amounts in VND", "Đơn vị tính: đồng")
    }

    public init(key: String, title: LocalizedText, fundName: String, parameters: [(label: LocalizedText, value: ReportCell)] = [],
                tables: [ReportTable], notes: [LocalizedText] = [], generatedAt: Timestamp, headSeq: Int64, headHash: [UInt8], isPublic: Bool = false) {
        self.key = key
        self.title = title
        self.fundName = fundName
        self.parameters = parameters
        self.tables = tables
        self.notes = notes
        self.generatedAt = generatedAt
        self.headSeq = headSeq
        self.headHash = headHash
        self.isPublic = isPublic
    }
}

/// A bar chart of some of a report's figures, drawn as inline SVG in HTML output.
public struct ReportChart: Sendable {
    public struct Series: Sendable {
        public let name: LocalizedText
        public let values: [Int64]
    }

    public enum ValueKind: Sendable {
        case dong
        case count
    }

    /// How several series share a row.
    public enum Style: Sendable {
        /// A bar per series, one under the other, each with its value written after it.
        case grouped
        /// The series drawn over one another from one baseline, the first (the largest, e.g.
        /// committed) palest and widest, each next one darker: one thin row per label, so a
        /// long list fits a page. The last series is drawn as a marker that starts where the
        /// one before it ends (e.g. available after spent), and its value is written at the
        /// end of the row.
        case overlaid
    }

    public let title: LocalizedText
    public let labels: [LocalizedText]
    /// One or more series (e.g. plan and actual), each with a value per label.
    public let series: [Series]
    public let valueKind: ValueKind
    public let style: Style

    public init(title: LocalizedText, labels: [LocalizedText], series: [Series], valueKind: ValueKind, style: Style = .grouped) {
        precondition(series.allSatisfy { $0.values.count == labels.count })
        self.title = title
        self.labels = labels
        self.series = series
        self.valueKind = valueKind
        self.style = style
    }
}

/// The output formats of every report.
public enum ReportFormat: String, Sendable, CaseIterable {
    case table
    case csv
    case json
    case html
    /// An Office Open XML workbook (`ReportWorkbook`), written to a file (`--output`).
    case xlsx
}
