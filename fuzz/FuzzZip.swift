/// The ZIP layer: open an archive from bytes, look parts up, inflate every entry.
enum FuzzZip {
    static func run(_ input: UnsafeRawBufferPointer) {
        let bytes = [UInt8](input)
        guard let archive = try? ZipArchive(source: ZipByteSource(bytes: bytes), limits: fuzzLimits) else { return }
        _ = archive.entry("xl/workbook.xml")
        _ = archive.entry("XL\\Worksheets\\Sheet1.xml")
        for entry in archive.entries.prefix(64) {
            _ = archive.entry(entry.name)
            // Streamed in small chunks, as the sheet reader reads.
            if let reader = try? archive.reader(for: entry) {
                let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 16)
                defer { buffer.deallocate() }
                while let n = try? reader.read(into: buffer), n > 0 {}
            }
            _ = try? archive.data(of: entry)
        }
    }
}
