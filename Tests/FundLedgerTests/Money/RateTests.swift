import Testing
@testable import FundLedger

/// Rate (Sources/FundLedger/Money/Rate.swift): strict parsing, canonical text, exact
/// conversion to dong with half-even rounding, and overflow as a refusal.
///
/// The expected dong values were worked out by hand and checked with Python's `decimal`
/// module: `(Decimal(minor) / 10**exponent * Decimal(rate)).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)`.
@Suite struct RateTests {
    private func rate(_ text: String) throws -> Rate { try Rate.parse(text) }
    private func usd(_ cents: Int64) -> Amount { Amount(minorUnits: cents, currency: .usd) }
    private func jpy(_ yen: Int64) -> Amount { Amount(minorUnits: yen, currency: Currency.named("JPY")!) }

    // MARK: Parsing

    @Test(arguments: [
        ("22750", Int64(22750), 0, "22750"),
        ("23175.5", 231_755, 1, "23175.5"),
        ("23175.50", 231_755, 1, "23175.5"),      // trailing zeros are not part of the rate
        ("22750.000", 22750, 0, "22750"),
        ("00022750", 22750, 0, "22750"),
        ("0.00012345", 12345, 8, "0.00012345"),   // eight decimals, the most a rate carries
        ("26.12345678", 2_612_345_678, 8, "26.12345678"),
        ("999999999.99999999", 99_999_999_999_999_999, 8, "999999999.99999999"),
        ("1", 1, 0, "1"),
    ])
    func parsesAndNormalizes(text: String, scaledValue: Int64, scale: Int, canonical: String) throws {
        let parsed = try rate(text)
        #expect(parsed.scaledValue == scaledValue)
        #expect(parsed.scale == scale)
        #expect(parsed.description == canonical)
        #expect(try rate(parsed.description) == parsed)
    }

    @Test(arguments: ["", "-22750", "+22750", "22,750", "22 750", "2.2.750", ".5", "5.", "2e4", "22750 VND", "0x5", "２２７５０", "NaN"])
    func refusesWhatIsNotAPlainPositiveDecimal(text: String) throws {
        let error = try #require(throws: LedgerError.self) { try Rate.parse(text) }
        #expect(error.rule == .invalidRate)
        #expect(error.message == "rate '\(text)' is not a plain positive decimal number")
    }

    @Test func refusesZeroTooManyDecimalsAndImplausibleRates() throws {
        for zero in ["0", "0.0", "000", "0.00000000"] {
            let error = try #require(throws: LedgerError.self) { try Rate.parse(zero) }
            #expect(error.rule == .invalidRate)
            #expect(error.message == "rate '\(zero)' is zero")
        }
        let decimals = try #require(throws: LedgerError.self) { try Rate.parse("0.000000001") }
        #expect(decimals.message == "rate '0.000000001' has more than 8 decimals")
        // A billion dong per unit is refused; just under it is accepted.
        let billion = try #require(throws: LedgerError.self) { try Rate.parse("1000000000") }
        #expect(billion.message.contains("not plausible"))
        #expect(throws: LedgerError.self) { try Rate.parse("100000000000000000") }   // 18 digits: fits Int64
        let huge = try #require(throws: LedgerError.self) { try Rate.parse("99999999999999999999") }
        #expect(huge.rule == .invalidRate)
        #expect(huge.message == "rate '99999999999999999999' is too large")
    }

    @Test func equalRatesCompareAndHashEqualWhateverTheScale() throws {
        #expect(Rate(scaledValue: 2_275_000, scale: 2) == Rate(scaledValue: 22750, scale: 0))
        #expect(Set([try rate("23175.5"), try rate("23175.50000"), Rate(scaledValue: 231_755_000, scale: 4)]).count == 1)
        #expect(try rate("23175.49999999") < rate("23175.5"))
        #expect(try rate("9") < rate("10"))
        #expect(try !(rate("10.0") < rate("10")))
        #expect(try rate("0.00000001") < rate("1"))
    }

    // MARK: Conversion

    @Test func convertsExactly() throws {
        #expect(try rate("22750").convertToDong(usd(1_000_000)) == 227_500_000)   // 10,000.00 USD
        #expect(try rate("22750").convertToDong(usd(2)) == 455)
        #expect(try rate("23456.789").convertToDong(usd(12_345)) == 2_895_741)  // 2,895,740.60205
        #expect(try rate("26.12345678").convertToDong(usd(123_456_789)) == 32_251_181)  // 32,251,180.916…
        #expect(try rate("160.5").convertToDong(jpy(1_000)) == 160_500)
    }

    /// A tie goes to the even dong, both upwards and downwards, for either sign.
    @Test(arguments: [
        // (cents, rate, dong): 0.01 USD at 22750 is 227.5; 0.03 USD is 682.5.
        (Int64(1), "22750", Int64(228)), (3, "22750", 682),
        (-1, "22750", -228), (-3, "22750", -682),
        // 1.00 USD at 23175.5 is 23175.5; 3.00 USD is 69526.5.
        (100, "23175.5", 23176), (300, "23175.5", 69526), (-100, "23175.5", -23176), (-300, "23175.5", -69526),
        // At 1 dong per dollar: 1.5 → 2, 2.5 → 2, 3.5 → 4, and the mirror images.
        (150, "1", 2), (250, "1", 2), (350, "1", 4), (-150, "1", -2), (-250, "1", -2), (-350, "1", -4),
        // Not ties: the nearest dong.
        (149, "1", 1), (151, "1", 2), (251, "1", 3), (-251, "1", -3), (49, "1", 0), (-49, "1", 0),
        // 0.005 dong rounds to nothing.
        (1, "0.5", 0),
    ])
    func roundsHalfToEven(cents: Int64, rateText: String, dong: Int64) throws {
        #expect(try rate(rateText).convertToDong(usd(cents)) == dong)
    }

    @Test func divideRoundingHalfEven() {
        let cases: [(Int128, Int128, Int128)] = [
            (5, 2, 2), (7, 2, 4), (9, 2, 4), (-5, 2, -2), (-7, 2, -4), (-9, 2, -4),
            (1, 3, 0), (2, 3, 1), (-2, 3, -1), (-1, 3, 0), (0, 7, 0), (6, 3, 2), (-6, 3, -2),
            (15, 10, 2), (25, 10, 2), (-15, 10, -2), (-25, 10, -2), (26, 10, 3),
        ]
        for (numerator, denominator, expected) in cases {
            #expect(Rate.divideRoundingHalfEven(numerator, denominator) == expected, "\(numerator) / \(denominator)")
        }
    }

    /// One line carries at most 999,999,999,999,999 dong; the conversion says so instead of
    /// trapping, including right at the edge after rounding.
    @Test func resultPastTheLineLimitIsAnOverflowRefusal() throws {
        #expect(try rate("1").convertToDong(jpy(Amount.magnitudeMax)) == Amount.magnitudeMax)
        #expect(throws: LedgerError.self) { try rate("1").convertToDong(jpy(Amount.magnitudeMax + 1)) }
        // 999,999,999,999,999.4 rounds down to the limit; …999.5 is a tie that rounds to the
        // even 10^15, one past it.
        #expect(try rate("0.1").convertToDong(jpy(9_999_999_999_999_994)) == Amount.magnitudeMax)
        let tie = try #require(throws: LedgerError.self) { try rate("0.1").convertToDong(jpy(9_999_999_999_999_995)) }
        #expect(tie.rule == .overflow)
        #expect(tie.message.contains("more than one line can carry"))
        // 43,956,043,956.05 USD at 22750 is 1,000,000,000,000,137.5 dong; a cent less fits.
        #expect(try rate("22750").convertToDong(usd(4_395_604_395_604)) == 999_999_999_999_910)
        #expect(throws: LedgerError.self) { try rate("22750").convertToDong(usd(4_395_604_395_605)) }
        #expect(throws: LedgerError.self) { try rate("22750").convertToDong(usd(-4_395_604_395_605)) }
    }

    /// The largest inputs the types allow: the 128-bit product does not overflow, and the
    /// result is refused, never wrapped or trapped.
    @Test func extremeInputsAreRefusedNotTrapped() throws {
        let largest = try rate("999999999.99999999")
        for minor in [Int64.max, Int64.min, Int64.min + 1] {
            let error = try #require(throws: LedgerError.self) { try largest.convertToDong(usd(minor)) }
            #expect(error.rule == .overflow)
            let yen = try #require(throws: LedgerError.self) { try largest.convertToDong(jpy(minor)) }
            #expect(yen.rule == .overflow)
        }
    }

    @Test func impliedRate() throws {
        #expect(Rate.implied(dong: 227_500_000, by: usd(1_000_000)) == (try rate("22750")))
        #expect(Rate.implied(dong: 231_755, by: usd(1_000)) == (try rate("23175.5")))
        // 1 dong for 0.03 USD is 33.333… dong per dollar: no exact rate.
        #expect(Rate.implied(dong: 1, by: usd(3)) == nil)
        #expect(Rate.implied(dong: 0, by: usd(100)) == nil)
        #expect(Rate.implied(dong: 100, by: usd(-100)) == nil)
        // What the implied rate states, converting gives back.
        // 2,895,741 dong for 123.45 USD is 23,456.792…: no exact rate within eight decimals.
        #expect(Rate.implied(dong: 2_895_741, by: usd(12_345)) == nil)
        // 3 dong for 0.08 USD is exactly 37.5, and converting gives back the 3 dong.
        let implied = try #require(Rate.implied(dong: 3, by: usd(8)))
        #expect(implied == (try rate("37.5")))
        #expect(try implied.convertToDong(usd(8)) == 3)
    }

    // MARK: Canonical text read as stored

    /// `Rate.isCanonical` says of a text exactly whether it parses to a rate whose description
    /// is that very text: over every text of up to 5 characters from 0, 1, 5, 9 and '.', random
    /// longer ones, and the description of random rates.
    @Test func aTextIsCanonicalExactlyWhenItIsItsOwnDescription() throws {
        func agrees(_ text: String) -> Bool {
            let described = (try? Rate.parse(text))?.description
            let canonical = Array(text.utf8).withUnsafeBytes { Rate.isCanonical($0) }
            return canonical == (described == text)
        }
        let alphabet = Array("0123456789.")
        var texts = [""]
        var checked = 0, canonical = 0
        for _ in 1...5 {
            texts = texts.flatMap { text in ["0", "1", "5", "9", "."].map { text + $0 } }
            for text in texts {
                #expect(agrees(text), "\(text)")
                checked += 1
                if Array(text.utf8).withUnsafeBytes({ Rate.isCanonical($0) }) { canonical += 1 }
            }
        }
        var state: UInt64 = 2018
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<20_000 {
            let text = String((0..<(1 + next() % 20)).map { _ in alphabet[next() % alphabet.count] })
            #expect(agrees(text), "\(text)")
            let rate = Rate(scaledValue: Int64(1 + next() % 999_999_999), scale: next() % (Rate.scaleMax + 1))
            #expect(agrees(rate.description), "\(rate.description)")
            #expect(Array(rate.description.utf8).withUnsafeBytes { Rate.isCanonical($0) })
        }
        #expect(checked == 3_905 && canonical > 500)
    }
}
