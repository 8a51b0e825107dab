import FundLedger

extension DemoScenario {
    /// Tây Ninh, 2018 (Báo Tây Ninh, 26/12/2018, docs/sources/002.txt).
    public static let tayNinh2018 = DemoScenario(
        name: "tay-ninh-2018",
        fundName: "Quỹ Bảo trợ trẻ em tỉnh Tây Ninh",
        description: LocalizedText("""
        Tây Ninh 2018 (Báo Tây Ninh, 26/12/2018). Published: the "Cặp lá yêu thương" campaign raised more than
        250 million VND and 6 savings books (4 × 10,000,000 + 2 × 5,000,000 VND), which paid monthly
        scholarships totalling 240,000,000 VND and built one house worth 50,000,000 VND; with the national fund,
        400 gift packages for poor pupils (1,000,000 VND cash + a 200,000 VND gift each); 90 bicycles given by
        AIA Vietnam through the national fund; free milk for 1,337 children from the Vietnam milk fund.
        Assumed where the article is silent: the campaign raised 252,000,000 VND (152,000,000 from individuals,
        100,000,000 from companies); the scholarships were the 6 savings books plus 10 monthly cash instalments
        of 19,000,000 VND to 38 pupils; the house was for a family with 3 children; a bicycle is valued at
        1,500,000 VND and a child's milk at 500,000 VND; the plan for scholarships was 240,000,000 VND.
        """, """
        Tây Ninh 2018 (Báo Tây Ninh, 26/12/2018). Số liệu đã công bố: chương trình "Cặp lá yêu thương" vận động được
        hơn 250 triệu đồng và 6 sổ tiết kiệm (4 × 10.000.000 + 2 × 5.000.000 đồng), dùng trả học bổng hằng tháng
        tổng cộng 240.000.000 đồng và xây một căn nhà trị giá 50.000.000 đồng; cùng Quỹ Bảo trợ trẻ em Việt Nam,
        tặng 400 suất quà cho học sinh nghèo (mỗi suất 1.000.000 đồng tiền mặt và một phần quà 200.000 đồng); 90
        xe đạp do AIA Việt Nam tặng thông qua Quỹ Bảo trợ trẻ em Việt Nam; sữa miễn phí cho 1.337 trẻ em từ Quỹ sữa
        Vươn cao Việt Nam. Giả định khi bài báo không nói rõ: chương trình vận động được 252.000.000 đồng
        (152.000.000 từ cá nhân, 100.000.000 từ doanh nghiệp); học bổng gồm 6 sổ tiết kiệm và 10 đợt chi tiền mặt
        hằng tháng 19.000.000 đồng cho 38 học sinh; căn nhà dành cho một gia đình có 3 trẻ; mỗi xe đạp trị giá
        1.500.000 đồng và sữa của mỗi trẻ 500.000 đồng; kế hoạch học bổng là 240.000.000 đồng.
        """),
        startDate: LedgerDate(year: 2018, month: 1, day: 1)!,
        endDate: LedgerDate(year: 2018, month: 12, day: 31)!,
        featuredFunderCode: "QBTTEVN",
        build: buildTayNinh2018)

    private static func buildTayNinh2018(_ book: DemoBook) throws {
        try book.funder("QBTTEVN", "Quỹ Bảo trợ trẻ em Việt Nam", .other)
        try book.funder("AIA", "Công ty TNHH Bảo hiểm Nhân thọ AIA Việt Nam", .company)
        try buildTayNinh2018OwnBooks(book)
        try buildTayNinh2018WithTheNationalFund(book)
    }

    /// What Tây Ninh raised and spent itself in 2018: the "Cặp lá yêu thương" campaign, its
    /// scholarships and house, and the milk fund's gift.
    static func buildTayNinh2018OwnBooks(_ book: DemoBook) throws {
        func day(_ month: Int, _ day: Int) -> LedgerDate { book.date(2018, month, day) }
        try book.unit("TN", "Tỉnh Tây Ninh", .province)
        try book.funder("CLYT-CN", "Nhà hảo tâm chương trình Cặp lá yêu thương", .individual)
        try book.funder("CLYT-DN", "Doanh nghiệp ủng hộ Cặp lá yêu thương", .company)
        try book.funder("QSVCVN", "Quỹ sữa Vươn cao Việt Nam", .other)
        try book.plan(2018, program: "scholarship", 240_000_000)
        try book.plan(2018, program: "house", 50_000_000)

        // Cặp lá yêu thương: money and savings books, spent on scholarships and one house.
        try book.grant("CLYT-2018", funder: "CLYT-CN", .vnd(152_000_000), programs: ["scholarship", "house"], units: ["TN"],
                       from: day(1, 1), to: day(12, 31), purpose: "Cặp lá yêu thương: scholarships and a house")
        // The money came in before the first monthly scholarship (5 January) it paid for.
        try book.receive(day(1, 2), funder: "CLYT-CN", grant: "CLYT-2018", .vnd(152_000_000), ref: "TN18-CLYT-01",
                         memo: "Cặp lá yêu thương: cá nhân ủng hộ")
        try book.receive(day(1, 2), funder: "CLYT-DN", .vnd(100_000_000), ref: "TN18-CLYT-02", memo: "Cặp lá yêu thương: doanh nghiệp ủng hộ")
        // The goods items, named in both languages (a receipt in kind would register them by code).
        for (code, vietnamese, english, unit) in [("savings-book-10m", "Sổ tiết kiệm 10 triệu đồng", "Savings book of 10 million VND", "sổ"),
                                                  ("savings-book-5m", "Sổ tiết kiệm 5 triệu đồng", "Savings book of 5 million VND", "sổ"),
                                                  ("gift-pack", "Phần quà", "Gift package", "phần quà"),
                                                  ("bicycle", "Xe đạp", "Bicycle", "chiếc"),
                                                  ("milk-year", "Sữa (suất một năm)", "Milk (a year's supply)", "suất")] {
            try book.ledger.addGoodsItem(code: code, nameVietnamese: vietnamese, nameEnglish: english, unit: unit, user: book.user)
        }
        try book.receiveInKind(day(1, 15), funder: "CLYT-CN", item: "savings-book-10m", quantity: 4, unitValue: 10_000_000,
                               basis: "mệnh giá sổ tiết kiệm", unitName: "sổ", ref: "TN18-CLYT-03")
        try book.receiveInKind(day(1, 15), funder: "CLYT-CN", item: "savings-book-5m", quantity: 2, unitValue: 5_000_000,
                               basis: "mệnh giá sổ tiết kiệm", unitName: "sổ", ref: "TN18-CLYT-04")
        try book.disburseInKind(day(1, 20), program: "scholarship", unit: "TN", item: "savings-book-10m", quantity: 4, children: 4,
                                ref: "TN18-SCH-BOOK-1", memo: "Học bổng: 4 sổ tiết kiệm 10.000.000 đồng")
        try book.disburseInKind(day(1, 20), program: "scholarship", unit: "TN", item: "savings-book-5m", quantity: 2, children: 2,
                                ref: "TN18-SCH-BOOK-2", memo: "Học bổng: 2 sổ tiết kiệm 5.000.000 đồng")
        try book.disburse(day(3, 10), program: "house", unit: "TN", grant: "CLYT-2018", .vnd(50_000_000), children: 3,
                          ref: "TN18-HOUSE-01", memo: "Xây nhà cho một gia đình có trẻ em")
        for (index, month) in [1, 2, 3, 4, 5, 8, 9, 10, 11, 12].enumerated() {
            try book.disburse(day(month, 5), program: "scholarship", unit: "TN", grant: index < 5 ? "CLYT-2018" : nil, .vnd(19_000_000),
                              children: 38, ref: "TN18-SCH-\(month)", memo: "Học bổng tháng \(month)/2018: 38 học sinh")
        }

        try book.receiveInKind(day(6, 15), funder: "QSVCVN", item: "milk-year", quantity: 1_337, unitValue: 500_000,
                               basis: "giá trị do quỹ sữa xác định", unitName: "suất", ref: "TN18-MILK-01",
                               memo: "Quỹ sữa Vươn cao Việt Nam: sữa miễn phí cho 1.337 trẻ em")
        try book.disburseInKind(day(6, 15), program: "milk", unit: "TN", item: "milk-year", quantity: 1_337, children: 1_337, ref: "TN18-MILK-02")
    }

    /// What came through the national fund, posted in Tây Ninh's books as receipts from it
    /// (the single-fund scenario; the network scenario receives them as transfer notices).
    private static func buildTayNinh2018WithTheNationalFund(_ book: DemoBook) throws {
        func day(_ month: Int, _ day: Int) -> LedgerDate { book.date(2018, month, day) }
        // With the national fund: 400 gift packages of 1,000,000 VND cash and a 200,000 VND gift.
        try book.grant("QBTTEVN-2018-QUA", funder: "QBTTEVN", .vnd(400_000_000), programs: ["gift"], units: ["TN"],
                       from: day(5, 1), to: day(6, 30), designated: true, purpose: "400 gifts for poor pupils with good results")
        try book.receive(day(5, 25), funder: "QBTTEVN", grant: "QBTTEVN-2018-QUA", .vnd(400_000_000), ref: "TN18-GIFT-01",
                         memo: "Quỹ Bảo trợ trẻ em Việt Nam: tiền cho 400 suất quà")
        try book.receiveInKind(day(5, 25), funder: "QBTTEVN", item: "gift-pack", quantity: 400, unitValue: 200_000,
                               basis: "hóa đơn mua hàng của Quỹ Bảo trợ trẻ em Việt Nam", unitName: "phần quà", ref: "TN18-GIFT-02")
        try book.post(day(6, 1), "400 suất quà cho học sinh nghèo: mỗi suất 1.000.000 đồng tiền mặt và một phần quà 200.000 đồng", ref: "TN18-GIFT-03", [
            LineDraft(accountCode: "6114", side: .debit, amount: .vnd(400_000_000),
                      dimensions: Dimensions(grant: "QBTTEVN-2018-QUA", program: "gift", unit: "TN"), children: 400,
                      memo: "400 × 1.000.000 đồng tiền mặt"),
            LineDraft(accountCode: "6114", side: .debit, amount: .vnd(80_000_000),
                      dimensions: Dimensions(funder: "QBTTEVN", program: "gift", unit: "TN"), memo: "400 phần quà 200.000 đồng, cho cùng các học sinh"),
            LineDraft(accountCode: "1121", side: .credit, amount: .vnd(400_000_000), dimensions: Dimensions(grant: "QBTTEVN-2018-QUA")),
            LineDraft(accountCode: "156", side: .credit, amount: .vnd(80_000_000), item: "gift-pack", quantity: 400),
        ])

        // In kind: 90 bicycles from AIA through the national fund; milk for 1,337 children.
        try book.receiveInKind(day(6, 1), funder: "AIA", item: "bicycle", quantity: 90, unitValue: 1_500_000,
                               basis: "giá thị trường của loại xe được tặng", unitName: "chiếc", ref: "TN18-BIKE-01",
                               memo: "AIA Việt Nam tặng qua Quỹ Bảo trợ trẻ em Việt Nam: 90 xe đạp")
        try book.disburseInKind(day(6, 1), program: "bicycle", unit: "TN", item: "bicycle", quantity: 90, children: 90, ref: "TN18-BIKE-02")
    }
}
