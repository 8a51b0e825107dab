/// Each audit control's SQL, compiled into the binary from the `.sql` files in this folder
/// (`resources: [.embedInCode(...)]` in Package.swift), as `reports/` holds the reports'. An
/// auditor reads exactly the query a control runs; each file says what its control finds.
public enum ControlQueries {
    public static let unbalancedEntries = text(PackageResources.unbalanced_entries_sql)
    public static let orphanLines = text(PackageResources.orphan_lines_sql)
    public static let closedPeriods = text(PackageResources.closed_periods_sql)
    public static let foreignRates = text(PackageResources.foreign_rates_sql)
    public static let grantOverspending = text(PackageResources.grant_overspending_sql)
    public static let restrictedPurposes = text(PackageResources.restricted_purposes_sql)
    public static let journalYears = text(PackageResources.journal_years_sql)
    public static let managementCostEntries = text(PackageResources.management_cost_entries_sql)
    public static let linesAgree = text(PackageResources.lines_agree_sql)
    public static let moneyByDay = text(PackageResources.money_by_day_sql)
    public static let goodsByDay = text(PackageResources.goods_by_day_sql)
    public static let goodsLinesWithoutItem = text(PackageResources.goods_lines_without_item_sql)
    public static let goodsItemsWithValueOnly = text(PackageResources.goods_items_with_value_only_sql)
    public static let grantLines = text(PackageResources.grant_lines_sql)
    public static let duplicateReferences = text(PackageResources.duplicate_references_sql)
    public static let reversalTargets = text(PackageResources.reversal_targets_sql)
    public static let reversedTwice = text(PackageResources.reversed_twice_sql)
    public static let reversalsNotMirrored = text(PackageResources.reversals_not_mirrored_sql)
    public static let selfApprovals = text(PackageResources.self_approvals_sql)
    public static let approvedPendingEntries = text(PackageResources.approved_pending_entries_sql)
    public static let approvalThresholdHistory = text(PackageResources.approval_threshold_history_sql)
    public static let entriesByDebitTotal = text(PackageResources.entries_by_debit_total_sql)

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
