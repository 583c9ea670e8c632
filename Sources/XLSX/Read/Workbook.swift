/// An XLSX (or XLSM) workbook opened for reading.
///
/// Opening reads the ZIP directory, the workbook part and its relationships, the
/// shared strings and the styles. Worksheets are read on request, streaming:
/// `forEachRow` holds one row at a time; `grid(of:)` collects a whole (small) sheet.
/// Safe to use from several threads at once (each read has its own parser).
public final class Workbook: @unchecked Sendable {
    /// Sheets in workbook order; chartsheets are listed with kind `.chartsheet`.
    public let sheets: [SheetInfo]
    /// Defined names in the order written.
    public let definedNames: [DefinedName]
    /// True for the 1904 date system. Informational: the cells' dates are already moved
    /// to the 1900 system (`ExcelDate`).
    public let is1904: Bool
    /// Problems that did not stop the read (e.g. a missing `[Content_Types].xml`), one line each.
    public let warnings: [String]
    /// Problems met while reading sheets so far that did not stop the read (rows or cells
    /// out of order, repeated rows, numbers past the double range), one line each with the
    /// part, each line once however often the sheet is read.
    public var sheetWarnings: [String] { sheetWarningLog.lines }
    private let sheetWarningLog = WarningLog()
    /// The workbook part's path (usually `xl/workbook.xml`).
    public let workbookPart: String

    let archive: ZipArchive
    let sharedStrings: [String]
    let styles: Styles
    let options: ReadOptions
    let limits: ReaderLimits

    /// Opens the file at `path`.
    public convenience init(path: String, limits: ReaderLimits = .default, options: ReadOptions = .init()) throws(XLSXError) {
        try self.init(source: ZipByteSource(path: path), limits: limits, options: options)
    }

    /// Opens a workbook held in memory; `name` is used in messages.
    public convenience init(
        bytes: [UInt8], name: String, limits: ReaderLimits = .default, options: ReadOptions = .init()
    ) throws(XLSXError) {
        try self.init(source: ZipByteSource(bytes: bytes), limits: limits, options: options)
    }

    init(source: ZipByteSource, limits: ReaderLimits, options: ReadOptions) throws(XLSXError) {
        let archive = try ZipArchive(source: source, limits: limits)
        self.archive = archive
        self.options = options
        self.limits = limits
        var warnings: [String] = []

        // OpenDocument spreadsheets are ZIP files too: say so instead of "missing part".
        if let mime = archive.entry("mimetype"), mime.uncompressedSize < 200,
            let data = try? archive.data(of: mime),
            String(decoding: data, as: UTF8.self).hasPrefix("application/vnd.oasis.opendocument")
        {
            throw .openDocument
        }

        if archive.entry("[Content_Types].xml") == nil {
            warnings.append("missing part [Content_Types].xml (read anyway)")
        }
        self.warnings = warnings

        // The package relationships name the workbook part (any name, e.g. xl/workbook2.xml).
        var workbookPart = "xl/workbook.xml"
        if let rels = archive.entry("_rels/.rels") {
            let handler = RelationshipsHandler(source: "")
            try SAXParser.parse(archive.stream(for: rels), part: rels.name, handler: handler)
            if let office = handler.relationships.first(where: { $0.hasType("officeDocument") && !$0.external }) {
                workbookPart = office.target
            } else if archive.entry(workbookPart) == nil {
                throw .invalidWorkbook("no officeDocument relationship", part: rels.name)
            }
        } else if archive.entry(workbookPart) == nil {
            throw .missingPart("_rels/.rels")
        }
        guard let workbookEntry = archive.entry(workbookPart) else { throw .missingPart(workbookPart) }
        workbookPart = workbookEntry.name
        self.workbookPart = workbookPart

        let wb = WorkbookHandler()
        try SAXParser.parse(archive.stream(for: workbookEntry), part: workbookPart, handler: wb)
        is1904 = wb.is1904
        definedNames = wb.definedNames

        let relsPart = PartPath.relationships(of: workbookPart)
        var relationships: [Relationship] = []
        if let relsEntry = archive.entry(relsPart) {
            let handler = RelationshipsHandler(source: workbookPart)
            try SAXParser.parse(archive.stream(for: relsEntry), part: relsEntry.name, handler: handler)
            relationships = handler.relationships
        } else if !wb.sheets.isEmpty {
            throw .missingPart(relsPart)
        }

        var sheets: [SheetInfo] = []
        // By id, first wins: a lookup per sheet, not a scan (thousands of sheets were quadratic).
        let relationshipsByID = Dictionary(relationships.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Sheets sharing one part would read it once per sheet (5,000 sheets on one 200 KB part
        // made `--stats` parse a gigabyte); Excel never writes that, so refuse it.
        var sheetByPart: [String: String] = [:]
        for (i, s) in wb.sheets.enumerated() {
            // `r:id=""`: a legacy VBA module sheet; Excel opens the workbook, so list it
            // without data and read the others.
            if s.relationshipID.isEmpty {
                sheets.append(SheetInfo(index: i, name: s.name, state: s.state, kind: .module, part: ""))
                continue
            }
            guard let rel = relationshipsByID[s.relationshipID] else {
                throw .invalidWorkbook(
                    "sheet '\(s.name)' has no relationship '\(s.relationshipID)'", part: relsPart)
            }
            let kind: SheetKind
            if rel.hasType("chartsheet") {
                kind = .chartsheet
            } else if rel.hasType("dialogsheet") {
                kind = .dialogsheet
            } else if rel.hasType("xlMacrosheet") || rel.hasType("xlIntlMacrosheet") {
                kind = .macrosheet
            } else {
                kind = .worksheet
            }
            let part = archive.entry(rel.target)?.name ?? rel.target
            if let other = sheetByPart.updateValue(s.name, forKey: part.lowercased()) {
                throw .invalidWorkbook("sheets '\(other)' and '\(s.name)' share the part \(part)", part: relsPart)
            }
            sheets.append(SheetInfo(index: i, name: s.name, state: s.state, kind: kind, part: part))
        }
        self.sheets = sheets

        // Shared strings and styles: by relationship, else at the usual path.
        func partFor(_ type: String, fallback: String) -> ZipEntry? {
            if let rel = relationships.first(where: { $0.hasType(type) && !$0.external }),
                let e = archive.entry(rel.target)
            {
                return e
            }
            return archive.entry(PartPath.resolve(fallback, from: workbookPart))
        }
        if let sst = partFor("sharedStrings", fallback: "sharedStrings.xml") {
            let handler = SharedStringsHandler(part: sst.name, limits: limits)
            try SAXParser.parse(archive.stream(for: sst), part: sst.name, handler: handler)
            if let f = handler.failure { throw f }
            sharedStrings = handler.strings
        } else {
            sharedStrings = []
        }
        if let st = partFor("styles", fallback: "styles.xml") {
            let handler = StylesHandler()
            try SAXParser.parse(archive.stream(for: st), part: st.name, handler: handler)
            styles = handler.styles
        } else {
            styles = Styles()
        }
    }

    /// The sheet with this name: exact match first, then without case.
    public func sheet(named name: String) -> SheetInfo? {
        sheets.first { $0.name == name } ?? sheets.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The worksheets only (no chartsheets or dialog sheets), in workbook order.
    public var worksheets: [SheetInfo] {
        sheets.filter { $0.kind == .worksheet || $0.kind == .macrosheet }
    }

    /// The number format code of a cell style (`Cell.style`), custom or built-in.
    public func numberFormat(style: Int) -> String? {
        styles.formatCode(style: style)
    }

    /// Streams a worksheet row by row; memory holds one row. Rows with no cells are
    /// skipped. Errors thrown by `body` stop the read and are rethrown as they are.
    public func forEachRow(in sheet: SheetInfo, _ body: (Row) throws -> Void) throws {
        try withoutActuallyEscaping(body) { body in
            var bodyError: (any Error)?
            do {
                try stream(sheet, collectMerges: false) { row in
                    do {
                        try body(row)
                        return true
                    } catch {
                        bodyError = error
                        return false
                    }
                }
            } catch {
                throw bodyError ?? error
            }
            if let bodyError { throw bodyError }
        }
    }

    /// Loads a whole worksheet (sparse) with its merged ranges; for small sheets (forms, lists).
    public func grid(of sheet: SheetInfo) throws(XLSXError) -> SheetGrid {
        var rows: [Row] = []
        var cells = 0
        let maxCells = limits.maxGridCells
        let merges = try stream(sheet, collectMerges: true) { row in
            cells += row.cells.count
            guard cells <= maxCells else { return false }
            rows.append(row)
            return true
        }
        if cells > maxCells {
            throw .limitExceeded(
                limit: "maxGridCells",
                detail: "sheet '\(sheet.name)' has more than \(maxCells) cells to load at once",
                part: sheet.part)
        }
        if zip(rows, rows.dropFirst()).contains(where: { $0.index >= $1.index }) {
            rows.sort { $0.index < $1.index }
            var merged: [Row] = []
            for r in rows {
                if let last = merged.last, last.index == r.index {
                    var cells = last.cells
                    for c in r.cells {
                        if let k = cells.firstIndex(where: { $0.column == c.column }) { cells[k] = c } else { cells.append(c) }
                    }
                    cells.sort { $0.column < $1.column }
                    merged[merged.count - 1].cells = cells
                } else {
                    merged.append(r)
                }
            }
            rows = merged
        }
        return SheetGrid(rows: rows, mergedRanges: merges)
    }

    /// Runs the streaming parser over a worksheet, handing rows to `onRow`.
    @discardableResult
    func stream(_ sheet: SheetInfo, collectMerges: Bool, _ onRow: @escaping (Row) -> Bool) throws(XLSXError)
        -> [CellRange]
    {
        if sheet.kind == .module { return [] }  // listed, holds no cells
        guard sheet.kind == .worksheet || sheet.kind == .macrosheet else {
            throw .notAWorksheet("sheet '\(sheet.name)' is a \(sheet.kind.rawValue), not a worksheet")
        }
        guard let entry = archive.entry(sheet.part) else { throw .missingPart(sheet.part) }
        let context = SheetContext(
            sheetName: sheet.name, part: entry.name, sharedStrings: sharedStrings, styles: styles,
            dateSystem: is1904 ? .d1904 : .d1900,
            keepFormulas: options.formulas, maxText: limits.maxCellTextLength)
        let handler = SheetHandler(context: context)
        handler.onRow = onRow
        let reader = try archive.stream(for: entry)
        let completed = try SAXParser.parse(reader, part: entry.name, handler: handler)
        if !handler.warnings.isEmpty { sheetWarningLog.add(handler.warnings) }
        if let failure = handler.failure { throw failure }
        _ = completed
        return handler.mergedRanges
    }
}
