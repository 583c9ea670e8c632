/// Whether a sheet shows in Excel's tab bar (`state` on `<sheet>` in workbook.xml).
public enum SheetState: String, Hashable, Sendable {
    /// Shown (the default; no attribute written).
    case visible
    /// Hidden; the user can unhide it from Excel's menu.
    case hidden
    /// Hidden; only a macro or an editor can unhide it.
    case veryHidden
}
