#if canImport(Glibc)
import Glibc
#endif
import FundLedger
import LedgerGenerator

/// `cpf-bench`: measures the ledger on this machine. Run it in release mode:
///
///     swift run -c release cpf-bench                       # 100,000 and 1,000,000 entries
///     swift run -c release cpf-bench --entries 100000
///
/// For each size it builds a ledger from the deterministic generator through the library and
/// prints: batched posting (entries/s) against raw SQLite inserts of the same rows, one
/// durable post per transaction, trial-balance latency (today and past dates), and verify
/// throughput. `--phases network` builds a national and 34 provincial ledgers of that size with
/// transfers between them and times `cpf consolidate` over them. Figures are measured, never
/// asserted: compare them with the targets yourself.

struct Options {
    var sizes = [100_000, 1_000_000]
    var directory = "/tmp"
    var batchSize = 10_000
    var durableCount = 3_000
    /// Keep the import file and a copy of the prepared ledger, for profiling by hand.
    var keep = false
    /// How long hledger and ledger may take before they are stopped, in seconds.
    var peerTimeoutSeconds = 900.0
    /// How many times the import and its sqlite3 baseline run, in turn: one run of each is
    /// at the mercy of whatever else the machine does at that moment.
    var importRounds = 3
    var phases: Set<String> = ["durable", "raw", "post", "trial-balance", "verify", "import", "reports", "peers", "cli-post"]

    init(_ arguments: [String]) {
        var index = 0
        func next() -> String {
            index += 1
            guard index < arguments.count else { fail("\(arguments[index - 1]) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--entries": sizes = next().split(separator: ",").compactMap { Int($0) }
            case "--dir": directory = next()
            case "--batch": batchSize = Int(next()) ?? batchSize
            case "--durable": durableCount = Int(next()) ?? durableCount
            case "--keep": keep = true
            case "--peer-timeout": peerTimeoutSeconds = Double(next()) ?? peerTimeoutSeconds
            case "--phases": phases = Set(next().split(separator: ",").map(String.init))
            case "--import-rounds": importRounds = max(1, Int(next()) ?? importRounds)
            case "--help", "-h":
                print("USAGE: cpf-bench [--entries N[,N…]] [--dir DIR] [--batch N] [--durable N] [--keep] [--peer-timeout SECONDS] [--import-rounds N] [--phases durable,raw,post,trial-balance,verify,xlsx,import,reports,peers,cli-post,network]")
                exit(0)
            default: fail("unknown argument \(arguments[index])")
            }
            index += 1
        }
    }
}

func fail(_ message: String) -> Never {
    print("cpf-bench: \(message)")
    exit(2)
}

func grouped(_ value: Int) -> String { MoneyFormat.english.number(Int64(value)) }

func report(_ name: String, _ value: String) {
    print("  " + name + String(repeating: " ", count: max(1, 58 - name.count)) + value)
    // Line by line, so a long run written to a file shows each figure as it is measured.
    fflush(nil)
}

/// The benchmarks, with the options they run under.
struct Bench {
    let options: Options
    let user = "bench"
}

let bench = Bench(options: Options(Array(CommandLine.arguments.dropFirst())))
let options = bench.options
print("cpf-bench — \(CommandLine.arguments.joined(separator: " "))")
do {
    if options.phases.contains("durable") { try bench.benchmarkDurablePosts() }
    if options.phases.contains("single-cpu") { try bench.benchmarkDurablePosts(durable: false) }
    for size in options.sizes {
        print("\n\(grouped(size)) entries:")
        if options.phases.contains("raw") { try bench.benchmarkRawInserts(size: size) }
        if options.phases.contains("import") {
            let imported = try bench.benchmarkImport(size: size)
            if options.phases.contains("reports") { try bench.benchmarkReports(imported, size: size) }
            if options.phases.contains("peers") { try bench.benchmarkPlainTextLedgers(imported, size: size) }
            if options.phases.contains("cli-post") { try bench.benchmarkCLIPost(imported) }
            report("peak resident memory so far", "\(format(peakResidentMiB())) MiB")
        }
        if options.phases.contains("network") { try bench.benchmarkNetwork(size: size) }
        guard options.phases.contains("post") else { continue }
        let ledger = try bench.benchmarkBatchedPosting(size: size)
        if options.phases.contains("trial-balance") { try bench.benchmarkTrialBalance(ledger, size: size) }
        if options.phases.contains("verify") { try bench.benchmarkVerify(ledger, size: size) }
        if options.phases.contains("xlsx") { try bench.benchmarkWorkbookExport(ledger, size: size) }
        report("peak resident memory so far", "\(format(peakResidentMiB())) MiB")
    }
} catch {
    fail("\(error)")
}
