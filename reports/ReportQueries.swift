/// Each report's SQL, compiled into the binary from the `.sql` files in this folder
/// (`resources: [.embedInCode(...)]` in Package.swift). An auditor reads exactly the query
/// that produced a figure; README.md in this folder lists which report uses which.
public enum ReportQueries {
    /// The temporary report period and the `period_totals` view every period report reads.
    public static let periodTotals = text(PackageResources.period_totals_sql)
    /// Trial balance through a day (`:through_day` as yyyymmdd).
    public static let trialBalance = text(PackageResources.trial_balance_sql)
    /// Net assets by restriction class.
    public static let netAssets = text(PackageResources.net_assets_sql)
    /// Receipts by source and uses by program.
    public static let activities = text(PackageResources.activities_sql)
    /// One account's lines with the running balance.
    public static let accountRegister = text(PackageResources.account_register_sql)
    /// Received, spent, exchange effect and child-instances per grant.
    public static let grantFigures = text(PackageResources.grant_figures_sql)
    /// What one funder gave.
    public static let donorReceipts = text(PackageResources.donor_receipts_sql)
    /// Where one funder's money went.
    public static let donorUses = text(PackageResources.donor_uses_sql)
    /// Every movement of goods, in the order lots are drawn.
    public static let goodsMovements = text(PackageResources.goods_movements_sql)
    /// Where one funder's goods in kind went, from `goods_use`.
    public static let donorGoodsUses = text(PackageResources.donor_goods_uses_sql)
    /// The spending lines of every entry that handed goods out.
    public static let goodsOutflowUses = text(PackageResources.goods_outflow_uses_sql)
    /// Plans against spending.
    public static let planVersusActual = text(PackageResources.plan_vs_actual_sql)
    /// Child-instances by program, unit and period.
    public static let reach = text(PackageResources.reach_sql)
    /// The public disclosure's receipts by donor.
    public static let disclosureReceipts = text(PackageResources.disclosure_receipts_sql)
    /// The public disclosure's uses by program.
    public static let disclosureUses = text(PackageResources.disclosure_uses_sql)
    /// Management costs and the revenue the cap is measured on.
    public static let managementCap = text(PackageResources.management_cap_sql)
    /// The statement of cash flows, direct method: cash moved, by section and subject.
    public static let cashFlow = text(PackageResources.cash_flow_sql)
    /// Cash and bank in dong at the end of a day.
    public static let cashBalance = text(PackageResources.cash_balance_sql)

    /// One fund's part of consolidated "grants by original funder" (cpf consolidate).
    public static let networkDonors = text(PackageResources.network_donors_sql)
    /// One fund's goods handed out on its own programs, by the donor of their lots (cpf consolidate).
    public static let networkGoodsDonors = text(PackageResources.network_goods_donors_sql)
    /// One fund's transfers with their notices and entry dates (cpf consolidate).
    public static let networkTransfers = text(PackageResources.network_transfers_sql)

    /// A fund's closing balances by every dimension, for its successor (cpf init --successor-of).
    public static let networkClosing = text(PackageResources.network_closing_sql)

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
