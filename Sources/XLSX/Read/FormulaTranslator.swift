/// Moves an A1-style formula by a row and column offset, as Excel does when a formula
/// is filled or copied: the relative parts of references shift, `$`-anchored parts do not.
/// The reader uses it for shared-formula children (`<f t="shared" si="0"/>`), whose text
/// is the master's formula moved to the child's position.
///
/// Handled: cells (`B7`, `$B7`, `B$7`, `$B$7`), ranges (`A1:B2`), whole columns (`A:C`),
/// whole rows (`1:3`), and the same after a sheet (`Sheet2!A1`, `'My sheet'!A1:B2`,
/// `Jan:Dec!A1`). Left as written: string literals, function names (`LOG10(`),
/// defined names, error values, structured references (`Table1[Col]`), bracketed
/// external-workbook parts (`[1]`), numbers (`1E5`, `1.5`) and array constants.
/// A reference moved off the sheet (row outside 1...1048576, column outside A...XFD)
/// becomes `#REF!` (a range becomes one `#REF!`), keeping any sheet prefix.
///
/// Not done: Excel reorders a range whose ends cross after the move (`A1:$A$5` moved
/// down 10 rows shows as `$A$5:A11`); here the ends stay in written order.
enum FormulaTranslator {
    /// `formula` (without a leading `=`, as stored in `<f>`) moved by `rows` and `columns`.
    static func translate(_ formula: String, rows: Int, columns: Int) -> String {
        if rows == 0 && columns == 0 { return formula }
        var s = formula
        return s.withUTF8 { b in
            var out: [UInt8] = []
            out.reserveCapacity(b.count + 8)
            Scanner(b: b, rows: rows, columns: columns).run(into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// One reference endpoint: a cell, a whole column or a whole row.
    private enum Endpoint {
        case cell(column: Int, columnFixed: Bool, row: Int, rowFixed: Bool)
        case column(Int, fixed: Bool)
        case row(Int, fixed: Bool)

        var isCell: Bool { if case .cell = self { return true } else { return false } }
        var isColumn: Bool { if case .column = self { return true } else { return false } }
        var isRow: Bool { if case .row = self { return true } else { return false } }
    }

    private struct Scanner {
        let b: UnsafeBufferPointer<UInt8>
        let rows: Int
        let columns: Int

        func run(into out: inout [UInt8]) {
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                switch c {
                case UInt8(ascii: "\""):
                    i = copyQuoted(from: i, quote: c, into: &out)
                case UInt8(ascii: "'"):
                    i = copyQuoted(from: i, quote: c, into: &out)
                case UInt8(ascii: "["):
                    i = copyBracket(from: i, into: &out)
                case UInt8(ascii: "#"):
                    i = copyError(from: i, into: &out)
                case UInt8(ascii: "{"):
                    // Array constant: numbers, strings, errors, booleans; never references.
                    var j = i
                    while j < n && b[j] != UInt8(ascii: "}") {
                        if b[j] == UInt8(ascii: "\"") {
                            j = copyQuoted(from: j, quote: b[j], into: &out)
                        } else {
                            out.append(b[j])
                            j += 1
                        }
                    }
                    if j < n { out.append(b[j]); j += 1 }
                    i = j
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."):
                    i = number(from: i, into: &out)
                case UInt8(ascii: "$"):
                    if i + 1 < n && isDigit(b[i + 1]) {
                        i = number(from: i, into: &out)
                    } else {
                        i = word(from: i, into: &out)
                    }
                default:
                    if isWordStart(c) {
                        i = word(from: i, into: &out)
                    } else {
                        out.append(c)
                        i += 1
                    }
                }
            }
        }

        // MARK: tokens copied as written

        /// A `"…"` string or a `'…'` sheet name; the quote is doubled inside.
        private func copyQuoted(from start: Int, quote: UInt8, into out: inout [UInt8]) -> Int {
            var i = start + 1
            out.append(quote)
            while i < b.count {
                out.append(b[i])
                if b[i] == quote {
                    if i + 1 < b.count && b[i + 1] == quote {
                        out.append(quote)
                        i += 2
                        continue
                    }
                    return i + 1
                }
                i += 1
            }
            return i
        }

        /// `[…]` with nesting (structured references, external workbook indexes); `'` escapes
        /// the next character inside, as in `Table1[Col'[1']]`.
        private func copyBracket(from start: Int, into out: inout [UInt8]) -> Int {
            var depth = 0
            var i = start
            while i < b.count {
                let c = b[i]
                out.append(c)
                i += 1
                if c == UInt8(ascii: "'") && i < b.count {
                    out.append(b[i])
                    i += 1
                } else if c == UInt8(ascii: "[") {
                    depth += 1
                } else if c == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 { break }
                }
            }
            return i
        }

        /// `#REF!`, `#N/A`, `#DIV/0!`, `#NAME?`…
        private func copyError(from start: Int, into out: inout [UInt8]) -> Int {
            out.append(b[start])
            var i = start + 1
            while i < b.count {
                let c = b[i]
                if isLetter(c) || isDigit(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: "_") {
                    out.append(c)
                    i += 1
                } else {
                    if c == UInt8(ascii: "!") || c == UInt8(ascii: "?") {
                        out.append(c)
                        i += 1
                    }
                    break
                }
            }
            return i
        }

        // MARK: numbers and rows

        /// A number (`12`, `1.5`, `1E5`, `2.5e-3`), or a whole-row range (`1:3`, `$1:$3`).
        private func number(from start: Int, into out: inout [UInt8]) -> Int {
            if let (first, afterFirst) = rowEndpoint(at: start), afterFirst < b.count, b[afterFirst] == UInt8(ascii: ":"),
                let (second, end) = rowEndpoint(at: afterFirst + 1), !continuesAsName(at: end)
            {
                emitRange(first, second, into: &out)
                return end
            }
            var i = start
            if b[i] == UInt8(ascii: "$") { out.append(b[i]); i += 1 }
            while i < b.count && (isDigit(b[i]) || b[i] == UInt8(ascii: ".")) { out.append(b[i]); i += 1 }
            if i < b.count && (b[i] | 0x20) == UInt8(ascii: "e") {
                var j = i + 1
                if j < b.count && (b[j] == UInt8(ascii: "+") || b[j] == UInt8(ascii: "-")) { j += 1 }
                if j < b.count && isDigit(b[j]) {
                    while j < b.count && isDigit(b[j]) { j += 1 }
                    out.append(contentsOf: b[i..<j])
                    i = j
                }
            }
            return i
        }

        /// `$?digits` at `i` as a row endpoint, with the index after it.
        private func rowEndpoint(at start: Int) -> (Endpoint, Int)? {
            var i = start
            var fixed = false
            if i < b.count && b[i] == UInt8(ascii: "$") { fixed = true; i += 1 }
            var row = 0
            let digitsStart = i
            while i < b.count && isDigit(b[i]) {
                row = row * 10 + Int(b[i] - 48)
                i += 1
                if i - digitsStart > 7 { return nil }
            }
            guard i > digitsStart, row >= 1, row <= CellRef.maxRows else { return nil }
            if i < b.count && (isWordChar(b[i]) || b[i] == UInt8(ascii: "$")) { return nil }
            return (.row(row, fixed: fixed), i)
        }

        // MARK: names and references

        /// A name-like run: a function, sheet, defined name, table, or a reference.
        private func word(from start: Int, into out: inout [UInt8]) -> Int {
            let end = wordEnd(from: start)
            guard !continuesAsName(at: end), let first = endpoint(start, end) else {
                out.append(contentsOf: b[start..<end])
                return end
            }
            // A range: `A1:B2`, `A:C` (both ends of one kind), not `Jan:Dec!A1` (sheets).
            if end < b.count && b[end] == UInt8(ascii: ":") && (first.isCell || first.isColumn) {
                let secondEnd = wordEnd(from: end + 1)
                if !continuesAsName(at: secondEnd), let second = endpoint(end + 1, secondEnd),
                    second.isCell == first.isCell && second.isColumn == first.isColumn
                {
                    emitRange(first, second, into: &out)
                    return secondEnd
                }
                if first.isColumn {
                    // A lone column-like word is a name (or a 3D sheet span), not a reference.
                    out.append(contentsOf: b[start..<end])
                    return end
                }
            }
            guard first.isCell else {
                out.append(contentsOf: b[start..<end])
                return end
            }
            emitRange(first, nil, into: &out)
            return end
        }

        /// True when what follows makes the word a function, sheet or table name.
        private func continuesAsName(at end: Int) -> Bool {
            guard end < b.count else { return false }
            let c = b[end]
            return c == UInt8(ascii: "(") || c == UInt8(ascii: "!") || c == UInt8(ascii: "[")
        }

        private func wordEnd(from start: Int) -> Int {
            var i = start
            while i < b.count && (isWordChar(b[i]) || b[i] == UInt8(ascii: "$")) { i += 1 }
            return i
        }

        /// `b[start..<end]` as `$?LETTERS$?DIGITS` or `$?LETTERS` within Excel's limits.
        private func endpoint(_ start: Int, _ end: Int) -> Endpoint? {
            var i = start
            var columnFixed = false
            if i < end && b[i] == UInt8(ascii: "$") { columnFixed = true; i += 1 }
            var column = 0
            let lettersStart = i
            while i < end && isLetter(b[i]) {
                column = column * 26 + Int((b[i] | 0x20) - UInt8(ascii: "a")) + 1
                i += 1
                if i - lettersStart > 3 { return nil }
            }
            guard i > lettersStart, column <= CellRef.maxColumns else { return nil }
            if i == end { return .column(column, fixed: columnFixed) }
            var rowFixed = false
            if b[i] == UInt8(ascii: "$") { rowFixed = true; i += 1 }
            var row = 0
            let digitsStart = i
            while i < end && isDigit(b[i]) {
                row = row * 10 + Int(b[i] - 48)
                i += 1
                if i - digitsStart > 7 { return nil }
            }
            guard i == end, i > digitsStart, row >= 1, row <= CellRef.maxRows else { return nil }
            return .cell(column: column, columnFixed: columnFixed, row: row, rowFixed: rowFixed)
        }

        // MARK: output

        /// Writes the moved reference (or range), or `#REF!` when any end leaves the sheet.
        private func emitRange(_ first: Endpoint, _ second: Endpoint?, into out: inout [UInt8]) {
            guard let a = moved(first) else { out.append(contentsOf: Self.refError); return }
            var bEnd: Endpoint?
            if let second {
                guard let m = moved(second) else { out.append(contentsOf: Self.refError); return }
                bEnd = m
            }
            write(a, into: &out)
            if let bEnd {
                out.append(UInt8(ascii: ":"))
                write(bEnd, into: &out)
            }
        }

        private static let refError: [UInt8] = Array("#REF!".utf8)

        private func moved(_ e: Endpoint) -> Endpoint? {
            func shift(_ v: Int, _ fixed: Bool, _ by: Int, _ limit: Int) -> Int? {
                let r = fixed ? v : v + by
                return r >= 1 && r <= limit ? r : nil
            }
            switch e {
            case let .cell(column, columnFixed, row, rowFixed):
                guard let c = shift(column, columnFixed, columns, CellRef.maxColumns),
                    let r = shift(row, rowFixed, rows, CellRef.maxRows)
                else { return nil }
                return .cell(column: c, columnFixed: columnFixed, row: r, rowFixed: rowFixed)
            case let .column(column, fixed):
                return shift(column, fixed, columns, CellRef.maxColumns).map { .column($0, fixed: fixed) }
            case let .row(row, fixed):
                return shift(row, fixed, rows, CellRef.maxRows).map { .row($0, fixed: fixed) }
            }
        }

        private func write(_ e: Endpoint, into out: inout [UInt8]) {
            switch e {
            case let .cell(column, columnFixed, row, rowFixed):
                if columnFixed { out.append(UInt8(ascii: "$")) }
                writeColumn(column, into: &out)
                if rowFixed { out.append(UInt8(ascii: "$")) }
                out.append(contentsOf: String(row).utf8)
            case let .column(column, fixed):
                if fixed { out.append(UInt8(ascii: "$")) }
                writeColumn(column, into: &out)
            case let .row(row, fixed):
                if fixed { out.append(UInt8(ascii: "$")) }
                out.append(contentsOf: String(row).utf8)
            }
        }

        /// 1 -> A, 27 -> AA, 16384 -> XFD (endpoints count columns from 1).
        private func writeColumn(_ column: Int, into out: inout [UInt8]) {
            out.append(contentsOf: CellRef.columnName(column - 1).utf8)
        }

        // MARK: character classes

        private func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        private func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
        private func isWordStart(_ c: UInt8) -> Bool {
            isLetter(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: "\\") || c >= 0x80
        }
        private func isWordChar(_ c: UInt8) -> Bool {
            isWordStart(c) || isDigit(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "?")
        }
    }
}
