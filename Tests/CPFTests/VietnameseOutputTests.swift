import Foundation
import Testing
import TestSupport

/// Everything a person reads is in Vietnamese when the reader's language is Vietnamese
/// (issue: "every command will be run in Vietnamese and searched for English words"). The
/// demonstration fund of Tây Ninh is built, then every command's help, every listing and
/// report, the controls, the audit trail and a set of refusals and usage errors are run with
/// `CPF_LANG=vi`, and what they print is searched for English words. Identifiers stay as they
/// are: command and option names, codes, rule names, column keys, hashes, quoted data.
@Suite(.serialized) struct VietnameseOutputTests {
    /// English words no Vietnamese text contains.
    static let englishWords: Set<String> = Set("""
        the is and of with entry entries account accounts refused hint missing unknown cannot must give from for grant
        grants received spent available receipt report reports ledger digest file date amount funder program goods children
        balance closed period posted approved only which this that are has was were not or by it be at on per each every
        nothing would should use see run shows lists write written total totals opening closing show rejected
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Identifiers that are English-looking words (report names, option values, kinds).
    static let identifiers = ["trial-balance", "financial-position", "activities", "cash-flow", "ledger", "grants", "donor-statement",
                              "plan-vs-actual", "reach", "disclosure", "management-cap", "table", "csv", "json", "html", "hledger",
                              "beancount", "entries", "disbursements", "program", "unit", "month", "quarter", "year", "allowed",
                              "forbidden", "none", "active", "pledged", "closed", "cancelled", "yes", "no", "vi", "en", "asset",
                              "liability", "net-assets", "revenue", "expense", "government-central", "government-local", "ngo",
                              "company", "individual", "other", "national", "province", "district", "commune", "unrestricted",
                              "restricted", "designated"]

    /// The text with what is not prose removed: example command lines, quoted data, option
    /// names, rule names, keys and column lists, hex digests and ids, markup.
    static func prose(_ output: String) -> String {
        var text = output.replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        var lines: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("cpf ") || line.hasPrefix("--") || line.hasPrefix("Các khóa:") { continue }
            for (pattern, replacement) in [
                ("^[a-z]+( [a-z]+)?\\s{2,}", " "), ("\\bcpf( [a-z-]+){1,2}", " "), ("\"[^\"]*\"", " "), ("'[^']*'", " "),
                ("--[a-z-]+", " "), ("\\((?:[a-z]+-)*[a-z]+\\)", " "), ("\\S*[/=_]\\S*", " "), ("\\b[a-z]+(-[a-z]+)+\\b", " "),
                ("\\b[a-z_]+(?=[,\\[]\\S)", " "), ("(?<=[,\\[])[a-z_]+\\b", " "), ("\\b[0-9a-f]*[0-9][0-9a-f]*\\b", " "),
            ] {
                line = line.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
            }
            for identifier in identifiers {
                line = line.replacingOccurrences(of: "(?<![A-Za-z-])\(NSRegularExpression.escapedPattern(for: identifier))(?![A-Za-z-])",
                                                 with: " ", options: .regularExpression)
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The English words left in `output` once identifiers are taken out.
    static func englishIn(_ output: String) -> [String] {
        let words = prose(output).split { !$0.isLetter }.map(String.init)
        return Array(Set(words.filter { englishWords.contains($0) })).sorted()
    }

    private static let demo: Result<CLILedger, any Error> = Result {
        let ledger = try CLILedger(making: { _ in })
        try ledger.mustRun(["demo", "--output", ledger.directory.file("reports")], environment: ["CPF_LANG": "vi"])
        return ledger
    }

    private func expectVietnamese(_ arguments: [String], in ledger: CLILedger) throws {
        let result = try ledger.run(arguments, environment: ["CPF_LANG": "vi"])
        let english = VietnameseOutputTests.englishIn(result.standardOutput + "\n" + result.standardError)
        #expect(english.isEmpty, "cpf \(arguments.joined(separator: " ")) prints English: \(english)\n\(result.standardOutput)\(result.standardError)")
    }

    @Test func theScanFindsEnglishAndLetsIdentifiersThrough() {
        // "closed" is also a grant status, so it is let through as an identifier.
        #expect(VietnameseOutputTests.englishIn("refused (period-closed): the books are closed through 31/12/2018") == ["are", "refused", "the"])
        #expect(VietnameseOutputTests.englishIn("từ chối (period-closed): sổ đã khóa đến ngày 31/12/2018\ngợi ý: 'cpf period list'").isEmpty)
        #expect(VietnameseOutputTests.englishIn("  cpf report ledger --account 1121\nMã băm 3b1f0c").isEmpty)
    }

    @Test func everyCommandsHelpIsVietnamese() throws {
        let ledger = try VietnameseOutputTests.demo.get()
        let overview = try ledger.run(["--help"], environment: ["CPF_LANG": "vi"])
        #expect(VietnameseOutputTests.englishIn(overview.standardOutput).isEmpty, "\(overview.standardOutput)")
        let names = try UsageTests.listedCommands()
        #expect(names.count >= 45)
        for name in names { try expectVietnamese(["help"] + name.split(separator: " ").map(String.init), in: ledger) }
    }

    @Test(arguments: [
        ["account", "list"], ["rate", "list"], ["funder", "list"], ["program", "list"], ["unit", "list"], ["item", "list"],
        ["grant", "list"], ["grant", "show", "QBTTEVN-2018-QUA"], ["plan", "list"], ["settings", "show"], ["period", "list"], ["pending"],
        ["journal"], ["verify"], ["audit"], ["history"], ["seal", "--period", "2018"], ["reconcile", "grants", "--year", "2018"],
        ["report", "trial-balance", "--to", "2018-12-31"], ["report", "financial-position", "--at", "2018-12-31"],
        ["report", "activities", "--year", "2018"], ["report", "cash-flow", "--year", "2018"],
        ["report", "ledger", "--account", "1121", "--year", "2018"], ["report", "grants", "--to", "2018-12-31"],
        ["report", "donor-statement", "--funder", "AIA", "--year", "2018"], ["report", "donor-statement", "--funder", "QBTTEVN", "--year", "2018"],
        ["report", "plan-vs-actual", "--year", "2018"], ["report", "reach", "--year", "2018", "--by", "program,unit,quarter"],
        ["report", "disclosure", "--year", "2018"], ["report", "management-cap", "--year", "2018"],
        ["report", "donor-statement", "--funder", "AIA", "--year", "2018", "--format", "html"],
        ["report", "grants", "--to", "2018-12-31", "--format", "html"],
    ])
    func everyListingAndReportIsVietnamese(_ arguments: [String]) throws {
        try expectVietnamese(arguments, in: try VietnameseOutputTests.demo.get())
    }

    /// Refusals and usage errors: each leaves the books as they were and says why in Vietnamese.
    @Test(arguments: [
        ["post", "--date", "2018-13-01", "--debit", "1121 1 VND", "--credit", "5132 1 VND"],
        ["post", "--date", "2018-06-01", "--memo", "x", "--debit", "1121 100 VND", "--credit", "5132 200 VND"],
        ["post", "--date", "2018-06-01", "--memo", "x", "--debit", "9999 100 VND", "--credit", "5132 100 VND"],
        ["post", "--date", "2018-06-01", "--memo", "x", "--debit", "1121 1,000 VND", "--credit", "5132 1,000 VND"],
        ["disburse", "--date", "2018-01-01", "--program", "scholarship", "--unit", "TN", "--amount", "999999999999 VND", "--children", "3"],
        ["disburse", "--date", "2018-01-01", "--program", "scholarship", "--unit", "TN", "--in-kind", "bicycle", "--quantity", "5", "--children", "5"],
        ["reverse", "999", "--reason", "x"], ["receive", "--date", "2018-01-01", "--funder", "NOPE", "--amount", "10 VND"],
        ["rate", "set", "XYZ", "2018-01-01", "10", "--source", "SBV"], ["grant", "show", "NOPE"], ["report", "nope"],
        ["journal", "--bogus"], ["recieve"], ["grant", "shwo"], ["settings", "set", "language", "fr"],
        ["report", "reach", "--year", "2018", "--by", "colour"], ["period", "close", "2099-12"], ["approve", "7"],
        ["account", "close", "1121", "--date", "2018-12-31"],
    ])
    func refusalsAndUsageErrorsAreVietnamese(_ arguments: [String]) throws {
        let ledger = try VietnameseOutputTests.demo.get()
        let before = try Data(contentsOf: URL(fileURLWithPath: ledger.path))
        let result = try ledger.run(arguments, environment: ["CPF_LANG": "vi"])
        #expect(result.status != 0, "cpf \(arguments.joined(separator: " ")) refuses")
        #expect(result.standardError.contains("cpf: từ chối (") || result.standardError.contains("Xem cách dùng") || result.standardError.contains("Xem danh sách lệnh"),
                "\(result.standardError)")
        let english = VietnameseOutputTests.englishIn(result.standardOutput + "\n" + result.standardError)
        #expect(english.isEmpty, "cpf \(arguments.joined(separator: " ")) prints English: \(english)\n\(result.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: ledger.path)) == before, "a refusal changes nothing")
    }

    @Test func theFundsLanguageSettingGovernsWithoutAnEnvironmentVariable() throws {
        let ledger = try CLILedger(making: { _ in })
        let created = try CPFRunner.run(["--db", ledger.path, "init", "--name", "Quỹ thử"], in: ledger.directory.path, environment: ["CPF_LANG": ""])
        #expect(created.standardOutput.hasPrefix("Đã tạo sổ"), "a new fund reads Vietnamese: \(created.standardOutput)")
        let english = try CLILedger(making: { _ in })
        let made = try CPFRunner.run(["--db", english.path, "--lang", "en", "init", "--name", "Test fund"], in: english.directory.path, environment: ["CPF_LANG": ""])
        #expect(made.standardOutput.hasPrefix("Created the ledger"))
        let listing = try CPFRunner.run(["--db", english.path, "settings", "show"], in: english.directory.path, environment: ["CPF_LANG": ""])
        #expect(listing.standardOutput.contains("language") && listing.standardOutput.contains("Settings"), "the English fund answers in English: \(listing.standardOutput)")
        let overridden = try CPFRunner.run(["--db", english.path, "settings", "show"], in: english.directory.path, environment: ["CPF_LANG": "vi"])
        #expect(overridden.standardOutput.contains("Thiết lập"), "CPF_LANG overrides the fund's setting")
    }
}
