import Foundation

extension RunReport {
    /// The report as JSON: sorted keys, two-space indentation, a final newline.
    public func jsonBytes() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var bytes = [UInt8](try encoder.encode(self))
        bytes.append(0x0A)
        return bytes
    }
}
