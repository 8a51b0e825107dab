#if canImport(Glibc)
import Glibc
#endif
import FundLedger
import LedgerGenerator

/// Import through the `cpf` binary against the sqlite3 shell's `.import`, reports over the
/// imported books, the plain-text ledgers on the exported journal, and single CLI posts.
extension Bench {
    /// The `cpf` executable beside this benchmark (`swift build -c release` builds both).
    var cpfPath: String? {
        let directory = CommandLine.arguments[0].contains("/") ? String(CommandLine.arguments[0][..<CommandLine.arguments[0].lastIndex(of: "/")!]) : "."
        let candidate = directory + "/cpf"
        return access(candidate, X_OK) == 0 ? candidate : nil
    }

    func requireCPF() -> String {
        guard let cpfPath else { fail("the cpf binary is not beside cpf-bench; build both first: swift build -c release") }
        return cpfPath
    }

    /// Writes the generator's entries as an import file, times `sqlite3 .import` of the same
    /// file into a bare table and `cpf import` of it into a prepared ledger, and returns the
    /// ledger for the report timings.
    ///
    /// The two run in turn `importRounds` times, each import into a fresh copy of the same
    /// prepared ledger; every round is printed, then the medians and the median of the
    /// rounds' ratios.
    func benchmarkImport(size: Int) throws -> Ledger {
        let cpf = requireCPF()
        let csvPath = "\(options.directory)/cpf-bench-import-\(size).csv"
        let ledgerPath = "\(options.directory)/cpf-bench-import-\(size).cpf"
        var start = now()
        let records = try EntriesCSVFile.write(LedgerGenerator(), count: size, to: csvPath)
        var status = stat()
        stat(csvPath, &status)
        report("import file written (entries layout)", "\(grouped(records)) records, \(format(Double(status.st_size) / 1_048_576)) MiB (\(format(now() - start, 2)) s)")

        let barePath = "\(options.directory)/cpf-bench-bare-\(size).db"
        let hasSQLite3 = programExists("sqlite3")
        if !hasSQLite3 {
            report("sqlite3 .import into a bare table (baseline)", "skipped: sqlite3 is not installed (apt-get install sqlite3)")
        }
        /// One run of `sqlite3 .import` into a new bare table: seconds and peak MiB.
        func baselineRun() -> ChildRun? {
            guard hasSQLite3 else { return nil }
            removeLedger(barePath)
            defer { removeLedger(barePath) }
            let run = runChild(["sqlite3", barePath, ".import --csv \(csvPath) line"])
            guard run.status == 0 else { fail("sqlite3 .import failed with status \(run.status)") }
            return run
        }

        removeLedger(ledgerPath)
        start = now()
        let ledger = try Ledger.create(at: ledgerPath, fundName: "Import benchmark", user: user)
        try LedgerGenerator().prepare(ledger, entryCount: size, user: user)
        report("ledger prepared (rates, funders, grants)", "\(format(now() - start, 2)) s")
        if options.keep {
            removeLedger(ledgerPath + ".prepared")
            try ledger.backup(to: ledgerPath + ".prepared")
        }
        // Rounds before the last import into a copy; the last one into the ledger the
        // reports then read.
        let roundPath = ledgerPath + ".round"
        var (baselines, imports, ratios, peaks): ([Double], [Double], [Double], [Double]) = ([], [], [], [])
        for round in 1...options.importRounds {
            let target = round == options.importRounds ? ledgerPath : roundPath
            if target == roundPath {
                removeLedger(roundPath)
                try ledger.backup(to: roundPath)
            }
            let base = baselineRun()
            let run = runChild([cpf, "--db", target, "--user", user, "import", csvPath])
            guard run.status == 0 else { fail("cpf import failed with status \(run.status)") }
            if target == roundPath { removeLedger(roundPath) }
            imports.append(run.seconds)
            peaks.append(run.peakResidentMiB)
            var figure = "cpf import \(format(run.seconds, 2)) s (peak \(format(run.peakResidentMiB)) MiB)"
            if let base {
                baselines.append(base.seconds)
                ratios.append(run.seconds / base.seconds)
                figure = "sqlite3 .import \(format(base.seconds, 2)) s (peak \(format(base.peakResidentMiB)) MiB), " + figure + ", \(format(run.seconds / base.seconds, 2))×"
            }
            report("import round \(round) of \(options.importRounds)", figure)
        }
        if !baselines.isEmpty {
            report("sqlite3 .import into a bare table (baseline)", "\(format(median(baselines), 2)) s, median of \(baselines.count)")
        }
        let importSeconds = median(imports)
        let ratio = ratios.isEmpty ? "" : ", \(format(median(ratios), 2))× the sqlite3 baseline (median of the rounds' ratios)"
        report("cpf import (validated, hash-chained, totals kept)",
               "\(format(importSeconds, 2)) s median, \(grouped(Int(Double(size) / importSeconds))) entries/s, peak \(format(peaks.max() ?? 0)) MiB\(ratio)")
        let again = runChild([cpf, "--db", ledgerPath, "--user", user, "import", csvPath])
        report("cpf import of the same file again (all already posted)", "\(format(again.seconds, 2)) s, status \(again.status)")
        if !options.keep { unlink(csvPath) }
        return ledger
    }

    /// The reports auditors and donors read most, over the imported books: in the library
    /// (median of 5 after one warm-up) and as `cpf report` from process start to exit.
    func benchmarkReports(_ ledger: Ledger, size: Int) throws {
        // A year in the middle of the books (the generator puts entriesPerDay on each day).
        let generator = LedgerGenerator()
        let year = generator.startDate.adding(days: size / generator.entriesPerDay / 2).year
        let (first, last) = (LedgerDate.firstOf(year: year), LedgerDate.lastOf(year: year))
        // Mid-month bounds make the reports read lines for the partial months, not only totals.
        let (from, to) = (LedgerDate(year: year, month: 3, day: 15)!, LedgerDate(year: year, month: 10, day: 20)!)
        let reports: [(name: String, arguments: [String], body: () throws -> Void)] = [
            ("trial-balance", ["trial-balance"], { _ = try ledger.trialBalanceReport(through: .latest) }),
            ("trial-balance --to \(to)", ["trial-balance", "--to", to.iso], { _ = try ledger.trialBalanceReport(through: to) }),
            ("financial-position --at \(to)", ["financial-position", "--at", to.iso], { _ = try ledger.financialPositionReport(at: to) }),
            ("activities \(from)…\(to)", ["activities", "--from", from.iso, "--to", to.iso], { _ = try ledger.activitiesReport(from: from, to: to) }),
            ("ledger 1122, one month", ["ledger", "--account", "1122", "--from", "\(year)-06-01", "--to", "\(year)-06-30"],
             { _ = try ledger.accountRegisterReport(accountCode: "1122", from: LedgerDate(year: year, month: 6, day: 1)!, to: LedgerDate(year: year, month: 6, day: 30)!) }),
            ("grants (\(LedgerGenerator.grantCount) grants)", ["grants"], { _ = try ledger.grantsReport(through: .latest) }),
            ("donor-statement NGO0 \(year)", ["donor-statement", "--funder", "NGO0", "--year", String(year)],
             { _ = try ledger.donorStatementReport(funderCode: "NGO0", from: first, to: last) }),
            ("plan-vs-actual \(year)", ["plan-vs-actual", "--year", String(year)], { _ = try ledger.planVersusActualReport(fromYear: year, toYear: year) }),
            ("reach \(year) by program, unit", ["reach", "--year", String(year), "--by", "program,unit"],
             { _ = try ledger.reachReport(from: first, to: last, grouping: ReachGrouping(byProgram: true, byUnit: true)) }),
            ("disclosure \(year)", ["disclosure", "--year", String(year)], { _ = try ledger.disclosureReport(year: year) }),
            ("management-cap \(year)", ["management-cap", "--year", String(year)], { _ = try ledger.managementCapReport(year: year) }),
        ]
        let cpf = cpfPath
        for (name, arguments, body) in reports {
            try body()
            var times: [Double] = []
            for _ in 0..<5 {
                let start = now()
                try body()
                times.append(now() - start)
            }
            var figure = "\(format(median(times) * 1000, 1)) ms in the library"
            if let cpf {
                let run = runChild([cpf, "--db", ledger.path, "report"] + arguments)
                figure += ", \(format(run.seconds * 1000, 1)) ms as cpf report (status \(run.status))"
            }
            report("report \(name)", figure)
        }
    }

    /// The same books in hledger and ledger: `bal` on the exported journal, in this run, so
    /// the figures sit side by side.
    func benchmarkPlainTextLedgers(_ ledger: Ledger, size: Int) throws {
        let cpf = requireCPF()
        let journalPath = "\(options.directory)/cpf-bench-\(size).journal"
        unlink(journalPath)
        let export = runChild([cpf, "--db", ledger.path, "export", "--format", "hledger"], outputPath: journalPath)
        guard export.status == 0 else { fail("cpf export failed with status \(export.status)") }
        report("cpf export --format hledger", "\(format(export.seconds, 2)) s, peak \(format(export.peakResidentMiB)) MiB")
        for (tool, arguments) in [("hledger", ["hledger", "-f", journalPath, "bal", "--cost"]), ("ledger", ["ledger", "-f", journalPath, "bal"])] {
            guard programExists(tool) else {
                report("\(tool) bal on the exported journal", "skipped: \(tool) is not installed (apt-get install \(tool))")
                continue
            }
            let run = runChild(arguments, timeoutSeconds: options.peerTimeoutSeconds)
            let outcome = run.status == 137 && run.seconds >= options.peerTimeoutSeconds
                ? "stopped unfinished after \(format(run.seconds, 0)) s (--peer-timeout)" : "\(format(run.seconds, 2)) s, status \(run.status)"
            report("\(arguments.joined(separator: " ").replacingAll(journalPath, "JOURNAL"))", "\(outcome), peak \(format(run.peakResidentMiB)) MiB")
        }
        if !options.keep { unlink(journalPath) }
    }

    /// One `cpf post` through the command line, process start to exit, on a ledger of `size`
    /// entries: the accountant's everyday wait.
    func benchmarkCLIPost(_ ledger: Ledger, runs: Int = 41) throws {
        let cpf = requireCPF()
        var times: [Double] = []
        let first = LedgerGenerator().startDate
        for index in 0..<runs {
            let run = runChild([cpf, "--db", ledger.path, "--user", user, "post", "--date", first.iso, "--memo", "bench post",
                                "--ref", "CLI-\(index)-\(Int(now() * 1000))", "--debit", "1121 1000000 VND", "--credit", "5132 1000000 VND funder=IN1"])
            guard run.status == 0 else { fail("cpf post failed with status \(run.status)") }
            times.append(run.seconds)
        }
        report("single cpf post, process start to exit (median of \(runs))", "\(format(median(times) * 1000, 1)) ms (max \(format(times.max()! * 1000, 1)) ms)")
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
