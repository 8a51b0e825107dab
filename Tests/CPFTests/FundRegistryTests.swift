import Foundation
@testable import FundLedger
import Testing
import TestSupport

/// `cpf fund add` and `cpf fund list` (docs/fund-network.md): another fund registered by code
/// and by the ledger id its file holds, as a chained fact; every refusal says why and writes
/// nothing.
@Suite struct FundRegistryTests {
    private func ledgerID(_ ledger: CLILedger) throws -> String {
        let verified = try ledger.mustRun(["verify"]).standardOutput
        let line = try #require(verified.split(separator: "\n").first { $0.hasPrefix("Ledger: ") })
        return String(line.dropFirst("Ledger: ".count))
    }

    @Test func aFundIsRegisteredFromItsFileOrItsIdAndListed() throws {
        let national = try CLILedger(fundName: "Quỹ Bảo trợ trẻ em Việt Nam")
        let province = try CLILedger(fundName: "Quỹ BTTE tỉnh Long An")
        let tayNinh = try CLILedger(fundName: "Quỹ BTTE tỉnh Tây Ninh")
        let nationalID = try ledgerID(national), provinceID = try ledgerID(province)
        let added = try tayNinh.run(["fund", "add", "QBTTEVN", "--name", "Quỹ Bảo trợ trẻ em Việt Nam", "--level", "national", "--ledger", national.path])
        #expect(added.status == 0 && added.standardOutput.contains(nationalID), "\(added)")
        try tayNinh.mustRun(["fund", "add", "LA", "--name", "Quỹ BTTE tỉnh Long An", "--level", "province", "--parent", "QBTTEVN",
                             "--ledger-id", provinceID])
        let listed = try tayNinh.mustRun(["fund", "list", "--format", "csv"]).standardOutput
        #expect(listed.contains("LA,Quỹ BTTE tỉnh Long An,province,QBTTEVN,\(provinceID)"))
        #expect(listed.contains("QBTTEVN,Quỹ Bảo trợ trẻ em Việt Nam,national,,\(nationalID)"))
        let verified = try tayNinh.run(["verify"])
        #expect(verified.status == 0, "\(verified)")
        let history = try tayNinh.mustRun(["history"]).standardOutput
        #expect(history.contains("fund-add") && history.contains("fund:LA"))
    }

    @Test(arguments: [
        (["fund", "add", "QBTTEVN", "--name", "Again", "--level", "national", "--ledger-id", "other-id"], "registry-exists"),
        (["fund", "add", "X", "--name", "Same file", "--level", "province", "--ledger-id", "NATIONAL"], "registry-exists"),
        (["fund", "add", "ME", "--name", "Myself", "--level", "province", "--ledger-id", "OWN"], "invalid-input"),
        (["fund", "add", "C1", "--name", "A commune", "--level", "commune", "--parent", "NOPE", "--ledger-id", "c1-id"], "unknown-dimension"),
        (["fund", "add", "bad code", "--name", "x", "--level", "commune", "--ledger-id", "c2-id"], "invalid-text"),
    ])
    func refusalsChangeNothing(_ command: [String], rule: String) throws {
        let national = try CLILedger(fundName: "Quỹ Bảo trợ trẻ em Việt Nam")
        let ledger = try CLILedger()
        try ledger.mustRun(["fund", "add", "QBTTEVN", "--name", "Quỹ Bảo trợ trẻ em Việt Nam", "--level", "national", "--ledger", national.path])
        let own = try ledgerID(ledger), nationalID = try ledgerID(national)
        let before = try ledger.fingerprint()
        let arguments = command.map { $0 == "OWN" ? own : $0 == "NATIONAL" ? nationalID : $0 }
        let refused = try ledger.run(arguments)
        #expect(refused.status == 1 && refused.standardError.contains("refused (\(rule))"), "\(refused)")
        #expect(refused.standardError.contains("hint:"))
        #expect(try ledger.fingerprint() == before)
    }

    @Test(arguments: [["--level", "national"], ["--level", "national", "--ledger-id", "a", "--ledger", "b.cpf"], ["--level", "district", "--ledger-id", "a"]])
    func usageErrorsSayWhatIsMissing(_ options: [String]) throws {
        let ledger = try CLILedger()
        let result = try ledger.run(["fund", "add", "F", "--name", "A fund"] + options)
        #expect(result.status == 2 && result.standardError.contains("cpf fund add --help"), "\(result)")
    }

    @Test func aFundChangedInTheFileIsFoundByVerify() throws {
        let national = try CLILedger(fundName: "Quỹ Bảo trợ trẻ em Việt Nam")
        let ledger = try CLILedger()
        try ledger.mustRun(["fund", "add", "QBTTEVN", "--name", "Quỹ Bảo trợ trẻ em Việt Nam", "--level", "national", "--ledger", national.path])
        let database = try Database(path: ledger.path, mode: .readWrite)
        try database.execute("DROP TRIGGER fund_is_immutable")
        try database.execute("UPDATE fund SET ledger_id = 'forged'")
        try database.execute("DELETE FROM fact_touch")
        let verified = try ledger.run(["verify"])
        #expect(verified.status == 1 && verified.standardOutput.contains("fund row id 1"), "\(verified.standardOutput)")
    }
}
