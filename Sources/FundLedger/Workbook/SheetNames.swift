/// The names of a workbook's sheets, made acceptable to Excel from any title: at most 31
/// characters, none of `[ ] : * ? / \`, no apostrophe at either end, not empty, and no two
/// alike — Excel compares names without regard to case ("Excel specifications and limits";
/// Excel refuses such a workbook or repairs it).
struct SheetNames {
    /// Excel's longest sheet name, in UTF-16 code units.
    static let lengthMax = 31
    private static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Names taken, lowercased. Excel keeps "History" for its change tracking.
    private var taken: Set<String> = ["history"]
    private(set) var names: [String] = []

    /// A name for a new sheet from `title`: forbidden characters and control characters become
    /// spaces (runs of spaces one), the name is cut to 31 characters, and a name already taken
    /// gets ` (2)`, ` (3)`… (cut shorter to make room).
    ///
    /// - Parameter fallback: the name when nothing is left of `title`.
    mutating func add(_ title: String, fallback: String) -> String {
        var base = SheetNames.cleaned(title)
        if base.isEmpty { base = SheetNames.cleaned(fallback) }
        if base.isEmpty { base = "Sheet" }
        var name = SheetNames.cut(base, to: SheetNames.lengthMax)
        var number = 2
        while taken.contains(name.lowercased()) {
            let suffix = " (\(number))"
            name = SheetNames.cut(base, to: SheetNames.lengthMax - suffix.utf16.count) + suffix
            number += 1
        }
        taken.insert(name.lowercased())
        names.append(name)
        return name
    }

    static func cleaned(_ title: String) -> String {
        var result = ""
        var lastWasSpace = true
        for character in title {
            let blank = forbidden.contains(character) || character.isWhitespace
                || character.unicodeScalars.contains { $0.properties.generalCategory == .control || !XMLText.isAllowed($0) }
            if blank {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(character)
                lastWasSpace = false
            }
        }
        while result.last == " " || result.last == "'" { result.removeLast() }
        while result.first == "'" || result.first == " " { result.removeFirst() }
        return result
    }

    /// The longest prefix of whole characters within `count` UTF-16 code units, without a
    /// trailing space or apostrophe.
    static func cut(_ text: String, to count: Int) -> String {
        var result = ""
        var length = 0
        for character in text {
            length += character.utf16.count
            if length > count { break }
            result.append(character)
        }
        while result.last == " " || result.last == "'" { result.removeLast() }
        return result
    }
}
