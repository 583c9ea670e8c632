import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The one Swift file that touches libxml2. It drives the SAX2 parser
// in pull mode (xmlCreateIOParserCtxt / xmlParseDocument) with safe options and hands names,
// attributes and text to a `SAXHandler` as byte views; the rest of the reader never
// sees a libxml2 type.
//
// Safety: no XML_PARSE_NOENT (entity substitution can read local files even with
// NONET on libxml2 2.9), no DTD loading, XML_PARSE_NONET, and no XML_PARSE_HUGE, so
// libxml2's own size limits hold. A document type declaration is refused outright.
//
// Attribute values: without XML_PARSE_NOENT, libxml2's SAX2 keeps a reference to `&` in
// an attribute value as the five bytes `&#38;` (`name="A&amp;B"` arrives as `A&#38;B`;
// `&#38;` and `&#x26;` too), while `&lt;`, `&gt;`, `&quot;`, `&apos;` and other character
// references arrive replaced. libxml2 has no option that substitutes only the predefined
// and character references, so the start-tag callback decodes every value that holds a
// `&` once, before any handler sees it (`AttributeDecoder`); the rest of the reader
// gets the text as written by the producer, for every attribute (sheet and defined
// names, number format codes, relationship targets, ...). Values without `&` (nearly
// all) are passed through untouched, with no copy. The worksheet handler alone opts out
// (`decodesAttributes`): none of the attributes it reads can hold a meaningful `&`.

/// The namespaces the reader tells apart; transitional and strict OOXML map to the same case.
enum XMLNamespace: UInt8, Sendable {
    /// No namespace (unprefixed attributes, documents without xmlns).
    case none
    /// SpreadsheetML main (transitional or strict).
    case main
    /// Office document relationships (`r:id`), transitional or strict.
    case officeRelationships
    /// Package relationships (`.rels` parts).
    case packageRelationships
    /// The `xml:` namespace (`xml:space`).
    case xml
    /// Anything else (extensions, markup compatibility, ...).
    case other
}

/// A NUL-terminated name (element or attribute local name) owned by the parser; valid
/// only during the callback.
struct XMLName {
    let base: UnsafePointer<UInt8>

    /// True when the name is exactly `s` (compares bytes, allocates nothing).
    @inline(__always) func `is`(_ s: StaticString) -> Bool {
        let p = s.utf8Start
        let n = s.utf8CodeUnitCount
        var i = 0
        while i < n {
            if base[i] != p[i] { return false }
            i += 1
        }
        return base[n] == 0
    }

    /// First byte (0 for an empty name).
    @inline(__always) var first: UInt8 { base[0] }

    var string: String { String(cString: base) }
}

/// A run of bytes owned by the parser (attribute value or text); valid only during the callback.
struct XMLBytes {
    let base: UnsafePointer<UInt8>
    let count: Int

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
    var string: String { String(decoding: buffer, as: UTF8.self) }

    @inline(__always) func equals(_ s: StaticString) -> Bool {
        guard s.utf8CodeUnitCount == count else { return false }
        return memcmp(base, s.utf8Start, count) == 0
    }
}

/// The attributes of one start tag.
struct XMLAttributes {
    fileprivate let raw: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    /// Number of attributes.
    let count: Int
    fileprivate unowned(unsafe) let state: SAXHandler

    /// The local name of attribute `i`.
    @inline(__always) func name(_ i: Int) -> XMLName { XMLName(base: raw![i * 5]!) }
    /// The namespace of attribute `i`.
    @inline(__always) func namespace(_ i: Int) -> XMLNamespace { state.classify(raw![i * 5 + 2]) }
    /// The value of attribute `i` (entities already replaced).
    @inline(__always) func value(_ i: Int) -> XMLBytes {
        let start = raw![i * 5 + 3]!, end = raw![i * 5 + 4]!
        return XMLBytes(base: start, count: end - start)
    }

    /// The value of the attribute with this local name and namespace, if present.
    func value(_ local: StaticString, _ ns: XMLNamespace = .none) -> XMLBytes? {
        for i in 0..<count where name(i).is(local) && namespace(i) == ns { return value(i) }
        return nil
    }
}

/// Receives parse events; each reader part subclasses it and overrides the three
/// event methods, which return false to stop the parse. A base class rather than a
/// protocol: the C callbacks reach it through an unretained context pointer and call
/// it through the class vtable, with no existential and no retain/release per event.
class SAXHandler {
    fileprivate var ctxt: xmlParserCtxtPtr?
    fileprivate var stoppedByHandler = false
    fileprivate var dtd = false
    /// Open elements; past `maxDepth` the parse stops. Our own count, so that the limit does
    /// not depend on the parser mode: libxml2 2.9's push parser applies none (a 2 MB part
    /// nested 5 million deep took 78 s and 235 MB).
    fileprivate var depth = 0
    fileprivate var tooDeep = false
    static let maxDepth = 256
    fileprivate var errorMessage: String?
    fileprivate var errorLine = 0
    private var cacheKeys: (UnsafePointer<UInt8>?, UnsafePointer<UInt8>?) = (nil, nil)
    /// Decodes `&#38;` in attribute values (see the file comment).
    fileprivate let decoder = AttributeDecoder()
    /// False for a handler whose attributes can hold no `&` that matters: the worksheet
    /// handler reads only cell references, style indexes, cell types, shared-formula ids
    /// and merged ranges, where `&` is invalid either way, and scanning the attributes of
    /// every `<c>` and `<v>` cost a few per cent of a sheet's read (perf, wide workload).
    var decodesAttributes: Bool { true }
    private var cacheValues: (XMLNamespace, XMLNamespace) = (.none, .none)

    init() {}

    func startElement(_ name: XMLName, _ ns: XMLNamespace, _ attributes: XMLAttributes) -> Bool { true }
    func endElement(_ name: XMLName, _ ns: XMLNamespace) -> Bool { true }
    func characters(_ text: XMLBytes) -> Bool { true }

    fileprivate func stop() {
        if let ctxt { xmlStopParser(ctxt) }
    }

    /// Namespace URIs come from libxml2's dictionary, so the pointer identifies the URI
    /// within a parse: compare strings once per distinct pointer.
    @inline(__always) fileprivate final func classify(_ uri: UnsafePointer<UInt8>?) -> XMLNamespace {
        guard let uri else { return .none }
        if uri == cacheKeys.0 { return cacheValues.0 }
        if uri == cacheKeys.1 { return cacheValues.1 }
        let ns = SAXHandler.classifySlow(uri)
        cacheKeys.1 = cacheKeys.0
        cacheValues.1 = cacheValues.0
        cacheKeys.0 = uri
        cacheValues.0 = ns
        return ns
    }

    private static func classifySlow(_ uri: UnsafePointer<UInt8>) -> XMLNamespace {
        switch String(cString: uri) {
        case "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
            "http://purl.oclc.org/ooxml/spreadsheetml/main":
            return .main
        case "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            "http://purl.oclc.org/ooxml/officeDocument/relationships":
            return .officeRelationships
        case "http://schemas.openxmlformats.org/package/2006/relationships":
            return .packageRelationships
        case "http://www.w3.org/XML/1998/namespace":
            return .xml
        default:
            return .other
        }
    }
}

/// Replaces the references libxml2 leaves in attribute values (without entity
/// substitution it hands `&` as `&#38;`) with the characters they stand for. Owns two
/// scratch buffers reused for every start tag: a copy of libxml2's attribute array (five
/// pointers per attribute) whose value pointers are moved to decoded copies, and the
/// bytes of those copies. Nothing is allocated for a tag none of whose values holds `&`.
final class AttributeDecoder {
    private var slots: UnsafeMutablePointer<UnsafePointer<UInt8>?>
    private var slotCapacity = 0
    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCapacity = 0

    init() {
        slots = .allocate(capacity: 1)
        bytes = .allocate(capacity: 1)
    }

    deinit {
        slots.deallocate()
        bytes.deallocate()
    }

    /// The attribute array to hand on: `raw` itself when no value holds `&`, else a copy
    /// whose values are decoded (valid until the next call).
    @inline(__always)
    func decode(_ raw: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int) -> UnsafeMutablePointer<UnsafePointer<UInt8>?>? {
        guard let raw else { return nil }
        var total = 0
        var any = false
        for i in 0..<count {
            var p = raw[i * 5 + 3]!
            let end = raw[i * 5 + 4]!
            total += end - p
            // Values are short (cell references, style indexes): a plain loop beats memchr.
            while p < end {
                if p.pointee == 0x26 { any = true }
                p += 1
            }
        }
        return any ? decodeSlow(raw, count: count, total: total) : raw
    }

    private func decodeSlow(_ raw: UnsafeMutablePointer<UnsafePointer<UInt8>?>, count: Int, total: Int)
        -> UnsafeMutablePointer<UnsafePointer<UInt8>?>
    {
        if slotCapacity < count * 5 {
            slots.deallocate()
            slotCapacity = count * 5
            slots = .allocate(capacity: slotCapacity)
        }
        if byteCapacity < total {  // decoding only shortens, so `total` bytes suffice
            bytes.deallocate()
            byteCapacity = max(total, 256)
            bytes = .allocate(capacity: byteCapacity)
        }
        slots.update(from: raw, count: count * 5)
        var out = 0
        for i in 0..<count {
            let start = raw[i * 5 + 3]!, end = raw[i * 5 + 4]!
            let n = end - start
            guard n > 0, memchr(start, 0x26, n) != nil else { continue }
            let first = out
            out += AttributeDecoder.unescape(UnsafeBufferPointer(start: start, count: n), into: bytes + out)
            slots[i * 5 + 3] = UnsafePointer(bytes + first)
            slots[i * 5 + 4] = UnsafePointer(bytes + out)
        }
        return slots
    }

    /// Writes `input` with `&#N;`, `&#xH;`, `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`
    /// replaced by their characters (UTF-8) to `out`; returns the bytes written, at most
    /// `input.count`. Anything else after `&` is copied as it is.
    static func unescape(_ input: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int {
        let n = input.count
        var i = 0, o = 0
        while i < n {
            let c = input[i]
            guard c == 0x26, let semi = (i + 2..<min(n, i + 12)).first(where: { input[$0] == 0x3B }) else {
                out[o] = c
                o += 1
                i += 1
                continue
            }
            let body = UnsafeBufferPointer(rebasing: input[(i + 1)..<semi])
            if let scalar = reference(body) {
                UTF8.encode(scalar) { b in
                    out[o] = b
                    o += 1
                }
                i = semi + 1
            } else {
                out[o] = c
                o += 1
                i += 1
            }
        }
        return o
    }

    private static func reference(_ b: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        let s = String(decoding: b, as: UTF8.self)
        switch s {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default: break
        }
        guard s.hasPrefix("#") else { return nil }
        let digits = s.dropFirst()
        let value: UInt32?
        if digits.first == "x" || digits.first == "X" {
            value = UInt32(digits.dropFirst(), radix: 16)
        } else {
            value = UInt32(digits, radix: 10)
        }
        return value.flatMap(Unicode.Scalar.init)
    }
}

@inline(__always) private func state(_ ctx: UnsafeMutableRawPointer?) -> Unmanaged<SAXHandler> {
    Unmanaged<SAXHandler>.fromOpaque(ctx!)
}

private func makeSAXHandler() -> xmlSAXHandler {
    var sax = xmlSAXHandler()
    sax.initialized = 0xDEED_BEAF  // XML_SAX2_MAGIC: use startElementNs/endElementNs/serror
    sax.startElementNs = { ctx, localname, _, uri, _, _, nbAttributes, _, attributes in
        state(ctx)._withUnsafeGuaranteedRef { s in
            s.depth += 1
            if s.depth > SAXHandler.maxDepth {
                s.tooDeep = true
                s.stop()
                return
            }
            let n = Int(nbAttributes)
            let raw = n > 0 && s.decodesAttributes ? s.decoder.decode(attributes, count: n) : attributes
            let attrs = XMLAttributes(raw: raw, count: n, state: s)
            if !s.startElement(XMLName(base: localname!), s.classify(uri), attrs) {
                s.stoppedByHandler = true
                s.stop()
            }
        }
    }
    sax.endElementNs = { ctx, localname, _, uri in
        state(ctx)._withUnsafeGuaranteedRef { s in
            s.depth -= 1
            if !s.endElement(XMLName(base: localname!), s.classify(uri)) {
                s.stoppedByHandler = true
                s.stop()
            }
        }
    }
    let characters: charactersSAXFunc = { ctx, ch, len in
        state(ctx)._withUnsafeGuaranteedRef { s in
            if len > 0, !s.characters(XMLBytes(base: ch!, count: Int(len))) {
                s.stoppedByHandler = true
                s.stop()
            }
        }
    }
    sax.characters = characters
    sax.cdataBlock = characters
    sax.ignorableWhitespace = characters
    sax.internalSubset = { ctx, _, _, _ in
        state(ctx)._withUnsafeGuaranteedRef { s in
            s.dtd = true
            s.stop()
        }
    }
    sax.serror = { ctx, error in
        guard let ctx, let error else { return }
        state(ctx)._withUnsafeGuaranteedRef { s in
            guard s.errorMessage == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            s.errorMessage =
                error.pointee.message.map { String(cString: $0).trimmingTrailingSpace() } ?? "XML error \(error.pointee.code)"
            s.errorLine = Int(error.pointee.line)
        }
    }
    return sax
}

private let parserInitialized: Void = { xmlInitParser() }()

/// What libxml2's read callback reaches: the part's byte stream and the first
/// problem it raised (kept apart from XML errors, which libxml2 reports itself).
private final class SAXInput {
    let stream: any EntryStream
    let part: String
    unowned(unsafe) let handler: SAXHandler
    var failure: XLSXError?
    var first = true

    init(stream: any EntryStream, part: String, handler: SAXHandler) {
        self.stream = stream
        self.part = part
        self.handler = handler
    }
}

/// Drives libxml2's SAX2 parser in pull mode over one part: libxml2 asks for bytes as
/// it needs them (`xmlCreateIOParserCtxt` + `xmlParseDocument`), which costs less than
/// the push parser's look-ahead scans for every tag (measured: about 8 % of the parse).
enum SAXParser {
    /// Parses a whole part from `input` through `handler`. Returns false when the
    /// handler stopped the parse; throws the first problem of the stream or the XML.
    @discardableResult
    static func parse(_ input: any EntryStream, part: String, handler: SAXHandler) throws(XLSXError) -> Bool {
        _ = parserInitialized
        defer { input.close() }
        let io = SAXInput(stream: input, part: part, handler: handler)
        var sax = makeSAXHandler()
        let read: xmlInputReadCallback = { ctx, buffer, len in
            let io = Unmanaged<SAXInput>.fromOpaque(ctx!).takeUnretainedValue()
            guard let buffer, len > 0, io.failure == nil else { return io.failure == nil ? 0 : -1 }
            let out = UnsafeMutableRawBufferPointer(start: buffer, count: Int(len))
            do throws(XLSXError) {
                let n = try io.stream.read(into: out)
                if io.first {
                    io.first = false
                    // libxml2 reports a DTD only once it has the whole declaration, which
                    // may be after a size limit was hit; this says "DTD" first.
                    if SAXParser.prologHasDoctype(UnsafeRawBufferPointer(rebasing: out[0..<n])) {
                        io.failure = .dtdRefused(part: io.part)
                        return -1
                    }
                }
                return Int32(n)
            } catch {
                // An XML error already met in the bytes before comes first.
                if io.handler.errorMessage == nil { io.failure = error }
                return -1
            }
        }
        guard
            let ctxt = xmlCreateIOParserCtxt(
                &sax, Unmanaged.passUnretained(handler).toOpaque(), read, nil,
                Unmanaged.passUnretained(io).toOpaque(), XML_CHAR_ENCODING_NONE)
        else { throw .xml("cannot create the XML parser", part: part, line: 0) }
        defer {
            handler.ctxt = nil
            // In SAX mode libxml2 may still make a document of its own: an entity declared
            // in an internal subset it meets before the prolog check could refuse it (the
            // fuzzer found one after a stray byte) is kept in a "fake" document with a DTD.
            // xmlFreeParserCtxt does not free it; without this it leaked.
            if let doc = ctxt.pointee.myDoc {
                xmlFreeDoc(doc)
                ctxt.pointee.myDoc = nil
            }
            xmlFreeParserCtxt(ctxt)
        }
        handler.ctxt = ctxt
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        xmlCtxtUseOptions(ctxt, options)
        let rc = withExtendedLifetime(io) { xmlParseDocument(ctxt) }
        if handler.dtd { throw .dtdRefused(part: part) }
        if let failure = io.failure { throw failure }
        if handler.tooDeep {
            throw .xml("elements nested deeper than \(SAXHandler.maxDepth) levels (depth limit)", part: part, line: 0)
        }
        if handler.stoppedByHandler { return false }
        if rc != 0 || handler.errorMessage != nil || ctxt.pointee.wellFormed == 0 {
            var message = handler.errorMessage
            var line = handler.errorLine
            if message == nil, let e = xmlCtxtGetLastError(ctxt), let m = e.pointee.message {
                message = String(cString: m).trimmingTrailingSpace()
                line = Int(e.pointee.line)
            }
            throw .xml(message ?? "XML error \(rc)", part: part, line: line)
        }
        return true
    }

    /// True when the prolog in `bytes` (UTF-8) declares a document type.
    static func prologHasDoctype(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let doctype = Array("<!DOCTYPE".utf8)
        var i = 0
        let n = bytes.count
        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if i + 1 < n && (bytes[i + 1] == UInt8(ascii: "?") || bytes[i + 1] == UInt8(ascii: "!")) {
                if i + doctype.count <= n && doctype.indices.allSatisfy({ bytes[i + $0] == doctype[$0] }) {
                    return true
                }
                i += 2
                continue
            }
            return false  // the root element: no DTD can follow
        }
        return false
    }
}

extension String {
    fileprivate func trimmingTrailingSpace() -> String {
        var s = self
        while s.last == "\n" || s.last == " " { s.removeLast() }
        return s
    }
}
