import Testing
@testable import FundLedger

/// `UTF8Text` (Sources/FundLedger/Text/UTF8Text.swift): the boundaries of the Unicode
/// Standard's table 3-7, and agreement with the standard library's validating initializer on
/// every one- and two-byte sequence and on a deterministic stream of longer ones.
@Suite struct UTF8TextTests {
    private func stdlib(_ bytes: [UInt8]) -> String? { String(validating: bytes, as: UTF8.self) }

    @Test func wellFormedTextIsRead() {
        for text in ["", "abc", "Quỹ Bảo trợ trẻ em", "₫", "😀", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"] {
            #expect(UTF8Text.string(Array(text.utf8)) == text)
        }
    }

    @Test(arguments: [
        [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF],        // continuation first; overlong two-byte
        [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],            // overlong three-byte
        [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],            // surrogates
        [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF],
        [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0x61, 0xC3],     // cut short
        [0xE2, 0x28, 0xA1], [0xF0, 0x9F, 0x28, 0x80],       // a bad continuation
    ] as [[UInt8]])
    func illFormedBytesAreRefused(_ bytes: [UInt8]) {
        #expect(UTF8Text.string(bytes) == nil)
        #expect(stdlib(bytes) == nil)
    }

    @Test func agreesWithTheStandardLibrary() {
        for first in 0...255 {
            #expect(UTF8Text.string([UInt8(first)]) == stdlib([UInt8(first)]))
            for second in 0...255 {
                let bytes = [UInt8(first), UInt8(second)]
                #expect(UTF8Text.string(bytes) == stdlib(bytes), "\(bytes)")
            }
        }
        // Longer sequences biased towards the lead bytes where the rules are.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let interesting: [UInt8] = [0x41, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(state % 7) + 1 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(interesting[Int(state >> 33) % interesting.count])
            }
            #expect(UTF8Text.string(bytes) == stdlib(bytes), "\(bytes)")
        }
    }
}
