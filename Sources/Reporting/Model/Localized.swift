/// The languages reports speak. Vietnamese is the default.
public enum Language: String, Codable, CaseIterable, Sendable {
    case vi, en
}

/// A text in every report language.
public struct Localized: Codable, Hashable, Sendable {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    public subscript(lang: Language) -> String { lang == .vi ? vi : en }
}
