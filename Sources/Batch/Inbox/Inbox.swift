import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The folder districts drop their submissions into.
///
/// Only regular files directly in the folder (not in sub-folders) whose names end in
/// `.xlsx` or `.xlsm` (any case) are submissions, and so are the spreadsheet files a
/// district may send instead (`.xls`, `.xlsb`, `.ods`, `.csv`): they are read like the
/// others, found unreadable unless they are XLSX inside, and reported with the advice to
/// save them as .xlsx, so the unit shows as rejected, not missing. Office lock files (`~$x.xlsx`) and
/// dotfiles (`.x.xlsx`, editors' and our own temporary files) are ignored. Files are
/// listed by name, so every run sees them in the same order.
public enum Inbox {
    /// A file found in the inbox, before hashing.
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var path: String
        public var size: Int64
        /// Modification time, seconds since 1970, with sub-second precision when the file system keeps it.
        public var modified: Double
    }

    /// The extensions of submissions (see the type's documentation).
    public static let extensions = [".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv"]

    /// Whether a file name is a submission the job should read.
    public static func isSubmission(_ name: String) -> Bool {
        if name.hasPrefix(".") || name.hasPrefix("~$") { return false }
        let lower = name.lowercased()
        return extensions.contains { lower.hasSuffix($0) }
    }

    /// Lists the submissions in `folder`, sorted by name (byte order of the UTF-8 name).
    public static func scan(_ folder: String) throws(BatchError) -> [Entry] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw .configuration(path: folder, reason: "the inbox folder does not exist")
        }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            throw .cannotRead(path: folder, reason: "cannot list the inbox folder")
        }
        var entries: [Entry] = []
        for name in names where isSubmission(name) {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var st = stat()
            guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            #if canImport(Darwin)
                let mtime = Double(st.st_mtimespec.tv_sec) + Double(st.st_mtimespec.tv_nsec) / 1e9
            #else
                let mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
            #endif
            entries.append(Entry(name: name, path: path, size: Int64(st.st_size), modified: mtime))
        }
        return entries.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
    }

    /// Reads a file and returns its SHA-256 (lowercase hex).
    public static func hash(path: String) throws(BatchError) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotRead(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var hasher = ContentHash()
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            hasher.update(buf[0..<n])
        }
        return hasher.finalize()
    }
}
