// No Foundation in XLSX: with it, the libxml2 headers (which include the system ICU's)
// and Foundation's own ICU module clash on a clean build.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that a reader (or a process killed mid-write) sees either the old
/// content or the new one, never a mix: the bytes go to a temporary file in the same
/// folder (`.<name>.XXXXXX.tonghop-tmp`), which is then renamed over the target (rename is
/// atomic within a file system). The one atomic writer: `WorkbookWriter.write(to:)`, the
/// job's outputs (Batch) and the CLI's `--output` files all go through it, so one sweep
/// (`removeLeftovers`) finds what any of them left behind when killed.
public enum AtomicFile {
    /// The suffix of temporary files; leftovers from a killed process are removed by `removeLeftovers`.
    public static let temporarySuffix = ".tonghop-tmp"

    /// A file being written: a temporary file beside its target, renamed over it by `commit`.
    public struct Pending: Sendable {
        /// The open temporary file (write to it; `commit` and `discard` close it unless told not to).
        public let fd: Int32
        /// The temporary file's path.
        public let temporaryPath: String
        /// The target.
        public let path: String

        /// Renames the temporary file over the target; on failure the temporary file is removed.
        /// `closing: false` when the caller already closed `fd` (through `fclose`).
        public func commit(closing: Bool = true) throws(XLSXWriteError) {
            if closing && close(fd) != 0 {
                let why = String(cString: strerror(errno))
                unlink(temporaryPath)
                throw .io(path: path, message: "cannot write: \(why)")
            }
            guard rename(temporaryPath, path) == 0 else {
                let why = String(cString: strerror(errno))
                unlink(temporaryPath)
                throw .io(path: path, message: "cannot rename the finished file into place: \(why)")
            }
        }

        /// Removes the temporary file (the target is left as it was).
        public func discard(closing: Bool = true) {
            if closing { close(fd) }
            unlink(temporaryPath)
        }
    }

    /// Creates the temporary file for `path` (mode 0644), creating the folder when it is
    /// missing (only then: the job writes thousands of files into a few folders).
    public static func begin(_ path: String) throws(XLSXWriteError) -> Pending {
        let folder: String
        if let slash = path.lastIndex(of: "/") {
            folder = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            folder = "."
        }
        let base = path.split(separator: "/").last.map(String.init) ?? path
        func create() -> (Int32, String) {
            var template = Array("\(folder)/.\(base).XXXXXX\(temporarySuffix)".utf8CString)
            let fd = template.withUnsafeMutableBufferPointer {
                mkstemps($0.baseAddress!, Int32(temporarySuffix.utf8.count))
            }
            let name = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            return (fd, name)
        }
        var (fd, temp) = create()
        if fd < 0 && errno == ENOENT {
            guard makeFolders(folder) else { throw .io(path: folder, message: "cannot create the folder") }
            (fd, temp) = create()
        }
        guard fd >= 0 else { throw .io(path: path, message: String(cString: strerror(errno))) }
        fchmod(fd, 0o644)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)  // mkostemps is not in Swift's Glibc module
        return Pending(fd: fd, temporaryPath: temp, path: path)
    }

    /// Writes `bytes` to `path` through a temporary file and a rename.
    public static func write(_ bytes: [UInt8], to path: String) throws(XLSXWriteError) {
        let pending = try begin(path)
        var ok = true
        bytes.withUnsafeBytes { buf in
            var off = 0
            while off < buf.count {
                let n = systemWrite(pending.fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { ok = false; return }
                off += n
            }
        }
        guard ok else {
            let why = String(cString: strerror(errno))
            pending.discard()
            throw .io(path: path, message: why)
        }
        try pending.commit()
    }

    /// Writes `bytes` to `path` like `write`, unless the file there already holds exactly
    /// these bytes; then it is left alone (its inode and time too) and this returns false.
    /// A rerun whose outputs did not change creates no files: on a busy file system each
    /// creation costs far more than reading the old file back, and unchanged reports keep
    /// their modification time (a sync to the districts sends only what changed).
    @discardableResult
    public static func writeIfChanged(_ bytes: [UInt8], to path: String) throws(XLSXWriteError) -> Bool {
        if hasContent(bytes, at: path) { return false }
        try write(bytes, to: path)
        return true
    }

    /// Whether the regular file at `path` holds exactly `bytes` (false when it cannot be read).
    public static func hasContent(_ bytes: [UInt8], at path: String) -> Bool {
        // O_NONBLOCK: a FIFO put where an output goes must not stall the run (it is then
        // not a regular file, so not a match, and the write replaces it).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == bytes.count else { return false }
        // Compared chunk by chunk: a large workbook is not read whole a second time.
        var chunk = [UInt8](repeating: 0, count: min(bytes.count, 1 << 16) + 1)
        var offset = 0
        return bytes.withUnsafeBytes { want in
            chunk.withUnsafeMutableBytes { buf in
                while true {
                    let n = read(fd, buf.baseAddress!, buf.count)
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 { return false }
                    if n == 0 { return offset == want.count }
                    guard offset + n <= want.count, memcmp(buf.baseAddress!, want.baseAddress! + offset, n) == 0 else { return false }
                    offset += n
                }
            }
        }
    }

    /// Removes temporary files a killed process left in `folder` (not recursive): this
    /// writer's (`.<name>.XXXXXX.tonghop-tmp`, and `.<name>.<pid>.tonghop-tmp` of earlier
    /// builds) and the workbook writer's of earlier builds (`.<name>.tmp-XXXXXX`).
    public static func removeLeftovers(in folder: String) {
        for name in names(in: folder) where name.hasPrefix(".") && (name.hasSuffix(temporarySuffix) || isLegacyWriterTemporary(name)) {
            unlink(folder + "/" + name)
        }
    }

    /// `.<name>.tmp-XXXXXX`: what `WorkbookWriter.write(to:)` left before it used this writer.
    static func isLegacyWriterTemporary(_ name: String) -> Bool {
        let b = Array(name.utf8)
        guard b.count >= 11 else { return false }
        let tail = b[(b.count - 6)...]
        return Array(b[(b.count - 11)..<(b.count - 6)]) == Array(".tmp-".utf8)
            && tail.allSatisfy { (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) }
    }

    /// The names in `folder` (empty when it cannot be read), `.` and `..` left out.
    static func names(in folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var out: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { out.append(name) }
        }
        return out
    }

    /// `mkdir -p`: creates `folder` and its missing parents; true when it exists after.
    static func makeFolders(_ folder: String) -> Bool {
        var st = stat()
        if stat(folder, &st) == 0 { return (st.st_mode & S_IFMT) == S_IFDIR }
        if let slash = folder.lastIndex(of: "/"), slash != folder.startIndex {
            guard makeFolders(String(folder[..<slash])) else { return false }
        }
        return mkdir(folder, 0o755) == 0 || errno == EEXIST
    }
}

#if canImport(Glibc)
    @inline(__always) private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { Glibc.write(fd, p, n) }
#else
    @inline(__always) private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { Darwin.write(fd, p, n) }
#endif
