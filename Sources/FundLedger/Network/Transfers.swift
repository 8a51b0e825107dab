/// The accounts a transfer between funds is booked on (docs/fund-network.md). A fund that
/// sends or receives its first transfer gets the one it needs, recorded in its history; a
/// fund's own chart that uses the code for something else is refused.
enum NetworkAccounts {
    /// The sending fund's side: money or goods passed on to another fund of the network.
    static let transferOut = ChartOfAccounts.Definition(code: "652", nameVietnamese: "Chuyển cho quỹ khác trong mạng lưới",
                                                        nameEnglish: "Transfers to other funds of the network", type: .expense)
    /// The receiving fund's side.
    static let transferIn = ChartOfAccounts.Definition(code: "519", nameVietnamese: "Nhận từ quỹ khác trong mạng lưới",
                                                       nameEnglish: "Transfers from other funds of the network", type: .revenue)
}

/// What a fund sends another: money from a cash or bank account, or goods from its lots.
public struct TransferOrder: Sendable {
    public var date: LedgerDate
    /// The registered fund it goes to (`cpf fund add`).
    public var fundCode: String
    /// The sending voucher's number; required, so a notice names it.
    public var externalRef: String
    /// Money, in dong.
    public var amount: Amount?
    /// The grant whose money is passed on; it keeps its purpose at the receiving fund.
    public var grantCode: String?
    /// The cash or bank account it leaves; the default is 1121.
    public var fromAccountCode: String?
    /// Goods: drawn from the lots first in, first out, each part keeping its lot's donor and grant.
    public var itemCode: String?
    public var quantity: Int64?
    public var memo: String?

    public init(date: LedgerDate, fundCode: String, externalRef: String) {
        self.date = date
        self.fundCode = fundCode
        self.externalRef = externalRef
    }
}

/// A transfer recorded here, sent or received (`cpf transfer list`).
public struct TransferRecord: Sendable, Equatable {
    public enum Direction: String, Sendable { case sent, received }
    public let direction: Direction
    public let fundCode: String
    public let entrySeq: Int64
    public let notice: TransferNotice
}

extension Ledger {
    // MARK: Sending

    /// Posts the sending side of a transfer to another fund and returns its notice.
    ///
    /// The entry debits the transfers-out account (652) and credits the money or goods
    /// account. Money passed on from a grant stays that grant's: its available money falls on
    /// the date, and the notice carries the grant's purpose. Goods are drawn from their lots
    /// first in, first out, one part per lot owner, so each part keeps its donor and grant.
    ///
    /// - Throws: `unknownDimension` for a fund not registered; `invalidInput` for an order
    ///   that is not exactly money or goods; `approval` when the entry would wait for a
    ///   second person (a notice names a posted entry); every rule of `post`.
    public func sendTransfer(_ order: TransferOrder, user: String) throws -> (outcome: PostingOutcome, notice: TransferNotice?) {
        let fund = try registeredFund(code: order.fundCode)
        let draft = try transferDraft(order)
        var notice: TransferNotice?
        let outcome = try post([draft], user: user, preparing: { user, now in
            try self.ensureNetworkAccount(NetworkAccounts.transferOut, user: user, at: now)
        }, completing: { outcomes, user, now in
            switch outcomes[0] {
            case .posted(let entry):
                let made = try self.notice(of: entry, to: fund)
                try self.database.execute("""
                    INSERT INTO transfer (direction, fund_id, entry_seq, sender_ledger_id, sender_seq, sender_hash, notice_digest, notice, created_at, created_by)
                    VALUES ('sent', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [fund.id, entry.seq, self.ledgerID, entry.seq, made.senderHash, made.digest, made.fileText, now.iso, user])
                try self.recordChange(action: "transfer-send", subject: "fund:\(fund.code)", detail: "\(made.totalDong) VND", user: user, at: now, entrySeq: entry.seq)
                notice = made
            case .alreadyPosted(let entry):
                notice = try self.transfers().first { $0.direction == .sent && $0.entrySeq == entry.seq }?.notice
                guard notice != nil else {
                    throw LedgerError(.duplicateReference, LocalizedText("reference \(order.externalRef) is entry \(entry.seq), which is not a transfer",
                                                                         "số chứng từ \(order.externalRef) là bút toán \(entry.seq), không phải một lần chuyển quỹ"),
                                      hint: LocalizedText("give the transfer its own voucher number (\(parameter: .reference))", "hãy ghi số chứng từ riêng cho lần chuyển (\(parameter: .reference))"))
                }
            case .pending(let pending):
                // At or above the approval threshold: the transfer waits with its entry, and its
                // notice is written once a second person approves it (`completeTransfer`).
                try self.database.execute("INSERT INTO pending_transfer (pending_id, direction, fund_id, notice, created_at, created_by) VALUES (?, 'sent', ?, NULL, ?, ?)",
                                          [pending.id, fund.id, now.iso, user])
            case .alreadyPending:
                break
            }
        })[0]
        return (outcome, notice)
    }

    /// Writes the transfer a pending entry makes, once it is approved and posted as `entry`
    /// (`Ledger.approve`); nothing for an entry that is not a transfer.
    func completeTransfer(pendingID: Int64, entry: JournalEntry, user: String, at now: Timestamp) throws {
        guard let row = try database.firstRow("SELECT direction, fund_id, notice FROM pending_transfer WHERE pending_id = ?", [pendingID], {
            ($0.text(at: 0), $0.int64(at: 1), $0.optionalText(at: 2))
        }) else { return }
        guard let fund = try funds().first(where: { $0.id == row.1 }) else { throw StoredValue.damaged("pending_transfer.fund_id", String(row.1)) }
        let notice: TransferNotice
        switch row.0 {
        case "sent": notice = try self.notice(of: entry, to: fund)
        case "received": notice = try TransferNotice.read(row.2 ?? "")
        default: throw StoredValue.damaged("pending_transfer.direction", row.0)
        }
        let sender = row.0 == "sent" ? (ledgerID, entry.seq) : (notice.sender.ledgerID, notice.senderSeq)
        try database.execute("""
            INSERT INTO transfer (direction, fund_id, entry_seq, sender_ledger_id, sender_seq, sender_hash, notice_digest, notice, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [row.0, fund.id, entry.seq, sender.0, sender.1, row.0 == "sent" ? entry.hash.hexString : notice.senderHash, notice.digest, notice.fileText, now.iso, user])
        try recordChange(action: row.0 == "sent" ? "transfer-send" : "transfer-receive", subject: "fund:\(fund.code)", detail: "\(notice.totalDong) VND", user: user, at: now, entrySeq: entry.seq)
    }

    private func transferDraft(_ order: TransferOrder) throws -> EntryDraft {
        let out = NetworkAccounts.transferOut.code
        switch (order.amount, order.itemCode) {
        case (let amount?, nil):
            guard amount.currency == .vnd else {
                throw LedgerError(.currencyMismatch, LocalizedText("a transfer between funds is in dong; \(amount) is not", "chuyển giữa các quỹ bằng đồng; \(amount) không phải đồng"),
                                  hint: LocalizedText("convert the foreign currency first (\(action: .convert)), then send the dong", "hãy bán ngoại tệ trước (\(action: .convert)), rồi chuyển số đồng"))
            }
            let dimensions = Dimensions(grant: order.grantCode)
            return EntryDraft(date: order.date, memo: order.memo ?? "", externalRef: order.externalRef, lines: [
                LineDraft(accountCode: out, side: .debit, amount: amount, dimensions: dimensions),
                LineDraft(accountCode: order.fromAccountCode ?? "1121", side: .credit, amount: amount, dimensions: dimensions),
            ])
        case (nil, let item?):
            guard let quantity = order.quantity, quantity > 0 else {
                throw LedgerError(.invalidInput, LocalizedText("goods sent need a positive quantity", "hiện vật chuyển đi cần số lượng dương"), hint: LocalizedText("give \(parameter: .quantity, "N") with \(parameter: .item, "\(item)")", "hãy ghi \(parameter: .quantity, "N") cùng với \(parameter: .item, "\(item)")"))
            }
            guard order.grantCode == nil else {
                throw LedgerError(.invalidInput, LocalizedText("goods sent keep the donor and grant of the lots they come from; \(parameter: .grant) does not apply", "hiện vật chuyển đi giữ nhà tài trợ và khoản tài trợ của lô hàng; \(parameter: .grant) không áp dụng"),
                                  hint: LocalizedText("leave out \(parameter: .grant)", "hãy bỏ \(parameter: .grant)"))
            }
            let draws = try goodsDraws(itemCode: item, quantity: quantity, on: order.date)
            let funders = try codes(of: .funder).byID, grants = try codes(of: .grant).byID
            var passed: [LineDraft] = [], goods: [LineDraft] = []
            for draw in draws {
                let dimensions = Dimensions(funder: draw.owner.funderID == 0 ? nil : funders[draw.owner.funderID],
                                            grant: draw.owner.grantID == 0 ? nil : grants[draw.owner.grantID])
                passed.append(LineDraft(accountCode: out, side: .debit, amount: .vnd(draw.valueDong), dimensions: dimensions))
                goods.append(LineDraft(accountCode: try settings().goodsAccountCode, side: .credit, amount: .vnd(draw.valueDong),
                                       dimensions: dimensions, item: item, quantity: draw.quantity))
            }
            return EntryDraft(date: order.date, memo: order.memo ?? "", externalRef: order.externalRef, lines: passed + goods)
        default:
            throw LedgerError(.invalidInput, LocalizedText("a transfer is either money (\(parameter: .amount)) or goods (\(parameter: .item) with \(parameter: .quantity)), exactly one of them",
                                                           "một lần chuyển là tiền (\(parameter: .amount)) hoặc hiện vật (\(parameter: .item) cùng \(parameter: .quantity)), chỉ một trong hai"),
                              hint: LocalizedText("give \(parameter: .amount, "\"400000000 VND\""), or \(parameter: .item, "ITEM") \(parameter: .quantity, "N")", "hãy ghi \(parameter: .amount, "\"400000000 VND\""), hoặc \(parameter: .item, "MẶT_HÀNG") \(parameter: .quantity, "N")"))
        }
    }

    /// The notice of a posted sending entry: a part per line on the transfers-out account, in
    /// line order; for goods, each with the goods line at the same position among the goods
    /// account's lines.
    private func notice(of entry: JournalEntry, to fund: Fund) throws -> TransferNotice {
        let out = try accountsByCode()[NetworkAccounts.transferOut.code]?.id
        let goodsAccount = try settings().goodsAccountCode
        let passed = entry.lines.filter { $0.account.id == out && $0.amountDong > 0 }
        let goodsLines = entry.lines.filter { $0.account.code == goodsAccount && $0.amountDong < 0 }
        let funders = Dictionary(try funders().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let items = Dictionary(try goodsItems().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let grants = Dictionary(try grants().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let programs = try codes(of: .program).byID, units = try codes(of: .unit).byID
        let parts = try passed.enumerated().map { index, line in
            let grant = line.grant.flatMap { grants[$0.id] }
            let donor = (line.funder?.id ?? grant?.funderID).flatMap { funders[$0] }
            let terms = grant?.terms(on: entry.date)
            let goods = goodsLines.isEmpty ? nil : goodsLines[index]
            let item = try goods.map { goods -> TransferNotice.Goods in
                guard let reference = goods.item, let item = items[reference.id] else {
                    throw LedgerError(.damaged, LocalizedText("entry \(entry.seq)'s goods line names no registered item", "dòng hiện vật của bút toán \(entry.seq) không ghi mặt hàng đã đăng ký"),
                                      hint: LocalizedText("run \(action: .verify)", "hãy chạy \(action: .verify)"))
                }
                return TransferNotice.Goods(itemCode: item.code, nameVietnamese: item.nameVietnamese, nameEnglish: item.nameEnglish, unit: item.unit, quantity: -(goods.quantity ?? 0))
            }
            return TransferNotice.Part(
                valueDong: line.amountDong, restriction: line.restriction,
                donor: donor.map { TransferNotice.Donor(code: $0.code, name: $0.name, kind: $0.kind, currency: $0.currency, country: $0.country) },
                purpose: grant.map { grant in
                    TransferNotice.Purpose(grantCode: grant.code, designated: terms?.designated ?? false,
                                           programCodes: (terms?.programIDs ?? []).compactMap { programs[$0] }.sorted(),
                                           unitCodes: (terms?.unitIDs ?? []).compactMap { units[$0] }.sorted(), text: terms?.purpose ?? "")
                },
                goods: item)
        }
        return TransferNotice(sender: .init(ledgerID: ledgerID, name: fundName), receiver: .init(ledgerID: fund.ledgerID, name: fund.name),
                              date: entry.date, reference: entry.externalRef ?? "", senderSeq: entry.seq, senderHash: entry.hash.hexString, parts: parts)
    }

    // MARK: Receiving

    /// Posts the receiving side of a transfer notice, dated `date` (when the money or goods
    /// arrived, not before they were sent).
    ///
    /// Each part is received from its original donor (registered here when new, as the
    /// notice names it), on a grant of the same code that carries the purpose (created here,
    /// or its commitment raised by the part), with the same restriction; goods arrive as a lot
    /// of the same donor. The credit is the transfers-in account (519).
    ///
    /// - Throws: `noticeMisaddressed` for a notice to another ledger; `unknownDimension` for a
    ///   sender not registered (`cpf fund add`); `alreadyReceived`; `invalidDate` before the
    ///   notice's date; `registryExists` when a donor's or item's code names something else
    ///   here; and every rule of `post`.
    @discardableResult
    public func receiveTransfer(_ notice: TransferNotice, date: LedgerDate, intoAccountCode: String? = nil, externalRef: String? = nil, user: String) throws -> PostingOutcome {
        guard notice.receiver.ledgerID == ledgerID else {
            throw LedgerError(.noticeMisaddressed, LocalizedText("the notice is addressed to ledger \(notice.receiver.ledgerID) (\(notice.receiver.name)), not to this one (\(ledgerID))",
                                                                 "thông báo gửi cho sổ \(notice.receiver.ledgerID) (\(notice.receiver.name)), không phải sổ này (\(ledgerID))"),
                              hint: LocalizedText("receive it in the addressed fund's ledger (\(parameter: .ledgerPath))", "hãy ghi nhận vào sổ của quỹ được gửi (\(parameter: .ledgerPath))"))
        }
        guard let sender = try funds().first(where: { $0.ledgerID == notice.sender.ledgerID }) else {
            throw LedgerError(.unknownDimension, LocalizedText("the sending ledger \(notice.sender.ledgerID) (\(notice.sender.name)) is not a registered fund",
                                                               "sổ gửi \(notice.sender.ledgerID) (\(notice.sender.name)) không phải quỹ đã đăng ký"),
                              hint: LocalizedText("register it first: \(action: .fundAdd, "CODE \(parameter: .name, "…") \(parameter: .level, "…") \(parameter: .ledgerID, "\(notice.sender.ledgerID)")")",
                                                  "hãy đăng ký trước: \(action: .fundAdd, "MÃ \(parameter: .name, "…") \(parameter: .level, "…") \(parameter: .ledgerID, "\(notice.sender.ledgerID)")")"))
        }
        if let waiting = try database.scalarInt64("""
            SELECT p.id FROM pending_transfer t JOIN pending_entry p ON p.id = t.pending_id
            WHERE p.status = 'pending' AND t.direction = 'received' AND t.notice = ?
            """, [notice.fileText]) {
            throw LedgerError(.alreadyReceived, LocalizedText("this notice (entry \(notice.senderSeq) of \(sender.code)) was received and waits for approval as pending entry \(waiting)",
                                                              "thông báo này (bút toán \(notice.senderSeq) của \(sender.code)) đã được ghi nhận và đang chờ duyệt ở bút toán chờ duyệt \(waiting)"),
                              hint: LocalizedText("a second person approves it: \(action: .approve, "\(waiting)")", "người thứ hai duyệt nó: \(action: .approve, "\(waiting)")"))
        }
        if let seq = try database.scalarInt64("SELECT entry_seq FROM transfer WHERE sender_ledger_id = ? AND sender_seq = ?", [notice.sender.ledgerID, notice.senderSeq]) {
            throw LedgerError(.alreadyReceived, LocalizedText("this notice (entry \(notice.senderSeq) of \(sender.code)) was already received, as entry \(seq)",
                                                              "thông báo này (bút toán \(notice.senderSeq) của \(sender.code)) đã được ghi nhận, ở bút toán \(seq)"),
                              hint: LocalizedText("nothing to do; a notice is received once", "không cần làm gì; mỗi thông báo chỉ ghi nhận một lần"))
        }
        guard date >= notice.date else {
            throw LedgerError(.invalidDate, LocalizedText("the transfer was sent on \(notice.date); it cannot arrive on \(date)", "lần chuyển được gửi ngày \(notice.date); không thể đến vào ngày \(date)"),
                              hint: LocalizedText("date it when it arrived, on or after \(notice.date)", "hãy ghi ngày nhận thực tế, từ \(notice.date) trở đi"))
        }
        let draft = try receivingDraft(notice, sender: sender, date: date, into: intoAccountCode, externalRef: externalRef)
        return try post([draft], user: user, preparing: { user, now in
            try self.ensureNetworkAccount(NetworkAccounts.transferIn, user: user, at: now)
            try self.registerWhatTheNoticeNames(notice, sender: sender, date: date, user: user, at: now)
        }, completing: { outcomes, user, now in
            if case .pending(let pending) = outcomes[0] {
                try self.database.execute("INSERT INTO pending_transfer (pending_id, direction, fund_id, notice, created_at, created_by) VALUES (?, 'received', ?, ?, ?, ?)",
                                          [pending.id, sender.id, notice.fileText, now.iso, user])
                return
            }
            guard case .posted(let entry) = outcomes[0] else { return }
            try self.database.execute("""
                INSERT INTO transfer (direction, fund_id, entry_seq, sender_ledger_id, sender_seq, sender_hash, notice_digest, notice, created_at, created_by)
                VALUES ('received', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [sender.id, entry.seq, notice.sender.ledgerID, notice.senderSeq, notice.senderHash, notice.digest, notice.fileText, now.iso, user])
            try self.recordChange(action: "transfer-receive", subject: "fund:\(sender.code)", detail: "\(notice.totalDong) VND", user: user, at: now, entrySeq: entry.seq)
        })[0]
    }

    /// The donor a part is received from here: its original donor, or the sending fund itself.
    private func donorCode(of part: TransferNotice.Part, sender: Fund) -> String { part.donor?.code ?? sender.code }

    private func receivingDraft(_ notice: TransferNotice, sender: Fund, date: LedgerDate, into: String?, externalRef: String?) throws -> EntryDraft {
        let goodsAccount = try settings().goodsAccountCode
        var holdings: [LineDraft] = [], sources: [LineDraft] = []
        for part in notice.parts {
            let dimensions = Dimensions(funder: donorCode(of: part, sender: sender), grant: part.purpose?.grantCode)
            if let goods = part.goods {
                holdings.append(LineDraft(accountCode: goodsAccount, side: .debit, amount: .vnd(part.valueDong), dimensions: dimensions,
                                          item: goods.itemCode, quantity: goods.quantity))
            } else {
                holdings.append(LineDraft(accountCode: into ?? "1121", side: .debit, amount: .vnd(part.valueDong), dimensions: dimensions))
            }
            // Goods received name the item on the credit too, so statements count them as gifts
            // in kind (reports/disclosure-receipts.sql).
            sources.append(LineDraft(accountCode: NetworkAccounts.transferIn.code, side: .credit, amount: .vnd(part.valueDong), dimensions: dimensions,
                                     item: part.goods?.itemCode, quantity: part.goods?.quantity))
        }
        return EntryDraft(date: date, memo: "", externalRef: externalRef, lines: holdings + sources)
    }

    /// Registers the donors, goods items and grants a notice names that are not here yet, and
    /// raises a grant's commitment by what the notice brings to it; each recorded in the history.
    private func registerWhatTheNoticeNames(_ notice: TransferNotice, sender: Fund, date: LedgerDate, user: String, at now: Timestamp) throws {
        let funders = try self.funders()
        for part in notice.parts {
            let code = donorCode(of: part, sender: sender)
            let name = part.donor?.name ?? sender.name
            if let known = funders.first(where: { $0.code == code }) {
                guard known.name == name else {
                    throw LedgerError(.registryExists, LocalizedText("funder \(code) here is \(known.name); the notice names \(code) as \(name)",
                                                                     "nhà tài trợ \(code) ở đây là \(known.name); thông báo ghi \(code) là \(name)"),
                                      hint: LocalizedText("the two funds use the code for different donors; agree on one with the sending fund", "hai quỹ dùng cùng mã cho hai nhà tài trợ khác nhau; hãy thống nhất với quỹ gửi"))
                }
                continue
            }
            guard try codes(of: .funder).byCode[code] == nil else { continue }
            try TextRules.checkCode(code, named: "funder code")
            try TextRules.check(name, named: "funder name", maximumLength: 200)
            let kind = part.donor?.kind ?? .other, currency = part.donor?.currency ?? .vnd
            try database.execute("INSERT INTO funder (code, name, kind, currency, country, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 [code, name, kind.rawValue, currency.code, part.donor?.country, now.iso, user])
            try recordChange(action: "funder-add", subject: "funder:\(code)", detail: "\(kind.rawValue) \(currency.code) \(name) (transfer notice of \(sender.code))", user: user, at: now)
            invalidateRegistryCache()
        }
        for goods in notice.parts.compactMap(\.goods) where try codes(of: .goodsItem).byCode[goods.itemCode] == nil {
            try TextRules.checkCode(goods.itemCode, named: "item code")
            try database.execute("INSERT INTO goods_item (code, name_vi, name_en, unit, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)",
                                 [goods.itemCode, goods.nameVietnamese, goods.nameEnglish, goods.unit, now.iso, user])
            try recordChange(action: "goods-item-add", subject: "goods item:\(goods.itemCode)", detail: "registered by a transfer notice of \(sender.code)", user: user, at: now)
            invalidateRegistryCache()
        }
        var brought: [String: Int64] = [:]
        var purposes: [String: (TransferNotice.Purpose, String)] = [:]
        for part in notice.parts {
            guard let purpose = part.purpose else { continue }
            brought[purpose.grantCode, default: 0] += part.valueDong
            purposes[purpose.grantCode] = (purpose, donorCode(of: part, sender: sender))
        }
        for (code, (purpose, donor)) in purposes.sorted(by: { $0.key < $1.key }) {
            try carryGrant(purpose, donor: donor, amount: brought[code]!, sender: sender, senderSeq: notice.senderSeq, date: date, user: user, at: now)
        }
    }

    /// Creates the grant a notice's part is received on, or raises its commitment: the
    /// commitment here is what the sending fund passed on, in dong.
    private func carryGrant(_ purpose: TransferNotice.Purpose, donor: String, amount: Int64, sender: Fund, senderSeq: Int64, date: LedgerDate,
                            user: String, at now: Timestamp) throws {
        let programs = try codes(of: .program).byCode, units = try codes(of: .unit).byCode
        if let missing = purpose.programCodes.first(where: { programs[$0] == nil }) {
            throw LedgerError(.unknownDimension, LocalizedText("grant \(purpose.grantCode) may be spent only on \(purpose.programCodes.joined(separator: ", ")); this fund has no program '\(missing)'",
                                                               "khoản tài trợ \(purpose.grantCode) chỉ được chi cho \(purpose.programCodes.joined(separator: ", ")); quỹ này không có chương trình '\(missing)'"),
                              hint: LocalizedText("add the program first (\(action: .programAdd, "\(missing) …")), then receive the notice", "hãy thêm chương trình trước (\(action: .programAdd, "\(missing) …")), rồi ghi nhận thông báo"))
        }
        // Places are the sending fund's; those this fund also has are kept. Support designated
        // only to places this fund does not have could not be held to its designation here.
        let unitCodes = purpose.unitCodes.filter { units[$0] != nil }
        if purpose.designated && purpose.programCodes.isEmpty && unitCodes.isEmpty {
            let places = purpose.unitCodes.joined(separator: ", ")
            throw LedgerError(.unknownDimension, LocalizedText("grant \(purpose.grantCode) is designated for \(places), places this fund does not have",
                                                               "khoản tài trợ \(purpose.grantCode) được chỉ định cho \(places), là địa bàn quỹ này không có"),
                              hint: LocalizedText("add the places first (\(action: .unitAdd, "…")), then receive the notice", "hãy thêm các địa bàn trước (\(action: .unitAdd, "…")), rồi ghi nhận thông báo"))
        }
        let reason = "transfer notice of \(sender.code), entry \(senderSeq)"
        if let grant = try grants().first(where: { $0.code == purpose.grantCode }) {
            guard try codes(of: .funder).byID[grant.funderID] == donor, grant.currency == .vnd else {
                throw LedgerError(.registryExists, LocalizedText("grant \(purpose.grantCode) here is not a grant of \(donor) in dong", "khoản tài trợ \(purpose.grantCode) ở đây không phải khoản tài trợ bằng đồng của \(donor)"),
                                  hint: LocalizedText("the two funds use the code for different grants; agree on one with the sending fund", "hai quỹ dùng cùng mã cho hai khoản tài trợ khác nhau; hãy thống nhất với quỹ gửi"))
            }
            let current = grant.current
            try checkAmendmentKeepsThePast(grant, effectiveOn: date)
            let raised = Amount(minorUnits: current.committed.minorUnits + amount, currency: .vnd)
            try insertTerms(grantID: grant.id, version: current.version + 1, effectiveOn: date, committed: raised,
                            programCodes: try current.programIDs.map { try codes(of: .program).byID[$0] ?? "" },
                            unitCodes: try current.unitIDs.map { try codes(of: .unit).byID[$0] ?? "" },
                            validFrom: current.validFrom, validTo: current.validTo, designated: current.designated, status: current.status,
                            purpose: current.purpose, reason: "received from \(sender.code)", tranches: current.tranches, user: user, at: now)
            try recordChange(action: "grant-amend", subject: "grant:\(purpose.grantCode)", detail: "version \(current.version + 1) from \(date): \(reason)", user: user, at: now)
        } else {
            try TextRules.checkCode(purpose.grantCode, named: "grant code")
            try database.execute("INSERT INTO \"grant\" (code, funder_id, currency, created_at, created_by) VALUES (?, ?, 'VND', ?, ?)",
                                 [purpose.grantCode, try registryID(.funder, code: donor), now.iso, user])
            try insertTerms(grantID: database.lastInsertRowID, version: 1, effectiveOn: date, committed: .vnd(amount), programCodes: purpose.programCodes,
                            unitCodes: unitCodes, validFrom: nil, validTo: nil, designated: purpose.designated,
                            status: .active, purpose: purpose.text, reason: "received from \(sender.code)", tranches: [], user: user, at: now)
            try recordChange(action: "grant-add", subject: "grant:\(purpose.grantCode)", detail: "\(donor) \(amount) VND (\(reason))", user: user, at: now)
        }
        invalidateRegistryCache()
    }

    // MARK: Shared

    private func registeredFund(code: String) throws -> Fund {
        guard let fund = try funds().first(where: { $0.code == code }) else {
            throw LedgerError(.unknownDimension, LocalizedText("there is no fund '\(code)'", "không có quỹ '\(code)'"),
                              hint: LocalizedText("register it first (\(action: .fundAdd)); \(action: .fundList, quoted: true) shows them", "hãy đăng ký trước (\(action: .fundAdd)); \(action: .fundList, quoted: true) cho xem các quỹ"))
        }
        return fund
    }

    /// Adds a network account the first time it is needed; refuses a chart that uses its code
    /// for another kind of account.
    private func ensureNetworkAccount(_ definition: ChartOfAccounts.Definition, user: String, at now: Timestamp) throws {
        if let existing = try accountsByCode()[definition.code] {
            guard existing.type == definition.type, !existing.isHeading, existing.closedOn == nil else {
                throw LedgerError(.invalidAccount, LocalizedText("account \(definition.code) (\(existing.nameEnglish)) is not an open \(definition.type.rawValue) posting account, as transfers between funds need",
                                                                 "tài khoản \(definition.code) (\(existing.nameVietnamese)) không phải tài khoản chi tiết đang mở loại \(definition.type.rawValue) như chuyển quỹ cần"),
                                  hint: LocalizedText("transfers are booked on \(definition.code) \(definition.nameEnglish); see docs/fund-network.md", "chuyển quỹ được ghi vào tài khoản \(definition.code) \(definition.nameVietnamese); xem docs/fund-network.md"))
            }
            return
        }
        try ChartOfAccounts(definitions: [definition]).insert(into: database, at: now)
        try recordChange(action: "account-add", subject: "account:\(definition.code)",
                         detail: "\(definition.type.rawValue) VND \(definition.nameEnglish) (first transfer between funds)", user: user, at: now)
        invalidateRegistryCache()
    }

    /// Every transfer sent or received here, in entry order.
    public func transfers() throws -> [TransferRecord] {
        try read {
            try database.rows("SELECT t.direction, f.code, t.entry_seq, t.notice FROM transfer t JOIN fund f ON f.id = t.fund_id ORDER BY t.entry_seq") { row in
                TransferRecord(direction: try StoredValue.decode(TransferRecord.Direction.self, row.text(at: 0), "transfer.direction"),
                               fundCode: row.text(at: 1), entrySeq: row.int64(at: 2), notice: try TransferNotice.read(row.text(at: 3)))
            }
        }
    }

    /// The notice of the transfer entry `seq` sent from here, to write it again.
    public func sentNotice(seq: Int64) throws -> TransferNotice {
        guard let record = try transfers().first(where: { $0.entrySeq == seq && $0.direction == .sent }) else {
            throw LedgerError(.unknownEntry, LocalizedText("entry \(seq) is not a transfer sent from this fund", "bút toán \(seq) không phải lần chuyển quỹ này gửi đi"),
                              hint: LocalizedText("\(action: .transferList, quoted: true) shows the transfers", "\(action: .transferList, quoted: true) cho xem các lần chuyển"))
        }
        return record.notice
    }

    /// The funds a funder's money or goods came here through (code and name), for statements.
    func fundsThrough(funderID: Int64) throws -> [(code: String, name: String)] {
        try database.rows("""
            SELECT DISTINCT f.code, f.name FROM transfer t JOIN fund f ON f.id = t.fund_id JOIN line l ON l.entry_seq = t.entry_seq
            WHERE t.direction = 'received' AND l.funder_id = ? ORDER BY f.code
            """, [funderID]) { (code: $0.text(at: 0), name: $0.text(at: 1)) }
    }

    /// A funder as statements name it: "AIA Việt Nam, through Quỹ Bảo trợ trẻ em Việt Nam"
    /// when what it gave came through another fund, its name alone otherwise.
    func funderTitle(_ funder: Funder) throws -> LocalizedText {
        let through = try fundsThrough(funderID: funder.id).map(\.name).joined(separator: "; ")
        return through.isEmpty ? LocalizedText(verbatim: funder.name)
            : LocalizedText("\(funder.name), through \(through)", "\(funder.name), qua \(through)")
    }

    /// A funder's code as listings show it: "AIA (through QBTTEVN)".
    func funderCodeTitle(funderID: Int64, code: String) throws -> LocalizedText {
        let through = try fundsThrough(funderID: funderID).map(\.code).joined(separator: ", ")
        return through.isEmpty ? LocalizedText(verbatim: code) : LocalizedText("\(code) (through \(through))", "\(code) (qua \(through))")
    }
}

extension Ledger {
    /// Checks, in the sending fund's own ledger, that `notice` is what it sent: the ledger is
    /// the sender, the entry is there with the notice's hash, and it wrote this very notice.
    ///
    /// - Throws: `noticeAltered` naming what differs.
    public func confirmSent(_ notice: TransferNotice) throws {
        func differs(_ what: LocalizedText) -> LedgerError {
            LedgerError(.noticeAltered, LocalizedText("the notice does not match the sending ledger: \(what)", "thông báo không khớp sổ của quỹ gửi: \(what)"),
                        hint: LocalizedText("ask the sending fund for the notice again (\(action: .transferNotice, "SEQ \(parameter: .notice, "FILE")"))", "hãy xin lại thông báo từ quỹ gửi (\(action: .transferNotice, "SEQ \(parameter: .notice, "TỆP")"))"))
        }
        guard ledgerID == notice.sender.ledgerID else {
            throw differs(LocalizedText("that ledger is \(ledgerID), the notice names \(notice.sender.ledgerID)", "sổ đó là \(ledgerID), thông báo ghi \(notice.sender.ledgerID)"))
        }
        guard let entry = try entry(seq: notice.senderSeq), entry.hash.hexString == notice.senderHash else {
            throw differs(LocalizedText("its entry \(notice.senderSeq) is not there with hash \(notice.senderHash)", "bút toán \(notice.senderSeq) không có ở đó với mã băm \(notice.senderHash)"))
        }
        guard let sent = try transfers().first(where: { $0.direction == .sent && $0.entrySeq == notice.senderSeq }), sent.notice == notice else {
            throw differs(LocalizedText("entry \(notice.senderSeq) did not write this notice", "bút toán \(notice.senderSeq) không lập thông báo này"))
        }
    }

    /// The transfers as a report (`cpf transfer list`, any format and language).
    public func transfersReport() throws -> Report {
        try read {
            let table = ReportTable(key: "transfers", columns: [
                ReportColumn("entry", LocalizedText("Entry", "Bút toán"), .text), ReportColumn("sent_on", LocalizedText("Sent on", "Ngày gửi"), .date),
                ReportColumn("direction", LocalizedText("Direction", "Chiều"), .text), ReportColumn("fund", LocalizedText("Fund", "Quỹ"), .text),
                ReportColumn("reference", LocalizedText("Reference", "Số chứng từ"), .text), ReportColumn("value_vnd", LocalizedText("Value (VND)", "Giá trị (VND)"), .dong),
                ReportColumn("donors", LocalizedText("Original donors", "Nhà tài trợ gốc"), .text), ReportColumn("digest", LocalizedText("Notice digest", "Mã kiểm tra thông báo"), .text),
            ], rows: try transfers().map { record in
                let donors = Set(record.notice.parts.map { $0.donor?.name ?? record.notice.sender.name }).sorted().joined(separator: "; ")
                return [.identifier(record.entrySeq), .date(record.notice.date),
                        .localized(record.direction == .sent ? LocalizedText("sent", "đã gửi") : LocalizedText("received", "đã nhận")),
                        .text(record.fundCode), .text(record.notice.reference), .dong(record.notice.totalDong), .text(donors), .text(record.notice.digest)]
            })
            return try makeReport(key: "transfers", title: LocalizedText("Transfers between funds", "Chuyển quỹ trong mạng lưới"), parameters: [], tables: [table])
        }
    }
}

extension Ledger {
    /// The generated description of a transfer entry, from its notice:
    /// `Transfer to Quỹ BTTE tỉnh Tây Ninh: 90 bicycle (AIA Việt Nam)`,
    /// `Nhận chuyển từ Quỹ Bảo trợ trẻ em Việt Nam: 200.000.000 ₫ (AIA Việt Nam)`; `nil` for
    /// an entry that is not a transfer.
    func transferDescription(of entry: JournalEntry) throws -> LocalizedText? {
        guard let row = try database.firstRow("SELECT direction, notice FROM transfer WHERE entry_seq = ?", [entry.seq], { ($0.text(at: 0), $0.text(at: 1)) }) else {
            return nil
        }
        let notice = try TransferNotice.read(row.1)
        let donors = Set(notice.parts.map { $0.donor?.name ?? notice.sender.name }).sorted().joined(separator: "; ")
        let goods = notice.parts.compactMap(\.goods)
        let what = goods.isEmpty ? LocalizedText("\(groupedDong: notice.totalDong)", "\(groupedDong: notice.totalDong)")
            : LocalizedText("\(goods.reduce(0) { $0 + $1.quantity }) \(goods[0].itemCode)", "\(count: goods.reduce(0) { $0 + $1.quantity }) \(goods[0].unit) \(goods[0].nameVietnamese)")
        return row.0 == "sent"
            ? LocalizedText("Transfer to \(notice.receiver.name): \(what) (\(donors))", "Chuyển cho \(notice.receiver.name): \(what) (\(donors))")
            : LocalizedText("Transfer from \(notice.sender.name): \(what) (\(donors))", "Nhận chuyển từ \(notice.sender.name): \(what) (\(donors))")
    }
}
