/// The ledger's SQL schema, one numbered migration per file in this folder, compiled into
/// the binary (`resources: [.embedInCode(...)]` in Package.swift). The files are both the
/// documentation an auditor reads and the code that runs.
public enum LedgerSchema {
    /// A numbered schema change, applied once, in its own transaction, and recorded.
    public struct Migration: Sendable {
        public let version: Int
        public let name: String
        public let sql: String
    }

    /// Every migration, in order. A new file gets the next number and a line here.
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "001_currencies_and_accounts", sql: text(PackageResources._01_currencies_and_accounts_sql)),
        Migration(version: 2, name: "002_registries", sql: text(PackageResources._02_registries_sql)),
        Migration(version: 3, name: "003_journal", sql: text(PackageResources._03_journal_sql)),
        Migration(version: 4, name: "004_balances", sql: text(PackageResources._04_balances_sql)),
        Migration(version: 5, name: "005_change_log", sql: text(PackageResources._05_change_log_sql)),
        Migration(version: 6, name: "006_funding", sql: text(PackageResources._06_funding_sql)),
        Migration(version: 7, name: "007_controls", sql: text(PackageResources._07_controls_sql)),
        Migration(version: 8, name: "008_grant_totals_index", sql: text(PackageResources._08_grant_totals_index_sql)),
        Migration(version: 9, name: "009_holdings_by_day", sql: text(PackageResources._09_holdings_by_day_sql)),
        Migration(version: 10, name: "010_chained_facts", sql: text(PackageResources._10_chained_facts_sql)),
        Migration(version: 11, name: "011_fund_network", sql: text(PackageResources._11_fund_network_sql)),
        Migration(version: 12, name: "012_cash_flow_by_month", sql: text(PackageResources._12_cash_flow_by_month_sql)),
        Migration(version: 13, name: "013_goods_lines_index", sql: text(PackageResources._13_goods_lines_index_sql)),
        Migration(version: 14, name: "014_goods_uses", sql: text(PackageResources._14_goods_uses_sql)),
    ]

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
