import ArgumentParser
import Foundation
import GeoCore
import MapData

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import source data (KML, GeoJSON or any GDAL vector format control maps, a gazetteer CSV, a border) into a data folder.",
        subcommands: [ImportKML.self, ImportGeoJSON.self, ImportOGR.self, ImportGazetteer.self, ImportTerritories.self])
}

struct ImportKML: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kml",
        abstract: "Convert KML control maps into control snapshots (one GeoJSON per date).",
        discussion: """
            The date comes from --date or from the file name (Control_24_09_01.kml → 2024-09-01).
            With --territories, each side's ground is split by country, so ground held across
            the border is its own feature.
            Example:
              frontline import kml Control_24_09_01.kml --region 33.5,50.5,37,52.2 \\
                --side ru=russia --side ua=ukraine --territories GeoData/basemap/territories.geojson \\
                --source "mini-krowka/mapsite" --out GeoData/control
            With --layer NAME the file is imported as a reference layer (an outline, no date) instead.
            """)

    @Argument(help: "KML files.") var files: [String]
    @Option(help: "Region to clip to: W,S,E,N in degrees.") var region: String
    @Option(help: "Output folder.") var out: String
    @Option(name: .customLong("side"), help: "KML style id = side id (repeatable), e.g. ru=russia.") var sideMap: [String] = []
    @Option(help: "Status of the imported areas: assessed, claimed or contested.") var status: String = "assessed"
    @Option(help: "GeoJSON of named territories to split by.") var territories: String?
    @Option(help: "Date of the snapshot (YYYY-MM-DD); default from the file name.") var date: String?
    @Option(help: "Source name recorded in every feature.") var source: String
    @Option(help: "Source URL.") var sourceUrl: String?
    @Option(help: "Retrieval date of the source.") var retrieved: String?
    @Option(help: "Caveat recorded with the source.") var note: String?
    @Option(help: "Drop pieces smaller than this many km² after splitting (border slivers).") var minPiece: Double = 0.5
    @Option(help: "Import as a reference layer with this legend label instead of a snapshot.") var layer: String?
    @Option(help: "Side of a reference layer.") var layerSide: String?
    @Option(help: "First date a reference layer applies to (YYYY-MM-DD); maps before it do not draw it.") var validFrom: String?
    @Option(help: "Last date a reference layer applies to (YYYY-MM-DD).") var validTo: String?
    @Flag(help: "Refuse invalid polygons instead of repairing them (GEOS make-valid) with a warning.") var strict = false

    func run() throws {
        let box = try BBox(parsing: region)
        guard let st = ControlStatus(rawValue: status) else {
            throw UsageError("--status must be assessed, claimed or contested")
        }
        var sides: [String: String] = [:]
        for m in sideMap {
            let parts = m.split(separator: "=").map(String.init)
            guard parts.count == 2 else { throw UsageError("--side '\(m)' must be STYLE=SIDE") }
            sides[parts[0]] = parts[1]
        }
        let split = try territories.map { try TerritoryLayer.decode(try DiskFolder.readFile($0), file: $0) }
        let engine = GeometryEngine()
        let repair = GeometryRepair(strict: strict)
        defer { Disk.warn(repair.warnings) }
        let src = SourceRef(name: source, url: sourceUrl, retrieved: retrieved, note: note)
        for file in files {
            let kml = try KMLFile(file).features(repair: nil)
            if let label = layer {
                try importLayer(kml, file: file, label: label, box: box, src: src, engine: engine, repair: repair)
                continue
            }
            let day = try date.map { try Day(parsing: $0) } ?? Self.day(fromFileName: file)
            let importer = ControlImport(region: box, sides: sides, status: st, territories: split, minPieceKm2: minPiece)
            let areas = try importer.areas(from: kml, file: file, source: src, engine: engine, repair: repair)
            let target = try OutputName.path("\(day).geojson", in: out, from: "the snapshot date")
            // Made only now, so that bad input leaves no empty folder behind.
            let writer = OutputWriter(inputs: RunInputs(files: files + [territories]))
            try writer.prepareFolder(out)
            try writer.write(try ControlFile.encode(date: day, areas: areas), to: target)
            let summary = try areas.map { a throws(DataError) in
                "\(a.side)\(a.territory.map { "/" + $0 } ?? "") \(formatFixed(try a.geometry.areaKm2, digits: 1)) km²"
            }
            Terminal.print("\(target): \(summary.joined(separator: ", "))")
        }
    }

    private func importLayer(
        _ kml: [GeoFeature], file: String, label: String, box: BBox, src: SourceRef, engine: GeometryEngine, repair: GeometryRepair
    ) throws {
        let polys = kml.flatMap { $0.geometry?.multiPolygon?.polygons ?? [] }
        let geometry = try engine.clip(try repair.checked(MultiPolygon(polys), notes: [], file: file, place: "placemarks"), to: box)
        var props: [(String, JSONValue)] = [("label", .string(label))]
        if let s = layerSide { props.append(("side", .string(s))) }
        if let d = try validFrom.map({ try parseDay($0, option: "--valid-from") }) { props.append(("validFrom", .string(d.description))) }
        if let d = try validTo.map({ try parseDay($0, option: "--valid-to") }) { props.append(("validTo", .string(d.description))) }
        props.append(("areaKm2", .number((geometry.areaKm2 * 100).rounded() / 100)))
        props.append(("source", .string(src.name)))
        if let u = src.url { props.append(("sourceUrl", .string(u))) }
        if let r = src.retrieved { props.append(("retrieved", .string(r))) }
        if let n = src.note { props.append(("note", .string(n))) }
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let target = try OutputName.path("\(name).geojson", in: out, from: "the KML file name")
        var features = [GeoJSONWriter.feature(geometry: .multiPolygon(geometry), properties: props)]
        // The compiler's outline, if drawn as lines, is what the map shows.
        let lines = try engine.clip(kml.flatMap { $0.geometry?.lines ?? [] }, to: box)
        if !lines.isEmpty {
            features.append(GeoJSONWriter.feature(geometry: .multiLineString(lines), properties: [("role", .string("outline"))]))
        }
        let doc = GeoJSONWriter.collection(features)
        let writer = OutputWriter(inputs: RunInputs(files: [file]))
        try writer.prepareFolder(out)
        try writer.write(JSONWriter.write(doc, indent: 1), to: target)
        Terminal.print("\(target): \(label) \(formatFixed(geometry.areaKm2, digits: 1)) km²")
    }

    /// "…_YY_MM_DD.kml" → 20YY-MM-DD.
    static func day(fromFileName file: String) throws -> Day {
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let parts = stem.split(separator: "_").suffix(3).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ $0.count == 2 && Int($0) != nil }) else {
            throw DataError(file: file, message: "no date in the file name (expected …_YY_MM_DD.kml); pass --date")
        }
        return try Day(parsing: "20\(parts[0])-\(parts[1])-\(parts[2])")
    }
}

struct ImportGazetteer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Convert a settlement gazetteer CSV into settlements.geojson.",
        discussion: """
            Columns: name_en, alt_names (| separated), name_ru, type, district, oblast, lat, lon, population,
            population_year, source_url, confidence, notes. Rows without coordinates stay as unlocated names.
            Example:
              frontline import gazetteer settlements.csv --out GeoData/settlements.geojson
            """)

    @Argument(help: "The CSV file.") var file: String
    @Option(help: "Output GeoJSON file.") var out: String

    func run() throws {
        let bytes = try DiskFolder.readFile(file)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw DataError(file: file, message: "not UTF-8 text") }
        let settlements = try GazetteerImport.settlements(csv: text, file: file)
        try OutputWriter(inputs: RunInputs(files: [file])).write(SettlementsFile.encode(settlements), to: out)
        let located = settlements.filter { $0.location != nil }.count
        Terminal.print(
            "\(out): \(settlements.count) settlements, \(located) located, \(settlements.filter(\.isApproximate).count) approximate")
    }
}

struct ImportTerritories: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "territories",
        abstract: "Split a region by border lines into named territories (countries).",
        discussion: """
            The region's outline and the border lines are noded and polygonized; each face takes the name
            of the label point inside it, or else of the nearest face that has one. Gaps in the lines up to
            --snap degrees (default 0.005°, about 550 m north–south) are closed: ends that nearly meet
            are joined, and an end that nearly reaches another line or the region's edge is connected to
            it. Two label points in one face (a wider gap, or a missing line) and a label point in no face
            are errors, and nothing is written.
            With --baseline, the ground each side held in a control map from before the fighting is given
            to that side's country: control areas then split along their own compiler's border, so that
            slivers between two border sources are not counted as ground held across the border.
            Example:
              frontline import territories GeoData/basemap/border.geojson --region 33.5,50.5,37,52.2 \\
                --name Russia=36.18,51.72 --name Ukraine=34.8,50.75 --out GeoData/basemap/territories.geojson
            """)

    @Argument(help: "GeoJSON files with the border lines (and coasts).") var border: [String]
    @Option(help: "Region: W,S,E,N in degrees.") var region: String
    @Option(help: "NAME=LON,LAT: a point inside each territory (repeatable).") var name: [String]
    @Option(help: "Output GeoJSON file.") var out: String
    @Option(help: "Source recorded with the result.") var source: String = "GSHHG border polygonized with GEOS"
    @Option(help: "A KML control map from before the fighting whose sides define the border instead (see discussion).")
    var baseline: String?
    @Option(help: "Close gaps in the lines up to this many degrees (see discussion).") var snap: Double = TerritoryImport.defaultSnapDegrees
    @Option(help: "KML style id = territory name for --baseline (repeatable), e.g. ru=Russia.") var baselineSide: [String] = []

    func run() throws {
        let box = try BBox(parsing: region)
        var labels: [(String, LonLat)] = []
        for n in name {
            let parts = n.split(separator: "=").map(String.init)
            let c = parts.count == 2 ? parts[1].split(separator: ",").compactMap { Double($0) } : []
            guard c.count == 2 else { throw UsageError("--name '\(n)' must be NAME=LON,LAT") }
            labels.append((parts[0], try LonLat(lon: c[0], lat: c[1])))
        }
        let engine = GeometryEngine()
        var base: [(String, MultiPolygon)] = []
        if let baseline {
            var map: [String: String] = [:]
            for m in baselineSide {
                let parts = m.split(separator: "=").map(String.init)
                guard parts.count == 2 else { throw UsageError("--baseline-side '\(m)' must be STYLE=TERRITORY") }
                map[parts[0]] = parts[1]
            }
            let kml = try KMLFile(baseline).features(repair: nil)
            let repair = GeometryRepair(strict: false)
            defer { Disk.warn(repair.warnings) }
            base = try ControlImport.polygonsByStyle(
                kml, file: baseline, names: map, region: box, engine: engine, repair: repair, unmapped: nil)
        }
        guard snap >= 0, snap < 1 else { throw UsageError("--snap must be 0 to 1 degree") }
        var lines: [LineString] = []
        for file in border { lines += try LineLayer.decode(try DiskFolder.readFile(file), file: file).lineStrings }
        let result = try TerritoryImport(region: box, labels: labels.map { (name: $0.0, point: $0.1) }, snapDegrees: snap)
            .territories(border: lines, baseline: base, engine: engine, file: border.joined(separator: ", "))
        var features: [JSONValue] = []
        for (n, m) in result.layer.territories {
            features.append(
                GeoJSONWriter.feature(
                    geometry: .multiPolygon(m),
                    properties: [
                        ("name", .string(n)), ("areaKm2", .number((m.areaKm2 * 10).rounded() / 10)), ("source", .string(source)),
                    ]))
            Terminal.print("\(n): \(m.polygons.count) polygon(s), \(formatFixed(m.areaKm2, digits: 1)) km²")
        }
        Terminal.print(
            "\(result.faces) faces, \(result.unlabelled) without a label point (\(formatFixed(result.unlabelledKm2, digits: 1)) km², given to the nearest territory)"
        )
        try OutputWriter(inputs: RunInputs(files: border + [baseline])).write(
            JSONWriter.write(GeoJSONWriter.collection(features), indent: 1), to: out)
    }
}
