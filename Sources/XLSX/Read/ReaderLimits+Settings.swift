/// The reader limits as an operator sets them: each one's name in a settings file (the
/// job file's `limits:` section, `docs/SECURITY.md`), the unit that name states, and the
/// `ReaderLimits` property it sets. One table, so that a limit the reader hits
/// (`XLSXError.limitExceeded(limit: "maxGridCells", …)`) can be reported under the name
/// and in the unit the operator wrote (`max_grid_cells = 10`).
extension ReaderLimits {
    /// The unit of a setting's value.
    public enum SettingUnit: String, Sendable {
        /// Whole mebibytes (2^20 bytes): `max_file_size_mb: 50`.
        case mebibytes
        /// Whole bytes.
        case bytes
        /// A whole count (entries, strings, cells).
        case count
        /// A fraction (compressed / uncompressed).
        case ratio
    }

    /// One settable limit.
    public struct Setting: Sendable {
        /// The `ReaderLimits` property, as `XLSXError.limitExceeded` names it (`maxGridCells`).
        public let property: String
        /// The settings-file key (`max_grid_cells`).
        public let key: String
        /// The unit the key states.
        public let unit: SettingUnit
        private let get: @Sendable (ReaderLimits) -> Double
        private let set: @Sendable (inout ReaderLimits, Double) -> Void

        init(
            _ property: String, _ key: String, _ unit: SettingUnit, get: @escaping @Sendable (ReaderLimits) -> Double,
            set: @escaping @Sendable (inout ReaderLimits, Double) -> Void
        ) {
            self.property = property
            self.key = key
            self.unit = unit
            self.get = get
            self.set = set
        }

        /// The limit's value in `limits`, in this setting's unit.
        public func value(in limits: ReaderLimits) -> Double {
            let v = get(limits)
            return unit == .mebibytes ? v / Double(1 << 20) : v
        }

        /// Sets the limit in `limits` from a value in this setting's unit.
        public func apply(_ value: Double, to limits: inout ReaderLimits) {
            set(&limits, unit == .mebibytes ? value * Double(1 << 20) : value)
        }

        /// The value as the operator writes it: `50`, `0.01`, `1.5`.
        public func text(in limits: ReaderLimits) -> String {
            let v = value(in: limits)
            if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
            return String(v)
        }
    }

    /// Every settable limit, in the order of `docs/SECURITY.md`.
    public static let settings: [Setting] = [
        Setting("maxFileSize", "max_file_size_mb", .mebibytes,
                get: { Double($0.maxFileSize) }, set: { $0.maxFileSize = Int64($1) }),
        Setting("maxEntries", "max_entries", .count,
                get: { Double($0.maxEntries) }, set: { $0.maxEntries = Int($1) }),
        Setting("maxEntrySize", "max_entry_size_mb", .mebibytes,
                get: { Double($0.maxEntrySize) }, set: { $0.maxEntrySize = Int64($1) }),
        Setting("maxTotalSize", "max_total_size_mb", .mebibytes,
                get: { Double($0.maxTotalSize) }, set: { $0.maxTotalSize = Int64($1) }),
        Setting("minCompressionRatio", "min_compression_ratio", .ratio,
                get: { $0.minCompressionRatio }, set: { $0.minCompressionRatio = $1 }),
        Setting("ratioCheckThreshold", "ratio_check_threshold_bytes", .bytes,
                get: { Double($0.ratioCheckThreshold) }, set: { $0.ratioCheckThreshold = Int64($1) }),
        Setting("maxCellTextLength", "max_cell_text_bytes", .bytes,
                get: { Double($0.maxCellTextLength) }, set: { $0.maxCellTextLength = Int($1) }),
        Setting("maxSharedStrings", "max_shared_strings", .count,
                get: { Double($0.maxSharedStrings) }, set: { $0.maxSharedStrings = Int($1) }),
        Setting("maxGridCells", "max_grid_cells", .count,
                get: { Double($0.maxGridCells) }, set: { $0.maxGridCells = Int($1) }),
    ]

    /// The setting of a `ReaderLimits` property (`maxGridCells`), as errors name it.
    public static func setting(property: String) -> Setting? { settings.first { $0.property == property } }

    /// The setting of a settings-file key (`max_grid_cells`).
    public static func setting(key: String) -> Setting? { settings.first { $0.key == key } }
}

extension XLSXError {
    /// The `ReaderLimits` setting whose limit this error reports, when it is one.
    public var limitSetting: ReaderLimits.Setting? {
        guard case .limitExceeded(let limit, _, _) = self else { return nil }
        return ReaderLimits.setting(property: limit)
    }
}
