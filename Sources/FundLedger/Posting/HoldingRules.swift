/// The rules that keep the books right on every date, not only in the order entries are typed
/// (docs/posting-rules.md, rules `valuation-order` and the limits):
///
/// - **Limits on every date.** Each money account in its own currency, each goods item on
///   hand and each grant's available money stays at or above zero at the end of the entry's
///   date and of every later date. A back-dated inflow is always fine; an outflow is refused
///   when it would break any day from its date on, and the refusal names the first such day
///   and the figures on it.
/// - **Valued holdings in date order.** Money leaving a foreign-currency account and goods
///   leaving stock are valued at the holding's average on their date. A movement dated before
///   such a valuation already posted would change a figure that is now immutable, so it is
///   refused. Movements on the same day are valued in posting order.
///
/// Both read the holding's total and its days from the entry's date on (`HoldingTimeline`),
/// never the journal.
struct HoldingRules {
    let ledger: Ledger
    let roles: AccountRoles

    /// - Parameter changes: a working list, empty, kept by the caller so that checking an entry
    ///   allocates nothing once it has grown.
    func check(_ lines: [PostedLine], date: LedgerDate, funding: inout FundingState, pending: BalanceAccumulator,
               changes: inout [(HoldingKey, HoldingChange)]) throws {
        defer { changes.removeAll(keepingCapacity: true) }
        for index in lines.indices {
            roles.forEachHolding(of: lines[index]) { holding, change in
                if let index = changes.firstIndex(where: { $0.0 == holding }) {
                    _ = changes[index].1.add(change)
                } else {
                    changes.append((holding, change))
                }
            }
        }
        let dayKey = Int32(date.dayKey)
        for (holding, change) in changes {
            let timeline = try funding.timeline(holding, from: date, ledger: ledger, pending: pending)
            if roles.isValued(holding), let valued = timeline.firstValuation(after: dayKey) {
                throw try outOfOrder(holding, date: date, valuedOn: valued)
            }
            if change.net < 0, let shortfall = timeline.firstShortfall(adding: change.net, on: dayKey) {
                throw try shortOnDate(holding, change: change, date: date, shortfall: shortfall, timeline: timeline)
            }
        }
    }

    private func name(of holding: HoldingKey) throws -> String {
        switch holding.kind {
        case .money: "account \(try ledger.accountCodesByID()[holding.subjectID] ?? "#\(holding.subjectID)")"
        case .goods: "goods item \(try ledger.codes(of: .goodsItem).byID[holding.subjectID] ?? "#\(holding.subjectID)")"
        case .grant: "grant \(try ledger.codes(of: .grant).byID[holding.subjectID] ?? "#\(holding.subjectID)")"
        }
    }

    /// The holding's measure, for messages.
    private func describe(_ net: Int64, of holding: HoldingKey) throws -> String {
        let format = MoneyFormat.english
        switch holding.kind {
        case .money:
            let currency = roles.moneyAccounts[holding.subjectID] ?? .vnd
            return format.format(Amount(minorUnits: net, currency: currency))
        case .goods: return "\(format.number(net)) units"
        case .grant: return format.format(dong: net)
        }
    }

    private func outOfOrder(_ holding: HoldingKey, date: LedgerDate, valuedOn dayKey: Int32) throws -> LedgerError {
        let day = LedgerDate(dayKey: Int(dayKey)).map(\.iso) ?? String(dayKey)
        let what = holding.kind == .goods ? "goods handed out" : "money left it or it was revalued"
        return LedgerError(.valuationOrder, "\(try name(of: holding)) already has a movement valued at its average on \(day) (\(what)); an entry dated \(date) would change that valuation, which is posted and immutable",
                           hint: "date this entry on or after \(day): the value at which it left is posted and stays, even if that entry is reversed later")
    }

    private func shortOnDate(_ holding: HoldingKey, change: HoldingChange, date: LedgerDate,
                             shortfall: (dayKey: Int32, balance: Int64), timeline: HoldingTimeline) throws -> LedgerError {
        let day = LedgerDate(dayKey: Int(shortfall.dayKey)).map(\.iso) ?? String(shortfall.dayKey)
        let before = shortfall.balance - change.net
        let subject = try name(of: holding)
        let rule: LedgerError.Rule = switch holding.kind {
        case .money: .insufficientFunds
        case .goods: .insufficientGoods
        case .grant: .overspent
        }
        let held = holding.kind == .grant ? "has \(try describe(before, of: holding)) available" : "holds \(try describe(before, of: holding))"
        let later = shortfall.dayKey == Int32(date.dayKey) ? "on \(day)" : "on \(day), a later date already posted,"
        let hint = switch holding.kind {
        case .money: "a fund has no overdraft: receive the money first, date the payment after it arrives, or pay at most what the account holds on every date"
        case .goods: "receive the goods first, or date the hand-out after they arrive"
        case .grant: "spend at most what the grant has on every date: receive the tranche first, date the spending after it, or charge the rest elsewhere"
        }
        return LedgerError(rule, "\(subject) \(held) \(later); this entry, dated \(date), takes \(try describe(-change.net, of: holding)) and would leave \(try describe(shortfall.balance, of: holding))",
                           hint: hint)
    }
}
