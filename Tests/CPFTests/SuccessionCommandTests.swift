import Foundation
import Testing
import TestSupport

/// `cpf init --successor-of` and `cpf verify --predecessors` end to end (docs/fund-network.md).
@Suite struct SuccessionCommandTests {
    @Test func theSuccessorCarriesBothBooksAndThePredecessorsCloseForGood() throws {
        let tayNinh = try CLILedger(fundName: "Quỹ BTTE tỉnh Tây Ninh"), longAn = try CLILedger(fundName: "Quỹ BTTE tỉnh Long An")
        for (ledger, amount) in [(tayNinh, "500000000 VND"), (longAn, "300000000 VND")] {
            try ledger.mustRun(["funder", "add", "NSDP", "--name", "Ngân sách địa phương", "--kind", "government-local"])
            try ledger.mustRun(["receive", "--date", "2025-02-01", "--funder", "NSDP", "--amount", amount])
        }
        let successor = tayNinh.directory.file("tay-ninh-2025.cpf")
        let created = try CPFRunner.run(["--db", successor, "init", "--name", "Quỹ BTTE tỉnh Tây Ninh", "--successor-of", tayNinh.path, longAn.path, "--from", "2025-07-01"])
        #expect(created.status == 0 && created.standardOutput.contains("successor from 2025-07-01 of 2 funds"), "\(created)")
        let verified = try CPFRunner.run(["--db", successor, "verify", "--predecessors", tayNinh.path, longAn.path])
        #expect(verified.status == 0 && verified.standardOutput.contains("Predecessors: OK"), "\(verified)")
        let balance = try CPFRunner.run(["--db", successor, "report", "trial-balance", "--to", "2025-06-30", "--format", "csv"])
        #expect(balance.standardOutput.contains("1121,Bank deposits in dong,800000000,0,800000000"), "\(balance)")

        let before = try longAn.fingerprint()
        let late = try longAn.run(["receive", "--date", "2025-03-01", "--funder", "NSDP", "--amount", "1 VND"])
        #expect(late.status == 1 && late.standardError.contains("refused (period-closed)") && late.standardError.contains("successor"), "\(late)")
        #expect(try longAn.fingerprint() == before)
        let vietnamese = try CPFRunner.run(["--db", successor, "--lang", "vi", "journal"])
        #expect(vietnamese.standardOutput.contains("Số dư chuyển sang từ Quỹ BTTE tỉnh Long An"), "\(vietnamese)")

        // Another fund's file given as a predecessor is named as not one.
        let stranger = try CLILedger()
        let wrong = try CPFRunner.run(["--db", successor, "verify", "--predecessors", stranger.path])
        #expect(wrong.status == 1 && wrong.standardOutput.contains("is not a predecessor of this fund"), "\(wrong)")
    }

    @Test func refusalsAndUsage() throws {
        let ledger = try CLILedger()
        try ledger.mustRun(["post", "--date", "2025-07-02", "--memo", "sau sáp nhập", "--debit", "1111 5 VND", "--credit", "4211 5 VND"])
        let target = ledger.directory.file("new.cpf")
        let before = try ledger.fingerprint()
        let late = try CPFRunner.run(["--db", target, "init", "--name", "Quỹ mới", "--successor-of", ledger.path, "--from", "2025-07-01"])
        #expect(late.status == 1 && late.standardError.contains("refused (invalid-input)") && late.standardError.contains("on or after the merger date"), "\(late)")
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try ledger.fingerprint() == before)
        for arguments in [["init", "--name", "Quỹ mới", "--successor-of"], ["init", "--name", "Quỹ mới", ledger.path],
                          ["init", "--name", "Quỹ mới", "--from", "2025-07-01"], ["verify", "--predecessors"]] {
            let result = try CPFRunner.run(["--db", target] + arguments)
            #expect(result.status == 2 && result.standardError.contains("--help"), "\(arguments): \(result)")
        }
        #expect(!FileManager.default.fileExists(atPath: target))
    }
}
