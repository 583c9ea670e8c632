import Foundation
import XLSX
import Yams

/// Loads a template from YAML (with the units file and reference lists beside it),
/// checks every name and expression, and reports the first mistake with file:line:column.
public enum TemplateLoader {
    /// Loads and resolves the template at `path`.
    public static func load(path: String) throws(TemplateError) -> Template {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw TemplateError(.unreadable, file: path, "cannot read the template file")
        }
        return try load(yaml: text, path: path)
    }

    /// Loads a template from text; `path` names it in errors and locates the CSV files beside it.
    public static func load(yaml: String, path: String) throws(TemplateError) -> Template {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw TemplateError(.structure, file: path, line: 1, "the template is empty")
            }
            root = node
        } catch let e as TemplateError {
            throw e
        } catch let e as YamlError {
            throw syntaxError(e, path: path)
        } catch {
            throw TemplateError(.syntax, file: path, "\(error)")
        }
        let doc = TemplateDocument(root: root, path: path)
        let file: TemplateFile
        do throws(StrictYAML.Failure) {
            file = try StrictYAML.decode(TemplateFile.self, from: root)
        } catch {
            switch error {
            case .unknownKey(let u):
                throw TemplateError(.structure, file: path, line: u.mark?.line, column: u.mark?.column, u.message)
            case .decoding(let e):
                throw doc.error(for: e)
            case .other(let e):
                throw TemplateError(.structure, file: path, "\(e)")
            }
        }
        return try TemplateResolver(file: file, doc: doc).resolve()
    }

    private static func syntaxError(_ e: YamlError, path: String) -> TemplateError {
        switch e {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return TemplateError(.syntax, file: path, line: mark.line, column: mark.column, problem)
        case .composer(_, let problem, let mark, _):
            return TemplateError(.syntax, file: path, line: mark.line, column: mark.column, problem)
        default:
            return TemplateError(.syntax, file: path, "\(e)")
        }
    }
}

/// One step of a path into the YAML tree: a mapping key or a sequence index.
enum PathKey: Hashable, CustomStringConvertible, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case key(String)
    case index(Int)
    init(stringLiteral value: String) { self = .key(value) }
    init(integerLiteral value: Int) { self = .index(value) }
    var description: String {
        switch self {
        case .key(let k): return k
        case .index(let i): return "[\(i)]"
        }
    }
}

/// The composed YAML tree, for turning paths into file:line:column.
struct TemplateDocument {
    let root: Node
    let path: String

    func node(at keys: [PathKey]) -> Node? {
        var n: Node? = root
        for k in keys {
            guard let cur = n else { return nil }
            switch (k, cur) {
            case (.key(let s), .mapping(let m)): n = m[s]
            case (.index(let i), .sequence(let q)): n = i < q.count ? q[i] : nil
            default: return nil
            }
        }
        return n
    }

    /// The deepest node on the path that exists (a missing key is reported at its parent).
    func mark(at keys: [PathKey]) -> Mark? {
        var k = keys
        while true {
            if let m = node(at: k)?.mark { return m }
            if k.isEmpty { return nil }
            k.removeLast()
        }
    }

    func error(_ kind: TemplateError.Kind, at keys: [PathKey], _ message: String) -> TemplateError {
        let m = mark(at: keys)
        return TemplateError(kind, file: path, line: m?.line, column: m?.column, message)
    }

    /// An expression error placed inside the scalar that holds the expression.
    func error(_ e: ExpressionError, at keys: [PathKey], context: String) -> TemplateError {
        let n = node(at: keys)
        var column = n?.mark?.column
        if case .scalar(let s)? = n, let c = column {
            switch s.style {
            case .plain: column = c + e.offset
            case .singleQuoted, .doubleQuoted: column = c + 1 + e.offset
            default: break
            }
        }
        return TemplateError(.expression, file: path, line: n?.mark?.line, column: column, "\(context): \(e.message)")
    }

    func error(for e: DecodingError) -> TemplateError {
        func keys(_ path: [any CodingKey]) -> [PathKey] {
            path.map { $0.intValue.map(PathKey.index) ?? .key($0.stringValue) }
        }
        switch e {
        case .keyNotFound(let key, let ctx):
            return error(.structure, at: keys(ctx.codingPath), "missing key '\(key.stringValue)' in \(where_(ctx.codingPath))")
        case .typeMismatch(let type, let ctx):
            return error(.structure, at: keys(ctx.codingPath), "\(where_(ctx.codingPath)) should be \(describe(type))")
        case .valueNotFound(let type, let ctx):
            return error(.structure, at: keys(ctx.codingPath), "\(where_(ctx.codingPath)) needs \(describe(type))")
        case .dataCorrupted(let ctx):
            return error(.structure, at: keys(ctx.codingPath), "\(where_(ctx.codingPath)): \(ctx.debugDescription)")
        @unknown default:
            return TemplateError(.structure, file: path, "\(e)")
        }
    }

    private func where_(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "the template" : path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    private func describe(_ type: Any.Type) -> String {
        let name = String(describing: type)
        switch name {
        case "String": return "a text"
        case "Int": return "a whole number"
        case "Double": return "a number"
        case "Bool": return "true or false"
        default: return name.hasPrefix("Array") ? "a list" : name.hasPrefix("Dictionary") ? "a mapping" : "a mapping (\(name))"
        }
    }
}
