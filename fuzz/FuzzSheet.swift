/// The sheet parser: the input is one worksheet part, handed to libxml2 in two reads
/// split where the input's first byte says (so read boundaries fall everywhere).
enum FuzzSheet {
    static let sharedStrings = ["", "Mã đơn vị", "MNH", String(repeating: "x", count: 40)]
    static let styles = Styles(
        dateKinds: [nil, .date, .dateTime, .time, .duration], formatIDs: [0, 14, 22, 21, 46],
        customFormats: [:])

    static func run(_ input: UnsafeRawBufferPointer) {
        guard input.count > 1 else { return }
        let formulas = input[0] & 1 == 1
        let split = 1 + Int(input[0]) * (input.count - 1) / 256
        let body = UnsafeRawBufferPointer(rebasing: input[1...])
        let context = SheetContext(
            sheetName: "Sheet1", part: "xl/worksheets/sheet1.xml", sharedStrings: sharedStrings, styles: styles,
            dateSystem: input[0] & 2 == 2 ? .d1904 : .d1900, keepFormulas: formulas, maxText: 1 << 16)
        let handler = SheetHandler(context: context)
        var rows = 0
        handler.onRow = { row in
            rows += 1
            _ = row.cells.count
            return rows < 100_000
        }
        let input = SplitStream(body, cut: min(max(split - 1, 0), body.count))
        do {
            try SAXParser.parse(input, part: context.part, handler: handler)
        } catch {
            _ = error.description
        }
        _ = handler.failure?.description
        _ = handler.mergedRanges.count
    }
}

/// Bytes in memory served in two reads, the first ending at `cut`.
final class SplitStream: EntryStream {
    private let bytes: UnsafeRawBufferPointer
    private let cut: Int
    private var position = 0

    init(_ bytes: UnsafeRawBufferPointer, cut: Int) {
        self.bytes = bytes
        self.cut = cut
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(XLSXError) -> Int {
        let end = position < cut ? cut : bytes.count
        let n = min(buffer.count, end - position)
        if n > 0 { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[position..<position + n])) }
        position += n
        return n
    }
}
