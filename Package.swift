// swift-tools-version:6.1
// TongHop: consolidate district XLSX report submissions into a provincial workbook.
//
// Layout follows the pipeline: bytes (CZlib, CLibXML2, XLSX) -> checked figures
// (Reporting) -> the nightly job (Batch) -> the command line (tonghop).
import PackageDescription

let package = Package(
    name: "TongHop",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tonghop", targets: ["tonghop"]),
        .library(name: "XLSX", targets: ["XLSX"]),
        .library(name: "Reporting", targets: ["Reporting"]),
        .library(name: "Batch", targets: ["Batch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // C libraries, each behind a module map and a shim header; nothing else.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),

        // The spreadsheet layer: ZIP, XML, reading and writing XLSX. Usable on its own.
        .target(name: "XLSX", dependencies: ["CZlib", "CLibXML2"]),

        // The domain: templates, rules, validation, consolidation, reports.
        .target(
            name: "Reporting",
            dependencies: [
                "XLSX",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]),

        // The nightly job: job file, inbox, ledger, run.
        .target(
            name: "Batch",
            dependencies: [
                "XLSX", "Reporting",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // The command line: one file per subcommand.
        .executableTarget(
            name: "tonghop",
            dependencies: [
                "XLSX", "Reporting", "Batch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        .testTarget(
            name: "XLSXTests", dependencies: ["XLSX"], exclude: ["Hostile"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ReportingTests",
            dependencies: ["Reporting", "XLSX", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "BatchTests", dependencies: ["Batch", "Reporting", "XLSX"]),
        .testTarget(name: "EndToEndTests", dependencies: ["XLSX"]),
    ],
    swiftLanguageModes: [.v6]
)
