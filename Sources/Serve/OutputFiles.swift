import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files the province page may serve: those of the job's output folder, reached by a
/// relative path whose every segment is a plain name (no `..`, no `.`, no hidden file, no
/// separator or NUL inside), with an extension of what a run writes (workbooks, reports),
/// and which, links resolved, is a regular file inside the output folder. The ledger
/// (`.sqlite`) and anything else are never served.
struct OutputFiles {
    let root: String

    /// The extensions served, with their media types.
    static let mediaTypes: [String: String] = [
        "html": "text/html; charset=utf-8",
        "json": "application/json",
        "svg": "image/svg+xml",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
    ]

    /// The absolute path of `segments` under the root, or nil when any check fails.
    func resolve(_ segments: [String]) -> String? {
        guard !segments.isEmpty, segments.count <= 8 else { return nil }
        for s in segments {
            guard !s.isEmpty, s.utf8.count <= 255, !s.hasPrefix("."), !s.contains("/"), !s.contains("\\"),
                !s.contains("\0")
            else { return nil }
        }
        guard let ext = segments.last?.split(separator: ".").last.map({ $0.lowercased() }),
            segments.last!.contains("."), Self.mediaTypes[ext] != nil
        else { return nil }
        guard let realRoot = Self.realPath(root), let real = Self.realPath(root + "/" + segments.joined(separator: "/")),
            real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
        else { return nil }
        var st = stat()
        guard stat(real, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return real
    }

    /// The media type of a file `resolve` gave.
    static func mediaType(_ path: String) -> String {
        mediaTypes[path.split(separator: ".").last.map { $0.lowercased() } ?? ""] ?? "application/octet-stream"
    }

    /// Segments as the router gives them (percent-encoded), decoded once; nil when one
    /// does not decode.
    static func decode(_ raw: [Substring]) -> [String]? {
        var out: [String] = []
        for r in raw {
            guard let d = String(r).removingPercentEncoding else { return nil }
            out.append(d)
        }
        return out
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
