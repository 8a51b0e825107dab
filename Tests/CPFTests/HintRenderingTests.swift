import Testing
import TestSupport

/// The library's refusals name parameters and actions, never `cpf`'s flags or commands;
/// `cpf` prints them as its own (`Support/HintRendering.swift`), exactly as it always has, in
/// both languages.
@Suite struct HintRenderingTests {
    @Test func aDuplicateReferencePointsAtCpfReverse() throws {
        let ledger = try CLILedger()
        try ledger.mustRun(["post", "--date", "2018-06-01", "--memo", "x", "--ref", "PT-01", "--debit", "1121 1000 VND", "--credit", "5132 1000 VND"])
        let changed = ["post", "--date", "2018-06-01", "--memo", "y", "--ref", "PT-01", "--debit", "1121 1000 VND", "--credit", "5132 1000 VND"]
        let english = try expectRefused(ledger, changed, rule: "duplicate-reference")
        #expect(english.standardError.hasSuffix("\nhint: give a new entry a new reference; to correct entry 1, reverse it with 'cpf reverse 1'\n"), "\(english)")
        let vietnamese = try ledger.run(["--lang", "vi"] + changed)
        #expect(vietnamese.standardError.hasSuffix("\ngợi ý: bút toán mới cần số chứng từ mới; muốn sửa bút toán 1, hãy đảo nó bằng 'cpf reverse 1'\n"), "\(vietnamese)")
    }

    @Test func aReceiptWithoutSourceNamesTheFlags() throws {
        let ledger = try CLILedger()
        let receipt = ["receive", "--date", "2018-06-01", "--amount", "1000 VND"]
        let english = try expectRefused(ledger, receipt, rule: "invalid-input")
        #expect(english.standardError.hasSuffix("\nhint: give --funder CODE, or --interest for interest on deposits\n"), "\(english)")
        let vietnamese = try ledger.run(["--lang", "vi"] + receipt)
        #expect(vietnamese.standardError.hasSuffix("\ngợi ý: hãy ghi --funder MÃ, hoặc --interest cho lãi tiền gửi\n"), "\(vietnamese)")
    }

    @Test func aMissingLedgerNamesInitAndDb() throws {
        let directory = TemporaryDirectory()
        let result = try CPFRunner.run(["--db", "missing.cpf", "--lang", "en", "journal"], in: directory.path)
        #expect(result.status == 1, "\(result)")
        #expect(result.standardError.hasSuffix("\nhint: create one with 'cpf --db missing.cpf init --name \"…\"', or point --db (or CPF_DB) at an existing ledger\n"), "\(result)")
    }

    @Test func aReachGroupingNamesBy() throws {
        let ledger = try CLILedger()
        let result = try expectRefused(ledger, ["report", "reach", "--by", "program,quarter,year"], rule: "invalid-input")
        #expect(result.standardError.hasSuffix("\nhint: e.g. --by program,quarter\n"), "\(result)")
    }
}
