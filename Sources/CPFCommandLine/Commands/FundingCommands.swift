import FundLedger

/// `cpf receive`.
struct ReceiveCommand: Command {
    static let configuration = CommandConfiguration(
        name: "receive",
        abstract: "Post a receipt: money (VND or foreign currency) or goods in kind, from a funder, optionally against a grant.",
        discussion: """
        EXAMPLES:
          cpf receive --date 2018-03-05 --funder KFW --grant KFW-2018 --amount "50000.00 USD" --into 1122 --ref GBC-118
          cpf receive --date 2018-01-15 --funder NSDP --amount "500000000 VND"
          cpf receive --date 2018-06-01 --funder AIA --in-kind --item bicycle --quantity 90 \\
              --unit-value "1500000 VND" --basis "supplier invoice"
          cpf receive --date 2018-12-31 --interest --amount "1250000 VND"

        Money is credited to revenue by source: 5111/5112 state budget (central/local), 5121
        foreign NGOs, 5122 foreign individuals, 5131 companies, 5132 individuals, 5138 others,
        5133 goods in kind, 515 interest (--revenue overrides). A foreign amount is booked at
        the rate of the receipt date from the rate table, or at --rate with --rate-source.
        Goods in kind are booked at fair value into the goods account (156) with the item and
        quantity; a new item is registered.
        """,
        options: [
            .value("--date", "YYYY-MM-DD", "the receipt date", required: true),
            .value("--funder", "CODE", "who gave it"),
            .value("--grant", "CODE", "the grant it is received against"),
            .value("--amount", "AMOUNT", "money received, e.g. \"50000.00 USD\" or \"20000000 VND\""),
            .value("--into", "ACCOUNT", "the cash or bank account (default 1121 for VND, 1122 for USD)"),
            .value("--rate", "RATE", "the rate that applied instead of the rate table's"),
            .value("--rate-source", "SOURCE", "where --rate comes from, e.g. VCB"),
            .flag("--in-kind", "goods received in kind"),
            .value("--item", "CODE", "the goods item (with --in-kind)"),
            .value("--quantity", "N", "how many units (with --in-kind)"),
            .value("--unit-value", "AMOUNT", "fair value of one unit in VND (with --in-kind)"),
            .value("--basis", "TEXT", "how the fair value was established (with --in-kind)"),
            .value("--unit-name", "UNIT", "unit of count for a new item, e.g. chiếc"),
            .flag("--interest", "interest earned on deposits"),
            .value("--revenue", "ACCOUNT", "the revenue account instead of the source's"),
            .value("--program", "CODE", "the program the money is given for"),
            .value("--unit", "CODE", "the org unit the money is given for"),
            .value("--memo", "TEXT", "what the receipt is"),
            .value("--ref", "REF", "the voucher or bank reference; makes the receipt idempotent"),
        ])

    let receipt: Receipt

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        var receipt = Receipt(date: try LedgerDate.parse(arguments.required("--date")))
        receipt.funderCode = arguments.value("--funder")
        receipt.grantCode = arguments.value("--grant")
        receipt.amount = try arguments.value("--amount") { try Amount.parse($0) }
        receipt.intoAccountCode = arguments.value("--into")
        receipt.rate = try arguments.value("--rate", Rate.parse)
        receipt.rateSource = arguments.value("--rate-source")
        receipt.isInterest = arguments.flag("--interest")
        receipt.revenueAccountCode = arguments.value("--revenue")
        receipt.programCode = arguments.value("--program")
        receipt.unitCode = arguments.value("--unit")
        receipt.memo = arguments.value("--memo")
        receipt.externalRef = arguments.value("--ref")
        if arguments.flag("--in-kind") {
            guard let item = arguments.value("--item"), let quantityText = arguments.value("--quantity"),
                  let unitValue = arguments.value("--unit-value"), let basis = arguments.value("--basis") else {
                throw UsageError("--in-kind needs --item, --quantity, --unit-value and --basis", command: "receive")
            }
            guard let quantity = Int64(quantityText), quantity > 0 else { throw UsageError("--quantity takes a positive whole number", command: "receive") }
            receipt.inKind = InKindGoods(itemCode: item, quantity: quantity, unitValue: try Amount.parse(unitValue), basis: basis,
                                         unitName: arguments.value("--unit-name"))
        } else if arguments.value("--item") != nil || arguments.value("--quantity") != nil {
            throw UsageError("--item and --quantity go with --in-kind", command: "receive")
        }
        self.receipt = receipt
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        context.print(PostCommand.describe(try context.openLedger().receive(receipt, user: context.user)))
        return .success
    }
}

/// `cpf disburse`.
struct DisburseCommand: Command {
    static let configuration = CommandConfiguration(
        name: "disburse",
        abstract: "Post a disbursement to a program and place, with the child-instances reached.",
        discussion: """
        EXAMPLES:
          cpf disburse --date 2018-09-05 --program scholarship --unit TN --grant KFW-2018 --amount "20000000 VND" \\
              --from 1121 --children 20 --beneficiaries TN-0001,TN-0002 --ref PC-0918
          cpf disburse --date 2018-06-01 --program bicycle --unit TN --in-kind bicycle --quantity 90 --children 90

        Charged to a grant, the spending must fit the grant's programs, units and dates and
        what it has available. Goods are handed out at their carrying value. Paid in foreign
        currency from 1122, the expense is valued at the day's rate and the realized exchange
        difference against the account's book rate is booked to 413. Beneficiary codes are
        pseudonyms (never names) and never appear in any report.
        """,
        options: [
            .value("--date", "YYYY-MM-DD", "the disbursement date", required: true),
            .value("--program", "CODE", "the program", required: true),
            .value("--unit", "CODE", "the org unit (place)", required: true),
            .value("--children", "N", "child-instances reached (lượt trẻ em)", required: true),
            .value("--grant", "CODE", "the grant it is charged to"),
            .value("--amount", "AMOUNT", "money paid"),
            .value("--from", "ACCOUNT", "the cash or bank account (default 1121 for VND, 1122 for USD)"),
            .value("--in-kind", "ITEM", "goods handed out instead of money"),
            .value("--quantity", "N", "how many units of the goods"),
            .value("--beneficiaries", "CODES", "comma-separated pseudonymous beneficiary codes"),
            .value("--expense-account", "ACCOUNT", "the expense account instead of the program's"),
            .value("--rate", "RATE", "for a foreign payment: the day's rate instead of the rate table's"),
            .value("--rate-source", "SOURCE", "where --rate comes from"),
            .value("--memo", "TEXT", "what was given"),
            .value("--ref", "REF", "the voucher reference; makes the disbursement idempotent"),
        ])

    let disbursement: Disbursement

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        guard let children = Int64(arguments.required("--children")), children > 0 else {
            throw UsageError("--children takes a positive whole number", command: "disburse")
        }
        var disbursement = Disbursement(date: try LedgerDate.parse(arguments.required("--date")), programCode: arguments.required("--program"),
                                        unitCode: arguments.required("--unit"), children: children)
        disbursement.grantCode = arguments.value("--grant")
        disbursement.amount = try arguments.value("--amount") { try Amount.parse($0) }
        disbursement.fromAccountCode = arguments.value("--from")
        disbursement.inKindItemCode = arguments.value("--in-kind")
        if let quantity = arguments.value("--quantity") {
            guard let value = Int64(quantity), value > 0 else { throw UsageError("--quantity takes a positive whole number", command: "disburse") }
            disbursement.quantity = value
        }
        disbursement.beneficiaryCodes = arguments.value("--beneficiaries").map { $0.split(separator: ",").map(String.init) } ?? []
        disbursement.expenseAccountCode = arguments.value("--expense-account")
        disbursement.rate = try arguments.value("--rate", Rate.parse)
        disbursement.rateSource = arguments.value("--rate-source")
        disbursement.memo = arguments.value("--memo")
        disbursement.externalRef = arguments.value("--ref")
        self.disbursement = disbursement
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        context.print(PostCommand.describe(try context.openLedger().disburse(disbursement, user: context.user)))
        return .success
    }
}

/// `cpf convert`.
struct ConvertCommand: Command {
    static let configuration = CommandConfiguration(
        name: "convert",
        abstract: "Convert foreign currency into dong; the realized exchange difference is booked to 413.",
        discussion: """
        EXAMPLE:
          cpf convert --date 2018-04-02 --from 1122 --amount "20000.00 USD" --into 1121 --received "456000000 VND"
        The foreign amount leaves at the account's moving weighted-average book rate; the
        difference from the dong received is a realized gain (credit 413) or loss (debit 413).
        """,
        options: [
            .value("--date", "YYYY-MM-DD", "the conversion date", required: true),
            .value("--from", "ACCOUNT", "the foreign-currency account", required: true),
            .value("--amount", "AMOUNT", "the foreign amount sold", required: true),
            .value("--into", "ACCOUNT", "the dong account", required: true),
            .value("--received", "AMOUNT", "the dong actually received", required: true),
            .value("--grant", "CODE", "the grant whose money this is (it stays restricted)"),
            .value("--memo", "TEXT", "what the conversion is"),
            .value("--ref", "REF", "the bank reference; makes the conversion idempotent"),
        ])

    let conversion: Conversion

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        var conversion = Conversion(date: try LedgerDate.parse(arguments.required("--date")), fromAccountCode: arguments.required("--from"),
                                    amount: try Amount.parse(arguments.required("--amount")), intoAccountCode: arguments.required("--into"),
                                    received: try Amount.parse(arguments.required("--received")))
        conversion.grantCode = arguments.value("--grant")
        conversion.memo = arguments.value("--memo")
        conversion.externalRef = arguments.value("--ref")
        self.conversion = conversion
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        context.print(PostCommand.describe(try context.openLedger().convert(conversion, user: context.user)))
        return .success
    }
}

/// `cpf revalue`.
struct RevalueCommand: Command {
    static let configuration = CommandConfiguration(
        name: "revalue",
        abstract: "Year-end revaluation of a foreign-currency account (only when the fund's setting allows it).",
        discussion: """
        Public-sector accounting forbids revaluing foreign-currency balances of non-business
        activity, so a new ledger refuses this until 'cpf settings set fx-revaluation allowed'.
        EXAMPLE:
          cpf revalue --account 1122 --date 2018-12-31
        """,
        options: [
            .value("--account", "ACCOUNT", "the foreign-currency account", required: true),
            .value("--date", "YYYY-MM-DD", "the revaluation date (its rate must be recorded)", required: true),
        ])

    let account: String
    let date: LedgerDate

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        account = arguments.required("--account")
        date = try LedgerDate.parse(arguments.required("--date"))
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        if let entry = try context.openLedger().revalue(accountCode: account, on: date, user: context.user) {
            context.print("Posted entry \(entry.seq): \(entry.memo). Hash \(entry.hash.hexString)")
        } else {
            context.print("Account \(account) is already at the rate of \(date); nothing posted.")
        }
        return .success
    }
}

/// `cpf plan set`.
struct PlanSetCommand: Command {
    static let configuration = CommandConfiguration(
        name: "plan set",
        abstract: "Set a yearly plan amount for a program and/or funding source (for plan vs actual).",
        discussion: """
        EXAMPLES:
          cpf plan set --year 2018 --program scholarship --amount "240000000 VND"
          cpf plan set --year 2016 --amount "7000000000 VND"                  # all programs, all sources
          cpf plan set --year 2018 --program house --source ngo --amount "100000000 VND"
        """,
        options: [
            .value("--year", "YYYY", "the year", required: true),
            .value("--amount", "AMOUNT", "the planned amount in VND", required: true),
            .value("--program", "CODE", "the program (default: all programs)"),
            .value("--source", "KIND", "the funding source: \(FunderKind.allCases.map(\.rawValue).joined(separator: ", ")) (default: all)"),
        ])

    let year: Int
    let amount: Amount
    let program: String?
    let source: FunderKind?

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        guard let year = Int(arguments.required("--year")) else { throw UsageError("--year takes a year, e.g. 2018", command: "plan set") }
        self.year = year
        amount = try Amount.parse(arguments.required("--amount"))
        program = arguments.value("--program")
        source = try arguments.value("--source", FunderKind.parse)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        try context.openLedger().setPlan(year: year, programCode: program, source: source, amount: amount, user: context.user)
        context.print("Plan \(year) \(program ?? "all programs") \(source?.rawValue ?? "all sources"): \(MoneyFormat.english.format(amount)).")
        return .success
    }
}

struct PlanListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "plan list", abstract: "List the plans.",
                                                    options: [.value("--year", "YYYY", "only this year"), OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments
    func report(_ ledger: Ledger) throws -> Report { try ledger.plansReport(year: arguments.value("--year").flatMap { Int($0) }) }
}

/// `cpf settings show`.
struct SettingsShowCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "settings show", abstract: "Show the fund's settings.",
                                                    options: [OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments

    func report(_ ledger: Ledger) throws -> Report { try ledger.settingsReport() }
}

/// `cpf settings set`.
struct SettingsSetCommand: Command {
    static let configuration = CommandConfiguration(
        name: "settings set",
        abstract: "Change one of the fund's settings (recorded in the audit trail).",
        discussion: """
        SETTINGS:
          fx-revaluation          allowed | forbidden (default forbidden: public-sector rules)
          goods-account           the goods-for-distribution account (default 156)
          fx-difference-account   where exchange differences go (default 413)
          management-account      the management-cost heading (default 642)
          management-cap-percent  the management-cost cap, percent of qualifying revenue (default 10)
          approval-threshold      entries at or above it wait for a second person, e.g. "100000000 VND", or none
        """,
        positionals: [PositionalSpec("NAME", "the setting"), PositionalSpec("VALUE", "its new value")])

    let name: String
    let value: String

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        name = arguments.positionals[0]
        value = arguments.positionals[1]
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        try context.openLedger().setSetting(name, to: value, user: context.user)
        context.print("\(name) = \(value)")
        return .success
    }
}
