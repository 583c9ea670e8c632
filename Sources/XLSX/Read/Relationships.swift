/// One relationship from a `.rels` part.
struct Relationship: Sendable {
    let id: String
    /// The type URI (transitional or strict); compare with `hasType`.
    let type: String
    /// The target resolved to a part name (for internal targets).
    let target: String
    let external: Bool

    /// True when the type URI ends with `/suffix` (so transitional, strict and
    /// Microsoft URIs of the same kind all match).
    func hasType(_ suffix: String) -> Bool {
        type.hasSuffix("/" + suffix)
    }
}

/// Parses a `.rels` part.
final class RelationshipsHandler: SAXHandler {
    private let source: String
    private(set) var relationships: [Relationship] = []

    /// `source` is the part the relationships belong to ("" for the package).
    init(source: String) { self.source = source }

    override func startElement(_ name: XMLName, _ ns: XMLNamespace, _ attributes: XMLAttributes) -> Bool {
        guard name.is("Relationship") else { return true }
        let id = attributes.value("Id")?.string ?? ""
        let type = attributes.value("Type")?.string ?? ""
        let target = attributes.value("Target")?.string ?? ""
        let external = attributes.value("TargetMode")?.string.lowercased() == "external"
        relationships.append(
            Relationship(
                id: id, type: type, target: external ? target : PartPath.resolve(target, from: source),
                external: external))
        return true
    }

    override func endElement(_ name: XMLName, _ ns: XMLNamespace) -> Bool { true }
    override func characters(_ text: XMLBytes) -> Bool { true }
}
