#if canImport(Glibc)
import Glibc
#endif
import CPFCommandLine

/// `cpf`: the command line of the Child Protection Fund ledger. Everything happens in
/// CPFCommandLine and FundLedger; this only hands over the arguments and the environment.
var environment: [String: String] = [:]
var pointer = environ
while let entry = pointer.pointee {
    let text = String(cString: entry)
    if let equals = text.firstIndex(of: "=") {
        environment[String(text[..<equals])] = String(text[text.index(after: equals)...])
    }
    pointer += 1
}
let status = CommandLineTool.run(Array(CommandLine.arguments.dropFirst()), environment: environment)
exit(status)
