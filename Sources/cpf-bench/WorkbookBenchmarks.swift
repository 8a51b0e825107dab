#if canImport(Glibc)
import Glibc
#endif
import FundLedger

extension Bench {
    /// The whole journal as a workbook (`Ledger.exportWorkbook`), beside the CSV export of the
    /// same rows: time, rows per second, the file's size, and the process's peak memory.
    /// The workbook streams, so its memory should not grow with the journal. Meant for the
    /// phase `xlsx` (`--phases post,xlsx`), on the ledger the `post` phase built.
    func benchmarkWorkbookExport(_ ledger: Ledger, size: Int) throws {
        let workbookPath = "\(options.directory)/cpf-bench-journal-\(size).xlsx"
        let csvPath = "\(options.directory)/cpf-bench-journal-\(size).csv"
        defer {
            if !options.keep {
                unlink(workbookPath)
                unlink(csvPath)
            }
        }
        var start = now()
        let summary = try ledger.exportWorkbook(to: workbookPath, language: .vietnamese)
        let workbookSeconds = now() - start
        report("journal as a workbook (.xlsx, stored ZIP)",
               "\(grouped(summary.rowCount)) rows in \(summary.sheetNames.count) sheet\(summary.sheetNames.count == 1 ? "" : "s"), \(format(fileMiB(workbookPath))) MiB, "
               + "\(format(workbookSeconds, 2)) s (\(grouped(Int(Double(summary.rowCount) / workbookSeconds))) rows/s)")
        report("peak resident memory after the workbook", "\(format(peakResidentMiB())) MiB")

        guard let file = fopen(csvPath, "w") else { fail("cannot write \(csvPath)") }
        start = now()
        try ledger.exportJournal(.csv) { text in
            var text = text
            text.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, file) }
        }
        fclose(file)
        report("journal as CSV, for comparison", "\(format(fileMiB(csvPath))) MiB, \(format(now() - start, 2)) s")
    }

    private func fileMiB(_ path: String) -> Double {
        var status = stat()
        stat(path, &status)
        return Double(status.st_size) / 1_048_576
    }
}
