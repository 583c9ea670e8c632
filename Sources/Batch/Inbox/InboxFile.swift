import Reporting

/// One file found in the inbox, identified by its content hash.
public struct InboxFile: Sendable, Hashable, Codable {
    /// The file name (no folder), as the district sent it.
    public var name: String
    /// The full path.
    public var path: String
    /// Size in bytes.
    public var size: Int64
    /// Modification time, seconds since 1970 (used only to order a unit's submissions).
    public var modified: Double
    /// SHA-256 of the content, lowercase hex.
    public var hash: String
    /// When the file counts as received: its receipt's time when the receipt names this
    /// content, else its modification time; once the ledger has seen the content, the
    /// time it recorded then (see `Receipt`). Orders a unit's submissions.
    public var received: Timestamp
    /// Where `received` comes from: the receipt's `via` (`upload`, `sample`...) or `file-time`.
    public var receivedVia: String

    public init(
        name: String, path: String, size: Int64, modified: Double, hash: String, received: Timestamp? = nil,
        receivedVia: String = InboxFile.fileTime
    ) {
        self.name = name
        self.path = path
        self.size = size
        self.modified = modified
        self.hash = hash
        self.received = received ?? Timestamp(epoch: modified)
        self.receivedVia = receivedVia
    }

    /// `receivedVia` of a file without a receipt for its content.
    public static let fileTime = "file-time"
}
