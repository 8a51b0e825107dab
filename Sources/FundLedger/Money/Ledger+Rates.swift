/// A recorded exchange rate: dong per one unit of `currency` on `date`, from `source`.
public struct ExchangeRate: Sendable, Equatable {
    public let currency: Currency
    public let date: LedgerDate
    public let rate: Rate
    /// Who published the rate, e.g. `SBV` (State Bank of Vietnam) or `MOF`.
    public let source: String
    public let recordedBy: String
    public let recordedAt: String
}

extension Ledger {
    /// Records the rate of `currency` on `date`.
    ///
    /// Recording the same rate and source again changes nothing and returns `false`.
    ///
    /// - Throws: `LedgerError.rateExists` when a different rate is recorded for that day
    ///   (rates are never rewritten: entries cite them); `invalidRate` for VND.
    @discardableResult
    public func setRate(_ currency: Currency, on date: LedgerDate, rate: Rate, source: String, user: String) throws -> Bool {
        guard currency != .vnd else {
            throw LedgerError(.invalidRate, LocalizedText("VND is the ledger's own currency; it has no exchange rate", "VND là đồng tiền hạch toán của sổ; không có tỷ giá"),
                              hint: LocalizedText("record rates for foreign currencies, e.g. \(action: .rateSet, "USD 2018-06-01 22750 \(parameter: .rateSource, "SBV")", quoted: true)", "hãy ghi tỷ giá cho ngoại tệ, ví dụ \(action: .rateSet, "USD 2018-06-01 22750 \(parameter: .rateSource, "SBV")", quoted: true)"))
        }
        try TextRules.check(source, named: "rate source", maximumLength: 100)
        let user = try TextRules.checkedUser(user)
        let now = Timestamp.now()
        return try write {
            try checkPeriodOpen(date, lock: try periodLock(), doing: LocalizedText("record a rate", "ghi tỷ giá"))
            if let existing = try exchangeRate(currency, exactlyOn: date) {
                if existing.rate == rate && existing.source == source { return false }
                throw LedgerError(.rateExists, LocalizedText("a \(currency.code) rate for \(date) is already recorded: \(existing.rate) (\(existing.source))", "tỷ giá \(currency.code) ngày \(date) đã được ghi: \(existing.rate) (\(existing.source))"),
                                  hint: LocalizedText("a recorded rate never changes because entries cite it; give a line its own rate with '@ RATE' if a different one applied", "tỷ giá đã ghi không bao giờ thay đổi vì các bút toán dẫn chiếu nó; nếu áp dụng tỷ giá khác, hãy ghi tỷ giá riêng cho dòng bằng '@ RATE'"))
            }
            try database.execute("""
                INSERT INTO exchange_rate (currency, rate_date, rate, source, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
                """, [currency.code, date.iso, rate.description, source, user, now.iso])
            try recordChange(action: "rate-set", subject: "rate:\(currency.code):\(date.iso)", detail: "\(rate) \(source)", user: user, at: now)
            return true
        }
    }

    /// Recorded rates, oldest first, for one currency or all.
    public func exchangeRates(currency: Currency? = nil) throws -> [ExchangeRate] {
        try database.rows("""
            SELECT currency, rate_date, rate, source, recorded_by, recorded_at FROM exchange_rate
            WHERE ?1 IS NULL OR currency = ?1 ORDER BY currency, rate_date
            """, [currency?.code]) { try Ledger.exchangeRate(from: $0) }
    }

    /// The latest rate of `currency` on or before `date`, or `nil` when there is none.
    public func exchangeRate(_ currency: Currency, onOrBefore date: LedgerDate) throws -> ExchangeRate? {
        try database.firstRow("""
            SELECT currency, rate_date, rate, source, recorded_by, recorded_at FROM exchange_rate
            WHERE currency = ? AND rate_date <= ? ORDER BY rate_date DESC LIMIT 1
            """, [currency.code, date.iso]) { try Ledger.exchangeRate(from: $0) }
    }

    func exchangeRate(_ currency: Currency, exactlyOn date: LedgerDate) throws -> ExchangeRate? {
        try database.firstRow("""
            SELECT currency, rate_date, rate, source, recorded_by, recorded_at FROM exchange_rate
            WHERE currency = ? AND rate_date = ?
            """, [currency.code, date.iso]) { try Ledger.exchangeRate(from: $0) }
    }

    private static func exchangeRate(from row: Statement) throws -> ExchangeRate {
        ExchangeRate(currency: Currency.named(row.text(at: 0)) ?? .usd, date: try LedgerDate.parse(row.text(at: 1)),
                     rate: try Rate.parse(row.text(at: 2)), source: row.text(at: 3),
                     recordedBy: row.text(at: 4), recordedAt: row.text(at: 5))
    }
}
