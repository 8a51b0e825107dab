import Testing
@testable import FundLedger
import TestSupport

/// The canonical form the hash chain covers (Sources/FundLedger/Chain/CanonicalForm.swift),
/// checked against its definition in docs/hash-chain.md.
///
/// The expected bytes below were written by hand from the tables of the doc, field by field;
/// the expected digests were computed from those same literal bytes with Python's hashlib:
///
///     g = hashlib.sha256(b"14:cpf-genesis-v1,36:00000000-0000-4000-8000-000000000000,").digest()
///     hashlib.sha256(g + CANONICAL.encode()).hexdigest()
@Suite struct CanonicalFormTests {
    static let ledgerID = "00000000-0000-4000-8000-000000000000"
    static let genesisHex = "c6a910f5da55f41f727aa3d13c6c648434c494a618ebb4625fb95825d74311b3"
    static let entryHashHex = "bbbe78143e41e0dc3931fe120ea5b3dbedee7aab7738b6658c4739b9062850da"

    /// The header of the entry below, one netstring per field of the doc's first table.
    static let expectedHeader = "12:cpf-entry-v1," + "1:7," + "7:journal," + "10:2018-06-01,"
        + "10:Qu\u{E0} T\u{1EBF}t,"            // memo “Quà Tết”: 10 bytes of UTF-8 for 7 characters
        + "4:PT-7," + "6:ketoan," + "24:2018-06-01T02:03:04.005Z,"
        + "7:giamdoc," + "24:2018-06-01T03:00:00.000Z,"
        + "0:,"                                 // reverses seq: absent
        + "1:2,"                                // line count
    /// Line 1: a USD receipt into 1122, with its rate, date and source; no program or unit.
    static let expectedLine1 = "1:1," + "4:1122," + "9:227500000," + "3:USD," + "7:1000000," + "5:22750," + "10:2018-06-01,"
        + "3:SBV," + "3:KFW," + "8:KFW-2018," + "0:," + "0:," + "10:restricted," + "0:," + "0:," + "0:," + "0:," + "1:0,"
    /// Line 2: a credit (negative) dong line with every other field present.
    static let expectedLine2 = "1:2," + "4:5121," + "10:-227500000," + "0:," + "0:," + "0:," + "0:," + "0:,"
        + "3:KFW," + "8:KFW-2018," + "11:scholarship," + "2:TN," + "10:restricted," + "7:bicycle," + "3:-90," + "2:12,"
        + "9:hai d\u{F2}ng," + "1:2," + "5:BC-01," + "5:BC-02,"

    private static func reference(_ id: Int64, _ code: String) -> RegistryReference { RegistryReference(id: id, code: code) }

    /// A small entry with every kind of field: header with approval, a foreign line, a line
    /// with dimensions, goods, children, a memo and beneficiary codes. Row ids are arbitrary:
    /// the form names codes.
    static func sampleEntry() -> JournalEntry {
        let funder = reference(3, "KFW"), grant = reference(4, "KFW-2018")
        let foreign = ForeignAmount(amount: Amount(minorUnits: 1_000_000, currency: .usd), rate: Rate(scaledValue: 22750, scale: 0),
                                    rateDate: LedgerDate(year: 2018, month: 6, day: 1)!, rateSource: "SBV")
        return JournalEntry(
            seq: 7, kind: .journal, date: LedgerDate(year: 2018, month: 6, day: 1)!, memo: "Qu\u{E0} T\u{1EBF}t", externalRef: "PT-7",
            postedBy: "ketoan", postedAt: Timestamp(millisecondsSinceEpoch: 1_527_818_584_005),
            approvedBy: "giamdoc", approvedAt: Timestamp(millisecondsSinceEpoch: 1_527_822_000_000), reversesSeq: nil,
            lines: [
                PostedLine(lineNumber: 1, account: reference(6, "1122"), amountDong: 227_500_000, foreign: foreign,
                           funder: funder, grant: grant, restriction: .restricted),
                PostedLine(lineNumber: 2, account: reference(31, "5121"), amountDong: -227_500_000, funder: funder, grant: grant,
                           program: reference(1, "scholarship"), unit: reference(9, "TN"), restriction: .restricted,
                           item: reference(2, "bicycle"), quantity: -90, children: 12, memo: "hai d\u{F2}ng",
                           beneficiaryCodes: ["BC-01", "BC-02"]),
            ],
            hash: [])
    }

    private func canonical(_ entry: JournalEntry) -> [UInt8] {
        var form = CanonicalForm()
        form.encode(entry)
        return form.bytes
    }

    @Test func genesisHashIsTheDocumentedNetstrings() {
        let genesis = CanonicalForm.genesisHash(ledgerID: CanonicalFormTests.ledgerID)
        #expect(genesis == SHA256.hash(Array("14:cpf-genesis-v1,36:\(CanonicalFormTests.ledgerID),".utf8)))
        #expect(genesis.hexString == CanonicalFormTests.genesisHex)
        #expect(CanonicalForm.genesisHash(ledgerID: "another ledger") != genesis)
    }

    @Test func sampleEntrySerializesExactlyAsDocumented() {
        let bytes = canonical(CanonicalFormTests.sampleEntry())
        let header = Array(CanonicalFormTests.expectedHeader.utf8)
        let line1 = Array(CanonicalFormTests.expectedLine1.utf8)
        let line2 = Array(CanonicalFormTests.expectedLine2.utf8)
        // Part by part first, so a difference says where it is.
        #expect(bytes.prefix(header.count).elementsEqual(header))
        #expect(bytes.dropFirst(header.count).prefix(line1.count).elementsEqual(line1))
        #expect(bytes.dropFirst(header.count + line1.count).elementsEqual(line2))
        #expect(bytes == header + line1 + line2)
        #expect(bytes.count == 411)
    }

    @Test func sampleEntryHashMatches() {
        let genesis = CanonicalForm.genesisHash(ledgerID: CanonicalFormTests.ledgerID)
        let hash = CanonicalForm.hash(of: CanonicalFormTests.sampleEntry(), previous: genesis)
        #expect(hash.hexString == CanonicalFormTests.entryHashHex)
        let literal = Array((CanonicalFormTests.expectedHeader + CanonicalFormTests.expectedLine1 + CanonicalFormTests.expectedLine2).utf8)
        #expect(hash == SHA256.hash(genesis + literal))
        // The entry's own stored hash is not part of what is hashed.
        let entry = CanonicalFormTests.sampleEntry()
        let withHash = JournalEntry(seq: entry.seq, kind: entry.kind, date: entry.date, memo: entry.memo, externalRef: entry.externalRef,
                                    postedBy: entry.postedBy, postedAt: entry.postedAt, approvedBy: entry.approvedBy, approvedAt: entry.approvedAt,
                                    reversesSeq: entry.reversesSeq, lines: entry.lines, hash: hash)
        #expect(CanonicalForm.hash(of: withHash, previous: genesis) == hash)
        // The previous hash is: the same entry after another link hashes differently.
        #expect(CanonicalForm.hash(of: entry, previous: hash) != hash)
    }

    @Test func periodRecordsAndReversalsUseTheirOwnFields() {
        let record = JournalEntry(seq: 12, kind: .periodClose, date: LedgerDate(year: 2018, month: 7, day: 31)!, memo: "close July",
                                  postedBy: "ketoantruong", postedAt: Timestamp(millisecondsSinceEpoch: 0), lines: [], hash: [])
        let expected = "12:cpf-entry-v1," + "2:12," + "12:period-close," + "10:2018-07-31," + "10:close July," + "0:,"
            + "12:ketoantruong," + "24:1970-01-01T00:00:00.000Z," + "0:," + "0:," + "0:," + "1:0,"
        #expect(canonical(record) == Array(expected.utf8))
        let reversal = JournalEntry(seq: 8, date: LedgerDate(year: 2018, month: 6, day: 2)!, memo: "", postedBy: "u",
                                    postedAt: Timestamp(millisecondsSinceEpoch: -1), reversesSeq: 7, lines: [], hash: [])
        let reversalExpected = "12:cpf-entry-v1," + "1:8," + "7:journal," + "10:2018-06-02," + "0:," + "0:," + "1:u,"
            + "24:1969-12-31T23:59:59.999Z," + "0:," + "0:," + "1:7," + "1:0,"
        #expect(canonical(reversal) == Array(reversalExpected.utf8))
    }

    /// A rate is hashed in its canonical text: no trailing zeros, however it was written.
    @Test func rateIsHashedWithoutTrailingZeros() throws {
        func line(_ rate: Rate) -> PostedLine {
            PostedLine(lineNumber: 1, account: RegistryReference(id: 1, code: "1122"), amountDong: 23_176,
                       foreign: ForeignAmount(amount: Amount(minorUnits: 100, currency: .usd), rate: rate,
                                              rateDate: LedgerDate(year: 2018, month: 6, day: 1)!, rateSource: "SBV"))
        }
        func entry(_ rate: Rate) -> JournalEntry {
            JournalEntry(seq: 1, date: LedgerDate(year: 2018, month: 6, day: 1)!, memo: "", postedBy: "u",
                         postedAt: Timestamp(millisecondsSinceEpoch: 0), lines: [line(rate)], hash: [])
        }
        let bytes = canonical(entry(Rate(scaledValue: 23_175_500, scale: 3)))
        #expect(String(decoding: bytes, as: UTF8.self).contains(",7:23175.5,10:2018-06-01,3:SBV,"))
        #expect(bytes == canonical(entry(try Rate.parse("23175.50"))))
    }

    // MARK: Every field counts

    /// The sample entry with exactly one thing changed, for every field of the doc's tables.
    static func variants() -> [(String, JournalEntry)] {
        let base = sampleEntry()
        func header(seq: Int64? = nil, kind: EntryKind? = nil, date: LedgerDate? = nil, memo: String? = nil,
                    externalRef: String?? = nil, postedBy: String? = nil, postedAt: Timestamp? = nil,
                    approvedBy: String?? = nil, approvedAt: Timestamp?? = nil, reversesSeq: Int64?? = nil,
                    lines: [PostedLine]? = nil) -> JournalEntry {
            JournalEntry(seq: seq ?? base.seq, kind: kind ?? base.kind, date: date ?? base.date, memo: memo ?? base.memo,
                         externalRef: externalRef ?? base.externalRef, postedBy: postedBy ?? base.postedBy,
                         postedAt: postedAt ?? base.postedAt, approvedBy: approvedBy ?? base.approvedBy,
                         approvedAt: approvedAt ?? base.approvedAt, reversesSeq: reversesSeq ?? base.reversesSeq,
                         lines: lines ?? base.lines, hash: [])
        }
        func line(_ index: Int, _ change: (inout LineFields) -> Void) -> JournalEntry {
            var fields = LineFields(base.lines[index])
            change(&fields)
            var lines = base.lines
            lines[index] = fields.line
            return header(lines: lines)
        }
        let foreign = base.lines[0].foreign!
        let other = LedgerDate(year: 2018, month: 6, day: 2)!
        return [
            ("seq", header(seq: 8)),
            ("kind", header(kind: .periodReopen)),
            ("date", header(date: other)),
            ("memo", header(memo: "Qu\u{E0} T\u{1EBF}t ")),
            ("memo in another normalization", header(memo: "Qua\u{300} T\u{1EBF}t")),
            ("reference", header(externalRef: .some("PT-8"))),
            ("reference absent", header(externalRef: .some(nil))),
            ("posted by", header(postedBy: "ketoan2")),
            ("posted at, one millisecond", header(postedAt: Timestamp(millisecondsSinceEpoch: 1_527_818_584_006))),
            ("approved by", header(approvedBy: .some("giamdoc2"))),
            ("not approved", header(approvedBy: .some(nil), approvedAt: .some(nil))),
            ("approved at", header(approvedAt: .some(Timestamp(millisecondsSinceEpoch: 1_527_822_000_001)))),
            ("reverses", header(reversesSeq: .some(1))),
            ("line count", header(lines: [base.lines[0]])),
            ("line order", header(lines: [base.lines[1], base.lines[0]])),
            ("line number", line(1) { $0.lineNumber = 3 }),
            ("account code", line(0) { $0.account = RegistryReference(id: 6, code: "1121") }),
            ("account row id only", line(0) { $0.account = RegistryReference(id: 99, code: "1122") }),
            ("amount by one dong", line(0) { $0.amountDong = 227_500_001 }),
            ("amount sign", line(1) { $0.amountDong = 227_500_000 }),
            ("currency", line(0) { $0.foreign = ForeignAmount(amount: Amount(minorUnits: 1_000_000, currency: Currency.named("EUR")!), rate: foreign.rate, rateDate: foreign.rateDate, rateSource: foreign.rateSource) }),
            ("foreign amount", line(0) { $0.foreign = ForeignAmount(amount: Amount(minorUnits: 1_000_001, currency: .usd), rate: foreign.rate, rateDate: foreign.rateDate, rateSource: foreign.rateSource) }),
            ("rate", line(0) { $0.foreign = ForeignAmount(amount: foreign.amount, rate: Rate(scaledValue: 227_501, scale: 1), rateDate: foreign.rateDate, rateSource: foreign.rateSource) }),
            ("rate date", line(0) { $0.foreign = ForeignAmount(amount: foreign.amount, rate: foreign.rate, rateDate: other, rateSource: foreign.rateSource) }),
            ("rate source", line(0) { $0.foreign = ForeignAmount(amount: foreign.amount, rate: foreign.rate, rateDate: foreign.rateDate, rateSource: "MOF") }),
            ("no foreign side", line(0) { $0.foreign = nil }),
            ("funder", line(0) { $0.funder = RegistryReference(id: 3, code: "KFX") }),
            ("grant", line(0) { $0.grant = nil }),
            ("program", line(1) { $0.program = RegistryReference(id: 1, code: "milk") }),
            ("unit", line(1) { $0.unit = nil }),
            ("restriction", line(0) { $0.restriction = .designated }),
            ("goods item", line(1) { $0.item = RegistryReference(id: 2, code: "blanket") }),
            ("quantity", line(1) { $0.quantity = -91 }),
            ("children", line(1) { $0.children = 13 }),
            ("line memo", line(1) { $0.memo = nil }),
            ("beneficiary code", line(1) { $0.beneficiaryCodes = ["BC-01", "BC-03"] }),
            ("beneficiary code removed", line(1) { $0.beneficiaryCodes = ["BC-01"] }),
            ("beneficiary code added", line(0) { $0.beneficiaryCodes = ["BC-09"] }),
        ]
    }

    @Test func changingAnyOneFieldChangesTheHash() {
        let genesis = CanonicalForm.genesisHash(ledgerID: CanonicalFormTests.ledgerID)
        let original = CanonicalForm.hash(of: CanonicalFormTests.sampleEntry(), previous: genesis)
        var seen: [[UInt8]: String] = [original: "original"]
        for (field, variant) in CanonicalFormTests.variants() {
            let hash = CanonicalForm.hash(of: variant, previous: genesis)
            // The row id is not hashed (codes are): that change alone must keep the hash.
            if field == "account row id only" {
                #expect(hash == original, "\(field)")
                continue
            }
            #expect(hash != original, "changing the \(field) kept the hash")
            if let earlier = seen[hash] { Issue.record("\(field) and \(earlier) hash alike") }
            seen[hash] = field
        }
    }

    /// Netstrings keep values apart: moving text from one field to the next changes the form.
    @Test func valuesCannotRunIntoEachOther() {
        let base = CanonicalFormTests.sampleEntry()
        func entry(memo: String, reference: String) -> JournalEntry {
            JournalEntry(seq: base.seq, date: base.date, memo: memo, externalRef: reference, postedBy: base.postedBy,
                         postedAt: base.postedAt, lines: base.lines, hash: [])
        }
        #expect(canonical(entry(memo: "ab", reference: "c")) != canonical(entry(memo: "a", reference: "bc")))
        #expect(canonical(entry(memo: "1:a,", reference: "b")) != canonical(entry(memo: "", reference: "1:a,b")))
    }
}

/// A mutable copy of a posted line's fields, to change one at a time.
struct LineFields {
    var lineNumber: Int
    var account: RegistryReference
    var amountDong: Int64
    var foreign: ForeignAmount?
    var funder, grant, program, unit: RegistryReference?
    var restriction: Restriction
    var item: RegistryReference?
    var quantity, children: Int64?
    var memo: String?
    var beneficiaryCodes: [String]

    init(_ line: PostedLine) {
        (lineNumber, account, amountDong, foreign) = (line.lineNumber, line.account, line.amountDong, line.foreign)
        (funder, grant, program, unit, restriction) = (line.funder, line.grant, line.program, line.unit, line.restriction)
        (item, quantity, children, memo, beneficiaryCodes) = (line.item, line.quantity, line.children, line.memo, line.beneficiaryCodes)
    }

    var line: PostedLine {
        PostedLine(lineNumber: lineNumber, account: account, amountDong: amountDong, foreign: foreign, funder: funder, grant: grant,
                   program: program, unit: unit, restriction: restriction, item: item, quantity: quantity, children: children,
                   memo: memo, beneficiaryCodes: beneficiaryCodes)
    }
}

/// What the ledger writes follows the documented form: an entry posted through the library,
/// read back, re-serialized here by hand from the doc, hashes to its stored hash.
@Suite struct PostedEntryChainTests {
    /// docs/hash-chain.md's netstring, written again here rather than taken from the code.
    private func ns(_ value: String?) -> String { value.map { "\($0.utf8.count):\($0)," } ?? "0:," }
    private func ns(_ value: Int64?) -> String { ns(value.map { String($0) }) }

    /// docs/hash-chain.md, form cpf-entry-v2: the fact record the entry commits to after the
    /// header, and each code's commitment (HMAC-SHA-256 under the ledger's key) in place of it.
    private func documentedForm(_ entry: JournalEntry, key: [UInt8]) -> [UInt8] {
        var text = ns("cpf-entry-v2") + ns(entry.seq) + ns(entry.kind.rawValue) + ns(entry.date.iso) + ns(entry.memo)
            + ns(entry.externalRef) + ns(entry.postedBy) + ns(entry.postedAt.iso) + ns(entry.approvedBy) + ns(entry.approvedAt?.iso)
            + ns(entry.reversesSeq) + ns(entry.factSeq) + ns(entry.factHash?.hexString) + ns(Int64(entry.lines.count))
        for line in entry.lines {
            let commitments = line.beneficiaryCodes.map { code in
                HMAC.sha256(key: key, message: Array((ns("cpf-beneficiary-v1") + ns(entry.seq) + ns(Int64(line.lineNumber)) + ns(code)).utf8)).hexString
            }.sorted()
            text += ns(Int64(line.lineNumber)) + ns(line.account.code) + ns(line.amountDong)
                + ns(line.foreign?.amount.currency.code) + ns(line.foreign?.amount.minorUnits) + ns(line.foreign?.rate.description)
                + ns(line.foreign?.rateDate.iso) + ns(line.foreign?.rateSource)
                + ns(line.funder?.code) + ns(line.grant?.code) + ns(line.program?.code) + ns(line.unit?.code)
                + ns(line.restriction.rawValue) + ns(line.item?.code) + ns(line.quantity) + ns(line.children) + ns(line.memo)
                + ns(Int64(commitments.count)) + commitments.map { ns($0) }.joined()
        }
        return Array(text.utf8)
    }

    @Test func postedEntriesHashAsDocumented() throws {
        let fixture = try TemporaryLedger()
        let ledger = fixture.ledger
        try ledger.addUnit(code: "TN", name: "Tỉnh Tây Ninh", level: .province, user: "tester")
        let june = LedgerDate(year: 2018, month: 6, day: 1)!
        var usdLine = LineDraft.debit("1122", try Amount.parse("10000.00 USD"))
        usdLine.memo = "chuyển khoản"
        try ledger.post(EntryDraft(date: june, memo: "Tài trợ USD", externalRef: "PT-1",
                                   lines: [usdLine, .credit("5121", .vnd(227_500_000))]), user: "kế toán")
        // The dong the scholarships are paid from.
        try ledger.post(EntryDraft(date: june, memo: "Tài trợ", lines: [.debit("1121", .vnd(3_000_000)), .credit("5132", .vnd(3_000_000))]),
                        user: "ketoan")
        var spend = LineDraft.debit("6111", .vnd(3_000_000), dimensions: Dimensions(program: "scholarship", unit: "TN"))
        spend.children = 3
        spend.beneficiaryCodes = ["TN-0003", "TN-0001"]
        try ledger.post(EntryDraft(date: june.adding(days: 1), memo: "Học bổng", lines: [spend, .credit("1121", .vnd(3_000_000))]), user: "ketoan")
        try ledger.reverse(seq: 3, reason: "sai", date: june.adding(days: 2), user: "ketoan")

        var previous = CanonicalForm.genesisHash(ledgerID: ledger.ledgerID)
        #expect(previous == SHA256.hash(Array((ns("cpf-genesis-v1") + ns(ledger.ledgerID)).utf8)))
        var seqs: [Int64] = []
        let key = try #require(try ledger.database.firstRow("SELECT beneficiary_key FROM ledger_secret") { $0.blob(at: 0) })
        let facts = try ledger.database.rows("SELECT seq, hash FROM fact_record ORDER BY seq") { ($0.int64(at: 0), $0.blob(at: 1)) }
        try ledger.forEachEntry { entry in
            var form = CanonicalForm()
            form.encode(entry)
            // Each entry commits to the newest fact record when it was posted.
            #expect(entry.factSeq != nil && entry.factHash == facts.first { $0.0 == entry.factSeq }?.1, "entry \(entry.seq)")
            #expect(form.bytes == documentedForm(entry, key: key), "entry \(entry.seq)")
            #expect(entry.hash == SHA256.hash(previous + documentedForm(entry, key: key)), "entry \(entry.seq)")
            previous = entry.hash
            seqs.append(entry.seq)
        }
        #expect(seqs == [1, 2, 3, 4])
        #expect(try ledger.chainHead().hash == previous)
        #expect(try ledger.verify().isIntact)

        // The figures the form carries are the ones posted.
        let first = try #require(try ledger.entry(seq: 1))
        #expect(String(decoding: documentedForm(first, key: key), as: UTF8.self).contains("4:1122,9:227500000,3:USD,7:1000000,5:22750,10:2018-01-01,3:SBV,"))
        let spent = try #require(try ledger.entry(seq: 3))
        #expect(spent.lines[0].beneficiaryCodes == ["TN-0001", "TN-0003"])
        let spentForm = String(decoding: documentedForm(spent, key: key), as: UTF8.self)
        #expect(spentForm.hasSuffix("1:2,4:1121,8:-3000000,0:,0:,0:,0:,0:,0:,0:,0:,0:,12:unrestricted,0:,0:,0:,0:,1:0,"))
        // The codes themselves are not in the form: only their commitments, two of 64 hex digits.
        #expect(!spentForm.contains("TN-0001") && !spentForm.contains("TN-0003"))
        #expect(spentForm.contains("12:unrestricted,0:,0:,1:3,0:,1:2,64:"))
    }
}
