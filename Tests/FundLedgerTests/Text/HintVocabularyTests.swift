import Foundation
import Testing
@testable import FundLedger
import TestSupport

/// The library knows no client: its refusals, hints and notes refer to what the user gives
/// (`Parameter`) and does (`Action`) as typed pieces, worded neutrally by `NeutralVocabulary`
/// and by each client its own way (`cpf` writes flags and commands; `CPFTests` show it).
@Suite struct HintVocabularyTests {
    /// Whether `text` names a flag the way a command line writes one (`--ref`, `--in-kind`)
    /// or a `cpf` command: quoted or in parentheses, or after "with"/"run" and their
    /// Vietnamese words. `cpf` alone, the program's name, may stay ("not a cpf ledger").
    static func namesTheClient(_ text: String) -> Bool {
        text.contains(/--[a-z]/) || text.contains(/'cpf |\(cpf |(with|bằng|run|chạy|:) cpf [a-z]/)
    }

    /// A vocabulary that shows every reference, to check what a text refers to and where.
    struct Marking: ReferenceVocabulary {
        func parameter(_ parameter: Parameter, value: String?, in language: Language) -> String {
            "<\(parameter.rawValue)\(value.map { " " + $0 } ?? "")>"
        }
        func action(_ action: Action, operands: [TextPiece], quoted: Bool, in language: Language) -> String {
            "[\(action.rawValue)\(operands.isEmpty ? "" : " " + render(operands, in: language))\(quoted ? " quoted" : "")]"
        }
    }

    // MARK: The vocabulary

    @Test func everyParameterAndActionHasANeutralWordingInBothLanguages() {
        for name in Parameter.allCases.map(\.name) + Action.allCases.map(\.name) {
            #expect(!name.english.isEmpty && !name.vietnamese.isEmpty && name.english != name.vietnamese, "\(name)")
            #expect(!HintVocabularyTests.namesTheClient(name.english) && !HintVocabularyTests.namesTheClient(name.vietnamese), "\(name)")
        }
    }

    @Test func piecesSurviveInterpolationConcatenationAndJoining() {
        let hint = LocalizedText("give \(parameter: .quantity, "N") with \(parameter: .item, "rice")",
                                 "hãy ghi \(parameter: .quantity, "N") cùng với \(parameter: .item, "rice")")
        #expect(hint.english == "give quantity N with goods item rice")
        #expect(hint.vietnamese == "hãy ghi số lượng N cùng với mặt hàng rice")
        #expect(hint.parameters == [.quantity, .item])
        let wrapped = LocalizedText("line 3: \(hint)", "dòng 3: \(hint)") + LocalizedText(verbatim: ".")
        #expect(wrapped.rendered(with: Marking()).english == "line 3: give <quantity N> with <item rice>.")
        #expect(wrapped.rendered(with: Marking()).vietnamese == "dòng 3: hãy ghi <quantity N> cùng với <item rice>.")
        let joined = LocalizedText.joined([hint, LocalizedText("\(action: .reverse, "SEQ \(parameter: .reason, "…")", quoted: true)", "\(action: .reverse, "SEQ \(parameter: .reason, "…")", quoted: true)")],
                                          separator: LocalizedText("; ", "; "))
        #expect(joined.rendered(with: Marking()).english == "give <quantity N> with <item rice>; [reverse SEQ <reason …> quoted]")
        #expect(joined.english == "give quantity N with goods item rice; reversing an entry (SEQ reason …)")
        #expect(joined.actions == [.reverse] && joined.parameters == [.quantity, .item, .reason])
    }

    @Test func aTextWithoutReferencesIsUnchanged() {
        let text = LocalizedText("account \(Amount.vnd(1_000)) is fine", "tài khoản \(Amount.vnd(1_000)) ổn")
        #expect(text.rendered(with: Marking()) == text && text.parameters.isEmpty && text.actions.isEmpty)
        #expect(text.pieces(in: .english) == [.literal(text.english)])
    }

    // MARK: The library's refusals

    /// A sample of real refusals, from posting, funding, the registries and opening a file: each
    /// names its parameters or actions as pieces, and none names a flag or a `cpf` command in
    /// either language.
    @Test func refusalsNameParametersAndActionsNeverAFlag() throws {
        let refusals = try HintVocabularyTests.sampleRefusals()
        #expect(refusals.count == 6)
        for (expected, refusal) in refusals {
            for text in [refusal.explanation, refusal.remedy] {
                #expect(!HintVocabularyTests.namesTheClient(text.english), "\(refusal.rule): \(text.english)")
                #expect(!HintVocabularyTests.namesTheClient(text.vietnamese), "\(refusal.rule): \(text.vietnamese)")
            }
            let named = Set(refusal.remedy.parameters.map(\.rawValue) + refusal.remedy.actions.map(\.rawValue)
                            + refusal.explanation.parameters.map(\.rawValue))
            #expect(named.isSuperset(of: expected), "\(refusal.rule) should name \(expected): \(refusal.rendered(with: Marking()))")
        }
    }

    static func sampleRefusals() throws -> [(Set<String>, LedgerError)] {
        var refusals: [(Set<String>, LedgerError)] = []
        func refusal(_ expected: Set<String>, _ body: () throws -> Void) {
            do { try body() } catch let error as LedgerError { refusals.append((expected, error)) } catch {}
        }
        let books = try FundingBooks()
        let june = FundingBooks.date("2018-06-01")
        refusal(["funder", "interest"]) {
            var receipt = Receipt(date: june)
            receipt.amount = .vnd(1_000)
            try books.ledger.receive(receipt, user: "tester")
        }
        refusal(["received"]) {
            try books.ledger.convert(Conversion(date: june, fromAccountCode: "1122", amount: try Amount.parse("100.00 USD"),
                                                intoAccountCode: "1121", received: try Amount.parse("100.00 USD")), user: "tester")
        }
        refusal(["grantAdd"]) { try books.receive("2018-06-01", funder: "AIA", grant: "NO-SUCH-GRANT", "1000 VND") }
        let entry = EntryDraft(date: june, memo: "gift", externalRef: "PT-1", lines: [.debit("1121", .vnd(1_000)), .credit("5132", .vnd(1_000))])
        try books.ledger.post(entry, user: "tester")
        refusal(["reverse"]) {
            var changed = entry
            changed.memo = "another gift"
            try books.ledger.post(changed, user: "tester")
        }
        refusal(["ledgerPath"]) { _ = try Ledger.create(at: books.path, fundName: "Quỹ", user: "tester") }
        refusal(["createLedger", "ledgerPath"]) { _ = try Ledger.open(at: books.fixture.directory.file("missing.cpf")) }
        return refusals
    }

    // MARK: The rule, held in the sources

    /// Every `LocalizedText("…", "…")` literal in `Sources/FundLedger`: none spells a flag or a
    /// `cpf` command; they are pieces (`\(parameter: .reference)`, `\(action: .reverse)`).
    @Test func noLibraryTextSpellsAFlagOrACommand() throws {
        let sources = CatalogueTests.root.appendingPathComponent("Sources/FundLedger")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path))
        var offending: [String] = []
        var scanned = 0
        for case let file as String in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (english, vietnamese) in SwiftLiteralScanner(text).pairs(after: "LocalizedText(") {
                scanned += 1
                for half in [english, vietnamese] where HintVocabularyTests.namesTheClient(half) { offending.append("\(file): \(half)") }
            }
        }
        #expect(scanned > 900, "the scanner reads the library's texts: \(scanned)")
        #expect(offending.isEmpty, "library texts that name a flag or a cpf command:\n\(offending.joined(separator: "\n"))")
    }

    @Test func theScanWouldCatchAFlagOrACommand() {
        for text in ["give the transfer its own voucher number (--ref)", "reverse it with 'cpf reverse SEQ'", "(cpf backup)",
                     "hãy chạy cpf verify", "add it first with cpf funder add"] {
            #expect(HintVocabularyTests.namesTheClient(text), "\(text)")
        }
        for text in ["not a cpf ledger", "this cpf knows versions up to 12", "use a newer cpf", "1900…2199", "a - b"] {
            #expect(!HintVocabularyTests.namesTheClient(text), "\(text)")
        }
    }
}
