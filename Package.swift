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
        .library(name: "Serve", targets: ["Serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
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

        // The upload server beside the nightly job (`tonghop serve`): a unit's upload page
        // and report, the province's page; the same engine and reports as the job.
        .target(
            name: "Serve",
            dependencies: [
                "XLSX", "Reporting", "Batch",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        // The command line: one file per subcommand. On Linux the release build links the
        // Swift runtime and Foundation statically (compiled with -static-stdlib too, so its
        // objects ask for the static Foundation's own libraries), as a non-PIE executable
        // that exports no symbols: start-up falls from 15-20 ms to about 2.5 ms, and the
        // binary needs no Swift toolchain where it runs. Debug builds and tests are as they
        // were. Why and how it was measured: docs/PERFORMANCE.md, "Start-up".
        .executableTarget(
            name: "tonghop",
            dependencies: [
                "XLSX", "Reporting", "Batch", "Serve",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
            linkerSettings: [
                .unsafeFlags(
                    ["-static-stdlib", "-Xclang-linker", "-no-pie", "-Xlinker", "--no-export-dynamic"],
                    .when(platforms: [.linux], configuration: .release))
            ]),

        .testTarget(
            name: "XLSXTests", dependencies: ["XLSX"], exclude: ["Hostile"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ReportingTests",
            dependencies: ["Reporting", "XLSX", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "BatchTests", dependencies: ["Batch", "Reporting", "XLSX"]),
        .testTarget(name: "EndToEndTests", dependencies: ["XLSX"]),
        .testTarget(
            name: "ServeTests",
            dependencies: [
                "Serve", "Batch", "Reporting", "XLSX",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
