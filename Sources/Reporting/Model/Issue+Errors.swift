import XLSX

/// Errors become issues here, and only here: each reader (`XLSXError`) case maps to a
/// catalogue reason of `unreadable-file` (`params["reason"]`, `IssueCatalogue.reasons`),
/// each writer (`XLSXWriteError`) case to a `write-*` code, with structured parameters (the part,
/// the sheet and cell, the job-file key and value of a limit); `IssueCatalogue` renders
/// them in each language. Parameters: `part` (a ZIP part path), `line`, `limit` (the
/// settings key, `max_grid_cells`), `value` (its value in the key's unit), `detail` (the
/// reader's own English words, shown only in English), `where` (the error's location, as
/// the CLI's `[where]`).
extension Issue {
    /// The `unreadable-file` issue of a file the reader could not read, its `reason` the
    /// error's case (`limit-exceeded`, `not-xlsx`...); `limits` are the limits it was read
    /// with (a limit's value is reported as the operator set it).
    public static func unreadable(file: String, error: XLSXError, limits: ReaderLimits) -> Issue {
        var params: [String: String] = [:]
        var sheet: String?
        var cell: String?
        func detail(_ text: String) {
            // One line: some parser messages carry line breaks.
            params["detail"] = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .joined(separator: " ")
        }
        let code: String
        switch error {
        case .io(let m):
            code = "file-cannot-open"
            detail(m)
        case .notZip: code = "not-xlsx"
        case .truncated(let m):
            code = "damaged-file"
            detail(m)
        case .corruptZip(let m, let part):
            code = "damaged-file"
            detail(m)
            params["part"] = part
        case .crcMismatch(let part):
            code = "damaged-file"
            detail("CRC-32 mismatch")
            params["part"] = part
        case .inflateFailed(let m, let part):
            code = "damaged-file"
            detail("cannot decompress: " + m)
            params["part"] = part
        case .encryptedWorkbook: code = "encrypted-file"
        case .encryptedEntry(let part):
            code = "encrypted-file"
            params["part"] = part
        case .legacyXLS: code = "legacy-xls"
        case .openDocument: code = "open-document"
        case .unsupportedCompression(let method, let part):
            code = "unsupported-compression"
            params["method"] = String(method)
            params["part"] = part
        case .limitExceeded(let limit, let d, let part):
            code = "limit-exceeded"
            if let setting = ReaderLimits.setting(property: limit) {
                params["limit"] = setting.key
                params["value"] = setting.text(in: limits)
            } else {
                params["limit"] = limit
            }
            detail(d)
            params["part"] = part
        case .missingPart(let part):
            code = "missing-part"
            params["part"] = part
        case .xml(let m, let part, let line):
            code = "malformed-xml"
            detail(m)
            params["part"] = part
            if line > 0 { params["line"] = String(line) }
        case .dtdRefused(let part):
            code = "dtd-refused"
            params["part"] = part
        case .invalidWorkbook(let m, let part):
            code = "invalid-workbook"
            detail(m)
            params["part"] = part
        case .invalidCell(let m, let s, let c):
            code = "invalid-cell"
            detail(m)
            sheet = s
            cell = c
        case .notAWorksheet(let m):
            code = "not-a-worksheet"
            detail(m)
        }
        if let location = error.location { params["where"] = location }
        params["reason"] = otherFormat(file, error) ?? code
        return Issue(code: "unreadable-file", severity: .error, file: file, sheet: sheet, cell: cell, params: params)
    }

    /// The reason for a district that sent a spreadsheet in another format, by the file's
    /// extension, when it could not be read as XLSX (a renamed XLSX is read as one): nil for
    /// the other files, and when the reader already says what the file is.
    static func otherFormat(_ file: String, _ error: XLSXError) -> String? {
        switch error {
        case .legacyXLS, .openDocument, .encryptedWorkbook: return nil
        default: break
        }
        let lower = file.lowercased()
        if lower.hasSuffix(".xls") { return "legacy-xls" }
        if lower.hasSuffix(".xlsb") { return "binary-xlsb" }
        if lower.hasSuffix(".ods") { return "open-document" }
        if lower.hasSuffix(".csv") { return "csv-file" }
        return nil
    }

    /// The issue of a workbook the writer could not write (the provincial workbook, a blank
    /// form); `file` is the workbook being written.
    public static func writeFailed(file: String, error: XLSXWriteError) -> Issue {
        var params: [String: String] = [:]
        var sheet: String?
        var cell: String?
        let code: String
        switch error {
        case .invalidSheetName(let n, let reason):
            code = "write-invalid-sheet-name"
            params["name"] = n
            params["detail"] = reason
        case .duplicateSheetName(let n):
            code = "write-duplicate-sheet-name"
            params["name"] = n
        case .cellOutOfRange(let s, let r, let c):
            code = "write-cell-out-of-range"
            sheet = s
            params["row"] = String(r + 1)
            params["column"] = String(c + 1)
        case .textTooLong(let s, let c, let n):
            code = "write-text-too-long"
            sheet = s
            cell = c
            params["length"] = String(n)
        case .invalidNumber(let s, let c):
            code = "write-invalid-number"
            sheet = s
            cell = c
        case .overlappingMerge(let s, let a, let b):
            code = "write-overlapping-merge"
            sheet = s
            params["first"] = a.description
            params["second"] = b.description
        case .invalidValidation(let s, let r, let reason):
            code = "write-invalid-validation"
            sheet = s
            cell = r
            params["detail"] = reason
        case .invalidDefinedName(let n, let reason):
            code = "write-invalid-defined-name"
            params["name"] = n
            params["detail"] = reason
        case .tooLate(let s, let setting):
            code = "write-setting-too-late"
            sheet = s
            params["setting"] = setting
        case .tooManyStyles(let n):
            code = "write-too-many-styles"
            params["count"] = String(n)
        case .invalidChart(let s, let reason):
            code = "write-invalid-chart"
            sheet = s
            params["detail"] = reason
        case .noSheets: code = "write-no-sheets"
        case .io(let p, let m):
            code = "write-io"
            params["path"] = p
            params["detail"] = m
        case .compression(let m):
            code = "write-compression"
            params["detail"] = m
        }
        return Issue(code: code, severity: .error, file: file, sheet: sheet, cell: cell, params: params)
    }

    /// Where the issue is, as the CLI's `[where]`: `Sheet!B7`, or the error's location
    /// (`xl/worksheets/sheet2.xml:14`); nil when it concerns the whole file.
    public var location: String? {
        if let sheet { return cell.map { "\(sheet)!\($0)" } ?? sheet }
        return params["where"] ?? cell
    }
}
