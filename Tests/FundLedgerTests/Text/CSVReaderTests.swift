import Testing
import FundLedger

/// CSVReader (Sources/FundLedger/Text/CSVReader.swift) against RFC 4180
/// (https://www.rfc-editor.org/rfc/rfc4180): quoting, line breaks, the byte-order mark,
/// malformed input with its line and column, and the limits.
@Suite struct CSVReaderTests {
    /// Every record of `text`, read through a buffer of `bufferByteCount` bytes.
    private func records(_ text: String, bufferByteCount: Int = 256 * 1024, limits: CSVReader.Limits = CSVReader.Limits()) throws -> [CSVRecord] {
        try records(Array(text.utf8), bufferByteCount: bufferByteCount, limits: limits)
    }

    private func records(_ bytes: [UInt8], bufferByteCount: Int = 256 * 1024, limits: CSVReader.Limits = CSVReader.Limits()) throws -> [CSVRecord] {
        let reader = CSVReader(source: MemoryByteSource(bytes), sourceName: "test.csv", limits: limits, bufferByteCount: bufferByteCount)
        var result: [CSVRecord] = []
        while let record = try reader.next() { result.append(record) }
        return result
    }

    private func fields(_ text: String) throws -> [[String]] { try records(text).map(\.fields) }

    private func refusal(_ text: String, limits: CSVReader.Limits = CSVReader.Limits()) throws -> LedgerError {
        try #require(throws: LedgerError.self) { _ = try records(text, limits: limits) }
    }

    // MARK: Well-formed input

    @Test func plainRecordsWithAndWithoutTrailingLineBreak() throws {
        #expect(try fields("date,amount\n2018-06-01,100\n") == [["date", "amount"], ["2018-06-01", "100"]])
        #expect(try fields("date,amount\n2018-06-01,100") == [["date", "amount"], ["2018-06-01", "100"]])
        #expect(try fields("date,amount\r\n2018-06-01,100\r\n") == [["date", "amount"], ["2018-06-01", "100"]])
        #expect(try fields("only") == [["only"]])
        #expect(try fields("") == [])
    }

    /// Records read straight from the buffer (whole lines without quotes or a lone CR) and
    /// records read byte by byte give the same fields and lines: the same text through
    /// buffers from 3 bytes (almost nothing fits whole) to 256 KiB (everything does), with
    /// LF, CRLF and CR-only line ends, quoted line breaks and non-ASCII text.
    @Test func everyBufferSizeReadsTheSameRecords() throws {
        var text = "entry,memo,amount\n"
        for number in 1...60 {
            let ending = ["\n", "\r\n", "\r"][number % 3]
            let memo = number % 7 == 0 ? "\"Quà Tết,\nline \(number)\"" : (number % 5 == 0 ? "Học bổng \(number)" : "gift \(number)")
            text += "\(number),\(memo),\(number * 1000)\(ending)"
            if number % 11 == 0 { text += "\n" }   // an empty line
        }
        let expected = try records(text)
        #expect(expected.count == 61)
        #expect(expected.last?.fields == ["60", "Học bổng 60", "60000"])
        for size in [3, 4, 5, 7, 16, 31, 64, 100, 1000] {
            #expect(try records(text, bufferByteCount: size) == expected, "buffer of \(size) bytes")
        }
    }

    /// A file whose lines end in CR alone has no line feed to find: every record is read
    /// byte by byte, correctly, however long the file.
    @Test func carriageReturnLineEndsAlone() throws {
        let text = (1...2_000).map { "\($0),gift \($0)" }.joined(separator: "\r")
        let read = try records(text)
        #expect(read.count == 2_000)
        #expect(read[1_999].fields == ["2000", "gift 2000"] && read[1_999].line == 2_000)
    }

    @Test func emptyFields() throws {
        #expect(try fields("a,,c\n") == [["a", "", "c"]])
        #expect(try fields("a,\n") == [["a", ""]])
        #expect(try fields(",b\n") == [["", "b"]])
        #expect(try fields(",\n") == [["", ""]])
        #expect(try fields(",,") == [["", "", ""]])
        #expect(try fields("\"\",x\n") == [["", "x"]])
        #expect(try fields("\"\"") == [[""]])
    }

    @Test func spacesArePartOfTheField() throws {
        // RFC 4180 §2.4: "Spaces are considered part of a field and should not be ignored."
        #expect(try fields(" a , b \n") == [[" a ", " b "]])
        #expect(try fields("\" a \",b") == [[" a ", "b"]])
    }

    @Test func quotedFields() throws {
        #expect(try fields("\"a,b\",c\n") == [["a,b", "c"]])
        #expect(try fields("\"He said \"\"xin chào\"\"\",2\n") == [["He said \"xin chào\"", "2"]])
        #expect(try fields("\"\"\"\"") == [["\""]])
        #expect(try fields("\"a\"\"\",\"\"\"b\"") == [["a\"", "\"b"]])
        #expect(try fields("1,\"Quỹ Bảo trợ trẻ em, tỉnh Kon Tum\",3") == [["1", "Quỹ Bảo trợ trẻ em, tỉnh Kon Tum", "3"]])
    }

    @Test func lineBreaksInsideQuotesAreKeptAndCounted() throws {
        let read = try records("memo,n\n\"first line\nsecond line\",1\n\"a\r\nb\",2\nlast,3\n")
        #expect(read.map(\.fields) == [["memo", "n"], ["first line\nsecond line", "1"], ["a\r\nb", "2"], ["last", "3"]])
        // Each record knows the physical line it starts on.
        #expect(read.map(\.line) == [1, 2, 4, 6])
    }

    @Test func emptyLinesAreSkippedButCounted() throws {
        let read = try records("\n\na,b\n\r\n\nc,d\n\n")
        #expect(read.map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(read.map(\.line) == [3, 6])
    }

    @Test func lineEndingsCRLFLFAndCR() throws {
        #expect(try fields("a\r\nb\nc\rd") == [["a"], ["b"], ["c"], ["d"]])
        #expect(try records("a\r\nb\nc\rd").map(\.line) == [1, 2, 3, 4])
        #expect(try fields("\"q\"\r\n\"r\"\n\"s\"\r\"t\"") == [["q"], ["r"], ["s"], ["t"]])
    }

    @Test func byteOrderMarkAtTheStartIsSkipped() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(try records(bom + Array("date,amount\n1,2\n".utf8)).map(\.fields) == [["date", "amount"], ["1", "2"]])
        #expect(try records(bom).map(\.fields) == [])
        #expect(try records(bom + Array("\"q\",x".utf8)).map(\.fields) == [["q", "x"]])
        // Only at the start: later, U+FEFF is text like any other.
        #expect(try records(Array("a\n".utf8) + bom + Array("b".utf8)).map(\.fields) == [["a"], ["\u{FEFF}b"]])
    }

    /// The reader refills its buffer anywhere: inside a quote, between `""`, between CR and
    /// LF, inside a multi-byte character, inside the byte-order mark. Every buffer size gives
    /// the same records.
    @Test func anyBufferSizeReadsTheSameRecords() throws {
        let text = "\u{FEFF}ngày,số tiền,ghi chú\r\n2018-06-01,\"227500000\",\"Học bổng, \"\"tháng 6\"\"\"\r\n\r\n"
            + "2018-06-02,100,\"hai\ndòng\"\n,,\n\"\",\"\",\"\"\r\nlast,\"x\r\ny\",z"
        let expected = try records(text)
        #expect(expected.map(\.fields) == [["ngày", "số tiền", "ghi chú"], ["2018-06-01", "227500000", "Học bổng, \"tháng 6\""],
                                           ["2018-06-02", "100", "hai\ndòng"], ["", "", ""], ["", "", ""], ["last", "x\r\ny", "z"]])
        #expect(expected.map(\.line) == [1, 2, 4, 6, 7, 8])
        for size in 1...17 {
            #expect(try records(text, bufferByteCount: size) == expected, "buffer of \(size) bytes")
        }
    }

    /// A source that hands over a few bytes per read, as a pipe may.
    private struct TrickleByteSource: ByteSource {
        let bytes: [UInt8]
        let bytesPerRead: Int
        var offset = 0

        mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            let count = min(bytesPerRead, buffer.count, bytes.count - offset)
            for index in 0..<count { buffer[index] = bytes[offset + index] }
            offset += count
            return count
        }
    }

    /// A first read of one or two bytes holds part of the byte-order mark; it is skipped all
    /// the same (it was kept as U+FEFF at the start of the first field).
    @Test(arguments: [1, 2, 3, 4])
    func byteOrderMarkArrivingInShortReads(bytesPerRead: Int) throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("date,amount\n1,2".utf8)
        let reader = CSVReader(source: TrickleByteSource(bytes: bytes, bytesPerRead: bytesPerRead), sourceName: "pipe")
        var read: [[String]] = []
        while let record = try reader.next() { read.append(record.fields) }
        #expect(read == [["date", "amount"], ["1", "2"]])
        #expect(reader.bytesRead == Int64(bytes.count))
    }

    /// A file that is only the byte-order mark has no records (it read one empty record, and
    /// a first read of exactly the mark read past the bytes read).
    @Test(arguments: [3, 4, 1024])
    func fileOfOnlyTheByteOrderMark(bufferByteCount: Int) throws {
        #expect(try records([0xEF, 0xBB, 0xBF], bufferByteCount: bufferByteCount).isEmpty)
        #expect(try records([0xEF, 0xBB, 0xBF] + Array("\n\n".utf8), bufferByteCount: bufferByteCount).isEmpty)
        #expect(try records([0xEF, 0xBB, 0xBF] + Array("x".utf8), bufferByteCount: bufferByteCount).map(\.fields) == [["x"]])
    }

    // MARK: Malformed input

    @Test func unterminatedQuoteNamesWhereItOpened() throws {
        let error = try refusal("a,b\nc,\"never closed\nmore text\n")
        #expect(error.rule == .invalidInput)
        #expect(error.message == "test.csv line 4, column 2: a quoted field opened on line 2 is never closed")
        #expect(error.hint.contains("\"\""))
        #expect(try refusal("\"").message == "test.csv line 1, column 1: a quoted field opened on line 1 is never closed")
        #expect(try refusal("\"a\"\"").message.contains("never closed"))   // "" is a quote, not the end
    }

    @Test func strayQuoteInsideAnUnquotedField() throws {
        let error = try refusal("date,amount\n2018-06-01,12\"3\n")
        #expect(error.rule == .invalidInput)
        #expect(error.message == "test.csv line 2, column 2: a double quote inside an unquoted field")
        #expect(try refusal("a,b,c\"").message == "test.csv line 1, column 3: a double quote inside an unquoted field")
    }

    @Test func textAfterAClosingQuote() throws {
        let error = try refusal("x\n\"ab\"c,d\n")
        #expect(error.message == "test.csv line 2, column 1: text after the closing quote of a field")
        #expect(try refusal("a,\"b\" \n").message == "test.csv line 1, column 2: text after the closing quote of a field")
    }

    @Test func invalidUTF8() throws {
        let error = try #require(throws: LedgerError.self) { _ = try records(Array("ok,".utf8) + [0xC3, 0x28] + Array("\n".utf8)) }
        #expect(error.rule == .invalidInput)
        #expect(error.message == "test.csv line 1, column 2: the text is not valid UTF-8")
        // A quoted field is named by the line it starts on.
        let quoted = try #require(throws: LedgerError.self) { _ = try records(Array("a\n\"x\ny".utf8) + [0xFF] + Array("\",b\n".utf8)) }
        #expect(quoted.message == "test.csv line 2, column 1: the text is not valid UTF-8")
        #expect(error.hint == "save the file as UTF-8")
        // Windows-1258 (the old Vietnamese code page) is refused too, not misread.
        #expect(throws: LedgerError.self) { _ = try records([0x54, 0xEA, 0x6E]) }
    }

    // MARK: Limits

    @Test func defaultLimits() {
        let limits = CSVReader.Limits()
        #expect(limits.fieldCountMax == 256)
        #expect(limits.fieldByteCountMax == 65_536)
        #expect(limits.recordByteCountMax == 1_048_576)
    }

    @Test func tooManyFields() throws {
        var limits = CSVReader.Limits()
        limits.fieldCountMax = 3
        #expect(try records("a,b,c\n", limits: limits).map(\.fields) == [["a", "b", "c"]])
        let error = try refusal("a,b,c\nd,e,f,g\n", limits: limits)
        #expect(error.rule == .invalidInput)
        #expect(error.message == "test.csv line 2, column 4: more than 3 fields in one record")
        // The default: 256 fields pass, 257 do not.
        #expect(try records(Array(repeating: "x", count: 256).joined(separator: ",")).first?.fields.count == 256)
        #expect(try refusal(Array(repeating: "x", count: 257).joined(separator: ",")).message.contains("more than 256 fields"))
    }

    @Test func fieldTooLong() throws {
        var limits = CSVReader.Limits()
        limits.fieldByteCountMax = 5
        #expect(try records("12345,\"ab\"\"cd\"", limits: limits).map(\.fields) == [["12345", "ab\"cd"]])
        #expect(try refusal("123456", limits: limits).message == "test.csv line 1, column 1: a field is longer than 5 bytes")
        #expect(try refusal("ok,\"ab\"\"cde\"", limits: limits).message == "test.csv line 1, column 2: a field is longer than 5 bytes")
        // Bytes, not characters: "ỹỹ" is six bytes of UTF-8.
        #expect(try refusal("ỹỹ", limits: limits).message.contains("longer than 5 bytes"))
        // The default limit, 64 KiB.
        #expect(try refusal(String(repeating: "a", count: 65_537)).message.contains("longer than 65536 bytes"))
        #expect(try records(String(repeating: "a", count: 65_536)).first?.fields.first?.utf8.count == 65_536)
    }

    @Test func recordTooLong() throws {
        var limits = CSVReader.Limits()
        limits.recordByteCountMax = 10
        #expect(try records("12345,12345\nx", limits: limits).map(\.fields) == [["12345", "12345"], ["x"]])
        // Separators do not count: 4 + 4 + 3 bytes of fields is one too many.
        let error = try refusal("ok\n1234,5678,901", limits: limits)
        #expect(error.message == "test.csv line 2, column 3: a record is longer than 10 bytes")
    }

    /// What the writer writes, the reader reads back field for field.
    @Test func writerOutputReadsBack() throws {
        let rows: [[String]] = [
            ["date", "memo", "amount"],
            ["2018-06-01", "Học bổng, tháng 6", "227500000"],
            ["2018-06-02", "He said \"hi\"", "-5"],
            ["", "two\nlines", "crlf\r\ninside"],
            [" leading", "trailing ", "plain"],
            ["\"", ",", ""],
        ]
        let text = rows.map(CSVWriter.record).joined()
        #expect(CSVWriter.record(["a", "b c", "d,e"]) == "a,b c,\"d,e\"\r\n")
        #expect(CSVWriter.field("say \"x\"") == "\"say \"\"x\"\"\"")
        #expect(CSVWriter.field(" pad") == "\" pad\"")
        #expect(try fields(text) == rows)
    }
}
