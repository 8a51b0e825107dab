import Testing
import FundLedger

/// SHA-256 (Sources/FundLedger/Crypto/SHA256.swift) against published vectors.
///
/// The first five digests are the FIPS 180-4 examples as published by NIST
/// (https://csrc.nist.gov/projects/cryptographic-standards-and-guidelines/example-values,
/// "SHA256.pdf" and "SHA2_Additional.pdf"). The block-boundary digests were computed
/// independently with Python's hashlib (OpenSSL):
///
///     python3 -c 'import hashlib; print(hashlib.sha256(bytes((i*7+3)%256 for i in range(N))).hexdigest())'
///     python3 -c 'import hashlib; print(hashlib.sha256(b"a"*N).hexdigest())'
@Suite struct SHA256Tests {
    private func hex(_ text: String) -> String { SHA256.hash(Array(text.utf8)).hexString }

    @Test func emptyMessage() {
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func oneBlockMessageABC() {
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func twoBlockMessage448Bits() {
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(message.utf8.count == 56)
        #expect(hex(message) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func message896Bits() {
        let message = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        #expect(message.utf8.count == 112)
        #expect(hex(message) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test func oneMillionA() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000)).hexString == expected)
        // The same million bytes fed 1,000 bytes at a time (never a multiple of 64).
        var hasher = SHA256()
        let thousand = [UInt8](repeating: 0x61, count: 1000)
        for _ in 0..<1000 { hasher.update(thousand) }
        #expect(hasher.finalize().hexString == expected)
    }

    /// Lengths around the padding boundary (55 bytes is the most that pads into one block,
    /// 56 needs a second) and around one and two whole blocks.
    @Test(arguments: [
        (55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b", "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27", "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055", "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241", "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e", "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e", "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5", "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        (127, "a8d23e75d936f303d248888d9b165ee543f4cbafcad3c9dd2a79bd84faa11d07", "c57e9278af78fa3cab38667bef4ce29d783787a2f731d4e12200270f0c32320a"),
        (128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6", "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
        (129, "307f8fc2c1622b92762e818d39a185d4d667ad49a4b07ceae1f4afa008a93ec4", "c12cb024a2e5551cca0e08fce8f1c5e314555cc3fef6329ee994a3db752166ae"),
    ])
    func blockBoundaryLengths(length: Int, patternDigest: String, letterDigest: String) {
        let pattern = (0..<length).map { UInt8(($0 * 7 + 3) % 256) }
        #expect(SHA256.hash(pattern).hexString == patternDigest)
        #expect(SHA256.hash([UInt8](repeating: 0x61, count: length)).hexString == letterDigest)
        // Byte by byte, the partial block fills one byte at a time.
        var hasher = SHA256()
        for byte in pattern { hasher.update([byte]) }
        #expect(hasher.finalize().hexString == patternDigest)
    }

    /// Any way of cutting a message into chunks gives the one-shot digest: chunks smaller
    /// than, equal to and larger than a block, crossing block boundaries, and empty ones.
    @Test(arguments: [[1], [3, 5, 7], [13], [63, 1], [64], [65, 0, 2], [100], [127, 129], [0, 200, 0]])
    func incrementalUpdatesEqualOneShot(chunkSizes: [Int]) {
        let message = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 3) }
        let expected = SHA256.hash(message)
        var hasher = SHA256()
        var offset = 0
        var turn = 0
        while offset < message.count {
            let size = min(chunkSizes[turn % chunkSizes.count], message.count - offset)
            hasher.update(Array(message[offset..<(offset + size)]))
            offset += size
            turn += 1
            if turn > 100_000 { break }  // all sizes zero would never finish
        }
        #expect(offset == message.count)
        #expect(hasher.finalize() == expected)
    }

    @Test func incrementalABCMatchesTheNISTVector() {
        var hasher = SHA256()
        hasher.update(Array("a".utf8))
        hasher.update([])
        hasher.update(Array("bc".utf8))
        #expect(hasher.finalize().hexString == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func oneBitChangesTheDigest() {
        var message = [UInt8](repeating: 0, count: 64)
        let original = SHA256.hash(message)
        message[63] ^= 1
        #expect(SHA256.hash(message) != original)
        #expect(original.count == SHA256.digestByteCount)
    }

    @Test func hexRoundTripAndRefusals() {
        let digest = SHA256.hash(Array("abc".utf8))
        #expect([UInt8](hexString: digest.hexString) == digest)
        #expect([UInt8](hexString: "BA7816BF") == [0xBA, 0x78, 0x16, 0xBF])
        #expect([UInt8](hexString: "") == [])
        #expect([UInt8](hexString: "abc") == nil)      // odd length
        #expect([UInt8](hexString: "zz") == nil)       // not hex
        #expect([UInt8](hexString: "0g") == nil)
    }
}
