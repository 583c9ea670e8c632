import Foundation

/// A streaming reader of a `multipart/form-data` body (RFC 7578): fed the body chunk by
/// chunk as it arrives, it hands each part's headers and then its bytes on, holding no
/// more than a delimiter's length of them, so an upload goes to its file while it streams
/// and is never buffered whole.
struct MultipartStream {
    /// What the reader found, in order.
    enum Event {
        /// A part begins: its `name` and, for a file, the `filename` the browser sent.
        case part(name: String, filename: String?)
        /// Bytes of the current part.
        case data(ArraySlice<UInt8>)
        /// The current part is complete.
        case end
    }

    /// Why a body is not one.
    enum Failure: Error, Equatable {
        case malformed(String)
    }

    private enum State { case preamble, afterDelimiter, headers, body, done }

    private let delimiter: [UInt8]
    private var buffer: [UInt8] = [13, 10]  // a CRLF before the first delimiter: one pattern for all
    private var state = State.preamble
    /// The most header bytes a part may have.
    static let maxHeaderBytes = 16 * 1024

    /// The reader for a request's `Content-Type`; nil unless it is `multipart/form-data`
    /// with a boundary.
    init?(contentType: String) {
        let fields = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let kind = fields.first, kind.lowercased() == "multipart/form-data" else { return nil }
        var boundary: String?
        for f in fields.dropFirst() {
            let kv = f.split(separator: "=", maxSplits: 1).map(String.init)
            if kv.count == 2, kv[0].lowercased() == "boundary" {
                var b = kv[1]
                if b.hasPrefix("\""), b.hasSuffix("\""), b.count >= 2 { b = String(b.dropFirst().dropLast()) }
                boundary = b
            }
        }
        guard let boundary, (1...70).contains(boundary.utf8.count) else { return nil }
        delimiter = Array("\r\n--\(boundary)".utf8)
    }

    /// Whether the closing delimiter was seen.
    var isComplete: Bool { state == .done }

    /// Reads the next chunk, calling `sink` for what it completes.
    mutating func feed(_ chunk: some Collection<UInt8>, _ sink: (Event) throws -> Void) throws {
        if state == .done { return }  // the epilogue is ignored
        buffer.append(contentsOf: chunk)
        var start = 0
        defer { buffer.removeFirst(start) }
        while true {
            switch state {
            case .preamble, .body:
                if let at = find(delimiter, in: buffer, from: start) {
                    if state == .body {
                        if at > start { try sink(.data(buffer[start..<at])) }
                        try sink(.end)
                    }
                    start = at + delimiter.count
                    state = .afterDelimiter
                } else {
                    // Keep what could be the start of a delimiter split across chunks.
                    let keep = max(start, buffer.count - (delimiter.count - 1))
                    if state == .body && keep > start { try sink(.data(buffer[start..<keep])) }
                    start = keep
                    return
                }
            case .afterDelimiter:
                guard buffer.count - start >= 2 else { return }
                if buffer[start] == 45 && buffer[start + 1] == 45 {  // "--": the closing delimiter
                    state = .done
                    start = buffer.count
                    return
                }
                // Transport padding (spaces, tabs) may stand before the CRLF.
                var i = start
                while i < buffer.count && (buffer[i] == 32 || buffer[i] == 9) { i += 1 }
                guard buffer.count - i >= 2 else { return }
                guard buffer[i] == 13 && buffer[i + 1] == 10 else { throw Failure.malformed("no line break after a boundary") }
                start = i + 2
                state = .headers
            case .headers:
                guard let at = find([13, 10, 13, 10], in: buffer, from: start) else {
                    if buffer.count - start > Self.maxHeaderBytes { throw Failure.malformed("a part's headers are too long") }
                    return
                }
                let (name, filename) = try Self.disposition(String(decoding: buffer[start..<at], as: UTF8.self))
                try sink(.part(name: name, filename: filename))
                start = at + 4
                state = .body
            case .done:
                start = buffer.count
                return
            }
        }
    }

    /// The `name` and `filename` of a part's `Content-Disposition: form-data; …` header.
    static func disposition(_ headers: String) throws -> (String, String?) {
        for line in headers.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":"),
                line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition"
            else { continue }
            var name: String?
            var filename: String?
            for (key, value) in parameters(line[line.index(after: colon)...]) {
                if key == "name" { name = value }
                if key == "filename" { filename = value }
            }
            guard let name else { throw Failure.malformed("a part has no name") }
            return (name, filename)
        }
        throw Failure.malformed("a part has no Content-Disposition")
    }

    /// `form-data; name="file"; filename="a;b.xlsx"` as (key, value) pairs, quotes removed
    /// (a `;` inside quotes does not split).
    static func parameters(_ text: Substring) -> [(String, String)] {
        var out: [(String, String)] = []
        var fields: [String] = []
        var current = ""
        var quoted = false
        for c in text {
            if c == "\"" { quoted.toggle() }
            if c == ";" && !quoted {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        fields.append(current)
        for f in fields {
            guard let eq = f.firstIndex(of: "=") else { continue }
            let key = f[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            var value = f[f.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            out.append((key, value))
        }
        return out
    }

    /// The first index at or after `from` where `pattern` starts in `bytes`.
    private func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        let n = pattern.count
        guard bytes.count - from >= n else { return nil }
        return bytes.withUnsafeBufferPointer { b in
            pattern.withUnsafeBufferPointer { p in
                let first = p[0]
                var i = from
                let last = b.count - n
                while i <= last {
                    if b[i] == first {
                        var j = 1
                        while j < n && b[i + j] == p[j] { j += 1 }
                        if j == n { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }
}
