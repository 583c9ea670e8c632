extension UnitStatus {
    /// The standing a unit gets from its current file's fate: a rejected or unreadable
    /// file leaves the unit rejected (shown, not counted).
    public init(_ file: FileStatus) {
        switch file {
        case .accepted: self = .accepted
        case .acceptedWithWarnings: self = .acceptedWithWarnings
        case .rejected, .unreadable: self = .rejected
        }
    }
}
