import FundLedger

/// `cpf pending`.
struct PendingCommand: ListingCommand {
    static let configuration = CommandConfiguration(
        name: "pending",
        abstract: LocalizedText("List the entries that wait for a second person's approval.", "Liệt kê các bút toán đang chờ người thứ hai duyệt."),
        discussion: LocalizedText("They are in no balance or report until approved (cpf approve).", "Các bút toán này chưa vào số dư hay báo cáo nào cho đến khi được duyệt (cpf approve)."))

    @OptionGroup var output: ReportOutput

    func report(_ ledger: Ledger) throws -> Report { try ledger.pendingReport() }
}

/// `cpf approve`.
struct ApproveCommand: Command {
    static let configuration = CommandConfiguration(
        name: "approve",
        abstract: LocalizedText("Approve (or reject) an entry that waits for a second person.", "Duyệt (hoặc từ chối) một bút toán đang chờ người thứ hai."),
        discussion: LocalizedText("""
        Entries at or above the approval-threshold setting wait until a different person
        approves them; the approved entry is posted with who approved it, in the hash chain.

        EXAMPLES:
          cpf approve 3 --user giamdoc
          cpf approve 4 --reject --reason "duplicate of voucher PC-0412" --user giamdoc
        """, """
        Bút toán bằng hoặc trên ngưỡng approval-threshold phải chờ một người khác duyệt; bút toán
        đã duyệt được ghi sổ cùng tên người duyệt, trong chuỗi băm.

        VÍ DỤ:
          cpf approve 3 --user giamdoc
          cpf approve 4 --reject --reason "duplicate of voucher PC-0412" --user giamdoc
        """))

    @Argument("ID", help: LocalizedText("the pending entry's number (cpf pending)", "số của bút toán chờ duyệt (cpf pending)"), parse: ApproveCommand.pendingID)
    var id: Int64
    @Flag("--reject", help: LocalizedText("reject it instead; it is never posted", "từ chối thay vì duyệt; bút toán sẽ không bao giờ được ghi sổ"))
    var reject: Bool
    @Option("--reason", "TEXT", help: LocalizedText("why (required with --reject)", "lý do (bắt buộc khi --reject)"))
    var reason: String?

    static func pendingID(_ text: String) throws -> Int64 {
        guard let id = Int64(text), id > 0 else {
            throw UsageError(LocalizedText("ID must be a pending entry's number, e.g. 3 (cpf pending lists them)", "ID phải là số của một bút toán chờ duyệt, ví dụ 3 (cpf pending liệt kê chúng)"), command: "approve")
        }
        return id
    }

    func validate() throws {
        if reject && reason == nil { throw UsageError(LocalizedText("--reject needs --reason", "--reject cần có --reason"), command: "approve") }
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedger()
        if reject, let rejection = reason {
            try ledger.reject(pendingID: id, reason: rejection, user: context.user)
            context.say(LocalizedText("Rejected pending entry \(id); nothing was posted.", "Đã từ chối bút toán chờ duyệt \(id); không ghi sổ gì."))
        } else {
            let entry = try ledger.approve(pendingID: id, user: context.user)
            let approver = entry.approvedBy ?? ""
            context.say(LocalizedText("Approved pending entry \(id): posted as entry \(entry.seq) on \(entry.date), approved by \(approver). Hash \(entry.hash.hexString)",
                                      "Đã duyệt bút toán chờ duyệt \(id): ghi sổ thành bút toán \(entry.seq) ngày \(entry.date), người duyệt \(approver). Mã băm \(entry.hash.hexString)"))
        }
        return .success
    }
}
