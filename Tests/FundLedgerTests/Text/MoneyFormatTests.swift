import FundLedger
import Testing

/// Rates as each language writes them (`MoneyFormat.rate`): Vietnamese groups them
/// (`23.150`), English keeps the exact decimal the rate table records.
@Suite struct RateFormatTests {
    @Test(arguments: [("23150", "23.150", "23150"), ("23175.5", "23.175,5", "23175.5"), ("1.0837", "1,0837", "1.0837"),
                      ("150", "150", "150"), ("1234567.25", "1.234.567,25", "1234567.25")])
    func ratesInBothLanguages(text: String, vietnamese: String, english: String) throws {
        let rate = try Rate.parse(text)
        #expect(MoneyFormat.vietnamese.rate(rate) == vietnamese)
        #expect(MoneyFormat.english.rate(rate) == english)
    }
}
