/// Whether bytes are well-formed UTF-8 (The Unicode Standard, §3.9, table 3-7): no stray
/// continuation byte, no overlong form, no surrogate, nothing past U+10FFFF, nothing cut off.
///
/// These are exactly the bytes `String(decoding:as: UTF8.self)` keeps as they are; it replaces
/// any other with U+FFFD. `verify` reads texts as bytes (`ChainScan`) and must know when the
/// text a reader would see differs from the bytes stored.
enum UTF8Validity {
    static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight ASCII bytes at a time: most text is ASCII, Vietnamese too between its marks.
            while index + 8 <= count, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { index += 8 }
            guard index < count else { break }
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            // The range the second byte must fall in, and how many continuation bytes follow.
            let second: ClosedRange<UInt8>, length: Int
            switch lead {
            case 0xC2...0xDF: (second, length) = (0x80...0xBF, 2)
            case 0xE0: (second, length) = (0xA0...0xBF, 3)
            case 0xE1...0xEC, 0xEE...0xEF: (second, length) = (0x80...0xBF, 3)
            case 0xED: (second, length) = (0x80...0x9F, 3)
            case 0xF0: (second, length) = (0x90...0xBF, 4)
            case 0xF1...0xF3: (second, length) = (0x80...0xBF, 4)
            case 0xF4: (second, length) = (0x80...0x8F, 4)
            default: return false
            }
            guard index + length <= count, second.contains(bytes[index + 1]) else { return false }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
