import Foundation
import Testing
import TestSupport

/// The README's command blocks run as written, each on a fresh ledger: every line that starts
/// with `cpf` (continuations joined, comments dropped) exits 0. A block that only works after
/// another, or only on the day it was written, fails here.
@Suite struct ReadmeBlockTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md").path

    /// The `cpf` commands of the code block that follows `heading`.
    static func commands(after heading: String) throws -> [[String]] {
        let text = try String(contentsOfFile: readme, encoding: .utf8)
        guard let start = text.range(of: heading), let open = text.range(of: "```\n", range: start.upperBound..<text.endIndex),
              let close = text.range(of: "```", range: open.upperBound..<text.endIndex) else { return [] }
        let block = text[open.upperBound..<close.lowerBound].replacingOccurrences(of: "\\\n", with: " ")
        return block.split(separator: "\n").compactMap { line in
            let words = shellWords(String(line))
            guard words.first == "cpf" else { return nil }
            return Array(words.dropFirst())
        }
    }

    /// Words as a shell splits them: spaces separate, double quotes group, `#` starts a comment.
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = [], current = "", quoted = false, inWord = false
        for character in line {
            if character == "\"" { quoted.toggle(); inWord = true; continue }
            if !quoted && character == "#" && !inWord { break }
            if !quoted && character == " " {
                if inWord { words.append(current); current = ""; inWord = false }
                continue
            }
            current.append(character)
            inWord = true
        }
        if inWord { words.append(current) }
        return words
    }

    @Test(arguments: ["## A short tour", "### Funders, grants, receipts and disbursements"])
    func aBlockRunsAsWrittenOnAFreshLedger(heading: String) throws {
        let commands = try ReadmeBlockTests.commands(after: heading)
        #expect(commands.count >= 6, "\(heading): \(commands)")
        let directory = TemporaryDirectory("cpf-readme")
        for var arguments in commands {
            // The tour names its file with --db; the other blocks use CPF_DB.
            if arguments.first == "--db" { arguments.removeFirst(2) }
            if arguments.first == "init" { continue }
            if !FileManager.default.fileExists(atPath: directory.file("fund.cpf")) {
                expectSuccess(try CPFRunner.run(["--db", "fund.cpf", "init", "--name", "Quỹ Bảo trợ trẻ em tỉnh Tây Ninh"], in: directory.path))
            }
            let result = try CPFRunner.run(["--db", "fund.cpf"] + arguments, in: directory.path)
            #expect(result.status == 0, "\(heading): cpf \(arguments.joined(separator: " "))\n\(result)")
        }
    }

    @Test func theTourReversesOnTheDayItSays() throws {
        let commands = try ReadmeBlockTests.commands(after: "## A short tour")
        let reverse = try #require(commands.first { $0.contains("reverse") })
        #expect(reverse.contains("--date"), "a reversal dated today would put a 2018 correction into today's books: \(reverse)")
    }
}
