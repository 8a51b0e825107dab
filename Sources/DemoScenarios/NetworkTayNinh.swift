import FundLedger

/// The fund network of Tây Ninh (docs/fund-network.md): the national fund passes money and
/// goods to the Tây Ninh and Long An provincial funds in 2018, and in 2025 the two provinces
/// merge into the new Tây Ninh fund. `cpf demo --scenario network-tay-ninh` writes the four
/// ledgers and the consolidated books of 2018.
public enum NetworkTayNinh {
    public static let name = "network-tay-ninh"

    public static let description = LocalizedText("""
    The network of Tây Ninh. Published (Báo Tây Ninh, 26/12/2018): with the national fund, 400 gift packages for
    poor pupils (1,000,000 VND cash + a 200,000 VND gift each); 90 bicycles given by AIA Vietnam through the national
    fund; and Tây Ninh's own campaign, scholarships, house and milk (as in the tay-ninh-2018 scenario). In 2025 the
    provinces were merged and Long An joined Tây Ninh. Assumed where the articles are silent: the national fund paid
    the cash from donations of 600,000,000 VND and bought the gift packages; it sent them on 24 May and the bicycles on
    30 May; Long An's fund received 300,000,000 VND from the provincial budget and 60,000,000 VND from the national fund
    for scholarships (20,000,000 VND a month to 40 pupils), and 20,000,000 VND more sent on 28 December arrived on
    3 January 2019; the merger takes effect on 1 July 2025.
    """, """
    Mạng lưới quỹ của Tây Ninh. Số liệu đã công bố (Báo Tây Ninh, 26/12/2018): cùng Quỹ Bảo trợ trẻ em Việt Nam tặng
    400 suất quà cho học sinh nghèo (mỗi suất 1.000.000 đồng tiền mặt và một phần quà 200.000 đồng); 90 xe đạp do AIA
    Việt Nam tặng thông qua Quỹ Bảo trợ trẻ em Việt Nam; cùng chương trình vận động, học bổng, nhà và sữa của chính
    Tây Ninh (như kịch bản tay-ninh-2018). Năm 2025 các tỉnh sáp nhập, Long An nhập vào Tây Ninh. Giả định khi bài báo
    không nói rõ: Quỹ Bảo trợ trẻ em Việt Nam chi tiền mặt từ 600.000.000 đồng tiền ủng hộ và mua các phần quà; quỹ
    chuyển tiền và quà ngày 24/5, xe đạp ngày 30/5; Quỹ Bảo trợ trẻ em tỉnh Long An nhận 300.000.000 đồng từ ngân sách
    tỉnh và 60.000.000 đồng từ Quỹ Bảo trợ trẻ em Việt Nam cho học bổng (20.000.000 đồng mỗi tháng cho 40 học sinh), và
    20.000.000 đồng nữa chuyển ngày 28/12 đến ngày 03/01/2019; việc sáp nhập có hiệu lực từ ngày 01/07/2025.
    """)

    /// The ledgers the scenario writes.
    public struct Files: Sendable {
        public let national: String
        public let tayNinh: String
        public let longAn: String
        /// The new Tây Ninh fund, successor of both provinces from 1 July 2025.
        public let successor: String
        public var year2018: [String] { [national, tayNinh, longAn] }
    }

    /// The merger date of the two provinces' funds.
    public static let mergerDate = LedgerDate(year: 2025, month: 7, day: 1)!

    /// Writes the four ledgers into `directory` (replacing earlier demonstration ledgers).
    public static func run(in directory: String, user: String, configuration: Database.Configuration = Database.Configuration()) throws -> Files {
        let files = Files(national: "\(directory)/quy-bttevn-2018.cpf", tayNinh: "\(directory)/tay-ninh-2018.cpf",
                          longAn: "\(directory)/long-an-2018.cpf", successor: "\(directory)/tay-ninh-2025.cpf")
        func create(_ path: String, _ name: String) throws -> DemoBook {
            let ledger = try Ledger.create(at: path, fundName: name, user: user, configuration: configuration)
            try ledger.markAsDemonstration(scenario: NetworkTayNinh.name)
            return DemoBook(ledger: ledger, user: user)
        }
        let national = try create(files.national, "Quỹ Bảo trợ trẻ em Việt Nam")
        let tayNinh = try create(files.tayNinh, "Quỹ Bảo trợ trẻ em tỉnh Tây Ninh")
        let longAn = try create(files.longAn, "Quỹ Bảo trợ trẻ em tỉnh Long An")
        for (province, code) in [(tayNinh, "TN"), (longAn, "LA")] {
            try national.ledger.addFund(code: code, name: province.ledger.fundName, level: .province, parentCode: nil, ledgerID: province.ledger.ledgerID, user: user)
            try province.ledger.addFund(code: "QBTTEVN", name: national.ledger.fundName, level: .national, parentCode: nil, ledgerID: national.ledger.ledgerID, user: user)
        }

        // Tây Ninh's own books, as the single-fund scenario has them.
        try DemoScenario.buildTayNinh2018OwnBooks(tayNinh)
        try buildNationalFund(national)
        try passOnToTayNinh(from: national, to: tayNinh)
        try buildLongAn(longAn, national: national)

        // 2025: Long An joins Tây Ninh; the new fund carries both funds' books.
        _ = try Ledger.createSuccessor(at: files.successor, fundName: "Quỹ Bảo trợ trẻ em tỉnh Tây Ninh", predecessorPaths: [files.tayNinh, files.longAn],
                                       from: mergerDate, user: user, configuration: configuration)
        try Ledger.open(at: files.successor, configuration: configuration).markAsDemonstration(scenario: NetworkTayNinh.name)
        return files
    }

    private static func day(_ month: Int, _ day: Int) -> LedgerDate { LedgerDate(year: 2018, month: month, day: day)! }

    /// The national fund: donations, the gift packages it bought, AIA's bicycles.
    private static func buildNationalFund(_ national: DemoBook) throws {
        try national.funder("NHT", "Nhà hảo tâm trong và ngoài nước", .individual)
        try national.funder("AIA", "Công ty TNHH Bảo hiểm Nhân thọ AIA Việt Nam", .company)
        try national.ledger.addGoodsItem(code: "gift-pack", nameVietnamese: "Phần quà", nameEnglish: "Gift package", unit: "phần quà", user: national.user)
        try national.ledger.addGoodsItem(code: "bicycle", nameVietnamese: "Xe đạp", nameEnglish: "Bicycle", unit: "chiếc", user: national.user)
        try national.receive(day(5, 2), funder: "NHT", .vnd(600_000_000), ref: "VN18-PT-01", memo: "Tiền ủng hộ của nhà hảo tâm")
        try national.post(day(5, 10), "Mua 400 phần quà cho học sinh nghèo tỉnh Tây Ninh", ref: "VN18-PC-01", [
            LineDraft(accountCode: "156", side: .debit, amount: .vnd(80_000_000), item: "gift-pack", quantity: 400),
            LineDraft(accountCode: "1121", side: .credit, amount: .vnd(80_000_000)),
        ])
        try national.receiveInKind(day(5, 20), funder: "AIA", item: "bicycle", quantity: 90, unitValue: 1_500_000,
                                   basis: "giá thị trường của loại xe được tặng", unitName: "chiếc", ref: "VN18-PN-01",
                                   memo: "AIA Việt Nam tặng 90 xe đạp cho học sinh tỉnh Tây Ninh")
    }

    /// A transfer the national fund sends, and its notice.
    private static func send(_ national: DemoBook, _ date: LedgerDate, to fund: String, ref: String,
                             amount: Int64? = nil, item: String? = nil, quantity: Int64? = nil) throws -> TransferNotice {
        var order = TransferOrder(date: date, fundCode: fund, externalRef: ref)
        order.amount = amount.map { .vnd($0) }
        order.itemCode = item
        order.quantity = quantity
        guard let notice = try national.ledger.sendTransfer(order, user: national.user).notice else {
            preconditionFailure("the demonstration funds set no approval threshold")
        }
        return notice
    }

    /// The gifts' cash, the gift packages and the bicycles, sent to Tây Ninh and handed out there.
    private static func passOnToTayNinh(from national: DemoBook, to tayNinh: DemoBook) throws {
        let gifts = try send(national, day(5, 24), to: "TN", ref: "VN18-CK-TN-01", amount: 400_000_000)
        let packs = try send(national, day(5, 24), to: "TN", ref: "VN18-XK-TN-02", item: "gift-pack", quantity: 400)
        let bicycles = try send(national, day(5, 30), to: "TN", ref: "VN18-XK-TN-03", item: "bicycle", quantity: 90)
        try tayNinh.ledger.receiveTransfer(gifts, date: day(5, 25), externalRef: "TN18-GIFT-01", user: tayNinh.user)
        try tayNinh.ledger.receiveTransfer(packs, date: day(5, 25), externalRef: "TN18-GIFT-02", user: tayNinh.user)
        try tayNinh.post(day(6, 1), "400 suất quà cho học sinh nghèo: mỗi suất 1.000.000 đồng tiền mặt và một phần quà 200.000 đồng", ref: "TN18-GIFT-03", [
            LineDraft(accountCode: "6114", side: .debit, amount: .vnd(400_000_000), dimensions: Dimensions(funder: "QBTTEVN", program: "gift", unit: "TN"),
                      children: 400, memo: "400 × 1.000.000 đồng tiền mặt"),
            LineDraft(accountCode: "6114", side: .debit, amount: .vnd(80_000_000), dimensions: Dimensions(funder: "QBTTEVN", program: "gift", unit: "TN"),
                      memo: "400 phần quà 200.000 đồng, cho cùng các học sinh"),
            LineDraft(accountCode: "1121", side: .credit, amount: .vnd(400_000_000), dimensions: Dimensions(funder: "QBTTEVN")),
            LineDraft(accountCode: "156", side: .credit, amount: .vnd(80_000_000), item: "gift-pack", quantity: 400),
        ])
        try tayNinh.ledger.receiveTransfer(bicycles, date: day(6, 1), externalRef: "TN18-BIKE-01", user: tayNinh.user)
        try tayNinh.disburseInKind(day(6, 1), program: "bicycle", unit: "TN", item: "bicycle", quantity: 90, children: 90, ref: "TN18-BIKE-02")
    }

    /// Long An: the provincial budget and the national fund pay monthly scholarships; the last
    /// transfer of the year arrives in 2019.
    private static func buildLongAn(_ longAn: DemoBook, national: DemoBook) throws {
        try longAn.unit("LA", "Tỉnh Long An", .province)
        try longAn.funder("NSDP-LA", "Ngân sách tỉnh Long An", .governmentLocal)
        try longAn.receive(day(1, 10), funder: "NSDP-LA", .vnd(300_000_000), ref: "LA18-PT-01", memo: "Ngân sách tỉnh hỗ trợ quỹ")
        let scholarships = try send(national, day(9, 1), to: "LA", ref: "VN18-CK-LA-01", amount: 60_000_000)
        try longAn.ledger.receiveTransfer(scholarships, date: day(9, 3), externalRef: "LA18-PT-02", user: longAn.user)
        for month in 1...12 {
            try longAn.disburse(day(month, 15), program: "scholarship", unit: "LA", .vnd(20_000_000), children: 40,
                                ref: "LA18-HB-\(month)", memo: "Học bổng tháng \(month)/2018: 40 học sinh")
        }
        let lateTransfer = try send(national, day(12, 28), to: "LA", ref: "VN18-CK-LA-02", amount: 20_000_000)
        try longAn.ledger.receiveTransfer(lateTransfer, date: LedgerDate(year: 2019, month: 1, day: 3)!, externalRef: "LA19-PT-01", user: longAn.user)
    }
}
