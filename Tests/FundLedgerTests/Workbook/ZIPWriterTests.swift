import Foundation
import Testing
@testable import FundLedger
import TestSupport

/// `ZIPWriter` (Sources/FundLedger/Workbook/ZIPWriter.swift, StagedOutputFile.swift): archives read
/// back by the tests' own reader (`ZIPArchive`: central directory, local headers, CRC-32 bit
/// by bit) and by Info-ZIP's `unzip -t` when it is installed; the 4 GiB refusal; and nothing
/// left behind by an archive that is not finished.
@Suite struct ZIPWriterTests {
    /// 2026-12-01 22:27:35 UTC.
    static let time = Timestamp(millisecondsSinceEpoch: 1_796_164_055_000)

    /// Bytes that are not all alike, so a misplaced byte changes the CRC.
    static func pattern(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) } }

    @Test func entriesReadBackWithTheirNamesContentsAndChecksums() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("archive.zip")
        // Three megabytes in odd pieces: past the 1 MiB buffer, so the local header is patched
        // in the file, not in the buffer.
        let large = ZIPWriterTests.pattern(3 * 1_048_576 + 17)
        let zip = try ZIPWriter(path: path, modifiedAt: ZIPWriterTests.time)
        try zip.addEntry("empty.txt", "")
        try zip.addEntry("Sổ nhật ký/tệp.xml", "<a>Quỹ</a>")
        try zip.beginEntry("large.bin")
        var offset = 0
        for size in [1, 7, 65_536, 1_048_576, 999_999].cycled(until: large.count) {
            let end = min(offset + size, large.count)
            try large[offset..<end].withUnsafeBytes { try zip.write($0) }
            offset = end
            if offset == large.count { break }
        }
        try zip.endEntry()
        #expect(!FileManager.default.fileExists(atPath: path), "the archive has its name only when finished")
        try zip.finish()

        let archive = try ZIPArchive(path: path)
        #expect(archive.entries.map(\.name) == ["empty.txt", "Sổ nhật ký/tệp.xml", "large.bin"])
        #expect(archive.text("empty.txt") == "")
        #expect(archive.text("Sổ nhật ký/tệp.xml") == "<a>Quỹ</a>")
        #expect(archive.files["large.bin"] == Data(large))
        #expect(archive.entries[0].crc == 0 && archive.entries[2].crc == ZIPArchive.bitwiseCRC32(large))
        // UTF-8 names (bit 11), stored, and the DOS date and time of 2026-12-01 22:27:34.
        for entry in archive.entries {
            #expect(entry.flags == 1 << 11 && entry.method == 0)
            #expect(entry.date == UInt16(2026 - 1980) << 9 | 12 << 5 | 1)
            #expect(entry.time == 22 << 11 | 27 << 5 | 35 / 2)
        }
        // Nothing but the archive is left in the directory.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["archive.zip"])
        try ZIPWriterTests.checkWithUnzip(path)
    }

    @Test func dosTimesOutsideTheirRangeAreTheFirstDayOf1980() {
        let (date, time) = ZIPWriter.dosDateTime(Timestamp(millisecondsSinceEpoch: 0))
        #expect(date == 1 << 5 | 1 && time == 0)
        let (leapDate, _) = ZIPWriter.dosDateTime(Timestamp(millisecondsSinceEpoch: Int64(LedgerDate(year: 2024, month: 2, day: 29)!.daysSinceEpoch) * 86_400_000))
        #expect(leapDate == UInt16(2024 - 1980) << 9 | 2 << 5 | 29)
    }

    /// An entry that would pass the limit (4 GiB, here made small) is refused by name, and no
    /// file is left: neither the archive nor its temporary file.
    @Test func anArchivePastTheLimitIsRefusedAndLeavesNothing() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("big.zip")
        do {
            let zip = try ZIPWriter(path: path, modifiedAt: ZIPWriterTests.time, byteCountLimit: 10_000)
            try zip.beginEntry("a.bin")
            try zip.write(ZIPWriterTests.pattern(5_000))
            let error = #expect(throws: LedgerError.self) { try zip.write(ZIPWriterTests.pattern(5_000)) }
            #expect(error?.rule == .overflow)
            #expect(error?.message.contains("would reach 4 GiB") == true)
            #expect(error?.explanation.vietnamese.contains("4 GiB") == true)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func anUnfinishedArchiveLeavesNothing() throws {
        let directory = TemporaryDirectory()
        do {
            let zip = try ZIPWriter(path: directory.file("unfinished.zip"), modifiedAt: ZIPWriterTests.time)
            try zip.addEntry("a.txt", "a")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func anArchiveInAMissingFolderIsRefused() {
        let error = #expect(throws: LedgerError.self) {
            _ = try ZIPWriter(path: "/nonexistent-folder-of-cpf/book.xlsx", modifiedAt: ZIPWriterTests.time)
        }
        #expect(error?.rule == .invalidInput)
        #expect(error?.message.hasPrefix("cannot create /nonexistent-folder-of-cpf/book.xlsx") == true)
    }

    /// `unzip -t` tests every entry's CRC; skipped with a note when Info-ZIP is not installed.
    static func checkWithUnzip(_ path: String) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") else {
            print("note: /usr/bin/unzip is not installed; the archive was checked by the tests' own reader only")
            return
        }
        let result = try CPFRunner.runProgram("/usr/bin/unzip", ["-t", path])
        #expect(result.status == 0, "\(result)")
        #expect(result.standardOutput.contains("No errors detected"), "\(result)")
    }
}

extension Array {
    /// The elements again and again, enough times for a total of `count` when summed.
    fileprivate func cycled(until count: Int) -> [Element] where Element == Int {
        var result: [Int] = []
        var total = 0
        while total < count {
            for element in self where total < count {
                result.append(element)
                total += element
            }
        }
        return result
    }
}
