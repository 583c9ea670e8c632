#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one CSV reader (`tonghop convert`, the templates' units and reference lists):
/// RFC 4180 (UTF-8, comma, double quotes, CRLF or LF), record by record, from a file in
/// 1 MiB reads or from bytes in memory. Fields are handed out as byte slices of a reused
/// buffer. A quote opens a quoted field only at the field's start; a quoted field left
/// open is an error naming its line.
public final class CSVReader {
    private let file: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8]
    private var position = 0
    private var filled = 0
    private var atEOF = false
    /// The current record's field bytes, back to back; `ends[i]` is where field i ends.
    @usableFromInline private(set) var text: [UInt8] = []
    @usableFromInline private(set) var ends: [Int] = []
    /// One-based line number where the current record starts.
    public private(set) var line = 0
    private var nextLine = 1
    /// The file read (or the name given to the bytes), for errors.
    public let path: String

    /// Reads the file at `path`.
    public init(path: String) throws(CSVReadError) {
        guard let f = fopen(path, "rb") else { throw .cannotOpen(path, String(cString: strerror(errno))) }
        file = f
        buffer = [UInt8](repeating: 0, count: 1 << 20)
        self.path = path
        text.reserveCapacity(4096)
        ends.reserveCapacity(64)
    }

    /// Reads `bytes`; `name` names them in errors. A UTF-8 byte order mark is skipped.
    public init(bytes: [UInt8], name: String) {
        file = nil
        buffer = bytes
        filled = bytes.count
        atEOF = true
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        path = name
    }

    deinit { if let file { fclose(file) } }

    /// Bytes of field `i` of the current record.
    @inlinable @inline(__always)
    public func field(_ i: Int) -> ArraySlice<UInt8> {
        text[(i == 0 ? 0 : ends[i - 1])..<ends[i]]
    }

    /// Field `i` of the current record as text.
    public func string(_ i: Int) -> String { String(decoding: field(i), as: UTF8.self) }

    /// How many fields the current record has.
    @inlinable
    public var fieldCount: Int { ends.count }

    @inline(__always)
    private func nextByte() throws(CSVReadError) -> UInt8? {
        if position == filled {
            if atEOF { return nil }
            try refill()
            if position == filled { return nil }
        }
        let b = buffer[position]
        position += 1
        return b
    }

    private func refill() throws(CSVReadError) {
        guard let file else {
            atEOF = true
            return
        }
        let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        if n < buffer.count {
            if ferror(file) != 0 { throw .cannotRead(path, String(cString: strerror(errno))) }
            atEOF = true
        }
        position = 0
        filled = n
    }

    /// Reads the next record; false at the end of the file.
    public func next() throws(CSVReadError) -> Bool {
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
    private func fastRun() throws(CSVReadError) -> UInt8? {
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

/// Why a CSV file cannot be read; `description` is `what is wrong [line N]`.
public enum CSVReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file cannot be opened (path, the system's reason).
    case cannotOpen(String, String)
    /// Reading failed (path, the system's reason).
    case cannotRead(String, String)
    /// A quoted field is never closed (path, the line where it opens).
    case unterminatedQuote(String, line: Int)

    /// The file.
    public var path: String {
        switch self {
        case .cannotOpen(let p, _), .cannotRead(let p, _), .unterminatedQuote(let p, _): return p
        }
    }

    public var description: String {
        switch self {
        case .cannotOpen(_, let why): return "cannot open: \(why)"
        case .cannotRead(_, let why): return "cannot read: \(why)"
        case .unterminatedQuote(_, let line): return "quoted field never closed [line \(line)]"
        }
    }
}
