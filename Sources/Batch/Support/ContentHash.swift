import Crypto

/// Content hashes (SHA-256, lowercase hex) of submissions, templates, job files, outputs
/// and a run's fingerprint. The digest is swift-crypto's (BoringSSL's SHA-256, with the
/// CPU's SHA extensions where it has them): a pure-Swift one we used before spent 3 % of a
/// nightly run's CPU hashing 1,000 submissions and their 4,000 reports.
public struct ContentHash: Sendable {
    private var hasher = Crypto.SHA256()

    /// A fresh hasher.
    public init() {}

    /// Feeds bytes.
    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }) {
            return done
        }
        Array(bytes).withUnsafeBytes { hasher.update(bufferPointer: $0) }
    }

    /// Feeds the UTF-8 bytes of a string.
    public mutating func update(_ string: String) {
        var s = string
        s.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }

    /// Finishes and returns the lowercase hex digest.
    public func finalize() -> String {
        ContentHash.hexString(hasher.finalize())
    }

    /// The lowercase hex digest of some bytes.
    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var h = ContentHash()
        h.update(bytes)
        return h.finalize()
    }

    /// The lowercase hex digest of a string's UTF-8 bytes.
    public static func hex(_ string: String) -> String {
        var h = ContentHash()
        h.update(string)
        return h.finalize()
    }

    private static func hexString(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var chars: [UInt8] = []
        chars.reserveCapacity(64)
        for b in digest {
            chars.append(digits[Int(b >> 4)])
            chars.append(digits[Int(b & 15)])
        }
        return String(decoding: chars, as: UTF8.self)
    }
}
