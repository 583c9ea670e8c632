import XLSX

/// The Reporting module: templates, rules, validation, consolidation and reports.
public enum Reporting {
    /// The version of the template language this build understands.
    public static let templateLanguageVersion = 1
}
