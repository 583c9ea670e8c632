/// OPC part names: resolving relationship targets and finding a part's `.rels`.
enum PartPath {
    /// Resolves a relationship target against the part that holds the relationship.
    /// Absolute targets (`/xl/...`) start from the package root; relative ones (`./`,
    /// `../`) from the source part's folder. `\` counts as `/`. No leading `/` in the result.
    static func resolve(_ target: String, from sourcePart: String) -> String {
        let t = target.contains("\\") ? target.replacingBackslashes() : target
        var segments: [Substring]
        if t.hasPrefix("/") {
            segments = []
        } else {
            segments = sourcePart.split(separator: "/", omittingEmptySubsequences: true)
            if !segments.isEmpty { segments.removeLast() }
        }
        for s in t.split(separator: "/", omittingEmptySubsequences: true) {
            if s == "." { continue }
            if s == ".." {
                if !segments.isEmpty { segments.removeLast() }
                continue
            }
            segments.append(s)
        }
        return segments.joined(separator: "/")
    }

    /// `xl/workbook.xml` -> `xl/_rels/workbook.xml.rels`; `` (the package) -> `_rels/.rels`.
    static func relationships(of part: String) -> String {
        var segments = part.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let name = segments.popLast() ?? ""
        segments.append("_rels")
        segments.append(name + ".rels")
        return segments.joined(separator: "/")
    }
}
