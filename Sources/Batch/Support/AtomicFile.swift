import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that a reader (or a process killed mid-write) sees either the old
/// content or the new one, never a mix: the bytes go to a temporary file in the same
/// folder, which is then renamed over the target (rename is atomic within a file system).
public enum AtomicFile {
    /// The suffix of temporary files; leftovers from a killed run are removed by `removeLeftovers`.
    public static let temporarySuffix = ".tonghop-tmp"

    /// Writes `bytes` to `path` through a temporary file and a rename. Creates the folder
    /// when it is missing (only then: the job writes thousands of files into a few folders).
    public static func write(_ bytes: [UInt8], to path: String) throws(BatchError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temp = folder + "/." + url.lastPathComponent + "." + String(getpid()) + temporarySuffix
        var fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 && errno == ENOENT {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .cannotWrite(path: folder, reason: "cannot create the folder")
            }
            fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        var ok = true
        bytes.withUnsafeBytes { buf in
            var off = 0
            while off < buf.count {
                let n = Glibc_write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { ok = false; return }
                off += n
            }
        }
        let err = errno
        close(fd)
        guard ok else {
            unlink(temp)
            throw .cannotWrite(path: path, reason: String(cString: strerror(err)))
        }
        guard rename(temp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw .cannotWrite(path: path, reason: reason)
        }
    }

    /// Writes `bytes` to `path` like `write`, unless the file there already holds exactly
    /// these bytes; then it is left alone (its inode and time too) and this returns false.
    /// A rerun whose outputs did not change creates no files: on a busy file system each
    /// creation costs far more than reading the old file back, and unchanged reports keep
    /// their modification time (a sync to the districts sends only what changed).
    @discardableResult
    public static func writeIfChanged(_ bytes: [UInt8], to path: String) throws(BatchError) -> Bool {
        if hasContent(bytes, at: path) { return false }
        try write(bytes, to: path)
        return true
    }

    /// Whether the regular file at `path` holds exactly `bytes` (false when it cannot be read).
    static func hasContent(_ bytes: [UInt8], at path: String) -> Bool {
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

    /// Copies a file atomically (read whole, write through a temporary file), unless the
    /// target already holds the same bytes (then this returns false).
    @discardableResult
    public static func copy(from source: String, to path: String) throws(BatchError) -> Bool {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw .cannotRead(path: source, reason: "cannot read the file")
        }
        return try writeIfChanged([UInt8](data), to: path)
    }

    /// Removes temporary files a killed run left in `folder` (not recursive).
    public static func removeLeftovers(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(temporarySuffix) {
            unlink(folder + "/" + name)
        }
    }
}

#if canImport(Glibc)
    @inline(__always) private func Glibc_write(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { Glibc.write(fd, p, n) }
#else
    @inline(__always) private func Glibc_write(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { Darwin.write(fd, p, n) }
#endif
