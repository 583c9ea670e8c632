/// Writes a worksheet as JSON with typed values (the `tonghop inspect --format json` form):
/// `{"sheet": NAME, "rows": [[...], ...]}`, rows and columns as in `CSVExport`; a value is
/// null, a number, a string, a boolean, `{"error": "#N/A"}`, or
/// `{"date"|"datetime"|"time"|"duration": TEXT, "serial": N}`; with `formulas`, a formula
/// cell is `{"formula": TEXT, "value": V}`.
public enum JSONExport {
    /// Writes `sheet` to an open file descriptor (not closed).
    public static func write(_ workbook: Workbook, sheet: SheetInfo, to fd: Int32, formulas: Bool = false) throws(XLSXError) {
        let (lastRow, lastColumn, ordered) = try CSVExport.extent(workbook, sheet, formulas: formulas)
        let out = FDOutput(fd: fd)
        try out.append("{\"sheet\":\(string(sheet.name)),\"rows\":[")
        if lastRow >= 0 {
            try ExportRows.walk(
                workbook, sheet, lastRow: lastRow, ordered: ordered,
                emptyRow: { index throws(XLSXError) in
                    try out.append(index == 0 ? "\n[" : ",\n[")
                    for c in 0...lastColumn { try out.append(c == 0 ? "null" : ",null") }
                    try out.append("]")
                },
                row: { row throws(XLSXError) in
                    try out.append(row.index == 0 ? "\n[" : ",\n[")
                    var col = 0
                    var k = 0
                    while col <= lastColumn {
                        if col > 0 { try out.append(",") }
                        if k < row.cells.count && row.cells[k].column == col {
                            let cell = row.cells[k]
                            if formulas, cell.hasFormula, let f = cell.formula {
                                try out.append("{\"formula\":\(string(f)),\"value\":\(value(cell.value))}")
                            } else {
                                try out.append(value(cell.value))
                            }
                            k += 1
                        } else {
                            try out.append("null")
                        }
                        col += 1
                    }
                    try out.append("]")
                })
        }
        try out.append(lastRow >= 0 ? "\n]}\n" : "]}\n")
        try out.flush()
    }

    /// The JSON for one value.
    public static func value(_ v: CellValue) -> String {
        switch v {
        case .empty: return "null"
        case .number(let d): return d.isFinite ? CSVExport.formatNumber(d) : "null"
        case .string(let s): return string(s)
        case .bool(let b): return b ? "true" : "false"
        case .error(let e): return "{\"error\":\(string(e.rawValue))}"
        case .date(let d):
            let key: String
            switch d.kind {
            case .date: key = "date"
            case .dateTime: key = "datetime"
            case .time: key = "time"
            case .duration: key = "duration"
            }
            return "{\"\(key)\":\(string(CSVExport.formatDate(d))),\"serial\":\(CSVExport.formatNumber(d.serial))}"
        }
    }

    /// A JSON string literal.
    public static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let h = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
