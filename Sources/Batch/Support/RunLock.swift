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
/// next run simply takes it; the pid inside is only advisory. A run that ends removes the
/// file while it still holds the lock, so no empty lock file is left behind. Unlinking a
/// flock file would let a process that opened it just before lock an inode no longer in
/// the folder while a third one locks a new file; so after taking the flock, `acquire`
/// checks that the path still names the inode it locked, and starts again when not.
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
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let err = errno
                let holder = readPid(fd)
                close(fd)
                if err == EWOULDBLOCK { throw .locked(path: path, pid: holder) }
                throw .cannotWrite(path: path, reason: String(cString: strerror(err)))
            }
            // The holder before us may have removed the file between our open and our flock.
            guard isStillAt(path, fd) else {
                close(fd)
                continue
            }
            // We own it now; whatever pid was inside belonged to a finished or dead run.
            let text = Array("\(getpid())\n".utf8)
            _ = ftruncate(fd, 0)
            _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, 0) }
            return RunLock(path: path, fd: fd)
        }
    }

    /// Whether `path` names the file open as `fd` (same device and inode).
    private static func isStillAt(_ path: String, _ fd: Int32) -> Bool {
        var open = stat(), named = stat()
        guard fstat(fd, &open) == 0, stat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
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

    /// Removes the lock file and releases the lock (a process that dies leaves the file,
    /// and the kernel releases its lock).
    public func release() {
        guard fd >= 0 else { return }
        _ = unlink(path)  // while still locked: see the type's documentation
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
