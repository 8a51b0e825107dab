import LedgerGenerator

/// Bounded draws from the generator the books are built with (SplitMix64), for the random
/// tables and books of the tests, so a failing case can be replayed from its seed.
extension RepeatableRandomNumberGenerator {
    /// A number below `bound` (0 when `bound` is 0).
    public mutating func next(upperBound bound: UInt64) -> UInt64 {
        let value = next()
        return bound == 0 ? 0 : value % bound
    }

    /// A number from 0 to `bound - 1`.
    public mutating func below(_ bound: Int) -> Int { Int(next(upperBound: UInt64(bound))) }
}
