import XLSX

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads RFC 4180 CSV (UTF-8, comma, double quotes, CRLF or LF) record by record from a
/// file, in 1 MiB reads. Fields are handed out as byte slices of a reused buffer.
final class CSVRecordReader {
    private let file: UnsafeMutablePointer<FILE>
    private var buffer = [UInt8](repeating: 0, count: 1 << 20)
    private var position = 0
    private var filled = 0
    private var atEOF = false
    /// The current record's field bytes, back to back; `ends[i]` is where field i ends.
    private(set) var text: [UInt8] = []
    private(set) var ends: [Int] = []
    /// One-based line number where the current record starts.
    private(set) var line = 0
    private var nextLine = 1
    let path: String

    init(path: String) throws(ConvertError) {
        guard let f = fopen(path, "rb") else { throw .cannotOpen(path, errnoString()) }
        file = f
        self.path = path
        text.reserveCapacity(4096)
        ends.reserveCapacity(64)
    }

    deinit { fclose(file) }

    /// Bytes of field `i` of the current record.
    @inline(__always)
    func field(_ i: Int) -> ArraySlice<UInt8> {
        text[(i == 0 ? 0 : ends[i - 1])..<ends[i]]
    }

    var fieldCount: Int { ends.count }

    @inline(__always)
    private func nextByte() throws(ConvertError) -> UInt8? {
        if position == filled {
            if atEOF { return nil }
            try refill()
            if position == filled { return nil }
        }
        let b = buffer[position]
        position += 1
        return b
    }

    private func refill() throws(ConvertError) {
        let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        if n < buffer.count {
            if ferror(file) != 0 { throw .cannotRead(path, errnoString()) }
            atEOF = true
        }
        position = 0
        filled = n
    }

    /// Reads the next record; false at the end of the file.
    func next() throws(ConvertError) -> Bool {
        text.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        line = nextLine
        guard var c = try nextByte() else { return false }
        while true {  // one field per pass; c is its first byte (or nil at EOF)
            var ch: UInt8? = c
            if c == UInt8(ascii: "\"") {
                let startLine = nextLine
                while true {
                    guard let q = try nextByte() else { throw .unterminatedQuote(path, line: startLine) }
                    if q == UInt8(ascii: "\"") {
                        ch = try nextByte()
                        if ch != UInt8(ascii: "\"") { break }
                        text.append(UInt8(ascii: "\""))
                    } else {
                        if q == UInt8(ascii: "\n") { nextLine += 1 }
                        text.append(q)
                    }
                }
            }
            // Unquoted part (or what follows a closing quote) up to a comma or line end.
            let tail = text.count
            while let b = ch, b != UInt8(ascii: ","), b != UInt8(ascii: "\n") {
                text.append(b)
                ch = try fastRun()
            }
            if ch != UInt8(ascii: ","), text.count > tail, text.last == UInt8(ascii: "\r") {
                text.removeLast()  // CRLF
            }
            ends.append(text.count)
            guard ch == UInt8(ascii: ",") else {
                if ch == UInt8(ascii: "\n") { nextLine += 1 }
                return true
            }
            guard let n = try nextByte() else {
                ends.append(text.count)  // a trailing comma at EOF: one more empty field
                return true
            }
            c = n
        }
    }

    /// The next byte, copying a run of plain bytes straight from the buffer first.
    @inline(__always)
    private func fastRun() throws(ConvertError) -> UInt8? {
        var i = position
        let end = filled
        while i < end {
            let b = buffer[i]
            if b == UInt8(ascii: ",") || b == UInt8(ascii: "\n") { break }
            i += 1
        }
        if i > position {
            // All but the last plain byte go in directly; the last is returned.
            text.append(contentsOf: buffer[position..<(i - 1)])
            let b = buffer[i - 1]
            position = i
            return b
        }
        return try nextByte()
    }
}

/// What can go wrong converting.
enum ConvertError: Error, CustomStringConvertible {
    case cannotOpen(String, String)
    case cannotRead(String, String)
    case unterminatedQuote(String, line: Int)
    case tooManyRows(String, line: Int)
    case tooManyColumns(String, line: Int)
    case unknownColumn(String)
    case write(String, XLSXWriteError)

    var file: String {
        switch self {
        case .cannotOpen(let p, _), .cannotRead(let p, _), .unterminatedQuote(let p, _), .tooManyRows(let p, _),
            .tooManyColumns(let p, _), .write(let p, _):
            return p
        case .unknownColumn: return ""
        }
    }

    var description: String {
        switch self {
        case .cannotOpen(_, let why): return "cannot open: \(why)"
        case .cannotRead(_, let why): return "cannot read: \(why)"
        case .unterminatedQuote(_, let line): return "quoted field never closed [line \(line)]"
        case .tooManyRows(_, let line): return "more than Excel's 1,048,576 rows [line \(line)]"
        case .tooManyColumns(_, let line): return "more than Excel's 16,384 columns [line \(line)]"
        case .unknownColumn(let c): return "--text-columns: no column '\(c)' (give letters like A,C or header names)"
        case .write(_, let e): return e.description
        }
    }
}

func errnoString() -> String { String(cString: strerror(errno)) }
