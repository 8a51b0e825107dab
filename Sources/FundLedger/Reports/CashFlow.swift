import ReportQueries

/// The statement of cash flows by the direct method (reports/cash-flow.sql): cash and bank at
/// the start, receipts by source, payments by program and for management, exchange effects,
/// other movements, and cash and bank at the end — which equals the financial position's.
public struct CashFlow: Sendable, Equatable {
    public struct Flow: Sendable, Equatable {
        /// `receipt`, `payment`, `management`, `transfer`, `exchange` or `other`.
        public let section: String
        /// The funder's kind, the program's code or the account's code; "" for none.
        public let subject: String
        public let dong: Int64
    }

    public let from: LedgerDate
    public let to: LedgerDate
    public let openingDong: Int64
    public let flows: [Flow]
    public let closingDong: Int64

    public var netChangeDong: Int64 { flows.reduce(0) { $0 + $1.dong } }
}

extension Ledger {
    /// Cash flows from `from` through `to`.
    public func cashFlow(from: LedgerDate, to: LedgerDate) throws -> CashFlow {
        try read {
            let settings = try self.settings()
            let months = CashFlow.WholeMonths(from: from, to: to)
            let flows = try database.rows(ReportQueries.cashFlow, named: [
                ":from": from.iso, ":to": to.iso, ":head_to": months.headTo.iso, ":tail_from": months.tailFrom.iso,
                ":whole_from_month": Int64(months.firstMonthKey), ":whole_to_month": Int64(months.lastMonthKey),
                ":fx_account": settings.fxDifferenceAccountCode,
                ":management_account": settings.managementAccountCode,
                ":transfer_out": NetworkAccounts.transferOut.code, ":transfer_in": NetworkAccounts.transferIn.code,
            ]) { CashFlow.Flow(section: $0.text(at: 0), subject: $0.text(at: 1), dong: $0.int64(at: 2)) }
            func balance(through day: LedgerDate?) throws -> Int64 {
                guard let day else { return 0 }
                return try database.firstRow(ReportQueries.cashBalance, named: [":through_day": Int64(day.dayKey)]) { $0.int64(at: 0) } ?? 0
            }
            return CashFlow(from: from, to: to, openingDong: try balance(through: from.adding(days: -1)), flows: flows,
                            closingDong: try balance(through: to))
        }
    }

    /// The statement as a report, in every format and both languages.
    public func cashFlowReport(from: LedgerDate, to: LedgerDate) throws -> Report {
        try read {
            let flow = try cashFlow(from: from, to: to)
            let programs = Dictionary(try self.programs().map { ($0.code, LocalizedText(english: $0.nameEnglish, vietnamese: $0.nameVietnamese)) }, uniquingKeysWith: { first, _ in first })
            let accounts = try accountsByCode()
            var table = ReportTable(key: "cash-flow", columns: [
                ReportColumn("section", LocalizedText("Section", "Mục"), .text),
                ReportColumn("item", LocalizedText("Item", "Chỉ tiêu"), .text),
                ReportColumn("amount_vnd", LocalizedText("Amount", "Số tiền"), .dong),
            ])
            table.rows.append([.localized(LocalizedText("Opening", "Đầu kỳ")), .localized(LocalizedText("Cash and bank", "Tiền mặt và tiền gửi")), .dong(flow.openingDong)])
            for item in flow.flows {
                table.rows.append([.localized(CashFlow.sectionName(item.section)), .localized(CashFlow.subjectName(item, programs: programs, accounts: accounts)), .dong(item.dong)])
            }
            table.rows.append([.localized(LocalizedText("Net change", "Lưu chuyển thuần")), .empty, .dong(flow.netChangeDong)])
            table.totals = [.localized(LocalizedText("Closing", "Cuối kỳ")), .localized(LocalizedText("Cash and bank", "Tiền mặt và tiền gửi")), .dong(flow.closingDong)]
            return try makeReport(key: "cash-flow", title: LocalizedText("Statement of cash flows", "Báo cáo lưu chuyển tiền tệ"),
                                  parameters: Ledger.periodParameters(from, to), tables: [table],
                                  notes: [LocalizedText("Direct method: each receipt and payment as the cash moved. Transfers between cash and bank accounts are not flows. Opening + net change = closing = cash and bank in the statement of financial position.",
                                                        "Phương pháp trực tiếp: từng khoản thu, chi theo dòng tiền thực tế. Chuyển tiền giữa tiền mặt và tiền gửi không tính là lưu chuyển. Đầu kỳ + lưu chuyển thuần = cuối kỳ = tiền mặt và tiền gửi trên báo cáo tình hình tài chính.")])
        }
    }
}

extension CashFlow {
    /// How reports/cash-flow.sql splits a period: the whole months in it, read from the
    /// maintained cash_flow_month, and the days before and after them, read from the lines.
    struct WholeMonths: Equatable {
        /// The whole months, yyyymm; none when `firstMonthKey > lastMonthKey`.
        let firstMonthKey: Int
        let lastMonthKey: Int
        /// The days outside them: `from` through `headTo`, and `tailFrom` through `to` (a
        /// range that ends before it starts is empty).
        let headTo: LedgerDate
        let tailFrom: LedgerDate

        init(from: LedgerDate, to: LedgerDate) {
            let first = from.day == 1 ? from : from.lastOfMonth.adding(days: 1)
            let last = to == to.lastOfMonth ? to : to.firstOfMonth.adding(days: -1)
            guard first <= last else {
                (firstMonthKey, lastMonthKey, headTo, tailFrom) = (1, 0, to, to.adding(days: 1))
                return
            }
            (firstMonthKey, lastMonthKey) = (first.monthKey, last.monthKey)
            (headTo, tailFrom) = (first.adding(days: -1), last.adding(days: 1))
        }
    }

    static func sectionName(_ section: String) -> LocalizedText {
        switch section {
        case "receipt": LocalizedText("Receipts", "Tiền thu")
        case "payment": LocalizedText("Payments to programs", "Tiền chi cho chương trình")
        case "management": LocalizedText("Management costs", "Chi phí quản lý")
        case "transfer": LocalizedText("Transfers between funds", "Chuyển quỹ trong mạng lưới")
        case "exchange": LocalizedText("Exchange differences", "Chênh lệch tỷ giá")
        default: LocalizedText("Other movements", "Lưu chuyển khác")
        }
    }

    static func subjectName(_ flow: Flow, programs: [String: LocalizedText], accounts: [String: Account]) -> LocalizedText {
        switch flow.section {
        case "receipt": return FunderKind.localizedSource(flow.subject)
        case "payment": return programs[flow.subject] ?? LocalizedText("(no program)", "(không theo chương trình)")
        case "other", "transfer": return accounts[flow.subject].map { LocalizedText("\($0.code) \($0.nameEnglish)", "\($0.code) \($0.nameVietnamese)") }
            ?? LocalizedText(english: flow.subject, vietnamese: flow.subject)
        default: return LocalizedText("", "")
        }
    }
}
