import Reporting

/// The Batch module: job files, the inbox, the ledger and the nightly run.
public enum Batch {
    /// The ledger schema version this build writes.
    public static let ledgerSchemaVersion = 1
}
