import ReportQueries

/// One fund's books as consolidation reads them (`cpf consolidate`, docs/fund-network.md):
/// who the fund is and how far its chains reach, what `verify` found, its account balances at
/// the start and end of the period, its cash flows, reach and donors over the period, and the
/// transfers it sent and received with their notices.
public struct FundBooks: Sendable {
    public struct AccountInfo: Sendable {
        public let code: String
        public let type: AccountType
        public let name: LocalizedText
    }

    public struct Transfer: Sendable {
        public let direction: TransferRecord.Direction
        /// The other fund's code in this fund's registry.
        public let fundCode: String
        public let entrySeq: Int64
        public let entryDate: LedgerDate
        public let notice: TransferNotice
    }

    public struct Donor: Sendable {
        public let code: String
        public let name: String
        public let receivedDong: Int64
        public let receivedThroughDong: Int64
        public let passedOnDong: Int64
        public let spentDong: Int64
        public let children: Int64
    }

    /// A successor's opening entry for one predecessor (Network/Succession.swift): what
    /// consolidation removes when that predecessor's own books are among the files.
    public struct Opening: Sendable {
        public let date: LedgerDate
        /// Net debit per account code.
        public let accounts: [String: Int64]
        /// The cash it carried in, and the cash flows the entry shows in the statement
        /// (section and subject as reports/cash-flow.sql classifies them).
        public let cashDong: Int64
        public let flows: [CashFlow.Flow]
        /// Per donor code: received, received through other funds, passed on, spent.
        public let donors: [String: (received: Int64, through: Int64, passedOn: Int64, spent: Int64)]
    }

    public let path: String
    public let ledgerID: String
    public let fundName: String
    public let headSeq: Int64
    /// The state digest (`cpf verify` prints it as "Head"), checked later with
    /// `cpf verify --at SEQ --digest HEX`.
    public let headDigest: [UInt8]
    /// What `verify` found; `nil` when the file was not verified.
    public let findings: [LocalizedText]?
    public let accounts: [String: AccountInfo]
    /// Net balance (debit − credit) per account code through the period's last day, and
    /// through the day before its first.
    public let closing: [String: Int64]
    public let opening: [String: Int64]
    public let cashFlow: CashFlow
    /// Child-instances and spending per program code ('' for none) over the period.
    public let reach: [String: (name: LocalizedText, children: Int64, spentDong: Int64)]
    public let donors: [Donor]
    public let transfers: [Transfer]
    /// The opening entries by predecessor ledger id, when this fund succeeds others.
    public let openings: [String: Opening]

    /// Reads the books of the ledger at `path`, opened for reading only, over `from`…`to`:
    /// what `parts` need (the balances at `to` and the transfers always).
    public static func read(path: String, from: LedgerDate, to: LedgerDate, verifying: Bool,
                            parts: Set<ConsolidatedBooks.Part> = Set(ConsolidatedBooks.Part.allCases), inParallel: Bool = false) throws -> FundBooks {
        let ledger = try Ledger.open(at: path, readOnly: true)
        let findings = try verifying ? ledger.verify(readingAhead: !inParallel).findings.map(\.text) : nil
        return try ledger.read {
            let head = try ledger.stateHead()
            let accounts = try ledger.accountsByCode().mapValues { AccountInfo(code: $0.code, type: $0.type, name: LocalizedText(english: $0.nameEnglish, vietnamese: $0.nameVietnamese)) }
            func balances(through day: LedgerDate) throws -> [String: Int64] {
                var result: [String: Int64] = [:]
                try ledger.database.forEachRow(ReportQueries.trialBalance, named: [":through_day": Int64(day.dayKey)]) { row in
                    result[row.text(at: 0)] = row.int64(at: 5) - row.int64(at: 6)
                }
                return result
            }
            var reach: [String: (name: LocalizedText, children: Int64, spentDong: Int64)] = [:]
            var donors: [Donor] = []
            if parts.contains(.reach) || parts.contains(.grants) {
            try ledger.withReportPeriod(PeriodSpans(from: from, to: to)) {
                try ledger.database.forEachRow(ReportQueries.reach, named: [":by_program": true, ":by_unit": false, ":by_period": ""]) { row in
                    let name = row.text(at: 0).isEmpty ? LocalizedText("(no program)", "(không theo chương trình)") : LocalizedText(english: row.text(at: 1), vietnamese: row.text(at: 2))
                    reach[row.text(at: 0)] = (name, row.int64(at: 6), row.int64(at: 7))
                }
                try ledger.database.forEachRow(ReportQueries.networkDonors, named: [":transfer_in": NetworkAccounts.transferIn.code, ":transfer_out": NetworkAccounts.transferOut.code]) { row in
                    donors.append(Donor(code: row.text(at: 0), name: row.text(at: 1), receivedDong: row.int64(at: 2), receivedThroughDong: row.int64(at: 3),
                                        passedOnDong: row.int64(at: 4), spentDong: row.int64(at: 5), children: row.int64(at: 6)))
                }
            }
            }
            if parts.contains(.grants) { donors = try attributingGoodsToTheirDonors(donors, ledger: ledger, from: from, to: to) }
            let transfers = try ledger.database.rows(ReportQueries.networkTransfers) { row in
                Transfer(direction: try StoredValue.decode(TransferRecord.Direction.self, row.text(at: 0), "transfer.direction"), fundCode: row.text(at: 1),
                         entrySeq: row.int64(at: 2), entryDate: try StoredValue.date(row.text(at: 3), "entry.entry_date")!, notice: try TransferNotice.read(row.text(at: 4)))
            }
            return FundBooks(path: path, ledgerID: ledger.ledgerID, fundName: ledger.fundName, headSeq: head.seq, headDigest: head.digest, findings: findings,
                             accounts: accounts, closing: try balances(through: to),
                             opening: parts.contains(.activities) && from > .earliest ? try balances(through: from.adding(days: -1)) : [:],
                             cashFlow: parts.contains(.cashFlow) ? try ledger.cashFlow(from: from, to: to) : CashFlow(from: from, to: to, openingDong: 0, flows: [], closingDong: 0),
                             reach: reach, donors: donors, transfers: transfers, openings: try openings(of: ledger))
        }
    }

    /// Goods given without a grant are handed out on lines that name no donor; their lots
    /// know it (docs/goods-lots.md), and `goods_use` keeps what each hand-out drew from each
    /// lot (reports/network-goods-donors.sql). Their value and child-instances move from the
    /// funds' own money to the donor of the lot.
    private static func attributingGoodsToTheirDonors(_ donors: [Donor], ledger: Ledger, from: LedgerDate, to: LedgerDate) throws -> [Donor] {
        let moved = try ledger.database.rows(ReportQueries.networkGoodsDonors, named: [":from_day": Int64(from.dayKey), ":to_day": Int64(to.dayKey)]) { row in
            (code: row.text(at: 0), name: row.text(at: 1), value: row.int64(at: 2), children: row.int64(at: 3))
        }
        guard !moved.isEmpty else { return donors }
        var byCode = Dictionary(donors.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        for use in moved {
            let own = byCode[""] ?? Donor(code: "", name: "", receivedDong: 0, receivedThroughDong: 0, passedOnDong: 0, spentDong: 0, children: 0)
            byCode[""] = Donor(code: "", name: "", receivedDong: own.receivedDong, receivedThroughDong: own.receivedThroughDong, passedOnDong: own.passedOnDong,
                               spentDong: own.spentDong - use.value, children: own.children - use.children)
            let donor = byCode[use.code] ?? Donor(code: use.code, name: use.name, receivedDong: 0, receivedThroughDong: 0, passedOnDong: 0, spentDong: 0, children: 0)
            byCode[use.code] = Donor(code: donor.code, name: donor.name, receivedDong: donor.receivedDong, receivedThroughDong: donor.receivedThroughDong,
                                     passedOnDong: donor.passedOnDong, spentDong: donor.spentDong + use.value, children: donor.children + use.children)
        }
        return byCode.values.sorted { $0.code < $1.code }
    }

    /// The opening entries of a successor, by predecessor, in the terms consolidation removes.
    private static func openings(of ledger: Ledger) throws -> [String: Opening] {
        let recorded = try ledger.database.rows("SELECT key, value FROM ledger_meta WHERE key LIKE 'predecessor.%'") { (String($0.text(at: 0).dropFirst("predecessor.".count)), $0.text(at: 1)) }
        guard !recorded.isEmpty else { return [:] }
        let accounts = Dictionary(try ledger.accountsByCode().values.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let settings = try ledger.settings()
        let funders = Dictionary(try ledger.funders().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let grants = Dictionary(try ledger.grants().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [String: Opening] = [:]
        for (predecessor, value) in recorded {
            guard let seq = value.split(separator: " ").first.flatMap({ Int64($0) }), let entry = try ledger.entry(seq: seq) else {
                throw StoredValue.damaged("ledger_meta.predecessor", value)
            }
            var byAccount: [String: Int64] = [:], cash: Int64 = 0
            var flows: [String: CashFlow.Flow] = [:]
            var donors: [String: (received: Int64, through: Int64, passedOn: Int64, spent: Int64)] = [:]
            for line in entry.lines {
                guard let account = accounts[line.account.id] else { continue }
                byAccount[account.code, default: 0] += line.amountDong
                if AccountRoles.isMoneyAccount(account) { cash += line.amountDong; continue }
                let isTransfer = account.code.hasPrefix(NetworkAccounts.transferOut.code) || account.code.hasPrefix(NetworkAccounts.transferIn.code)
                let donor = line.funder?.code ?? line.grant.flatMap { grants[$0.id]?.funderCode } ?? ""
                let (section, subject): (String, String) = switch account.type {
                case _ where account.code == settings.fxDifferenceAccountCode: ("exchange", "")
                case _ where isTransfer: ("transfer", account.code)
                case .revenue: ("receipt", line.funder.flatMap { funders[$0.id]?.kind.rawValue } ?? line.grant.flatMap { grants[$0.id] }.flatMap { grant in funders.values.first { $0.id == grant.funderID }?.kind.rawValue } ?? "")
                case .expense where account.code.hasPrefix(settings.managementAccountCode): ("management", "")
                case .expense: ("payment", line.program?.code ?? "")
                default: ("other", account.code)
                }
                let key = "\(section)|\(subject)"
                flows[key] = CashFlow.Flow(section: section, subject: subject, dong: (flows[key]?.dong ?? 0) - line.amountDong)
                switch account.type {
                case .revenue where account.code.hasPrefix(NetworkAccounts.transferIn.code): donors[donor, default: (0, 0, 0, 0)].through -= line.amountDong
                case .revenue: donors[donor, default: (0, 0, 0, 0)].received -= line.amountDong
                case .expense where account.code.hasPrefix(NetworkAccounts.transferOut.code): donors[donor, default: (0, 0, 0, 0)].passedOn += line.amountDong
                case .expense: donors[donor, default: (0, 0, 0, 0)].spent += line.amountDong
                default: break
                }
            }
            result[predecessor] = Opening(date: entry.date, accounts: byAccount, cashDong: cash, flows: Array(flows.values), donors: donors)
        }
        return result
    }
}
