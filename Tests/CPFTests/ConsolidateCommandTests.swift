import Foundation
@testable import FundLedger
import Testing
import TestSupport

/// `cpf consolidate FILE FILE…` end to end: every statement in every format and both
/// languages, a transfer eliminated and one in transit, and findings that make it exit 1.
@Suite struct ConsolidateCommandTests {
    /// The national fund passes 200.000.000 ₫ of AIA's grant and 90 bicycles to Tây Ninh, which
    /// receives both and hands the bicycles out; 50.000.000 ₫ more is still on its way.
    static func network() throws -> TransferTests.Network {
        let network = try TransferTests.Network()
        let money = try network.send(["--date", "2018-05-20", "--ref", "CK-01", "--amount", "200000000 VND", "--grant", "AIA-2018"], notice: "ck-01.json")
        let goods = try network.send(["--date", "2018-05-21", "--ref", "XK-02", "--item", "bicycle", "--quantity", "90"], notice: "xk-02.json")
        _ = try network.send(["--date", "2018-12-30", "--ref", "CK-03", "--amount", "50000000 VND", "--grant", "AIA-2018"], notice: "ck-03.json")
        try network.province.mustRun(["transfer", "receive", money, "--date", "2018-05-22"])
        try network.province.mustRun(["transfer", "receive", goods, "--date", "2018-05-23"])
        try network.province.mustRun(["unit", "add", "TN", "--name", "Tây Ninh", "--level", "province"])
        try network.province.mustRun(["disburse", "--date", "2018-06-01", "--program", "bicycle", "--unit", "TN", "--in-kind", "bicycle", "--quantity", "90", "--children", "90"])
        try network.province.mustRun(["disburse", "--date", "2018-06-02", "--program", "gift", "--unit", "TN", "--grant", "AIA-2018", "--amount", "100000000 VND", "--children", "400"])
        return network
    }

    @Test func everyStatementEliminatesTheTransfersAndCountsChildrenOnce() throws {
        let network = try ConsolidateCommandTests.network()
        let result = try network.national.run(["consolidate", network.national.path, network.province.path, "--year", "2018", "--format", "csv"])
        #expect(result.status == 0, "\(result)")
        let csv = result.standardOutput
        // Trial balance: 652 and 519 are eliminated; the 50.000.000 ₫ on its way is in transit.
        #expect(csv.contains("trial-balance,,,,,,,,652,Transfers to other funds of the network,380000000,0,-380000000,0"), "\(csv)")
        #expect(csv.contains("trial-balance,,,,,,,,519,Transfers from other funds of the network,0,-330000000,330000000,0"))
        #expect(csv.contains("trial-balance,,,,,,,,—,Transfers in transit between funds,0,0,50000000,50000000"))
        // Reach: 90 + 400 child-instances, counted at Tây Ninh only.
        #expect(csv.contains("reach,,,,,,,,,Bicycles,0,90,0,90") && csv.contains("reach,,,,,,,,,\"Gifts (Tết, Children's Day, Mid-Autumn)\",0,400,0,400"))
        // The donor: what AIA gave is counted once; passed on and received through are eliminated.
        #expect(csv.contains("grants,,,,,,,,AIA Việt Nam (AIA),received from the donor,390000000,0,0,390000000"))
        #expect(csv.contains("grants,,,,,,,,,passed on to another fund,380000000,0,-380000000,0"))
        #expect(csv.contains("grants,,,,,,,,,received through another fund,0,330000000,-330000000,0"))
        #expect(csv.contains("Quỹ Bảo trợ trẻ em Việt Nam,Quỹ BTTE tỉnh Tây Ninh,CK-03,6,2018-12-30,,50000000,AIA Việt Nam,in transit at 2018-12-31"))

        for format in ["table", "json", "html"] {
            for language in ["en", "vi"] {
                let shown = try network.national.run(["consolidate", network.national.path, network.province.path, "--year", "2018", "--format", format, "--lang", language])
                #expect(shown.status == 0 && !shown.standardOutput.isEmpty, "\(format) \(language): \(shown)")
                if language == "vi" { #expect(shown.standardOutput.contains(format == "json" ? "\"consolidated\"" : "Hợp nhất")) }
            }
        }
        let workbook = network.national.directory.file("network.xlsx")
        #expect(try network.national.run(["consolidate", network.national.path, network.province.path, "--year", "2018", "--format", "xlsx", "--output", workbook]).status == 0)
        #expect(FileManager.default.fileExists(atPath: workbook))
        let one = try network.national.run(["consolidate", network.national.path, network.province.path, "--report", "reach", "--at", "2018-12-31", "--format", "csv"])
        #expect(one.status == 0 && !one.standardOutput.contains("trial-balance,") && one.standardOutput.contains("reach,"), "\(one)")
    }

    @Test func aLedgerThatFailsToVerifyMakesItExitOne() throws {
        let network = try ConsolidateCommandTests.network()
        let database = try Database(path: network.province.path, mode: .readWrite)
        try database.execute("DROP TRIGGER line_is_immutable")
        try database.execute("UPDATE line SET children = 91 WHERE children = 90")
        let result = try network.national.run(["consolidate", network.national.path, network.province.path, "--year", "2018"])
        #expect(result.status == 1 && result.standardError.contains("finding: Quỹ BTTE tỉnh Tây Ninh"), "\(result)")
        #expect(result.standardOutput.contains("findings") || result.standardOutput.contains("Findings"))
    }

    @Test(arguments: [[String](), ["--report", "balance"], ["--from", "2018-12-31", "--to", "2018-01-01"]])
    func usageIsRefusedWithoutReadingAnything(_ options: [String]) throws {
        let ledger = try CLILedger()
        let files = options.isEmpty ? [] : [ledger.path]
        let result = try ledger.run(["consolidate"] + files + options)
        #expect(result.status != 0 && result.standardError.contains("cpf consolidate --help") || result.standardError.contains("refused"), "\(result)")
    }

    @Test func aFileThatIsNotALedgerIsNamed() throws {
        let ledger = try CLILedger()
        let result = try ledger.run(["consolidate", ledger.path, ledger.directory.file("missing.cpf")])
        #expect(result.status == 1 && result.standardError.contains("missing.cpf") && result.standardError.contains("refused (not-a-ledger)"), "\(result)")
    }
}
