import Foundation
import Testing
import TestSupport

/// `--bom`: CSV that Excel opens with Vietnamese text intact starts with a UTF-8 byte-order
/// mark. Every command that prints CSV takes it; any other format refuses it; `cpf import`
/// reads such a file back.
@Suite struct ByteOrderMarkTests {
    static let mark: [UInt8] = [0xEF, 0xBB, 0xBF]

    @Test func everyCSVOutputCanStartWithAByteOrderMark() throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_000_000, debit: "1111", credit: "5132", memo: "Tiền mặt nhận ủng hộ", reference: "PT-1")
        for command in [["report", "trial-balance"], ["report", "activities", "--year", "2018"], ["journal"], ["export"],
                        ["account", "list"], ["settings", "show"], ["history"]] {
            let format = command == ["export"] ? [] : ["--format", "csv"]
            let with = try ledger.run(command + format + ["--bom"])
            expectSuccess(with)
            #expect(Array(with.standardOutput.utf8.prefix(3)) == ByteOrderMarkTests.mark, "cpf \(command.joined(separator: " ")) --bom")
            let without = try ledger.run(command + format)
            #expect(with.standardOutput.utf8.dropFirst(3).elementsEqual(without.standardOutput.utf8) || command.first == "history",
                    "the rest is the same CSV: \(command)")
        }
    }

    @Test func anotherFormatRefusesIt() throws {
        let ledger = try CLILedger()
        for command in [["report", "trial-balance"], ["report", "trial-balance", "--format", "json"], ["export", "--format", "hledger"]] {
            let refused = try ledger.run(command + ["--bom"])
            #expect(refused.status == 2 && refused.standardError.contains("--bom goes with CSV output"), "\(refused)")
        }
    }

    @Test func anExportedFileWithTheMarkImportsBack() throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_000_000, debit: "1111", credit: "5132", memo: "Tiền mặt nhận ủng hộ", reference: "PT-1")
        expectSuccess(try ledger.run(["export", "--bom", "--output", "fund.csv"]))
        let bytes = try #require(FileManager.default.contents(atPath: ledger.directory.file("fund.csv")))
        #expect(Array(bytes.prefix(3)) == ByteOrderMarkTests.mark)
        let other = try CLILedger()
        try FileManager.default.copyItem(atPath: ledger.directory.file("fund.csv"), toPath: other.directory.file("fund.csv"))
        expectSuccess(try other.run(["import", "fund.csv"]))
        #expect(try other.journalJSON().first?["memo"] as? String == "Tiền mặt nhận ủng hộ")
    }
}
