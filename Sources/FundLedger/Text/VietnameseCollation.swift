/// The order of the Vietnamese alphabet, for sorting what a Vietnamese reader reads:
/// a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
///
/// Three levels, as dictionaries sort:
/// 1. the letters, each vowel with its shape (`a` < `ă` < `â`, `d` < `đ`, `o` < `ô` < `ơ`, `u` < `ư`);
/// 2. the tones, in the dictionary order ngang, huyền, hỏi, ngã, sắc, nặng (`ma` < `mà` < `mả` <
///    `mã` < `má` < `mạ`);
/// 3. lower case before upper case.
///
/// Digits come before letters, spaces and punctuation before digits; any other letter (f, j,
/// w, z, other scripts) follows the Vietnamese ones by its code point.
public enum VietnameseCollation {
    /// Sorts `a` before `b`?
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let (left, right) = (key(a), key(b))
        return left.lexicographicallyPrecedes(right)
    }

    /// A sort key: compare two keys element by element.
    public static func key(_ text: String) -> [UInt32] {
        var primary: [UInt32] = []
        var tones: [UInt32] = []
        var cases: [UInt32] = []
        for character in text {
            let scalars = Array(String(character).decomposedStringWithCanonicalMappingScalars)
            guard let base = scalars.first else { continue }
            var shape: UInt32 = 0
            var tone: UInt32 = 0
            for mark in scalars.dropFirst() {
                switch mark.value {
                case 0x0306: shape = 1            // breve: ă
                case 0x0302: shape = 2            // circumflex: â ê ô
                case 0x031B: shape = 3            // horn: ơ ư
                case 0x0300: tone = 1             // huyền
                case 0x0309: tone = 2             // hỏi
                case 0x0303: tone = 3             // ngã
                case 0x0301: tone = 4             // sắc
                case 0x0323: tone = 5             // nặng
                default: tone = max(tone, 6 + mark.value)
                }
            }
            let lower = Character(base).lowercased()
            let isUpper = lower != String(base)
            primary.append(rank(lower.unicodeScalars.first ?? base, shape: shape))
            tones.append(tone)
            cases.append(isUpper ? 1 : 0)
        }
        return primary + [0] + tones + [0] + cases
    }

    private static let letters: [String] = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n",
                                            "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y"]

    /// Each Vietnamese letter's place (1-based), keyed by its base letter and shape.
    private static let ranks: [String: UInt32] = {
        var ranks: [String: UInt32] = [:]
        for (index, letter) in letters.enumerated() { ranks[letter] = UInt32(index + 1) }
        return ranks
    }()

    private static func rank(_ base: Unicode.Scalar, shape: UInt32) -> UInt32 {
        let value = base.value
        if base.properties.isWhitespace { return 1 }
        if !base.properties.isAlphabetic && !("0"..."9").contains(Character(base)) { return 2 + min(value, 0xFF) }
        if ("0"..."9").contains(Character(base)) { return 0x200 + value }
        var letter = String(base)
        switch (letter, shape) {
        case ("a", 1): letter = "ă"
        case ("a", 2): letter = "â"
        case ("e", 2): letter = "ê"
        case ("o", 2): letter = "ô"
        case ("o", 3): letter = "ơ"
        case ("u", 3): letter = "ư"
        default: break
        }
        if let rank = ranks[letter] { return 0x300 + rank * 2 }
        // f, j, w, z sit where the Latin alphabet puts them, between Vietnamese letters.
        switch letter {
        case "f": return 0x300 + (ranks["e"]! + 1) * 2 + 1
        case "j": return 0x300 + ranks["i"]! * 2 + 1
        case "w": return 0x300 + ranks["v"]! * 2 + 1
        case "z": return 0x300 + ranks["y"]! * 2 + 1
        default: return 0x1000 + value
        }
    }
}

extension String {
    /// The Unicode scalars of the canonical decomposition (NFD), without Foundation.
    var decomposedStringWithCanonicalMappingScalars: [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        for scalar in unicodeScalars {
            VietnameseDecomposition.append(scalar, to: &result)
        }
        return result
    }
}

/// Canonical decomposition (NFD) of the precomposed Vietnamese vowels — every vowel with its
/// shape (ă â ê ô ơ ư) and tone, in both cases. Swift's standard library does not expose NFD
/// without Foundation, so the table is built once from canonical equivalence: the precomposed
/// scalar whose `Character` equals base + marks. Other scalars are kept as they are.
enum VietnameseDecomposition {
    static func append(_ scalar: Unicode.Scalar, to result: inout [Unicode.Scalar]) {
        if let parts = table[scalar] {
            result.append(contentsOf: parts)
        } else {
            result.append(scalar)
        }
    }

    /// Every precomposed Vietnamese vowel (lower and upper case) as base letter + marks.
    private static let table: [Unicode.Scalar: [Unicode.Scalar]] = {
        let tones: [(String, Unicode.Scalar?)] = [("", nil), ("\u{0300}", "\u{0300}"), ("\u{0309}", "\u{0309}"),
                                                  ("\u{0303}", "\u{0303}"), ("\u{0301}", "\u{0301}"), ("\u{0323}", "\u{0323}")]
        let vowels: [(base: Unicode.Scalar, shape: Unicode.Scalar?)] = [
            ("a", nil), ("a", "\u{0306}"), ("a", "\u{0302}"), ("e", nil), ("e", "\u{0302}"), ("i", nil),
            ("o", nil), ("o", "\u{0302}"), ("o", "\u{031B}"), ("u", nil), ("u", "\u{031B}"), ("y", nil),
        ]
        var table: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        for vowel in vowels {
            for upper in [false, true] {
                let base = upper ? Unicode.Scalar(String(vowel.base).uppercased())! : vowel.base
                for tone in tones {
                    var parts: [Unicode.Scalar] = [base]
                    if let shape = vowel.shape { parts.append(shape) }
                    if let mark = tone.1 { parts.append(mark) }
                    guard parts.count > 1 else { continue }
                    // Compose with the standard library's canonical equivalence: a String of
                    // the decomposed scalars compares equal to the precomposed character.
                    var decomposed = String.UnicodeScalarView()
                    decomposed.append(contentsOf: parts)
                    let character = Character(String(decomposed))
                    for precomposed in precomposedScalars(equalTo: character) { table[precomposed] = parts }
                }
            }
        }
        return table
    }()

    /// The single scalar in U+00C0…U+1EF9 canonically equal to `character`, if any.
    private static func precomposedScalars(equalTo character: Character) -> [Unicode.Scalar] {
        candidates.filter { Character($0) == character }
    }

    private static let candidates: [Unicode.Scalar] = (0x00C0...0x01B0).compactMap(Unicode.Scalar.init) + (0x1EA0...0x1EF9).compactMap(Unicode.Scalar.init)
}
