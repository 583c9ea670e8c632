import XLSX

/// Reading back a provincial workbook of an earlier period (`tonghop import-period
/// --workbook`): each unit's figures from its `Theo đơn vị` sheet, where this writer puts
/// them (the template's consolidation says which column holds which indicator and column).
/// A workbook from another template, or edited out of shape, is refused rather than guessed.
extension ProvincialWorkbook {
    /// What importing a workbook can refuse.
    public enum ImportError: Error, Sendable, Equatable {
        case unreadable(String)
        case noByUnitSheet
        /// The header above `column` (0-based) does not name `indicator`.
        case headerMismatch(column: Int, indicator: String, found: String)
        case noUnits

        public var message: String {
            switch self {
            case .unreadable(let why): return "cannot read the workbook: \(why)"
            case .noByUnitSheet: return "no sheet \"\(byUnitSheetName)\": not a provincial workbook written by tonghop"
            case .headerMismatch(let column, let indicator, let found):
                return "column \(CellRef.columnName(column)) of \"\(byUnitSheetName)\" should hold \(indicator), its header says \"\(found)\": another template's workbook?"
            case .noUnits: return "no unit's figures in \"\(byUnitSheetName)\""
            }
        }
    }

    /// unit code -> indicator -> column -> value, for the units of `spec` the sheet holds
    /// figures for (a unit row with no figure, a missing unit, is left out).
    public static func importFigures(from workbook: Workbook, spec: ConsolidationSpec) throws(ImportError)
        -> [String: [String: [String: Double]]]
    {
        guard let info = workbook.sheet(named: byUnitSheetName) else { throw .noByUnitSheet }
        let grid: SheetGrid
        do { grid = try workbook.grid(of: info) } catch { throw .unreadable("\(error)") }
        let layout = ByUnitLayout(spec)
        // The indicator headers (merged over their columns: the text is in the first).
        var current = ""
        for v in layout.valueColumns {
            if let text = grid.row(ByUnitLayout.headerTop)?.cell(at: v.sheetColumn)?.value, case .string(let s) = text { current = s }
            guard current.hasSuffix("(\(v.indicator.code))") else {
                throw .headerMismatch(column: v.sheetColumn, indicator: v.indicator.code, found: current)
            }
        }
        let known = Set(spec.units.map(\.code))
        var out: [String: [String: [String: Double]]] = [:]
        for row in grid.rows where row.index >= ByUnitLayout.firstDataRow {
            guard case .string(let code)? = row.cell(at: 1)?.value, known.contains(code) else { continue }
            for v in layout.valueColumns {
                guard let x = row.cell(at: v.sheetColumn)?.value.numericValue else { continue }
                out[code, default: [:]][v.indicator.code, default: [:]][v.column] = x
            }
        }
        guard !out.isEmpty else { throw .noUnits }
        return out
    }
}
