#if canImport(Glibc)
import Glibc
#endif
import FundLedger
import LedgerGenerator

/// Consolidation of a national ledger and 34 provincial ledgers (issue 16): each built from
/// the generator with `size` entries, with transfers of money from the national fund to every
/// province, most received and some still in transit. `cpf consolidate` then runs as a child
/// process, so its time and peak memory are its own: without verification, with every file
/// verified, and a transfer notice's round trip (send, receive) is timed too. It runs once
/// while the ledgers are still open here (their last pages wait in -wal files, so verify
/// reads through SQLite), then on the closed files, as collected files are: written to disk
/// first (`sync`), so that writing back the pages just built does not share the processors
/// with what is timed, and each timed three times (the median, with the slowest run).
extension Bench {
    func benchmarkNetwork(size: Int, provinces: Int = 34, transfersPerProvince: Int = 10) throws {
        let cpf = requireCPF()
        let directory = "\(options.directory)/cpf-bench-network-\(size)"
        mkdir(directory, 0o755)
        let total = (provinces + 1) * size
        let consolidate = { (label: String, extra: [String], paths: [String], runs: Int) in
            var times: [Double] = [], peak = 0.0
            for _ in 0..<runs {
                let run = runChild([cpf, "consolidate"] + paths + ["--to", "2016-12-31", "--format", "csv"] + extra, sampling: true)
                guard run.status == 0 else { fail("cpf consolidate exited \(run.status)") }
                times.append(run.seconds)
                peak = max(peak, run.peakResidentMiB)
            }
            let timing = runs == 1 ? "\(format(times[0], 2)) s" : "median \(format(median(times), 2)) s of \(runs) (slowest \(format(times.max()!, 2)) s)"
            report("\(label) (\(grouped(total)) entries)", "\(timing), peak \(format(peak)) MiB")
        }
        // While this process still holds every ledger open, their last changes wait in their
        // -wal files, and verify reads the journal through SQLite.
        let paths = try buildNetwork(in: directory, size: size, provinces: provinces, transfersPerProvince: transfersPerProvince) { paths in
            consolidate("consolidate, trial balance, every file verified, -wal files pending", ["--report", "trial-balance"], paths, 1)
        }
        sync()
        // Closed, as files collected from the provinces are: verify reads the pages.
        for (label, extra) in [("consolidate, trial balance, no verify", ["--report", "trial-balance", "--no-verify"]),
                               ("consolidate, every statement, no verify", ["--no-verify"]),
                               ("consolidate, trial balance, every file verified", ["--report", "trial-balance"]),
                               ("consolidate, every statement, every file verified", [])] {
            consolidate(label, extra, paths, 3)
        }
        if !options.keep { for path in paths { removeLedger(path) }; rmdir(directory) }
    }

    /// Builds the ledgers and the transfers between them, calls `whileOpen` with their paths
    /// while they are still open here, and closes them (the last connection to each copies its
    /// -wal file into the file and removes it).
    private func buildNetwork(in directory: String, size: Int, provinces: Int, transfersPerProvince: Int,
                              whileOpen: ([String]) -> Void) throws -> [String] {
        var paths: [String] = []
        var ledgers: [Ledger] = []
        let buildStart = now()
        for index in 0...provinces {
            let path = "\(directory)/fund-\(index).cpf"
            removeLedger(path)
            let ledger = try Ledger.create(at: path, fundName: index == 0 ? "Quỹ Bảo trợ trẻ em Việt Nam" : "Quỹ BTTE tỉnh \(index)", user: user)
            let generator = LedgerGenerator(seed: 2018 + UInt64(index))
            try generator.prepare(ledger, entryCount: size, user: user)
            var iterator = generator.makeIterator()
            var posted = 0
            while posted < size {
                var batch: [EntryDraft] = []
                while batch.count < options.batchSize && posted + batch.count < size, let entry = iterator.next() { batch.append(entry) }
                _ = try ledger.post(batch, user: user)
                posted += batch.count
            }
            paths.append(path)
            ledgers.append(ledger)
        }
        report("\(provinces + 1) ledgers of \(grouped(size)) entries built", "\(format(now() - buildStart, 1)) s")
        let national = ledgers[0]
        for (index, province) in ledgers.enumerated().dropFirst() {
            try national.addFund(code: "P\(index)", name: province.fundName, level: .province, parentCode: nil, ledgerID: province.ledgerID, user: user)
            try province.addFund(code: "VN", name: national.fundName, level: .national, parentCode: nil, ledgerID: national.ledgerID, user: user)
        }
        // After the generated entries: the generator's books run about a year and a quarter from 2014.
        let first = LedgerDate(year: 2016, month: 1, day: 4)!
        var roundTrips: [Double] = []
        var noticeBytes = 0
        var inTransit = 0
        for step in 0..<transfersPerProvince {
            for (index, province) in ledgers.enumerated().dropFirst() {
                var order = TransferOrder(date: first.adding(days: step), fundCode: "P\(index)", externalRef: "CK-\(index)-\(step)")
                order.amount = .vnd(1_000_000 * Int64(1 + step))
                let start = now()
                let notice = try national.sendTransfer(order, user: user).notice!
                let text = notice.fileText
                noticeBytes = max(noticeBytes, text.utf8.count)
                // The last transfer to every third province is still on its way.
                if step == transfersPerProvince - 1 && index % 3 == 0 { inTransit += 1; continue }
                try province.receiveTransfer(try TransferNotice.read(text), date: first.adding(days: step + 1), user: user)
                roundTrips.append(now() - start)
            }
        }
        roundTrips.sort()
        report("transfer notice round trip (send, write, read, receive)", "median \(format(roundTrips[roundTrips.count / 2] * 1000, 1)) ms, notice \(grouped(noticeBytes)) bytes")
        report("transfers", "\(grouped(provinces * transfersPerProvince)) (\(inTransit) in transit)")
        whileOpen(paths)
        return paths
    }
}
