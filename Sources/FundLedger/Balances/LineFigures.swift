/// What the maintained totals read of a line: its ids and figures, never its texts.
///
/// A posted line (`PostedLine`) has them, and so has the line `verify` reads straight from
/// the file (`ChainScan.Line`), so the totals are summed by the same code either way.
protocol LineFigures {
    var accountID: Int64 { get }
    /// The account's code, for a refusal that names it.
    var accountCode: String { get }
    /// Signed: debit positive, credit negative.
    var amountDong: Int64 { get }
    /// The foreign amount in the currency's minor units, `nil` for a line in dong.
    var foreignMinorUnits: Int64? { get }
    /// The foreign currency's code, "" for a line in dong.
    var currencyCode: String { get }
    /// Each registry's id, `nil` for none.
    var funderID: Int64? { get }
    var grantID: Int64? { get }
    var programID: Int64? { get }
    var unitID: Int64? { get }
    var itemID: Int64? { get }
    var restriction: Restriction { get }
    var quantity: Int64? { get }
    var children: Int64? { get }
}

extension PostedLine: LineFigures {
    var accountID: Int64 { account.id }
    var accountCode: String { account.code }
    var foreignMinorUnits: Int64? { foreign?.amount.minorUnits }
    var currencyCode: String { foreign?.amount.currency.code ?? "" }
    var funderID: Int64? { funder?.id }
    var grantID: Int64? { grant?.id }
    var programID: Int64? { program?.id }
    var unitID: Int64? { unit?.id }
    var itemID: Int64? { item?.id }
}
