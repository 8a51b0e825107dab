import FundLedger

extension DemoScenario {
    /// Thừa Thiên Huế, 2016–2020 (summary of the province's project "Đẩy mạnh bảo vệ, chăm sóc
    /// trẻ em giai đoạn 2016-2020", 20/01/2021, docs/sources/003.txt).
    public static let thuaThienHue2016To2020 = DemoScenario(
        name: "thua-thien-hue-2016-2020",
        fundName: "Quỹ Bảo trợ trẻ em tỉnh Thừa Thiên Huế",
        description: LocalizedText("""
        Thừa Thiên Huế 2016–2020 (TTH.VN, 20/01/2021). Published: 96.245 billion VND spent on the project, 275 %
        of the 35 billion VND plan; 12 of 14 targets met; the child protection fund mobilized more than 35 billion
        VND and supported more than 66,000 child-instances. Spread where the article gives only totals: the plan
        is 7,000,000,000 VND a year; spending by year is 17.2, 18.5, 19.3, 20.1 and 21.145 billion VND (total
        exactly 96,245,000,000); the fund mobilized 35,193,557,000 VND (companies 14.2 and individuals 9.0 billion
        VND, a foreign NGO 529,000 USD worth 11,993,557,000 VND at yearly SBV rates), the local budget paid the
        other 61,051,443,000 VND; fund-supported spending reached 66,400 child-instances.
        """, """
        Thừa Thiên Huế 2016–2020 (TTH.VN, 20/01/2021). Số liệu đã công bố: chi 96,245 tỷ đồng cho đề án, bằng 275 %
        kế hoạch 35 tỷ đồng; đạt 12 trên 14 chỉ tiêu; quỹ bảo trợ trẻ em vận động được hơn 35 tỷ đồng và hỗ trợ hơn
        66.000 lượt trẻ em. Phân bổ khi bài báo chỉ nêu tổng số: kế hoạch 7.000.000.000 đồng mỗi năm; chi theo năm
        là 17,2; 18,5; 19,3; 20,1 và 21,145 tỷ đồng (tổng đúng 96.245.000.000); quỹ vận động được 35.193.557.000
        đồng (doanh nghiệp 14,2 và cá nhân 9,0 tỷ đồng, một tổ chức phi chính phủ nước ngoài 529.000 USD, quy đổi
        11.993.557.000 đồng theo tỷ giá SBV hằng năm), ngân sách địa phương chi phần còn lại 61.051.443.000 đồng;
        các khoản chi do quỹ hỗ trợ đến với 66.400 lượt trẻ em.
        """),
        startDate: LedgerDate(year: 2016, month: 1, day: 1)!,
        endDate: LedgerDate(year: 2020, month: 12, day: 31)!,
        featuredFunderCode: "PLAN-VN",
        build: buildThuaThienHue)

    /// Spending by year, in dong; the total is the published 96,245,000,000.
    static let thuaThienHueSpending: [Int64] = [17_200_000_000, 18_500_000_000, 19_300_000_000, 20_100_000_000, 21_145_000_000]
    static let thuaThienHuePlanPerYear: Int64 = 7_000_000_000
    /// What the fund mobilized by year, in dong: companies, individuals, and NGO money (received in USD).
    static let thuaThienHueCompanies: [Int64] = [2_600_000_000, 2_700_000_000, 2_800_000_000, 3_000_000_000, 3_100_000_000]
    static let thuaThienHueIndividuals: [Int64] = [1_600_000_000, 1_700_000_000, 1_800_000_000, 1_900_000_000, 2_000_000_000]
    static let thuaThienHueNGODollars: [Int64] = [105_000, 107_000, 106_000, 104_000, 107_000]
    static let thuaThienHueUSDRates: [Int64] = [22_159, 22_425, 22_602, 23_050, 23_125]
    /// Fund-supported child-instances by year (total 66,400).
    static let thuaThienHueChildren: [Int64] = [12_600, 13_000, 13_300, 13_600, 13_900]

    private static func buildThuaThienHue(_ book: DemoBook) throws {
        let units = [("TTH-HUE", "Thành phố Huế"), ("TTH-PD", "Huyện Phong Điền"), ("TTH-QD", "Huyện Quảng Điền"),
                     ("TTH-PV", "Thị xã Phú Vang"), ("TTH-AL", "Huyện A Lưới"), ("TTH-ND", "Huyện Nam Đông")]
        try book.unit("TTH", "Tỉnh Thừa Thiên Huế", .province)
        for (code, name) in units { try book.unit(code, name, .district, parent: "TTH") }
        try book.funder("NSDP", "Ngân sách tỉnh Thừa Thiên Huế", .governmentLocal)
        try book.funder("DN-TTH", "Doanh nghiệp trên địa bàn tỉnh", .company)
        try book.funder("CN-TTH", "Cá nhân, nhà hảo tâm", .individual)
        try book.funder("PLAN-VN", "Tổ chức phi chính phủ nước ngoài (quỹ trẻ em)", .ngo, currency: .usd, country: "GB")
        let programs = ["scholarship", "milk", "house", "health-insurance", "gift", "counselling", "swimming", "emergency"]
        for (offset, year) in (2016...2020).enumerated() {
            try book.plan(year, thuaThienHuePlanPerYear)
            try book.rate(.usd, book.date(year, 1, 2), String(thuaThienHueUSDRates[offset]))
            let dollars = thuaThienHueNGODollars[offset]
            let usd = Amount(minorUnits: dollars * 100, currency: .usd)
            let grant = "PLAN-TTH-\(year)"
            try book.grant(grant, funder: "PLAN-VN", usd, programs: ["counselling", "swimming", "emergency"], units: ["TTH"],
                           from: book.date(year, 1, 1), to: book.date(year, 12, 31), purpose: "Child protection services \(year)")
            try book.receive(book.date(year, 2, 1), funder: "PLAN-VN", grant: grant, usd, ref: "TTH-NGO-\(year)")
            let ngoDong = try Rate(scaledValue: thuaThienHueUSDRates[offset], scale: 0).convertToDong(usd)
            try book.convert(book.date(year, 2, 5), usd, received: ngoDong, grant: grant, ref: "TTH-CONV-\(year)")
            try book.receive(book.date(year, 1, 15), funder: "DN-TTH", .vnd(thuaThienHueCompanies[offset]), ref: "TTH-DN-\(year)")
            try book.receive(book.date(year, 1, 16), funder: "CN-TTH", .vnd(thuaThienHueIndividuals[offset]), ref: "TTH-CN-\(year)")
            let fundMoney = ngoDong + thuaThienHueCompanies[offset] + thuaThienHueIndividuals[offset]
            let budget = thuaThienHueSpending[offset] - fundMoney
            try book.receive(book.date(year, 1, 10), funder: "NSDP", .vnd(budget), ref: "TTH-NSDP-\(year)", memo: "Ngân sách địa phương cho đề án năm \(year)")
            try spendThuaThienHueYear(book, year: year, offset: offset, units: units.map(\.0), programs: programs, ngoGrant: grant,
                                     ngoDong: ngoDong, fundMoney: fundMoney, budget: budget)
        }
    }

    /// Spends the year's money: the NGO grant on its programs, the rest of the fund's money
    /// across programs and districts with the year's child-instances, and the budget money on
    /// the project's services.
    private static func spendThuaThienHueYear(_ book: DemoBook, year: Int, offset: Int, units: [String], programs: [String], ngoGrant: String,
                                             ngoDong: Int64, fundMoney: Int64, budget: Int64) throws {
        let children = thuaThienHueChildren[offset]
        let ngoChildren = children * ngoDong / fundMoney
        try book.disburse(book.date(year, 4, 20), program: "counselling", unit: "TTH-HUE", grant: ngoGrant, .vnd(ngoDong), children: ngoChildren,
                          ref: "TTH-\(year)-NGO", memo: "Dịch vụ tư vấn và bảo vệ trẻ em năm \(year)")
        let rest = fundMoney - ngoDong
        let restChildren = children - ngoChildren
        let pieces = 12
        for piece in 0..<pieces {
            let amount = piece == pieces - 1 ? rest - rest / Int64(pieces) * Int64(pieces - 1) : rest / Int64(pieces)
            let count = piece == pieces - 1 ? restChildren - restChildren / Int64(pieces) * Int64(pieces - 1) : restChildren / Int64(pieces)
            try book.disburse(book.date(year, piece + 1, 25), program: programs[(piece + offset) % programs.count], unit: units[piece % units.count],
                              .vnd(amount), children: count, ref: "TTH-\(year)-F\(piece + 1)")
        }
        let budgetPieces = 4
        for piece in 0..<budgetPieces {
            let amount = piece == budgetPieces - 1 ? budget - budget / Int64(budgetPieces) * Int64(budgetPieces - 1) : budget / Int64(budgetPieces)
            try book.post(book.date(year, piece * 3 + 3, 28), "Project services paid from the local budget \(year), quarter \(piece + 1)",
                          ref: "TTH-\(year)-NS\(piece + 1)", [
                LineDraft(accountCode: "6118", side: .debit, amount: .vnd(amount),
                          dimensions: Dimensions(funder: "NSDP", program: "counselling", unit: "TTH")),
                LineDraft(accountCode: "1121", side: .credit, amount: .vnd(amount)),
            ])
        }
    }
}
