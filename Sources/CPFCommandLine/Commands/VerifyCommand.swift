import FundLedger

/// `cpf verify`: recompute the hash chain and check every invariant.
struct VerifyCommand: Command {
    static let configuration = CommandConfiguration(
        name: "verify",
        abstract: LocalizedText("Check the hash chain and the books' invariants; print the head digest.", "Kiểm tra chuỗi băm và các ràng buộc của sổ; in mã băm đầu chuỗi."),
        discussion: LocalizedText("""
        Recomputes every entry's hash from the previous hash and the entry's canonical form
        (docs/hash-chain.md), and checks that the sequence is gapless, every entry balances,
        no line is orphaned and the maintained totals equal the lines. Replays the chain of
        facts (chart, registries, grants, rates, plans, allocations, settings, approvals, the
        audit trail) and checks every table against it, and checks the schema against the
        embedded migrations. Exit status 1 names the first bad entry.

        The digest printed last pins the journal and every fact: publish it.

        With a digest published earlier (a statement's footer, 'cpf seal'), also proves that
        nothing at or before that entry was changed or removed:
          cpf verify --at 412 --digest 3b1f…
        """, """
        Tính lại mã băm của từng bút toán từ mã băm trước và dạng chuẩn của bút toán
        (docs/hash-chain.md), và kiểm tra số thứ tự liên tục, mọi bút toán cân, không dòng nào mồ
        côi và các số tổng duy trì bằng tổng các dòng. Phát lại chuỗi dữ kiện (hệ thống tài khoản,
        danh mục, khoản tài trợ, tỷ giá, kế hoạch, phân bổ, thiết lập, phê duyệt, nhật ký thay đổi)
        và đối chiếu từng bảng với nó, và đối chiếu lược đồ với các bước nâng cấp có sẵn. Mã thoát 1
        kèm tên bút toán hỏng đầu tiên.

        Mã băm in sau cùng ghim chặt sổ nhật ký và mọi dữ kiện: hãy công bố nó.

        Với một mã băm đã công bố trước đó (chân trang báo cáo, 'cpf seal'), lệnh còn chứng minh
        không có gì tại hoặc trước bút toán đó bị sửa hay xóa:
          cpf verify --at 412 --digest 3b1f…
        """))

    @Argument("PREDECESSOR", help: LocalizedText("with --predecessors: a predecessor's ledger file", "với --predecessors: tệp sổ của một quỹ tiền thân"), count: .zeroOrMore)
    var predecessors: [String]
    @Flag("--predecessors", help: LocalizedText("also prove that the opening entries carry the closing state of the predecessors' ledgers given after it", "chứng minh thêm các bút toán số dư đầu đúng bằng số dư cuối của các sổ tiền thân ghi sau tùy chọn này"))
    var checksPredecessors: Bool
    @Option("--digest", "HEX", help: LocalizedText("a published digest (64 hex digits)", "một mã băm đã công bố (64 chữ số hệ 16)"), parse: VerifyCommand.digestBytes)
    var digestBytes: [UInt8]?
    @Option("--at", "SEQ", help: LocalizedText("the entry the digest was published for", "bút toán mà mã băm được công bố kèm"), parse: VerifyCommand.sequence)
    var at: Int64?
    @Option(CommonOptions.format(allowed: [.table, .json]), help: LocalizedText("table (default) or json", "table (mặc định) hoặc json"))
    var format: ReportFormat = .table

    static func digestBytes(_ hex: String) throws -> [UInt8] {
        guard let bytes = [UInt8](hexString: hex), bytes.count == 32 else {
            throw UsageError(LocalizedText("--digest takes the 64 hexadecimal digits of a SHA-256 digest", "--digest nhận 64 chữ số hệ 16 của một mã băm SHA-256"), command: "verify")
        }
        return bytes
    }

    static func sequence(_ text: String) throws -> Int64 {
        guard let seq = Int64(text), seq >= 0 else {
            throw UsageError(LocalizedText("--at takes an entry's sequence number (0 for books with no entry yet)", "--at nhận số thứ tự của một bút toán (0 nếu sổ chưa có bút toán)"), command: "verify")
        }
        return seq
    }

    /// The published digest to check the books against, when one was given.
    var digest: ChainDigest? {
        guard let digestBytes, let at else { return nil }
        return ChainDigest(seq: at, hash: digestBytes)
    }

    func validate() throws {
        if !checksPredecessors, let extra = predecessors.first {
            throw UsageError(LocalizedText("unexpected argument '\(extra)' (a predecessor's ledger file goes after --predecessors)",
                                           "thừa đối số '\(extra)' (tệp sổ tiền thân ghi sau --predecessors)"), command: "verify")
        }
        if checksPredecessors && predecessors.isEmpty {
            throw UsageError(LocalizedText("--predecessors takes the predecessors' ledger files", "--predecessors cần các tệp sổ tiền thân"), command: "verify")
        }
        if (digestBytes == nil) != (at == nil) {
            throw UsageError(LocalizedText("--digest and --at go together", "--digest và --at đi cùng nhau"), command: "verify")
        }
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let ledger = try context.openLedgerForReading()
        let report = try ledger.verify(against: digest)
        context.print(format == .json ? VerifyCommand.json(report) : VerifyCommand.text(report, digest: digest, in: context.language))
        guard !predecessors.isEmpty else { return report.isIntact ? .success : .failure }
        let findings = try ledger.checkPredecessors(at: predecessors)
        if findings.isEmpty {
            context.say(LocalizedText("Predecessors: OK, the opening entries carry the closing state of \(predecessors.count) ledgers exactly.",
                                      "Quỹ tiền thân: ĐẠT, các bút toán số dư đầu đúng bằng số dư cuối của \(predecessors.count) sổ."))
        } else {
            context.say(LocalizedText("Predecessors: FAILED", "Quỹ tiền thân: KHÔNG ĐẠT"))
            for finding in findings { context.say(LocalizedText(verbatim: "  - ") + finding) }
        }
        return report.isIntact && findings.isEmpty ? .success : .failure
    }

    static func text(_ report: VerificationReport, digest: ChainDigest?, in language: Language) -> String {
        var text = LocalizedText.empty
        let problems = report.findings.count + report.findingsOmitted
        if report.isIntact {
            text = text + LocalizedText("OK: \(report.entryCount) entries and \(report.lineCount) lines verified; the hash chain and every invariant hold.\n",
                                        "ĐẠT: đã kiểm tra \(count: report.entryCount) bút toán và \(count: report.lineCount) dòng; chuỗi băm và mọi ràng buộc đều đúng.\n")
        } else {
            text = text + LocalizedText("FAILED: \(problems) problem(s) in \(report.entryCount) entries and \(report.lineCount) lines.\n",
                                        "KHÔNG ĐẠT: \(problems) vấn đề trong \(count: report.entryCount) bút toán và \(count: report.lineCount) dòng.\n")
            for finding in report.findings { text = text + LocalizedText(verbatim: "  - ") + finding.text + LocalizedText(verbatim: "\n") }
            if report.findingsOmitted > 0 { text = text + LocalizedText("  - … and \(report.findingsOmitted) more\n", "  - … và thêm \(report.findingsOmitted) vấn đề\n") }
            if let first = report.firstBadSeq { text = text + LocalizedText("First bad entry: \(first)\n", "Bút toán hỏng đầu tiên: \(first)\n") }
        }
        if let digest, let matches = report.digestMatches {
            text = text + (matches ? LocalizedText("The digest for entry \(digest.seq) matches: nothing at or before it was changed or removed.\n",
                                                   "Mã băm của bút toán \(digest.seq) khớp: không có gì tại hoặc trước bút toán đó bị sửa hay xóa.\n")
                                   : LocalizedText("The digest for entry \(digest.seq) does NOT match.\n", "Mã băm của bút toán \(digest.seq) KHÔNG khớp.\n"))
        }
        text = text + LocalizedText("Ledger: \(report.ledgerID)\n", "Mã sổ: \(report.ledgerID)\n")
        text = text + LocalizedText("Journal: entry \(report.headSeq), hash \(report.headHash.hexString)\n", "Sổ nhật ký: bút toán \(report.headSeq), mã băm \(report.headHash.hexString)\n")
        text = text + LocalizedText("Facts: record \(report.factHeadSeq), hash \(report.factHeadHash.hexString)\n", "Dữ kiện: bản ghi \(report.factHeadSeq), mã băm \(report.factHeadHash.hexString)\n")
        text = text + LocalizedText("Head: entry \(report.headSeq), digest \(report.stateDigest.hexString)", "Đầu chuỗi: bút toán \(report.headSeq), mã băm \(report.stateDigest.hexString)")
        return TextRules.escapingControls(text.rendered(with: .commandLine)(language))
    }

    static func json(_ report: VerificationReport) -> String {
        var fields: [(String, JSONValue)] = [
            ("intact", .bool(report.isIntact)),
            ("ledger_id", .string(report.ledgerID)),
            ("entries", .integer(report.entryCount)),
            ("lines", .integer(report.lineCount)),
            ("head_seq", .integer(report.headSeq)),
            ("head_hash", .string(report.headHash.hexString)),
            ("fact_seq", .integer(report.factHeadSeq)),
            ("fact_hash", .string(report.factHeadHash.hexString)),
            ("digest", .string(report.stateDigest.hexString)),
            ("findings", .array(report.findings.map { .object([("seq", $0.seq.map(JSONValue.integer) ?? .null), ("message", .string($0.message))]) })),
            ("findings_omitted", .integer(Int64(report.findingsOmitted))),
        ]
        if let matches = report.digestMatches { fields.append(("digest_matches", .bool(matches))) }
        return JSONValue.object(fields).serialized()
    }
}
