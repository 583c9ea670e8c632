/// Settings for a `WorkbookWriter`.
public struct WriterOptions: Sendable {
    /// zlib level 0 (store) to 9 (smallest). The default was chosen by measuring size
    /// against time on the roster benchmark (docs/PERFORMANCE.md, writer section).
    public var deflateLevel: Int
    /// Number formats given to dates written without one, by kind.
    public var dateFormat: String
    public var dateTimeFormat: String
    public var timeFormat: String
    public var durationFormat: String
    /// Title, author, created time, ...
    public var properties: DocumentProperties
    /// Where streaming sheets keep their compressed rows (default `$TMPDIR` or /tmp).
    public var temporaryDirectory: String?

    /// The measured default deflate level: 3. On the 200k-row roster, level 3 is 14% larger
    /// than level 6 for 35% less CPU; level 1 saves little more time for 30% larger files;
    /// level 9 costs 4x level 6 for 5% smaller (docs/PERFORMANCE.md, writer section).
    public static let defaultDeflateLevel = 3

    public init(
        deflateLevel: Int = WriterOptions.defaultDeflateLevel, dateFormat: String = "dd/mm/yyyy",
        dateTimeFormat: String = "dd/mm/yyyy hh:mm:ss", timeFormat: String = "hh:mm:ss",
        durationFormat: String = "[h]:mm:ss", properties: DocumentProperties = DocumentProperties(),
        temporaryDirectory: String? = nil
    ) {
        self.deflateLevel = max(0, min(9, deflateLevel))
        self.dateFormat = dateFormat
        self.dateTimeFormat = dateTimeFormat
        self.timeFormat = timeFormat
        self.durationFormat = durationFormat
        self.properties = properties
        self.temporaryDirectory = temporaryDirectory
    }
}
