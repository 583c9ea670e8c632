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

    public init(name: String, path: String, size: Int64, modified: Double, hash: String) {
        self.name = name
        self.path = path
        self.size = size
        self.modified = modified
        self.hash = hash
    }
}
