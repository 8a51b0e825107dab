import Testing
import TestSupport

/// What every refusal of `cpf` looks like (README: "1 for a refusal"; LedgerError: "Every
/// refusal names the rule it applies, says what is wrong, and says how to proceed"):
/// exit status 1, nothing on standard output, standard error starting with
/// `cpf: refused (RULE): ` and a message, then a `hint:` line with some advice.
///
/// - Parameter mentions: texts the message must contain (what is wrong, with its figures).
func expectRefusal(_ result: CPFResult, rule: String, mentions: [String] = [],
                   sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == 1, "\(result)", sourceLocation: sourceLocation)
    #expect(result.standardOutput.isEmpty, "a refusal writes nothing to stdout\n\(result)", sourceLocation: sourceLocation)
    let prefix = "cpf: refused (\(rule)): "
    #expect(result.standardError.hasPrefix(prefix), "stderr should start with '\(prefix)'\n\(result)", sourceLocation: sourceLocation)
    let lines = result.standardError.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let message = lines.first.map { String($0.dropFirst(min(prefix.count, $0.count))) } ?? ""
    #expect(message.count >= 10, "the refusal should say what is wrong\n\(result)", sourceLocation: sourceLocation)
    for text in mentions {
        #expect(message.contains(text), "the message should mention '\(text)'\n\(result)", sourceLocation: sourceLocation)
    }
    let hint = lines.dropFirst().first { $0.hasPrefix("hint: ") }
    #expect(hint.map { $0.count > "hint: ".count + 5 } == true, "stderr should have a 'hint:' line\n\(result)", sourceLocation: sourceLocation)
}

/// Runs `cpf --db LEDGER arguments…`, expects a refusal (`expectRefusal`) and that the file
/// is exactly as before: its bytes, its WAL, and every row.
@discardableResult
func expectRefused(_ ledger: CLILedger, _ arguments: [String], rule: String, mentions: [String] = [],
                   environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) throws -> CPFResult {
    let before = try ledger.fingerprint()
    let result = try ledger.run(arguments, environment: environment)
    expectRefusal(result, rule: rule, mentions: mentions, sourceLocation: sourceLocation)
    let after = try ledger.fingerprint()
    #expect(after == before, "the refused command changed the ledger: before \(before), after \(after)", sourceLocation: sourceLocation)
    return result
}

/// Bad usage (README: "2 for bad usage"): exit status 2, nothing on standard output, and a
/// message on standard error that points at `--help`.
func expectUsageError(_ result: CPFResult, mentions: [String] = [], help: String? = nil,
                      sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == 2, "\(result)", sourceLocation: sourceLocation)
    #expect(result.standardOutput.isEmpty, "bad usage writes nothing to stdout\n\(result)", sourceLocation: sourceLocation)
    #expect(result.standardError.hasPrefix("cpf: "), "\(result)", sourceLocation: sourceLocation)
    for text in mentions {
        #expect(result.standardError.contains(text), "stderr should mention '\(text)'\n\(result)", sourceLocation: sourceLocation)
    }
    let pointer = help.map { "'cpf \($0) --help'" } ?? "--help"
    #expect(result.standardError.contains(pointer), "stderr should point at \(pointer)\n\(result)", sourceLocation: sourceLocation)
}

/// A successful command: exit 0, nothing on standard error.
func expectSuccess(_ result: CPFResult, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
    #expect(result.standardError.isEmpty, "\(result)", sourceLocation: sourceLocation)
}

/// The README tour's first entry: 10,000.00 USD received from an NGO at the SBV rate.
let tourPost = ["post", "--date", "2018-06-01", "--memo", "NGO grant tranche 1", "--ref", "PT-0001",
                "--debit", "1122 10000.00 USD", "--credit", "3372 227500000 VND"]
