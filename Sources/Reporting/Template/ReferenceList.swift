import Foundation
import XLSX

/// A reference list loaded from a CSV file beside the template (communes, ethnic groups).
public struct ReferenceList: Sendable {
    /// The id columns of type `code` refer to (`communes`).
    public var id: String
    /// The CSV file's path.
    public var file: String
    /// The CSV column holding the codes (`commune`).
    public var valueColumn: String
    /// A CSV column that must equal the submitting unit's code (`unit`), when the list is per unit.
    public var unitColumn: String?
    /// The rows, each by CSV header.
    public var rows: [[String: String]]

    public init(id: String, file: String, valueColumn: String, unitColumn: String?, rows: [[String: String]]) {
        self.id = id
        self.file = file
        self.valueColumn = valueColumn
        self.unitColumn = unitColumn
        self.rows = rows
        var all: [LabelKey: String] = [:]
        var byUnit: [String: [LabelKey: String]] = [:]
        for r in rows {
            guard let v = r[valueColumn], !v.isEmpty else { continue }
            let k = LabelKey(v)  // folded once per row (it was folded up to three times)
            if all[k] == nil { all[k] = v }
            if let uc = unitColumn, let u = r[uc] { byUnit[u.uppercased(), default: [:]][k] = v }
        }
        self.index = all
        self.unitIndex = byUnit
    }

    private var index: [LabelKey: String]
    private var unitIndex: [String: [LabelKey: String]]

    /// The canonical spelling of a value in the list (for the unit, when the list is per unit),
    /// matched with `LabelKey` folding; nil when it is not in the list.
    public func lookup(_ value: String, unit: String?) -> String? {
        lookup(LabelKey(value), unit: unit)
    }

    /// The canonical spelling of a value already folded; nil when it is not in the list.
    public func lookup(_ key: LabelKey, unit: String?) -> String? {
        if unitColumn != nil, let unit {
            // Callers mostly pass the unit upper-cased already; upper-case only on a miss.
            return (unitIndex[unit] ?? unitIndex[unit.uppercased()])?[key]
        }
        return index[key]
    }

    /// The values in file order (for the unit, when the list is per unit and a unit is given).
    public func values(unit: String?) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for r in rows {
            guard let v = r[valueColumn], !v.isEmpty else { continue }
            if let uc = unitColumn, let unit, r[uc]?.uppercased() != unit.uppercased() { continue }
            if seen.insert(v).inserted { out.append(v) }
        }
        return out
    }
}

/// A template's CSV files (units, reference lists) as rows of trimmed text, read by the
/// one CSV reader (`XLSX.CSVReader`): quoted fields, doubled quotes, CRLF or LF, a UTF-8
/// BOM; blank lines are skipped, and a file whose lines end in CR alone (old Mac exports)
/// is read as if they ended in LF.
enum CSV {
    static func parse(_ bytes: [UInt8], name: String) throws(CSVReadError) -> [[String]] {
        var bytes = bytes
        if bytes.contains(0x0D) && !bytes.contains(0x0A) {
            for i in bytes.indices where bytes[i] == 0x0D { bytes[i] = 0x0A }
        }
        let reader = CSVReader(bytes: bytes, name: name)
        var rows: [[String]] = []
        while try reader.next() {
            if reader.fieldCount == 1 && reader.field(0).isEmpty { continue }
            rows.append((0..<reader.fieldCount).map { trimmed(reader.string($0)) })
        }
        return rows
    }

    /// `trimmingCharacters(in: .whitespaces)`, without the NSString bridge for the usual
    /// field that has nothing to trim (a reference list has tens of thousands of fields,
    /// read while the run waits).
    private static func trimmed(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last,
            CharacterSet.whitespaces.contains(first) || CharacterSet.whitespaces.contains(last)
        else { return s }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// Rows as dictionaries by the header row.
    static func records(_ bytes: [UInt8], name: String) throws(CSVReadError) -> (header: [String], rows: [[String: String]]) {
        let all = try parse(bytes, name: name)
        guard let header = all.first else { return ([], []) }
        let rows = all.dropFirst().map { r in
            Dictionary(zip(header, r + Array(repeating: "", count: max(0, header.count - r.count))), uniquingKeysWith: { a, _ in a })
        }
        return (header, rows)
    }
}
