/// Why a workbook could not be read. Every case carries where it happened (the part
/// path, or the sheet and cell); `description` is `what is wrong [where]`.
public enum XLSXError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case io(String)
    /// The bytes are not a ZIP archive at all.
    case notZip
    /// The ZIP archive ends early or its structure points outside the file.
    case truncated(String)
    /// The ZIP structure is inconsistent (bad signature, sizes that disagree).
    case corruptZip(String, part: String?)
    /// A CFB (OLE2) file with an `EncryptedPackage` stream: a password-protected workbook.
    case encryptedWorkbook
    /// A CFB (OLE2) file without encryption: a legacy `.xls` workbook.
    case legacyXLS
    /// An OpenDocument spreadsheet (`.ods`).
    case openDocument
    /// A ZIP entry encrypted with a ZIP password (flag bit 0).
    case encryptedEntry(part: String)
    /// A ZIP compression method other than stored (0) and deflated (8).
    case unsupportedCompression(method: Int, part: String)
    /// The inflated bytes do not match the CRC-32 recorded in the archive.
    case crcMismatch(part: String)
    /// Inflating failed (corrupt deflate data).
    case inflateFailed(String, part: String)
    /// A configured limit (named as in `ReaderLimits`) was exceeded.
    case limitExceeded(limit: String, detail: String, part: String?)
    /// A part the workbook needs is not in the archive.
    case missingPart(String)
    /// A part is not well-formed XML (libxml2's message and line).
    case xml(String, part: String, line: Int)
    /// A part contains a document type declaration, refused for safety.
    case dtdRefused(part: String)
    /// The workbook structure is wrong (no sheets, bad relationships, ...).
    case invalidWorkbook(String, part: String)
    /// A cell could not be read (bad reference, number, shared-string index, ...).
    case invalidCell(String, sheet: String, cell: String)
    /// The sheet asked for is not a worksheet (a chartsheet, for instance) or does not exist.
    case notAWorksheet(String)

    /// What is wrong, without the location.
    public var message: String {
        switch self {
        case .io(let m): return m
        case .notZip: return "not an XLSX file (not a ZIP archive)"
        case .truncated(let m): return "truncated or damaged ZIP archive: \(m)"
        case .corruptZip(let m, _): return "damaged ZIP archive: \(m)"
        case .encryptedWorkbook: return "encrypted (password-protected) workbook; save it without a password"
        case .legacyXLS: return "legacy Excel 97-2003 .xls workbook; save it as .xlsx"
        case .openDocument: return "OpenDocument spreadsheet (.ods); save it as .xlsx"
        case .encryptedEntry: return "encrypted ZIP entry"
        case .unsupportedCompression(let m, _):
            let name = [12: " (bzip2)", 14: " (LZMA)", 93: " (Zstandard)", 95: " (XZ)", 9: " (deflate64)", 98: " (PPMd)"][m] ?? ""
            return "unsupported ZIP compression method \(m)\(name)"
        case .crcMismatch: return "CRC-32 mismatch (damaged file)"
        case .inflateFailed(let m, _): return "cannot decompress: \(m)"
        case .limitExceeded(let limit, let detail, _): return "limit \(limit) exceeded: \(detail)"
        case .missingPart: return "missing part"
        case .xml(let m, _, _): return "malformed XML: \(m)"
        case .dtdRefused: return "XML document type declaration (DTD) refused"
        case .invalidWorkbook(let m, _): return m
        case .invalidCell(let m, _, _): return m
        case .notAWorksheet(let m): return m
        }
    }

    /// Where it happened: a part path (`xl/worksheets/sheet2.xml`, with `:line` for XML
    /// errors) or a cell (`Sheet1!B7`); nil when it concerns the whole file.
    public var location: String? {
        switch self {
        case .io, .notZip, .truncated, .encryptedWorkbook, .legacyXLS, .openDocument, .notAWorksheet:
            return nil
        case .corruptZip(_, let p): return p
        case .limitExceeded(_, _, let p): return p
        case .encryptedEntry(let p), .unsupportedCompression(_, let p), .crcMismatch(let p),
            .inflateFailed(_, let p), .dtdRefused(let p), .invalidWorkbook(_, let p), .missingPart(let p):
            return p
        case .xml(_, let p, let line): return line > 0 ? "\(p):\(line)" : p
        case .invalidCell(_, let sheet, let cell): return "\(sheet)!\(cell)"
        }
    }

    /// `what is wrong [where]`.
    public var description: String {
        if let location { return "\(message) [\(location)]" }
        return message
    }
}
