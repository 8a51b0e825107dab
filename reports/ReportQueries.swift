/// Each report's SQL query, compiled into the binary from the `.sql` files in this folder
/// (`resources: [.embedInCode(...)]` in Package.swift). An auditor reads exactly the query
/// that produced a figure.
public enum ReportQueries {
    /// Trial balance as of a day (`:through_day` as yyyymmdd).
    public static let trialBalance = text(PackageResources.trial_balance_sql)
    /// Received, spent, exchange effect and child-instances per grant.
    public static let grantFigures = text(PackageResources.grant_figures_sql)

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
