import Foundation
import Testing

/// The heavy suites — random books, a thousand tamper trials, a test that waits out a lock —
/// carry the tag `.heavy` and run unless `CPF_QUICK_TESTS=1`:
///
///     CPF_QUICK_TESTS=1 swift test      # the quick run, well under a minute
///     swift test                        # everything, as .ci/run does
extension Tag {
    @Tag public static var heavy: Self
}

public enum TestRun {
    /// Whether this is the quick run (`CPF_QUICK_TESTS=1`).
    public static let isQuick = ProcessInfo.processInfo.environment["CPF_QUICK_TESTS"] == "1"

    /// The trait of a heavy suite or test: tagged, and skipped in the quick run.
    public static var heavy: some SuiteTrait & TestTrait {
        ConditionTrait.enabled(if: !isQuick, "a heavy test, skipped when CPF_QUICK_TESTS=1")
    }
}
