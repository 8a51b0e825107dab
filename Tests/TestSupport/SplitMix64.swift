/// A small deterministic generator (SplitMix64, https://prng.di.unimi.it/splitmix64.c) for the
/// random books and tables of the tests, so a failing case can be replayed from its seed.
public struct SplitMix64 {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number below `bound` (0 when `bound` is 0).
    public mutating func next(upperBound bound: UInt64) -> UInt64 {
        let value = next()
        return bound == 0 ? 0 : value % bound
    }

    /// A number from 0 to `bound - 1`.
    public mutating func below(_ bound: Int) -> Int { Int(next(upperBound: UInt64(bound))) }
}
