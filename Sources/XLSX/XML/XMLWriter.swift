/// Plain bytes into a reusable buffer: the XML writer every part writer uses.
///
/// No DOM and no libxml2: elements are written in order, attribute values and text go
/// through `XMLEscaper`. Numbers are formatted without Foundation. The caller drains
/// `bytes` when it grows (streaming sheets hand it to the deflater every few hundred KB).
struct XMLWriter {
    /// The bytes written so far (since the last drain).
    var bytes: [UInt8]

    init(capacity: Int = 4096) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` and a line feed.
    mutating func declaration() {
        raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
    }

    /// Appends markup as is.
    @inline(__always)
    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends already-escaped bytes.
    @inline(__always)
    mutating func raw(bytes b: [UInt8]) {
        bytes.append(contentsOf: b)
    }

    /// `<name` (attributes follow; end with `close()` or `selfClose()`).
    @inline(__always)
    mutating func start(_ name: StaticString) {
        bytes.append(UInt8(ascii: "<"))
        raw(name)
    }

    /// `>`.
    @inline(__always)
    mutating func close() { bytes.append(UInt8(ascii: ">")) }

    /// `/>`.
    @inline(__always)
    mutating func selfClose() {
        bytes.append(UInt8(ascii: "/"))
        bytes.append(UInt8(ascii: ">"))
    }

    /// `</name>`.
    @inline(__always)
    mutating func end(_ name: StaticString) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        raw(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// ` name="value"`, the value escaped.
    mutating func attr(_ name: StaticString, _ value: String) {
        attrOpen(name)
        XMLEscaper.appendAttribute(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// ` name="123"`.
    mutating func attr(_ name: StaticString, _ value: Int) {
        attrOpen(name)
        int(value)
        bytes.append(UInt8(ascii: "\""))
    }

    /// ` name="1.5"` (shortest round-trip form).
    mutating func attr(_ name: StaticString, _ value: Double) {
        attrOpen(name)
        double(value)
        bytes.append(UInt8(ascii: "\""))
    }

    /// ` name="`, the start every `attr` shares.
    @inline(__always)
    private mutating func attrOpen(_ name: StaticString) {
        bytes.append(UInt8(ascii: " "))
        raw(name)
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
    }

    /// ` name="1"` when true, ` name="0"` when false.
    mutating func attr(_ name: StaticString, _ value: Bool) {
        attr(name, value ? 1 : 0)
    }

    /// Escaped element text.
    mutating func text(_ s: String) {
        XMLEscaper.appendText(s, to: &bytes)
    }

    /// `<name>text</name>` with the text escaped.
    mutating func element(_ name: StaticString, text s: String) {
        start(name)
        close()
        text(s)
        end(name)
    }

    /// A decimal integer, no allocation.
    @inline(__always)
    mutating func int(_ value: Int) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var v = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
            UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[n] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                n += 1
            } while v > 0
            while n > 0 {
                n -= 1
                bytes.append(d[n])
            }
        }
    }

    /// A double in the shortest form that reads back to the same value: integers without
    /// a fraction (`42`), others as Swift prints them (`0.1`, `1e-05`, `1.5e+20`, all valid
    /// `xsd:double`). Callers keep NaN and infinities out (Excel cannot store them).
    mutating func double(_ d: Double) {
        if d == d.rounded(.towardZero) && abs(d) < 1e15 {
            if d == 0 { bytes.append(UInt8(ascii: "0")); return }  // also -0
            int(Int(d))
            return
        }
        bytes.append(contentsOf: d.description.utf8)
    }
}
