/// Text made safe for an XML 1.0 document, written straight into a byte buffer.
///
/// - `&`, `<`, `>` become entities, and in attribute values `"` too;
/// - carriage return becomes `&#13;`, and in attribute values tab and line feed become
///   `&#9;` and `&#10;`: a parser turns a literal CR (or CR LF) into LF, and whitespace in an
///   attribute into spaces (XML 1.0 §2.11, §3.3.3), so only a reference keeps them;
/// - the characters XML 1.0 forbids (§2.2 `Char`) are dropped: C0 controls other than tab,
///   line feed and carriage return, and U+FFFE and U+FFFF. (Lone surrogates cannot occur in a
///   Swift string.) A document with one of them is not XML, and Excel refuses the file.
enum XMLText {
    /// Appends `text`, escaped, to `output`.
    ///
    /// - Parameter utf16CountMax: keep only the characters that fit in this many UTF-16 code
    ///   units, as Excel counts a cell's length. The default keeps everything.
    /// - Returns: whether the text was cut to fit.
    @discardableResult
    static func append(_ text: String, to output: inout [UInt8], inAttribute: Bool = false, utf16CountMax: Int = .max) -> Bool {
        var text = text
        return text.withUTF8 { append(utf8: $0, to: &output, inAttribute: inAttribute, utf16CountMax: utf16CountMax) }
    }

    static func append(utf8 bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], inAttribute: Bool, utf16CountMax: Int) -> Bool {
        var runStart = 0
        var index = 0
        var utf16Count = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte >= 0x80 {
                // A scalar of 2, 3 or 4 bytes: one UTF-16 unit, or two (a surrogate pair) for 4.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                utf16Count += length == 4 ? 2 : 1
                if utf16Count > utf16CountMax { break }
                if byte == 0xEF && index + 2 < count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE {
                    // U+FFFE or U+FFFF: not a character of XML.
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    runStart = index + 3
                }
                index += length
                continue
            }
            utf16Count += 1
            if utf16Count > utf16CountMax { break }
            let replacement: StaticString?
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = inAttribute ? "&quot;" : nil
            case 0x0D: replacement = "&#13;"
            case 0x09: replacement = inAttribute ? "&#9;" : nil
            case 0x0A: replacement = inAttribute ? "&#10;" : nil
            case 0x00..<0x20: replacement = ""
            default: replacement = nil
            }
            if let replacement {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                runStart = index + 1
            }
            index += 1
        }
        let end = min(index, count)
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end]))
        return index < count
    }

    /// `text` escaped, as a string (for the small parts of a package).
    static func escaped(_ text: String, inAttribute: Bool = false) -> String {
        var bytes: [UInt8] = []
        append(text, to: &bytes, inAttribute: inAttribute)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether XML 1.0 allows `scalar` in a document (§2.2).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00..<0x20, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }
}
