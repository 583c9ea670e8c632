/// Sheet protection: locked cells (the default) cannot be edited; unlocked cells
/// (`CellStyle.locked = false`) stay editable. Each `allow…` flag lets users do one
/// more thing on the protected sheet.
public struct SheetProtection: Hashable, Sendable {
    /// Optional password (Excel's legacy 16-bit hash; it deters, it does not secure).
    public var password: String?
    public var allowSelectLockedCells: Bool
    public var allowSelectUnlockedCells: Bool
    public var allowFormatCells: Bool
    public var allowFormatColumns: Bool
    public var allowFormatRows: Bool
    public var allowInsertRows: Bool
    public var allowInsertColumns: Bool
    public var allowDeleteRows: Bool
    public var allowDeleteColumns: Bool
    public var allowSort: Bool
    public var allowAutoFilter: Bool

    public init(
        password: String? = nil, allowSelectLockedCells: Bool = true, allowSelectUnlockedCells: Bool = true,
        allowFormatCells: Bool = false, allowFormatColumns: Bool = false, allowFormatRows: Bool = false,
        allowInsertRows: Bool = false, allowInsertColumns: Bool = false, allowDeleteRows: Bool = false,
        allowDeleteColumns: Bool = false, allowSort: Bool = false, allowAutoFilter: Bool = false
    ) {
        self.password = password
        self.allowSelectLockedCells = allowSelectLockedCells
        self.allowSelectUnlockedCells = allowSelectUnlockedCells
        self.allowFormatCells = allowFormatCells
        self.allowFormatColumns = allowFormatColumns
        self.allowFormatRows = allowFormatRows
        self.allowInsertRows = allowInsertRows
        self.allowInsertColumns = allowInsertColumns
        self.allowDeleteRows = allowDeleteRows
        self.allowDeleteColumns = allowDeleteColumns
        self.allowSort = allowSort
        self.allowAutoFilter = allowAutoFilter
    }

    /// Excel's legacy password hash (ECMA-376 Part 4, 14.7.1), four hex digits.
    static func legacyHash(_ password: String) -> String {
        let bytes = Array(password.utf8.prefix(15))  // Excel hashes at most 15 characters
        var hash: UInt16 = 0
        for b in bytes.reversed() {
            hash = ((hash >> 14) & 0x01) | ((hash << 1) & 0x7FFF)
            hash ^= UInt16(b)
        }
        hash = ((hash >> 14) & 0x01) | ((hash << 1) & 0x7FFF)
        hash ^= UInt16(bytes.count)
        hash ^= 0xCE4B
        let hex = Array("0123456789ABCDEF".utf8)
        return String(decoding: [12, 8, 4, 0].map { hex[Int((hash >> UInt16($0)) & 0xF)] }, as: UTF8.self)
    }
}
