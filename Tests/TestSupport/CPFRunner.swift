import Foundation

/// Runs the built `cpf` executable and captures what it writes, as swift-argument-parser's
/// `AssertExecuteCommand` does.
public struct CPFResult: CustomStringConvertible {
    public let status: Int32
    public let standardOutput: String
    public let standardError: String

    public var description: String { "exit \(status)\n--- stdout\n\(standardOutput)--- stderr\n\(standardError)" }
}

public enum CPFRunner {
    /// The `cpf` binary next to the test bundle (`.build/<triple>/debug/cpf`).
    public static var executablePath: String {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("cpf").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        for candidate in [".build/debug/cpf", ".build/release/cpf"] where FileManager.default.isExecutableFile(atPath: candidate) {
            return FileManager.default.currentDirectoryPath + "/" + candidate
        }
        fatalError("cannot find the cpf executable near \(CommandLine.arguments[0])")
    }

    /// Runs `cpf arguments…` in `directory` with a clean environment plus `environment`.
    /// `CPF_USER` defaults to `tester`.
    @discardableResult
    public static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
                           input: String? = nil) throws -> CPFResult {
        var environmentValues = ["PATH": "/usr/bin:/bin", "CPF_USER": "tester", "LANG": "C.UTF-8", "CPF_LANG": "en"]
        for (key, value) in environment { environmentValues[key] = value }
        return try runProgram(executablePath, arguments, in: directory, environment: environmentValues, input: input)
    }

    /// Runs any program and captures what it writes; `environment` `nil` inherits this process's.
    public static func runProgram(_ executable: String, _ arguments: [String], in directory: String? = nil,
                                  environment: [String: String]? = nil, input: String? = nil) throws -> CPFResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        if let input {
            let inputPipe = Pipe()
            process.standardInput = inputPipe
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            inputPipe.fileHandleForWriting.closeFile()
        }
        try process.run()
        // Read both pipes before waiting, so a large output cannot fill a pipe and block.
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            errorData = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CPFResult(status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
                         standardError: String(decoding: errorData, as: UTF8.self))
    }
}
