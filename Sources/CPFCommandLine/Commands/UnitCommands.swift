import FundLedger

/// `cpf unit add`.
struct UnitAddCommand: Command {
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
        """))

    @Argument("CODE", help: LocalizedText("a short code: letters, digits, '.', '_', '-'", "mã ngắn: chữ cái, chữ số, '.', '_', '-'"))
    var code: String
    @Option("--name", "NAME", help: LocalizedText("the unit's name", "tên đơn vị"))
    var name: String
    @Option("--level", "LEVEL", help: LocalizedText("national, province, district, commune or other", "national (trung ương), province (tỉnh), district (huyện), commune (xã) hoặc other (khác)"), parse: UnitAddCommand.level)
    var level: OrgUnitLevel
    @Option("--parent", "CODE", help: LocalizedText("the unit it belongs to", "đơn vị cấp trên"))
    var parent: String?
    @Option(CommonOptions.from, help: LocalizedText("when the unit came into being", "ngày đơn vị được thành lập"))
    var from: LedgerDate?
    @Option(CommonOptions.to, help: LocalizedText("when it ceased", "ngày đơn vị chấm dứt"))
    var to: LedgerDate?

    static func level(_ text: String) throws -> OrgUnitLevel {
        guard let level = OrgUnitLevel(rawValue: text) else {
            let levels = OrgUnitLevel.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError(LocalizedText("--level is one of: \(levels)", "--level là một trong: \(levels)"), command: "unit add")
        }
        return level
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        try context.openLedger().addUnit(code: code, name: name, level: level, parentCode: parent, effectiveFrom: from, effectiveTo: to, user: context.user)
        context.say(LocalizedText("Added unit \(code).", "Đã thêm đơn vị \(code)."))
        return .success
    }
}

/// `cpf unit merge`.
struct UnitMergeCommand: Command {
    static let configuration = CommandConfiguration(
        name: "unit merge",
        abstract: LocalizedText("Record that a unit was merged into another on a date; its history stays.", "Ghi nhận một đơn vị được sáp nhập vào đơn vị khác từ một ngày; lịch sử của nó được giữ nguyên."),
        discussion: LocalizedText("EXAMPLE:\n  cpf unit merge TB --into TN --date 2025-07-01", "VÍ DỤ:\n  cpf unit merge TB --into TN --date 2025-07-01"))

    @Argument("CODE", help: LocalizedText("the unit that ceased", "đơn vị chấm dứt"))
    var code: String
    @Option("--into", "CODE", help: LocalizedText("the unit that absorbed it", "đơn vị tiếp nhận"))
    var successor: String
    @Option("--date", "YYYY-MM-DD", help: LocalizedText("its last day", "ngày cuối cùng của nó"), parse: LedgerDate.parse)
    var date: LedgerDate

    func run(_ context: CommandContext) throws -> ExitStatus {
        try context.openLedger().mergeUnit(code: code, into: successor, on: date, user: context.user)
        context.say(LocalizedText("Unit \(code) ends on \(date), merged into \(successor).", "Đơn vị \(code) chấm dứt ngày \(date), sáp nhập vào \(successor)."))
        return .success
    }
}

struct UnitListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "unit list", abstract: LocalizedText("List the org units.", "Liệt kê các đơn vị."))
    @OptionGroup var output: ReportOutput
    func report(_ ledger: Ledger) throws -> Report { try ledger.unitsReport() }
}
