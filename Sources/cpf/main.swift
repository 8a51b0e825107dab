#if canImport(Glibc)
import Glibc
#endif
import CPFCommandLine
import FundLedger

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
// CPF_NOW fixes "now" (and so today's date) for the whole run: tests and reproducible demos.
if let fixed = environment["CPF_NOW"], !fixed.isEmpty {
    guard let moment = Timestamp.parse(fixed) else {
        StandardStream.error.write("cpf: CPF_NOW '\(fixed.prefix(40))' is not a moment like 2018-06-01T03:00:00.000Z\n")
        exit(2)
    }
    Timestamp.fixedNow = moment
}
let status = CommandLineTool.run(Array(CommandLine.arguments.dropFirst()), environment: environment)
exit(status)
