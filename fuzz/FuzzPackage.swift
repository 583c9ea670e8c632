/// The whole reader, structure-aware: the input is a workbook's XML parts joined by
/// `separator`, packed here as a stored (uncompressed) ZIP, so mutations land in the XML
/// of the workbook, relationships, shared strings and styles parts instead of in deflate
/// data. The packed bytes then take the `workbook` target's path.
enum FuzzPackage {
    static let separator: [UInt8] = Array("\n--part--\n".utf8)
    static let names = [
        "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
        "xl/sharedStrings.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
    ]

    static func run(_ input: UnsafeRawBufferPointer) {
        let parts = split([UInt8](input))
        let zip = storedZip(Array(zip(names, parts)))
        zip.withUnsafeBytes { FuzzWorkbook.run($0) }
    }

    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        var start = 0
        var i = 0
        while i + separator.count <= bytes.count {
            if bytes[i] == separator[0] && Array(bytes[i..<i + separator.count]) == separator {
                parts.append(Array(bytes[start..<i]))
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(Array(bytes[start...]))
        return parts
    }

    /// A ZIP with every entry stored (method 0); empty parts are left out.
    static func storedZip(_ entries: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        var count = 0
        func le16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func le32(_ v: UInt32, _ a: inout [UInt8]) { for s in stride(from: 0, to: 32, by: 8) { a.append(UInt8(v >> UInt32(s) & 0xFF)) } }
        for (name, data) in entries where !data.isEmpty {
            let n = Array(name.utf8)
            let crc = CRC32.checksum(data)
            let offset = UInt32(out.count)
            le32(0x0403_4B50, &out); le16(20, &out); le16(0, &out); le16(0, &out); le16(0, &out); le16(0x21, &out)
            le32(crc, &out); le32(UInt32(data.count), &out); le32(UInt32(data.count), &out)
            le16(n.count, &out); le16(0, &out); out += n; out += data
            le32(0x0201_4B50, &central); le16(20, &central); le16(20, &central); le16(0, &central); le16(0, &central)
            le16(0, &central); le16(0x21, &central); le32(crc, &central); le32(UInt32(data.count), &central)
            le32(UInt32(data.count), &central); le16(n.count, &central); le16(0, &central); le16(0, &central)
            le16(0, &central); le16(0, &central); le32(0, &central); le32(offset, &central); central += n
            count += 1
        }
        let cdOffset = UInt32(out.count)
        out += central
        le32(0x0605_4B50, &out); le16(0, &out); le16(0, &out); le16(count, &out); le16(count, &out)
        le32(UInt32(central.count), &out); le32(cdOffset, &out); le16(0, &out)
        return out
    }
}
