/// The five kinds of account, which decide an account's normal side.
public enum AccountType: String, Sendable, CaseIterable {
    case asset
    case liability
    case netAssets = "net-assets"
    case revenue
    case expense

    /// Asset and expense accounts normally carry a debit balance; the others a credit balance.
    public var isDebitNormal: Bool { self == .asset || self == .expense }

    public var nameEnglish: String {
        switch self {
        case .asset: "Assets"
        case .liability: "Liabilities"
        case .netAssets: "Net assets"
        case .revenue: "Revenue"
        case .expense: "Expenses"
        }
    }

    public var nameVietnamese: String {
        switch self {
        case .asset: "Tài sản"
        case .liability: "Nợ phải trả"
        case .netAssets: "Tài sản thuần"
        case .revenue: "Thu"
        case .expense: "Chi"
        }
    }

    /// Parses `asset`, `liability`, `net-assets`, `revenue` or `expense`.
    public static func parse(_ text: String) throws -> AccountType {
        guard let type = AccountType(rawValue: text) else {
            throw LedgerError(.invalidAccount, LocalizedText("unknown account type '\(text)'", "không có loại tài khoản '\(text)'"),
                              hint: LocalizedText("use one of: \(allCases.map(\.rawValue).joined(separator: ", "))", "hãy dùng một trong: \(allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        return type
    }
}

/// An account of the chart, as stored.
public struct Account: Sendable, Equatable {
    public let id: Int64
    public let code: String
    public let nameVietnamese: String
    public let nameEnglish: String
    public let type: AccountType
    /// `VND`, or the foreign currency every line of this account carries.
    public let currency: Currency
    public let parentCode: String?
    /// The date from which the account accepts no entries, when closed.
    public let closedOn: LedgerDate?
    /// Whether the account has sub-accounts; entries post to the sub-accounts.
    public let isHeading: Bool

    public var isForeignCurrency: Bool { currency != .vnd }

    public func name(in language: Language) -> String { language == .vietnamese ? nameVietnamese : nameEnglish }
}

/// The two languages of every report and label.
public enum Language: String, Sendable, CaseIterable {
    case vietnamese = "vi"
    case english = "en"
}
