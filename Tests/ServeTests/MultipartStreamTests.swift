import Testing

@testable import Serve

/// The streaming multipart reader, fed in every chunk size: the same parts and bytes.
@Suite struct MultipartStreamTests {
    static let boundary = "XyZ"
    static var body: [UInt8] {
        var b = Array("preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\none\r\n".utf8)
        b += Array("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x;y.xlsx\"\r\nContent-Type: x\r\n\r\n".utf8)
        b += [13, 10, 45, 45, 88, 121, 0, 1, 2, 13, 10, 45]  // almost a delimiter, inside the file
        b += Array("\r\n--XyZ--\r\nepilogue".utf8)
        return b
    }

    func parse(_ body: [UInt8], chunk: Int) throws -> [String] {
        var s = MultipartStream(contentType: "multipart/form-data; boundary=\"\(Self.boundary)\"")!
        var events: [String] = []
        var data: [UInt8] = []
        var i = 0
        while i < body.count {
            try s.feed(body[i..<min(i + chunk, body.count)]) { e in
                switch e {
                case .part(let name, let filename): events.append("part \(name) \(filename ?? "-")")
                case .data(let d): data += d
                case .end:
                    events.append("end \(data)")
                    data = []
                }
            }
            i += chunk
        }
        #expect(s.isComplete)
        return events
    }

    @Test func everyChunkSizeGivesTheSameParts() throws {
        let want = [
            "part a -", "end \(Array("one".utf8))", "part file x;y.xlsx", "end \([13, 10, 45, 45, 88, 121, 0, 1, 2, 13, 10, 45])",
        ]
        for chunk in 1...Self.body.count {
            #expect(try parse(Self.body, chunk: chunk) == want, "chunk \(chunk)")
        }
    }

    @Test func contentTypes() {
        #expect(MultipartStream(contentType: "multipart/form-data; boundary=----abc") != nil)
        #expect(MultipartStream(contentType: "multipart/form-data") == nil)
        #expect(MultipartStream(contentType: "application/octet-stream; boundary=x") == nil)
        #expect(MultipartStream(contentType: "multipart/form-data; boundary=" + String(repeating: "x", count: 71)) == nil)
    }

    @Test func aPartWithoutDispositionIsMalformed() {
        var s = MultipartStream(contentType: "multipart/form-data; boundary=b")!
        #expect(throws: MultipartStream.Failure.self) {
            try s.feed(Array("--b\r\nContent-Type: x\r\n\r\nzz\r\n--b--".utf8)) { _ in }
        }
    }
}
