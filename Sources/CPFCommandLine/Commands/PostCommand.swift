import FundLedger

/// `cpf post`: a general journal entry, line by line.
struct PostCommand: Command {
    static let configuration = CommandConfiguration(
        name: "post",
        abstract: LocalizedText("Post a general journal entry, line by line.", "Ghi một bút toán tổng hợp, từng dòng một."),
        discussion: LocalizedText("""
        Each line is: ACCOUNT AMOUNT CURRENCY [@ RATE] [key=value …]
          --debit "1122 10000.00 USD"                  the rate comes from the rate table
          --debit "1122 10000.00 USD @ 22790 source=VCB"  the rate that applied, with its source
          --debit "1122 10000.00 USD vnd=227500000"    the dong value, checked against the rate
          --debit "6111 20000000 VND program=scholarship unit=TN children=20"
        Keys: vnd, source, funder, grant, program, unit, item, qty, children, beneficiaries
        (comma-separated pseudonymous codes, never names), memo (takes the rest of the line).

        Debits must equal credits in dong. Amounts are plain numbers with a currency code, no
        grouping separators. With --ref, posting the same entry again changes nothing, and a
        different entry with the same reference is refused.

        EXAMPLE:
          cpf post --date 2018-06-01 --memo "NGO grant tranche 1" --ref PT-0001 \\
              --debit "1122 10000.00 USD" --credit "3372 227500000 VND"
        """, """
        Mỗi dòng là: TÀI_KHOẢN SỐ_TIỀN LOẠI_TIỀN [@ TỶ_GIÁ] [khóa=giá_trị …]
          --debit "1122 10000.00 USD"                  tỷ giá lấy từ bảng tỷ giá
          --debit "1122 10000.00 USD @ 22790 source=VCB"  tỷ giá thực tế áp dụng, kèm nguồn
          --debit "1122 10000.00 USD vnd=227500000"    giá trị đồng, được đối chiếu với tỷ giá
          --debit "6111 20000000 VND program=scholarship unit=TN children=20"
        Các khóa: vnd, source, funder, grant, program, unit, item, qty, children, beneficiaries
        (các mã bí danh cách nhau bằng dấu phẩy, không bao giờ là tên), memo (lấy phần còn lại của dòng).

        Tổng Nợ phải bằng tổng Có tính bằng đồng. Số tiền là số thuần kèm mã loại tiền, không có
        dấu phân cách. Có --ref thì ghi lại cùng bút toán không thay đổi gì, còn bút toán khác
        trùng số chứng từ bị từ chối.

        VÍ DỤ:
          cpf post --date 2018-06-01 --memo "NGO grant tranche 1" --ref PT-0001 \\
              --debit "1122 10000.00 USD" --credit "3372 227500000 VND"
        """))

    @Option("--date", "YYYY-MM-DD", help: LocalizedText("the entry date", "ngày bút toán"), parse: LedgerDate.parse)
    var date: LedgerDate
    @Option("--memo", "TEXT", help: LocalizedText("what the entry is for (up to 500 characters)", "diễn giải bút toán (tối đa 500 ký tự)"))
    var memo: String = ""
    @Option("--ref", "REF", help: LocalizedText("an external reference (voucher or bank reference); makes posting idempotent", "số chứng từ bên ngoài (chứng từ hoặc số giao dịch ngân hàng); ghi lại lần nữa không tạo bút toán trùng"))
    var reference: String?
    @Option("--debit", "LINE", help: LocalizedText("a debit line", "một dòng Nợ"), parse: { try LineSpecification.parse($0, side: .debit) })
    var debits: [LineDraft]
    @Option("--credit", "LINE", help: LocalizedText("a credit line", "một dòng Có"), parse: { try LineSpecification.parse($0, side: .credit) })
    var credits: [LineDraft]

    /// The lines in the order they were given, debits and credits mixed.
    var lines: [LineDraft] {
        (Array(zip($debits, debits)) + Array(zip($credits, credits))).sorted { $0.0 < $1.0 }.map(\.1)
    }

    func validate() throws {
        if lines.isEmpty {
            throw UsageError(LocalizedText("give the entry's lines with --debit and --credit", "hãy ghi các dòng của bút toán bằng --debit và --credit"), command: "post")
        }
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let draft = EntryDraft(date: date, memo: memo, externalRef: reference, lines: lines)
        let outcome = try context.openLedger().post(draft, user: context.user)
        context.say(PostCommand.describe(outcome))
        return .success
    }

    static func describe(_ outcome: PostingOutcome) -> LocalizedText {
        switch outcome {
        case .posted(let entry):
            return LocalizedText("Posted entry \(entry.seq) on \(entry.date): \(groupedDong: entry.totalDebitDong), \(entry.lines.count) lines. Hash \(entry.hash.hexString)",
                                 "Đã ghi bút toán \(entry.seq) ngày \(entry.date): \(groupedDong: entry.totalDebitDong), \(entry.lines.count) dòng. Mã băm \(entry.hash.hexString)")
        case .alreadyPosted(let entry):
            let reference = entry.externalRef ?? ""
            return LocalizedText("Entry \(entry.seq) already has reference \(reference) with the same content; nothing was written.",
                                 "Bút toán \(entry.seq) đã có số chứng từ \(reference) với cùng nội dung; không ghi gì.")
        case .pending(let pending):
            return LocalizedText("Pending entry \(pending.id) (\(groupedDong: pending.totalDebitDong), dated \(pending.draft.date)) is at or above the approval threshold: it is not in the books until a different person approves it with 'cpf approve \(pending.id)'.",
                                 "Bút toán chờ duyệt \(pending.id) (\(groupedDong: pending.totalDebitDong), ngày \(pending.draft.date)) bằng hoặc trên ngưỡng phê duyệt: chưa vào sổ cho đến khi một người khác duyệt bằng 'cpf approve \(pending.id)'.")
        case .alreadyPending(let pending):
            let reference = pending.draft.externalRef ?? ""
            return LocalizedText("Pending entry \(pending.id) already has reference \(reference) with the same content and waits for approval; nothing was written.",
                                 "Bút toán chờ duyệt \(pending.id) đã có số chứng từ \(reference) với cùng nội dung và đang chờ duyệt; không ghi gì.")
        }
    }
}
