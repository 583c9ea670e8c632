import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on a job's output folder, so two runs never overlap.
///
/// The lock is `flock(2)` on `<output>/.tonghop.lock`, which holds the owner's pid for
/// people and error messages. The kernel drops a flock when its process dies (even by
/// `kill -9`), so a lock file left by a dead process is stale by construction and the
/// next run simply takes it; the pid inside is only advisory. The file is never unlinked
/// (unlinking a flock file lets two processes lock two different inodes).
public final class RunLock: @unchecked Sendable {
    /// The lock file's name inside the output folder.
    public static let fileName = ".tonghop.lock"

    /// The lock file path.
    public let path: String
    private var fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    /// Takes the lock on `folder` (created if needed), or throws `.locked` naming the holder.
    public static func acquire(folder: String) throws(BatchError) -> RunLock {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: folder, reason: "cannot create the output folder")
        }
        let path = folder + "/" + fileName
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let err = errno
            let holder = readPid(fd)
            close(fd)
            if err == EWOULDBLOCK { throw .locked(path: path, pid: holder) }
            throw .cannotWrite(path: path, reason: String(cString: strerror(err)))
        }
        // We own it now; whatever pid was inside belonged to a finished or dead run.
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, 0) }
        return RunLock(path: path, fd: fd)
    }

    /// The pid written in a lock file, if any, and whether that process is alive
    /// (`kill(pid, 0)`); for messages and diagnostics.
    public static func holder(folder: String) -> (pid: Int32, alive: Bool)? {
        let fd = open(folder + "/" + fileName, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard let pid = readPid(fd) else { return nil }
        let alive = kill(pid, 0) == 0 || errno == EPERM
        return (pid, alive)
    }

    private static func readPid(_ fd: Int32) -> Int32? {
        var buf = [UInt8](repeating: 0, count: 32)
        let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, 31, 0) }
        guard n > 0 else { return nil }
        let text = String(decoding: buf[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text)
    }

    /// Releases the lock (also released by the kernel when the process exits).
    public func release() {
        guard fd >= 0 else { return }
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
