/// Limits that keep a hostile or damaged file from exhausting memory or time.
/// Every limit is configurable; an error names the limit that was hit.
public struct ReaderLimits: Sendable {
    /// Largest file accepted, in bytes (default 512 MiB).
    public var maxFileSize: Int64
    /// Most ZIP entries accepted (default 10,000).
    public var maxEntries: Int
    /// Largest uncompressed size of one entry (default 1 GiB).
    public var maxEntrySize: Int64
    /// Largest uncompressed size of all entries together (default 4 GiB).
    public var maxTotalSize: Int64
    /// Smallest compressed/uncompressed ratio accepted once an entry's output has passed
    /// `ratioCheckThreshold` (default 0.002, 1:500). Deflate cannot pass about 1:1032, and
    /// zip bombs sit there; real workbooks stay far above even with long repeated strings
    /// (a 57 MB worksheet seen at 1:121). The bomb guard rests on absolute sizes first:
    /// `maxEntrySize` and `maxTotalSize` (declared sizes, before inflating), output past
    /// the declared size (stops at once), overlapping entries; the ratio only stops, early,
    /// an entry that is large *and* inflates like a bomb.
    public var minCompressionRatio: Double
    /// Output (uncompressed bytes of one entry) below which the ratio is never checked
    /// (default 64 MiB: inflating that much costs a fraction of a second).
    public var ratioCheckThreshold: Int64
    /// Longest text of one cell or shared string, in UTF-8 bytes (default 32,767 × 4).
    public var maxCellTextLength: Int
    /// Most shared strings (`<si>` items) accepted (default 10,000,000). Each costs memory
    /// even when empty: a 19 MB file of 40 million `<si/>` otherwise held ~1 GB.
    public var maxSharedStrings: Int
    /// Most non-absent cells `Workbook.grid(of:)` loads from one sheet (default 2,000,000,
    /// about 130 MB). Streaming with `forEachRow` has no such limit: it holds one row.
    public var maxGridCells: Int

    public init(
        maxFileSize: Int64 = 512 << 20, maxEntries: Int = 10_000, maxEntrySize: Int64 = 1 << 30,
        maxTotalSize: Int64 = 4 << 30, minCompressionRatio: Double = 0.002,
        ratioCheckThreshold: Int64 = 64 << 20, maxCellTextLength: Int = 32_767 * 4,
        maxSharedStrings: Int = 10_000_000, maxGridCells: Int = 2_000_000
    ) {
        self.maxFileSize = maxFileSize
        self.maxEntries = maxEntries
        self.maxEntrySize = maxEntrySize
        self.maxTotalSize = maxTotalSize
        self.minCompressionRatio = minCompressionRatio
        self.ratioCheckThreshold = ratioCheckThreshold
        self.maxCellTextLength = maxCellTextLength
        self.maxSharedStrings = maxSharedStrings
        self.maxGridCells = maxGridCells
    }

    /// The defaults listed above.
    public static let `default` = ReaderLimits()
}

/// What the reader keeps beyond values.
public struct ReadOptions: Sendable {
    /// Keep each formula's text in `Cell.formula` (the cached value is always read).
    public var formulas: Bool

    public init(formulas: Bool = false) {
        self.formulas = formulas
    }
}
