/// A rule expression that does not lex, parse or type-check, with the character offset.
public struct ExpressionError: Error, Sendable, CustomStringConvertible {
    /// Zero-based character offset in the expression.
    public var offset: Int
    /// What is wrong.
    public var message: String

    public init(offset: Int, _ message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "\(message) (at character \(offset + 1))" }
}
