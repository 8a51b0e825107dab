import FundLedger

/// `cpf unit add`.
struct UnitAddCommand: Command {
    static let codeArgument = Argument("CODE", LocalizedText("a short code: letters, digits, '.', '_', '-'", "mã ngắn: chữ cái, chữ số, '.', '_', '-'"))
    static let name = Option("--name", "NAME", LocalizedText("the unit's name", "tên đơn vị"), required: true)
    static let level = Option("--level", "LEVEL", LocalizedText("national, province, district, commune or other", "national (trung ương), province (tỉnh), district (huyện), commune (xã) hoặc other (khác)"), required: true)
    static let parent = Option("--parent", "CODE", LocalizedText("the unit it belongs to", "đơn vị cấp trên"))
    static let from = SharedOptions.from.help(LocalizedText("when the unit came into being", "ngày đơn vị được thành lập"))
    static let to = SharedOptions.to.help(LocalizedText("when it ceased", "ngày đơn vị chấm dứt"))
    static let configuration = CommandConfiguration(
        name: "unit add",
        abstract: LocalizedText("Register an org unit: a province, district or commune.", "Đăng ký một đơn vị: tỉnh, huyện hoặc xã."),
        discussion: LocalizedText("""
        EXAMPLES:
          cpf unit add TN --name "Tỉnh Tây Ninh" --level province
          cpf unit add TN-TB --name "Xã Tân Biên" --level commune --parent TN --from 2018-01-01
        Levels: \(OrgUnitLevel.allCases.map(\.rawValue).joined(separator: ", ")). A unit merged into another keeps its
        history: see 'cpf unit merge'.
        """, """
        VÍ DỤ:
          cpf unit add TN --name "Tỉnh Tây Ninh" --level province
          cpf unit add TN-TB --name "Xã Tân Biên" --level commune --parent TN --from 2018-01-01
        Các cấp: \(OrgUnitLevel.allCases.map(\.rawValue).joined(separator: ", ")). Đơn vị sáp nhập vào đơn vị khác vẫn giữ
        lịch sử: xem 'cpf unit merge'.
        """),
        positionals: [codeArgument],
        options: [name, level, parent, from, to])

    let arguments: ParsedArguments
    let level: OrgUnitLevel
    let from: LedgerDate?
    let to: LedgerDate?

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        self.arguments = arguments
        guard let level = OrgUnitLevel(rawValue: arguments.required(Self.level)) else {
            let levels = OrgUnitLevel.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError(LocalizedText("--level is one of: \(levels)", "--level là một trong: \(levels)"), command: "unit add")
        }
        self.level = level
        from = try arguments.value(of: Self.from)
        to = try arguments.value(of: Self.to)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let code = arguments.required(Self.codeArgument)
        try context.openLedger().addUnit(code: code, name: arguments.required(Self.name), level: level, parentCode: arguments.value(of: Self.parent),
                                         effectiveFrom: from, effectiveTo: to, user: context.user)
        context.say(LocalizedText("Added unit \(code).", "Đã thêm đơn vị \(code)."))
        return .success
    }
}

/// `cpf unit merge`.
struct UnitMergeCommand: Command {
    static let codeArgument = Argument("CODE", LocalizedText("the unit that ceased", "đơn vị chấm dứt"))
    static let into = Option("--into", "CODE", LocalizedText("the unit that absorbed it", "đơn vị tiếp nhận"), required: true)
    static let date = Option("--date", "YYYY-MM-DD", LocalizedText("its last day", "ngày cuối cùng của nó"), required: true, parse: LedgerDate.parse)
    static let configuration = CommandConfiguration(
        name: "unit merge",
        abstract: LocalizedText("Record that a unit was merged into another on a date; its history stays.", "Ghi nhận một đơn vị được sáp nhập vào đơn vị khác từ một ngày; lịch sử của nó được giữ nguyên."),
        discussion: LocalizedText("EXAMPLE:\n  cpf unit merge TB --into TN --date 2025-07-01", "VÍ DỤ:\n  cpf unit merge TB --into TN --date 2025-07-01"),
        positionals: [codeArgument],
        options: [into, date])

    let code: String
    let successor: String
    let date: LedgerDate

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        code = arguments.required(Self.codeArgument)
        successor = arguments.required(Self.into)
        date = try arguments.required(Self.date)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        try context.openLedger().mergeUnit(code: code, into: successor, on: date, user: context.user)
        context.say(LocalizedText("Unit \(code) ends on \(date), merged into \(successor).", "Đơn vị \(code) chấm dứt ngày \(date), sáp nhập vào \(successor)."))
        return .success
    }
}

struct UnitListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "unit list", abstract: LocalizedText("List the org units.", "Liệt kê các đơn vị."), options: [OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments
    func report(_ ledger: Ledger) throws -> Report { try ledger.unitsReport() }
}
