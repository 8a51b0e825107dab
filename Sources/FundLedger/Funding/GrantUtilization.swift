/// Where a grant stands on a date: committed, received, outstanding, spent, available,
/// exchange effect and child-instances, in the grant's currency and in dong — all from the
/// general-ledger lines (reports/grant-figures.sql), so the sub-ledger cannot disagree with
/// the ledger.
public struct GrantUtilization: Sendable {
    public let grant: Grant
    /// The terms in effect on `asOf`.
    public let terms: GrantTerms
    public let figures: GrantFigures
    public let asOf: LedgerDate
    /// The latest rate of the grant's currency on or before `asOf`, which values what is
    /// still outstanding; `nil` for a dong grant or when no rate is recorded.
    public let rate: ExchangeRate?

    public var currency: Currency { grant.currency }
    public var committed: Amount { terms.committed }
    public var received: Amount { Amount(minorUnits: figures.receivedInGrantCurrency(currency), currency: currency) }
    /// Committed but not yet received (never below zero).
    public var outstanding: Amount { Amount(minorUnits: max(0, committed.minorUnits - received.minorUnits), currency: currency) }

    /// What is outstanding, in dong at `rate`; `nil` for a foreign grant without a rate.
    public var outstandingDong: Int64? { dongValue(outstanding) }
    /// The commitment in dong at `rate`, the rate of the report date (a commitment is off the
    /// balance sheet, so it is valued at the closing rate); `nil` for a foreign grant
    /// without a rate.
    public var committedDong: Int64? { dongValue(committed) }

    /// The commitment in dong as the books carry it: what was received, at the rates of the
    /// receipts, plus what is outstanding, at `rate`; so received + outstanding = committed in
    /// dong as in the grant's currency. `nil` for a foreign grant without a rate.
    public var committedBookDong: Int64? { outstandingDong.map { figures.receivedDong + $0 } }

    /// Paid in the grant's own currency (money that left in it); for a dong grant, all spending.
    public var spentAsPaid: Amount {
        Amount(minorUnits: currency == .vnd ? figures.spentDong : figures.spentForeign, currency: currency)
    }

    /// Spent, in the grant's currency at the grant's average received rate (its dong received
    /// plus exchange effect, per unit received); exact for a dong grant. An estimate for a
    /// foreign grant whose money was converted: the donor statement's "remaining" uses it.
    public var spentInGrantCurrency: Amount {
        guard currency != .vnd else { return Amount(minorUnits: figures.spentDong, currency: currency) }
        let base = figures.receivedDong + figures.fxEffectDong
        guard base > 0 else { return Amount(minorUnits: 0, currency: currency) }
        return Amount(minorUnits: Int64(Rate.divideRoundingHalfEven(Int128(figures.spentDong) * Int128(figures.receivedForeign), Int128(base))), currency: currency)
    }

    public var availableInGrantCurrency: Amount {
        Amount(minorUnits: received.minorUnits - spentInGrantCurrency.minorUnits, currency: currency)
    }

    /// Tranches due on or before `asOf`, in the grant's currency.
    public var dueSoFar: Amount {
        Amount(minorUnits: terms.tranches.filter { $0.dueOn <= asOf }.reduce(0) { $0 + $1.amount.minorUnits }, currency: currency)
    }

    private func dongValue(_ amount: Amount) -> Int64? {
        if currency == .vnd { return amount.minorUnits }
        return rate.flatMap { try? $0.rate.convertToDong(amount) }
    }
}

extension Ledger {
    /// One grant's utilization through `date`.
    public func grantUtilization(code: String, through date: LedgerDate) throws -> GrantUtilization {
        try read {
            let grant = try requireGrant(code: code)
            return try utilization(grant, figures: try grantFigures(grantID: grant.id, through: date), through: date)
        }
    }

    /// Every grant's utilization through `date`, ordered by code.
    public func grantUtilizations(through date: LedgerDate, funderCode: String? = nil) throws -> [GrantUtilization] {
        try read {
            let figures = try grantFiguresByID(from: 1, to: Int64.max, through: date)
            return try grants().filter { funderCode == nil || $0.funderCode == funderCode }.map {
                try utilization($0, figures: figures[$0.id] ?? GrantFigures(), through: date)
            }
        }
    }

    private func utilization(_ grant: Grant, figures: GrantFigures, through date: LedgerDate) throws -> GrantUtilization {
        GrantUtilization(grant: grant, terms: grant.terms(on: date), figures: figures, asOf: date,
                         rate: grant.currency == .vnd ? nil : try exchangeRate(grant.currency, onOrBefore: date))
    }

    /// One grant's figures as a report: each figure in the grant's currency and in dong.
    public func grantReport(code: String, through date: LedgerDate) throws -> Report {
        try read {
            let utilization = try grantUtilization(code: code, through: date)
            let head = try stateHead()
            let grant = utilization.grant
            let terms = utilization.terms
            let isForeign = grant.currency != .vnd
            var table = ReportTable(key: "figures", columns: [
                ReportColumn("figure", LocalizedText("Figure", "Chỉ tiêu"), .text),
                ReportColumn("amount", isForeign ? LocalizedText("In \(grant.currency.code), as it moved", "Theo \(grant.currency.code), số thực nhận/chi")
                                                 : LocalizedText("In VND", "Theo VND"), .amount),
                ReportColumn("amount_vnd", isForeign ? LocalizedText("In VND, at the rate of each movement", "Quy đổi VND, theo tỷ giá từng lần")
                                                     : LocalizedText("In VND", "Quy đổi VND"), .dong),
            ])
            func row(_ english: String, _ vietnamese: String, _ amount: Amount?, _ dong: Int64?) {
                table.rows.append([.localized(LocalizedText(english: english, vietnamese: vietnamese)), amount.map(ReportCell.amount) ?? .empty, dong.map(ReportCell.dong) ?? .empty])
            }
            let figures = utilization.figures
            // Received + outstanding = committed in both columns; a foreign amount only where
            // money moved in that currency, so spending paid in dong has none and what is
            // available (partly converted, perhaps) is stated in dong alone.
            row("Committed", "Cam kết", utilization.committed, utilization.committedBookDong)
            row("Due so far (tranches)", "Đến hạn (theo đợt)", utilization.dueSoFar, nil)
            row("Received", "Đã nhận", utilization.received, figures.receivedDong)
            row("Outstanding", "Còn phải nhận", utilization.outstanding, utilization.outstandingDong)
            row("Spent", "Đã chi", isForeign && figures.spentForeign == 0 ? nil : utilization.spentAsPaid, figures.spentDong)
            row("Exchange effect (realized)", "Chênh lệch tỷ giá (đã thực hiện)", nil, figures.fxEffectDong)
            row("Available", "Còn lại", isForeign ? nil : utilization.availableInGrantCurrency, figures.availableDong)
            let reach = ReportTable(key: "reach", columns: [ReportColumn("children", LocalizedText("Child-instances reached", "Lượt trẻ em được hỗ trợ"), .count)],
                                    rows: [[.count(figures.children)]])
            let restrictions = try grantRestrictionText(terms)
            var parameters: [(label: LocalizedText, value: ReportCell)] = [
                (LocalizedText("Grant", "Khoản tài trợ"), .text(grant.code)),
                (LocalizedText("Funder", "Nhà tài trợ"), .text(grant.funderCode)),
                (LocalizedText("Status", "Trạng thái"), .text("\(terms.status.rawValue), terms version \(terms.version)")),
                (LocalizedText("Restriction", "Hạn chế"), .localized(restrictions)),
                (LocalizedText("Through", "Đến ngày"), .date(date)),
            ]
            if let rate = utilization.rate {
                parameters.append((LocalizedText("Outstanding valued at", "Quy đổi số còn phải nhận theo tỷ giá"), .text("\(rate.rate) (\(rate.source), \(rate.date))")))
            }
            var notes: [LocalizedText] = []
            if grant.currency != .vnd {
                notes.append(LocalizedText("\(grant.currency.code) figures are the amounts received, outstanding and paid in \(grant.currency.code); spending paid in dong has none. In VND: received at the rates of the receipts, outstanding at the rate above, committed = received + outstanding; spent at the rates of the payments; available = received + exchange effect − spent.",
                                           "Số theo \(grant.currency.code) là số thực nhận, còn phải nhận và chi bằng \(grant.currency.code); khoản chi bằng đồng không có số này. Theo VND: đã nhận theo tỷ giá từng lần nhận, còn phải nhận theo tỷ giá nêu trên, cam kết = đã nhận + còn phải nhận; đã chi theo tỷ giá từng lần chi; còn lại = đã nhận + chênh lệch tỷ giá − đã chi."))
            }
            return Report(key: "grant", title: LocalizedText("Grant utilization", "Tình hình sử dụng khoản tài trợ"), fundName: fundName,
                          parameters: parameters, tables: [table, reach], notes: notes,
                          generatedAt: Timestamp.now(), headSeq: head.seq, headHash: head.digest)
        }
    }

    /// What a grant's terms restrict it to, in words.
    func grantRestrictionText(_ terms: GrantTerms) throws -> LocalizedText {
        let programs = try terms.programIDs.compactMap { try codes(of: .program).byID[$0] }.sorted()
        let units = try terms.unitIDs.compactMap { try codes(of: .unit).byID[$0] }.sorted()
        var english: [String] = [terms.restriction.rawValue]
        var vietnamese: [String] = [terms.restriction == .designated ? "theo địa chỉ" : terms.restriction == .restricted ? "có hạn chế" : "không hạn chế"]
        if !programs.isEmpty { english.append("programs \(programs.joined(separator: ", "))"); vietnamese.append("chương trình \(programs.joined(separator: ", "))") }
        if !units.isEmpty { english.append("units \(units.joined(separator: ", "))"); vietnamese.append("địa bàn \(units.joined(separator: ", "))") }
        if terms.validFrom != nil || terms.validTo != nil {
            let window = "\(terms.validFrom?.iso ?? "…")…\(terms.validTo?.iso ?? "…")"
            english.append(window)
            vietnamese.append(window)
        }
        return LocalizedText(english: english.joined(separator: "; "), vietnamese: vietnamese.joined(separator: "; "))
    }
}
