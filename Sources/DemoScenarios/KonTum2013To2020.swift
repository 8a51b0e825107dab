import FundLedger

extension DemoScenario {
    /// Kon Tum, 2013–2020 (summary of the province's Action Programme for Children,
    /// 12/01/2021, docs/sources/000.txt).
    public static let konTum2013To2020 = DemoScenario(
        name: "kon-tum-2013-2020",
        fundName: "Quỹ Bảo trợ trẻ em tỉnh Kon Tum",
        description: LocalizedText("""
        Kon Tum 2013–2020 (Sở LĐ-TB&XH Kon Tum, 12/01/2021). Published: state budget for the programme's goals of
        20,594 million VND, of which 7,266 million central and 13,328 million local; 24 foreign NGOs and 2
        individuals committed 10.2 million USD, about 236 billion VND, through 51 programmes; the fund at all
        levels helps more than 20,000 child-instances a year. Spread where the article gives only totals: the
        budget by year (central 800…966 and local 1,500…1,778 million VND a year, totals exact); the 51
        commitments between 80,000 and 320,000 USD (total exactly 10,200,000.00 USD), each restricted to one
        program and one district, 90 % received by 2020 in yearly instalments at yearly SBV rates (21,036 in
        2013 … 23,125 in 2020) and converted at the bank's rate 20 VND higher; 95 % of what was converted spent
        at about 1,000,000 VND per child-instance, and budget money on health-insurance cards and Tết gifts at
        300,000 VND per child-instance. The commitment in dong is valued at the 2020-12-31 rate, 23,130:
        235,926,000,000 VND. Districts end on 2025-06-30, when the district level was abolished; Ia H'Drai
        district exists from 2015-03-11.
        """, """
        Kon Tum 2013–2020 (Sở LĐ-TB&XH Kon Tum, 12/01/2021). Số liệu đã công bố: ngân sách nhà nước cho các mục
        tiêu của chương trình 20.594 triệu đồng, trong đó trung ương 7.266 triệu và địa phương 13.328 triệu; 24 tổ
        chức phi chính phủ nước ngoài và 2 cá nhân cam kết 10,2 triệu USD, khoảng 236 tỷ đồng, qua 51 chương trình;
        quỹ các cấp hỗ trợ hơn 20.000 lượt trẻ em mỗi năm. Phân bổ khi bài báo chỉ nêu tổng số: ngân sách theo năm
        (trung ương 800…966 và địa phương 1.500…1.778 triệu đồng mỗi năm, tổng khớp chính xác); 51 cam kết từ
        80.000 đến 320.000 USD (tổng đúng 10.200.000,00 USD), mỗi cam kết chỉ dành cho một chương trình và một
        huyện, đến 2020 nhận 90 % theo từng năm với tỷ giá SBV hằng năm (21.036 năm 2013 … 23.125 năm 2020) và bán
        ngoại tệ theo tỷ giá ngân hàng cao hơn 20 đồng; chi 95 % số đã bán, khoảng 1.000.000 đồng mỗi lượt trẻ em,
        và tiền ngân sách chi mua thẻ bảo hiểm y tế và quà Tết 300.000 đồng mỗi lượt trẻ em. Cam kết quy đổi theo
        tỷ giá ngày 31/12/2020 là 23.130: 235.926.000.000 đồng. Các huyện kết thúc ngày 30/06/2025, khi bỏ cấp
        huyện; huyện Ia H'Drai có từ ngày 11/03/2015.
        """),
        startDate: LedgerDate(year: 2013, month: 1, day: 1)!,
        endDate: LedgerDate(year: 2020, month: 12, day: 31)!,
        featuredFunderCode: "NGO01",
        build: buildKonTum)

    static let konTumCentralBudgetMillions: [Int64] = [800, 850, 900, 900, 950, 950, 950, 966]
    static let konTumLocalBudgetMillions: [Int64] = [1_500, 1_550, 1_600, 1_650, 1_700, 1_750, 1_800, 1_778]
    static let konTumUSDRates: [Int64] = [21_036, 21_246, 21_890, 22_159, 22_425, 22_602, 23_050, 23_125]
    static let konTumCommittedUSD: Int64 = 10_200_000

    /// The 51 commitments in whole dollars: a fixed spread whose total is exactly 10,200,000.
    static var konTumCommitments: [Int64] {
        var amounts = (1...50).map { k in Int64(80_000 + ((k * 7919) % 13) * 20_000) }
        amounts.append(konTumCommittedUSD - amounts.reduce(0, +))
        precondition(amounts.last! >= 50_000, "the spread leaves too little for the last commitment")
        return amounts
    }

    /// The scenario's postings, gathered as they are described (budget, then grant by grant,
    /// then the fund's own) and posted in date order, as the fund would have entered them:
    /// every rule holds on every date (docs/posting-rules.md), and dollars leave 1122 at the
    /// average of the day they leave, so a receipt dated before a conversion already posted
    /// would be refused (`valuation-order`). Postings of one day keep the order they were
    /// gathered in.
    final class KonTumPostings {
        private var steps: [(date: LedgerDate, post: () throws -> Void)] = []

        func on(_ date: LedgerDate, _ post: @escaping () throws -> Void) { steps.append((date, post)) }

        func postInDateOrder() throws {
            let ordered = steps.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            for step in ordered { try step.element.post() }
        }
    }

    private static func buildKonTum(_ book: DemoBook) throws {
        let districts: [(String, String)] = [
            ("KT-TP", "Thành phố Kon Tum"), ("KT-DH", "Huyện Đắk Hà"), ("KT-DT", "Huyện Đắk Tô"), ("KT-NH", "Huyện Ngọc Hồi"),
            ("KT-DG", "Huyện Đắk Glei"), ("KT-ST", "Huyện Sa Thầy"), ("KT-KR", "Huyện Kon Rẫy"), ("KT-KP", "Huyện Kon Plông"),
            ("KT-TMR", "Huyện Tu Mơ Rông"), ("KT-IHD", "Huyện Ia H'Drai"),
        ]
        let iaHDraiFrom = book.date(2015, 3, 11)
        try book.unit("KT", "Tỉnh Kon Tum", .province, to: book.date(2025, 6, 30))
        for (code, name) in districts {
            try book.unit(code, name, .district, parent: "KT", from: code == "KT-IHD" ? iaHDraiFrom : nil, to: book.date(2025, 6, 30))
        }
        try book.unit("QNG", "Tỉnh Quảng Ngãi", .province)
        try book.ledger.mergeUnit(code: "KT", into: "QNG", on: book.date(2025, 6, 30), user: book.user)
        try book.funder("NSTW", "Ngân sách Trung ương", .governmentCentral)
        try book.funder("NSDP", "Ngân sách tỉnh Kon Tum", .governmentLocal)
        for index in 1...24 {
            try book.funder(String(format2("NGO", index)), "Tổ chức phi chính phủ nước ngoài số \(index)", .ngo, currency: .usd, country: ["US", "DE", "JP", "AU", "GB", "NL"][index % 6])
        }
        try book.funder("IND01", "Cá nhân nước ngoài số 1", .individual, currency: .usd, country: "US")
        try book.funder("IND02", "Cá nhân nước ngoài số 2", .individual, currency: .usd, country: "AU")
        for (offset, rate) in konTumUSDRates.enumerated() {
            try book.rate(.usd, book.date(2013 + offset, 1, 2), String(rate))
        }
        try book.rate(.usd, book.date(2020, 12, 31), "23130")
        let postings = KonTumPostings()
        buildKonTumBudget(book, postings)
        let programs = ["scholarship", "milk", "house", "health-insurance", "counselling", "emergency", "gift", "other"]
        for (index, dollars) in konTumCommitments.enumerated() {
            let k = index + 1
            let funder = k <= 48 ? format2("NGO", (k - 1) / 2 + 1) : k <= 50 ? "IND01" : "IND02"
            let (unit, _) = districts[k % districts.count]
            let firstYear = unit == "KT-IHD" ? 2016 : 2013
            try buildKonTumGrant(book, postings, code: format2("KT-G", k), funder: funder, dollars: dollars, program: programs[k % programs.count],
                                 unit: unit, firstYear: firstYear, dayOffset: k % 20)
        }
        for year in 2013...2020 {
            postings.on(book.date(year, 12, 20)) {
                try book.receive(book.date(year, 12, 20), funder: nil, .vnd(60_000_000), ref: "KT-INT-\(year)", memo: "Lãi tiền gửi năm \(year)", interest: true)
            }
            postings.on(book.date(year, 12, 28)) {
                try book.post(book.date(year, 12, 28), "Fund management costs \(year)", ref: "KT-QL-\(year)", [
                    .debit("6422", .vnd(45_000_000)), .credit("1121", .vnd(45_000_000)),
                ])
            }
        }
        try postings.postInDateOrder()
    }

    private static func buildKonTumBudget(_ book: DemoBook, _ postings: KonTumPostings) {
        for (offset, (central, local)) in zip(konTumCentralBudgetMillions, konTumLocalBudgetMillions).enumerated() {
            let year = 2013 + offset
            postings.on(book.date(year, 1, 20)) {
                try book.receive(book.date(year, 1, 20), funder: "NSTW", .vnd(central * 1_000_000), ref: "KT-NSTW-\(year)",
                                 memo: "Ngân sách trung ương cấp năm \(year)")
            }
            postings.on(book.date(year, 1, 25)) {
                try book.receive(book.date(year, 1, 25), funder: "NSDP", .vnd(local * 1_000_000), ref: "KT-NSDP-\(year)",
                                 memo: "Ngân sách địa phương cấp năm \(year)")
            }
            let total = (central + local) * 1_000_000
            let cards = total * 3 / 5 / 300_000 * 300_000
            let gifts = (total - cards) / 300_000 * 300_000
            postings.on(book.date(year, 2, 10)) {
                try book.disburse(book.date(year, 2, 10), program: "health-insurance", unit: "KT", .vnd(cards), children: cards / 300_000,
                                  ref: "KT-BHYT-\(year)", memo: "Mua thẻ bảo hiểm y tế cho trẻ em năm \(year)")
            }
            postings.on(book.date(year, 1, 30)) {
                try book.disburse(book.date(year, 1, 30), program: "gift", unit: "KT", .vnd(gifts), children: gifts / 300_000,
                                  ref: "KT-TET-\(year)", memo: "Quà Tết cho trẻ em năm \(year)")
            }
        }
    }

    private static func buildKonTumGrant(_ book: DemoBook, _ postings: KonTumPostings, code: String, funder: String, dollars: Int64, program: String,
                                         unit: String, firstYear: Int, dayOffset: Int) throws {
        let from = firstYear == 2016 ? book.date(2016, 1, 1) : book.date(2013, 1, 1)
        try book.grant(code, funder: funder, Amount(minorUnits: dollars * 100, currency: .usd), programs: [program], units: [unit],
                       from: from, to: book.date(2020, 12, 31), purpose: "Programme \(code)")
        let years = firstYear...2020
        let receivedCents = dollars * 100 * 9 / 10
        let share = receivedCents / Int64(years.count)
        for year in years {
            let cents = year == 2020 ? receivedCents - share * Int64(years.count - 1) : share
            let amount = Amount(minorUnits: cents, currency: .usd)
            let date = book.date(year, 3, 10 + dayOffset)
            postings.on(date) { try book.receive(date, funder: funder, grant: code, amount, ref: "\(code)-R\(year)") }
            let bankRate = Rate(scaledValue: konTumUSDRates[year - 2013] + 20, scale: 0)
            let dong = try bankRate.convertToDong(amount)
            postings.on(date.adding(days: 5)) {
                try book.convert(date.adding(days: 5), amount, received: dong, grant: code, ref: "\(code)-C\(year)")
            }
            let spend = dong * 95 / 100 / 1_000 * 1_000
            let first = spend / 2 / 1_000 * 1_000
            for (half, amount) in [first, spend - first].enumerated() {
                let paid = book.date(year, half == 0 ? 6 : 11, 15 + dayOffset / 2)
                postings.on(paid) {
                    try book.disburse(paid, program: program, unit: unit, grant: code,
                                      .vnd(amount), children: max(1, amount / 1_000_000), ref: "\(code)-D\(year)-\(half + 1)")
                }
            }
        }
    }

    /// `NGO01`, `KT-G07`: a prefix and a two-digit number.
    static func format2(_ prefix: String, _ number: Int) -> String {
        prefix + (number < 10 ? "0" : "") + String(number)
    }
}
