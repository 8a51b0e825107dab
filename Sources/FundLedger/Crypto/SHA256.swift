import CSHA256

/// SHA-256 as specified in FIPS 180-4 (https://doi.org/10.6028/NIST.FIPS.180-4), written here
/// because the project takes no package dependencies. Tested against the NIST example vectors
/// and the SHAVS byte-oriented messages.
///
/// Streaming: call `update` any number of times, then `finalize()` once. The hasher keeps
/// its partial block inline, so hashing allocates nothing but the digest.
///
/// On an x86-64 processor with the SHA extensions the rounds run on them (Sources/CSHA256,
/// also written here): the hash chain is hashed on every post, import and `cpf verify`, and
/// the extensions do it about four times faster than the portable rounds below, which run
/// everywhere else. The tests check both against the vectors and against each other.
public struct SHA256: Sendable {
    /// The digest length in bytes.
    public static let digestByteCount = 32

    private var h0: UInt32 = 0x6a09e667, h1: UInt32 = 0xbb67ae85, h2: UInt32 = 0x3c6ef372, h3: UInt32 = 0xa54ff53a
    private var h4: UInt32 = 0x510e527f, h5: UInt32 = 0x9b05688c, h6: UInt32 = 0x1f83d9ab, h7: UInt32 = 0x5be0cd19
    /// The partial block, 64 bytes.
    private var block: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var blockCount = 0
    private var totalByteCount: UInt64 = 0

    /// Whether this processor has the SHA extensions.
    static let hardwareAvailable = cpf_sha256_hardware_available() != 0
    /// Whether this hasher runs its rounds on them.
    let usesHardware: Bool

    public init() { usesHardware = SHA256.hardwareAvailable }

    /// A hasher on the portable rounds, whatever the processor has: for the tests that
    /// compare the two.
    init(portable: Bool) { usesHardware = !portable && SHA256.hardwareAvailable }

    /// The digest of `bytes` in one call.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var input = bytes.baseAddress, bytes.count > 0 else { return }
        var remaining = bytes.count
        totalByteCount &+= UInt64(remaining)
        if blockCount > 0 {
            let take = min(64 - blockCount, remaining)
            let offset = blockCount
            withUnsafeMutableBytes(of: &block) { $0.baseAddress!.advanced(by: offset).copyMemory(from: input, byteCount: take) }
            blockCount += take
            input += take
            remaining -= take
            guard blockCount == 64 else { return }
            let copy = block
            withUnsafeBytes(of: copy) { compress($0.baseAddress!, count: 1) }
            blockCount = 0
        }
        let fullBlocks = remaining / 64
        if fullBlocks > 0 {
            compress(input, count: fullBlocks)
            input += fullBlocks * 64
            remaining -= fullBlocks * 64
        }
        if remaining > 0 {
            withUnsafeMutableBytes(of: &block) { $0.baseAddress!.copyMemory(from: input, byteCount: remaining) }
            blockCount = remaining
        }
    }

    /// Pads the message (FIPS 180-4 §5.1.1), processes the last block and returns the
    /// 32-byte digest.
    public mutating func finalize() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: SHA256.digestByteCount)
        digest.withUnsafeMutableBytes { finalize(into: $0) }
        return digest
    }

    /// The same, writing the digest into the first 32 bytes of `digest` (a buffer used again
    /// and again, where a scan of many entries would otherwise allocate one per entry).
    mutating func finalize(into digest: UnsafeMutableRawBufferPointer) {
        precondition(digest.count >= SHA256.digestByteCount)
        let bitLength = totalByteCount &* 8
        var padding: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let paddingCount = blockCount < 56 ? 64 - blockCount : 128 - blockCount
        withUnsafeMutableBytes(of: &padding) { bytes in
            bytes[0] = 0x80
            for index in 0..<8 { bytes[paddingCount - 1 - index] = UInt8(truncatingIfNeeded: bitLength >> UInt64(index * 8)) }
            let savedTotal = totalByteCount
            update(UnsafeRawBufferPointer(rebasing: bytes[0..<paddingCount]))
            totalByteCount = savedTotal
        }
        precondition(blockCount == 0)
        let words = (h0, h1, h2, h3, h4, h5, h6, h7)
        withUnsafeBytes(of: words) { state in
            for index in 0..<8 {
                digest.storeBytes(of: state.load(fromByteOffset: index * 4, as: UInt32.self).bigEndian, toByteOffset: index * 4, as: UInt32.self)
            }
        }
    }

    /// FIPS 180-4 §6.2.2 over `count` consecutive 64-byte blocks. The message schedule is a
    /// rolling window of 16 words; the rounds are unrolled by eight so the working variables
    /// rotate by name instead of being copied.
    private mutating func compress(_ blocks: UnsafeRawPointer, count: Int) {
        if usesHardware {
            var state = (h0, h1, h2, h3, h4, h5, h6, h7)
            withUnsafeMutableBytes(of: &state) { words in
                cpf_sha256_compress_hardware(words.baseAddress!.assumingMemoryBound(to: UInt32.self), blocks.assumingMemoryBound(to: UInt8.self), count)
            }
            (h0, h1, h2, h3, h4, h5, h6, h7) = state
            return
        }
        var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
        var window: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32,
                     UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        // FIPS 180-4 §4.2.2's constants, from the one table both implementations read.
        do {
            let k = cpf_sha256_round_constants()!
            withUnsafeMutableBytes(of: &window) { raw in
                let w = raw.baseAddress!.assumingMemoryBound(to: UInt32.self)
                for blockIndex in 0..<count {
                    let block = blocks + blockIndex &* 64
                    @inline(__always) func schedule(_ t: Int) -> UInt32 {
                        if t < 16 {
                            let word = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t &* 4, as: UInt32.self))
                            w[t] = word
                            return word &+ k[t]
                        }
                        let w15 = w[(t &- 15) & 15], w2 = w[(t &- 2) & 15]
                        let s0 = rotateRight(w15, 7) ^ rotateRight(w15, 18) ^ (w15 &>> 3)
                        let s1 = rotateRight(w2, 17) ^ rotateRight(w2, 19) ^ (w2 &>> 10)
                        let word = w[t & 15] &+ s0 &+ w[(t &- 7) & 15] &+ s1
                        w[t & 15] = word
                        return word &+ k[t]
                    }
                    var (ra, rb, rc, rd, re, rf, rg, rh) = (a, b, c, d, e, f, g, h)
                    var t = 0
                    while t < 64 {
                        round(ra, rb, rc, &rd, re, rf, rg, &rh, schedule(t))
                        round(rh, ra, rb, &rc, rd, re, rf, &rg, schedule(t &+ 1))
                        round(rg, rh, ra, &rb, rc, rd, re, &rf, schedule(t &+ 2))
                        round(rf, rg, rh, &ra, rb, rc, rd, &re, schedule(t &+ 3))
                        round(re, rf, rg, &rh, ra, rb, rc, &rd, schedule(t &+ 4))
                        round(rd, re, rf, &rg, rh, ra, rb, &rc, schedule(t &+ 5))
                        round(rc, rd, re, &rf, rg, rh, ra, &rb, schedule(t &+ 6))
                        round(rb, rc, rd, &re, rf, rg, rh, &ra, schedule(t &+ 7))
                        t &+= 8
                    }
                    a = a &+ ra; b = b &+ rb; c = c &+ rc; d = d &+ rd
                    e = e &+ re; f = f &+ rf; g = g &+ rg; h = h &+ rh
                }
            }
        }
        (h0, h1, h2, h3, h4, h5, h6, h7) = (a, b, c, d, e, f, g, h)
    }
}

/// One SHA-256 round: `d` and `h` are updated in place; the caller rotates the names.
@inline(__always)
private func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                   _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ constantPlusWord: UInt32) {
    let sum1 = rotateRight(e, 6) ^ rotateRight(e, 11) ^ rotateRight(e, 25)
    let choice = (e & f) ^ (~e & g)
    let temp1 = h &+ sum1 &+ choice &+ constantPlusWord
    let sum0 = rotateRight(a, 2) ^ rotateRight(a, 13) ^ rotateRight(a, 22)
    let majority = (a & b) ^ (a & c) ^ (b & c)
    d = d &+ temp1
    h = temp1 &+ sum0 &+ majority
}

@inline(__always)
private func rotateRight(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }

extension Array where Element == UInt8 {
    /// Lowercase hexadecimal, two digits per byte.
    public var hexString: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(count * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Bytes from hexadecimal text, or `nil` when the text is not an even run of hex digits.
    public init?(hexString: String) {
        let characters = Array(hexString.utf8)
        guard characters.count % 2 == 0 else { return nil }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 97...102: return c - 87
            case 65...70: return c - 55
            default: return nil
            }
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity(characters.count / 2)
        for index in stride(from: 0, to: characters.count, by: 2) {
            guard let high = value(characters[index]), let low = value(characters[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        self = bytes
    }
}
