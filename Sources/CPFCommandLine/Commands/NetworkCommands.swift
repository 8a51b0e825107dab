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
        """),
        positionals: [PositionalSpec("CODE", LocalizedText("the fund's code, e.g. QBTTEVN", "mã của quỹ, ví dụ QBTTEVN"))],
        options: [
            .value("--name", "NAME", LocalizedText("the fund's name", "tên quỹ"), required: true),
            .value("--level", "LEVEL", LocalizedText("national, province or commune", "national (trung ương), province (tỉnh) hoặc commune (xã)"), required: true),
            .value("--parent", "CODE", LocalizedText("the fund above it", "quỹ cấp trên")),
            .value("--ledger-id", "ID", LocalizedText("the other fund's ledger id", "mã sổ của quỹ kia")),
            .value("--ledger", "FILE", LocalizedText("the other fund's ledger file, to read its id from", "tệp sổ của quỹ kia, để đọc mã sổ")),
        ])

    let code: String
    let name: String
    let level: Fund.Level
    let parent: String?
    let ledgerID: String?
    let ledgerPath: String?

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        code = arguments.positionals[0]
        name = arguments.required("--name")
        let levelText = arguments.required("--level")
        guard let level = Fund.Level(rawValue: levelText) else {
            throw UsageError(LocalizedText("--level is national, province or commune, not '\(levelText)'",
                                           "--level là national, province hoặc commune, không phải '\(levelText)'"), command: "fund add")
        }
        self.level = level
        parent = arguments.value("--parent")
        ledgerID = arguments.value("--ledger-id")
        ledgerPath = arguments.value("--ledger")
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
    static let configuration = CommandConfiguration(name: "fund list", abstract: LocalizedText("List the funds of the network.", "Liệt kê các quỹ trong mạng lưới."),
                                                    options: [OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments
    func report(_ ledger: Ledger) throws -> Report { try ledger.fundsReport() }
}

/// `cpf transfer send`.
struct TransferSendCommand: Command {
    static let configuration = CommandConfiguration(
        name: "transfer send",
        abstract: LocalizedText("Send money or goods to another fund of the network, and write the transfer notice.",
                                "Chuyển tiền hoặc hiện vật cho một quỹ khác trong mạng lưới, và lập thông báo chuyển quỹ."),
        discussion: LocalizedText("""
        Posts the sending side on account 652 (transfers to other funds) and writes the notice,
        a small JSON file the receiving fund posts with 'cpf transfer receive'. Money passed on
        from a grant (--grant) leaves the grant's available money here and keeps its purpose
        there; goods are drawn from their lots first in, first out, each part keeping its lot's
        donor and grant. The notice names the original donor, so the receiving fund's reports
        say "AIA Việt Nam, through Quỹ Bảo trợ trẻ em Việt Nam".

        EXAMPLES:
          cpf transfer send --to TN --date 2018-05-20 --ref CK-01 --amount "400000000 VND" --grant AIA-2018 --notice ck-01.json
          cpf transfer send --to TN --date 2018-05-21 --ref XK-02 --item bicycle --quantity 90 --notice xk-02.json
        """, """
        Ghi bên chuyển vào tài khoản 652 (chuyển cho quỹ khác) và lập thông báo, một tệp JSON
        nhỏ mà quỹ nhận ghi sổ bằng 'cpf transfer receive'. Tiền của một khoản tài trợ (--grant)
        được trừ vào số còn lại của khoản tài trợ ở đây và giữ nguyên mục đích ở quỹ nhận; hiện
        vật được xuất theo lô nhập trước xuất trước, mỗi phần giữ nhà tài trợ và khoản tài trợ của
        lô. Thông báo ghi nhà tài trợ gốc, nên báo cáo của quỹ nhận ghi "AIA Việt Nam, qua Quỹ Bảo
        trợ trẻ em Việt Nam".

        VÍ DỤ:
          cpf transfer send --to TN --date 2018-05-20 --ref CK-01 --amount "400000000 VND" --grant AIA-2018 --notice ck-01.json
          cpf transfer send --to TN --date 2018-05-21 --ref XK-02 --item bicycle --quantity 90 --notice xk-02.json
        """),
        options: [
            .value("--to", "FUND", LocalizedText("the registered fund it goes to", "quỹ nhận (đã đăng ký)"), required: true),
            .value("--date", "YYYY-MM-DD", LocalizedText("the date it is sent", "ngày chuyển"), required: true),
            .value("--ref", "REF", LocalizedText("the sending voucher's number", "số chứng từ chuyển"), required: true),
            .value("--notice", "FILE", LocalizedText("the new notice file to write", "tệp thông báo mới sẽ lập"), required: true),
            .value("--amount", "AMOUNT", LocalizedText("money sent, in VND", "số tiền chuyển, bằng VND")),
            .value("--grant", "CODE", LocalizedText("the grant whose money is passed on", "khoản tài trợ có tiền được chuyển")),
            .value("--from", "ACCOUNT", LocalizedText("the cash or bank account it leaves (default 1121)", "tài khoản tiền mặt hoặc tiền gửi chi ra (mặc định 1121)")),
            .value("--item", "ITEM", LocalizedText("goods sent instead of money", "hiện vật chuyển thay vì tiền")),
            .value("--quantity", "N", LocalizedText("how many units of the goods", "số lượng hiện vật")),
            .value("--memo", "TEXT", LocalizedText("what the transfer is for", "nội dung lần chuyển")),
        ])

    let order: TransferOrder
    let noticePath: String

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        var order = TransferOrder(date: try LedgerDate.parse(arguments.required("--date")), fundCode: arguments.required("--to"), externalRef: arguments.required("--ref"))
        order.amount = try arguments.value("--amount") { try Amount.parse($0) }
        order.grantCode = arguments.value("--grant")
        order.fromAccountCode = arguments.value("--from")
        order.itemCode = arguments.value("--item")
        order.quantity = try arguments.value("--quantity") { text in
            guard let quantity = Int64(text), quantity > 0 else {
                throw UsageError(LocalizedText("--quantity takes a positive whole number", "--quantity nhận một số nguyên dương"), command: "transfer send")
            }
            return quantity
        }
        order.memo = arguments.value("--memo")
        guard (order.amount == nil) != (order.itemCode == nil), (order.itemCode == nil) == (order.quantity == nil) else {
            throw UsageError(LocalizedText("give --amount, or --item with --quantity: one of them", "hãy ghi --amount, hoặc --item cùng --quantity: chỉ một trong hai"), command: "transfer send")
        }
        self.order = order
        noticePath = arguments.required("--notice")
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        // The notice file is created first, so a path that cannot be written refuses the
        // transfer before anything is posted.
        let file = try OutputFile(path: noticePath, name: LocalizedText("the notice file \(noticePath)", "tệp thông báo \(noticePath)"),
                                  hint: LocalizedText("give a new file name with --notice", "hãy chọn tên tệp mới bằng --notice"))
        do {
            let (outcome, notice) = try context.openLedger().sendTransfer(order, user: context.user)
            context.say(PostCommand.describe(outcome))
            guard let notice else {
                // Waiting for approval: the notice names a posted entry, so it is written later.
                file.discard()
                context.say(LocalizedText("The transfer waits for approval; once approved, write its notice with: cpf transfer notice SEQ --notice \(noticePath)",
                                          "Lần chuyển đang chờ duyệt; khi đã duyệt, hãy lập thông báo bằng: cpf transfer notice SỐ --notice \(noticePath)"))
                return .success
            }
            try file.write(notice.fileText)
            try file.close()
            context.say(LocalizedText("Wrote the transfer notice \(noticePath) for \(notice.receiver.name): \(groupedDong: notice.totalDong). Digest \(notice.digest)",
                                      "Đã lập thông báo chuyển quỹ \(noticePath) cho \(notice.receiver.name): \(groupedDong: notice.totalDong). Mã kiểm tra \(notice.digest)"))
        } catch {
            file.discard()
            throw error
        }
        return .success
    }
}

/// `cpf transfer receive`.
struct TransferReceiveCommand: Command {
    static let configuration = CommandConfiguration(
        name: "transfer receive",
        abstract: LocalizedText("Post a transfer notice from another fund: the money or goods received, from their original donor.",
                                "Ghi sổ một thông báo chuyển quỹ từ quỹ khác: tiền hoặc hiện vật nhận được, từ nhà tài trợ gốc."),
        discussion: LocalizedText("""
        The notice must be addressed to this ledger, come from a registered fund (cpf fund add),
        match its digest, and not have been received before. Each part is received on account
        519 (transfers from other funds) from its original donor, on a grant of the same code
        that keeps its purpose and restriction; goods arrive as a lot of that donor. With
        --sender FILE, the notice is also checked against the sending fund's own ledger: the
        entry it names must be there, with that hash, and have written this very notice.

        EXAMPLES:
          cpf transfer receive ck-01.json --date 2018-05-22
          cpf transfer receive xk-02.json --date 2018-05-23 --sender national.cpf
        """, """
        Thông báo phải gửi cho sổ này, đến từ một quỹ đã đăng ký (cpf fund add), khớp mã kiểm tra
        và chưa được ghi nhận lần nào. Mỗi phần được ghi vào tài khoản 519 (nhận từ quỹ khác) từ
        nhà tài trợ gốc, theo khoản tài trợ cùng mã giữ nguyên mục đích và hạn chế; hiện vật nhập
        thành một lô của nhà tài trợ đó. Với --sender TỆP, thông báo còn được đối chiếu với sổ của
        quỹ gửi: bút toán được ghi phải có ở đó, đúng mã băm, và đã lập đúng thông báo này.

        VÍ DỤ:
          cpf transfer receive ck-01.json --date 2018-05-22
          cpf transfer receive xk-02.json --date 2018-05-23 --sender national.cpf
        """),
        positionals: [PositionalSpec("NOTICE", LocalizedText("the notice file the sending fund wrote", "tệp thông báo quỹ gửi đã lập"))],
        options: [
            .value("--date", "YYYY-MM-DD", LocalizedText("the date it arrived", "ngày nhận"), required: true),
            .value("--into", "ACCOUNT", LocalizedText("the bank or cash account money goes into (default 1121)", "tài khoản tiền gửi hoặc tiền mặt nhận tiền (mặc định 1121)")),
            .value("--ref", "REF", LocalizedText("this fund's voucher number", "số chứng từ của quỹ này")),
            .value("--sender", "FILE", LocalizedText("the sending fund's ledger, to check the notice against", "sổ của quỹ gửi, để đối chiếu thông báo")),
        ])

    let noticePath: String
    let date: LedgerDate
    let into: String?
    let reference: String?
    let senderPath: String?

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        noticePath = arguments.positionals[0]
        date = try LedgerDate.parse(arguments.required("--date"))
        into = arguments.value("--into")
        reference = arguments.value("--ref")
        senderPath = arguments.value("--sender")
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let notice = try TransferNotice.read(path: noticePath)
        if let senderPath {
            // The sending fund's file is only read.
            try Ledger.open(at: senderPath, readOnly: true).confirmSent(notice)
        }
        let outcome = try context.openLedger().receiveTransfer(notice, date: date, intoAccountCode: into, externalRef: reference, user: context.user)
        context.say(PostCommand.describe(outcome))
        context.say(LocalizedText("Received the transfer of \(groupedDong: notice.totalDong) from \(notice.sender.name) (its entry \(notice.senderSeq)).",
                                  "Đã nhận lần chuyển \(groupedDong: notice.totalDong) từ \(notice.sender.name) (bút toán \(notice.senderSeq) của quỹ đó)."))
        return .success
    }
}

/// `cpf transfer notice`.
struct TransferNoticeCommand: Command {
    static let configuration = CommandConfiguration(
        name: "transfer notice",
        abstract: LocalizedText("Write the notice of a transfer sent from this fund again.", "Lập lại thông báo của một lần chuyển quỹ này đã gửi."),
        positionals: [PositionalSpec("SEQ", LocalizedText("the sending entry's number", "số bút toán chuyển"))],
        options: [.value("--notice", "FILE", LocalizedText("the new notice file to write", "tệp thông báo mới sẽ lập"), required: true)])

    let seq: Int64
    let noticePath: String

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        guard let seq = Int64(arguments.positionals[0]), seq >= 1 else {
            throw UsageError(LocalizedText("SEQ is an entry number, e.g. 12", "SEQ là số bút toán, ví dụ 12"), command: "transfer notice")
        }
        self.seq = seq
        noticePath = arguments.required("--notice")
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let notice = try context.openLedgerForReading().sentNotice(seq: seq)
        let file = try OutputFile(path: noticePath, name: LocalizedText("the notice file \(noticePath)", "tệp thông báo \(noticePath)"),
                                  hint: LocalizedText("give a new file name with --notice", "hãy chọn tên tệp mới bằng --notice"))
        do {
            try file.write(notice.fileText)
            try file.close()
        } catch {
            file.discard()
            throw error
        }
        context.say(LocalizedText("Wrote the transfer notice \(noticePath). Digest \(notice.digest)", "Đã lập thông báo chuyển quỹ \(noticePath). Mã kiểm tra \(notice.digest)"))
        return .success
    }
}

struct TransferListCommand: ListingCommand {
    static let configuration = CommandConfiguration(name: "transfer list", abstract: LocalizedText("List the transfers sent and received.", "Liệt kê các lần chuyển quỹ đã gửi và đã nhận."),
                                                    options: [OutputOptions.format, OutputOptions.language])
    let arguments: ParsedArguments
    func report(_ ledger: Ledger) throws -> Report { try ledger.transfersReport() }
}

/// `cpf consolidate`.
struct ConsolidateCommand: Command {
    static let configuration = CommandConfiguration(
        name: "consolidate",
        abstract: LocalizedText("Add several funds' books together, with the transfers between them eliminated.",
                                "Hợp nhất sổ của nhiều quỹ, loại trừ các khoản chuyển giữa các quỹ."),
        discussion: LocalizedText("""
        Opens each ledger for reading only and verifies it (in parallel), matches every
        transfer notice between the files — matched, in transit at the date, or mismatched —
        eliminates the matched and in-transit transfers, and prints the consolidated trial
        balance, financial position, activities, cash flow, grants by original donor and
        reach, each with a column per fund, the eliminations and the consolidated figure.
        Child-instances are counted where they were reached. A file that fails to verify, or a
        transfer the two funds disagree on, is a finding: the exit status is then 1.

        EXAMPLES:
          cpf consolidate national.cpf tay-ninh.cpf long-an.cpf --year 2018
          cpf consolidate national.cpf tay-ninh.cpf --report grants --at 2018-12-31 --format html --output network.html
        """, """
        Mở từng sổ chỉ để đọc và kiểm tra (song song), đối chiếu mọi thông báo chuyển quỹ giữa
        các tệp — khớp, đang chuyển vào ngày lập, hoặc không khớp — loại trừ các khoản chuyển đã
        khớp và đang chuyển, rồi in bảng cân đối tài khoản, tình hình tài chính, thu chi, lưu
        chuyển tiền tệ, tài trợ theo nhà tài trợ gốc và lượt trẻ em hợp nhất, mỗi báo cáo có một
        cột cho từng quỹ, cột loại trừ và cột hợp nhất. Lượt trẻ em được tính tại nơi trẻ được hỗ
        trợ. Tệp không qua được kiểm tra, hoặc khoản chuyển mà hai quỹ ghi không khớp, là một
        phát hiện: khi đó mã thoát là 1.

        VÍ DỤ:
          cpf consolidate national.cpf tay-ninh.cpf long-an.cpf --year 2018
          cpf consolidate national.cpf tay-ninh.cpf --report grants --at 2018-12-31 --format html --output network.html
        """),
        positionals: [PositionalSpec("FILE", LocalizedText("a fund's ledger file", "tệp sổ của một quỹ"), repeated: true)],
        options: [
            .value("--report", "NAME", LocalizedText("one of trial-balance, financial-position, activities, cash-flow, grants, reach, transfers (default: all)",
                                                     "một trong trial-balance, financial-position, activities, cash-flow, grants, reach, transfers (mặc định: tất cả)")),
            .value("--from", "YYYY-MM-DD", LocalizedText("the first day of the period (default: the start of the books)", "ngày đầu của kỳ (mặc định: từ đầu sổ)")),
            .value("--to", "YYYY-MM-DD", LocalizedText("the last day of the period (default: today)", "ngày cuối của kỳ (mặc định: hôm nay)")),
            .value("--at", "YYYY-MM-DD", LocalizedText("the day balances are drawn up at (same as --to)", "ngày lập số dư (giống --to)")),
            .value("--year", "YYYY", LocalizedText("a calendar year", "một năm dương lịch")),
            .flag("--no-verify", LocalizedText("skip verifying the files: a quick look, said so in the report", "bỏ qua kiểm tra các tệp: chỉ xem nhanh, báo cáo có ghi rõ")),
            OutputOptions.format, OutputOptions.output, OutputOptions.language,
        ])

    let paths: [String]
    let parts: [ConsolidatedBooks.Part]
    let from: LedgerDate
    let to: LedgerDate
    let verifying: Bool
    let format: ReportFormat
    let language: Language

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        paths = arguments.positionals
        if let name = arguments.value("--report") {
            guard let part = ConsolidatedBooks.Part(rawValue: name) else {
                let names = ConsolidatedBooks.Part.allCases.map(\.rawValue).joined(separator: ", ")
                throw UsageError(LocalizedText("unknown report '\(name)'; one of \(names)", "không có báo cáo '\(name)'; chọn một trong \(names)"), command: "consolidate")
            }
            parts = [part]
        } else {
            parts = ConsolidatedBooks.Part.allCases
        }
        (from, to) = try ReportOptions(arguments).period()
        verifying = !arguments.flag("--no-verify")
        format = try OutputOptions.format(arguments)
        language = try OutputOptions.language(arguments, context: context)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let books = try ConsolidatedBooks.consolidate(paths: paths, from: from, to: to, verifying: verifying, parts: parts)
        try context.emit(books.report(parts), format, language: language)
        for finding in books.findings { context.message(LocalizedText("finding: ", "phát hiện: ") + finding) }
        return books.findings.isEmpty ? .success : .failure
    }
}
