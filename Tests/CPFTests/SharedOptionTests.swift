import Foundation
import Testing
import TestSupport

/// Options several commands share are declared once (Sources/CPFCommandLine/Parsing/
/// Declarations.swift), so every command reads them the same way: a `--year` that is no year
/// is refused by every command that takes one, with the same words, and nothing is written.
/// (`plan list` used to read it as "every year".)
@Suite struct SharedOptionTests {
    /// Every listed command whose help offers `--year`, with what else it needs to run.
    static func commandsTakingAYear() throws -> [[String]] {
        var commands: [[String]] = []
        for name in try UsageTests.listedCommands() {
            let words = name.split(separator: " ").map(String.init)
            let help = try CPFRunner.run(["--lang", "en"] + words + ["--help"]).standardOutput
            guard help.contains("--year YYYY") else { continue }
            switch name {
            case "plan set": commands.append(words + ["--amount", "1000 VND"])
            case "consolidate": commands.append(words + ["A.cpf", "B.cpf"])
            case "report": commands.append(words + ["disclosure"])
            default: commands.append(words)
            }
        }
        return commands
    }

    @Test func aYearThatIsNoYearIsRefusedAlikeByEveryCommand() throws {
        let ledger = try CLILedger()
        let commands = try SharedOptionTests.commandsTakingAYear()
        #expect(commands.count >= 5, "\(commands)")
        let before = try ledger.fingerprint()
        for command in commands {
            for bad in ["abc", "1899", "2200"] {
                let refused = try ledger.run(["--lang", "en"] + command + ["--year", bad])
                #expect(refused.status == 1, "\(command) --year \(bad): \(refused)")
                #expect(refused.standardError.contains("refused (invalid-date): --year \(bad) is not a year from 1900 to 2199"), "\(command): \(refused)")
            }
        }
        #expect(try ledger.fingerprint() == before)
    }
}
