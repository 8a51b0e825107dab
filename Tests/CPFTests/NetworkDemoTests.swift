import Foundation
import Testing
import TestSupport

/// `cpf demo --scenario network-tay-ninh` (issue 16): the national fund's 400 gift packages
/// and AIA's 90 bicycles appear once in the consolidated uses, with their original donors;
/// Long An's 20.000.000 ₫ sent on 28 December is in transit at the year's end; the new Tây
/// Ninh fund carries both provinces' books exactly; the pages open in headless Chromium.
@Suite(.serialized) struct NetworkDemoTests {
    @Test func theNetworkComesOutExactly() throws {
        let directory = TemporaryDirectory("cpf-network-demo")
        let reports = directory.file("reports")
        let result = try CPFRunner.run(["demo", "--scenario", "network-tay-ninh", "--output", reports, "--lang", "en"], in: directory.path)
        #expect(result.status == 0, "\(result)")
        let text = result.standardOutput
        // Reach: counted once, at Tây Ninh, where the children were reached.
        #expect(text.range(of: #"Gifts \(Tết, Children's Day, Mid-Autumn\) +0 +400 +0 +0 +400"#, options: .regularExpression) != nil, "\(text)")
        #expect(text.range(of: #"Bicycles +0 +90 +0 +0 +90"#, options: .regularExpression) != nil)
        // The donors: AIA's bicycles and the national fund's gifts, spent once at Tây Ninh.
        #expect(text.range(of: #"spent +0 +135,000,000 +0 +0 +135,000,000"#, options: .regularExpression) != nil)
        #expect(text.range(of: #"Quỹ Bảo trợ trẻ em Việt Nam \(QBTTEVN\) +received through another fund +0 +480,000,000 +60,000,000 +-540,000,000 +0"#, options: .regularExpression) != nil)
        #expect(text.range(of: #"—\s+Transfers in transit between funds\s+0\s+0\s+0\s+20,000,000\s+20,000,000"#, options: .regularExpression) != nil)
        #expect(text.contains("VN18-CK-LA-02") && text.contains("in transit at 2018-12-31"))
        #expect(text.contains("Predecessors: OK"))
        for language in ["vi", "en"] {
            let page = reports + "/consolidated-2018-\(language).html"
            let html = try String(contentsOfFile: page, encoding: .utf8)
            #expect(html.contains(language == "vi" ? "Báo cáo hợp nhất" : "Consolidated books"))
            #expect(html.contains("Công ty TNHH Bảo hiểm Nhân thọ AIA Việt Nam"))
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") else { continue }
            let picture = directory.file("\(language).png")
            let shown = try CPFRunner.runProgram("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1600,2400",
                                                                       "--screenshot=\(picture)", page])
            let size = (try? FileManager.default.attributesOfItem(atPath: picture)[.size] as? Int) ?? 0
            #expect(shown.status == 0 && size > 50_000, "\(shown)")
        }
        // Run again, the demonstration ledgers are replaced.
        #expect(try CPFRunner.run(["demo", "--scenario", "network-tay-ninh", "--output", reports], in: directory.path).status == 0)
    }
}
