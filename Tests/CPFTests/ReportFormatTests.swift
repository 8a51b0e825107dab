import Foundation
#if canImport(FoundationXML)
import FoundationXML
import FundLedger
#endif
import Testing
import TestSupport

/// Each of the ten reports in each format (table, CSV, JSON, HTML) and both languages, run
/// through `cpf` on one small ledger built through `cpf` (`ReportFormatBooks`), checked
/// exactly against texts worked out by hand (`ExpectedReports`): the table byte for byte, CSV
/// as RFC 4180 records, JSON as parsed values with amounts as integers in minor units plus a
/// currency, HTML as a well-formed, self-contained page whose cells are the table's cells,
/// with its charts' labels, values and bar lengths, and a footer naming the fund, the period,
/// when it was made and the chain digest. No output names a beneficiary code; public reports
/// show a child count below 5 as "<5".
@Suite struct ReportFormatTests {
    static let books = Result { try ReportFormatBooks() }
    static let languages = ["en", "vi"]

    private func output(_ report: ReportCase, _ format: String, _ language: String) throws -> String {
        let books = try ReportFormatTests.books.get()
        let result = try books.ledger.run(["report"] + report.arguments + ["--format", format, "--lang", language])
        expectSuccess(result)
        for code in ReportFormatBooks.beneficiaryCodes {
            #expect(!result.standardOutput.contains(code), "\(report.name) (\(format), \(language)) names beneficiary \(code)")
        }
        if report.isPublic {
            #expect(result.standardOutput.contains(format == "html" ? "&lt;5" : "<5"), "\(report.name) (\(format), \(language)) masks small counts")
        }
        return result.standardOutput
    }

    // MARK: table

    @Test(arguments: ReportCase.all, languages)
    func table(_ report: ReportCase, _ language: String) throws {
        let printed = try output(report, "table", language)
        let digest = try ReportFormatTests.books.get().digest
        // Documents for donors and the public end with the digest to check the books against.
        #expect(printed.contains("cpf verify --at \(ReportFormatBooks.entryCount) --digest \(digest)\n") == report.isPublic)
        let text = printed.replacingOccurrences(of: digest, with: "DIGEST")
        #expect(text == report.table[language]! + "\n")
        if text != report.table[language]! + "\n" {
            let expected = report.table[language]!.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index >= expected.count || expected[index] != line {
                Issue.record("line \(index + 1): \(line)\n   expected: \(index < expected.count ? String(expected[index]) : "(none)")")
                break
            }
        }
        try expectLanguage(text, language, report)
    }

    // MARK: CSV

    @Test(arguments: ReportCase.all)
    func csv(_ report: ReportCase) throws {
        let english = try output(report, "csv", "en")
        let vietnamese = try output(report, "csv", "vi")
        #expect(english == vietnamese, "CSV is for machines: the same in both languages")
        #expect(english == report.csv.split(separator: "\n").map { $0 + "\r\n" }.joined(), "\(english)")
        let records = try #require(RFC4180.parse(english), "not RFC 4180:\n\(english)")
        #expect(Set(records.map(\.count)).count == 1, "every record has as many fields as the header")
        #expect(records.count == 1 + report.rowCount, "a header and one record per row")
        let header = try #require(records.first)
        #expect(Set(header).count == header.count && header.allSatisfy { $0.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" } },
                "stable lower-case keys: \(header)")
    }

    // MARK: JSON

    @Test(arguments: ReportCase.all)
    func json(_ report: ReportCase) throws {
        let books = try ReportFormatTests.books.get()
        let started = ISO8601.now()
        var objects: [[String: Any]] = []
        for language in ReportFormatTests.languages {
            let text = try output(report, "json", language)
            let object = try #require(try JSON.parse(text) as? [String: Any], "\(text)")
            #expect(object["report"] as? String == report.name)
            #expect(object["fund"] as? String == CLILedger.defaultFundName)
            #expect(JSON.integer(object["head_seq"]) == ReportFormatBooks.entryCount)
            #expect(object["head_hash"] as? String == books.digest)
            let generated = try #require(object["generated_at"] as? String)
            #expect(generated.count == 24 && generated >= started && generated <= ISO8601.now(), "generated_at \(generated)")
            try expectIntegerAmounts(object, path: report.name)
            objects.append(object)
        }
        let expected = try #require(try JSON.parse(report.json) as? [String: Any], "the expected JSON of \(report.name) parses")
        for object in objects {
            #expect(NSDictionary(dictionary: object["parameters"] as? [String: Any] ?? [:]).isEqual(to: expected["parameters"] as! [String: Any]),
                    "parameters: \(object["parameters"] ?? "none")")
            let tables = try #require(object["tables"] as? [[String: Any]])
            let expectedTables = expected["tables"] as! [[String: Any]]
            #expect(tables.count == expectedTables.count)
            for (table, wanted) in zip(tables, expectedTables) {
                #expect(NSDictionary(dictionary: table).isEqual(to: wanted), "table \(table["key"] ?? "?"):\n\(table)\nexpected\n\(wanted)")
            }
        }
        var english = objects[0], vietnamese = objects[1]
        english["generated_at"] = nil
        vietnamese["generated_at"] = nil
        #expect(NSDictionary(dictionary: english).isEqual(to: vietnamese), "JSON is for machines: the same in both languages")
    }

    /// Every number is an integer (dong, minor units, counts), and every amount in another
    /// currency is `{"minor_units": N, "currency": "XYZ"}`.
    private func expectIntegerAmounts(_ value: Any, path: String) throws {
        switch value {
        case let object as [String: Any]:
            if object["minor_units"] != nil {
                #expect(Set(object.keys) == ["minor_units", "currency"], "\(path): \(object)")
                #expect((object["currency"] as? String).map { $0.count == 3 && $0.allSatisfy(\.isUppercase) } == true, "\(path): \(object)")
            }
            for (key, member) in object { try expectIntegerAmounts(member, path: "\(path).\(key)") }
        case let array as [Any]:
            for (index, member) in array.enumerated() { try expectIntegerAmounts(member, path: "\(path)[\(index)]") }
        case let number as NSNumber:
            #expect(!number.stringValue.contains(".") && !number.stringValue.contains("e") && NSNumber(value: number.int64Value) == number,
                    "\(path) = \(number) is not an integer")
        default:
            break
        }
    }

    // MARK: HTML

    @Test(arguments: ReportCase.all, languages)
    func html(_ report: ReportCase, _ language: String) throws {
        let books = try ReportFormatTests.books.get()
        let started = ISO8601.now()
        let html = try output(report, "html", language)
        let page = try #require(HTMLPage(html), "\(report.name) (\(language)) is not well-formed:\n\(html)")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language)\">"))
        try expectSelfContained(page, html)
        // Thirteen columns of grant figures need an A4 page turned sideways; the rest fit upright.
        #expect(html.contains("@page { size: A4 landscape; }") == (report.name == "grants"))
        // The cells are those of the table format, row by row.
        let table = report.table[language]!
        let lines = table.split(separator: "\n").map { ReportFormatTests.collapsed(String($0)) }
        var next = lines.startIndex
        for row in page.rows {
            let text = ReportFormatTests.collapsed(row.filter { !$0.isEmpty }.joined(separator: " "))
            let wanted = text == "No rows" ? "(no rows)" : text == "Không có dòng nào" ? "(không có dòng nào)" : text
            guard let found = lines[next...].firstIndex(of: wanted) else {
                Issue.record("HTML row '\(text)' is not a line of the table, in order\n\(table)")
                break
            }
            next = found + 1
        }
        #expect(page.rows.count == report.htmlRowCount)
        #expect(page.text(of: "h1") == [lines[0].components(separatedBy: " — ")[0]])
        #expect(page.text(of: "title").first?.contains(CLILedger.defaultFundName) == true)
        // Footer: the fund, the period, when the report was made, and the digest to check.
        let footer = page.footer
        #expect(footer.contains(CLILedger.defaultFundName))
        for parameter in report.parameterValues(language) { #expect(footer.contains(parameter), "footer names \(parameter): \(footer)") }
        let moment = try #require(page.times.first, "a <time> in the footer")
        #expect(moment >= started && moment <= ISO8601.now() && moment.count == 24)
        // Vietnamese readers get Vietnam's local time (UTC+7) with the zone named; English, UTC.
        let local = language == "vi" ? try #require(Timestamp.parse(moment)).millisecondsSinceEpoch + 7 * 3_600_000 : nil
        let localISO = local.map { Timestamp(millisecondsSinceEpoch: $0).iso } ?? moment
        let date = String(localISO.prefix(10)), clock = String(localISO.dropFirst(11).prefix(8))
        let shown = language == "vi" ? "\(date.suffix(2))/\(date.dropFirst(5).prefix(2))/\(date.prefix(4)) \(clock) (giờ Việt Nam, UTC+7)" : "\(date) \(clock) UTC"
        #expect(footer.contains((language == "vi" ? "Lập lúc " : "Generated ") + shown), "\(footer)")
        #expect(footer.contains("cpf verify --at \(ReportFormatBooks.entryCount) --digest \(books.digest)"), "\(footer)")
        // Charts: where promised, with their labels, values and bar lengths.
        let charts = report.charts[language] ?? []
        #expect(page.charts.count == charts.count, "\(report.name) draws \(charts.count) charts")
        for (drawn, wanted) in zip(page.charts, charts) {
            #expect(drawn.texts == wanted.texts)
            #expect(drawn.bars == wanted.barLengths, "bars of \(wanted.texts.first ?? "")")
        }
        try expectLanguage(page.bodyText, language, report, dated: true)
    }

    private func expectSelfContained(_ page: HTMLPage, _ html: String) throws {
        let external: Set<String> = ["script", "link", "img", "iframe", "object", "embed", "image", "use", "base"]
        #expect(page.elements.filter { external.contains($0.lowercased()) }.isEmpty, "no element loads anything: \(page.elements)")
        #expect(page.attributes.filter { ["src", "href", "xlink:href", "action", "srcset"].contains($0.lowercased()) }.isEmpty)
        // The only URL is the SVG namespace, a name rather than something fetched.
        let lowered = html.lowercased().replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        for marker in ["http:", "https:", "=\"//", "url(", "@import", "src=", "href="] {
            #expect(!lowered.contains(marker), "no external reference (\(marker))")
        }
        #expect(page.styles == 1, "one inline style sheet")
    }

    /// Dates and numbers as the language writes them: `31/12/2018`, `1.234.567` in Vietnamese;
    /// `2018-12-31`, `1,234,567` in English, and never the other way round.
    private func expectLanguage(_ text: String, _ language: String, _ report: ReportCase, dated: Bool? = nil) throws {
        let iso = try Regex(#"\b\d{4}-\d{2}-\d{2}\b"#), vietnamese = try Regex(#"\b\d{2}/\d{2}/\d{4}\b"#)
        // Plan versus actual and the management cap cover years and name no day.
        let namesDays = dated ?? report.parameterValues("en").contains { $0.contains(iso) }
        if language == "vi" {
            #expect(!text.contains(iso), "\(report.name): no ISO date in Vietnamese")
            #expect(text.contains(vietnamese) == namesDays)
        } else {
            #expect(!text.contains(vietnamese), "\(report.name): no dd/MM/yyyy date in English")
            #expect(text.contains(iso) == namesDays)
        }
        if report.showsHealthInsurance {
            #expect(text.contains(language == "vi" ? "1.234.567" : "1,234,567"), "\(report.name) in \(language)")
        }
    }

    /// `1.234.567 ₫` and `1,234,567 VND` where an amount is written with its currency: the
    /// disclosure's chart of uses.
    @Test func dongWithItsCurrencyByLanguage() throws {
        let disclosure = try #require(ReportCase.all.first { $0.name == "disclosure" })
        let vietnamese = try #require(HTMLPage(try output(disclosure, "html", "vi")))
        let english = try #require(HTMLPage(try output(disclosure, "html", "en")))
        #expect(vietnamese.charts.last?.texts.contains("1.234.567 ₫") == true)
        #expect(english.charts.last?.texts.contains("1,234,567 VND") == true)
        #expect(!vietnamese.charts.flatMap(\.texts).contains { $0.hasSuffix(" VND") })
        #expect(!english.charts.flatMap(\.texts).contains { $0.hasSuffix(" ₫") })
    }

    /// Runs of spaces (the table's padding) as one space.
    static func collapsed(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}

/// Timestamps as `cpf` writes them (`2026-11-22T14:40:05.123Z`), which compare as text.
enum ISO8601 {
    static func now() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"
        return formatter.string(from: Date())
    }
}

/// A strict RFC 4180 reader: records end with CRLF (the last one too), fields are separated
/// by commas, a field with a comma, quote or line break is quoted, and quotes inside are
/// doubled. `nil` when the text breaks a rule.
enum RFC4180 {
    static func parse(_ text: String) -> [[String]]? {
        var records: [[String]] = [], record: [String] = [], field = ""
        var scalars = Array(text.unicodeScalars)[...]
        var quoted = false, wasQuoted = false
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty, !wasQuoted else { return nil }
                quoted = true
                wasQuoted = true
            case ",":
                record.append(field)
                field = ""
                wasQuoted = false
            case "\r":
                guard scalars.popFirst() == "\n" else { return nil }
                record.append(field)
                records.append(record)
                record = []
                field = ""
                wasQuoted = false
            case "\n":
                return nil
            default:
                guard !wasQuoted else { return nil }
                field.unicodeScalars.append(scalar)
            }
        }
        guard !quoted, field.isEmpty, record.isEmpty else { return nil }
        return records
    }
}

/// An HTML page read with Foundation's XML parser: `nil` unless it is well-formed.
final class HTMLPage: NSObject, XMLParserDelegate {
    struct Chart {
        var texts: [String] = []
        var bars: [Int] = []
    }

    private(set) var elements: [String] = []
    private(set) var attributes: [String] = []
    private(set) var rows: [[String]] = []
    private(set) var charts: [Chart] = []
    private(set) var times: [String] = []
    private(set) var footer = ""
    /// All character data outside `<style>` and `<title>`.
    private(set) var bodyText = ""
    private(set) var styles = 0
    private var texts: [String: [String]] = [:]
    private var open: [String] = []
    private var current = ""

    init?(_ html: String) {
        super.init()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = self
        guard parser.parse(), open.isEmpty else { return nil }
    }

    func text(of element: String) -> [String] { texts[element] ?? [] }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        elements.append(name)
        self.attributes += attributes.keys
        open.append(name)
        current = ""
        switch name {
        case "tr": rows.append([])
        case "svg": charts.append(Chart())
        case "style": styles += 1
        case "time": if let moment = attributes["datetime"] { times.append(moment) }
        case "rect" where attributes["height"] == "13": charts[charts.count - 1].bars.append(Int(attributes["width"] ?? "") ?? -1)
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current += string
        if !open.contains("style") && !open.contains("title") { bodyText += string }
        if open.contains("footer") { footer += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
        switch name {
        case "td", "th": rows[rows.count - 1].append(current.trimmingCharacters(in: .whitespacesAndNewlines))
        case "text": charts[charts.count - 1].texts.append(current)
        default: texts[name, default: []].append(current)
        }
        current = ""
    }
}

/// One report of the format tests: how `cpf report` is asked for it, and what it must show.
struct ReportCase: Sendable, CustomTestStringConvertible {
    /// A chart as drawn: its texts in order (title, legend, then each label and its values)
    /// and the values of its bars.
    struct Chart: Sendable {
        let texts: [String]
        let values: [Int64]

        /// Bars are 350 px for the largest value, in proportion below it, at least 1 px when
        /// the value is positive (SVGChart: 680 px wide, 210 for labels, 120 for values).
        var barLengths: [Int] {
            let largest = max(1, values.max() ?? 1)
            return values.map { $0 > 0 ? max(1, Int($0 * 350 / largest)) : 0 }
        }
    }

    let name: String
    let arguments: [String]
    /// Donor statement, reach and disclosure: small counts masked.
    let isPublic: Bool
    /// By language, without the final newline.
    let table: [String: String]
    let csv: String
    let json: String
    let charts: [String: [Chart]]
    /// Whether 1,234,567 VND of health-insurance cards is one of its figures.
    let showsHealthInsurance: Bool

    var testDescription: String { name }

    private var expectedTables: [[String: Any]] {
        ((try? JSON.parse(json)) as? [String: Any])?["tables"] as? [[String: Any]] ?? []
    }

    /// Rows of all tables (CSV records after the header).
    var rowCount: Int { expectedTables.reduce(0) { $0 + (($1["rows"] as? [Any])?.count ?? 0) } }

    /// HTML rows: each table's header, its rows (or one "No rows" row), and its totals.
    var htmlRowCount: Int {
        expectedTables.reduce(0) { $0 + 1 + max(1, ($1["rows"] as? [Any])?.count ?? 0) + ($1["totals"] == nil ? 0 : 1) }
    }

    /// What the table format prints after "Label: " under the title: the report's parameters.
    func parameterValues(_ language: String) -> [String] {
        table[language]!.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
            .prefix { $0.contains(": ") && !$0.hasPrefix("Đơn vị tính") }
            .map { String($0[$0.range(of: ": ")!.upperBound...]) }
    }
}

/// The small fund every format test reads, built through `cpf` once. What it posts, with the
/// figures the expected reports follow from (USD at 22,750 VND from SBV, 2018-01-01):
///
///  1. 2018-01-15 local budget NSDP: 500,000,000 VND into 1121 (5112).
///  2. 2018-02-01 AIA (company) gives 20,000,000 VND for scholarships (5131, unrestricted).
///  3. 2018-03-02 KFW grant KFW-2018 (10,000.00 USD committed, scholarships in TN): 4,000.00 USD
///     = 91,000,000 VND into 1122 (5121, restricted).
///  4. 2018-03-05 the 4,000.00 USD converted for 91,200,000 VND: 1121 +91,200,000, 1122 −91,000,000
///     at book value, realized gain 200,000 on 413 (restricted, on the grant).
///  5. 2018-04-01 scholarships in TN from the grant: 30,000,000 VND, 20 child-instances,
///     beneficiaries TN-0001, TN-0002.
///  6. 2018-05-01 AIA gives 10 bicycles at 1,500,000 VND: 156 +15,000,000 (5133).
///  7. 2018-06-01 3 bicycles handed out in TN: 4,500,000 VND (6115), 3 child-instances.
///  8. 2018-07-02 health-insurance cards in TN: 1,234,567 VND (6116), 7 child-instances.
///  9. 2018-08-01 emergency support in TN: 5,000,000 VND (6117), 2 child-instances —
/// 10. 2018-08-02 reversed ("paid twice").
/// 11. 2018-09-10 scholarships in TN-TB (a commune of TN) from the grant: 6,000,000 VND,
///     4 child-instances, beneficiary TB-0007.
/// 12. 2018-10-31 office costs 2,000,000 VND (6422, management).
/// 13. 2018-12-31 interest 150,000 VND (515).
/// 14. 2018-11-15 AIA gives 3,000,000 VND (5131), posted after entry 13.
/// Plan: 40,000,000 VND of scholarships in 2018.
///
/// So, at 2018-12-31: 1121 = 500,000,000 + 20,000,000 + 91,200,000 − 30,000,000 − 1,234,567
/// − 5,000,000 + 5,000,000 − 6,000,000 − 2,000,000 + 150,000 + 3,000,000 = 575,115,433; 156 =
/// 10,500,000; revenue 629,150,000 (500,000,000 + 91,000,000 + 23,000,000 + 15,000,000 + 150,000);
/// uses 43,734,567 (36,000,000 + 4,500,000 + 1,234,567 + 2,000,000); surplus and net assets
/// 629,150,000 − 43,734,567 + 200,000 = 585,615,433 = assets; restricted 91,000,000 + 200,000
/// − 36,000,000 = 55,200,000; the grant's remaining dollars 4,000.00 − 36,000,000 × 4,000.00 /
/// 91,200,000 = 4,000.00 − 1,578.95 = 2,421.05 USD; qualifying revenue for the cap 629,150,000
/// − 500,000,000 − 15,000,000 = 114,150,000, cap 11,415,000, costs 2,000,000 (1.8 %); plan
/// 36,000,000 / 40,000,000 = 90.0 %.
final class ReportFormatBooks: Sendable {
    static let entryCount: Int64 = 14
    static let beneficiaryCodes = ["TN-0001", "TN-0002", "TB-0007"]

    let ledger: CLILedger
    /// The chain head digest `cpf verify` prints.
    let digest: String

    init() throws {
        let ledger = try CLILedger()
        for command in ReportFormatBooks.commands { try ledger.mustRun(command) }
        guard let digest = try ledger.mustRun(["verify"]).standardOutput.headDigest else {
            throw CLISetupError(arguments: ["verify"], result: try ledger.run(["verify"]))
        }
        self.ledger = ledger
        self.digest = digest
    }

    static let commands: [[String]] = [
        ["funder", "add", "NSDP", "--name", "Ngân sách tỉnh Thử nghiệm", "--kind", "government-local"],
        ["funder", "add", "KFW", "--name", "Kinderhilfe e.V.", "--kind", "ngo", "--currency", "USD", "--country", "DE"],
        ["funder", "add", "AIA", "--name", "AIA Việt Nam", "--kind", "company"],
        ["unit", "add", "TN", "--name", "Tỉnh Tây Ninh", "--level", "province"],
        ["unit", "add", "TN-TB", "--name", "Xã Tân Biên", "--level", "commune", "--parent", "TN"],
        ["grant", "add", "KFW-2018", "--funder", "KFW", "--amount", "10000.00 USD", "--programs", "scholarship", "--units", "TN",
         "--from", "2018-01-01", "--to", "2018-12-31"],
        ["plan", "set", "--year", "2018", "--program", "scholarship", "--amount", "40000000 VND"],
        ["receive", "--date", "2018-01-15", "--funder", "NSDP", "--amount", "500000000 VND", "--ref", "PT-01"],
        ["receive", "--date", "2018-02-01", "--funder", "AIA", "--amount", "20000000 VND", "--program", "scholarship", "--ref", "PT-04"],
        ["receive", "--date", "2018-03-02", "--funder", "KFW", "--grant", "KFW-2018", "--amount", "4000.00 USD", "--ref", "PT-02"],
        ["convert", "--date", "2018-03-05", "--from", "1122", "--amount", "4000.00 USD", "--into", "1121", "--received", "91200000 VND",
         "--grant", "KFW-2018", "--ref", "BC-01"],
        ["disburse", "--date", "2018-04-01", "--program", "scholarship", "--unit", "TN", "--grant", "KFW-2018", "--amount", "30000000 VND",
         "--children", "20", "--beneficiaries", "TN-0001,TN-0002", "--ref", "PC-01"],
        ["receive", "--date", "2018-05-01", "--funder", "AIA", "--in-kind", "--item", "bicycle", "--quantity", "10", "--unit-value", "1500000 VND",
         "--basis", "supplier invoice", "--unit-name", "chiếc", "--ref", "PT-03"],
        ["disburse", "--date", "2018-06-01", "--program", "bicycle", "--unit", "TN", "--in-kind", "bicycle", "--quantity", "3", "--children", "3", "--ref", "PC-02"],
        ["disburse", "--date", "2018-07-02", "--program", "health-insurance", "--unit", "TN", "--amount", "1234567 VND", "--children", "7", "--ref", "PC-03"],
        ["disburse", "--date", "2018-08-01", "--program", "emergency", "--unit", "TN", "--amount", "5000000 VND", "--children", "2", "--ref", "PC-04"],
        ["reverse", "9", "--reason", "paid twice", "--date", "2018-08-02"],
        ["disburse", "--date", "2018-09-10", "--program", "scholarship", "--unit", "TN-TB", "--grant", "KFW-2018", "--amount", "6000000 VND",
         "--children", "4", "--beneficiaries", "TB-0007", "--ref", "PC-05"],
        ["post", "--date", "2018-10-31", "--memo", "Office costs, October", "--ref", "PC-06", "--debit", "6422 2000000 VND", "--credit", "1121 2000000 VND"],
        ["receive", "--date", "2018-12-31", "--interest", "--amount", "150000 VND", "--ref", "BC-02"],
        ["receive", "--date", "2018-11-15", "--funder", "AIA", "--amount", "3000000 VND", "--ref", "PT-05"],
    ]
}
