import ArgumentParser
import Foundation
import GeoCore
import MapData

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
    @Option(help: ArgumentHelp("Region to clip to: W,S,E,N in degrees.", valueName: boxValueName)) var region: BBox
    @Option(help: "Output folder.") var out: String
    @Option(name: .customLong("side"), help: "KML style id = side id (repeatable), e.g. ru=russia.") var sideMap: [String] = []
    @Option(help: "Status of the imported areas: assessed, claimed or contested.") var status: ControlStatus = .assessed
    @Option(help: "GeoJSON of named territories to split by.") var territories: String?
    @Option(help: ArgumentHelp("Date of the snapshot (YYYY-MM-DD); default from the file name.", valueName: dateValueName)) var date: Day?
    @Option(help: "Source name recorded in every feature.") var source: String
    @Option(help: "Source URL.") var sourceUrl: String?
    @Option(help: "Retrieval date of the source.") var retrieved: String?
    @Option(help: "Caveat recorded with the source.") var note: String?
    @Option(help: "Drop pieces smaller than this many km² after splitting (border slivers).") var minPiece: Double = 0.5
    @Option(help: "Import as a reference layer with this legend label instead of a snapshot.") var layer: String?
    @Option(help: "Side of a reference layer.") var layerSide: String?
    @Option(
        help: ArgumentHelp("First date a reference layer applies to (YYYY-MM-DD); maps before it do not draw it.", valueName: dateValueName)
    )
    var validFrom: Day?
    @Option(help: ArgumentHelp("Last date a reference layer applies to (YYYY-MM-DD).", valueName: dateValueName)) var validTo: Day?
    @Flag(help: "Refuse invalid polygons instead of repairing them (GEOS make-valid) with a warning.") var strict = false

    func run() throws {
        let (box, st) = (region, status)
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
            let day = try date ?? Self.day(fromFileName: file)
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
        if let d = validFrom { props.append(("validFrom", .string(d.description))) }
        if let d = validTo { props.append(("validTo", .string(d.description))) }
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
