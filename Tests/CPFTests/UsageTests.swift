import Foundation
import Testing
import TestSupport

/// Bad usage (exit 2, a pointer to --help), `--help` for every command, and the global
/// options: `--db`/`CPF_DB`, `--user`/`CPF_USER`.
@Suite struct UsageTests {
    /// The commands `cpf --help` lists, e.g. `init`, `account add`.
    static func listedCommands() throws -> [String] {
        let help = try CPFRunner.run(["--help"])
        let lines = help.standardOutput.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "COMMANDS:") else { return [] }
        var names: [String] = []
        for line in lines[(start + 1)...] {
            guard line.hasPrefix("  ") else { break }
            // The name is the first column: words separated by one space, then two or more spaces.
            let trimmed = line.dropFirst(2)
            guard let gap = trimmed.range(of: "  ") else { continue }
            names.append(String(trimmed[..<gap.lowerBound]))
        }
        return names
    }

    @Test func helpListsEveryCommandOnStandardOutput() throws {
        let result = try CPFRunner.run(["--help"])
        expectSuccess(result)
        #expect(result.standardOutput.contains("USAGE: cpf [--db PATH] [--user NAME] [--lang vi|en] COMMAND"))
        let names = try UsageTests.listedCommands()
        for expected in ["init", "demo", "account add", "account list", "account close", "account load",
                         "rate set", "rate list", "post", "reverse", "journal", "report", "verify"] {
            #expect(names.contains(expected), "cpf --help should list \(expected): \(names)")
        }
        #expect(try CPFRunner.run(["-h"]).standardOutput == result.standardOutput)
    }

    @Test func everyCommandHasHelp() throws {
        let names = try UsageTests.listedCommands()
        #expect(names.count >= 13)
        for name in names {
            let words = name.split(separator: " ").map(String.init)
            for arguments in [words + ["--help"], words + ["-h"], ["--help"] + words] {
                let result = try CPFRunner.run(arguments)
                expectSuccess(result)
                #expect(result.standardOutput.contains("USAGE: cpf \(name)"), "cpf \(arguments.joined(separator: " "))\n\(result)")
                #expect(result.standardOutput.contains("GLOBAL OPTIONS:"), "\(result)")
            }
        }
    }

    @Test func helpNeedsNoLedger() throws {
        // --help wins over everything else on the line, even a missing ledger or a bad option.
        let result = try CPFRunner.run(["--db", "/nonexistent/fund.cpf", "post", "--date", "2018-02-29", "--help"])
        expectSuccess(result)
        #expect(result.standardOutput.contains("USAGE: cpf post --date YYYY-MM-DD [OPTIONS]"), "\(result)")
    }

    @Test(arguments: ["account", "rate"])
    func groupAloneListsItsSubcommands(_ group: String) throws {
        let result = try CPFRunner.run([group])
        #expect(result.status == 2, "\(result)")
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("USAGE: cpf \(group) SUBCOMMAND"), "\(result)")
        for name in try UsageTests.listedCommands() where name.hasPrefix(group + " ") {
            #expect(result.standardError.contains(name), "\(result)")
        }
        let help = try CPFRunner.run([group, "--help"])
        expectSuccess(help)
        #expect(help.standardOutput.contains("USAGE: cpf \(group) SUBCOMMAND"))
    }

    @Test func unknownCommand() throws {
        let result = try CPFRunner.run(["frobnicate"])
        expectUsageError(result, mentions: ["unknown command 'frobnicate'"], help: "COMMAND")
    }

    /// A slip of the keyboard gets "did you mean", not the whole overview.
    @Test(arguments: [(["recieve"], "did you mean 'cpf receive'?"), (["jornal"], "did you mean 'cpf journal'?"),
                      (["grant", "shwo"], "did you mean 'cpf grant show'?"), (["grnt", "show"], "did you mean 'cpf grant show'?"),
                      (["post", "--dat", "2018-01-01"], "did you mean --date?"), (["verify", "--digets", "00"], "did you mean --digest?")])
    func aMistypedCommandOrOptionGetsASuggestion(arguments: [String], suggestion: String) throws {
        let result = try CPFRunner.run(arguments)
        #expect(result.status == 2 && result.standardOutput.isEmpty, "\(result)")
        #expect(result.standardError.contains(suggestion), "\(result)")
        #expect(!result.standardError.contains("GLOBAL OPTIONS"), "no 60-line overview: \(result)")
    }

    @Test func versionAndHelpCommand() throws {
        for arguments in [["--version"], ["version"]] {
            let version = try CPFRunner.run(arguments)
            expectSuccess(version)
            #expect(version.standardOutput.hasPrefix("cpf ") && version.standardOutput.contains("ledger schema 11"), "\(version)")
        }
        for command in [["reverse"], ["grant", "show"], ["report"]] {
            let help = try CPFRunner.run(["help"] + command)
            expectSuccess(help)
            #expect(help.standardOutput == (try CPFRunner.run(command + ["--help"])).standardOutput)
        }
        let overview = try CPFRunner.run(["help"])
        expectSuccess(overview)
        #expect(overview.standardOutput.contains("COMMANDS:"))
    }

    /// `--format` and `--lang` wherever something is printed: the two listings that lacked them.
    @Test func settingsAndPeriodsComeInEveryFormatAndLanguage() throws {
        let ledger = try CLILedger()
        try ledger.mustRun(["period", "close", "2018-06"])
        for (command, title) in [(["settings", "show"], "Thiết lập của quỹ"), (["period", "list"], "Khóa sổ kỳ kế toán")] {
            for format in ["table", "csv", "json", "html"] {
                for language in ["en", "vi"] {
                    expectSuccess(try ledger.run(command + ["--format", format, "--lang", language]))
                }
            }
            #expect(try ledger.run(command + ["--lang", "vi"]).standardOutput.hasPrefix(title))
            let json = try #require(try JSON.parse(try ledger.run(command + ["--format", "json"]).standardOutput) as? [String: Any])
            #expect((json["tables"] as? [[String: Any]])?.first?["rows"] is [Any])
        }
        #expect(try ledger.run(["period", "list", "--lang", "vi"]).standardOutput.contains("Đã khóa đến ngày: 30/06/2018"))
    }

    /// What comes first on the line is asked for first.
    @Test func reverseWithoutTheEntrySaysTheEntryIsMissing() throws {
        let result = try CPFRunner.run(["reverse"])
        expectUsageError(result, mentions: ["missing SEQ"], help: "reverse")
        #expect(!result.standardError.contains("--reason"), "\(result)")
    }

    @Test func unknownSubcommandPointsAtHelp() throws {
        let result = try CPFRunner.run(["account", "remove", "1121"])
        #expect(result.status == 2, "\(result)")
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("unknown command 'cpf account remove'"), "\(result)")
        #expect(result.standardError.contains("--help"), "\(result)")
    }

    @Test func noCommandAtAll() throws {
        let result = try CPFRunner.run([])
        #expect(result.status == 2, "\(result)")
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("USAGE: cpf"), "\(result)")
    }

    @Test func unknownOption() throws {
        let ledger = try CLILedger()
        let before = try ledger.fingerprint()
        expectUsageError(try ledger.run(["journal", "--colour"]), mentions: ["unknown option --colour"], help: "journal")
        expectUsageError(try ledger.run(["post", "--date", "2018-06-01", "--debit", "1111 1 VND", "--credit", "5132 1 VND", "--amount", "1"]),
                         mentions: ["--amount"], help: "post")
        #expect(try ledger.fingerprint() == before)
    }

    @Test func missingRequiredOption() throws {
        let ledger = try CLILedger()
        let before = try ledger.fingerprint()
        expectUsageError(try ledger.run(["post", "--debit", "1111 1 VND", "--credit", "5132 1 VND"]), mentions: ["missing --date"], help: "post")
        expectUsageError(try ledger.run(["account", "add", "119", "--name-vi", "A", "--type", "asset"]), mentions: ["--name-en"], help: "account add")
        #expect(try ledger.fingerprint() == before)
    }

    @Test func missingOptionValue() throws {
        let ledger = try CLILedger()
        expectUsageError(try ledger.run(["post", "--debit", "1111 1 VND", "--credit", "5132 1 VND", "--date"]),
                         mentions: ["--date needs a value"], help: "post")
        expectUsageError(try ledger.run(["journal", "--format"]), mentions: ["--format needs a value"], help: "journal")
    }

    @Test func missingValueOfGlobalOption() throws {
        for option in ["--db", "--user"] {
            let result = try CPFRunner.run(["journal", option])
            #expect(result.status == 2, "\(result)")
            #expect(result.standardOutput.isEmpty)
            #expect(result.standardError.contains("\(option) needs a value"), "\(result)")
            #expect(result.standardError.contains("--help"), "\(result)")
        }
    }

    @Test func optionGivenTwice() throws {
        let ledger = try CLILedger()
        expectUsageError(try ledger.run(["post", "--date", "2018-06-01", "--date", "2018-06-02", "--debit", "1111 1 VND", "--credit", "5132 1 VND"]),
                         mentions: ["--date is given more than once"], help: "post")
    }

    @Test func extraPositional() throws {
        let ledger = try CLILedger()
        try ledger.postDong(1_000, debit: "1111", credit: "5132")
        let before = try ledger.fingerprint()
        expectUsageError(try ledger.run(["verify", "now"]), mentions: ["unexpected argument 'now'"], help: "verify")
        expectUsageError(try ledger.run(["account", "list", "--format=json", "all"]), mentions: ["unexpected argument 'all'"], help: "account list")
        expectUsageError(try ledger.run(["reverse", "1", "2", "--reason", "x"]), mentions: ["unexpected argument '2'"], help: "reverse")
        #expect(try ledger.fingerprint() == before)
    }

    @Test func missingPositional() throws {
        let ledger = try CLILedger()
        expectUsageError(try ledger.run(["rate", "set", "USD", "2018-06-01", "--source", "SBV"]), mentions: ["missing RATE"], help: "rate set")
        expectUsageError(try ledger.run(["account", "close"]), mentions: ["missing CODE"], help: "account close")
    }

    @Test func noLedgerGiven() throws {
        let directory = TemporaryDirectory()
        for arguments in [["journal"], ["init", "--name", "Fund"], ["verify"], ["report", "trial-balance"]] {
            let result = try CPFRunner.run(arguments, in: directory.path)
            expectUsageError(result, mentions: ["no ledger file given", "--db", "CPF_DB"], help: arguments[0])
            let empty = try CPFRunner.run(arguments, in: directory.path, environment: ["CPF_DB": ""])
            expectUsageError(empty, mentions: ["no ledger file given"])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func unknownReportName() throws {
        let ledger = try CLILedger()
        expectUsageError(try ledger.run(["report", "profit"]), mentions: ["unknown report 'profit'"], help: "report")
    }

    /// `--year` is declared once (CommonOptions.year) and checked the same way wherever it is
    /// taken: a year outside 1900...2199, or not a number, is an invalid date and writes nothing.
    @Test(arguments: [["audit"], ["reconcile", "grants"], ["plan", "list"], ["plan", "set", "--amount", "1000 VND"],
                      ["report", "disclosure"], ["report", "plan-vs-actual", "--from-year", "2018"]])
    func everyYearOptionIsCheckedOnce(_ command: [String]) throws {
        let ledger = try CLILedger()
        for year in ["2200", "18", "next"] {
            _ = try expectRefused(ledger, command + ["--year", year], rule: "invalid-date", mentions: ["--year \(year) is not a year from 1900 to 2199"])
        }
        _ = try expectRefused(ledger, ["report", "plan-vs-actual", "--from-year", "1899"], rule: "invalid-date", mentions: ["--from-year 1899"])
    }

    @Test func formatXML() throws {
        let ledger = try CLILedger()
        for arguments in [["report", "trial-balance"], ["journal"], ["account", "list"], ["rate", "list"], ["verify"]] {
            let help = arguments.joined(separator: " ").replacingOccurrences(of: " trial-balance", with: "")
            expectUsageError(try ledger.run(arguments + ["--format", "xml"]), mentions: ["unknown format 'xml'"], help: help)
        }
    }

    // MARK: Global options

    @Test func ledgerFromCPF_DB() throws {
        let ledger = try CLILedger()
        let environment = ["CPF_DB": ledger.path]
        let posted = try CPFRunner.run(["post", "--date", "2018-06-01", "--debit", "1111 700 VND", "--credit", "5132 700 VND"],
                                       in: ledger.directory.path, environment: environment)
        expectSuccess(posted)
        #expect(try ledger.journalJSON().count == 1)
        let listed = try CPFRunner.run(["journal", "--format", "json"], environment: environment)
        #expect((try JSON.parse(listed.standardOutput) as? [Any])?.count == 1, "\(listed)")
        // --db wins over CPF_DB.
        let other = TemporaryDirectory()
        let otherPath = other.file("other.cpf")
        expectSuccess(try CPFRunner.run(["--db", otherPath, "init", "--name", "Other"], environment: environment))
        #expect(FileManager.default.fileExists(atPath: otherPath))
        expectSuccess(try CPFRunner.run(["--db=\(otherPath)", "verify"], environment: environment))
    }

    @Test func postedByComesFromUserOptionThenCPF_USER() throws {
        let ledger = try CLILedger()
        try ledger.mustRun(["post", "--date", "2018-06-01", "--debit", "1111 1 VND", "--credit", "5132 1 VND"], environment: ["CPF_USER": "kế toán Lan"])
        try ledger.mustRun(["--user", "thủ quỹ Minh", "post", "--date", "2018-06-02", "--debit", "1111 2 VND", "--credit", "5132 2 VND"],
                           environment: ["CPF_USER": "kế toán Lan"])
        try ledger.mustRun(["post", "--date", "2018-06-03", "--debit", "1111 3 VND", "--credit", "5132 3 VND", "--user=auditor"])
        try ledger.mustRun(["reverse", "1", "--reason", "test", "--date", "2018-06-04"], environment: ["CPF_USER": "reviewer"])
        let postedBy = try ledger.journalJSON().map { $0["posted_by"] as? String }
        #expect(postedBy == ["kế toán Lan", "thủ quỹ Minh", "auditor", "reviewer"])
        let rates = try ledger.run(["rate", "list", "--format", "csv"])
        #expect(rates.standardOutput.contains("tester"), "rate set recorded CPF_USER\n\(rates)")
    }

    @Test func refusesEmptyUserOption() throws {
        let ledger = try CLILedger()
        try expectRefused(ledger, ["--user", "", "post", "--date", "2018-06-01", "--debit", "1111 1 VND", "--credit", "5132 1 VND"],
                          rule: "invalid-text", mentions: ["user name"])
    }
}
