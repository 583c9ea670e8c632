#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The packager: the only code that knows part paths inside the archive, ZIP record
// layouts and timestamps. Every varying field is pinned (1980-01-01 00:00, no extra
// fields unless ZIP64 needs one, no attributes, no comment), and entries are written in
// the order they are added, so the same parts give the same bytes.

/// Paths of the parts inside an XLSX package (and, with a leading `/`, their part names).
enum PackagePath {
    static let contentTypes = "[Content_Types].xml"
    static let rootRelationships = "_rels/.rels"
    static let appProperties = "docProps/app.xml"
    static let coreProperties = "docProps/core.xml"
    static let workbook = "xl/workbook.xml"
    static let workbookRelationships = "xl/_rels/workbook.xml.rels"
    static let styles = "xl/styles.xml"
    static let sharedStrings = "xl/sharedStrings.xml"
    static let theme = "xl/theme/theme1.xml"
    /// `xl/worksheets/sheetN.xml` for the zero-based sheet index.
    static func worksheet(_ index: Int) -> String { "xl/worksheets/sheet\(index + 1).xml" }
    /// A path relative to `xl/` (relationship targets in workbook.xml.rels).
    static func relativeToXL(_ path: String) -> String { String(path.dropFirst(3)) }
}

/// A temporary file opened for writing and reading back, removed from the folder as
/// soon as it is created (it vanishes when closed, even after a crash).
final class TempFile {
    let handle: UnsafeMutablePointer<FILE>
    private(set) var size: UInt64 = 0

    init(directory: String? = nil) throws(XLSXWriteError) {
        let dir = directory ?? TempFile.defaultDirectory
        var template = Array((dir + "/tonghop-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        let path = stringFromCArray(template)
        guard fd >= 0 else { throw .io(path: dir, message: "cannot create a temporary file: \(errnoText())") }
        unlink(path)
        guard let h = fdopen(fd, "w+b") else {
            close(fd)
            throw .io(path: path, message: "cannot open a temporary file: \(errnoText())")
        }
        handle = h
    }

    deinit { fclose(handle) }

    static var defaultDirectory: String {
        if let t = getenv("TMPDIR"), t.pointee != 0 { return String(cString: t) }
        return "/tmp"
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(XLSXWriteError) {
        guard bytes.count > 0 else { return }
        guard fwrite(bytes.baseAddress, 1, bytes.count, handle) == bytes.count else {
            throw .io(path: "temporary file", message: "cannot write: \(errnoText())")
        }
        size += UInt64(bytes.count)
    }

    /// Calls `body` with the file's content in chunks, from the start.
    func forEachChunk(_ body: (UnsafeRawBufferPointer) throws(XLSXWriteError) -> Void) throws(XLSXWriteError) {
        guard fflush(handle) == 0, fseeko(handle, 0, SEEK_SET) == 0 else {
            throw .io(path: "temporary file", message: "cannot rewind: \(errnoText())")
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var left = size
        while left > 0 {
            let want = Int(min(UInt64(chunk.count), left))
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, want, handle) }
            guard n == want else { throw .io(path: "temporary file", message: "short read: \(errnoText())") }
            try withBytes(chunk[0..<n], body)
            left -= UInt64(n)
        }
    }
}

func errnoText() -> String { String(cString: strerror(errno)) }

/// `String` of a NUL-terminated C character array (mkstemp templates).
func stringFromCArray(_ a: [CChar]) -> String {
    String(decoding: a.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// `withUnsafeBytes` for a body with a typed error (the standard one rethrows `any Error`).
@inline(__always)
func withBytes<R, E: Error>(_ a: [UInt8], _ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
    let r: Result<R, E> = a.withUnsafeBytes { b in
        do throws(E) { return .success(try body(b)) } catch { return .failure(error) }
    }
    return try r.get()
}

/// The same over a slice.
@inline(__always)
func withBytes<R, E: Error>(_ a: ArraySlice<UInt8>, _ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
    let r: Result<R, E> = a.withUnsafeBytes { b in
        do throws(E) { return .success(try body(b)) } catch { return .failure(error) }
    }
    return try r.get()
}

/// One entry's deflated bytes, with the CRC and both sizes the headers need.
struct CompressedEntry {
    enum Storage {
        case memory([UInt8])
        case file(TempFile)
    }
    var crc: UInt32
    var compressedSize: UInt64
    var uncompressedSize: UInt64
    var storage: Storage
}

/// Deflates one entry's bytes as they come, into memory or into a temporary file
/// (streaming sheets), keeping the CRC and the sizes.
final class EntryCompressor {
    private let deflater: Deflater
    private var crc: UInt32 = 0
    private var uncompressed: UInt64 = 0
    private var compressed: UInt64 = 0
    private var out: [UInt8] = []
    private let file: TempFile?

    /// `level` 0–9; `spill` puts the compressed bytes in a temporary file.
    init(level: Int, spill: Bool, directory: String? = nil) throws(XLSXWriteError) {
        do { deflater = try Deflater(level: level) } catch { throw .compression(error.description) }
        file = spill ? try TempFile(directory: directory) : nil
        out.reserveCapacity(spill ? 1 << 20 : 1 << 14)
    }

    /// Deflates `bytes` (any size; big chunks are cheapest).
    func write(_ bytes: UnsafeRawBufferPointer) throws(XLSXWriteError) {
        guard bytes.count > 0 else { return }
        crc = CRC32.update(crc, bytes)
        uncompressed += UInt64(bytes.count)
        do { try deflater.deflate(bytes, finish: false, into: &out) } catch { throw .compression(error.description) }
        try spillIfLarge(1 << 20)
    }

    func write(_ bytes: [UInt8]) throws(XLSXWriteError) {
        try withBytes(bytes) { (b) throws(XLSXWriteError) in try write(b) }
    }

    /// Ends the deflate stream.
    func finish() throws(XLSXWriteError) -> CompressedEntry {
        do {
            try withBytes([UInt8]()) { (b) throws(ZlibError) in try deflater.deflate(b, finish: true, into: &out) }
        } catch { throw .compression(error.description) }
        if let file {
            try spillIfLarge(0)
            return CompressedEntry(crc: crc, compressedSize: compressed, uncompressedSize: uncompressed, storage: .file(file))
        }
        compressed = UInt64(out.count)
        return CompressedEntry(crc: crc, compressedSize: compressed, uncompressedSize: uncompressed, storage: .memory(out))
    }

    private func spillIfLarge(_ threshold: Int) throws(XLSXWriteError) {
        guard let file, out.count > threshold || (threshold == 0 && !out.isEmpty) else { return }
        try withBytes(out) { (b) throws(XLSXWriteError) in try file.write(b) }
        compressed += UInt64(out.count)
        out.removeAll(keepingCapacity: true)
    }

    /// Deflates a whole part at once.
    static func compress(_ bytes: [UInt8], level: Int) throws(XLSXWriteError) -> CompressedEntry {
        let c = try EntryCompressor(level: level, spill: false)
        try c.write(bytes)
        return try c.finish()
    }
}

/// Where the archive goes: a growing byte array, or a file.
enum ZipOutput {
    case memory
    case file(UnsafeMutablePointer<FILE>, path: String)
}

/// Writes a ZIP archive of deflated entries, switching to ZIP64 records only when an
/// entry or the archive passes 4 GiB or there are more than 65,535 entries.
final class ZipWriter {
    private struct Central {
        var path: [UInt8]
        var crc: UInt32
        var compressed: UInt64
        var uncompressed: UInt64
        var offset: UInt64
    }

    private let output: ZipOutput
    private(set) var memory: [UInt8] = []
    private var offset: UInt64 = 0
    private var entries: [Central] = []
    private var header: [UInt8] = []
    /// Writes ZIP64 records even when not needed (tests only).
    var forceZip64 = false

    // 1980-01-01 00:00:00 in MS-DOS form: what Excel writes.
    static let dosTime: UInt16 = 0
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    static let max32: UInt64 = 0xFFFF_FFFF

    init(output: ZipOutput) {
        self.output = output
        header.reserveCapacity(128)
    }

    /// Adds one entry (already deflated), local header then data.
    func add(_ path: String, _ entry: CompressedEntry) throws(XLSXWriteError) {
        let name = Array(path.utf8)
        let big = forceZip64 || entry.compressedSize >= ZipWriter.max32 || entry.uncompressedSize >= ZipWriter.max32
        header.removeAll(keepingCapacity: true)
        put32(0x0403_4B50)
        put16(big ? 45 : 20)  // version needed
        put16(0)  // flags: names are ASCII part paths
        put16(8)  // deflate
        put16(ZipWriter.dosTime)
        put16(ZipWriter.dosDate)
        put32(entry.crc)
        put32(big ? UInt32.max : UInt32(entry.compressedSize))
        put32(big ? UInt32.max : UInt32(entry.uncompressedSize))
        put16(UInt16(name.count))
        put16(big ? 20 : 0)
        header.append(contentsOf: name)
        if big {
            put16(0x0001)
            put16(16)
            put64(entry.uncompressedSize)
            put64(entry.compressedSize)
        }
        entries.append(Central(path: name, crc: entry.crc, compressed: entry.compressedSize,
                               uncompressed: entry.uncompressedSize, offset: offset))
        let h = header
        try emit(h)
        switch entry.storage {
        case .memory(let bytes): try emit(bytes)
        case .file(let f): try f.forEachChunk { (b) throws(XLSXWriteError) in try emitRaw(b) }
        }
    }

    /// Writes the central directory and the end records.
    func finish() throws(XLSXWriteError) {
        let cdStart = offset
        for e in entries {
            let needU = forceZip64 || e.uncompressed >= ZipWriter.max32
            let needC = forceZip64 || e.compressed >= ZipWriter.max32
            let needO = forceZip64 || e.offset >= ZipWriter.max32
            let extra = (needU ? 8 : 0) + (needC ? 8 : 0) + (needO ? 8 : 0)
            header.removeAll(keepingCapacity: true)
            put32(0x0201_4B50)
            put16(extra > 0 ? 45 : 20)  // made by: MS-DOS, spec version
            put16(extra > 0 ? 45 : 20)  // needed
            put16(0)
            put16(8)
            put16(ZipWriter.dosTime)
            put16(ZipWriter.dosDate)
            put32(e.crc)
            put32(needC ? UInt32.max : UInt32(e.compressed))
            put32(needU ? UInt32.max : UInt32(e.uncompressed))
            put16(UInt16(e.path.count))
            put16(UInt16(extra > 0 ? extra + 4 : 0))
            put16(0)  // comment
            put16(0)  // disk
            put16(0)  // internal attributes
            put32(0)  // external attributes
            put32(needO ? UInt32.max : UInt32(e.offset))
            header.append(contentsOf: e.path)
            if extra > 0 {
                put16(0x0001)
                put16(UInt16(extra))
                if needU { put64(e.uncompressed) }
                if needC { put64(e.compressed) }
                if needO { put64(e.offset) }
            }
            let h = header
            try emit(h)
        }
        let cdSize = offset - cdStart
        let count = UInt64(entries.count)
        let zip64 = forceZip64 || count > 0xFFFF || cdStart >= ZipWriter.max32 || cdSize >= ZipWriter.max32
        header.removeAll(keepingCapacity: true)
        if zip64 {
            let recordOffset = offset
            put32(0x0606_4B50)
            put64(44)
            put16(45)
            put16(45)
            put32(0)
            put32(0)
            put64(count)
            put64(count)
            put64(cdSize)
            put64(cdStart)
            put32(0x0706_4B50)
            put32(0)
            put64(recordOffset)
            put32(1)
        }
        put32(0x0605_4B50)
        put16(0)
        put16(0)
        put16(zip64 ? 0xFFFF : UInt16(count))
        put16(zip64 ? 0xFFFF : UInt16(count))
        put32(zip64 ? UInt32.max : UInt32(cdSize))
        put32(zip64 ? UInt32.max : UInt32(cdStart))
        put16(0)
        let h = header
        try emit(h)
    }

    private func emit(_ bytes: [UInt8]) throws(XLSXWriteError) {
        try withBytes(bytes) { (b) throws(XLSXWriteError) in try emitRaw(b) }
    }

    private func emitRaw(_ b: UnsafeRawBufferPointer) throws(XLSXWriteError) {
        switch output {
        case .memory: memory.append(contentsOf: b)
        case .file(let f, let path):
            if b.count > 0 && fwrite(b.baseAddress, 1, b.count, f) != b.count {
                throw .io(path: path, message: "cannot write: \(errnoText())")
            }
        }
        offset += UInt64(b.count)
    }

    @inline(__always) private func put16(_ v: UInt16) {
        header.append(UInt8(v & 0xFF))
        header.append(UInt8(v >> 8))
    }
    @inline(__always) private func put32(_ v: UInt32) {
        put16(UInt16(v & 0xFFFF))
        put16(UInt16(v >> 16))
    }
    @inline(__always) private func put64(_ v: UInt64) {
        put32(UInt32(v & 0xFFFF_FFFF))
        put32(UInt32(v >> 32))
    }
}
