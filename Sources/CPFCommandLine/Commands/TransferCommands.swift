import FundLedger

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
        """))

    @Option("--to", "FUND", help: LocalizedText("the registered fund it goes to", "quỹ nhận (đã đăng ký)"))
    var fund: String
    @Option("--date", "YYYY-MM-DD", help: LocalizedText("the date it is sent", "ngày chuyển"), parse: LedgerDate.parse)
    var date: LedgerDate
    @Option("--ref", "REF", help: LocalizedText("the sending voucher's number", "số chứng từ chuyển"))
    var reference: String
    @Option("--notice", "FILE", help: LocalizedText("the new notice file to write", "tệp thông báo mới sẽ lập"))
    var noticePath: String
    @Option("--amount", "AMOUNT", help: LocalizedText("money sent, in VND", "số tiền chuyển, bằng VND"), parse: { try Amount.parse($0) })
    var amount: Amount?
    @Option("--grant", "CODE", help: LocalizedText("the grant whose money is passed on", "khoản tài trợ có tiền được chuyển"))
    var grant: String?
    @Option("--from", "ACCOUNT", help: LocalizedText("the cash or bank account it leaves (default 1121)", "tài khoản tiền mặt hoặc tiền gửi chi ra (mặc định 1121)"))
    var fromAccount: String?
    @Option("--item", "ITEM", help: LocalizedText("goods sent instead of money", "hiện vật chuyển thay vì tiền"))
    var item: String?
    @Option(CommonOptions.quantity, help: LocalizedText("how many units of the goods", "số lượng hiện vật"))
    var quantity: Int64?
    @Option("--memo", "TEXT", help: LocalizedText("what the transfer is for", "nội dung lần chuyển"))
    var memo: String?

    func validate() throws {
        guard (amount == nil) != (item == nil), (item == nil) == (quantity == nil) else {
            throw UsageError(LocalizedText("give --amount, or --item with --quantity: one of them", "hãy ghi --amount, hoặc --item cùng --quantity: chỉ một trong hai"), command: "transfer send")
        }
    }

    var order: TransferOrder {
        var order = TransferOrder(date: date, fundCode: fund, externalRef: reference)
        order.amount = amount
        order.grantCode = grant
        order.fromAccountCode = fromAccount
        order.itemCode = item
        order.quantity = quantity
        order.memo = memo
        return order
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
        """))

    @Argument("NOTICE", help: LocalizedText("the notice file the sending fund wrote", "tệp thông báo quỹ gửi đã lập"))
    var noticePath: String
    @Option("--date", "YYYY-MM-DD", help: LocalizedText("the date it arrived", "ngày nhận"), parse: LedgerDate.parse)
    var date: LedgerDate
    @Option("--into", "ACCOUNT", help: LocalizedText("the bank or cash account money goes into (default 1121)", "tài khoản tiền gửi hoặc tiền mặt nhận tiền (mặc định 1121)"))
    var into: String?
    @Option("--ref", "REF", help: LocalizedText("this fund's voucher number", "số chứng từ của quỹ này"))
    var reference: String?
    @Option("--sender", "FILE", help: LocalizedText("the sending fund's ledger, to check the notice against", "sổ của quỹ gửi, để đối chiếu thông báo"))
    var senderPath: String?

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
        abstract: LocalizedText("Write the notice of a transfer sent from this fund again.", "Lập lại thông báo của một lần chuyển quỹ này đã gửi."))

    @Argument("SEQ", help: LocalizedText("the sending entry's number", "số bút toán chuyển"), parse: TransferNoticeCommand.sequence)
    var seq: Int64
    @Option("--notice", "FILE", help: LocalizedText("the new notice file to write", "tệp thông báo mới sẽ lập"))
    var noticePath: String

    static func sequence(_ text: String) throws -> Int64 {
        guard let seq = Int64(text), seq >= 1 else {
            throw UsageError(LocalizedText("SEQ is an entry number, e.g. 12", "SEQ là số bút toán, ví dụ 12"), command: "transfer notice")
        }
        return seq
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
    static let configuration = CommandConfiguration(name: "transfer list", abstract: LocalizedText("List the transfers sent and received.", "Liệt kê các lần chuyển quỹ đã gửi và đã nhận."))
    @OptionGroup var output: ReportOutput
    func report(_ ledger: Ledger) throws -> Report { try ledger.transfersReport() }
}
