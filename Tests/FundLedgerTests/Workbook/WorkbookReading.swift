import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import FundLedger

/// A minimal ZIP reader of the tests' own, written from APPNOTE.TXT and sharing no code with
/// `ZIPWriter`: it walks the central directory from the end record, checks each local header
/// against its directory entry, and checks every entry's CRC-32 with a bit-by-bit CRC.
struct ZIPArchive {
    struct Entry {
        let name: String
        let flags: UInt16
        let method: UInt16
        let time: UInt16
        let date: UInt16
        let crc: UInt32
        let data: Data
    }

    struct Damage: Error, CustomStringConvertible {
        let description: String
    }

    let entries: [Entry]
    /// The entries' data by name.
    var files: [String: Data] { Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0.data) }) }
    func text(_ name: String) -> String? { files[name].map { String(decoding: $0, as: UTF8.self) } }

    init(path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        func uint16(_ offset: Int) -> UInt16 { UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8 }
        func uint32(_ offset: Int) -> UInt32 { UInt32(uint16(offset)) | UInt32(uint16(offset + 2)) << 16 }
        // The end of central directory record: 22 bytes, here without a comment.
        guard bytes.count >= 22, uint32(bytes.count - 22) == 0x0605_4B50 else { throw Damage(description: "no end record at the end") }
        let end = bytes.count - 22
        let count = Int(uint16(end + 10))
        let directorySize = Int(uint32(end + 12))
        var offset = Int(uint32(end + 16))
        guard offset + directorySize == end, uint16(end + 8) == count else { throw Damage(description: "the end record does not match") }
        var entries: [Entry] = []
        for _ in 0..<count {
            guard uint32(offset) == 0x0201_4B50 else { throw Damage(description: "no central header at \(offset)") }
            let flags = uint16(offset + 8), method = uint16(offset + 10), time = uint16(offset + 12), date = uint16(offset + 14)
            let crc = uint32(offset + 16), compressed = Int(uint32(offset + 20)), size = Int(uint32(offset + 24))
            let nameLength = Int(uint16(offset + 28)), extraLength = Int(uint16(offset + 30)), commentLength = Int(uint16(offset + 32))
            let localOffset = Int(uint32(offset + 42))
            let nameBytes = Array(bytes[offset + 46..<offset + 46 + nameLength])
            let name = String(decoding: nameBytes, as: UTF8.self)
            // The local header says the same, with no data descriptor.
            guard uint32(localOffset) == 0x0403_4B50 else { throw Damage(description: "no local header for \(name)") }
            let localNameLength = Int(uint16(localOffset + 26)), localExtraLength = Int(uint16(localOffset + 28))
            guard uint16(localOffset + 6) == flags, flags & 0x0008 == 0, uint16(localOffset + 8) == method,
                  uint32(localOffset + 14) == crc, Int(uint32(localOffset + 18)) == compressed, Int(uint32(localOffset + 22)) == size,
                  Array(bytes[localOffset + 30..<localOffset + 30 + localNameLength]) == nameBytes else {
                throw Damage(description: "the local header of \(name) differs from its directory entry")
            }
            guard method == 0, compressed == size else { throw Damage(description: "\(name) is not stored") }
            let start = localOffset + 30 + localNameLength + localExtraLength
            let data = Array(bytes[start..<start + size])
            guard ZIPArchive.bitwiseCRC32(data) == crc else { throw Damage(description: "the CRC-32 of \(name) is wrong") }
            entries.append(Entry(name: name, flags: flags, method: method, time: time, date: date, crc: crc, data: Data(data)))
            offset += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// The CRC-32 of IEEE 802.3, one bit at a time: slow and obviously right.
    static func bitwiseCRC32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

/// A workbook read back: its sheets' cells, panes and columns, and its styles, parsed with
/// Foundation's XML parser (so every part is also shown to be well-formed XML).
struct WorkbookReading {
    struct Cell: Equatable {
        /// The `t` attribute: `inlineStr` for text, nil for a number.
        var type: String?
        var style = 0
        /// The `<v>` of a number.
        var value: String?
        /// The text of an inline string.
        var text: String?
        var hasFormula = false
    }

    struct Sheet {
        let name: String
        var cells: [String: Cell] = [:]
        /// The rows' numbers, in order, and each row's cell references.
        var rows: [(number: Int, references: [String])] = []
        var frozenRowCount: Int?
        var columnWidths: [Int: Double] = [:]

        /// A cell's shown content for machines: the text, or the number's `<v>`.
        func content(_ reference: String) -> String? { cells[reference].flatMap { $0.text ?? $0.value } }
    }

    let archive: ZIPArchive
    let sheets: [Sheet]
    /// Each cell style's number format code ("General" for 0) and whether its font is bold.
    let styles: [(formatCode: String, bold: Bool)]

    init(path: String) throws {
        let archive = try ZIPArchive(path: path)
        let files = archive.files
        let workbook = try XMLTree(files["xl/workbook.xml"] ?? Data())
        let names = workbook.all("sheet").map { $0.attributes["name"] ?? "" }
        self.archive = archive
        sheets = try names.enumerated().map { index, name in
            try WorkbookReading.sheet(name: name, files["xl/worksheets/sheet\(index + 1).xml"] ?? Data())
        }
        styles = try WorkbookReading.styles(files["xl/styles.xml"] ?? Data())
    }

    func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

    func formatCode(_ cell: Cell?) -> String? { cell.map { styles[$0.style].formatCode } }
    func isBold(_ cell: Cell?) -> Bool { cell.map { styles[$0.style].bold } ?? false }

    private static func sheet(name: String, _ data: Data) throws -> Sheet {
        let tree = try XMLTree(data)
        var sheet = Sheet(name: name)
        sheet.frozenRowCount = tree.all("pane").first { $0.attributes["state"] == "frozen" }.flatMap { $0.attributes["ySplit"] }.flatMap { Int($0) }
        for column in tree.all("col") {
            if let min = column.attributes["min"].flatMap({ Int($0) }), let width = column.attributes["width"].flatMap({ Double($0) }) {
                sheet.columnWidths[min] = width
            }
        }
        for row in tree.all("row") {
            var references: [String] = []
            for element in row.children where element.name == "c" {
                let reference = element.attributes["r"] ?? ""
                references.append(reference)
                var cell = Cell(type: element.attributes["t"], style: Int(element.attributes["s"] ?? "0") ?? 0)
                cell.value = element.children.first { $0.name == "v" }?.text
                cell.text = element.children.first { $0.name == "is" }?.children.first { $0.name == "t" }?.text
                cell.hasFormula = element.children.contains { $0.name == "f" }
                sheet.cells[reference] = cell
            }
            sheet.rows.append((Int(row.attributes["r"] ?? "0") ?? 0, references))
        }
        return sheet
    }

    private static func styles(_ data: Data) throws -> [(formatCode: String, bold: Bool)] {
        let tree = try XMLTree(data)
        var codes: [Int: String] = [0: "General"]
        for format in tree.all("numFmt") {
            if let id = format.attributes["numFmtId"].flatMap({ Int($0) }) { codes[id] = format.attributes["formatCode"] }
        }
        let fonts = tree.all("fonts").first?.children.filter { $0.name == "font" }.map { $0.children.contains { $0.name == "b" } } ?? []
        let xfs = tree.all("cellXfs").first?.children.filter { $0.name == "xf" } ?? []
        return xfs.map { xf in
            (codes[Int(xf.attributes["numFmtId"] ?? "0") ?? 0] ?? "?", fonts[Int(xf.attributes["fontId"] ?? "0") ?? 0])
        }
    }

    /// The serial day number of a date, by the tests' own count: days from 1899-12-30.
    static func serial(_ iso: String) -> Int {
        let date = try! LedgerDate.parse(iso)
        return date.daysSinceEpoch + 25_569
    }
}

/// An XML document as a tree of elements, parsed by Foundation's `XMLParser`.
final class XMLTree {
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Element] = []
        var text = ""
        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }
    }

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    let root: Element

    init(_ data: Data) throws {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw Malformed(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "empty")")
        }
        self.root = root
    }

    /// Every element named `name`, in document order.
    func all(_ name: String) -> [Element] {
        var found: [Element] = []
        func visit(_ element: Element) {
            if element.name == name { found.append(element) }
            element.children.forEach(visit)
        }
        visit(root)
        return found
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: Element?
        var stack: [Element] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let element = Element(name: elementName, attributes: attributes)
            if let parent = stack.last { parent.children.append(element) } else { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
