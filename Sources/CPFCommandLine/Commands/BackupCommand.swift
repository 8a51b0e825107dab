import FundLedger

/// `cpf backup`.
struct BackupCommand: Command {
    static let configuration = CommandConfiguration(
        name: "backup",
        abstract: LocalizedText("Write a consistent copy of the ledger file, even while it is in use.", "Ghi một bản sao nhất quán của tệp sổ, kể cả khi sổ đang được dùng."),
        discussion: LocalizedText("""
        Uses SQLite's online backup; the copy is a complete ledger that 'cpf verify' checks.

        EXAMPLE:
          cpf backup fund-2018-12-31.cpf
        """, """
        Dùng cơ chế sao lưu trực tuyến của SQLite; bản sao là một sổ đầy đủ mà 'cpf verify' kiểm
        tra được.

        VÍ DỤ:
          cpf backup fund-2018-12-31.cpf
        """))

    @Argument("FILE", help: LocalizedText("the new file (must not exist)", "tệp mới (chưa được tồn tại)"))
    var destination: String

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedgerForReading()
        try ledger.backup(to: destination)
        context.say(LocalizedText("Wrote a copy of the ledger to \(destination).", "Đã ghi bản sao của sổ vào \(destination)."))
        return .success
    }
}
