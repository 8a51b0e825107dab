import FundLedger

/// `cpf post`: a general journal entry, line by line.
struct PostCommand: Command {
    static let configuration = CommandConfiguration(
        name: "post",
        abstract: "Post a general journal entry, line by line.",
        discussion: """
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
        """,
        options: [
            .value("--date", "YYYY-MM-DD", "the entry date", required: true),
            .value("--memo", "TEXT", "what the entry is for (up to 500 characters)"),
            .value("--ref", "REF", "an external reference (voucher or bank reference); makes posting idempotent"),
            .value("--debit", "LINE", "a debit line", repeatable: true),
            .value("--credit", "LINE", "a credit line", repeatable: true),
        ])

    let draft: EntryDraft

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        var lines: [LineDraft] = []
        for occurrence in arguments.occurrences {
            guard let value = occurrence.value else { continue }
            if occurrence.name == "--debit" { lines.append(try LineSpecification.parse(value, side: .debit)) }
            if occurrence.name == "--credit" { lines.append(try LineSpecification.parse(value, side: .credit)) }
        }
        if lines.isEmpty {
            throw UsageError("give the entry's lines with --debit and --credit", command: "post")
        }
        draft = EntryDraft(date: try LedgerDate.parse(arguments.required("--date")), memo: arguments.value("--memo") ?? "",
                           externalRef: arguments.value("--ref"), lines: lines)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let outcome = try context.openLedger().post(draft, user: context.user)
        context.print(PostCommand.describe(outcome))
        return .success
    }

    static func describe(_ outcome: PostingOutcome) -> String {
        switch outcome {
        case .posted(let entry):
            let total = MoneyFormat.english.format(dong: entry.totalDebitDong)
            return "Posted entry \(entry.seq) on \(entry.date): \(total), \(entry.lines.count) lines. Hash \(entry.hash.hexString)"
        case .alreadyPosted(let entry):
            return "Entry \(entry.seq) already has reference \(entry.externalRef ?? "") with the same content; nothing was written."
        case .pending(let pending):
            let total = MoneyFormat.english.format(dong: pending.totalDebitDong)
            return "Pending entry \(pending.id) (\(total), dated \(pending.draft.date)) is at or above the approval threshold: it is not in the books until a different person approves it with 'cpf approve \(pending.id)'."
        case .alreadyPending(let pending):
            return "Pending entry \(pending.id) already has reference \(pending.draft.externalRef ?? "") with the same content and waits for approval; nothing was written."
        }
    }
}

/// `cpf reverse`.
struct ReverseCommand: Command {
    static let configuration = CommandConfiguration(
        name: "reverse",
        abstract: "Reverse a posted entry: post its mirror, linked to it.",
        discussion: """
        Posted entries are never changed or deleted. A mistake is corrected by reversing the
        entry (every line negated, linked to the original) and posting the right one.
        An entry is reversed at most once; a reversal is not itself reversed.

        EXAMPLE:
          cpf reverse 1 --reason "wrong account"
        """,
        positionals: [PositionalSpec("SEQ", "the sequence number of the entry to reverse")],
        options: [
            .value("--reason", "TEXT", "why the entry is reversed", required: true),
            .value("--date", "YYYY-MM-DD", "the reversal's date (default: today)"),
        ])

    let seq: Int64
    let reason: String
    let date: LedgerDate?

    init(_ arguments: ParsedArguments, context: CommandContext) throws {
        guard let seq = Int64(arguments.positionals[0]), seq > 0 else {
            throw UsageError("SEQ must be an entry's sequence number, e.g. 12", command: "reverse")
        }
        self.seq = seq
        reason = arguments.required("--reason")
        date = try arguments.value("--date", LedgerDate.parse)
    }

    func run(_ context: CommandContext) throws -> ExitStatus {
        let reversal = try context.openLedger().reverse(seq: seq, reason: reason, date: date, user: context.user)
        context.print("Posted entry \(reversal.seq) on \(reversal.date), reversing entry \(seq). Hash \(reversal.hash.hexString)")
        return .success
    }
}
