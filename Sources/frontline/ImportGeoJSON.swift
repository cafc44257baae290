import ArgumentParser
import Foundation
import GeoCore
import MapData

struct ImportGeoJSON: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geojson",
        abstract: "Convert anyone's control GeoJSON (one side's ground) into control snapshots (one GeoJSON per date).",
        discussion: """
            One file per date (names like occupied_20240901.geojson: --date-from-name, the default), or
            one file with a date per feature (--date-property KEY), or --date for all. .geojson.gz is read
            too. Polygon and MultiPolygon features are the side's ground; other geometry types are reported
            by feature and skipped; invalid polygons are repaired (GEOS make-valid) with a warning, as by
            import kml. Input properties are not trusted: side, status and territory are set here.
            The ground is clipped to the data folder's region (dataset.json, the parent of --out) and split
            by its basemap/territories.geojson. A part of a piece that lies across a border and whose mean
            width (2·area/perimeter) is under --border-tolerance km is a sliver where two sources draw the
            border differently: it goes to the territory the rest of the piece lies in, and the area moved
            is printed.
            Example:
              frontline import geojson raw/occupied_*.geojson --side russia --source "Someone's daily map" \\
                --out myfront/control
            """)

    @Argument(help: "GeoJSON files (.geojson or .geojson.gz).") var files: [String]
    @Option(help: "The side whose ground the files hold (an id in dataset.json).") var side: String
    @Option(help: "Status of the imported ground: assessed, claimed or contested.") var status: String = "assessed"
    @Option(help: "Source name recorded in every feature.") var source: String
    @Option(help: "Source URL.") var sourceUrl: String?
    @Option(help: "Retrieval date of the source.") var retrieved: String?
    @Option(help: "Caveat recorded with the source.") var note: String?
    @Option(help: "Date of every feature (YYYY-MM-DD).") var date: String?
    @Flag(help: "Date each file from its name (…_YYYYMMDD.geojson); the default.") var dateFromName = false
    @Option(help: "Property holding each feature's date.") var dateProperty: String?
    @Option(help: "Output folder: DIR/control of a data folder.") var out: String = "GeoData/control"
    @Option(help: "Territories to split by; default: basemap/territories.geojson beside --out.") var territories: String?
    @Option(help: "Region to clip to (W,S,E,N); default: the data folder's dataset.json.") var region: String?
    @Option(
        help:
            "Slivers across a border thinner than this (mean width, km) go to the rest of their piece's side; default: dataset.json's borderToleranceKm, else 2."
    )
    var borderTolerance: Double?
    @Flag(help: "Refuse invalid polygons instead of repairing them (GEOS make-valid) with a warning.") var strict = false

    func run() throws {
        guard let st = ControlStatus(rawValue: status) else { throw UsageError("--status must be assessed, claimed or contested") }
        let datings = [date != nil, dateFromName, dateProperty != nil].filter { $0 }.count
        guard datings <= 1 else { throw UsageError("give one of --date, --date-from-name and --date-property") }
        if let t = borderTolerance, !(t >= 0 && t.isFinite) { throw UsageError("--border-tolerance must be a number of km ≥ 0") }
        var tolerance = borderTolerance
        let dating: GeoJSONImport.Dating =
            try date.map { .fixed(try parseDay($0, option: "--date")) } ?? dateProperty.map { .property($0) } ?? .fromName
        let folder = (out as NSString).deletingLastPathComponent
        let manifestPath = (folder.isEmpty ? "." : folder) + "/dataset.json"
        var box = try region.map { try BBox(parsing: $0) }
        if FileManager.default.fileExists(atPath: manifestPath) {
            let manifest = try Manifest.decode(try DiskFolder.readFile(manifestPath), file: manifestPath)
            guard manifest.side(side) != nil else {
                throw UsageError("--side '\(side)' is not a side in \(manifestPath) (\(manifest.sides.map(\.id).joined(separator: ", ")))")
            }
            box = box ?? manifest.region
            tolerance = tolerance ?? manifest.borderToleranceKm
        }
        let territoriesPath = territories ?? (folder.isEmpty ? "." : folder) + "/basemap/territories.geojson"
        var split: BorderSplit?
        if territories != nil || FileManager.default.fileExists(atPath: territoriesPath) {
            split = BorderSplit(
                territories: try TerritoryLayer.decode(try DiskFolder.readFile(territoriesPath), file: territoriesPath),
                toleranceKm: tolerance ?? 2)
        }
        let engine = GeometryEngine()
        let repair = GeometryRepair(strict: strict)
        let importer = GeoJSONImport(dating: dating, region: box)
        var byDate: [Day: MultiPolygon] = [:]
        var skipped: [DataError] = []
        for file in files {
            let features = try GeoJSONFile(file).features(repair: repair)
            let found = try importer.ground(features, file: file, engine: engine)
            skipped += found.skipped
            for (day, g) in found.byDate {
                byDate[day] = try byDate[day].map { try engine.union($0, g) } ?? g
            }
        }
        Disk.warn(repair.warnings + skipped)
        guard !byDate.isEmpty else { throw DataError(message: "no Polygon or MultiPolygon ground in \(files.joined(separator: ", "))") }
        let src = SourceRef(name: source, url: sourceUrl, retrieved: retrieved, note: note)
        // Everything is worked out before the first write, so bad input leaves no folder and no file.
        var outputs: [(path: String, text: String, summary: String)] = []
        for day in byDate.keys.sorted() {
            let ground = byDate[day] ?? .empty
            var areas: [ControlArea] = []
            var moved = 0.0
            if let split {
                let parts = try split.split(ground, engine: engine)
                moved = parts.movedKm2
                areas = parts.pieces.map {
                    ControlArea(side: side, status: st, territory: $0.territory, geometry: $0.geometry, source: src)
                }
                if !parts.outside.isEmpty {
                    areas.append(ControlArea(side: side, status: st, territory: nil, geometry: parts.outside, source: src))
                }
            } else {
                areas = [ControlArea(side: side, status: st, territory: nil, geometry: ground, source: src)]
            }
            let target = try OutputName.path("\(day).geojson", in: out, from: "the snapshot date")
            let summary = areas.map { "\($0.side)/\($0.territory ?? "no territory") \(formatFixed($0.geometry.areaKm2, digits: 1)) km²" }
            let movedText = split == nil ? "" : "; \(formatFixed(moved, digits: 1)) km² of border slivers moved"
            outputs.append((target, ControlFile.encode(date: day, areas: areas), summary.joined(separator: ", ") + movedText))
        }
        // Never over the files being imported (nor the territories they are split by).
        let writer = OutputWriter(inputs: RunInputs(files: files + [territoriesPath]))
        try writer.prepareFolder(out)
        for o in outputs {
            try writer.write(o.text, to: o.path)
            Terminal.print("\(o.path): \(o.summary)")
        }
    }
}
