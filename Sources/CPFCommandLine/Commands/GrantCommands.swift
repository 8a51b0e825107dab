import FundLedger

/// `cpf grant add`.
struct GrantAddCommand: Command {
    static let configuration = CommandConfiguration(
        name: "grant add",
        abstract: "Register a grant: a funder's commitment, its restrictions and tranches.",
        discussion: """
        EXAMPLE:
          cpf grant add KFW-2018 --funder KFW --amount "100000.00 USD" --programs scholarship,house \\
              --units TN --from 2018-01-01 --to 2020-12-31 --tranche 2018-03-01:50000.00 --tranche 2019-03-01:50000.00

        The commitment is tracked off the balance sheet; receipts against it are booked with
        'cpf receive --grant'. A grant that names programs or units is restricted to them
        (and to the units within them); --designated marks donor-designated support (hỗ trợ
        theo địa chỉ), which must name what it is for and is left out of the management-cost
        base. Spending is allowed from --from to --to.
        """,
        positionals: [PositionalSpec("CODE", "a short code: letters, digits, '.', '_', '-'")],
        options: [
            .value("--funder", "CODE", "the funder", required: true),
            .value("--amount", "AMOUNT", "the committed amount in the grant's currency, e.g. \"100000.00 USD\"", required: true),
            .value("--programs", "LIST", "comma-separated programs the money may be spent on"),
            .value("--units", "LIST", "comma-separated org units the money may be spent in"),
            .value("--from", "YYYY-MM-DD", "first day the money may be spent"),
            .value("--to", "YYYY-MM-DD", "last day the money may be spent"),
            .flag("--designated", "donor-designated support (hỗ trợ theo địa chỉ)"),
            .value("--tranche", "DATE:AMOUNT", "an expected tranche, e.g. 2018-03-01:50000.00", repeatable: true),
            .value("--status", "STATUS", "pledged or active (default active)"),
            .value("--purpose", "TEXT", "what the grant is for"),
            .value("--signed", "YYYY-MM-DD", "the agreement's date (default --from, else today)"),
        ])

    let definition: GrantDefinition

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        let committed = try Amount.parse(arguments.required("--amount"))
        var definition = GrantDefinition(code: arguments.positionals[0], funderCode: arguments.required("--funder"), committed: committed)
        definition.programCodes = GrantAddCommand.list(arguments.value("--programs"))
        definition.unitCodes = GrantAddCommand.list(arguments.value("--units"))
        definition.validFrom = try arguments.value("--from", LedgerDate.parse)
        definition.validTo = try arguments.value("--to", LedgerDate.parse)
        definition.designated = arguments.flag("--designated")
        definition.tranches = try arguments.values("--tranche").map { try GrantAddCommand.tranche($0, currency: committed.currency) }
        definition.status = try arguments.value("--status", GrantStatus.parse) ?? .active
        definition.purpose = arguments.value("--purpose") ?? ""
        definition.signedOn = try arguments.value("--signed", LedgerDate.parse)
        if definition.designated && definition.programCodes.isEmpty && definition.unitCodes.isEmpty {
            throw LedgerError(.restriction, "designated support must say what it is for",
                              hint: "give --programs and/or --units with --designated")
        }
        self.definition = definition
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        try context.openLedger().addGrant(definition, user: context.user)
        context.print("Added grant \(definition.code): \(definition.funderCode) commits \(MoneyFormat.english.format(definition.committed)).")
        return .success
    }

    static func list(_ text: String?) -> [String] {
        text.map { $0.split(separator: ",").map { String($0).trimmingCharacters() } } ?? []
    }

    /// `2018-03-01:50000.00` (or with a currency code) as a tranche in `currency`.
    static func tranche(_ text: String, currency: Currency) throws -> Tranche {
        guard let colon = text.firstIndex(of: ":") else {
            throw LedgerError(.invalidInput, "tranche '\(text)' is not DATE:AMOUNT", hint: "write e.g. --tranche 2018-03-01:50000.00")
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
        abstract: "Amend a grant's terms from a date; earlier terms and entries stay as they were.",
        discussion: """
        EXAMPLE:
          cpf grant amend KFW-2018 --amount "120000.00 USD" --effective 2019-06-01 --reason "addendum 2"
        Options left out keep their current value. --status closes or cancels a grant.
        """,
        positionals: [PositionalSpec("CODE", "the grant")],
        options: [
            .value("--effective", "YYYY-MM-DD", "when the new terms take effect", required: true),
            .value("--reason", "TEXT", "why (the addendum, the funder's letter)", required: true),
            .value("--amount", "AMOUNT", "the new committed amount"),
            .value("--programs", "LIST", "the new programs"),
            .value("--units", "LIST", "the new org units"),
            .value("--from", "YYYY-MM-DD", "the new first day of spending"),
            .value("--to", "YYYY-MM-DD", "the new last day of spending"),
            .value("--status", "STATUS", "pledged, active, closed or cancelled"),
            .value("--designated", "yes|no", "whether it is designated support"),
            .value("--tranche", "DATE:AMOUNT", "the new tranche schedule (replaces the old)", repeatable: true),
            .value("--purpose", "TEXT", "the new purpose"),
        ])

    let code: String
    let amendment: GrantAmendment

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        code = arguments.positionals[0]
        var amendment = GrantAmendment(effectiveOn: try LedgerDate.parse(arguments.required("--effective")), reason: arguments.required("--reason"))
        amendment.committed = try arguments.value("--amount") { try Amount.parse($0) }
        amendment.programCodes = arguments.value("--programs").map { GrantAddCommand.list($0) }
        amendment.unitCodes = arguments.value("--units").map { GrantAddCommand.list($0) }
        amendment.validFrom = try arguments.value("--from", LedgerDate.parse)
        amendment.validTo = try arguments.value("--to", LedgerDate.parse)
        amendment.status = try arguments.value("--status", GrantStatus.parse)
        amendment.purpose = arguments.value("--purpose")
        if let designated = arguments.value("--designated") {
            guard designated == "yes" || designated == "no" else { throw UsageError("--designated takes yes or no", command: "grant amend") }
            amendment.designated = designated == "yes"
        }
        self.amendment = amendment
        tranches = arguments.values("--tranche")
    }

    let tranches: [String]

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedger()
        var amendment = self.amendment
        if !tranches.isEmpty {
            guard let grant = try ledger.grant(code: code) else {
                throw LedgerError(.unknownDimension, "there is no grant '\(code)'", hint: "'cpf grant list' shows the grants")
            }
            amendment.tranches = try tranches.map { try GrantAddCommand.tranche($0, currency: grant.currency) }
        }
        try ledger.amendGrant(code: code, amendment, user: context.user)
        context.print("Amended grant \(code) from \(amendment.effectiveOn).")
        return .success
    }
}

/// `cpf grant show`.
struct GrantShowCommand: ListingCommand {
    static let configuration = CommandConfiguration(
        name: "grant show",
        abstract: "Show a grant: committed, received, outstanding, spent, available, FX effect, child-instances.",
        discussion: "Every figure comes from the general-ledger lines (reports/grant-figures.sql).",
        positionals: [PositionalSpec("CODE", "the grant")],
        options: [.value("--to", "YYYY-MM-DD", "figures through this day (default today)"), OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments

    func report(_ ledger: Ledger) throws -> Report {
        try ledger.grantReport(code: arguments.positionals[0], through: try arguments.value("--to", LedgerDate.parse) ?? Timestamp.today())
    }
}

/// `cpf grant list`.
struct GrantListCommand: ListingCommand {
    static let configuration = CommandConfiguration(
        name: "grant list",
        abstract: "List the grants with their utilization.",
        options: [.value("--to", "YYYY-MM-DD", "figures through this day (default today)"), .value("--funder", "CODE", "only this funder's grants"),
                  OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments

    func report(_ ledger: Ledger) throws -> Report {
        try ledger.grantsReport(through: try arguments.value("--to", LedgerDate.parse) ?? Timestamp.today(), funderCode: arguments.value("--funder"))
    }
}

extension String {
    func trimmingCharacters() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
