/// A unit the job expects a submission from this period.
public struct ExpectedUnit: Sendable, Hashable, Codable {
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}
