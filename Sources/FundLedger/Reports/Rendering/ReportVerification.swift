extension Report {
    /// How the reader of a document that leaves the fund checks the books it came from: the
    /// verification at the chain head the report was made at (`cpf`: `cpf verify --at SEQ
    /// --digest HEX`).
    public var verificationText: LocalizedText {
        LocalizedText("Check with: \(action: .verify, "\(parameter: .chainPosition, "\(headSeq)") \(parameter: .digest, "\(headHash.hexString)")")",
                      "Kiểm tra: \(action: .verify, "\(parameter: .chainPosition, "\(headSeq)") \(parameter: .digest, "\(headHash.hexString)")")")
    }

    /// The report with the parameters and actions its notes and digest text refer to worded
    /// by `vocabulary`.
    public func rendered(with vocabulary: some ReferenceVocabulary) -> Report {
        var report = self
        report.notes = notes.map { $0.rendered(with: vocabulary) }
        report.digestText = digestText?.rendered(with: vocabulary)
        return report
    }
}
