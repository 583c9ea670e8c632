// The libFuzzer entry point for the XLSX module. fuzz/build.sh compiles this folder
// together with every source of Sources/XLSX as one module named XLSX (a SwiftPM
// executable target cannot link as a fuzzer: SwiftPM renames `main`), so the targets
// reach internal types (ZipArchive, SheetHandler, SAXParser) directly.
//
// One binary, four targets; TONGHOP_FUZZ_TARGET picks one (fuzz/run.sh sets it):
//   zip       ZipArchive: central directory, local headers, inflate, CRC, limits
//   sheet     SheetHandler through SAXParser: one worksheet part's XML
//   workbook  Workbook(bytes:) and every worksheet through CSV, JSON, stats and grid
//   package   the same, from XML parts joined by a separator and packed as a stored ZIP

#if canImport(Glibc)
    import Glibc
#endif

/// Which target this process runs, read once.
nonisolated(unsafe) private var selectedTarget: ((UnsafeRawBufferPointer) -> Void)? = nil

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    let name = getenv("TONGHOP_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    switch name {
    case "zip": selectedTarget = FuzzZip.run
    case "sheet": selectedTarget = FuzzSheet.run
    case "workbook": selectedTarget = FuzzWorkbook.run
    case "package": selectedTarget = FuzzPackage.run
    default:
        fputs("set TONGHOP_FUZZ_TARGET to zip, sheet, workbook or package (got '\(name)')\n", stderr)
        exit(64)
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    selectedTarget?(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// Limits small enough that one input runs in milliseconds: the fuzzer looks for crashes,
/// hangs and leaks, not for the size limits themselves (the hostile suite tests those).
let fuzzLimits: ReaderLimits = {
    var l = ReaderLimits.default
    l.maxEntrySize = 8 << 20
    l.maxTotalSize = 32 << 20
    l.maxEntries = 2_000
    return l
}()
