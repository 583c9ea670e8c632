/// A mistake in a template or the files beside it, with where it is: `template.yaml:42:11`.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The file could not be read.
        case unreadable
        /// Not well-formed YAML or CSV.
        case syntax
        /// An unknown key, a missing key or a value of the wrong kind.
        case structure
        /// A reference to something the template does not declare (indicator, column, list).
        case reference
        /// An expression that does not parse or does not type-check.
        case expression
    }

    public var kind: Kind
    /// The file's path as given.
    public var file: String
    /// One-based line and column, when known.
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(_ kind: Kind, file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `message [template.yaml:42:11]`, the shape the CLI prints after `error: FILE:`.
    public var description: String { "\(message) [\(location)]" }

    /// `template.yaml:42:11`.
    public var location: String {
        var s = file
        if let line { s += ":\(line)" }
        if let line, line > 0, let column { s += ":\(column)" }
        return s
    }
}
