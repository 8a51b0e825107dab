import Foundation
import FundLedger

/// A fresh directory per test, removed when the value is released (GRDB's `GRDBTestCase`
/// keeps a fresh database per test the same way).
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init(_ name: String = "cpf-test") {
        let base = FileManager.default.temporaryDirectory.path
        path = "\(base)/\(name)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A path inside the directory.
    public func file(_ name: String) -> String { "\(path)/\(name)" }
}

/// A ledger in its own temporary directory.
public struct TemporaryLedger {
    public let directory: TemporaryDirectory
    public let path: String
    public let ledger: Ledger

    /// Creates a ledger with the standard chart and, when asked, a USD rate of 22,750 on
    /// 2018-01-01 from SBV.
    public init(fundName: String = "Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm", withUSDRate: Bool = true,
                configuration: Database.Configuration = TemporaryLedger.fastConfiguration) throws {
        directory = TemporaryDirectory()
        path = directory.file("fund.cpf")
        ledger = try Ledger.create(at: path, fundName: fundName, user: "tester", configuration: configuration)
        if withUSDRate {
            try ledger.setRate(.usd, on: LedgerDate(year: 2018, month: 1, day: 1)!, rate: try Rate.parse("22750"), source: "SBV", user: "tester")
        }
    }

    /// Tests do not need power-loss durability; `synchronous=OFF` keeps them quick.
    public static var fastConfiguration: Database.Configuration {
        var configuration = Database.Configuration()
        configuration.synchronousFull = false
        return configuration
    }
}

/// What a ledger file holds, to show that a refused command changed nothing: the bytes of
/// the file (and of its WAL, when one is left) and every row of every table.
public struct LedgerFingerprint: Equatable, CustomStringConvertible {
    public let fileDigest: String
    public let walDigest: String?
    public let contentDigest: String
    public let rowCount: Int

    /// Reads the file at `path` with a connection of its own.
    public static func of(_ path: String) throws -> LedgerFingerprint {
        let fileDigest = SHA256.hash(Array(FileManager.default.contents(atPath: path) ?? Data())).hexString
        let walDigest = FileManager.default.contents(atPath: path + "-wal").map { SHA256.hash(Array($0)).hexString }
        var configuration = Database.Configuration()
        configuration.journalModeWAL = false
        let database = try Database(path: path, mode: .readOnly, configuration: configuration)
        let tables = try database.rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name") { $0.text(at: 0) }
        var hasher = SHA256()
        var rows = 0
        for table in tables {
            hasher.update(Array("table \(table)\n".utf8))
            let statement = try database.prepare("SELECT * FROM \"\(table)\" ORDER BY 1, 2")
            while try statement.step() {
                rows += 1
                var text = ""
                for column in 0..<statement.columnCount {
                    text += "\(statement.value(at: column))|"
                }
                hasher.update(Array((text + "\n").utf8))
            }
        }
        return LedgerFingerprint(fileDigest: fileDigest, walDigest: walDigest, contentDigest: hasher.finalize().hexString, rowCount: rows)
    }

    public var description: String { "file \(fileDigest.prefix(12)) wal \(walDigest?.prefix(12) ?? "none") content \(contentDigest.prefix(12)) rows \(rowCount)" }
}
