import ArgumentParser
import Foundation
import GeoCore
import MapData

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
    @Option(help: ArgumentHelp("Region: W,S,E,N in degrees.", valueName: boxValueName)) var region: BBox
    @Option(help: "NAME=LON,LAT: a point inside each territory (repeatable).") var name: [String]
    @Option(help: "Output GeoJSON file.") var out: String
    @Option(help: "Source recorded with the result.") var source: String = "GSHHG border polygonized with GEOS"
    @Option(help: "A KML control map from before the fighting whose sides define the border instead (see discussion).")
    var baseline: String?
    @Option(help: "Close gaps in the lines up to this many degrees (see discussion).") var snap: Double = TerritoryImport.defaultSnapDegrees
    @Option(help: "KML style id = territory name for --baseline (repeatable), e.g. ru=Russia.") var baselineSide: [String] = []

    func validate() throws {
    }

    func run() throws {
        let box = region
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
