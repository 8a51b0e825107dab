/// "Did you mean": the known word closest to a mistyped one, by the optimal string alignment
/// distance (insertions, deletions, substitutions and swaps of two neighbours each cost 1),
/// when it is close enough to be a slip: at most 1 for short words, 2 from 5 letters on.
enum Suggestion {
    static func closest(to typed: String, among candidates: [String]) -> String? {
        let allowed = typed.count >= 5 ? 2 : 1
        let scored = candidates.map { ($0, distance(typed, $0)) }.filter { $0.1 <= allowed }
        return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1) }
            }
        }
        return table[a.count][b.count]
    }
}
