/// The type of an input cell: an indicator's value, a list column, an identify field.
public enum FieldType: Sendable, Hashable, CustomStringConvertible {
    case integer
    case number
    /// A fraction shown as a percentage: `93,65%` and 0.9365 are the same value.
    case percent
    case text
    case date
    /// `Có`/`Không`, `x`/blank, `TRUE`/`FALSE`, a boolean cell.
    case boolean
    /// A code from a reference list (by id).
    case code(String)

    /// The type's name as the template spells it (`code` for every code type).
    public var name: String {
        switch self {
        case .integer: return "integer"
        case .number: return "number"
        case .percent: return "percent"
        case .text: return "text"
        case .date: return "date"
        case .boolean: return "boolean"
        case .code: return "code"
        }
    }

    /// `code(communes)` for a code type, else the name.
    public var description: String {
        if case .code(let r) = self { return "code(\(r))" }
        return name
    }

    /// True for integer, number and percent.
    public var isNumeric: Bool {
        switch self {
        case .integer, .number, .percent: return true
        default: return false
        }
    }

    /// Parses a template type name; `code` needs the reference separately.
    static func named(_ name: String, reference: String?) -> FieldType? {
        switch name.lowercased() {
        case "integer", "int", "whole": return .integer
        case "number", "decimal": return .number
        case "percent", "percentage": return .percent
        case "text", "string": return .text
        case "date": return .date
        case "boolean", "bool", "yes_no": return .boolean
        case "code": return reference.map { .code($0) }
        default: return nil
        }
    }
}

/// What a cell may hold: the checks a form value, list cell or identify field goes through.
public struct FieldSpec: Sendable, Hashable {
    /// The type the cell is read as.
    public var type: FieldType
    /// A blank cell is `blank-required`.
    public var required: Bool
    /// Smallest and largest number allowed (`out-of-range`).
    public var min: Double?
    public var max: Double?
    /// A regular expression the whole text must match (text and code types).
    public var pattern: String?
    /// Allowed values, matched with `LabelKey` folding (case, spacing, NFC/NFD).
    public var allowed: [String]?
    /// Maximum length in characters (text).
    public var maxLength: Int?

    public init(
        type: FieldType, required: Bool = false, min: Double? = nil, max: Double? = nil,
        pattern: String? = nil, allowed: [String]? = nil, maxLength: Int? = nil
    ) {
        self.type = type
        self.required = required
        self.min = min
        self.max = max
        self.pattern = pattern
        self.allowed = allowed
        self.maxLength = maxLength
    }
}
