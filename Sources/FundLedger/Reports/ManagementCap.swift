import ReportQueries

/// The management-cost figures of a year (reports/management-cap.sql).
public struct ManagementCap: Sendable, Equatable {
    public let revenueDong: Int64
    public let stateBudgetDong: Int64
    public let inKindDong: Int64
    public let designatedDong: Int64
    /// Revenue counted for the cap: neither state budget, nor in kind, nor designated.
    public let qualifyingDong: Int64
    public let managementDong: Int64
    public let capPercent: Int64

    /// The cap: qualifying revenue × percent / 100, rounded half-even.
    public var capDong: Int64 {
        max(0, Int64(Rate.divideRoundingHalfEven(Int128(qualifyingDong) * Int128(capPercent), 100)))
    }

    public var isWithinCap: Bool { managementDong <= capDong }
}

extension Ledger {
    public func managementCap(from: LedgerDate, to: LedgerDate) throws -> ManagementCap {
        try read {
            let settings = try self.settings()
            return try withReportPeriod(PeriodSpans(from: from, to: to)) {
                try database.firstRow(ReportQueries.managementCap, named: [":management_account": settings.managementAccountCode,
                                                                           ":in_kind_account": settings.inKindRevenueAccountCode]) { row in
                    ManagementCap(revenueDong: row.int64(at: 0), stateBudgetDong: row.int64(at: 1), inKindDong: row.int64(at: 2), designatedDong: row.int64(at: 3),
                                  qualifyingDong: row.int64(at: 4), managementDong: row.int64(at: 5), capPercent: settings.managementCapPercent)
                }!
            }
        }
    }

    /// The management-cost cap of a year: management costs against 10 % (the setting
    /// management-cap-percent) of the revenue that counts — neither designated support, nor
    /// in-kind aid, nor state-budget support.
    public func managementCapReport(year: Int) throws -> Report {
        let cap = try managementCap(from: LedgerDate.firstOf(year: year), to: LedgerDate.lastOf(year: year))
        var table = ReportTable(key: "cap", columns: [
            ReportColumn("figure", LocalizedText("Figure", "Chỉ tiêu"), .text), ReportColumn("amount_vnd", LocalizedText("Amount", "Số tiền"), .dong),
        ])
        table.rows = [
            [.localized(LocalizedText("Revenue of the year", "Tổng thu trong năm")), .dong(cap.revenueDong)],
            [.localized(LocalizedText("less state-budget support", "trừ hỗ trợ từ ngân sách nhà nước")), .dong(cap.stateBudgetDong)],
            [.localized(LocalizedText("less in-kind aid", "trừ tài trợ bằng hiện vật")), .dong(cap.inKindDong)],
            [.localized(LocalizedText("less designated support", "trừ hỗ trợ theo địa chỉ")), .dong(cap.designatedDong)],
            [.localized(LocalizedText("Qualifying revenue", "Số thu làm căn cứ")), .dong(cap.qualifyingDong)],
            [.localized(LocalizedText("Cap (\(cap.capPercent) % of qualifying revenue)", "Mức trần (\(cap.capPercent) % số thu làm căn cứ)")), .dong(cap.capDong)],
            [.localized(LocalizedText("Management costs", "Chi phí quản lý")), .dong(cap.managementDong)],
            [.localized(LocalizedText("Headroom (cap − costs)", "Còn trong mức trần")), .dong(cap.capDong - cap.managementDong)],
        ]
        let status = cap.isWithinCap ? LocalizedText("within the cap", "trong mức trần") : LocalizedText("OVER the cap", "VƯỢT mức trần")
        return try read {
            try makeReport(key: "management-cap", title: LocalizedText("Management-cost cap", "Mức trần chi phí quản lý"),
                           parameters: [(LocalizedText("Year", "Năm"), .text(String(year))), (LocalizedText("Status", "Tình trạng"), .localized(status)),
                                        (LocalizedText("Share of qualifying revenue", "Tỷ lệ trên số thu làm căn cứ"), .percent(part: cap.managementDong, whole: cap.qualifyingDong))],
                           tables: [table],
                           notes: [LocalizedText("Rule: management costs may not exceed 10 % of the year's revenue, counting neither designated support, nor in-kind aid, nor state-budget support.",
                                                 "Quy định: chi phí quản lý không vượt quá 10 % số thu trong năm, không tính hỗ trợ theo địa chỉ, hiện vật và ngân sách nhà nước.")])
        }
    }
}
