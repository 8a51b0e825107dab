import Testing
@testable import FundLedger

/// The two implementations of the SHA-256 rounds (Sources/FundLedger/Crypto/SHA256.swift):
/// the portable Swift rounds and the x86-64 SHA extensions (Sources/CSHA256). SHA256Tests
/// checks the default one against the published vectors; these check the portable rounds
/// against the same vectors, whatever the processor, and the two against each other for
/// every length across several blocks.
@Suite struct SHA256RoundsTests {
    private func digest(_ bytes: [UInt8], portable: Bool, chunk: Int? = nil) -> String {
        var hasher = SHA256(portable: portable)
        if let chunk {
            var offset = 0
            while offset < bytes.count {
                hasher.update(Array(bytes[offset..<min(offset + chunk, bytes.count)]))
                offset += chunk
            }
        } else {
            hasher.update(bytes)
        }
        return hasher.finalize().hexString
    }

    /// FIPS 180-4's examples (NIST, "SHA256.pdf" and "SHA2_Additional.pdf").
    @Test(arguments: [true, false])
    func nistExamples(portable: Bool) {
        #expect(digest([], portable: portable) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(digest(Array("abc".utf8), portable: portable) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8), portable: portable)
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(digest([UInt8](repeating: 0x61, count: 1_000_000), portable: portable)
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func portableAndHardwareRoundsAgreeOnEveryLength() {
        if !SHA256.hardwareAvailable {
            print("note: this processor has no SHA extensions; both hashers run the portable rounds")
        }
        #expect(SHA256().usesHardware == SHA256.hardwareAvailable && !SHA256(portable: true).usesHardware)
        let message = (0..<700).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 2) }
        for length in 0...message.count {
            let prefix = Array(message[0..<length])
            let portable = digest(prefix, portable: true)
            #expect(digest(prefix, portable: false) == portable, "length \(length)")
            #expect(digest(prefix, portable: false, chunk: 37) == portable, "length \(length) in chunks of 37")
        }
    }
}
