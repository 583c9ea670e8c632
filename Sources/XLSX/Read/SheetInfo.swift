/// Whether a sheet is shown in Excel's tab bar.
public enum SheetState: String, Sendable, Hashable {
    case visible, hidden, veryHidden
}

/// What kind of sheet a workbook entry is. Only worksheets (and macro sheets) hold cells to read.
public enum SheetKind: String, Sendable, Hashable {
    case worksheet, chartsheet, dialogsheet, macrosheet
    /// A `<sheet>` entry with no part (`r:id=""`): a legacy VBA module sheet (Excel 5
    /// modules, usually `state="veryHidden"`), which Excel opens; listed, holds no cells.
    case module
}

/// One sheet of a workbook, in workbook order.
public struct SheetInfo: Sendable, Hashable {
    /// Zero-based position in the workbook.
    public let index: Int
    /// The name shown on the tab.
    public let name: String
    /// Visible, hidden or very hidden.
    public let state: SheetState
    /// Worksheet, chartsheet, dialog sheet or macro sheet.
    public let kind: SheetKind
    /// The part path inside the package, e.g. `xl/worksheets/sheet1.xml`.
    public let part: String
}

/// A defined name (named range or formula).
public struct DefinedName: Sendable, Hashable {
    /// The name, e.g. `Print_Area` or `_xlnm._FilterDatabase`.
    public let name: String
    /// What it refers to, as written (`'Chỉ tiêu'!$E$5:$F$14`).
    public let refersTo: String
    /// Zero-based index of the sheet the name is local to; nil for a workbook-wide name.
    public let localSheet: Int?
    /// True when the name is hidden.
    public let hidden: Bool
}

/// One cell read from a worksheet.
public struct Cell: Sendable, Hashable {
    /// Zero-based column.
    public var column: Int
    /// The value (for a formula, its cached result; `.empty` when none was saved).
    public var value: CellValue
    /// The formula text (without `=`), only when `ReadOptions.formulas` is set. A
    /// shared-formula child (`<f t="shared" si="0"/>`) carries its master's text moved
    /// to the child's position, as Excel shows it (master B2 `A2*2`, child B3 `A3*2`;
    /// a reference moved off the sheet becomes `#REF!`); a child whose master does not
    /// come before it in the sheet carries "". Cells of an array formula other than
    /// its top-left one have no formula (`hasFormula` false).
    public var formula: String?
    /// True when the cell has a formula.
    public var hasFormula: Bool
    /// The cell style index (`s`), 0 when absent.
    public var style: Int

    public init(column: Int, value: CellValue, formula: String? = nil, hasFormula: Bool = false, style: Int = 0) {
        self.column = column
        self.value = value
        self.formula = formula
        self.hasFormula = hasFormula
        self.style = style
    }
}

/// One worksheet row: the cells that are present, in ascending column order.
/// Blank cells (no value and no formula) are left out; a row with no cells is not reported.
public struct Row: Sendable, Hashable {
    /// Zero-based row index.
    public var index: Int
    /// Present cells, ascending by column.
    public var cells: [Cell]

    public init(index: Int, cells: [Cell]) {
        self.index = index
        self.cells = cells
    }

    /// The cell in `column`, if present (binary search).
    public func cell(at column: Int) -> Cell? {
        var lo = 0, hi = cells.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cells[mid].column < column { lo = mid + 1 } else { hi = mid }
        }
        return lo < cells.count && cells[lo].column == column ? cells[lo] : nil
    }
}
