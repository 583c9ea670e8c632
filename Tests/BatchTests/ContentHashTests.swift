import Testing

@testable import Batch

@Suite struct ContentHashTests {
    @Test func knownVectors() {
        #expect(ContentHash.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ContentHash.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            ContentHash.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // 1,000 x "a" crosses many block boundaries and the 56-byte padding edge.
        #expect(
            ContentHash.hex(String(repeating: "a", count: 1000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func chunkedUpdatesMatchOneShot() {
        let bytes = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let whole = ContentHash.hex(bytes)
        #expect(whole == "1e92fd98f113aba0a78e0830ca06e2775912370feab112dfc57bf3258b810595")  // Python hashlib
        for chunk in [1, 3, 63, 64, 65, 1000] {
            var h = ContentHash()
            var i = 0
            while i < bytes.count {
                h.update(bytes[i..<min(i + chunk, bytes.count)])
                i += chunk
            }
            #expect(h.finalize() == whole, "chunk \(chunk)")
        }
        // Padding edges (values from Python's hashlib).
        #expect(ContentHash.hex(Array(bytes[0..<55])) == "8aa994584139d128848eeebc4e815639ba5ab6e6e39574195a63ac4f14f7c43b")
        #expect(ContentHash.hex(Array(bytes[0..<56])) == "ad574708f75c044c9b85de64cb568ee7711ff4f36448c6242f053ba8f6cc2b63")
        #expect(ContentHash.hex(Array(bytes[0..<64])) == "c6ab9724ade5b6a7a1edfffb12f3aa9181351355af8fd08c919952ad211339dd")
    }
}
