import Testing
@testable import FundLedger

/// The Vietnamese alphabet order (docs: `VietnameseCollation`).
@Suite struct VietnameseCollationTests {
    private func sorted(_ words: [String]) -> [String] { words.sorted(by: VietnameseCollation.precedes) }

    @Test func lettersFollowTheVietnameseAlphabet() {
        let alphabet = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n",
                        "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y"]
        #expect(sorted(alphabet.reversed()) == alphabet)
        #expect(sorted(alphabet.map { $0.uppercased() }.reversed()) == alphabet.map { $0.uppercased() })
    }

    @Test func tonesFollowTheDictionaryOrder() {
        let tones = ["ma", "mà", "mả", "mã", "má", "mạ"]
        #expect(sorted(tones.reversed()) == tones)
        #expect(sorted(["mác", "mạb"]) == ["mạb", "mác"], "letters decide before tones")
        #expect(sorted(["mai", "mạ"]) == ["mạ", "mai"], "a syllable sorts before its longer neighbours, whatever its tone")
    }

    @Test func namesSortAsAVietnameseReaderExpects() {
        let names = ["Học bổng", "Ăn trưa bán trú", "Đồ dùng học tập", "Bảo hiểm y tế", "Xe đạp", "Sữa", "Nhà tình thương", "Quà Tết", "Dụng cụ", "Ông bà"]
        #expect(sorted(names) == ["Ăn trưa bán trú", "Bảo hiểm y tế", "Dụng cụ", "Đồ dùng học tập", "Học bổng", "Nhà tình thương", "Ông bà", "Quà Tết", "Sữa", "Xe đạp"])
        // English order would put Đ after every other letter and Ă, Ô after Z.
        #expect(names.sorted() != sorted(names))
    }

    @Test func caseAndDecompositionDoNotChangeTheOrderOfLetters() {
        #expect(sorted(["b", "A", "a", "B"]) == ["a", "A", "b", "B"])
        // The same word typed decomposed (e + circumflex + acute) sorts with its composed form.
        let decomposed = "Ti\u{0065}\u{0302}\u{0301}ng"
        #expect(VietnameseCollation.key(decomposed) == VietnameseCollation.key("Tiếng"))
        #expect(sorted(["12", "2", " x", "a"]) == [" x", "12", "2", "a"])
    }
}
