#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Builds an XLSX workbook: add sheets (in memory or streaming), style cells, then
/// `write(to:)` or `bytes()`. The same calls give the same bytes: ZIP timestamps are
/// pinned, parts and attributes come in a fixed order, the created time is an input.
///
/// ```swift
/// let book = WorkbookWriter()
/// let sheet = try book.addWorksheet("Chỉ tiêu")
/// sheet.write(.string("Tổng số"), at: CellRef("A1")!, style: CellStyle(font: Font(bold: true)))
/// sheet.writeFormula("SUM(B2:B9)", cached: .number(821), at: CellRef("B10")!)
/// try book.write(to: "out.xlsx")
/// ```
public final class WorkbookWriter {
    private enum Sheet {
        case memory(Worksheet)
        case streaming(StreamingWorksheet)

        var name: String {
            switch self {
            case .memory(let s): return s.name
            case .streaming(let s): return s.name
            }
        }
        var features: SheetFeatures {
            switch self {
            case .memory(let s): return s.features
            case .streaming(let s): return s.features
            }
        }
    }

    let context: WorkbookContext
    private var sheets: [Sheet] = []
    private var names: [WorkbookPart.Name] = []
    /// Title, subject, author, company, created (a fixed instant unless set).
    public var properties: DocumentProperties

    public init(options: WriterOptions = .init()) {
        context = WorkbookContext(options: options)
        properties = options.properties
    }

    /// The options this writer was made with.
    public var options: WriterOptions { context.options }

    /// Adds a sheet kept in memory (cells in any order).
    public func addWorksheet(_ name: String) throws(XLSXWriteError) -> Worksheet {
        try checkName(name)
        let s = Worksheet(name: name, index: sheets.count, context: context)
        sheets.append(.memory(s))
        return s
    }

    /// Adds a sheet written row by row as rows come (memory flat with the row count).
    public func addStreamingWorksheet(_ name: String) throws(XLSXWriteError) -> StreamingWorksheet {
        try checkName(name)
        let s = StreamingWorksheet(name: name, index: sheets.count, context: context)
        s.setSelected(sheets.isEmpty)
        sheets.append(.streaming(s))
        return s
    }

    /// Defines a name for the workbook (`sheet` nil) or local to a zero-based sheet.
    /// `refersTo` is a formula without `=`, e.g. `'Danh mục'!$A$2:$A$40`.
    public func defineName(_ name: String, refersTo: String, sheet: Int? = nil) throws(XLSXWriteError) {
        try checkDefinedName(name)
        if let sheet, sheet < 0 || sheet >= sheets.count {
            throw .invalidDefinedName(name, reason: "no sheet \(sheet)")
        }
        if names.contains(where: { $0.name.lowercased() == name.lowercased() && $0.sheet == sheet }) {
            throw .invalidDefinedName(name, reason: "defined twice")
        }
        let f = refersTo.hasPrefix("=") ? String(refersTo.dropFirst()) : refersTo
        guard !f.isEmpty else { throw .invalidDefinedName(name, reason: "empty formula") }
        names.append(.init(name: name, refersTo: f, sheet: sheet, hidden: false))
    }

    /// Writes the workbook to `path` through a temporary file in the same folder, renamed
    /// over `path` when complete (readers never see half a file).
    public func write(to path: String) throws(XLSXWriteError) {
        let pending = try AtomicFile.begin(path)
        guard let file = fdopen(pending.fd, "wb") else {
            pending.discard()
            throw .io(path: path, message: "cannot open: \(errnoText())")
        }
        setvbuf(file, nil, _IOFBF, 1 << 20)
        do {
            try package(into: ZipWriter(output: .file(file, path: path)))
        } catch {
            fclose(file)
            pending.discard(closing: false)
            throw error
        }
        guard fclose(file) == 0 else {
            pending.discard(closing: false)
            throw .io(path: path, message: "cannot write: \(errnoText())")
        }
        try pending.commit(closing: false)
    }

    /// The workbook's bytes.
    public func bytes() throws(XLSXWriteError) -> [UInt8] {
        let zip = ZipWriter(output: .memory)
        try package(into: zip)
        return zip.memory
    }

    /// For tests: ZIP64 records even for a small workbook.
    var forceZip64 = false

    // MARK: - packaging

    private func package(into zip: ZipWriter) throws(XLSXWriteError) {
        guard !sheets.isEmpty else { throw .noSheets }
        zip.forceZip64 = forceZip64
        let level = context.options.deflateLevel
        let activeTab = sheets.firstIndex { $0.features.state == .visible } ?? 0
        // Worksheets first: in-memory sheets intern their strings into a copy of the table.
        let strings = context.strings.copy()
        var sheetParts: [CompressedEntry] = []
        for (i, s) in sheets.enumerated() {
            switch s {
            case .memory(let m): sheetParts.append(try m.serialize(strings: strings, selected: i == activeTab))
            case .streaming(let st): sheetParts.append(try st.finish())
            }
        }
        if context.styles.count > 64_000 { throw .tooManyStyles(count: context.styles.count) }
        let hasStrings = !strings.isEmpty

        var w = XMLWriter()
        func part(_ path: String, _ build: (inout XMLWriter) -> Void) throws(XLSXWriteError) {
            w.bytes.removeAll(keepingCapacity: true)
            build(&w)
            try zip.add(path, EntryCompressor.compress(w.bytes, level: level))
        }
        let drawings = SheetDrawings(sheets.map(\.features))
        try part(PackagePath.contentTypes) {
            ContentTypesPart.write(
                sheetCount: sheets.count, sharedStrings: hasStrings, extra: drawings.contentTypes,
                defaults: drawings.defaults, into: &$0)
        }
        try part(PackagePath.rootRelationships) { RelationshipsPart.writeRoot(into: &$0) }
        try part(PackagePath.appProperties) {
            AppPropertiesPart.write(sheetNames: sheets.map(\.name), company: properties.company, into: &$0)
        }
        try part(PackagePath.coreProperties) { CorePropertiesPart.write(properties, into: &$0) }
        let entries = sheets.map { WorkbookPart.SheetEntry(name: $0.name, state: $0.features.state) }
        let allNames = try definedNames()
        try part(PackagePath.workbook) {
            WorkbookPart.write(sheets: entries, activeTab: activeTab, names: allNames, into: &$0)
        }
        try part(PackagePath.workbookRelationships) {
            RelationshipsPart.writeWorkbook(sheetCount: sheets.count, sharedStrings: hasStrings, into: &$0)
        }
        try part(PackagePath.theme) { ThemePart.write(into: &$0) }
        try part(PackagePath.styles) { context.styles.write(into: &$0) }
        if hasStrings {
            let c = try EntryCompressor(level: level, spill: false)
            w.bytes.removeAll(keepingCapacity: true)
            try strings.write(into: &w) { (x) throws(XLSXWriteError) in
                try c.write(x.bytes)
                x.bytes.removeAll(keepingCapacity: true)
            }
            try c.write(w.bytes)
            try zip.add(PackagePath.sharedStrings, c.finish())
        }
        for (i, p) in sheetParts.enumerated() { try zip.add(PackagePath.worksheet(i), p) }
        for p in drawings.parts { try part(p.path, p.write) }
        try zip.finish()
    }

    /// User names plus the built-in ones the sheets imply (print titles, filter ranges),
    /// sorted as Excel sorts them (by name without the `_xlnm.` prefix, then sheet).
    private func definedNames() throws(XLSXWriteError) -> [WorkbookPart.Name] {
        var all = names
        for (i, s) in sheets.enumerated() {
            let f = s.features
            let q = quotedSheetName(s.name)
            if let a = f.autoFilter {
                all.append(.init(name: "_xlnm._FilterDatabase", refersTo: "\(q)!\(absoluteReference(a))", sheet: i, hidden: true))
            }
            var titles: [String] = []
            if let cols = f.pageSetup.repeatColumns {
                guard cols.lowerBound >= 0, cols.upperBound < CellRef.maxColumns else {
                    throw .cellOutOfRange(sheet: s.name, row: 0, column: cols.upperBound)
                }
                titles.append("\(q)!$\(CellRef.columnName(cols.lowerBound)):$\(CellRef.columnName(cols.upperBound))")
            }
            if let rows = f.pageSetup.repeatRows {
                guard rows.lowerBound >= 0, rows.upperBound < CellRef.maxRows else {
                    throw .cellOutOfRange(sheet: s.name, row: rows.upperBound, column: 0)
                }
                titles.append("\(q)!$\(rows.lowerBound + 1):$\(rows.upperBound + 1)")
            }
            if !titles.isEmpty {
                all.append(.init(name: "_xlnm.Print_Titles", refersTo: titles.joined(separator: ","), sheet: i, hidden: false))
            }
        }
        func key(_ n: WorkbookPart.Name) -> String {
            let l = n.name.lowercased()
            return l.hasPrefix("_xlnm.") ? String(l.dropFirst(6)) : l
        }
        return all.sorted { (key($0), $0.sheet ?? -1) < (key($1), $1.sheet ?? -1) }
    }

    // MARK: - names

    private func checkName(_ name: String) throws(XLSXWriteError) {
        if name.isEmpty { throw .invalidSheetName(name, reason: "empty") }
        if name.utf16.count > 31 { throw .invalidSheetName(name, reason: "longer than 31 characters") }
        if let bad = name.first(where: { "[]:*?/\\".contains($0) }) {
            throw .invalidSheetName(name, reason: "contains '\(bad)'")
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            throw .invalidSheetName(name, reason: "starts or ends with an apostrophe")
        }
        if name.lowercased() == "history" { throw .invalidSheetName(name, reason: "'History' is reserved by Excel") }
        let lower = name.lowercased()
        if sheets.contains(where: { $0.name.lowercased() == lower }) { throw .duplicateSheetName(name) }
    }

    private func checkDefinedName(_ name: String) throws(XLSXWriteError) {
        guard let first = name.unicodeScalars.first, name.utf16.count <= 255 else {
            throw .invalidDefinedName(name, reason: "empty or longer than 255 characters")
        }
        let body = name.hasPrefix("_xlnm.") ? Substring(name.dropFirst(6)) : Substring(name)
        guard first.properties.isAlphabetic || first == "_" || first == "\\",
            body.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil || "_.\\".unicodeScalars.contains($0) }),
            !body.isEmpty
        else { throw .invalidDefinedName(name, reason: "must start with a letter or _ and hold letters, digits, _ . \\") }
        if CellRef(name) != nil || ["r", "c", "true", "false"].contains(name.lowercased()) {
            throw .invalidDefinedName(name, reason: "looks like a cell reference or a constant")
        }
    }
}
