import Testing
import TestSupport
@testable import FundLedger

/// The project's own JSON (Text/JSON.swift): what `DraftCoding` stores for a pending entry and
/// reads back, without Foundation.
@Suite struct JSONTests {
    @Test func parsesWhatItWritesBack() throws {
        let value = JSONValue.object([
            ("text", .string("Quà Tết \"đặc biệt\"\\ \n\t\u{1}")), ("number", .integer(-9_223_372_036_854_775_808)),
            ("list", .array([.integer(0), .bool(true), .bool(false), .null, .array([]), .object([])])),
        ])
        let parsed = try JSONValue.parse(value.serialized())
        #expect(parsed == value)
        #expect(parsed["text"]?.stringValue == "Quà Tết \"đặc biệt\"\\ \n\t\u{1}")
        #expect(parsed["number"]?.integerValue == Int64.min)
        #expect(parsed["missing"] == nil)
    }

    @Test func readsEscapesOtherWritersUse() throws {
        // RFC 8259 §7: \/ and \uXXXX, a character outside the BMP as a surrogate pair (U+1F600).
        let parsed = try JSONValue.parse(#" { "a" : "\/\u0110\u1ed3ng \ud83d\ude00" , "b" : [ 1 , 2 ] } "#)
        #expect(parsed["a"]?.stringValue == "/Đồng 😀")
        #expect(parsed["b"]?.arrayValue?.compactMap(\.integerValue) == [1, 2])
    }

    @Test(arguments: [
        ("", "the text ends where a value should be"), ("{\"a\":1} x", "text after the JSON value"),
        ("1.5", "only whole numbers are read"), ("1e3", "only whole numbers are read"), ("01", "a number with a leading zero"),
        ("99999999999999999999", "a number past 64 bits"), ("\"abc", "a string is not closed"), ("[1,2", "an array is not closed"),
        ("{\"a\" 1}", "expected ':'"), ("{1:2}", "expected a key"), ("\"\\ud800\"", "a lone surrogate"), ("\"\\x\"", "an unknown escape"),
        ("\"\\u12g4\"", "a \\u escape needs four hex digits"), ("\"a\u{1}b\"", "a control character inside a string"), ("tru", "unexpected text"),
    ])
    func refusesMalformedText(text: String, message: String) {
        #expect(throws: LedgerError.self) { try JSONValue.parse(text) }
        do { _ = try JSONValue.parse(text) } catch let error as LedgerError {
            #expect(error.message.contains(message), "\(error.message)")
        } catch { Issue.record("unexpected error \(error)") }
    }

    @Test func refusesNestingPastTheLimit() {
        let deep = String(repeating: "[", count: JSONValue.depthMax + 1) + String(repeating: "]", count: JSONValue.depthMax + 1)
        #expect(throws: LedgerError.self) { try JSONValue.parse(deep) }
        let allowed = String(repeating: "[", count: JSONValue.depthMax) + String(repeating: "]", count: JSONValue.depthMax)
        #expect((try? JSONValue.parse(allowed)) != nil)
    }

    /// A pending entry's draft comes back exactly as submitted, codes and all.
    @Test func draftRoundTrip() throws {
        var expense = LineDraft(accountCode: "6111", side: .debit, amount: try Amount.parse("1250.50 USD"), dong: 28_449_000,
                                rate: try Rate.parse("22750.5"), rateSource: "VCB",
                                dimensions: Dimensions(funder: "KFW", grant: "KFW-2018", program: "scholarship", unit: "TN"),
                                children: 12, beneficiaryCodes: ["TN-0001", "TN-0002"], memo: "Học bổng tháng 9")
        expense.item = "school-kit"
        expense.quantity = 12
        let draft = EntryDraft(date: try LedgerDate.parse("2018-09-05"), memo: "Chi học bổng \"đợt 1\"", externalRef: "PC-0918",
                               lines: [expense, .credit("1122", try Amount.parse("1250.50 USD"))])
        let text = try DraftCoding.encode(draft)
        #expect(try DraftCoding.decode(text) == draft)
        #expect(text.hasPrefix(#"{"date":"2018-09-05","lines":[{"account":"6111","amount":"1250.50 USD","children":12,"codes":["TN-0001","TN-0002"],"dong":28449000,"#), "keys are sorted, as JSONSerialization sorted them")
    }
}

/// A pending entry whose stored draft was damaged outside the program is refused with a
/// message, never trapped on, and approving it changes nothing.
@Suite struct DamagedDraftTests {
    @Test func aDamagedDraftIsRefusedAndNothingIsWritten() throws {
        let fixture = try TemporaryLedger()
        try fixture.ledger.database.execute("""
            INSERT INTO pending_entry (entry_date, memo, total_debit_vnd, draft, submitted_by, submitted_at)
            VALUES ('2018-06-01', 'damaged', 1000, '{"date":"2018-06-01","lines":[{"account":"1121"', 'maker', '2018-06-01T00:00:00.000Z')
            """)
        let before = try LedgerFingerprint.of(fixture.path)
        for attempt in [{ _ = try fixture.ledger.pendingEntries() }, { _ = try fixture.ledger.approve(pendingID: 1, user: "checker") }] as [() throws -> Void] {
            do {
                try attempt()
                Issue.record("a damaged draft was read as if whole")
            } catch let error as LedgerError {
                #expect(error.message == "a pending entry's stored draft is damaged" && error.hint.contains("restore"), "\(error)")
            }
        }
        #expect(try LedgerFingerprint.of(fixture.path) == before)
    }
}
