import CZlib

// The one Swift file that touches zlib. Everything else sees `Inflater`,
// `Deflater` and `CRC32`, never a C pointer or a zlib return code.

/// A failure inside zlib, with zlib's own message when it gave one.
public struct ZlibError: Error, Sendable, Equatable, CustomStringConvertible {
    /// zlib's return code (`Z_DATA_ERROR` is -3, `Z_MEM_ERROR` -4, ...).
    public let code: Int32
    /// zlib's message, or a description of the code.
    public let message: String
    public var description: String { "zlib error \(code): \(message)" }

    init(_ code: Int32, _ stream: UnsafeMutablePointer<z_stream>?) {
        self.code = code
        if let msg = stream?.pointee.msg {
            self.message = String(cString: msg)
        } else {
            switch code {
            case Z_DATA_ERROR: self.message = "invalid or corrupt deflate data"
            case Z_MEM_ERROR: self.message = "out of memory"
            case Z_BUF_ERROR: self.message = "truncated deflate data"
            case Z_STREAM_ERROR: self.message = "inconsistent stream state"
            default: self.message = "unexpected return code"
            }
        }
    }
}

/// CRC-32 as ZIP uses it (the zlib polynomial).
public enum CRC32 {
    /// Extends `crc` with `bytes`. Start from 0.
    public static func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return crc }
        var crc = UInt(crc)
        var p = base.assumingMemoryBound(to: Bytef.self)
        var left = bytes.count
        while left > 0 {
            let n = min(left, Int(UInt32.max >> 1))
            crc = CZlib.crc32(crc, p, uInt(n))
            p += n
            left -= n
        }
        return UInt32(truncatingIfNeeded: crc)
    }

    /// CRC-32 of a whole byte array.
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { update(0, $0) }
    }
}

/// Streaming raw-DEFLATE decompressor (no zlib or gzip header), as ZIP stores entries.
public final class Inflater {
    private let stream: UnsafeMutablePointer<z_stream>
    /// True once the end of the deflate stream was reached.
    public private(set) var finished = false

    /// Creates a decompressor for raw deflate data.
    public init() throws(ZlibError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let rc = tonghop_inflateInit2(stream, -MAX_WBITS)
        guard rc == Z_OK else {
            stream.deallocate()
            throw ZlibError(rc, nil)
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Decompresses from `input` into `output`.
    ///
    /// Returns how many input bytes were consumed and output bytes produced. Call again
    /// with the unconsumed input (and more) until `finished`. A call that consumes and
    /// produces nothing while input remains means the output buffer is too small or the
    /// data is truncated; callers decide which.
    public func inflate(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(ZlibError) -> (consumed: Int, produced: Int) {
        if finished { return (0, 0) }
        stream.pointee.next_in = UnsafeMutablePointer(
            mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(min(input.count, Int(UInt32.max)))
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(min(output.count, Int(UInt32.max)))
        let inBefore = Int(stream.pointee.avail_in)
        let outBefore = Int(stream.pointee.avail_out)
        let rc = CZlib.inflate(stream, Z_NO_FLUSH)
        let consumed = inBefore - Int(stream.pointee.avail_in)
        let produced = outBefore - Int(stream.pointee.avail_out)
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
        switch rc {
        case Z_OK: return (consumed, produced)
        case Z_STREAM_END:
            finished = true
            return (consumed, produced)
        case Z_BUF_ERROR: return (consumed, produced)  // no progress possible; caller decides
        default: throw ZlibError(rc == Z_NEED_DICT ? Z_DATA_ERROR : rc, stream)
        }
    }
}

/// Streaming raw-DEFLATE compressor (no zlib or gzip header), as ZIP stores entries.
public final class Deflater {
    private let stream: UnsafeMutablePointer<z_stream>
    /// True once `finish` was passed and all output was drained.
    public private(set) var finished = false

    /// Creates a compressor. `level` is 0 (store) to 9 (smallest); -1 is zlib's default (6).
    public init(level: Int = -1) throws(ZlibError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let rc = tonghop_deflateInit2(stream, Int32(level), -MAX_WBITS, 8, Z_DEFAULT_STRATEGY)
        guard rc == Z_OK else {
            stream.deallocate()
            throw ZlibError(rc, nil)
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    /// Compresses `input`, appending compressed bytes to `output`. Pass `finish: true`
    /// with the last input (which may be empty) to flush and end the stream.
    public func deflate(_ input: UnsafeRawBufferPointer, finish: Bool, into output: inout [UInt8])
        throws(ZlibError)
    {
        precondition(!finished, "Deflater used after finish")
        stream.pointee.next_in = UnsafeMutablePointer(
            mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let (rc, produced) = chunk.withUnsafeMutableBytes { buf -> (Int32, Int) in
                stream.pointee.next_out = buf.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = uInt(buf.count)
                let rc = CZlib.deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH)
                return (rc, buf.count - Int(stream.pointee.avail_out))
            }
            output.append(contentsOf: chunk[0..<produced])
            if rc == Z_STREAM_END { finished = true; break }
            guard rc == Z_OK || rc == Z_BUF_ERROR else { throw ZlibError(rc, stream) }
            if !finish && stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0 { break }
        }
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
    }

    /// Compresses a whole buffer in one call.
    public static func compress(_ bytes: [UInt8], level: Int = -1) throws(ZlibError) -> [UInt8] {
        let d = try Deflater(level: level)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 3 + 64)
        let failure: ZlibError? = bytes.withUnsafeBytes { buf in
            do throws(ZlibError) {
                try d.deflate(buf, finish: true, into: &out)
                return nil
            } catch { return error }
        }
        if let failure { throw failure }
        return out
    }
}
