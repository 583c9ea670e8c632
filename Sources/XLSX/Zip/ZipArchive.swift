/// One file inside a ZIP archive, as its central directory describes it.
struct ZipEntry: Sendable {
    /// The name as stored, with `\` turned into `/` and no leading `/`.
    let name: String
    let method: Int
    let flags: Int
    let crc: UInt32
    let compressedSize: Int64
    let uncompressedSize: Int64
    let localHeaderOffset: Int64
    /// Length of the name in the central directory (the local header repeats it).
    let nameLength: Int
}

/// A ZIP archive read from its central directory. Every offset and size is checked
/// against the file before it is used; limits from `ReaderLimits` are enforced here.
/// Part names are matched without case and with either separator.
final class ZipArchive: @unchecked Sendable {
    let source: ZipByteSource
    let limits: ReaderLimits
    /// Entries in central-directory order.
    let entries: [ZipEntry]
    private let index: [String: Int]

    /// Opens an archive, refusing files that are not ZIP (with a clear reason for
    /// legacy `.xls` and encrypted workbooks).
    init(source: ZipByteSource, limits: ReaderLimits) throws(XLSXError) {
        self.source = source
        self.limits = limits
        let size = source.size
        if size > limits.maxFileSize {
            throw .limitExceeded(
                limit: "maxFileSize", detail: "file is \(size) bytes, limit \(limits.maxFileSize)", part: nil)
        }
        let head = try source.bytes(at: 0, count: Int(min(size, 8)))
        if head == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
            throw try ZipArchive.containsEncryptedPackage(source) ? .encryptedWorkbook : .legacyXLS
        }
        let startsLikeZip = head.count >= 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 3 && head[3] == 4
        guard size >= 22 else { throw startsLikeZip ? .truncated("no end of central directory") : .notZip }

        // End of central directory: the last 22 bytes plus a comment of up to 65,535.
        let tailCount = Int(min(size, 22 + 65_535))
        let tailStart = size - Int64(tailCount)
        let tail = try source.bytes(at: tailStart, count: tailCount)
        var eocd = -1
        var i = tailCount - 22
        while i >= 0 {
            if tail[i] == 0x50 && tail[i + 1] == 0x4B && tail[i + 2] == 5 && tail[i + 3] == 6
                && i + 22 + tail.le16(i + 20) <= tailCount
            {
                eocd = i
                break
            }
            i -= 1
        }
        guard eocd >= 0 else {
            throw startsLikeZip ? .truncated("no end of central directory") : .notZip
        }
        let eocdOffset = tailStart + Int64(eocd)
        var entryCount = Int64(tail.le16(eocd + 10))
        var cdSize = Int64(tail.le32(eocd + 12))
        var cdOffset = Int64(tail.le32(eocd + 16))
        var cdEnd = eocdOffset

        // ZIP64: a locator just before the end record points at the ZIP64 end record.
        if eocdOffset >= 20 {
            let loc = try source.bytes(at: eocdOffset - 20, count: 20)
            if loc.le32(0) == 0x0706_4B50 {
                let z64 = Int64(bitPattern: loc.le64(8))
                guard z64 >= 0, z64 <= eocdOffset - 20 - 56 else {
                    throw .truncated("ZIP64 end record outside the file")
                }
                let rec = try source.bytes(at: z64, count: 56)
                guard rec.le32(0) == 0x0606_4B50 else {
                    throw .corruptZip("bad ZIP64 end record signature", part: nil)
                }
                entryCount = Int64(bitPattern: rec.le64(32))
                cdSize = Int64(bitPattern: rec.le64(40))
                cdOffset = Int64(bitPattern: rec.le64(48))
                cdEnd = z64
            }
        }
        guard entryCount >= 0, cdSize >= 0, cdOffset >= 0 else {
            throw .corruptZip("negative central directory size", part: nil)
        }
        if entryCount > Int64(limits.maxEntries) {
            throw .limitExceeded(
                limit: "maxEntries", detail: "\(entryCount) entries, limit \(limits.maxEntries)", part: nil)
        }
        guard cdOffset <= cdEnd, cdSize <= cdEnd - cdOffset else {
            throw .truncated("central directory outside the file")
        }
        guard cdSize >= entryCount * 46 else {
            throw .corruptZip("central directory too small for \(entryCount) entries", part: nil)
        }
        let cd = try source.bytes(at: cdOffset, count: Int(cdSize))

        var entries: [ZipEntry] = []
        entries.reserveCapacity(Int(entryCount))
        var index: [String: Int] = [:]
        var total: Int64 = 0
        var p = 0
        for _ in 0..<entryCount {
            guard p + 46 <= cd.count, cd.le32(p) == 0x0201_4B50 else {
                throw .corruptZip("bad central directory entry", part: nil)
            }
            let flags = cd.le16(p + 8)
            let method = cd.le16(p + 10)
            let crc = UInt32(truncatingIfNeeded: cd.le32(p + 16))
            var csize = Int64(cd.le32(p + 20))
            var usize = Int64(cd.le32(p + 24))
            let nameLen = cd.le16(p + 28), extraLen = cd.le16(p + 30), commentLen = cd.le16(p + 32)
            var offset = Int64(cd.le32(p + 42))
            let nameStart = p + 46
            guard nameStart + nameLen + extraLen + commentLen <= cd.count else {
                throw .corruptZip("central directory entry overruns the directory", part: nil)
            }
            var name = String(decoding: cd[nameStart..<nameStart + nameLen], as: UTF8.self)
            if name.contains("\\") { name = name.replacingBackslashes() }
            while name.hasPrefix("/") { name.removeFirst() }

            // ZIP64 extra field: only the fields whose 32-bit value is 0xFFFFFFFF, in order.
            var e = nameStart + nameLen
            let extraEnd = e + extraLen
            while e + 4 <= extraEnd {
                let tag = cd.le16(e), len = cd.le16(e + 2)
                let body = e + 4
                guard body + len <= extraEnd else { break }
                if tag == 1 {
                    var f = body
                    func next() throws(XLSXError) -> Int64 {
                        guard f + 8 <= body + len else {
                            throw .corruptZip("short ZIP64 extra field", part: name)
                        }
                        defer { f += 8 }
                        return Int64(bitPattern: cd.le64(f))
                    }
                    if usize == 0xFFFF_FFFF { usize = try next() }
                    if csize == 0xFFFF_FFFF { csize = try next() }
                    if offset == 0xFFFF_FFFF { offset = try next() }
                }
                e = body + len
            }
            guard usize >= 0, csize >= 0, offset >= 0, offset <= cdOffset, csize <= cdOffset - offset else {
                throw .truncated("entry data outside the file [\(name)]")
            }
            if usize > limits.maxEntrySize {
                throw .limitExceeded(
                    limit: "maxEntrySize", detail: "entry is \(usize) bytes uncompressed, limit \(limits.maxEntrySize)",
                    part: name)
            }
            total += usize
            if total > limits.maxTotalSize {
                throw .limitExceeded(
                    limit: "maxTotalSize", detail: "entries total over \(limits.maxTotalSize) bytes uncompressed",
                    part: name)
            }
            let key = name.lowercased()
            if index[key] != nil {
                throw .corruptZip("two entries with the same name (names match without case)", part: name)
            }
            index[key] = entries.count
            entries.append(
                ZipEntry(
                    name: name, method: method, flags: flags, crc: crc, compressedSize: csize,
                    uncompressedSize: usize, localHeaderOffset: offset, nameLength: nameLen))
            p = nameStart + nameLen + extraLen + commentLen
        }
        // Entries must not share or overlap their data (the overlapping-file zip bomb).
        let byOffset = entries.sorted { $0.localHeaderOffset < $1.localHeaderOffset }
        for (k, e) in byOffset.enumerated() {
            let end = e.localHeaderOffset + 30 + Int64(e.nameLength) + e.compressedSize
            let limit = k + 1 < byOffset.count ? byOffset[k + 1].localHeaderOffset : cdOffset
            if end > limit {
                throw .corruptZip("entry data overlaps the next entry or the central directory", part: e.name)
            }
        }
        self.entries = entries
        self.index = index
    }

    /// The entry with this path, matched without case, with `\` or `/`, with or without a leading `/`.
    func entry(_ path: String) -> ZipEntry? {
        var key = path.contains("\\") ? path.replacingBackslashes() : path
        while key.hasPrefix("/") { key.removeFirst() }
        return index[key.lowercased()].map { entries[$0] }
    }

    /// A reader that inflates the entry in chunks, verifying its size and CRC-32 at the end.
    func reader(for entry: ZipEntry) throws(XLSXError) -> ZipEntryReader {
        if entry.flags & 1 != 0 { throw .encryptedEntry(part: entry.name) }
        guard entry.method == 0 || entry.method == 8 else {
            throw .unsupportedCompression(method: entry.method, part: entry.name)
        }
        if entry.method == 0 && entry.compressedSize != entry.uncompressedSize {
            throw .corruptZip("stored entry with different sizes", part: entry.name)
        }
        let local = try source.bytes(at: entry.localHeaderOffset, count: 30)
        guard local.le32(0) == 0x0403_4B50 else {
            throw .corruptZip("bad local header signature", part: entry.name)
        }
        let dataStart = entry.localHeaderOffset + 30 + Int64(local.le16(26)) + Int64(local.le16(28))
        guard dataStart <= source.size, entry.compressedSize <= source.size - dataStart else {
            throw .truncated("entry data outside the file [\(entry.name)]")
        }
        return try ZipEntryReader(source: source, entry: entry, dataStart: dataStart, limits: limits)
    }

    /// The entry's bytes for a parser: large entries are inflated on a second thread
    /// (`ReadAheadReader`), small ones in the caller's.
    func stream(for entry: ZipEntry) throws(XLSXError) -> any EntryStream {
        let r = try reader(for: entry)
        return entry.uncompressedSize >= ReadAheadReader.threshold ? ReadAheadReader(r) : r
    }

    /// The whole uncompressed content of a (small) entry.
    func data(of entry: ZipEntry) throws(XLSXError) -> [UInt8] {
        let r = try reader(for: entry)
        var out = [UInt8](repeating: 0, count: Int(entry.uncompressedSize))
        var failure: XLSXError?
        var filled = 0
        out.withUnsafeMutableBytes { buf in
            do throws(XLSXError) {
                while filled < buf.count {
                    let n = try r.read(into: UnsafeMutableRawBufferPointer(rebasing: buf[filled...]))
                    if n == 0 { break }
                    filled += n
                }
                var probe: UInt8 = 0
                _ = try withUnsafeMutableBytes(of: &probe) { p throws(XLSXError) in try r.read(into: p) }
            } catch { failure = error }
        }
        if let failure { throw failure }
        return out
    }

    /// True when a CFB (OLE2) file holds an `EncryptedPackage` stream (its name in UTF-16LE).
    private static func containsEncryptedPackage(_ source: ZipByteSource) throws(XLSXError) -> Bool {
        let needle = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let chunk = 1 << 20
        var offset: Int64 = 0
        while offset < source.size {
            let n = Int(min(Int64(chunk + needle.count), source.size - offset))
            let bytes = try source.bytes(at: offset, count: n)
            if n >= needle.count {
                for i in 0...(n - needle.count) where bytes[i] == 0x45 {
                    if bytes[i..<i + needle.count].elementsEqual(needle) { return true }
                }
            }
            offset += Int64(chunk)
        }
        return false
    }
}

extension String {
    func replacingBackslashes() -> String {
        String(decoding: utf8.map { $0 == UInt8(ascii: "\\") ? UInt8(ascii: "/") : $0 }, as: UTF8.self)
    }
}
