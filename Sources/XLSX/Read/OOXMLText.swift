/// Decoding of OOXML text: `_xHHHH_` escapes (control characters and other code
/// units Excel cannot put in XML; `_x005F_` is a literal `_`).
enum OOXMLText {
    /// The string for UTF-8 `bytes` with `_xHHHH_` escapes decoded.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard mayHaveEscape(bytes) else { return String(decoding: bytes, as: UTF8.self) }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count)
        let plain = String(decoding: bytes, as: UTF8.self)
        let u = Array(plain.utf16)
        var i = 0
        while i < u.count {
            if u[i] == 0x5F, i + 6 < u.count, u[i + 1] == 0x78, u[i + 6] == 0x5F,
                let v = hex4(u[i + 2], u[i + 3], u[i + 4], u[i + 5])
            {
                units.append(v)
                i += 7
            } else {
                units.append(u[i])
                i += 1
            }
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Convenience over an array.
    static func decode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    @inline(__always) private static func mayHaveEscape(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count >= 7 else { return false }
        for i in 0..<(b.count - 1) where b[i] == 0x5F && b[i + 1] == 0x78 { return true }
        return false
    }

    private static func hex4(_ a: UInt16, _ b: UInt16, _ c: UInt16, _ d: UInt16) -> UInt16? {
        var v: UInt16 = 0
        for x in [a, b, c, d] {
            let digit: UInt16
            switch x {
            case 0x30...0x39: digit = x - 0x30
            case 0x41...0x46: digit = x - 0x41 + 10
            case 0x61...0x66: digit = x - 0x61 + 10
            default: return nil
            }
            v = v << 4 | digit
        }
        return v
    }
}
