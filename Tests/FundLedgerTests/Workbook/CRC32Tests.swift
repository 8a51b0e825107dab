import Testing
@testable import FundLedger
import LedgerGenerator

/// `CRC32` (Sources/FundLedger/Workbook/CRC32.swift): the published check values of CRC-32
/// (IEEE 802.3), and the same checksum however the bytes are split or aligned.
@Suite struct CRC32Tests {
    @Test func publishedCheckValues() {
        // The "check" value of the catalogue of CRC algorithms (CRC-32/ISO-HDLC), the empty
        // string, and the pangram of the common test tables.
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32().value == 0)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
        // A sequence without contiguous storage takes the byte-by-byte path.
        #expect(CRC32.checksum("123456789".utf8.lazy.map { $0 }) == 0xCBF4_3926)
    }

    @Test func streamingInPiecesGivesTheWholeChecksum() {
        var random = RepeatableRandomNumberGenerator(seed: 8023)
        let bytes = (0..<1000).map { _ in UInt8.random(in: 0...255, using: &random) }
        let whole = ZIPArchive.bitwiseCRC32(bytes)
        #expect(CRC32.checksum(bytes) == whole)
        // Every start offset (the 8-byte steps meet every alignment) and many split points.
        for start in 0..<16 {
            #expect(CRC32.checksum(bytes[start...]) == ZIPArchive.bitwiseCRC32(Array(bytes[start...])), "from \(start)")
        }
        for split in stride(from: 0, through: bytes.count, by: 37) {
            var crc = CRC32()
            crc.update(bytes[..<split])
            crc.update(bytes[split...])
            #expect(crc.value == whole, "split at \(split)")
        }
        var byteByByte = CRC32()
        for byte in bytes { byteByByte.update(CollectionOfOne(byte)) }
        #expect(byteByByte.value == whole)
    }
}
