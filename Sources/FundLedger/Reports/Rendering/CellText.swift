extension ReportCell {
    /// The cell as people read it, in `language`.
    func displayText(_ format: MoneyFormat, isPublic: Bool) -> String {
        switch self {
        case .empty: return ""
        case .text(let text): return text
        case .localized(let text): return text(format.language)
        case .dong(let dong): return format.number(dong)
        case .amount(let amount): return format.format(amount)
        case .count(let count): return format.number(count)
        case .children(let count): return isPublic ? PublishedCount(count).text(format) : format.number(count)
        case .withheldCount: return PublishedCount.withheld.text(format)
        case .percent(let part, let whole): return format.percentage(part, of: whole) ?? "—"
        case .date(let date): return format.format(date)
        case .identifier(let number): return String(number)
        }
    }

    /// The cell for machines (CSV): plain numbers without grouping, minor units written as
    /// an exact decimal, ISO dates.
    func machineText(isPublic: Bool) -> String {
        switch self {
        case .empty: return ""
        case .text(let text): return text
        case .localized(let text): return text.english
        case .dong(let dong): return String(dong)
        case .amount(let amount): return amount.decimalText
        case .count(let count): return String(count)
        case .children(let count): return isPublic ? PublishedCount(count).machineText : String(count)
        case .withheldCount: return PublishedCount.withheld.machineText
        case .percent(let part, let whole):
            guard whole != 0 else { return "" }
            return Amount.decimalText(Int64(Rate.divideRoundingHalfEven(Int128(part) * 1000, Int128(whole))), exponent: 1)
        case .date(let date): return date.iso
        case .identifier(let number): return String(number)
        }
    }
}

extension PublishedCount {
    /// As people read it: "0", "<5", "25", "(hidden)".
    func text(_ format: MoneyFormat) -> String {
        switch self {
        case .zero: return "0"
        case .fewerThanFive: return "<5"
        case .rounded(let value): return format.number(value)
        case .withheld: return LocalizedText("(hidden)", "(ẩn)")(format.language)
        }
    }

    /// For machines (CSV, JSON strings): "0", "<5", "25", "hidden".
    var machineText: String {
        switch self {
        case .zero: return "0"
        case .fewerThanFive: return "<5"
        case .rounded(let value): return String(value)
        case .withheld: return "hidden"
        }
    }
}
