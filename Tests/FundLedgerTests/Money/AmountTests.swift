import Testing
import FundLedger
import LedgerGenerator

/// Amount (Sources/FundLedger/Money/Amount.swift): strict parsing, text, checked addition.
@Suite struct AmountTests {
    private func refusal(_ text: String, allowNegative: Bool = false) throws -> LedgerError {
        try #require(throws: LedgerError.self) { try Amount.parse(text, allowNegative: allowNegative) }
    }

    // MARK: Accepted forms

    @Test(arguments: [
        ("10000.00 USD", Int64(1_000_000), "USD"),
        ("10000 USD", 1_000_000, "USD"),          // whole dollars: the cents are zero
        ("10000.5 USD", 1_000_050, "USD"),        // fewer decimals than the currency has
        ("0.01 USD", 1, "USD"),
        ("227500000 VND", 227_500_000, "VND"),
        ("1 VND", 1, "VND"),
        ("  100 VND\t", 100, "VND"),              // spaces and tabs around are trimmed
        ("100   VND", 100, "VND"),                // several spaces between number and code
        ("000100 VND", 100, "VND"),               // leading zeros
        ("160500 JPY", 160_500, "JPY"),           // a foreign currency with no minor unit
        ("12.34 EUR", 1_234, "EUR"),
        ("999999999999999 VND", 999_999_999_999_999, "VND"),   // the largest a line may carry
        ("9999999999999.99 USD", 999_999_999_999_999, "USD"),
    ])
    func acceptsPlainNumberAndCurrency(text: String, minorUnits: Int64, code: String) throws {
        let amount = try Amount.parse(text)
        #expect(amount.minorUnits == minorUnits)
        #expect(amount.currency.code == code)
    }

    /// Zero parses: whether a zero line is allowed is the posting rules' business
    /// (PostingTests shows the refusal there).
    @Test func zeroParses() throws {
        #expect(try Amount.parse("0 VND").isZero)
        #expect(try Amount.parse("0.00 USD") == Amount(minorUnits: 0, currency: .usd))
    }

    @Test func negativeOnlyWhenAllowed() throws {
        #expect(try Amount.parse("-100 VND", allowNegative: true) == .vnd(-100))
        #expect(try Amount.parse("-0.05 USD", allowNegative: true) == Amount(minorUnits: -5, currency: .usd))
        #expect(try Amount.parse("-999999999999999 VND", allowNegative: true).minorUnits == -Amount.magnitudeMax)
        let error = try refusal("-100 VND")
        #expect(error.rule == .invalidAmount)
        #expect(error.message == "amount '-100 VND' is negative")
        #expect(error.hint.contains("debit or credit"))
    }

    // MARK: Refused forms

    @Test(arguments: ["227,500,000 VND", "227.500.000 VND", "1,000.00 USD", "1.000.000,00 USD", "1,5 USD"])
    func refusesGroupingSeparators(text: String) throws {
        let error = try refusal(text)
        #expect(error.rule == .invalidAmount)
        #expect(error.message == "amount '\(text)' has grouping separators")
    }

    /// `227.500 VND` is read by a Vietnamese as 227,500 dong: the refusal says so.
    @Test func refusesDotThatLooksLikeAThousandsSeparatorOnDong() throws {
        let error = try refusal("227.500 VND")
        #expect(error.rule == .invalidAmount)
        #expect(error.message == "amount '227.500 VND' has decimals, but VND has no minor unit ('.' here looks like a thousands separator)")
        #expect(error.hint.contains("'227500 VND'"))
        let decimals = try refusal("100.5 VND")
        #expect(decimals.message == "amount '100.5 VND' has decimals, but VND has no minor unit")
        #expect(try refusal("5.0 JPY").message.contains("JPY has no minor unit"))
    }

    @Test func refusesMoreDecimalsThanTheCurrencyHas() throws {
        let error = try refusal("100.001 USD")
        #expect(error.rule == .invalidAmount)
        #expect(error.message == "amount '100.001 USD' has 3 decimals; USD has 2")
        #expect(error.hint.contains("never guesses"))
        // Trailing zeros are decimals too: the ledger does not drop them for the user.
        #expect(try refusal("100.000 USD").message.contains("3 decimals"))
    }

    @Test func refusesMissingCurrency() throws {
        let error = try refusal("100")
        #expect(error.rule == .invalidAmount)
        #expect(error.message == "amount '100' has no currency")
        #expect(error.hint.contains("'100 VND'"))
        #expect(try refusal("10000.00").message == "amount '10000.00' has no currency")
    }

    @Test(arguments: ["", "   ", "VND", "100VND", "100 VND extra", "1 000 VND", "one hundred VND"])
    func refusesWhatIsNotANumberAndACode(text: String) throws {
        let error = try refusal(text)
        #expect(error.rule == .invalidAmount)
        #expect(error.message == "amount '\(text)' is not a number followed by a currency code")
    }

    @Test func refusesCurrencyWrittenFirst() throws {
        let error = try refusal("VND 100")
        #expect(error.rule == .invalidAmount)
        #expect(error.message == "amount 'VND 100' puts the currency first")
        #expect(error.hint == "write the number first: '100 VND'")
    }

    @Test(arguments: ["100 XYZ", "100 vnd", "100 Usd", "100 US$", "100 ₫", "100 VN"])
    func refusesUnknownOrLowercaseCurrency(text: String) throws {
        let error = try refusal(text)
        #expect(error.rule == .unknownCurrency)
        let code = String(text.split(separator: " ")[1])
        #expect(error.message == "unknown currency '\(code)' in amount '\(text)'")
        #expect(error.hint.contains("VND, USD"))
    }

    @Test(arguments: ["1e5 VND", "1E5 VND", "1.5e2 USD", "0x10 VND", "+100 VND", ".5 USD", "5. USD", "--5 VND",
                      "1_000 VND", "١٠٠ VND", "１００ VND", "NaN USD", "inf VND", "12a VND"])
    func refusesExponentsSignsAndOtherDigits(text: String) throws {
        let error = try refusal(text, allowNegative: true)
        #expect(error.rule == .invalidAmount)
        #expect(error.message == "amount '\(text)' is not a plain decimal number")
    }

    @Test(arguments: ["1000000000000000 VND", "10000000000000.00 USD", "99999999999999999999 VND",
                      "9223372036854775808 VND", "123456789012345678901234567890 VND"])
    func refusesAmountsPastTheLineLimitAsOverflow(text: String) throws {
        let error = try refusal(text)
        #expect(error.rule == .overflow)
        #expect(error.message.hasPrefix("amount '\(text)' is too large"))
        let code = text.hasSuffix("USD") ? "9999999999999.99 USD" : "999999999999999 VND"
        #expect(error.message.hasSuffix("the most one line can carry is \(code)"))
        // The negative form overflows the same way when negatives are allowed.
        #expect(try refusal("-" + text, allowNegative: true).rule == .overflow)
    }

    // MARK: Text

    @Test func descriptionAndDecimalText() {
        #expect(Amount(minorUnits: 1_000_000, currency: .usd).description == "10000.00 USD")
        #expect(Amount(minorUnits: 5, currency: .usd).description == "0.05 USD")
        #expect(Amount(minorUnits: -5, currency: .usd).description == "-0.05 USD")
        #expect(Amount(minorUnits: -100, currency: .usd).decimalText == "-1.00")
        #expect(Amount.vnd(-227_500_000).description == "-227500000 VND")
        #expect(Amount.vnd(0).description == "0 VND")
        #expect(Amount(minorUnits: Int64.min, currency: .usd).decimalText == "-92233720368547758.08")
    }

    /// What `description` writes, `parse` reads back (the CLI echoes amounts the user may
    /// paste back in).
    @Test func descriptionParsesBackToTheSameAmount() throws {
        var random = RepeatableRandomNumberGenerator(seed: 41)
        let currencies = Currency.known
        for _ in 0..<2_000 {
            let currency = currencies[Int.random(in: 0..<currencies.count, using: &random)]
            let digits = Int.random(in: 0...15, using: &random)
            var magnitude: Int64 = 0
            for _ in 0..<digits { magnitude = magnitude * 10 + Int64.random(in: 0...9, using: &random) }
            let amount = Amount(minorUnits: Bool.random(using: &random) ? magnitude : -magnitude, currency: currency)
            #expect(try Amount.parse(amount.description, allowNegative: true) == amount)
        }
    }

    // MARK: Arithmetic

    @Test func addingIsExact() throws {
        #expect(try Amount.vnd(227_500_000).adding(.vnd(-27_500_000)) == .vnd(200_000_000))
        #expect(try Amount(minorUnits: 1, currency: .usd).adding(Amount(minorUnits: 99, currency: .usd)).description == "1.00 USD")
        #expect(Amount.vnd(7).negated == .vnd(-7))
        #expect(Amount.vnd(-1).isNegative && !Amount.vnd(0).isNegative)
    }

    @Test func addingPastInt64IsAnOverflowRefusalNotATrap() throws {
        let up = try #require(throws: LedgerError.self) { try Amount.vnd(Int64.max).adding(.vnd(1)) }
        #expect(up.rule == .overflow)
        #expect(up.message.contains("beyond what the ledger can hold"))
        let down = try #require(throws: LedgerError.self) { try Amount.vnd(Int64.min).adding(.vnd(-1)) }
        #expect(down.rule == .overflow)
        // Right at the edge still adds.
        #expect(try Amount.vnd(Int64.max - 1).adding(.vnd(1)) == .vnd(Int64.max))
    }

    @Test func currenciesFollowISO4217() throws {
        #expect(Currency.named("VND")?.exponent == 0)
        #expect(Currency.named("USD")?.exponent == 2)
        #expect(Currency.named("JPY")?.exponent == 0)
        #expect(Currency.named("KRW")?.exponent == 0)
        #expect(Currency.named("usd") == nil)
        #expect(Currency.vnd.isFunctional && !Currency.usd.isFunctional)
        #expect(Set(Currency.known.map(\.code)).count == Currency.known.count)
    }
}
