/// The consolidated books as a report (`cpf consolidate`): the funds added together and what
/// verification found, then each statement with a column per fund, the eliminations and the
/// consolidated figure. Every format and both languages apply.
extension ConsolidatedBooks {
    /// One line of a consolidated statement.
    private struct Figure {
        var section: LocalizedText
        var item: LocalizedText
        var perFund: [Int64]
        var elimination: Int64 = 0
        var consolidated: Int64 { perFund.reduce(0, +) + elimination }
        var isZero: Bool { elimination == 0 && perFund.allSatisfy { $0 == 0 } }
    }

    /// The report with `parts` (all of them by default).
    public func report(_ parts: [Part] = Part.allCases) -> Report {
        var tables = [fundsTable()]
        if !findings.isEmpty {
            tables.append(ReportTable(key: "findings", title: LocalizedText("Findings", "Phát hiện"),
                                      columns: [ReportColumn("finding", LocalizedText("Finding", "Phát hiện"), .text)], rows: findings.map { [.localized($0)] }))
        }
        for part in parts {
            switch part {
            case .trialBalance: tables.append(trialBalanceTable())
            case .financialPosition: tables.append(financialPositionTable())
            case .activities: tables.append(activitiesTable())
            case .cashFlow: tables.append(cashFlowTable())
            case .grants: tables.append(donorsTable())
            case .reach: tables.append(reachTable())
            case .transfers: tables.append(transfersTable())
            }
        }
        var digestInput = ""
        for fund in funds.sorted(by: { $0.ledgerID < $1.ledgerID }) { digestInput += "\(fund.ledgerID) \(fund.headSeq) \(fund.headDigest.hexString)\n" }
        let digest = SHA256.hash(Array(digestInput.utf8))
        var report = Report(key: "consolidated", title: LocalizedText("Consolidated books", "Báo cáo hợp nhất"),
                            fundName: funds.map(\.fundName).joined(separator: " · "),
                            parameters: Ledger.periodParameters(from, to) + [(LocalizedText("Funds", "Số quỹ"), .count(Int64(funds.count)))],
                            tables: tables, notes: notes, generatedAt: Timestamp.now(), headSeq: funds.reduce(0) { $0 + $1.headSeq }, headHash: digest)
        report.isLandscape = true
        report.digestText = LocalizedText("Network digest of \(funds.count) ledgers: \(digest.hexString). Each fund's own digest is in the table of funds; check a fund's file with \(action: .verify, "\(parameter: .chainPosition, "SEQ") \(parameter: .digest, "HEX")").",
                                          "Mã xác thực của \(funds.count) sổ: \(digest.hexString). Mã xác thực của từng quỹ ở bảng các quỹ; kiểm tra tệp của một quỹ bằng \(action: .verify, "\(parameter: .chainPosition, "SỐ") \(parameter: .digest, "MÃ")").")
        return report
    }

    private var notes: [LocalizedText] {
        var notes = [LocalizedText("Transfers between the funds are eliminated: what one fund passed on to another is neither an expense nor a receipt of the network, and what was on its way at the end of the period is an asset of it. Child-instances are counted where the money or goods reached the child.",
                                   "Các khoản chuyển giữa các quỹ được loại trừ: số một quỹ chuyển cho quỹ khác không phải khoản chi hay khoản thu của cả mạng lưới, và số đang trên đường chuyển vào cuối kỳ là tài sản của mạng lưới. Lượt trẻ em được tính tại nơi tiền hoặc hiện vật đến với trẻ.")]
        if funds.contains(where: { $0.findings == nil }) {
            notes.append(LocalizedText("The ledgers were not verified (\(parameter: .skipVerification)): these figures are a quick look, not a check.",
                                       "Các sổ chưa được kiểm tra (\(parameter: .skipVerification)): số liệu này chỉ để xem nhanh, không phải kết quả kiểm tra."))
        }
        if !findings.isEmpty {
            notes.append(LocalizedText("There are findings: the consolidation is not to be relied on until they are resolved.",
                                       "Có phát hiện: chưa thể dựa vào số liệu hợp nhất cho đến khi các phát hiện được xử lý."))
        }
        return notes
    }

    private func fundsTable() -> ReportTable {
        ReportTable(key: "funds", title: LocalizedText("Funds consolidated", "Các quỹ được hợp nhất"), columns: [
            ReportColumn("column", LocalizedText("Column", "Cột"), .text), ReportColumn("fund", LocalizedText("Fund", "Quỹ"), .text),
            ReportColumn("file", LocalizedText("File", "Tệp"), .text), ReportColumn("ledger_id", LocalizedText("Ledger id", "Mã sổ"), .text),
            ReportColumn("head_seq", LocalizedText("Entries", "Số bút toán"), .count), ReportColumn("digest", LocalizedText("Digest", "Mã xác thực"), .text),
            ReportColumn("verified", LocalizedText("Verified", "Kiểm tra"), .text),
        ], rows: funds.enumerated().map { index, fund in
            let verified: LocalizedText = switch fund.findings {
            case nil: LocalizedText("not checked", "chưa kiểm tra")
            case let found? where found.isEmpty: LocalizedText("intact", "nguyên vẹn")
            case let found?: LocalizedText("\(found.count) findings", "\(found.count) phát hiện")
            }
            return [.text(columnKey(index)), .text(fund.fundName), .text(fund.path), .text(fund.ledgerID), .count(fund.headSeq),
                    .text(fund.headDigest.hexString), .localized(verified)]
        })
    }

    private func columnKey(_ index: Int) -> String { "fund_\(index + 1)" }

    private func figureTable(key: String, title: LocalizedText, kind: ReportColumn.Kind = .dong, _ figures: [Figure], totals: Figure? = nil) -> ReportTable {
        var columns = [ReportColumn("heading", LocalizedText("Section", "Mục"), .text), ReportColumn("item", LocalizedText("Item", "Chỉ tiêu"), .text)]
        columns += funds.indices.map { ReportColumn(columnKey($0), LocalizedText(verbatim: funds[$0].fundName), kind) }
        columns += [ReportColumn("eliminations", LocalizedText("Eliminations", "Loại trừ"), kind), ReportColumn("consolidated", LocalizedText("Consolidated", "Hợp nhất"), kind)]
        let cell: (Int64) -> ReportCell = { kind == .count ? .count($0) : .dong($0) }
        func cells(_ figure: Figure) -> [ReportCell] {
            [.localized(figure.section), .localized(figure.item)] + figure.perFund.map(cell) + [cell(figure.elimination), cell(figure.consolidated)]
        }
        var table = ReportTable(key: key, title: title, columns: columns, rows: figures.map(cells))
        table.totals = totals.map(cells)
        return table
    }

    private func sum(_ figures: [Figure], section: LocalizedText, item: LocalizedText) -> Figure {
        Figure(section: section, item: item, perFund: funds.indices.map { index in figures.reduce(0) { $0 + $1.perFund[index] } },
               elimination: figures.reduce(0) { $0 + $1.elimination })
    }

    private var accountCodes: [String] {
        Set(funds.flatMap { Array($0.closing.keys) + Array($0.opening.keys) }).sorted()
    }

    private func account(_ code: String) -> FundBooks.AccountInfo? {
        funds.lazy.compactMap { $0.accounts[code] }.first
    }

    private static let inTransitName = LocalizedText("Transfers in transit between funds", "Tiền và hiện vật đang chuyển giữa các quỹ")

    private func trialBalanceTable() -> ReportTable {
        let (eliminated, inTransit) = eliminations(through: to)
        var figures = accountCodes.map { code in
            Figure(section: LocalizedText(verbatim: code), item: account(code)?.name ?? LocalizedText(verbatim: code),
                   perFund: funds.map { $0.closing[code] ?? 0 }, elimination: eliminated[code] ?? 0)
        }.filter { !$0.isZero }
        if inTransit != 0 {
            figures.append(Figure(section: LocalizedText(verbatim: "—"), item: ConsolidatedBooks.inTransitName, perFund: funds.map { _ in 0 }, elimination: inTransit))
        }
        return figureTable(key: "trial-balance", title: LocalizedText("Trial balance at \(to) (debit +, credit −)", "Bảng cân đối tài khoản ngày \(to) (Nợ +, Có −)"), figures,
                           totals: sum(figures, section: LocalizedText("Total", "Tổng cộng"), item: .empty))
    }

    private func financialPositionTable() -> ReportTable {
        let (eliminated, inTransit) = eliminations(through: to)
        func figures(_ type: AccountType, sign: Int64) -> [Figure] {
            accountCodes.filter { account($0)?.type == type }.map { code in
                Figure(section: .empty, item: LocalizedText("\(code) ", "\(code) ") + (account(code)?.name ?? .empty),
                       perFund: funds.map { sign * ($0.closing[code] ?? 0) }, elimination: sign * (eliminated[code] ?? 0))
            }.filter { !$0.isZero }
        }
        var assets = figures(.asset, sign: 1)
        if inTransit != 0 { assets.append(Figure(section: .empty, item: ConsolidatedBooks.inTransitName, perFund: funds.map { _ in 0 }, elimination: inTransit)) }
        let liabilities = figures(.liability, sign: -1)
        var netAssets = figures(.netAssets, sign: -1)
        let flows = accountCodes.filter { [.revenue, .expense].contains(account($0)?.type) }
        netAssets.append(Figure(section: .empty, item: LocalizedText("Surplus (receipts − uses)", "Chênh lệch thu chi lũy kế"),
                                perFund: funds.map { fund in -flows.reduce(0) { $0 + (fund.closing[$1] ?? 0) } },
                                elimination: -flows.reduce(0) { $0 + (eliminated[$1] ?? 0) }))
        func headed(_ title: LocalizedText, _ rows: [Figure]) -> [Figure] {
            rows.enumerated().map { index, row in var row = row; if index == 0 { row.section = title }; return row }
        }
        let totalAssets = sum(assets, section: LocalizedText("Total assets", "Tổng tài sản"), item: .empty)
        let totalOther = sum(liabilities + netAssets, section: LocalizedText("Total liabilities and net assets", "Tổng nợ phải trả và tài sản thuần"), item: .empty)
        return figureTable(key: "financial-position", title: LocalizedText("Statement of financial position at \(to)", "Báo cáo tình hình tài chính ngày \(to)"),
                           headed(LocalizedText("Assets", "Tài sản"), assets) + [totalAssets] + headed(LocalizedText("Liabilities", "Nợ phải trả"), liabilities)
                           + headed(LocalizedText("Net assets", "Tài sản thuần"), netAssets) + [totalOther])
    }

    private func activitiesTable() -> ReportTable {
        let closing = eliminations(through: to).accounts, opening = eliminations(through: from.adding(days: -1)).accounts
        func figures(_ type: AccountType, sign: Int64) -> [Figure] {
            accountCodes.filter { account($0)?.type == type }.map { code in
                Figure(section: .empty, item: LocalizedText("\(code) ", "\(code) ") + (account(code)?.name ?? .empty),
                       perFund: funds.map { sign * (($0.closing[code] ?? 0) - ($0.opening[code] ?? 0)) },
                       elimination: sign * ((closing[code] ?? 0) - (opening[code] ?? 0)))
            }.filter { !$0.isZero }
        }
        func headed(_ title: LocalizedText, _ rows: [Figure]) -> [Figure] {
            rows.enumerated().map { index, row in var row = row; if index == 0 { row.section = title }; return row }
        }
        let revenue = figures(.revenue, sign: -1), expenses = figures(.expense, sign: 1)
        let totalRevenue = sum(revenue, section: LocalizedText("Total receipts", "Tổng thu"), item: .empty)
        let totalExpenses = sum(expenses, section: LocalizedText("Total uses", "Tổng chi"), item: .empty)
        var surplus = totalRevenue
        surplus.section = LocalizedText("Surplus", "Chênh lệch thu chi")
        surplus.perFund = funds.indices.map { totalRevenue.perFund[$0] - totalExpenses.perFund[$0] }
        surplus.elimination = totalRevenue.elimination - totalExpenses.elimination
        return figureTable(key: "activities", title: LocalizedText("Statement of receipts and uses", "Báo cáo thu, chi"),
                           headed(LocalizedText("Receipts", "Thu"), revenue) + [totalRevenue] + headed(LocalizedText("Uses", "Chi"), expenses) + [totalExpenses, surplus])
    }

    private func cashFlowTable() -> ReportTable {
        struct Key: Hashable { let section: String; let subject: String }
        var keys: [Key] = []
        for fund in funds { for flow in fund.cashFlow.flows where !keys.contains(Key(section: flow.section, subject: flow.subject)) { keys.append(Key(section: flow.section, subject: flow.subject)) } }
        let order = ["receipt", "payment", "management", "transfer", "exchange", "other"]
        keys.sort { (order.firstIndex(of: $0.section) ?? 9, $0.subject) < (order.firstIndex(of: $1.section) ?? 9, $1.subject) }
        let moved = cashEliminations()
        // A successor's opening entries, when their predecessors are among the files: dated in
        // the period, their flows are removed; dated before it, the cash they carried is.
        var carriedFlows: [Key: Int64] = [:], carriedCash: Int64 = 0
        for opening in carriedOpenings where opening.date <= to {
            if opening.date < from { carriedCash += opening.cashDong; continue }
            for flow in opening.flows { carriedFlows[Key(section: flow.section, subject: flow.subject), default: 0] += flow.dong }
        }
        let programs = Dictionary(funds.flatMap { $0.reach.map { ($0.key, $0.value.name) } }, uniquingKeysWith: { first, _ in first })
        var flows = keys.map { key in
            let flow = CashFlow.Flow(section: key.section, subject: key.subject, dong: 0)
            let item: LocalizedText = switch key.section {
            case "receipt": FunderKind.localizedSource(key.subject)
            case "payment": programs[key.subject] ?? LocalizedText("(no program)", "(không theo chương trình)")
            case "other", "transfer": LocalizedText("\(key.subject) ", "\(key.subject) ") + (account(key.subject)?.name ?? .empty)
            default: CashFlow.subjectName(flow, programs: [:], accounts: [:])
            }
            let elimination = (key.section != "transfer" ? 0 : key.subject == NetworkAccounts.transferOut.code ? moved.out : key.subject == NetworkAccounts.transferIn.code ? moved.into : 0)
                - (carriedFlows[key] ?? 0)
            return Figure(section: CashFlow.sectionName(key.section), item: item,
                          perFund: funds.map { fund in fund.cashFlow.flows.filter { $0.section == key.section && $0.subject == key.subject }.reduce(0) { $0 + $1.dong } },
                          elimination: elimination)
        }
        let cash = LocalizedText("Cash and bank", "Tiền mặt và tiền gửi")
        let opening = Figure(section: LocalizedText("Opening", "Đầu kỳ"), item: cash, perFund: funds.map(\.cashFlow.openingDong), elimination: -carriedCash)
        var net = sum(flows, section: LocalizedText("Net change", "Lưu chuyển thuần"), item: .empty)
        net.item = .empty
        flows = [opening] + flows + [net]
        let closing = Figure(section: LocalizedText("Closing", "Cuối kỳ"), item: cash, perFund: funds.map(\.cashFlow.closingDong), elimination: opening.elimination + net.elimination)
        return figureTable(key: "cash-flow", title: LocalizedText("Statement of cash flows", "Báo cáo lưu chuyển tiền tệ"), flows, totals: closing)
    }

    private func donorsTable() -> ReportTable {
        var codes: [String] = []
        var names: [String: String] = [:]
        for fund in funds {
            for donor in fund.donors {
                if names[donor.code] == nil { codes.append(donor.code); names[donor.code] = donor.name }
            }
        }
        codes.sort()
        let (passedOn, receivedThrough, received, spent) = donorEliminations()
        var figures: [Figure] = []
        for code in codes {
            let donor = code.isEmpty ? LocalizedText("The funds' own money", "Nguồn của các quỹ") : LocalizedText(verbatim: "\(names[code] ?? code) (\(code))")
            func figure(_ item: LocalizedText, _ value: (FundBooks.Donor) -> Int64, elimination: Int64 = 0) -> Figure {
                Figure(section: donor, item: item, perFund: funds.map { fund in fund.donors.first { $0.code == code }.map(value) ?? 0 }, elimination: elimination)
            }
            let rows = [
                figure(LocalizedText("received from the donor", "nhận trực tiếp từ nhà tài trợ"), \.receivedDong, elimination: -(received[code] ?? 0)),
                figure(LocalizedText("received through another fund", "nhận qua quỹ khác"), \.receivedThroughDong, elimination: -(receivedThrough[code] ?? 0)),
                figure(LocalizedText("passed on to another fund", "chuyển cho quỹ khác"), \.passedOnDong, elimination: -(passedOn[code] ?? 0)),
                figure(LocalizedText("spent", "đã chi"), \.spentDong, elimination: -(spent[code] ?? 0)),
            ].filter { !$0.isZero }
            figures += rows.enumerated().map { index, row in var row = row; if index > 0 { row.section = .empty }; return row }
        }
        return figureTable(key: "grants", title: LocalizedText("Grants and gifts by original donor", "Tài trợ theo nhà tài trợ gốc"), figures)
    }

    private func reachTable() -> ReportTable {
        let codes = Set(funds.flatMap { $0.reach.filter { $0.value.children != 0 }.keys }).sorted()
        let figures = codes.map { code in
            Figure(section: .empty, item: funds.lazy.compactMap { $0.reach[code]?.name }.first ?? LocalizedText(verbatim: code),
                   perFund: funds.map { $0.reach[code]?.children ?? 0 })
        }
        var table = figureTable(key: "reach", title: LocalizedText("Child-instances reached, by program", "Lượt trẻ em được hỗ trợ, theo chương trình"), kind: .count,
                                figures, totals: sum(figures, section: LocalizedText("Total", "Tổng cộng"), item: .empty))
        table.orderedBy = [1]
        return table
    }

    private func transfersTable() -> ReportTable {
        ReportTable(key: "transfers", title: LocalizedText("Transfers between the funds", "Chuyển quỹ giữa các quỹ"), columns: [
            ReportColumn("from", LocalizedText("From", "Quỹ chuyển"), .text), ReportColumn("to", LocalizedText("To", "Quỹ nhận"), .text),
            ReportColumn("reference", LocalizedText("Reference", "Số chứng từ"), .text), ReportColumn("entry", LocalizedText("Entry", "Bút toán"), .text),
            ReportColumn("sent_on", LocalizedText("Sent on", "Ngày chuyển"), .date), ReportColumn("received_on", LocalizedText("Received on", "Ngày nhận"), .date),
            ReportColumn("value_vnd", LocalizedText("Value", "Giá trị"), .dong), ReportColumn("donors", LocalizedText("Original donors", "Nhà tài trợ gốc"), .text),
            ReportColumn("status", LocalizedText("Status", "Tình trạng"), .text),
        ], rows: matches.map { match in
            let status: LocalizedText = switch match.status {
            case .matched: LocalizedText("matched, eliminated", "khớp, đã loại trừ")
            case .inTransit: LocalizedText("in transit at \(to)", "đang chuyển ngày \(to)")
            case .mismatched: LocalizedText("MISMATCHED", "KHÔNG KHỚP")
            case .outside: LocalizedText("with a fund outside these files", "với quỹ ngoài các tệp này")
            }
            let donors = Set(match.notice.parts.map { $0.donor?.name ?? match.notice.sender.name }).sorted().joined(separator: "; ")
            return [.text(match.notice.sender.name), .text(match.notice.receiver.name), .text(match.notice.reference), .identifier(match.notice.senderSeq),
                    .date(match.sentOn), match.receivedOn.map(ReportCell.date) ?? .empty, .dong(match.notice.totalDong), .text(donors), .localized(status)]
        })
    }
}
