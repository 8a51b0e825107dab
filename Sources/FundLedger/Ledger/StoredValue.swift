/// A value read back from the file that only cpf writes: it either is one cpf writes or the
/// read stops with a named error. Damaged data is a finding, never a default: a funder whose
/// kind was changed to something cpf never writes is not read as "other", nor a grant status
/// as "active".
enum StoredValue {
    static func decode<Value: RawRepresentable>(_ type: Value.Type, _ text: String, _ place: String) throws -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: text) else { throw damaged(place, text) }
        return value
    }

    /// A date cpf wrote (`YYYY-MM-DD`), or `nil` for NULL; anything else is damage.
    static func date(_ text: String?, _ place: String) throws -> LedgerDate? {
        guard let text else { return nil }
        do { return try LedgerDate.parse(text) } catch { throw damaged(place, text) }
    }

    /// The refusal for `text` found at `place` (`table.column`).
    static func damaged(_ place: String, _ text: String) -> LedgerError {
        LedgerError(.damaged, LocalizedText("\(place) holds '\(text.prefix(40))', which cpf never writes: the ledger was changed outside cpf", "\(place) chứa '\(text.prefix(40))', giá trị mà cpf không bao giờ ghi: sổ đã bị sửa ngoài cpf"),
                    hint: LocalizedText("restore the ledger from a backup (\(action: .backup)); \(action: .verify, quoted: true) lists what else changed", "hãy khôi phục sổ từ bản sao lưu (\(action: .backup)); \(action: .verify, quoted: true) liệt kê những gì khác đã bị thay đổi"))
    }
}
