import FundLedger

/// `cpf grant add`.
struct GrantAddCommand: Command {
    static let configuration = CommandConfiguration(
        name: "grant add",
        abstract: LocalizedText("Register a grant: a funder's commitment, its restrictions and tranches.", "Đăng ký một khoản tài trợ: cam kết của nhà tài trợ, các hạn chế và các đợt nhận."),
        discussion: LocalizedText("""
        EXAMPLE:
          cpf grant add KFW-2018 --funder KFW --amount "100000.00 USD" --programs scholarship,house \\
              --units TN --from 2018-01-01 --to 2020-12-31 --tranche 2018-03-01:50000.00 --tranche 2019-03-01:50000.00

        The commitment is tracked off the balance sheet; receipts against it are booked with
        'cpf receive --grant'. A grant that names programs or units is restricted to them
        (and to the units within them); --designated marks donor-designated support (hỗ trợ
        theo địa chỉ), which must name what it is for and is left out of the management-cost
        base. Spending is allowed from --from to --to.
        """, """
        VÍ DỤ:
          cpf grant add KFW-2018 --funder KFW --amount "100000.00 USD" --programs scholarship,house \\
              --units TN --from 2018-01-01 --to 2020-12-31 --tranche 2018-03-01:50000.00 --tranche 2019-03-01:50000.00

        Cam kết được theo dõi ngoài bảng cân đối; các khoản thu theo cam kết được ghi bằng
        'cpf receive --grant'. Khoản tài trợ ghi chương trình hoặc đơn vị thì chỉ được chi cho
        chúng (và các đơn vị trực thuộc); --designated đánh dấu hỗ trợ theo địa chỉ do nhà tài trợ
        chỉ định, phải ghi rõ dùng vào việc gì và không tính vào số thu làm căn cứ chi phí quản
        lý. Được chi từ --from đến --to.
        """))

    @Argument("CODE", help: LocalizedText("a short code: letters, digits, '.', '_', '-'", "mã ngắn: chữ cái, chữ số, '.', '_', '-'"))
    var code: String
    @Option("--funder", "CODE", help: LocalizedText("the funder", "nhà tài trợ"))
    var funder: String
    @Option("--amount", "AMOUNT", help: LocalizedText("the committed amount in the grant's currency, e.g. \"100000.00 USD\"", "số cam kết bằng loại tiền của khoản tài trợ, ví dụ \"100000.00 USD\""), parse: { try Amount.parse($0) })
    var committed: Amount
    @Option("--programs", "LIST", help: LocalizedText("comma-separated programs the money may be spent on", "các chương trình được chi, cách nhau bằng dấu phẩy"), parse: GrantAddCommand.list)
    var programs: [String]?
    @Option("--units", "LIST", help: LocalizedText("comma-separated org units the money may be spent in", "các đơn vị được chi, cách nhau bằng dấu phẩy"), parse: GrantAddCommand.list)
    var units: [String]?
    @Option(CommonOptions.from, help: LocalizedText("first day the money may be spent", "ngày đầu được chi"))
    var from: LedgerDate?
    @Option(CommonOptions.to, help: LocalizedText("last day the money may be spent", "ngày cuối được chi"))
    var to: LedgerDate?
    @Flag("--designated", help: LocalizedText("donor-designated support (hỗ trợ theo địa chỉ)", "hỗ trợ theo địa chỉ do nhà tài trợ chỉ định"))
    var designated: Bool
    @Option("--tranche", "DATE:AMOUNT", help: LocalizedText("an expected tranche, e.g. 2018-03-01:50000.00", "một đợt dự kiến nhận, ví dụ 2018-03-01:50000.00"))
    var tranches: [String]
    @Option("--status", "STATUS", help: LocalizedText("pledged or active (default active)", "pledged (hứa tài trợ) hoặc active (đang thực hiện) (mặc định active)"), parse: GrantStatus.parse)
    var status: GrantStatus = .active
    @Option("--purpose", "TEXT", help: LocalizedText("what the grant is for", "mục đích của khoản tài trợ"))
    var purpose: String = ""
    @Option("--signed", "YYYY-MM-DD", help: LocalizedText("the agreement's date (default --from, else today)", "ngày ký thỏa thuận (mặc định --from, nếu không thì hôm nay)"), parse: LedgerDate.parse)
    var signed: LedgerDate?

    func validate() throws {
        if designated && (programs ?? []).isEmpty && (units ?? []).isEmpty {
            throw LedgerError(.restriction, LocalizedText("designated support must say what it is for", "hỗ trợ theo địa chỉ phải ghi rõ dùng vào việc gì"),
                              hint: LocalizedText("give --programs and/or --units with --designated", "hãy ghi --programs và/hoặc --units cùng với --designated"))
        }
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        var definition = GrantDefinition(code: code, funderCode: funder, committed: committed)
        definition.programCodes = programs ?? []
        definition.unitCodes = units ?? []
        definition.validFrom = from
        definition.validTo = to
        definition.designated = designated
        definition.tranches = try tranches.map { try GrantAddCommand.tranche($0, currency: committed.currency) }
        definition.status = status
        definition.purpose = purpose
        definition.signedOn = signed
        try context.openLedger().addGrant(definition, user: context.user)
        context.say(LocalizedText("Added grant \(definition.code): \(definition.funderCode) commits \(grouped: definition.committed).",
                                  "Đã thêm khoản tài trợ \(definition.code): \(definition.funderCode) cam kết \(grouped: definition.committed)."))
        return .success
    }

    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingCharacters() }
    }

    /// `2018-03-01:50000.00` (or with a currency code) as a tranche in `currency`.
    static func tranche(_ text: String, currency: Currency) throws -> Tranche {
        guard let colon = text.firstIndex(of: ":") else {
            throw LedgerError(.invalidInput, LocalizedText("tranche '\(text)' is not DATE:AMOUNT", "đợt '\(text)' không theo dạng NGÀY:SỐ_TIỀN"), hint: LocalizedText("write e.g. --tranche 2018-03-01:50000.00", "ví dụ --tranche 2018-03-01:50000.00"))
        }
        let date = try LedgerDate.parse(String(text[..<colon]))
        var amountText = String(text[text.index(after: colon)...])
        if !amountText.contains(" ") { amountText += " \(currency.code)" }
        return Tranche(dueOn: date, amount: try Amount.parse(amountText))
    }
}

/// `cpf grant amend`.
struct GrantAmendCommand: Command {
    static let configuration = CommandConfiguration(
        name: "grant amend",
        abstract: LocalizedText("Amend a grant's terms from a date; earlier terms and entries stay as they were.", "Sửa điều khoản của khoản tài trợ từ một ngày; điều khoản và bút toán trước đó giữ nguyên."),
        discussion: LocalizedText("""
        EXAMPLE:
          cpf grant amend KFW-2018 --amount "120000.00 USD" --effective 2019-06-01 --reason "addendum 2"
        Options left out keep their current value. --status closes or cancels a grant.
        """, """
        VÍ DỤ:
          cpf grant amend KFW-2018 --amount "120000.00 USD" --effective 2019-06-01 --reason "addendum 2"
        Tùy chọn không ghi thì giữ giá trị hiện tại. --status để đóng hoặc hủy khoản tài trợ.
        """))

    @Argument("CODE", help: LocalizedText("the grant", "khoản tài trợ"))
    var code: String
    @Option("--effective", "YYYY-MM-DD", help: LocalizedText("when the new terms take effect", "ngày điều khoản mới có hiệu lực"), parse: LedgerDate.parse)
    var effective: LedgerDate
    @Option("--reason", "TEXT", help: LocalizedText("why (the addendum, the funder's letter)", "lý do (phụ lục, thư của nhà tài trợ)"))
    var reason: String
    @Option("--amount", "AMOUNT", help: LocalizedText("the new committed amount", "số cam kết mới"), parse: { try Amount.parse($0) })
    var committed: Amount?
    @Option("--programs", "LIST", help: LocalizedText("the new programs", "các chương trình mới"), parse: GrantAddCommand.list)
    var programs: [String]?
    @Option("--units", "LIST", help: LocalizedText("the new org units", "các đơn vị mới"), parse: GrantAddCommand.list)
    var units: [String]?
    @Option(CommonOptions.from, help: LocalizedText("the new first day of spending", "ngày đầu được chi mới"))
    var from: LedgerDate?
    @Option(CommonOptions.to, help: LocalizedText("the new last day of spending", "ngày cuối được chi mới"))
    var to: LedgerDate?
    @Option("--status", "STATUS", help: LocalizedText("pledged, active, closed or cancelled", "pledged, active, closed hoặc cancelled (hứa tài trợ, đang thực hiện, đã đóng, đã hủy)"), parse: GrantStatus.parse)
    var status: GrantStatus?
    @Option("--designated", "yes|no", help: LocalizedText("whether it is designated support", "có phải hỗ trợ theo địa chỉ hay không"), parse: GrantAmendCommand.yesOrNo)
    var designated: Bool?
    @Option("--tranche", "DATE:AMOUNT", help: LocalizedText("the new tranche schedule (replaces the old)", "lịch các đợt mới (thay lịch cũ)"))
    var tranches: [String]
    @Option("--purpose", "TEXT", help: LocalizedText("the new purpose", "mục đích mới"))
    var purpose: String?

    static func yesOrNo(_ text: String) throws -> Bool {
        guard text == "yes" || text == "no" else { throw UsageError(LocalizedText("--designated takes yes or no", "--designated nhận yes hoặc no"), command: "grant amend") }
        return text == "yes"
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedger()
        var amendment = GrantAmendment(effectiveOn: effective, reason: reason)
        amendment.committed = committed
        amendment.programCodes = programs
        amendment.unitCodes = units
        amendment.validFrom = from
        amendment.validTo = to
        amendment.status = status
        amendment.purpose = purpose
        amendment.designated = designated
        if !tranches.isEmpty {
            guard let grant = try ledger.grant(code: code) else {
                throw LedgerError(.unknownDimension, LocalizedText("there is no grant '\(code)'", "không có khoản tài trợ '\(code)'"), hint: LocalizedText("'cpf grant list' shows the grants", "'cpf grant list' cho xem các khoản tài trợ"))
            }
            amendment.tranches = try tranches.map { try GrantAddCommand.tranche($0, currency: grant.currency) }
        }
        try ledger.amendGrant(code: code, amendment, user: context.user)
        context.say(LocalizedText("Amended grant \(code) from \(amendment.effectiveOn).", "Đã sửa khoản tài trợ \(code) từ ngày \(amendment.effectiveOn)."))
        return .success
    }
}

/// `cpf grant show`.
struct GrantShowCommand: ListingCommand {
    static let configuration = CommandConfiguration(
        name: "grant show",
        abstract: LocalizedText("Show a grant: committed, received, outstanding, spent, available, FX effect, child-instances.", "Xem một khoản tài trợ: cam kết, đã nhận, còn phải nhận, đã chi, còn lại, chênh lệch tỷ giá, lượt trẻ em."),
        discussion: LocalizedText("Every figure comes from the general-ledger lines (reports/grant-figures.sql).", "Mọi số liệu lấy từ các dòng sổ cái (reports/grant-figures.sql)."))

    @Argument("CODE", help: LocalizedText("the grant", "khoản tài trợ"))
    var code: String
    @Option(CommonOptions.to, help: LocalizedText("figures through this day (default today)", "số liệu đến hết ngày này (mặc định hôm nay)"))
    var to: LedgerDate?
    @OptionGroup var output: ReportOutput

    func report(_ ledger: Ledger) throws -> Report {
        try ledger.grantReport(code: code, through: to ?? Timestamp.today())
    }
}

/// `cpf grant list`.
struct GrantListCommand: ListingCommand {
    static let configuration = CommandConfiguration(
        name: "grant list",
        abstract: LocalizedText("List the grants with their utilization.", "Liệt kê các khoản tài trợ và tình hình sử dụng."))

    @Option(CommonOptions.to, help: LocalizedText("figures through this day (default today)", "số liệu đến hết ngày này (mặc định hôm nay)"))
    var to: LedgerDate?
    @Option("--funder", "CODE", help: LocalizedText("only this funder's grants", "chỉ các khoản tài trợ của nhà tài trợ này"))
    var funder: String?
    @OptionGroup var output: ReportOutput

    func report(_ ledger: Ledger) throws -> Report {
        try ledger.grantsReport(through: to ?? Timestamp.today(), funderCode: funder)
    }
}

/// `cpf grant allocate`.
struct GrantAllocateCommand: Command {
    static let configuration = CommandConfiguration(
        name: "grant allocate",
        abstract: LocalizedText("Allocate part of a grant to a program, in a place or anywhere.", "Phân bổ một phần khoản tài trợ cho một chương trình, tại một địa bàn hoặc mọi địa bàn."),
        discussion: LocalizedText("""
        EXAMPLE:
          cpf grant allocate KFW-2018 --program scholarship --unit TN --amount "40000.00 USD"
        """, """
        VÍ DỤ:
          cpf grant allocate KFW-2018 --program scholarship --unit TN --amount "40000.00 USD"
        """))

    @Argument("GRANT", help: LocalizedText("the grant's code", "mã khoản tài trợ"))
    var grant: String
    @Option("--program", "CODE", help: LocalizedText("the program", "chương trình"))
    var program: String
    @Option("--unit", "CODE", help: LocalizedText("the place (default: any place)", "địa bàn (mặc định: mọi địa bàn)"))
    var unit: String?
    @Option("--amount", "AMOUNT", help: LocalizedText("in the grant's currency, e.g. \"40000.00 USD\"", "bằng loại tiền của khoản tài trợ, ví dụ \"40000.00 USD\""), parse: { try Amount.parse($0) })
    var amount: Amount

    func run(_ context: CommandContext) throws -> ExitStatus {
        try context.openLedger().allocateGrant(grant, program: program, unit: unit, amount: amount, user: context.user)
        let place = unit.map { LocalizedText(verbatim: $0) } ?? LocalizedText("any place", "mọi địa bàn")
        context.say(LocalizedText("Allocated \(amount) of grant \(grant) to program \(program) in \(place).", "Đã phân bổ \(amount) của khoản tài trợ \(grant) cho chương trình \(program) tại \(place)."))
        return .success
    }
}

extension String {
    func trimmingCharacters() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
