extension Worksheet {
    /// Places `chart` over the cells from the top-left corner of `from` to the top-left
    /// corner of `to` (it moves with the cells, not their size). A chart with no series, a
    /// series without a range or a bad colour is thrown when the workbook is written.
    public func addChart(_ chart: Chart, from: CellRef, to: CellRef) {
        guard inGrid(from), inGrid(to) else { return }
        if let why = chart.problem() {
            fail(.invalidChart(sheet: name, reason: why))
            return
        }
        guard to.row > from.row, to.column > from.column else {
            fail(.invalidChart(sheet: name, reason: "the chart's corner \(to) is not below and right of \(from)"))
            return
        }
        features.charts.append(ChartPlacement(chart: chart, from: from, to: to))
    }

    /// Adds a comment on a cell (one per cell: a second replaces the first).
    public func addComment(_ comment: CellComment) {
        guard inGrid(comment.cell) else { return }
        if comment.text.utf16.count > 32_767 {
            fail(.textTooLong(sheet: name, cell: comment.cell.description, length: comment.text.utf16.count))
            return
        }
        features.comments.append(comment)
    }

    /// Makes a cell a link to a place in this workbook (style the cell yourself, e.g. blue
    /// and underlined). The target sheet is not checked: name one the workbook has.
    public func addLink(_ link: InternalLink) {
        guard inGrid(link.cell), inGrid(link.target.last) else { return }
        features.links.append(link)
    }
}
