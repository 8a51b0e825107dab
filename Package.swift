// swift-tools-version:6.0
// The Child Protection Fund ledger (Quỹ Bảo trợ trẻ em): no package dependencies — only the
// toolchain (the Swift standard library and Glibc; the tests also use Foundation and Swift
// Testing), SQLite3 from Debian's libsqlite3-dev, and one small C file of our own
// (Sources/CSHA256).
import PackageDescription

let package = Package(
    name: "cpf",
    products: [
        .executable(name: "cpf", targets: ["cpf"]),
        .executable(name: "cpf-bench", targets: ["cpf-bench"]),
        .library(name: "FundLedger", targets: ["FundLedger"]),
    ],
    targets: [
        // SQLite3 from the system (Debian: apt-get install libsqlite3-dev).
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        // SHA-256 rounds on the x86-64 SHA extensions, written here (no library): the hash
        // chain's hot loop. FundLedger's portable Swift rounds run where they are missing.
        .target(name: "CSHA256", path: "Sources/CSHA256"),
        // The numbered schema files, compiled into the binary.
        .target(
            name: "LedgerSchema",
            path: "ledger-schema",
            exclude: [],
            resources: [
                .embedInCode("001_currencies_and_accounts.sql"),
                .embedInCode("002_registries.sql"),
                .embedInCode("003_journal.sql"),
                .embedInCode("004_balances.sql"),
                .embedInCode("005_change_log.sql"),
                .embedInCode("006_funding.sql"),
                .embedInCode("007_controls.sql"),
                .embedInCode("008_grant_totals_index.sql"),
                .embedInCode("009_holdings_by_day.sql"),
                .embedInCode("010_chained_facts.sql"),
                .embedInCode("011_fund_network.sql"),
                .embedInCode("012_cash_flow_by_month.sql"),
                .embedInCode("013_goods_lines_index.sql"),
                .embedInCode("014_goods_uses.sql"),
            ]
        ),
        // Each report's query and template, compiled into the binary.
        .target(
            name: "ReportQueries",
            path: "reports",
            exclude: ["README.md", "examples"],
            resources: [
                .embedInCode("period-totals.sql"),
                .embedInCode("trial-balance.sql"),
                .embedInCode("net-assets.sql"),
                .embedInCode("activities.sql"),
                .embedInCode("account-register.sql"),
                .embedInCode("grant-figures.sql"),
                .embedInCode("donor-receipts.sql"),
                .embedInCode("donor-uses.sql"),
                .embedInCode("plan-vs-actual.sql"),
                .embedInCode("reach.sql"),
                .embedInCode("disclosure-receipts.sql"),
                .embedInCode("disclosure-uses.sql"),
                .embedInCode("management-cap.sql"),
                .embedInCode("cash-flow.sql"),
                .embedInCode("cash-balance.sql"),
                .embedInCode("goods-movements.sql"),
                .embedInCode("goods-outflow-uses.sql"),
                .embedInCode("network-donors.sql"),
                .embedInCode("network-transfers.sql"),
                .embedInCode("network-closing.sql"),
                .embedInCode("network-goods-donors.sql"),
                .embedInCode("donor-goods-uses.sql"),
            ]
        ),
        // Each audit control's query.
        .target(
            name: "ControlQueries",
            path: "controls",
            exclude: ["README.md"],
            resources: [
                .embedInCode("unbalanced-entries.sql"),
                .embedInCode("orphan-lines.sql"),
                .embedInCode("closed-periods.sql"),
                .embedInCode("foreign-rates.sql"),
                .embedInCode("grant-overspending.sql"),
                .embedInCode("restricted-purposes.sql"),
                .embedInCode("journal-years.sql"),
                .embedInCode("management-cost-entries.sql"),
                .embedInCode("lines-agree.sql"),
                .embedInCode("money-by-day.sql"),
                .embedInCode("goods-by-day.sql"),
                .embedInCode("goods-lines-without-item.sql"),
                .embedInCode("goods-items-with-value-only.sql"),
                .embedInCode("grant-lines.sql"),
                .embedInCode("duplicate-references.sql"),
                .embedInCode("reversal-targets.sql"),
                .embedInCode("reversed-twice.sql"),
                .embedInCode("reversals-not-mirrored.sql"),
                .embedInCode("self-approvals.sql"),
                .embedInCode("approved-pending-entries.sql"),
                .embedInCode("approval-threshold-history.sql"),
                .embedInCode("entries-by-debit-total.sql"),
            ]
        ),
        .target(
            name: "FundLedger",
            dependencies: ["CSQLite", "CSHA256", "LedgerSchema", "ReportQueries", "ControlQueries"],
            resources: [.embedInCode("Chart/standard-chart.csv")]
        ),
        // The demonstration funds built from published facts (`cpf demo`), through the public API.
        .target(name: "DemoScenarios", dependencies: ["FundLedger"]),
        .target(name: "CPFCommandLine", dependencies: ["FundLedger", "DemoScenarios"]),
        .executableTarget(name: "cpf", dependencies: ["CPFCommandLine"]),
        // Deterministic fund books for the tests and the benchmark.
        .target(name: "LedgerGenerator", dependencies: ["FundLedger"]),
        .executableTarget(name: "cpf-bench", dependencies: ["FundLedger", "LedgerGenerator"]),
        // What both test targets share: temporary ledgers, fingerprints, running the binary.
        .target(name: "TestSupport", dependencies: ["FundLedger", "LedgerGenerator"], path: "Tests/TestSupport"),
        .testTarget(name: "FundLedgerTests", dependencies: ["FundLedger", "DemoScenarios", "LedgerGenerator", "LedgerSchema", "TestSupport"]),
        .testTarget(name: "CPFTests", dependencies: ["cpf", "CPFCommandLine", "FundLedger", "LedgerGenerator", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
