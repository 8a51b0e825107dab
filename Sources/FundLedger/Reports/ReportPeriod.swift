import ReportQueries

extension Ledger {
    /// Runs `body` with the report period set (reports/period-totals.sql): the temporary
    /// `report_period` row that the `period_totals` view reads. The view and table are
    /// created once per connection, in the connection's private temporary database.
    func withReportPeriod<T>(_ spans: PeriodSpans, _ body: () throws -> T) throws -> T {
        try prepareReportObjects()
        try database.execute("DELETE FROM report_period", [])
        var values: [any DatabaseBindable] = []
        let parameters = spans.parameters
        for name in [":whole_from", ":whole_to", ":head_from", ":head_to", ":tail_from", ":tail_to"] { values.append(parameters[name]!) }
        try database.execute("INSERT INTO report_period (whole_from, whole_to, head_from, head_to, tail_from, tail_to) VALUES (?, ?, ?, ?, ?, ?)", values)
        return try body()
    }

    /// Creates the report period's temporary table and view unless this connection has them.
    /// `write` calls it before it begins, so that posting rules, which read grant figures
    /// inside the transaction, find them made once for the connection.
    func prepareReportObjects() throws {
        guard !reportObjectsReady else { return }
        try database.execute(ReportQueries.periodTotals)
        // Temporary objects made inside a transaction go with it when it is rolled back (a
        // refused import): only those made outside one are known to stay. The script says
        // IF NOT EXISTS, so running it again is harmless.
        reportObjectsReady = !database.isInTransaction
    }
}
