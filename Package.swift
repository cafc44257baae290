// swift-tools-version:6.0
import Foundation
import PackageDescription

// Layering (see README "Design"): GeoCore → MapData, Cartography → MapRender, Atlas → frontline.
// C libraries enter through system-library targets and are imported `internal` in one bridge each.
let package = Package(
    name: "Frontline",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "frontline", targets: ["frontline"]),
        .library(name: "FrontlineKit", targets: ["GeoCore", "MapData", "Cartography", "MapRender", "Atlas"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(
            name: "CCairo", path: "Sources/CCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]),
        .systemLibrary(
            name: "CGEOS", path: "Sources/CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        // PROJ's header only: the library is opened on demand (--crs), see CRSProjection.swift.
        .systemLibrary(name: "CProj", path: "Sources/CProj", providers: [.apt(["libproj-dev"])]),
        .target(
            name: "CGeodesic", path: "Sources/CGeodesic", linkerSettings: [.linkedLibrary("GeographicLib")]),
        // GDAL's headers only: OGRSource opens libgdal on demand (import ogr), so render and frames never
        // load it, see OGRSource/GDAL.swift.
        .systemLibrary(name: "CGDAL", path: "Sources/CGDAL", providers: [.apt(["libgdal-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CIsal", path: "Sources/CIsal", providers: [.apt(["libisal-dev"])]),
        .target(name: "GeoCore", dependencies: ["CGEOS", "CProj", "CGeodesic"]),
        // libxml2 for KML, driven directly so that files over 10 MB parse (XML_PARSE_HUGE); see XMLPushParser.swift.
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "MapData", dependencies: ["GeoCore", "CZlib", "CLibXML2"]),
        .target(name: "Cartography", dependencies: ["GeoCore"]),
        // Any vector source GDAL/OGR reads, as MapData features; used by the import commands only.
        .target(name: "OGRSource", dependencies: ["MapData", "GeoCore", "CGDAL"]),
        .target(name: "MapRender", dependencies: ["Cartography", "GeoCore", "CCairo", "CZlib", "CIsal"]),
        .target(name: "Atlas", dependencies: ["MapData", "Cartography", "GeoCore"]),
        // Helpers only tests use (decoding PNGs, pixels of a scene): in no library and no product.
        .target(name: "FrontlineTestSupport", dependencies: ["MapRender", "Cartography", "GeoCore", "CCairo"]),
        .executableTarget(
            name: "frontline",
            dependencies: [
                "GeoCore", "MapData", "Cartography", "MapRender", "Atlas", "OGRSource",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(
            name: "FrontlineTests",
            dependencies: ["GeoCore", "MapData", "Cartography", "MapRender", "Atlas", "OGRSource", "FrontlineTestSupport"],
            resources: [.copy("Goldens"), .copy("Fixtures")]),
    ]
)

// libFuzzer targets, only when FRONTLINE_FUZZ is set (`make fuzz` builds them with --sanitize fuzzer,
// whose runtime supplies `main`; an ordinary build would have none).
if ProcessInfo.processInfo.environment["FRONTLINE_FUZZ"] != nil {
    for name in ["GeoJSON", "KML", "Day", "JSON", "Dataset", "Options"] {
        package.targets.append(.executableTarget(name: "Fuzz\(name)", dependencies: ["MapData", "GeoCore"], path: "Fuzz/\(name)"))
    }
}
