import FundLedger

/// `cpf fund add`.
struct FundAddCommand: Command {
    static let configuration = CommandConfiguration(
        name: "fund add",
        abstract: LocalizedText("Register another fund of the network: the national fund, a province's or a commune's.",
                                "Đăng ký một quỹ khác trong mạng lưới: quỹ trung ương, quỹ tỉnh hoặc quỹ xã."),
        discussion: LocalizedText("""
        Each fund keeps its own books in its own file; it is known here by its code and by the
        ledger id its file holds ('cpf verify' prints it as "Ledger:"). Give the id, or the other
        fund's file with --ledger to read it from there. A registered fund is a chained fact.

        EXAMPLES:
          cpf fund add QBTTEVN --name "Quỹ Bảo trợ trẻ em Việt Nam" --level national --ledger national.cpf
          cpf fund add LA --name "Quỹ BTTE tỉnh Long An" --level province --parent QBTTEVN --ledger-id 8c7e…
        """, """
        Mỗi quỹ giữ sổ riêng trong tệp riêng; ở đây quỹ được nhận biết bằng mã và bằng mã sổ ghi
        trong tệp của quỹ đó ('cpf verify' in ra ở dòng "Mã sổ:"). Hãy ghi mã sổ, hoặc chỉ ra tệp
        của quỹ kia bằng --ledger để đọc mã sổ từ đó. Quỹ đã đăng ký là một dữ kiện trong chuỗi.

        VÍ DỤ:
          cpf fund add QBTTEVN --name "Quỹ Bảo trợ trẻ em Việt Nam" --level national --ledger national.cpf
          cpf fund add LA --name "Quỹ BTTE tỉnh Long An" --level province --parent QBTTEVN --ledger-id 8c7e…
        """))

    @Argument("CODE", help: LocalizedText("the fund's code, e.g. QBTTEVN", "mã của quỹ, ví dụ QBTTEVN"))
    var code: String
    @Option("--name", "NAME", help: LocalizedText("the fund's name", "tên quỹ"))
    var name: String
    @Option("--level", "LEVEL", help: LocalizedText("national, province or commune", "national (trung ương), province (tỉnh) hoặc commune (xã)"), parse: FundAddCommand.level)
    var level: Fund.Level
    @Option("--parent", "CODE", help: LocalizedText("the fund above it", "quỹ cấp trên"))
    var parent: String?
    @Option("--ledger-id", "ID", help: LocalizedText("the other fund's ledger id", "mã sổ của quỹ kia"))
    var ledgerID: String?
    @Option("--ledger", "FILE", help: LocalizedText("the other fund's ledger file, to read its id from", "tệp sổ của quỹ kia, để đọc mã sổ"))
    var ledgerPath: String?

    static func level(_ text: String) throws -> Fund.Level {
        guard let level = Fund.Level(rawValue: text) else {
            throw UsageError(LocalizedText("--level is national, province or commune, not '\(text)'",
                                           "--level là national, province hoặc commune, không phải '\(text)'"), command: "fund add")
        }
        return level
    }

    func validate() throws {
        guard (ledgerID == nil) != (ledgerPath == nil) else {
            throw UsageError(LocalizedText("give the other fund's --ledger-id, or its file with --ledger: one of them",
                                           "hãy ghi --ledger-id của quỹ kia, hoặc tệp của quỹ đó bằng --ledger: chỉ một trong hai"), command: "fund add")
        }
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        // The other fund's file is only read.
        let id = try ledgerID ?? Ledger.open(at: ledgerPath!, readOnly: true).ledgerID
        try context.openLedger().addFund(code: code, name: name, level: level, parentCode: parent, ledgerID: id, user: context.user)
        context.say(LocalizedText("Registered fund \(code) (\(name)), ledger id \(id).", "Đã đăng ký quỹ \(code) (\(name)), mã sổ \(id)."))
        return .success
    }
}

struct FundListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "fund list", abstract: LocalizedText("List the funds of the network.", "Liệt kê các quỹ trong mạng lưới."))
    @OptionGroup var output: ReportOutput
    func report(_ ledger: Ledger) throws -> Report { try ledger.fundsReport() }
}
