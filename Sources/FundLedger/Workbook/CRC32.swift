/// The CRC-32 of IEEE 802.3 (polynomial 0x04C11DB7, reflected as 0xEDB88320, initial value and
/// final XOR 0xFFFFFFFF): the checksum a ZIP archive gives every entry (APPNOTE.TXT 4.4.7).
///
/// Streaming: feed the bytes in pieces of any size with `update`, read `value` at any time.
///
///     var crc = CRC32()
///     crc.update("123456789".utf8)
///     crc.value   // 0xCBF43926
///
/// Table-driven, eight bytes a step ("slicing-by-8", Intel's Kounavis and Berry, 2008): eight
/// tables of 256 entries, 8 KiB built once. About a byte a nanosecond, so the checksum of a
/// large sheet costs less than writing it.
public struct CRC32: Sendable {
    /// The running register, before the final XOR.
    private var register: UInt32 = 0xFFFF_FFFF

    public init() {}

    /// The checksum of the bytes fed so far; 0 for none.
    public var value: UInt32 { register ^ 0xFFFF_FFFF }

    /// The checksum of `bytes` alone.
    public static func checksum<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }

    /// Adds `bytes` to the checksum.
    public mutating func update<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        guard done == nil else { return }
        for byte in bytes { updateByte(byte) }
    }

    /// Adds the bytes of `buffer` to the checksum.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard var pointer = buffer.baseAddress else { return }
        var remaining = buffer.count
        var crc = register
        CRC32.tables.withUnsafeBufferPointer { table in
            // Byte by byte up to an 8-byte boundary, then eight bytes a step.
            while remaining > 0 && UInt(bitPattern: pointer) & 7 != 0 {
                crc = table[Int((crc ^ UInt32(pointer.load(as: UInt8.self))) & 0xFF)] ^ (crc >> 8)
                pointer += 1
                remaining -= 1
            }
            while remaining >= 8 {
                // Little-endian loads: the first byte of the stream is the low byte.
                let low = UInt32(littleEndian: pointer.load(as: UInt32.self)) ^ crc
                let high = UInt32(littleEndian: pointer.load(fromByteOffset: 4, as: UInt32.self))
                crc = table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
                    ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ table[1 * 256 + Int((high >> 16) & 0xFF)] ^ table[Int(high >> 24)]
                pointer += 8
                remaining -= 8
            }
            while remaining > 0 {
                crc = table[Int((crc ^ UInt32(pointer.load(as: UInt8.self))) & 0xFF)] ^ (crc >> 8)
                pointer += 1
                remaining -= 1
            }
        }
        register = crc
    }

    private mutating func updateByte(_ byte: UInt8) {
        register = CRC32.tables[Int((register ^ UInt32(byte)) & 0xFF)] ^ (register >> 8)
    }

    /// Table 0 is the classic byte-at-a-time table; table k gives the effect of a byte followed
    /// by k zero bytes.
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for index in 0..<256 {
            var crc = UInt32(index)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            tables[index] = crc
        }
        for slice in 1..<8 {
            for index in 0..<256 {
                let previous = tables[(slice - 1) * 256 + index]
                tables[slice * 256 + index] = tables[Int(previous & 0xFF)] ^ (previous >> 8)
            }
        }
        return tables
    }()
}
