import Foundation
import Testing
import TestSupport

/// The demonstration scenarios' reports show the figures the provinces published (docs/domain.md §2,
/// shared/seeds/): `cpf demo --scenario NAME --db PATH`, then `cpf report …` on its ledger.
@Suite struct DemoReportTests {
    /// One scenario's ledger, built once by `cpf demo`, with what the demo printed.
    final class Demo: Sendable {
        let directory = TemporaryDirectory("cpf-demo-reports")
        let path: String
        let printed: String
        let output: String

        init(_ scenario: String) throws {
            path = directory.file("\(scenario).cpf")
            output = directory.file("html")
            let result = try CPFRunner.run(["--db", path, "demo", "--scenario", scenario, "--output", output], in: directory.path)
            guard result.status == 0 else { throw CLISetupError(arguments: ["demo", "--scenario", scenario], result: result) }
            printed = result.standardOutput
        }

        func report(_ arguments: [String], format: String = "table", language: String = "en") throws -> String {
            let result = try CPFRunner.run(["--db", path, "report"] + arguments + ["--format", format, "--lang", language])
            guard result.status == 0, result.standardError.isEmpty else { throw CLISetupError(arguments: arguments, result: result) }
            return result.standardOutput
        }

        /// The rows of table `key` of a JSON report, and its totals.
        func table(_ arguments: [String], _ key: String) throws -> (rows: [[String: Any]], totals: [String: Any]) {
            let object = try JSON.parse(try report(arguments, format: "json")) as? [String: Any]
            let table = (object?["tables"] as? [[String: Any]])?.first { $0["key"] as? String == key }
            return (table?["rows"] as? [[String: Any]] ?? [], table?["totals"] as? [String: Any] ?? [:])
        }
    }

    static let thuaThienHue = Result { try Demo("thua-thien-hue-2016-2020") }
    static let konTum = Result { try Demo("kon-tum-2013-2020") }
    static let tayNinh = Result { try Demo("tay-ninh-2018") }

    /// The table's lines with runs of spaces as one: `All programs All sources …`.
    private func lines(_ text: String) -> [String] { text.lines.map(ReportFormatTests.collapsed) }

    // MARK: Thừa Thiên Huế 2016–2020

    /// "96.245 billion VND spent against a 35 billion plan is 275 %" (docs/domain.md §2).
    @Test func thuaThienHuePlanVersusActualIs275Percent() throws {
        let demo = try DemoReportTests.thuaThienHue.get()
        let years = ["plan-vs-actual", "--from-year", "2016", "--to-year", "2020"]
        // 96,245,000,000 / 35,000,000,000 = 2.7499 → 275.0 % to one decimal.
        #expect(lines(try demo.report(years)).contains("All programs All sources 35,000,000,000 96,245,000,000 275.0 %"))
        #expect(lines(try demo.report(years, language: "vi")).contains("Tất cả chương trình Tất cả nguồn 35.000.000.000 96.245.000.000 275,0 %"))
        let plans = try demo.table(years, "plans").rows
        #expect(plans.count == 1)
        #expect(JSON.integer(plans.first?["plan_vnd"]) == 35_000_000_000 && JSON.integer(plans.first?["actual_vnd"]) == 96_245_000_000)
        #expect(lines(demo.printed).contains("All programs All sources 35,000,000,000 96,245,000,000 275.0 %"), "the demo prints it")
        // One year: 19,300,000,000 against 7,000,000,000 = 275.71… %.
        #expect(lines(try demo.report(["plan-vs-actual", "--year", "2018"])).contains("All programs All sources 7,000,000,000 19,300,000,000 275.7 %"))
        let html = try demo.report(years, format: "html", language: "vi")
        let page = try #require(HTMLPage(html))
        #expect(page.rows.contains(["Tất cả chương trình", "Tất cả nguồn", "35.000.000.000", "96.245.000.000", "275,0 %"]))
        #expect(page.charts.first?.texts == ["Kế hoạch và thực hiện", "Kế hoạch", "Thực hiện", "Tất cả chương trình", "35.000.000.000 ₫", "96.245.000.000 ₫"])
        // Bars: 96,245,000,000 is the full 350 px; 35,000,000,000 × 350 / 96,245,000,000 = 127.3.
        #expect(page.charts.first?.bars == [127, 350])
    }

    /// "The fund mobilized more than 35 billion VND and supported more than 66,000
    /// child-instances."
    @Test func thuaThienHueFundMoneyAndChildInstances() throws {
        let demo = try DemoReportTests.thuaThienHue.get()
        let period = ["--from", "2016-01-01", "--to", "2020-12-31"]
        let receipts = try demo.table(["activities"] + period, "receipts")
        let fundMoney = receipts.rows.filter { $0["source"] as? String != "Local state budget" }.compactMap { JSON.integer($0["amount_vnd"]) }.reduce(0, +)
        // Companies 14,200,000,000 + individuals 9,000,000,000 + the NGO's 529,000 USD at yearly rates 11,993,557,000.
        #expect(fundMoney == 14_200_000_000 + 9_000_000_000 + 11_993_557_000)
        #expect(fundMoney > 35_000_000_000)
        #expect(JSON.integer(receipts.totals["amount_vnd"]) == 96_245_000_000)
        let reach = try demo.table(["reach"] + period, "reach")
        let published: Int64 = 12_600 + 13_000 + 13_300 + 13_600 + 13_900
        #expect(JSON.integer(reach.totals["children"]) == published, "the scenario's child-instances by year")
        #expect(JSON.integer(reach.totals["children"])! > 66_000)
        #expect(lines(try demo.report(["reach"] + period, language: "vi")).last { $0.hasPrefix("Tổng cộng") } == "Tổng cộng 66.400 96.245.000.000")
    }

    // MARK: Kon Tum 2013–2020

    /// "State budget 20,594 million VND = 7,266 central + 13,328 local."
    @Test func konTumStateBudget() throws {
        let demo = try DemoReportTests.konTum.get()
        let receipts = try demo.table(["activities", "--from", "2013-01-01", "--to", "2020-12-31"], "receipts").rows
        func source(_ name: String) -> Int64 { receipts.filter { $0["source"] as? String == name }.compactMap { JSON.integer($0["amount_vnd"]) }.reduce(0, +) }
        #expect(source("Central state budget") == 7_266_000_000)
        #expect(source("Local state budget") == 13_328_000_000)
        #expect(source("Central state budget") + source("Local state budget") == 20_594_000_000)
        let trial = lines(try demo.report(["trial-balance", "--to", "2020-12-31"], language: "vi"))
        #expect(trial.contains("5111 Ngân sách Trung ương cấp 0 7.266.000.000 7.266.000.000"), "\(trial)")
        #expect(trial.contains("5112 Ngân sách địa phương cấp 0 13.328.000.000 13.328.000.000"))
        // Year by year, the public disclosures add up to the same.
        var disclosed: Int64 = 0
        for year in 2013...2020 {
            disclosed += try demo.table(["disclosure", "--year", String(year)], "receipts").rows
                .filter { ["Central state budget", "Local state budget"].contains($0["source"] as? String) }.compactMap { JSON.integer($0["money_vnd"]) }.reduce(0, +)
        }
        #expect(disclosed == 20_594_000_000)
    }

    /// "24 NGOs and 2 individuals committed 10.2 million USD ≈ 236 billion VND through 51
    /// programs."
    @Test func konTumForeignCommitments() throws {
        let demo = try DemoReportTests.konTum.get()
        let grants = try demo.table(["grants", "--to", "2020-12-31"], "grants")
        #expect(grants.rows.count == 51)
        #expect(Set(grants.rows.compactMap { $0["funder"] as? String }).count == 26)
        let committed = grants.rows.compactMap { ($0["committed"] as? [String: Any]).flatMap { JSON.integer($0["minor_units"]) } }
        #expect(committed.count == 51 && committed.reduce(0, +) == 1_020_000_000, "10,200,000.00 USD")
        #expect(grants.rows.allSatisfy { ($0["committed"] as? [String: Any])?["currency"] as? String == "USD" })
        // At the 2020-12-31 rate, 23,130: 10,200,000 × 23,130 = 235,926,000,000 ≈ 236 billion.
        #expect(JSON.integer(grants.totals["committed_vnd"]) == 235_926_000_000)
    }

    /// "The fund at all levels helps more than 20,000 child-instances a year."
    @Test(arguments: 2013...2020)
    func konTumReachesMoreThan20000ChildInstancesAYear(_ year: Int) throws {
        let demo = try DemoReportTests.konTum.get()
        let reach = try demo.table(["reach", "--year", String(year)], "reach")
        #expect(JSON.integer(reach.totals["children"]).map { $0 > 20_000 } == true, "\(year): \(reach.totals)")
    }

    /// Spending of one program from two sources (foreign NGOs and foreign individuals) shows as
    /// two rows that say so, not as two rows that look alike.
    @Test func konTumUsesNameTheirSource() throws {
        let demo = try DemoReportTests.konTum.get()
        let uses = try demo.table(["activities", "--year", "2018"], "uses").rows
        let keys = uses.map { row in ["program", "source", "account", "restriction"].map { row[$0] as? String ?? "" } }
        #expect(Set(keys).count == keys.count, "each row is a different program, source, account or restriction")
        let sources = Dictionary(grouping: keys, by: { $0[0] }).mapValues { Set($0.map { $0[1] }) }
        #expect(sources.values.contains { $0.isSuperset(of: ["Foreign NGOs", "Individuals"]) }, "\(sources)")
        let table = try demo.report(["activities", "--year", "2018"])
        let rows = table.lines.filter { $0.hasPrefix("Milk and nutrition") }
        #expect(Set(rows.map { String($0.prefix(80)) }).count == rows.count, "\(rows)")
    }

    /// Entry numbers in a register are names, not amounts: 1253, never 1.253 or 1,253.
    @Test func konTumRegisterWritesEntryNumbersWithoutGrouping() throws {
        let demo = try DemoReportTests.konTum.get()
        let arguments = ["ledger", "--account", "1122", "--from", "2018-03-01", "--to", "2018-04-30"]
        let seqs = try demo.table(arguments, "lines").rows.compactMap { JSON.integer($0["seq"]) }
        let large = seqs.filter { $0 >= 1000 }
        #expect(!large.isEmpty)
        for language in ["en", "vi"] {
            let text = try demo.report(arguments, language: language)
            for seq in large {
                let grouped = "\(seq / 1000)\(language == "vi" ? "." : ",")\(String(seq % 1000).leftPadded(3))"
                #expect(text.contains(" \(seq)  ") && !text.contains(" \(grouped)  "), "entry \(seq) in \(language)")
            }
        }
    }

    // MARK: Tây Ninh 2018

    /// "Monthly scholarships totalling 240,000,000 VND and one house worth 50,000,000 VND."
    @Test func tayNinhScholarshipsAndHouse() throws {
        let demo = try DemoReportTests.tayNinh.get()
        let plans = lines(try demo.report(["plan-vs-actual", "--year", "2018"], language: "vi"))
        // 4 savings books of 10,000,000 + 2 of 5,000,000 + 10 monthly instalments of 19,000,000
        // = 240,000,000, as planned.
        #expect(plans.contains("Học bổng Tất cả nguồn 240.000.000 240.000.000 100,0 %"), "\(plans)")
        #expect(plans.contains("Nhà ở Tất cả nguồn 50.000.000 50.000.000 100,0 %"))
    }

    /// The public disclosure of 2018: 400 gift packages (1,000,000 VND cash + a 200,000 VND
    /// gift), 90 bicycles, milk for 1,337 children, and the house for a family of 3 children
    /// shown as "<5".
    @Test func tayNinhDisclosure() throws {
        let demo = try DemoReportTests.tayNinh.get()
        let uses = try demo.table(["disclosure", "--year", "2018"], "uses").rows
        func use(_ program: String) -> (Int64?, Any?) {
            let row = uses.first { $0["program"] as? String == program }
            return (JSON.integer(row?["spent_vnd"]), row?["children"])
        }
        let gifts = use("Gifts (Tết, Children's Day, Mid-Autumn)"), bicycles = use("Bicycles"), milk = use("Milk and nutrition")
        let scholarships = use("Scholarships"), houses = use("Houses")
        let giftsDong: Int64 = 400 * (1_000_000 + 200_000), scholarshipChildren: Int64 = 4 + 2 + 10 * 38
        #expect(gifts.0 == giftsDong)
        #expect(JSON.integer(gifts.1) == 400)
        #expect(bicycles.0 == Int64(90 * 1_500_000))
        #expect(JSON.integer(bicycles.1) == 90)
        #expect(milk.0 == Int64(1_337 * 500_000))
        // Published counts are rounded to 5 (docs/privacy.md): 1,337 shows as 1,335.
        #expect(JSON.integer(milk.1) == 1_335)
        #expect(scholarships.0 == 240_000_000)
        #expect(JSON.integer(scholarships.1) == (scholarshipChildren + 2) / 5 * 5)
        #expect(houses.0 == 50_000_000)
        #expect(houses.1 as? String == "<5")
        let receipts = try demo.table(["disclosure", "--year", "2018"], "receipts").rows
        let campaign = receipts.filter { ($0["donor"] as? String)?.contains("Cặp lá yêu thương") == true }
        // The campaign: more than 250,000,000 VND and the 6 savings books (50,000,000 VND in kind).
        #expect(campaign.compactMap { JSON.integer($0["money_vnd"]) }.reduce(0, +) == 252_000_000)
        let savingsBooks: Int64 = 4 * 10_000_000 + 2 * 5_000_000
        let inKind = campaign.compactMap { JSON.integer($0["in_kind_vnd"]) }.reduce(0, +)
        #expect(inKind == savingsBooks)
        let vietnamese = lines(try demo.report(["disclosure", "--year", "2018"], language: "vi"))
        #expect(vietnamese.contains("Quà tặng (Tết, 1/6, Trung thu) 480.000.000 400"), "\(vietnamese)")
        #expect(vietnamese.contains("Nhà ở 50.000.000 <5"))
    }

    /// The HTML the demo writes: the national fund's statement and the disclosure, well-formed,
    /// with the gift packages, and nothing fetched from elsewhere.
    @Test func tayNinhDemoWritesItsHTML() throws {
        let demo = try DemoReportTests.tayNinh.get()
        for name in ["donor-statement-QBTTEVN-en.html", "donor-statement-QBTTEVN-vi.html", "disclosure-2018-vi.html"] {
            let html = try String(contentsOfFile: "\(demo.output)/\(name)", encoding: .utf8)
            let page = try #require(HTMLPage(html), "\(name) is well-formed")
            #expect(!html.contains("src=") && !html.contains("href=") && !html.lowercased().contains("https:"), "\(name)")
            #expect(page.charts.count >= 1, "\(name)")
            let gifts = name.hasSuffix("en.html") ? ["Gifts (Tết, Children's Day, Mid-Autumn)", "Tỉnh Tây Ninh", "480,000,000", "400"]
                : name.hasPrefix("donor") ? ["Quà tặng (Tết, 1/6, Trung thu)", "Tỉnh Tây Ninh", "480.000.000", "400"] : ["Quà tặng (Tết, 1/6, Trung thu)", "480.000.000", "400"]
            #expect(page.rows.contains(gifts), "\(name): \(page.rows)")
        }
    }
}

extension String {
    /// The text with zeros in front, to `length` characters.
    func leftPadded(_ length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
