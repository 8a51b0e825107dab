/// A refusal: the user asked for something the books cannot accept.
///
/// Every refusal names the rule it applies, says what is wrong, and says how to proceed.
/// Nothing has been written when a `LedgerError` is thrown. Messages never contain a
/// beneficiary code or any other child's data.
///
/// The library never spells how its client takes an input or an action: a message or hint
/// refers to them as typed pieces (`\(parameter: .reference)`, `\(action: .reverse)`), which
/// `explanation` and `remedy` word neutrally and a client words its own way with
/// `rendered(with:)` (`cpf` writes `--ref` and `cpf reverse`).
public struct LedgerError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The rule that refused, stable across versions (tests and scripts match on it).
    public let rule: Rule
    /// What is wrong, with the figures involved, in both languages.
    public let explanation: LocalizedText
    /// How to proceed, in both languages; empty when there is nothing to add.
    public let remedy: LocalizedText

    public init(_ rule: Rule, _ message: LocalizedText, hint: LocalizedText) {
        self.rule = rule
        self.explanation = message
        self.remedy = hint
    }

    /// What is wrong, in English (logs and tests); `explanation` has both languages.
    public var message: String { explanation.english }
    /// How to proceed, in English; `remedy` has both languages.
    public var hint: String { remedy.english }

    public var description: String { hint.isEmpty ? message : "\(message)\n  hint: \(hint)" }

    /// The refusal with the parameters and actions it refers to worded by `vocabulary`.
    public func rendered(with vocabulary: some ReferenceVocabulary) -> LedgerError {
        LedgerError(rule, explanation.rendered(with: vocabulary), hint: remedy.rendered(with: vocabulary))
    }

    /// The rules a refusal can name.
    public enum Rule: String, Sendable, CaseIterable {
        case invalidAmount = "invalid-amount"
        case invalidRate = "invalid-rate"
        case invalidDate = "invalid-date"
        case invalidText = "invalid-text"
        case overflow
        case tooFewLines = "too-few-lines"
        case tooManyLines = "too-many-lines"
        case unbalanced
        case unknownAccount = "unknown-account"
        case closedAccount = "closed-account"
        case headerAccount = "header-account"
        case accountExists = "account-exists"
        case invalidAccount = "invalid-account"
        case accountInUse = "account-in-use"
        case currencyMismatch = "currency-mismatch"
        case unknownCurrency = "unknown-currency"
        case missingRate = "missing-rate"
        case rateMismatch = "rate-mismatch"
        case rateExists = "rate-exists"
        case duplicateReference = "duplicate-reference"
        case unknownEntry = "unknown-entry"
        case alreadyReversed = "already-reversed"
        case notReversible = "not-reversible"
        case notALedger = "not-a-ledger"
        case ledgerExists = "ledger-exists"
        case schemaTooNew = "schema-too-new"
        case invalidChart = "invalid-chart"
        case invalidInput = "invalid-input"
        case unknownDimension = "unknown-dimension"
        case registryExists = "registry-exists"
        case restriction
        case overspent
        case insufficientFunds = "insufficient-funds"
        case insufficientGoods = "insufficient-goods"
        case valuationOrder = "valuation-order"
        case periodClosed = "period-closed"
        case approval
        case settings
        case busy
        case readOnly = "read-only"
        case factsAltered = "facts-altered"
        case damaged
        case noticeInvalid = "notice-invalid"
        case noticeAltered = "notice-altered"
        case noticeMisaddressed = "notice-misaddressed"
        case alreadyReceived = "already-received"
    }
}
