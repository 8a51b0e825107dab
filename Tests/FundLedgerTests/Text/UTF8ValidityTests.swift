import Testing
@testable import FundLedger

/// `UTF8Validity` must call valid exactly the bytes Swift keeps as they are when it decodes
/// them (`String(decoding:as:)` replaces anything else with U+FFFD): `verify` relies on it to
/// know when the text a reader sees is the text that was hashed.
@Suite struct UTF8ValidityTests {
    static func keptAsTheyAre(_ bytes: [UInt8]) -> Bool {
        Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes
    }

    @Test func agreesWithSwiftOnTheBoundaryCasesOfTable3_7() {
        let cases: [[UInt8]] = [
            [], Array("Quỹ Bảo trợ trẻ em".utf8), Array("🙂".utf8),
            [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xC2],
            [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xE1, 0x80],
            [0xF0, 0x8F, 0x80, 0x80], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0xF1, 0x80, 0x80], [0xE1, 0x80, 0xC0], [0x00], [0x41, 0xFF, 0x41],
        ]
        for bytes in cases {
            #expect(bytes.withUnsafeBytes { UTF8Validity.isValid($0) } == UTF8ValidityTests.keptAsTheyAre(bytes), "\(bytes)")
        }
    }

    @Test func agreesWithSwiftOnRandomBytes() {
        var generator = SystemRandomNumberGenerator()
        // Bytes drawn mostly from the lead and continuation ranges, where the cases are.
        let alphabet: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEE, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF]
        var valid = 0
        for _ in 0..<50_000 {
            let bytes = (0..<Int.random(in: 1...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let kept = UTF8ValidityTests.keptAsTheyAre(bytes)
            if kept { valid += 1 }
            #expect(bytes.withUnsafeBytes { UTF8Validity.isValid($0) } == kept, "\(bytes)")
        }
        // Both outcomes were met often enough to mean something.
        #expect(valid > 1_000 && valid < 49_000)
    }
}
