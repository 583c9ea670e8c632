import Testing

@testable import XLSX

@Suite struct WriterEscaperTests {
    @Test func attributeValues() {
        #expect(XMLEscaper.attribute("Thôn \"Nà\" <1> & 2") == "Thôn &quot;Nà&quot; &lt;1&gt; &amp; 2")
        #expect(XMLEscaper.attribute("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d")
        #expect(XMLEscaper.attribute("bell\u{07}") == "bell")  // no way to hold it in XML 1.0
        #expect(XMLEscaper.attribute("it's") == "it's")
        #expect(XMLEscaper.attribute("x\u{FFFE}y\u{FFFF}z") == "xyz")
    }

    @Test func text() {
        #expect(XMLEscaper.text("A < B && C > D") == "A &lt; B &amp;&amp; C &gt; D")
        #expect(XMLEscaper.text("\"quoted\" 'single'") == "\"quoted\" 'single'")
        #expect(XMLEscaper.text("line1\nline2\ttab\r") == "line1\nline2\ttab&#13;")
        #expect(XMLEscaper.text("nul\u{00}") == "nul")
        #expect(XMLEscaper.text("Điện Biên") == "Điện Biên")
    }

    @Test func sharedStrings() {
        #expect(XMLEscaper.sharedString("Mường Nhé & <Nậm Pồ>") == "Mường Nhé &amp; &lt;Nậm Pồ&gt;")
        #expect(XMLEscaper.sharedString("a\u{01}b\u{1F}c") == "a_x0001_b_x001F_c")
        #expect(XMLEscaper.sharedString("cr\r\nlf") == "cr_x000D_\nlf")
        #expect(XMLEscaper.sharedString("tab\there") == "tab\there")
        // A literal _xHHHH_ is protected so readers do not decode it.
        #expect(XMLEscaper.sharedString("_x0041_") == "_x005F_x0041_")
        #expect(XMLEscaper.sharedString("a_x00e9_b") == "a_x005F_x00e9_b")
        // Underscores that are not an escape stay as they are.
        #expect(XMLEscaper.sharedString("snake_case_x") == "snake_case_x")
        #expect(XMLEscaper.sharedString("_x12G4_") == "_x12G4_")
        #expect(XMLEscaper.sharedString("_x123_") == "_x123_")
        #expect(XMLEscaper.sharedString("\u{FFFF}") == "_xFFFF_")
    }

    @Test func numbers() {
        func fmt(_ d: Double) -> String {
            var w = XMLWriter()
            w.double(d)
            return String(decoding: w.bytes, as: UTF8.self)
        }
        #expect(fmt(0) == "0")
        #expect(fmt(-0.0) == "0")
        #expect(fmt(42) == "42")
        #expect(fmt(-1873) == "-1873")
        #expect(fmt(0.1) == "0.1")
        #expect(fmt(1873.25) == "1873.25")
        #expect(fmt(1e-5) == "1e-05")
        #expect(Double(fmt(1.0 / 3.0)) == 1.0 / 3.0)
        #expect(Double(fmt(123_456_789_012_345_680_000)) == 123_456_789_012_345_680_000)
        var w = XMLWriter()
        w.int(Int.min + 1)
        w.int(9_000_000_000)
        #expect(String(decoding: w.bytes, as: UTF8.self) == "-92233720368547758079000000000")
    }
}
