import ArgumentParser
import Foundation
import GeoCore
import MapData

struct ImportGeoJSON: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geojson",
        abstract: "Convert anyone's control GeoJSON into control snapshots (one GeoJSON per date).",
        discussion: """
            One file per date (names like occupied_20240901.geojson: --date-from-name, the default), or
            one file with a date per feature (--date-property KEY), or --date for all. .geojson.gz is read
            too. Polygon and MultiPolygon features are the ground; other geometry types are reported
            by feature and skipped; invalid polygons are repaired (GEOS make-valid) with a warning, as by
            import kml. Input properties are not trusted: side and status are --side and --status, or
            read from the properties named by --side-property KEY=VALUE:SIDE and --status-property KEY;
            territory is set here.
            The ground is clipped to the data folder's region (dataset.json, the parent of --out) and split
            by its basemap/territories.geojson. A part of a piece that lies across a border and whose mean
            width (2·area/perimeter) is under --border-tolerance km is a sliver where two sources draw the
            border differently: it goes to the territory the rest of the piece lies in, and the area moved
            is printed. Other formats (GeoPackage, Shapefile, KMZ, …) and projected data: import ogr.
            Example:
              frontline import geojson raw/occupied_*.geojson --side russia --source "Someone's daily map" \\
                --out myfront/control
            """)

    @Argument(help: "GeoJSON files (.geojson or .geojson.gz).") var files: [String]
    @OptionGroup var ground: GroundOptions

    func run() throws {
        try ground.run(files: files) { repair in
            try files.map { .init(file: $0, features: try GeoJSONFile($0).features(repair: repair), crs: nil) }
        }
    }
}
