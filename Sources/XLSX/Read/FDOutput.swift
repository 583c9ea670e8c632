#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A write buffer over a file descriptor, flushed every 64 KiB.
final class FDOutput {
    private let fd: Int32
    private var buffer: [UInt8] = []

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    @inline(__always) func append(_ byte: UInt8) throws(XLSXError) {
        buffer.append(byte)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func append(_ s: String) throws(XLSXError) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func flush() throws(XLSXError) {
        var failure: XLSXError?
        buffer.withUnsafeBytes { b in
            var off = 0
            while off < b.count {
                let n = write(fd, b.baseAddress! + off, b.count - off)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    failure = .io("cannot write output: \(String(cString: strerror(errno)))")
                    return
                }
                off += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
        if let failure { throw failure }
    }
}
