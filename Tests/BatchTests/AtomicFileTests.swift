import Foundation
import Testing

@testable import Batch
import XLSX

@Suite struct AtomicFileTests {
    private func inode(_ path: String) -> UInt64? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.systemFileNumber] as? UInt64
    }

    @Test func identicalBytesLeaveTheFileAlone() throws {
        let dir = TempFolder("atomic")
        let path = dir.path + "/report.html"
        #expect(try AtomicFile.writeIfChanged(Array("one".utf8), to: path))
        let first = inode(path)
        #expect(try !AtomicFile.writeIfChanged(Array("one".utf8), to: path))
        #expect(inode(path) == first, "an identical output must not be replaced")
        // Same size, other bytes: replaced (by a rename, so a new inode).
        #expect(try AtomicFile.writeIfChanged(Array("two".utf8), to: path))
        #expect(readBytes(path) == Array("two".utf8) && inode(path) != first)
        // Longer and shorter.
        #expect(try AtomicFile.writeIfChanged(Array("two and more".utf8), to: path))
        #expect(try AtomicFile.writeIfChanged([], to: path))
        #expect(readBytes(path) == [])
        #expect(try !AtomicFile.writeIfChanged([], to: path))
    }

    @Test func comparesLargeFilesChunkByChunk() throws {
        let dir = TempFolder("atomic")
        let path = dir.path + "/big.xlsx"
        var bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(try AtomicFile.writeIfChanged(bytes, to: path))
        #expect(try !AtomicFile.writeIfChanged(bytes, to: path))
        bytes[250_000] ^= 1  // a difference past the first chunks
        #expect(try AtomicFile.writeIfChanged(bytes, to: path))
        #expect(readBytes(path) == bytes)
    }

    @Test func aFolderInTheWayIsAnErrorNotAMatch() throws {
        let dir = TempFolder("atomic")
        let path = dir.sub("taken")
        #expect(throws: XLSXWriteError.self) { try AtomicFile.writeIfChanged([], to: path) }
    }

    @Test func onlyARegularFileCanMatch() throws {
        // A FIFO is empty and has size 0 like the empty output: it must not count as the
        // output (nor stall the comparison), and the write replaces it with the file.
        let dir = TempFolder("atomic")
        let path = dir.path + "/report.json"
        #expect(mkfifo(path, 0o644) == 0)
        #expect(try AtomicFile.writeIfChanged([], to: path))
        let type = try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
        #expect(type == .typeRegular)
    }

    @Test func copySkipsAnIdenticalTarget() throws {
        let dir = TempFolder("atomic")
        writeFile(dir.path + "/in.xlsx", "PK data")
        #expect(try AtomicFile.copy(from: dir.path + "/in.xlsx", to: dir.path + "/out/in.xlsx"))
        #expect(try !AtomicFile.copy(from: dir.path + "/in.xlsx", to: dir.path + "/out/in.xlsx"))
        #expect(readBytes(dir.path + "/out/in.xlsx") == Array("PK data".utf8))
    }

    /// One writer, one sweep: a killed `WorkbookWriter.write(to:)` leaves the same kind of
    /// temporary file as the job's outputs, and the job's sweep removes both (and the
    /// writer's files of earlier builds); nothing else is touched.
    @Test func theSweepFindsEveryWritersLeftovers() throws {
        let dir = TempFolder()
        let pending = try AtomicFile.begin(dir.path + "/TongHop.xlsx")
        #expect(pending.temporaryPath.hasPrefix(dir.path + "/.TongHop.xlsx.") && pending.temporaryPath.hasSuffix(".tonghop-tmp"))
        close(pending.fd)  // killed here: never committed
        let workbook = WorkbookWriter()
        _ = try workbook.addWorksheet("S")
        try workbook.write(to: dir.path + "/book.xlsx")
        writeFile(dir.path + "/.old.xlsx.tmp-a1B2c3", "legacy")
        writeFile(dir.path + "/.keep.tmp-toolong7", "not ours")
        writeFile(dir.path + "/keep.xlsx", "kept")
        AtomicFile.removeLeftovers(in: dir.path)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(left == [".keep.tmp-toolong7", "book.xlsx", "keep.xlsx"])
    }
}
