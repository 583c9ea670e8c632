import Foundation
import Testing

@testable import Batch

@Suite struct RunLockTests {
    @Test func secondLockIsRefusedWithThePid() throws {
        let dir = TempFolder("lock")
        let lock = try RunLock.acquire(folder: dir.path + "/out")
        #expect(throws: BatchError.locked(path: dir.path + "/out/.tonghop.lock", pid: getpid())) {
            try RunLock.acquire(folder: dir.path + "/out")
        }
        lock.release()
        let again = try RunLock.acquire(folder: dir.path + "/out")
        again.release()
    }

    /// A released lock leaves no empty `.tonghop.lock` behind, and the next one is taken
    /// on a fresh file.
    @Test func releaseRemovesTheLockFile() throws {
        let dir = TempFolder("lock")
        let path = dir.path + "/out/.tonghop.lock"
        let lock = try RunLock.acquire(folder: dir.path + "/out")
        #expect(FileManager.default.fileExists(atPath: path))
        lock.release()
        #expect(!FileManager.default.fileExists(atPath: path))
        let again = try RunLock.acquire(folder: dir.path + "/out")
        #expect(RunLock.holder(folder: dir.path + "/out")?.pid == getpid())
        again.release()
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func staleLockFromADeadProcessIsRecovered() throws {
        let dir = TempFolder("lock")
        // A lock file left by a process that died: a pid, no flock held.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        writeFile(dir.path + "/.tonghop.lock", "\(p.processIdentifier)\n")
        let holder = try #require(RunLock.holder(folder: dir.path))
        #expect(holder.pid == p.processIdentifier && !holder.alive)
        let lock = try RunLock.acquire(folder: dir.path)
        #expect(RunLock.holder(folder: dir.path)?.pid == getpid())
        lock.release()
    }
}
