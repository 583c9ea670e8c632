#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Random access to the bytes of an archive: a file read with `pread` (never loaded
/// whole) or a byte array already in memory.
final class ZipByteSource: @unchecked Sendable {
    private let fd: Int32
    private let memory: [UInt8]?
    /// Total size in bytes.
    let size: Int64

    /// Opens a file for reading.
    init(path: String) throws(XLSXError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw .io("cannot open: \(String(cString: strerror(errno)))")
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            close(fd)
            throw .io("cannot read: \(String(cString: strerror(errno)))")
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw .io("is a directory")
        }
        self.fd = fd
        self.memory = nil
        self.size = Int64(st.st_size)
    }

    /// Wraps bytes already in memory.
    init(bytes: [UInt8]) {
        self.fd = -1
        self.memory = bytes
        self.size = Int64(bytes.count)
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// Reads exactly `buffer.count` bytes at `offset`; throws `.truncated` when the source is shorter.
    func read(at offset: Int64, into buffer: UnsafeMutableRawBufferPointer) throws(XLSXError) {
        guard offset >= 0, offset <= size, Int64(buffer.count) <= size - offset else {
            throw .truncated("read past the end of the file")
        }
        if buffer.count == 0 { return }
        if let memory {
            memory.withUnsafeBytes { src in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[Int(offset)..<Int(offset) + buffer.count]))
            }
            return
        }
        var done = 0
        while done < buffer.count {
            let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if n < 0 {
                if errno == EINTR { continue }
                throw .io("cannot read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { throw .truncated("file shorter than expected") }
            done += n
        }
    }

    /// Reads `count` bytes at `offset` into a new array.
    func bytes(at offset: Int64, count: Int) throws(XLSXError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var failure: XLSXError?
        out.withUnsafeMutableBytes { buf in
            do throws(XLSXError) { try read(at: offset, into: buf) } catch { failure = error }
        }
        if let failure { throw failure }
        return out
    }
}

extension Array where Element == UInt8 {
    /// Little-endian integer at `offset` (caller checks bounds).
    @inline(__always) func le16(_ offset: Int) -> Int { Int(self[offset]) | Int(self[offset + 1]) << 8 }
    @inline(__always) func le32(_ offset: Int) -> Int {
        Int(self[offset]) | Int(self[offset + 1]) << 8 | Int(self[offset + 2]) << 16 | Int(self[offset + 3]) << 24
    }
    @inline(__always) func le64(_ offset: Int) -> UInt64 {
        UInt64(truncatingIfNeeded: le32(offset)) | UInt64(truncatingIfNeeded: le32(offset + 4)) << 32
    }
}
