import FundLedger

/// `cpf grant add`.
struct GrantAddCommand: Command {
    static let codeArgument = Argument("CODE", LocalizedText("a short code: letters, digits, '.', '_', '-'", "mã ngắn: chữ cái, chữ số, '.', '_', '-'"))
    static let funder = Option("--funder", "CODE", LocalizedText("the funder", "nhà tài trợ"), required: true)
    static let amount = Option("--amount", "AMOUNT", LocalizedText("the committed amount in the grant's currency, e.g. \"100000.00 USD\"", "số cam kết bằng loại tiền của khoản tài trợ, ví dụ \"100000.00 USD\""), required: true, parse: { try Amount.parse($0) })
    static let programs = Option("--programs", "LIST", LocalizedText("comma-separated programs the money may be spent on", "các chương trình được chi, cách nhau bằng dấu phẩy"))
    static let units = Option("--units", "LIST", LocalizedText("comma-separated org units the money may be spent in", "các đơn vị được chi, cách nhau bằng dấu phẩy"))
    static let from = SharedOptions.from.help(LocalizedText("first day the money may be spent", "ngày đầu được chi"))
    static let to = SharedOptions.to.help(LocalizedText("last day the money may be spent", "ngày cuối được chi"))
    static let tranche = Option("--tranche", "DATE:AMOUNT", LocalizedText("an expected tranche, e.g. 2018-03-01:50000.00", "một đợt dự kiến nhận, ví dụ 2018-03-01:50000.00"), repeatable: true)
    static let status = Option("--status", "STATUS", LocalizedText("pledged or active (default active)", "pledged (hứa tài trợ) hoặc active (đang thực hiện) (mặc định active)"), parse: GrantStatus.parse)
    static let purpose = Option("--purpose", "TEXT", LocalizedText("what the grant is for", "mục đích của khoản tài trợ"))
    static let signed = Option("--signed", "YYYY-MM-DD", LocalizedText("the agreement's date (default --from, else today)", "ngày ký thỏa thuận (mặc định --from, nếu không thì hôm nay)"), parse: LedgerDate.parse)
    static let designated = Flag("--designated", LocalizedText("donor-designated support (hỗ trợ theo địa chỉ)", "hỗ trợ theo địa chỉ do nhà tài trợ chỉ định"))
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
        """),
        positionals: [codeArgument],
        options: [funder, amount, programs, units, from, to, designated, tranche, status, purpose, signed])

    let definition: GrantDefinition

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        let committed = try arguments.required(Self.amount)
        var definition = GrantDefinition(code: arguments.required(Self.codeArgument), funderCode: arguments.required(Self.funder), committed: committed)
        definition.programCodes = GrantAddCommand.list(arguments.value(of: Self.programs))
        definition.unitCodes = GrantAddCommand.list(arguments.value(of: Self.units))
        definition.validFrom = try arguments.value(of: Self.from)
        definition.validTo = try arguments.value(of: Self.to)
        definition.designated = arguments.isSet(Self.designated)
        definition.tranches = try arguments.values(of: Self.tranche).map { try GrantAddCommand.tranche($0, currency: committed.currency) }
        definition.status = try arguments.value(of: Self.status) ?? .active
        definition.purpose = arguments.value(of: Self.purpose) ?? ""
        definition.signedOn = try arguments.value(of: Self.signed)
        if definition.designated && definition.programCodes.isEmpty && definition.unitCodes.isEmpty {
            throw LedgerError(.restriction, LocalizedText("designated support must say what it is for", "hỗ trợ theo địa chỉ phải ghi rõ dùng vào việc gì"),
                              hint: LocalizedText("give --programs and/or --units with --designated", "hãy ghi --programs và/hoặc --units cùng với --designated"))
        }
        self.definition = definition
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        try context.openLedger().addGrant(definition, user: context.user)
        context.say(LocalizedText("Added grant \(definition.code): \(definition.funderCode) commits \(grouped: definition.committed).",
                                  "Đã thêm khoản tài trợ \(definition.code): \(definition.funderCode) cam kết \(grouped: definition.committed)."))
        return .success
    }

    static func list(_ text: String?) -> [String] {
        text.map { $0.split(separator: ",").map { String($0).trimmingCharacters() } } ?? []
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
    static let codeArgument = Argument("CODE", LocalizedText("the grant", "khoản tài trợ"))
    static let effective = Option("--effective", "YYYY-MM-DD", LocalizedText("when the new terms take effect", "ngày điều khoản mới có hiệu lực"), required: true, parse: LedgerDate.parse)
    static let reason = Option("--reason", "TEXT", LocalizedText("why (the addendum, the funder's letter)", "lý do (phụ lục, thư của nhà tài trợ)"), required: true)
    static let amount = Option("--amount", "AMOUNT", LocalizedText("the new committed amount", "số cam kết mới"), parse: { try Amount.parse($0) })
    static let programs = Option("--programs", "LIST", LocalizedText("the new programs", "các chương trình mới"))
    static let units = Option("--units", "LIST", LocalizedText("the new org units", "các đơn vị mới"))
    static let from = SharedOptions.from.help(LocalizedText("the new first day of spending", "ngày đầu được chi mới"))
    static let to = SharedOptions.to.help(LocalizedText("the new last day of spending", "ngày cuối được chi mới"))
    static let status = Option("--status", "STATUS", LocalizedText("pledged, active, closed or cancelled", "pledged, active, closed hoặc cancelled (hứa tài trợ, đang thực hiện, đã đóng, đã hủy)"), parse: GrantStatus.parse)
    static let designated = Option("--designated", "yes|no", LocalizedText("whether it is designated support", "có phải hỗ trợ theo địa chỉ hay không"))
    static let tranche = Option("--tranche", "DATE:AMOUNT", LocalizedText("the new tranche schedule (replaces the old)", "lịch các đợt mới (thay lịch cũ)"), repeatable: true)
    static let purpose = Option("--purpose", "TEXT", LocalizedText("the new purpose", "mục đích mới"))
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
        """),
        positionals: [codeArgument],
        options: [effective, reason, amount, programs, units, from, to, status, designated, tranche, purpose])

    let code: String
    let amendment: GrantAmendment

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        code = arguments.required(Self.codeArgument)
        var amendment = GrantAmendment(effectiveOn: try arguments.required(Self.effective), reason: arguments.required(Self.reason))
        amendment.committed = try arguments.value(of: Self.amount)
        amendment.programCodes = arguments.value(of: Self.programs).map { GrantAddCommand.list($0) }
        amendment.unitCodes = arguments.value(of: Self.units).map { GrantAddCommand.list($0) }
        amendment.validFrom = try arguments.value(of: Self.from)
        amendment.validTo = try arguments.value(of: Self.to)
        amendment.status = try arguments.value(of: Self.status)
        amendment.purpose = arguments.value(of: Self.purpose)
        if let designated = arguments.value(of: Self.designated) {
            guard designated == "yes" || designated == "no" else { throw UsageError(LocalizedText("--designated takes yes or no", "--designated nhận yes hoặc no"), command: "grant amend") }
            amendment.designated = designated == "yes"
        }
        self.amendment = amendment
        tranches = arguments.values(of: Self.tranche)
    }

    let tranches: [String]

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedger()
        var amendment = self.amendment
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
    static let codeArgument = Argument("CODE", LocalizedText("the grant", "khoản tài trợ"))
    static let to = SharedOptions.to.help(LocalizedText("figures through this day (default today)", "số liệu đến hết ngày này (mặc định hôm nay)"))
    static let configuration = CommandConfiguration(
        name: "grant show",
        abstract: LocalizedText("Show a grant: committed, received, outstanding, spent, available, FX effect, child-instances.", "Xem một khoản tài trợ: cam kết, đã nhận, còn phải nhận, đã chi, còn lại, chênh lệch tỷ giá, lượt trẻ em."),
        discussion: LocalizedText("Every figure comes from the general-ledger lines (reports/grant-figures.sql).", "Mọi số liệu lấy từ các dòng sổ cái (reports/grant-figures.sql)."),
        positionals: [codeArgument],
        options: [to, OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments

    func report(_ ledger: Ledger) throws -> Report {
        try ledger.grantReport(code: arguments.required(Self.codeArgument), through: try arguments.value(of: Self.to) ?? Timestamp.today())
    }
}

/// `cpf grant list`.
struct GrantListCommand: ListingCommand {
    static let to = SharedOptions.to.help(LocalizedText("figures through this day (default today)", "số liệu đến hết ngày này (mặc định hôm nay)"))
    static let funder = Option("--funder", "CODE", LocalizedText("only this funder's grants", "chỉ các khoản tài trợ của nhà tài trợ này"))
    static let configuration = CommandConfiguration(
        name: "grant list",
        abstract: LocalizedText("List the grants with their utilization.", "Liệt kê các khoản tài trợ và tình hình sử dụng."),
        options: [to, funder,
                  OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments

    func report(_ ledger: Ledger) throws -> Report {
        try ledger.grantsReport(through: try arguments.value(of: Self.to) ?? Timestamp.today(), funderCode: arguments.value(of: Self.funder))
    }
}

extension String {
    func trimmingCharacters() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}

/// `cpf grant allocate`.
struct GrantAllocateCommand: Command {
    static let grantArgument = Argument("GRANT", LocalizedText("the grant's code", "mã khoản tài trợ"))
    static let program = Option("--program", "CODE", LocalizedText("the program", "chương trình"), required: true)
    static let unit = Option("--unit", "CODE", LocalizedText("the place (default: any place)", "địa bàn (mặc định: mọi địa bàn)"))
    static let amount = Option("--amount", "AMOUNT", LocalizedText("in the grant's currency, e.g. \"40000.00 USD\"", "bằng loại tiền của khoản tài trợ, ví dụ \"40000.00 USD\""), required: true, parse: { try Amount.parse($0) })
    static let configuration = CommandConfiguration(
        name: "grant allocate",
        abstract: LocalizedText("Allocate part of a grant to a program, in a place or anywhere.", "Phân bổ một phần khoản tài trợ cho một chương trình, tại một địa bàn hoặc mọi địa bàn."),
        discussion: LocalizedText("""
        EXAMPLE:
          cpf grant allocate KFW-2018 --program scholarship --unit TN --amount "40000.00 USD"
        """, """
        VÍ DỤ:
          cpf grant allocate KFW-2018 --program scholarship --unit TN --amount "40000.00 USD"
        """),
        positionals: [grantArgument],
        options: [program, unit,
                  amount])

    let grant: String
    let program: String
    let unit: String?
    let amount: Amount

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        grant = arguments.required(Self.grantArgument)
        program = arguments.required(Self.program)
        unit = arguments.value(of: Self.unit)
        amount = try arguments.required(Self.amount)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        try context.openLedger().allocateGrant(grant, program: program, unit: unit, amount: amount, user: context.user)
        let place = unit.map { LocalizedText(verbatim: $0) } ?? LocalizedText("any place", "mọi địa bàn")
        context.say(LocalizedText("Allocated \(amount) of grant \(grant) to program \(program) in \(place).", "Đã phân bổ \(amount) của khoản tài trợ \(grant) cho chương trình \(program) tại \(place)."))
        return .success
    }
}
