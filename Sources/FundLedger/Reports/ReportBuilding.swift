extension Ledger {
    /// A report stamped with the fund's name, the time and the state digest it was made from.
    /// A public report (a donor statement, the disclosure, reach, a seal) is refused when a
    /// fact it may show — a funder's name or kind, an account, a setting — is not what cpf
    /// recorded: it would publish what nobody entered.
    func makeReport(key: String, title: LocalizedText, parameters: [(label: LocalizedText, value: ReportCell)], tables: [ReportTable],
                    notes: [LocalizedText] = [], charts: [ReportChart] = [], isPublic: Bool = false) throws -> Report {
        if isPublic { try requireRecordedFacts() }
        let head = try stateHead()
        var report = Report(key: key, title: title, fundName: fundName, parameters: parameters,
                            tables: isPublic ? SmallCounts.protect(tables) : tables, notes: notes,
                            generatedAt: Timestamp.now(), headSeq: head.seq, headHash: head.digest, isPublic: isPublic)
        report.charts = charts
        return report
    }

    static func periodParameters(_ from: LedgerDate, _ to: LedgerDate) -> [(label: LocalizedText, value: ReportCell)] {
        [(LocalizedText("From", "Từ ngày"), .date(from)), (LocalizedText("To", "Đến ngày"), .date(to))]
    }
}

extension FunderKind {
    var localizedName: LocalizedText { LocalizedText(english: nameEnglish, vietnamese: nameVietnamese) }

    /// A source as a report names it; '' is money that names no funder.
    static func localizedSource(_ raw: String) -> LocalizedText {
        FunderKind(rawValue: raw)?.localizedName ?? LocalizedText("No funder named (interest, other)", "Không ghi nhà tài trợ (lãi, khác)")
    }
}

extension Restriction {
    var localizedName: LocalizedText {
        switch self {
        case .unrestricted: LocalizedText("Unrestricted", "Không hạn chế")
        case .restricted: LocalizedText("Restricted", "Có hạn chế")
        case .designated: LocalizedText("Designated support", "Hỗ trợ theo địa chỉ")
        }
    }
}

extension GrantStatus {
    /// In English the status's code, which CSV and JSON carry too.
    var localizedName: LocalizedText {
        switch self {
        case .pledged: LocalizedText("pledged", "đã hứa tài trợ")
        case .active: LocalizedText("active", "đang thực hiện")
        case .closed: LocalizedText("closed", "đã kết thúc")
        case .cancelled: LocalizedText("cancelled", "đã hủy")
        }
    }
}
