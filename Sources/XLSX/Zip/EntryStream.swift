/// The bytes of one ZIP entry, read front to back in chunks. `read(into:)` fills
/// some of `buffer` and returns how many bytes it wrote, 0 at the end; it throws the
/// entry's problems (corrupt data, size or CRC mismatch, a limit) where they are met.
protocol EntryStream: AnyObject {
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(XLSXError) -> Int
    /// Releases what the stream holds when its reader stops before the end.
    func close()
}

extension EntryStream {
    func close() {}
}

extension ZipEntryReader: EntryStream {}
