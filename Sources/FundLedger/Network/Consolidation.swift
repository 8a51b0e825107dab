import ReportQueries

/// Several funds' books added together (`cpf consolidate`, docs/fund-network.md).
///
/// Each ledger is opened for reading only and verified, on as many threads as there are
/// processors. The transfer notices of the files are matched: a transfer sent by one fund of
/// the set to another is *matched* when the receiver posted the very notice by the end of the
/// period, *in transit* when it had not yet, and *mismatched* when the two sides disagree (a
/// finding). Matched and in-transit transfers are eliminated: what one fund passed on is
/// neither an expense nor a receipt of the network, and money or goods on their way are an
/// asset of it. Child-instances are counted where they were reached, never at the fund that
/// passed the money on.
public struct ConsolidatedBooks: Sendable {
    public enum Status: String, Sendable {
        case matched
        case inTransit = "in-transit"
        case mismatched
        /// Sent to, or received from, a fund outside the files consolidated: not eliminated.
        case outside
    }

    public struct Match: Sendable {
        public let senderIndex: Int?
        public let receiverIndex: Int?
        public let notice: TransferNotice
        public let sentOn: LedgerDate
        public let receivedOn: LedgerDate?
        public let status: Status
        /// The receiver's code for the sending fund (the donor of the sender's own money there).
        let senderCodeAtReceiver: String?
    }

    /// The reports `--report` chooses from.
    public enum Part: String, Sendable, CaseIterable {
        case trialBalance = "trial-balance"
        case financialPosition = "financial-position"
        case activities
        case cashFlow = "cash-flow"
        case grants
        case reach
        case transfers
    }

    public let funds: [FundBooks]
    public let from: LedgerDate
    public let to: LedgerDate
    public let matches: [Match]
    /// What verification and matching found; the consolidation is not to be relied on while
    /// there are any.
    public let findings: [LocalizedText]

    /// Reads and verifies the ledgers at `paths` and matches their transfers.
    ///
    /// - Throws: `invalidInput` for the same ledger given twice; a file's own refusal when
    ///   it cannot be read (not a ledger, damaged), naming the file.
    public static func consolidate(paths: [String], from: LedgerDate, to: LedgerDate, verifying: Bool = true,
                                   parts: [Part] = Part.allCases) throws -> ConsolidatedBooks {
        let needed = Set(parts)
        // Files verify on every processor at once, each reading its entries inline; one file
        // alone reads ahead on a second thread.
        let threads = processorCount(), inParallel = paths.count > 1 && threads > 1
        let read = parallelMap(count: paths.count, threads: threads) { index in
            Result { try FundBooks.read(path: paths[index], from: from, to: to, verifying: verifying, parts: needed, inParallel: inParallel) }
        }
        var funds: [FundBooks] = []
        for (index, result) in read.enumerated() {
            do { funds.append(try result.get()) } catch let error as LedgerError {
                throw LedgerError(error.rule, LocalizedText("\(paths[index]): \(error.explanation)", "\(paths[index]): \(error.explanation)"), hint: error.remedy)
            }
        }
        var byLedger: [String: Int] = [:]
        for (index, fund) in funds.enumerated() {
            if let earlier = byLedger.updateValue(index, forKey: fund.ledgerID) {
                throw LedgerError(.invalidInput, LocalizedText("\(funds[earlier].path) and \(fund.path) are the same ledger (\(fund.ledgerID))",
                                                               "\(funds[earlier].path) và \(fund.path) là cùng một sổ (\(fund.ledgerID))"),
                                  hint: LocalizedText("give each fund's ledger once", "mỗi sổ của một quỹ chỉ ghi một lần"))
            }
        }
        var findings: [LocalizedText] = []
        for fund in funds {
            guard let found = fund.findings else { continue }
            findings += found.map { LocalizedText("\(fund.fundName) (\(fund.path)): \($0)", "\(fund.fundName) (\(fund.path)): \($0)") }
        }
        let matches = match(funds, byLedger: byLedger, through: to)
        for match in matches where match.status == .mismatched {
            let sender = match.senderIndex.map { funds[$0].fundName } ?? match.notice.sender.name
            let receiver = match.receiverIndex.map { funds[$0].fundName } ?? match.notice.receiver.name
            findings.append(LocalizedText("the transfer \(match.notice.reference) (entry \(match.notice.senderSeq) of \(sender)) does not match between \(sender) and \(receiver): the notice received is not the notice sent",
                                          "lần chuyển \(match.notice.reference) (bút toán \(match.notice.senderSeq) của \(sender)) không khớp giữa \(sender) và \(receiver): thông báo đã nhận không phải thông báo đã gửi"))
        }
        return ConsolidatedBooks(funds: funds, from: from, to: to, matches: matches, findings: findings)
    }

    private static func match(_ funds: [FundBooks], byLedger: [String: Int], through to: LedgerDate) -> [Match] {
        var matches: [Match] = []
        struct Key: Hashable { let ledger: String; let seq: Int64 }
        var received: [Key: (index: Int, transfer: FundBooks.Transfer)] = [:]
        for (index, fund) in funds.enumerated() {
            for transfer in fund.transfers where transfer.direction == .received {
                received[Key(ledger: transfer.notice.sender.ledgerID, seq: transfer.notice.senderSeq)] = (index, transfer)
            }
        }
        var claimed: Set<Key> = []
        for (senderIndex, fund) in funds.enumerated() {
            for sent in fund.transfers where sent.direction == .sent && sent.entryDate <= to {
                let key = Key(ledger: fund.ledgerID, seq: sent.entrySeq)
                guard let receiverIndex = byLedger[sent.notice.receiver.ledgerID] else {
                    matches.append(Match(senderIndex: senderIndex, receiverIndex: nil, notice: sent.notice, sentOn: sent.entryDate, receivedOn: nil,
                                         status: .outside, senderCodeAtReceiver: nil))
                    continue
                }
                guard let other = received[key], other.index == receiverIndex else {
                    matches.append(Match(senderIndex: senderIndex, receiverIndex: receiverIndex, notice: sent.notice, sentOn: sent.entryDate, receivedOn: nil,
                                         status: .inTransit, senderCodeAtReceiver: nil))
                    continue
                }
                claimed.insert(key)
                let arrived = other.transfer.entryDate <= to
                let status: Status = other.transfer.notice != sent.notice ? .mismatched : arrived ? .matched : .inTransit
                matches.append(Match(senderIndex: senderIndex, receiverIndex: receiverIndex, notice: sent.notice, sentOn: sent.entryDate,
                                     receivedOn: arrived ? other.transfer.entryDate : nil, status: status, senderCodeAtReceiver: other.transfer.fundCode))
            }
        }
        // What was received and not claimed by a sender of the set: from outside, or a notice
        // its sender in the set has no record of (or posted after the period).
        for (key, value) in received.sorted(by: { ($0.key.ledger, $0.key.seq) < ($1.key.ledger, $1.key.seq) }) where !claimed.contains(key) && value.transfer.entryDate <= to {
            // A sender of the set records every notice it sent, dated no later than its receipt.
            let senderIndex = byLedger[key.ledger]
            matches.append(Match(senderIndex: senderIndex, receiverIndex: value.index, notice: value.transfer.notice, sentOn: value.transfer.notice.date,
                                 receivedOn: value.transfer.entryDate, status: senderIndex == nil ? .outside : .mismatched,
                                 senderCodeAtReceiver: value.transfer.fundCode))
        }
        return matches
    }

    // MARK: Eliminations

    /// The opening entries of a successor whose predecessor is among the files: the
    /// predecessor's own books count its balances, so the successor's copy of them is removed.
    var carriedOpenings: [FundBooks.Opening] {
        let ledgers = Set(funds.map(\.ledgerID))
        return funds.flatMap { fund in fund.openings.filter { ledgers.contains($0.key) }.sorted { $0.key < $1.key }.map(\.value) }
    }

    /// What consolidation removes from the sum of the funds' balances through `day`: per
    /// account code (net debit), and the transfers in transit on that day.
    func eliminations(through day: LedgerDate) -> (accounts: [String: Int64], inTransit: Int64) {
        var accounts: [String: Int64] = [:], inTransit: Int64 = 0
        for opening in carriedOpenings where opening.date <= day {
            for (code, amount) in opening.accounts { accounts[code, default: 0] -= amount }
        }
        let out = NetworkAccounts.transferOut.code, into = NetworkAccounts.transferIn.code
        for match in matches where match.senderIndex != nil && match.receiverIndex != nil && match.sentOn <= day {
            switch match.status {
            case .matched, .inTransit:
                let value = match.notice.totalDong
                accounts[out, default: 0] -= value
                if match.status == .matched, let received = match.receivedOn, received <= day {
                    accounts[into, default: 0] += value
                } else {
                    inTransit += value
                }
            case .mismatched, .outside:
                continue
            }
        }
        return (accounts, inTransit)
    }

    /// The donors' figures removed over the period: per donor code, what was passed on
    /// between the funds and what was received through them.
    func donorEliminations() -> (passedOn: [String: Int64], receivedThrough: [String: Int64], received: [String: Int64], spent: [String: Int64]) {
        var passedOn: [String: Int64] = [:], receivedThrough: [String: Int64] = [:], received: [String: Int64] = [:], spent: [String: Int64] = [:]
        for opening in carriedOpenings where opening.date >= from && opening.date <= to {
            for (donor, figures) in opening.donors {
                received[donor, default: 0] += figures.received
                receivedThrough[donor, default: 0] += figures.through
                passedOn[donor, default: 0] += figures.passedOn
                spent[donor, default: 0] += figures.spent
            }
        }
        for match in matches where match.senderIndex != nil && match.receiverIndex != nil && (match.status == .matched || match.status == .inTransit) {
            if match.sentOn >= from && match.sentOn <= to {
                for part in match.notice.parts { passedOn[part.donor?.code ?? "", default: 0] += part.valueDong }
            }
            if let received = match.receivedOn, received >= from && received <= to, let senderCode = match.senderCodeAtReceiver {
                for part in match.notice.parts { receivedThrough[part.donor?.code ?? senderCode, default: 0] += part.valueDong }
            }
        }
        return (passedOn, receivedThrough, received, spent)
    }

    /// Money (not goods) passed between the funds with both sides in the period: removed from
    /// the cash flows, as cash that moved within the network.
    func cashEliminations() -> (out: Int64, into: Int64) {
        var moved: Int64 = 0
        for match in matches where match.status == .matched && match.senderIndex != nil && match.receiverIndex != nil && match.sentOn >= from {
            guard let received = match.receivedOn, received <= to else { continue }
            moved += match.notice.parts.filter { $0.goods == nil }.reduce(0) { $0 + $1.valueDong }
        }
        return (moved, -moved)
    }
}
