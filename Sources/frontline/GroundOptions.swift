import ArgumentParser
import Foundation
import GeoCore
import MapData

/// The options `import geojson` and `import ogr` share: whose ground, which date and status, the
/// source, and where it goes. Reading differs; everything after the features are read is `run`.
struct GroundOptions: ParsableArguments {
    @Option(help: "The side whose ground every feature is (an id in dataset.json).") var side: String?
    @Option(
        help: ArgumentHelp(
            "KEY=VALUE:SIDE: features whose property KEY is VALUE are SIDE's ground (repeatable; instead of --side).",
            valueName: "KEY=VALUE:SIDE"))
    var sideProperty: [String] = []
    @Option(help: "Status of the imported ground: assessed, claimed or contested.") var status: ControlStatus = .assessed
    @Option(
        help: ArgumentHelp(
            "KEY (a property holding assessed/claimed/contested) or KEY=VALUE:STATUS (repeatable); instead of --status.",
            valueName: "KEY"))
    var statusProperty: [String] = []
    @Option(help: "Source name recorded in every feature.") var source: String
    @Option(help: "Source URL.") var sourceUrl: String?
    @Option(help: "Retrieval date of the source.") var retrieved: String?
    @Option(help: "Caveat recorded with the source.") var note: String?
    @Option(help: ArgumentHelp("Date of every feature (YYYY-MM-DD).", valueName: dateValueName)) var date: Day?
    @Flag(help: "Date each file from its name (…_YYYYMMDD.geojson); the default.") var dateFromName = false
    @Option(help: "Property holding each feature's date.") var dateProperty: String?
    @Option(help: "Output folder: DIR/control of a data folder.") var out: String = "GeoData/control"
    @Option(help: "Territories to split by; default: basemap/territories.geojson beside --out.") var territories: String?
    @Option(help: ArgumentHelp("Region to clip to (W,S,E,N); default: the data folder's dataset.json.", valueName: boxValueName))
    var region: BBox?
    @Option(
        help:
            "Slivers across a border thinner than this (mean width, km) go to the rest of their piece's side; default: dataset.json's borderToleranceKm, else 2."
    )
    var borderTolerance: Double?
    @Flag(help: "Refuse invalid polygons instead of repairing them (GEOS make-valid) with a warning.") var strict = false

    /// One input as read: its features, and the CRS it was reprojected from (nil for WGS84 by definition).
    struct Input {
        let file: String
        let features: [GeoFeature]
        let crs: String?
    }

    /// Checks the options against each other before any file is read.
    func validate() throws { _ = try attributes() }

    /// Whose ground and which status each feature is, from the options.
    func attributes() throws -> GroundAttributes {
        if let t = borderTolerance, !(t >= 0 && t.isFinite) { throw UsageError("--border-tolerance must be a number of km ≥ 0") }
        let datings = [date != nil, dateFromName, dateProperty != nil].filter { $0 }.count
        guard datings <= 1 else { throw UsageError("give one of --date, --date-from-name and --date-property") }
        let sideRule: GroundAttributes.Side
        switch (side, sideProperty.isEmpty) {
        case (let s?, true): sideRule = .fixed(s)
        case (nil, false):
            sideRule = .mapped(try Self.rules(sideProperty, option: "--side-property"))
        default: throw UsageError("give --side SIDE or --side-property KEY=VALUE:SIDE (one of them)")
        }
        let statusRule: GroundAttributes.Status
        if statusProperty.isEmpty {
            statusRule = .fixed(status)
        } else if statusProperty.count == 1, !statusProperty[0].contains("=") {
            statusRule = .named(key: statusProperty[0])
        } else {
            statusRule = .mapped(try Self.rules(statusProperty, option: "--status-property"))
        }
        return GroundAttributes(side: sideRule, status: statusRule)
    }

    private static func rules(_ texts: [String], option: String) throws -> [GroundAttributes.ValueRule] {
        var out: [GroundAttributes.ValueRule] = []
        for t in texts {
            do { out.append(try .init(parsing: t, option: option)) } catch { throw UsageError(error.message) }
        }
        return out
    }

    /// The inputs `read` gives (called once options and the data folder are checked) imported into
    /// `out`: clipped, split by territory, one control file per date, nothing written on any error.
    func run(files: [String], read: (GeometryRepair) throws -> [Input]) throws {
        let attributes = try attributes()
        let dating: GroundImport.Dating =
            date.map { .fixed($0) } ?? dateProperty.map { .property($0) } ?? .fromName
        var tolerance = borderTolerance
        let folder = (out as NSString).deletingLastPathComponent
        let manifestPath = (folder.isEmpty ? "." : folder) + "/dataset.json"
        var box = region
        if FileManager.default.fileExists(atPath: manifestPath) {
            let manifest = try Manifest.decode(try DiskFolder.readFile(manifestPath), file: manifestPath)
            for s in attributes.sides where manifest.side(s) == nil {
                throw UsageError("side '\(s)' is not a side in \(manifestPath) (\(manifest.sides.map(\.id).joined(separator: ", ")))")
            }
            box = box ?? manifest.region
            tolerance = tolerance ?? manifest.borderToleranceKm
        }
        let territoriesPath = territories ?? (folder.isEmpty ? "." : folder) + "/basemap/territories.geojson"
        var split: BorderSplit?
        if territories != nil || FileManager.default.fileExists(atPath: territoriesPath) {
            // The folder's water beside its territories: outlines drawn past the coast are left out there.
            let waterPath = (territoriesPath as NSString).deletingLastPathComponent + "/water.geojson"
            var water = MultiPolygon.empty
            if FileManager.default.fileExists(atPath: waterPath) {
                let faces = try TerritoryLayer.decode(try DiskFolder.readFile(waterPath), file: waterPath, unnamed: true)
                water = MultiPolygon(faces.territories.flatMap(\.geometry.polygons))
            }
            split = BorderSplit(
                territories: try TerritoryLayer.decode(try DiskFolder.readFile(territoriesPath), file: territoriesPath),
                toleranceKm: tolerance ?? 2, water: water)
        }
        let engine = GeometryEngine()
        let repair = GeometryRepair(strict: strict)
        let importer = GroundImport(dating: dating, attributes: attributes, region: box)
        var byKey: [GroundImport.Key: MultiPolygon] = [:]
        var skipped: [DataError] = []
        var crss: [String] = []
        for input in try read(repair) {
            let found = try importer.ground(input.features, file: input.file, engine: engine)
            skipped += found.skipped
            if let c = input.crs, !crss.contains(c) { crss.append(c) }
            for (key, g) in found.byKey {
                byKey[key] = try byKey[key].map { try engine.union($0, g) } ?? g
            }
        }
        Disk.warn(repair.warnings + skipped)
        guard !byKey.isEmpty else { throw DataError(message: "no Polygon or MultiPolygon ground in \(files.joined(separator: ", "))") }
        let src = SourceRef(
            name: source, url: sourceUrl, retrieved: retrieved, note: note, crs: crss.isEmpty ? nil : crss.joined(separator: "; "))
        let outputs = try snapshots(byKey, split: split, source: src, engine: engine)
        // Never over the files being imported (nor the territories they are split by).
        let writer = OutputWriter(inputs: RunInputs(files: files + [territoriesPath]))
        try writer.prepareFolder(out)
        for o in outputs {
            try writer.write(o.text, to: o.path)
            Terminal.print("\(o.path): \(o.summary)")
        }
    }

    /// Every control file, worked out before the first write, so bad input leaves no folder and no file.
    private func snapshots(_ byKey: [GroundImport.Key: MultiPolygon], split: BorderSplit?, source src: SourceRef, engine: GeometryEngine)
        throws -> [(path: String, text: String, summary: String)]
    {
        var outputs: [(path: String, text: String, summary: String)] = []
        let days = Set(byKey.keys.map(\.day)).sorted()
        for day in days {
            var areas: [ControlArea] = []
            var moved = 0.0, overWater = 0.0
            for key in byKey.keys.filter({ $0.day == day }).sorted() {
                let ground = byKey[key] ?? .empty
                guard let split else {
                    areas.append(ControlArea(side: key.side, status: key.status, territory: nil, geometry: ground, source: src))
                    continue
                }
                let parts = try split.split(ground, engine: engine)
                moved += parts.movedKm2
                overWater += parts.overWaterKm2
                areas += parts.pieces.map {
                    ControlArea(side: key.side, status: key.status, territory: $0.territory, geometry: $0.geometry, source: src)
                }
                if !parts.outside.isEmpty {
                    areas.append(ControlArea(side: key.side, status: key.status, territory: nil, geometry: parts.outside, source: src))
                }
            }
            // Control files keep coordinates to 1e-6° (GeoJSONWriter); rounding a narrow sliver can
            // make a ring touch itself, which validate and every drawing command would then refuse.
            // Snapped here with GEOS's precision reduction, which keeps the result valid, what this
            // importer writes is what it checked.
            areas = try areas.map { a in
                ControlArea(
                    side: a.side, status: a.status, territory: a.territory,
                    geometry: try engine.snapped(a.geometry, toGrid: GeoJSONWriter.gridDegrees), source: a.source)
            }
            let target = try OutputName.path("\(day).geojson", in: out, from: "the snapshot date")
            let summary = try areas.map { a throws(DataError) in
                "\(a.side)/\(a.territory ?? "no territory") \(formatFixed(try a.geometry.areaKm2, digits: 1)) km²"
            }
            var movedText = split == nil ? "" : "; \(formatFixed(moved, digits: 1)) km² of border slivers moved"
            if overWater > 0 { movedText += "; \(formatFixed(overWater, digits: 1)) km² over water left out" }
            outputs.append((target, try ControlFile.encode(date: day, areas: areas), summary.joined(separator: ", ") + movedText))
        }
        return outputs
    }
}
