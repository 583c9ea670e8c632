/// Reads one ZIP entry in chunks: stored bytes are copied, deflated bytes inflated.
/// Never produces more than the declared size; checks size and CRC-32 at the end.
final class ZipEntryReader {
    private let source: ZipByteSource
    private let entry: ZipEntry
    private var position: Int64
    private var compressedLeft: Int64
    private let inflater: Inflater?
    private var input: [UInt8]
    private var inputStart = 0, inputEnd = 0
    private var crc: UInt32 = 0
    private var produced: Int64 = 0
    private var done = false
    private let minRatio: Double
    private let ratioThreshold: Int64

    init(source: ZipByteSource, entry: ZipEntry, dataStart: Int64, limits: ReaderLimits) throws(XLSXError) {
        self.source = source
        self.minRatio = limits.minCompressionRatio
        self.ratioThreshold = limits.ratioCheckThreshold
        self.entry = entry
        self.position = dataStart
        self.compressedLeft = entry.compressedSize
        if entry.method == 8 {
            do { inflater = try Inflater() } catch { throw .inflateFailed(error.message, part: entry.name) }
            input = [UInt8](repeating: 0, count: Int(min(max(entry.compressedSize, 1), 64 * 1024)))
        } else {
            inflater = nil
            input = []
        }
    }

    /// Fills `buffer` with the next bytes; returns 0 at the end (after checking size and CRC).
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(XLSXError) -> Int {
        if done || buffer.count == 0 { return 0 }
        guard let inflater else {
            let n = Int(min(Int64(buffer.count), compressedLeft))
            if n == 0 { try finish(); return 0 }
            let out = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<n])
            try source.read(at: position, into: out)
            position += Int64(n)
            compressedLeft -= Int64(n)
            return try account(UnsafeRawBufferPointer(out))
        }
        while true {
            if inputStart == inputEnd && compressedLeft > 0 {
                let n = Int(min(Int64(input.count), compressedLeft))
                var failure: XLSXError?
                input.withUnsafeMutableBytes { buf in
                    do throws(XLSXError) {
                        try source.read(at: position, into: UnsafeMutableRawBufferPointer(rebasing: buf[0..<n]))
                    } catch { failure = error }
                }
                if let failure { throw failure }
                position += Int64(n)
                compressedLeft -= Int64(n)
                inputStart = 0
                inputEnd = n
            }
            let result: Result<(consumed: Int, produced: Int), ZlibError> = input.withUnsafeBytes { inBuf in
                do throws(ZlibError) {
                    return .success(
                        try inflater.inflate(UnsafeRawBufferPointer(rebasing: inBuf[inputStart..<inputEnd]), into: buffer))
                } catch { return .failure(error) }
            }
            let (consumed, n): (Int, Int)
            switch result {
            case .success(let r): (consumed, n) = r
            case .failure(let e): throw .inflateFailed(e.message, part: entry.name)
            }
            inputStart += consumed
            if n > 0 {
                return try account(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            }
            if inflater.finished { try finish(); return 0 }
            if consumed == 0 && inputStart == inputEnd && compressedLeft == 0 {
                throw .inflateFailed("deflate data ends early (truncated)", part: entry.name)
            }
        }
    }

    private func account(_ bytes: UnsafeRawBufferPointer) throws(XLSXError) -> Int {
        produced += Int64(bytes.count)
        if produced > entry.uncompressedSize {
            throw .corruptZip("entry is larger than its declared size \(entry.uncompressedSize)", part: entry.name)
        }
        // The ratio is checked as data comes (as Apache POI does), so a bomb stops early
        // whatever its headers say, and a DTD at the start of a part is reported first.
        if produced > ratioThreshold {
            let consumed = entry.compressedSize - compressedLeft - Int64(inputEnd - inputStart)
            let ratio = Double(consumed) / Double(produced)
            if ratio < minRatio {
                throw .limitExceeded(
                    limit: "minCompressionRatio",
                    detail: "compressed/uncompressed ratio \(ratio) below \(minRatio) (zip bomb?)", part: entry.name)
            }
        }
        crc = CRC32.update(crc, bytes)
        return bytes.count
    }

    private func finish() throws(XLSXError) {
        done = true
        if produced != entry.uncompressedSize {
            throw .corruptZip(
                "entry has \(produced) bytes, its directory says \(entry.uncompressedSize)", part: entry.name)
        }
        if crc != entry.crc { throw .crcMismatch(part: entry.name) }
    }
}
