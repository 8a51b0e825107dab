#if canImport(Glibc)
import Glibc
#endif
import FundLedger

/// Where a command writes: standard output for data, standard error for messages.
public protocol TextSink: AnyObject {
    func write(_ text: String)
}

/// The process's standard output or standard error, written with write(2): unbuffered, so
/// messages and data appear in the order they are written.
public final class StandardStream: TextSink, Sendable {
    private let descriptor: Int32

    public static let output = StandardStream(1)
    public static let error = StandardStream(2)

    private init(_ descriptor: Int32) { self.descriptor = descriptor }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    /// Whether the stream is a terminal (progress lines are shown only then).
    public var isTerminal: Bool { isatty(descriptor) != 0 }
}

/// Text kept in memory, for tests.
public final class BufferSink: TextSink {
    public private(set) var text = ""
    public init() {}
    public func write(_ text: String) { self.text += text }
}

/// What every command runs with: the environment, the output streams, the ledger path and
/// the acting user.
public final class CommandContext {
    public let environment: [String: String]
    let output: TextSink
    let errors: TextSink
    /// From `--db`, else `CPF_DB`.
    let databasePath: String?
    private let userOption: String?
    /// The language asked for by `--lang` or `CPF_LANG`, if any.
    private let chosenLanguage: Language?

    init(environment: [String: String], output: TextSink, errors: TextSink, databasePath: String?, user: String?, language: Language? = nil) {
        self.environment = environment
        self.output = output
        self.errors = errors
        self.databasePath = databasePath ?? environment["CPF_DB"].flatMap { $0.isEmpty ? nil : $0 }
        self.userOption = user
        self.chosenLanguage = language
    }

    /// Whether `--lang` was given on the command line (not only `CPF_LANG`): `cpf init` then
    /// makes it the new fund's language.
    var languageWasGiven = false

    /// The reader's language, for every message, help text and report: `--lang`, else
    /// `CPF_LANG`, else the fund's own setting (`cpf settings set language en`), else
    /// Vietnamese.
    lazy var language: Language = chosenLanguage
        ?? databasePath.flatMap { Ledger.preferredLanguage(at: $0) }
        ?? .vietnamese

    /// Who is acting: `--user`, else `CPF_USER`, else the operating system's login name.
    var user: String {
        if let userOption { return userOption }
        if let user = environment["CPF_USER"], !user.isEmpty { return user }
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
    }

    /// The ledger path, or a usage error saying how to give one.
    func requireDatabasePath() throws -> String {
        guard let databasePath else {
            throw UsageError(LocalizedText("no ledger file given: use --db PATH or set CPF_DB",
                                           "chưa chỉ ra tệp sổ: dùng --db ĐƯỜNG_DẪN hoặc đặt biến môi trường CPF_DB"))
        }
        return databasePath
    }

    /// The ledger, for a command that records something.
    func openLedger() throws -> Ledger {
        try Ledger.open(at: try requireDatabasePath())
    }

    /// The ledger opened read-only, for a command that only reads it (verify, audit, reports,
    /// listings, exports, seal, backup): it never writes the file, and works on a file or in a
    /// folder the user cannot write.
    func openLedgerForReading() throws -> Ledger {
        try Ledger.open(at: try requireDatabasePath(), readOnly: true)
    }

    /// Writes data to standard output, ending it with a line break unless it ends with one.
    /// The test is on the last scalar: Swift reads a CSV record's CRLF as one character, and
    /// `hasSuffix("\n")` would add a stray LF after it.
    func print(_ text: String) {
        writeOutput(text.isEmpty || text.unicodeScalars.last == "\n" ? text : text + "\n")
    }

    /// `--output FILE` of a command that prints in a chosen format: what it prints goes into
    /// that new file instead of standard output (`finishOutput`).
    var outputPath: String?
    private var outputFile: OutputFile?
    private var outputFailure: (any Error)?

    /// Set by `--bom`: the output's first write begins with a UTF-8 byte-order mark.
    var byteOrderMarkPending = false

    /// Writes data as it is — to standard output, or to the `--output` file — after the
    /// byte-order mark when one is pending.
    func writeOutput(_ text: String) {
        let text = byteOrderMarkPending ? "\u{FEFF}" + text : text
        byteOrderMarkPending = false
        guard let outputPath else { return output.write(text) }
        guard outputFailure == nil else { return }
        do {
            if outputFile == nil { outputFile = try OutputFile(path: outputPath) }
            try outputFile!.write(text)
        } catch {
            outputFailure = error
        }
    }

    /// Closes the `--output` file and confirms it on standard output; after a failure, removes
    /// what was written and throws.
    func finishOutput(succeeded: Bool) throws {
        guard let outputPath else { return }
        if let outputFailure {
            outputFile?.discard()
            throw outputFailure
        }
        guard let file = outputFile else { return }
        guard succeeded else { return file.discard() }
        try file.close()
        say(LocalizedText("Wrote \(outputPath).", "Đã ghi \(outputPath)."))
    }

    /// Writes a confirmation or other result text to standard output, in the reader's language
    /// (never into an `--output` file).
    func say(_ text: LocalizedText) {
        let text = text.rendered(with: .commandLine)(language)
        output.write(text.isEmpty || text.unicodeScalars.last == "\n" ? text : text + "\n")
    }

    /// Writes a message to standard error in the reader's language, with the parameters and
    /// actions a library text refers to written as `cpf`'s flags and commands.
    func message(_ text: LocalizedText) {
        messageVerbatim(text.rendered(with: .commandLine)(language))
    }

    /// Writes a message to standard error, with every control character but the line break
    /// shown escaped (`\u{1B}`): a message may quote a field of a file, and a crafted file
    /// must not drive the terminal.
    func messageVerbatim(_ text: String) {
        let text = CommandContext.escapingControls(text)
        errors.write(text.unicodeScalars.last == "\n" ? text : text + "\n")
    }

    /// `text` with C0 and C1 control characters (and DEL) other than the line break written as
    /// `\u{XX}`.
    static func escapingControls(_ text: String) -> String { TextRules.escapingControls(text) }
}
