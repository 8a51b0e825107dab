import FundLedger

/// `cpf reverse`.
struct ReverseCommand: Command {
    static let configuration = CommandConfiguration(
        name: "reverse",
        abstract: LocalizedText("Reverse a posted entry: post its mirror, linked to it.", "Đảo một bút toán đã ghi: ghi bút toán đối xứng, liên kết với nó."),
        discussion: LocalizedText("""
        Posted entries are never changed or deleted. A mistake is corrected by reversing the
        entry (every line negated, linked to the original) and posting the right one.
        An entry is reversed at most once; a reversal is not itself reversed.

        EXAMPLE:
          cpf reverse 1 --reason "wrong account"
        """, """
        Bút toán đã ghi không bao giờ bị sửa hay xóa. Sai sót được sửa bằng cách đảo bút toán (mọi
        dòng đổi dấu, liên kết với bút toán gốc) rồi ghi bút toán đúng. Mỗi bút toán chỉ đảo một
        lần; bút toán đảo không bị đảo tiếp.

        VÍ DỤ:
          cpf reverse 1 --reason "wrong account"
        """))

    @Argument("SEQ", help: LocalizedText("the sequence number of the entry to reverse", "số thứ tự của bút toán cần đảo"), parse: ReverseCommand.sequence)
    var seq: Int64
    @Option("--reason", "TEXT", help: LocalizedText("why the entry is reversed", "lý do đảo bút toán"))
    var reason: String
    @Option("--date", "YYYY-MM-DD", help: LocalizedText("the reversal's date (default: today)", "ngày đảo (mặc định: hôm nay)"), parse: LedgerDate.parse)
    var date: LedgerDate?

    static func sequence(_ text: String) throws -> Int64 {
        guard let seq = Int64(text), seq > 0 else {
            throw UsageError(LocalizedText("SEQ must be an entry's sequence number, e.g. 12", "SEQ phải là số thứ tự của một bút toán, ví dụ 12"), command: "reverse")
        }
        return seq
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let reversal = try context.openLedger().reverse(seq: seq, reason: reason, date: date, user: context.user)
        context.say(LocalizedText("Posted entry \(reversal.seq) on \(reversal.date), reversing entry \(seq). Hash \(reversal.hash.hexString)",
                                  "Đã ghi bút toán \(reversal.seq) ngày \(reversal.date), đảo bút toán \(seq). Mã băm \(reversal.hash.hexString)"))
        return .success
    }
}
