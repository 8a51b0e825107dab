/// A JSON value, serialized by hand (RFC 8259): the project takes no dependencies, and the
/// field order stays as written.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }

    public func serialized() -> String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .integer(let value): output += String(value)
        case .string(let value): JSONValue.writeString(value, to: &output)
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                value.write(to: &output)
            }
            output += "]"
        case .object(let fields):
            output += "{"
            for (index, field) in fields.enumerated() {
                if index > 0 { output += "," }
                JSONValue.writeString(field.0, to: &output)
                output += ":"
                field.1.write(to: &output)
            }
            output += "}"
        }
    }

    static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}

extension JSONValue {
    /// The deepest nesting `parse` accepts: past it, text is refused rather than recursed into.
    static let depthMax = 64

    /// Parses JSON text (RFC 8259). Numbers must be integers that fit in 64 bits: the ledger
    /// writes no other kind (amounts are minor units, rates decimal text).
    ///
    /// - Throws: `LedgerError.invalidInput` naming the byte offset of what is wrong.
    public static func parse(_ text: String) throws -> JSONValue {
        var parser = JSONParser(bytes: Array(text.utf8))
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.offset == parser.bytes.count else { throw parser.error("text after the JSON value") }
        return value
    }

    /// The value of `key` in an object; `nil` for other values or a missing key.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.0 == key }?.1
    }

    public var stringValue: String? { if case .string(let text) = self { text } else { nil } }
    public var integerValue: Int64? { if case .integer(let number) = self { number } else { nil } }
    public var arrayValue: [JSONValue]? { if case .array(let values) = self { values } else { nil } }
}

/// A recursive-descent reader of JSON bytes, for `JSONValue.parse`.
private struct JSONParser {
    let bytes: [UInt8]
    var offset = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    func error(_ message: String) -> LedgerError {
        LedgerError(.invalidInput, LocalizedText("invalid JSON at byte \(offset): \(message)", "JSON không hợp lệ tại byte \(offset): \(message)"), hint: LocalizedText("the stored text is damaged; restore the file from a backup", "văn bản đã lưu bị hư hỏng; hãy khôi phục tệp từ bản sao lưu"))
    }

    mutating func skipSpace() {
        while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
    }

    mutating func value(depth: Int) throws -> JSONValue {
        guard depth < JSONValue.depthMax else { throw error("nested deeper than \(JSONValue.depthMax)") }
        skipSpace()
        guard offset < bytes.count else { throw error("the text ends where a value should be") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return .integer(try integer())
        }
    }

    mutating func object(depth: Int) throws -> JSONValue {
        offset += 1
        var fields: [(String, JSONValue)] = []
        skipSpace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(fields) }
        while true {
            skipSpace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw error("expected a key") }
            let key = try string()
            skipSpace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { throw error("expected ':'") }
            offset += 1
            fields.append((key, try value(depth: depth + 1)))
            skipSpace()
            guard offset < bytes.count else { throw error("an object is not closed") }
            if bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(fields) }
            guard bytes[offset] == UInt8(ascii: ",") else { throw error("expected ',' or '}'") }
            offset += 1
        }
    }

    mutating func array(depth: Int) throws -> JSONValue {
        offset += 1
        var values: [JSONValue] = []
        skipSpace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(values) }
        while true {
            values.append(try value(depth: depth + 1))
            skipSpace()
            guard offset < bytes.count else { throw error("an array is not closed") }
            if bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(values) }
            guard bytes[offset] == UInt8(ascii: ",") else { throw error("expected ',' or ']'") }
            offset += 1
        }
    }

    mutating func literal(_ word: String) throws {
        let expected = Array(word.utf8)
        guard offset + expected.count <= bytes.count, Array(bytes[offset..<offset + expected.count]) == expected else {
            throw error("unexpected text")
        }
        offset += expected.count
    }

    mutating func integer() throws -> Int64 {
        let start = offset
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let digitsStart = offset
        while offset < bytes.count, bytes[offset] >= 0x30, bytes[offset] <= 0x39 { offset += 1 }
        guard offset > digitsStart else { throw error("unexpected character") }
        guard bytes[digitsStart] != 0x30 || offset == digitsStart + 1 else { throw error("a number with a leading zero") }
        if offset < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[offset]) {
            throw error("only whole numbers are read")
        }
        guard let number = Int64(String(decoding: bytes[start..<offset], as: UTF8.self)) else { throw error("a number past 64 bits") }
        return number
    }

    mutating func string() throws -> String {
        offset += 1
        var scalars = String.UnicodeScalarView()
        var chunkStart = offset
        func flushChunk(_ end: Int) throws {
            guard let text = UTF8Text.string(bytes[chunkStart..<end]) else { throw error("text that is not UTF-8") }
            scalars.append(contentsOf: text.unicodeScalars)
        }
        while true {
            guard offset < bytes.count else { throw error("a string is not closed") }
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                try flushChunk(offset)
                offset += 1
                return String(scalars)
            }
            guard byte >= 0x20 else { throw error("a control character inside a string") }
            guard byte == UInt8(ascii: "\\") else { offset += 1; continue }
            try flushChunk(offset)
            offset += 1
            guard offset < bytes.count else { throw error("a string is not closed") }
            let escape = bytes[offset]
            offset += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code) {
                    guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                        throw error("a lone surrogate")
                    }
                    offset += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw error("a lone surrogate") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw error("a lone surrogate") }
                scalars.append(scalar)
            default:
                throw error("an unknown escape")
            }
            chunkStart = offset
        }
    }

    mutating func hex4() throws -> UInt32 {
        let isHex = { (byte: UInt8) in (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte) }
        guard offset + 4 <= bytes.count, bytes[offset..<offset + 4].allSatisfy(isHex),
              let code = UInt32(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16) else {
            throw error("a \\u escape needs four hex digits")
        }
        offset += 4
        return code
    }
}
