import Foundation

/// A ledger made and used only through the `cpf` binary, in its own temporary directory:
/// what the end-to-end tests of `Tests/CPFTests` start from.
public final class CLILedger: @unchecked Sendable {
    public let directory: TemporaryDirectory
    public let path: String

    /// The fund name `init` is given.
    public static let defaultFundName = "Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm"

    /// Runs `cpf --db PATH init --name …` and, when asked, `cpf rate set USD 2018-01-01 22750
    /// --source SBV`, so foreign lines dated in 2018 have a rate.
    public init(fundName: String = CLILedger.defaultFundName, withUSDRate: Bool = true) throws {
        directory = TemporaryDirectory("cpf-cli")
        path = directory.file("fund.cpf")
        try mustRun(["init", "--name", fundName])
        if withUSDRate { try mustRun(["rate", "set", "USD", "2018-01-01", "22750", "--source", "SBV"]) }
    }

    /// A ledger file that `make` writes at the path given to it (a fixture, a copy).
    public init(making make: (String) throws -> Void) throws {
        directory = TemporaryDirectory("cpf-cli")
        path = directory.file("fund.cpf")
        try make(path)
    }

    /// Runs `cpf --db PATH arguments…` in the ledger's directory.
    @discardableResult
    public func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CPFResult {
        try CPFRunner.run(["--db", path] + arguments, in: directory.path, environment: environment)
    }

    /// Runs `cpf --db PATH arguments…` and throws when it does not exit 0: for the steps that
    /// set a test up, not for what the test checks.
    @discardableResult
    public func mustRun(_ arguments: [String], environment: [String: String] = [:]) throws -> CPFResult {
        let result = try run(arguments, environment: environment)
        guard result.status == 0 else { throw CLISetupError(arguments: arguments, result: result) }
        return result
    }

    /// Posts a balanced VND entry (`--debit "DEBIT AMOUNT VND" --credit "CREDIT AMOUNT VND"`).
    @discardableResult
    public func postDong(_ amount: Int64, debit: String, credit: String, date: String = "2018-06-01",
                         memo: String = "test entry", reference: String? = nil) throws -> CPFResult {
        var arguments = ["post", "--date", date, "--memo", memo, "--debit", "\(debit) \(amount) VND", "--credit", "\(credit) \(amount) VND"]
        if let reference { arguments += ["--ref", reference] }
        return try mustRun(arguments)
    }

    /// The file as it is now; see `LedgerFingerprint.leavingNoTrace(of:)`.
    public func fingerprint() throws -> LedgerFingerprint { try LedgerFingerprint.leavingNoTrace(of: path) }

    /// `cpf journal --format json`, parsed.
    public func journalJSON() throws -> [[String: Any]] {
        let result = try mustRun(["journal", "--format", "json"])
        guard let entries = try JSON.parse(result.standardOutput) as? [[String: Any]] else {
            throw CLISetupError(arguments: ["journal", "--format", "json"], result: result)
        }
        return entries
    }

    /// `cpf report trial-balance --format json --to DATE`, parsed.
    public func trialBalanceJSON(through date: String = "2199-12-31") throws -> TrialBalanceJSON {
        let arguments = ["report", "trial-balance", "--format", "json", "--to", date]
        let result = try mustRun(arguments)
        guard let report = TrialBalanceJSON(result.standardOutput) else { throw CLISetupError(arguments: arguments, result: result) }
        return report
    }
}

extension LedgerFingerprint {
    /// `LedgerFingerprint.of(path)`, then the removal of what measuring left behind.
    ///
    /// `of(_:)` reads a WAL-mode ledger with a read-only connection, which creates an empty
    /// `-wal` (and a `-shm`) that it cannot delete when it closes; the next fingerprint would
    /// then see a WAL that no `cpf` wrote. An empty WAL holds no frames, so removing the files
    /// the measurement created restores the directory exactly as it was.
    public static func leavingNoTrace(of path: String) throws -> LedgerFingerprint {
        let manager = FileManager.default
        let walPath = path + "-wal"
        let shmPath = path + "-shm"
        let hadWAL = manager.fileExists(atPath: walPath)
        let hadSHM = manager.fileExists(atPath: shmPath)
        let fingerprint = try of(path)
        if !hadWAL, let attributes = try? manager.attributesOfItem(atPath: walPath),
           (attributes[.size] as? NSNumber)?.intValue == 0 {
            try manager.removeItem(atPath: walPath)
            if !hadSHM { try? manager.removeItem(atPath: shmPath) }
        }
        return fingerprint
    }
}

/// A setup step of a test failed: the test cannot go on.
public struct CLISetupError: Error, CustomStringConvertible {
    public let description: String

    public init(arguments: [String], result: CPFResult) {
        description = "cpf \(arguments.joined(separator: " ")) failed:\n\(result)"
    }
}

/// Parsing `cpf`'s JSON output with Foundation's `JSONSerialization`.
public enum JSON {
    public static func parse(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    /// A JSON number as an exact integer (`JSONSerialization` gives `NSNumber`s).
    public static func integer(_ value: Any?) -> Int64? {
        (value as? NSNumber)?.int64Value
    }
}

/// The JSON of `cpf report trial-balance --format json`, read into plain values.
public struct TrialBalanceJSON {
    public let object: [String: Any]
    /// The rows of the `accounts` table, by account code.
    public let rows: [String: [String: Any]]
    public let totals: [String: Any]

    public init?(_ text: String) {
        guard let object = (try? JSON.parse(text)) as? [String: Any],
              let tables = object["tables"] as? [[String: Any]],
              let accounts = tables.first(where: { $0["key"] as? String == "accounts" }),
              let rows = accounts["rows"] as? [[String: Any]],
              let totals = accounts["totals"] as? [String: Any] else { return nil }
        self.object = object
        self.rows = Dictionary(rows.compactMap { row in (row["account"] as? String).map { ($0, row) } }, uniquingKeysWith: { first, _ in first })
        self.totals = totals
    }

    /// The integer in `column` of `account`'s row; `nil` when the cell is empty or the row absent.
    public func dong(_ account: String, _ column: String) -> Int64? { JSON.integer(rows[account]?[column]) }

    /// The integer in `column` of the totals row.
    public func total(_ column: String) -> Int64? { JSON.integer(totals[column]) }
}

extension String {
    /// The text's lines without their ends (LF or CRLF; RFC 4180 CSV ends records with CRLF),
    /// leaving out empty lines.
    public var lines: [String] { split(whereSeparator: \.isNewline).map(String.init) }

    /// The 64-hex-digit digest after "digest " on the last line of `cpf verify`.
    public var headDigest: String? {
        guard let range = range(of: "digest ", options: .backwards) else { return nil }
        let digest = String(self[range.upperBound...].prefix(while: { !$0.isNewline }))
        return digest.count == 64 && digest.allSatisfy(\.isHexDigit) ? digest : nil
    }
}
