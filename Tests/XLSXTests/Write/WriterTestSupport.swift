import Foundation
import Testing

@testable import XLSX

/// Helpers for writer tests: sample workbooks, temporary folders, python3 + openpyxl,
/// LibreOffice, and unzip-free access to parts (through zlib, not our reader).
enum WriterTestSupport {
    /// A fresh temporary folder, removed by the caller with `remove`.
    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "tonghop-writer-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    /// Runs a program; returns exit status, stdout and stderr.
    @discardableResult
    static func run(_ executable: String, _ args: [String], stdin: String? = nil) -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let inPipe = Pipe()
        p.standardInput = inPipe
        do { try p.run() } catch { return (-1, "", "\(error)") }
        if let stdin { inPipe.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? inPipe.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    /// `/usr/bin/python3` (or from PATH) when it can import openpyxl; nil otherwise.
    static let python3WithOpenpyxl: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let fromPath = path.split(separator: ":").map { String($0) + "/python3" }
        for candidate in fromPath + ["/usr/bin/python3", "/usr/local/bin/python3"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            if run(candidate, ["-c", "import openpyxl"]).status == 0 { return candidate }
        }
        return nil
    }()

    /// `openxml-audit` (PyPI) on PATH, if installed.
    static let openxmlAudit: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { String($0) + "/openxml-audit" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The `soffice` binary, if installed.
    static let soffice: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let fromPath = path.split(separator: ":").map { String($0) + "/soffice" }
        for candidate in fromPath + ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return nil
    }()

    /// Runs a Python script (given as text) with arguments; returns stdout, failing the test on a non-zero exit.
    static func python(_ script: String, _ args: [String]) -> String? {
        guard let py = python3WithOpenpyxl else { return nil }
        let r = run(py, ["-c", script] + args)
        #expect(r.status == 0, "python failed: \(r.err)")
        return r.out
    }

    /// The parts of a ZIP archive written by ZipWriter, inflated (a tiny central-directory walk).
    static func parts(of zip: [UInt8]) throws -> [(path: String, bytes: [UInt8])] {
        func u16(_ o: Int) -> Int { Int(zip[o]) | Int(zip[o + 1]) << 8 }
        func u32(_ o: Int) -> Int { u16(o) | u16(o + 2) << 16 }
        func u64(_ o: Int) -> Int { u32(o) | u32(o + 4) << 32 }
        var eocd = zip.count - 22
        while eocd > 0 && u32(eocd) != 0x0605_4B50 { eocd -= 1 }
        var count = u16(eocd + 10)
        var cd = u32(eocd + 16)
        if cd == 0xFFFF_FFFF || count == 0xFFFF {
            let rec = u64(eocd - 20 + 8)
            count = u64(rec + 32)
            cd = u64(rec + 48)
        }
        var result: [(String, [UInt8])] = []
        for _ in 0..<count {
            let nameLen = u16(cd + 28)
            let extraLen = u16(cd + 30)
            let commentLen = u16(cd + 32)
            var csize = u32(cd + 20)
            var usize = u32(cd + 24)
            var local = u32(cd + 42)
            let name = String(decoding: zip[(cd + 46)..<(cd + 46 + nameLen)], as: UTF8.self)
            var e = cd + 46 + nameLen
            while e < cd + 46 + nameLen + extraLen {
                if u16(e) == 1 {
                    var o = e + 4
                    if usize == 0xFFFF_FFFF { usize = u64(o); o += 8 }
                    if csize == 0xFFFF_FFFF { csize = u64(o); o += 8 }
                    if local == 0xFFFF_FFFF { local = u64(o) }
                }
                e += 4 + u16(e + 2)
            }
            let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
            let inf = try Inflater()
            var out = [UInt8](repeating: 0, count: usize + 1)
            let data = Array(zip[dataStart..<(dataStart + csize)])
            let (_, produced) = try data.withUnsafeBytes { i in try out.withUnsafeMutableBytes { o in try inf.inflate(i, into: o) } }
            #expect(produced == usize && inf.finished, "\(name): inflated \(produced) of \(usize)")
            result.append((name, Array(out[0..<produced])))
            cd += 46 + nameLen + extraLen + commentLen
        }
        return result
    }

    /// One part's text.
    static func part(_ path: String, of zip: [UInt8]) throws -> String? {
        try parts(of: zip).first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }
}
