import ArgumentParser
import Foundation
import GeoCore
import MapData
import OGRSource

/// `import ogr`: the `import geojson` pipeline over any vector source GDAL reads.
///
/// A command of its own rather than options on `import geojson`: its inputs are not GeoJSON (and a
/// GeoJSON file stays read by Frontline's own reader, whose errors give the line and ring), it has
/// options only GDAL gives meaning to (--layer, --where, --source-crs), and it is the one command that
/// opens libgdal, which `--help` and everything else then never load. What happens after reading
/// (dates, sides, status, clipping, the border split, the files written) is `GroundOptions.run`, shared.
struct ImportOGR: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ogr",
        abstract: "Convert any vector file GDAL reads (GeoPackage, Shapefile, FlatGeobuf, KML/KMZ, …) into control snapshots.",
        discussion: """
            As import geojson (same options for dates, sides, status, source, region and territories),
            read through GDAL/OGR: one layer per file (--layer NAME, or the file's only one), filtered by
            --where (an OGR SQL condition on the layer's fields). Coordinates are reprojected to WGS84
            from the layer's CRS (a shapefile's .prj, a GeoPackage's srs_id); the CRS is recorded in every
            feature as sourceCrs. A source without a CRS is refused unless --source-crs names it.
            Multi-part features and collections keep their polygons; each other part (a point, a line) is
            named in a warning and dropped.
            Examples:
              frontline import ogr fronts.gpkg --layer control --date-property date \\
                --side-property holder=RU:russia --side-property holder=UA:ukraine \\
                --source "Analyst's layers" --out myfront/control
              frontline import ogr occupied_utm.shp --date 2024-09-01 --side russia --source "ArcGIS export" \\
                --out myfront/control
              frontline import ogr doc.kmz --where "status <> 'withdrawn'" --date-property when --side russia \\
                --source "Someone's KMZ" --out myfront/control
            """)

    @Argument(help: "Vector files (.gpkg, .shp, .fgb, .kmz, .kml, .geojson, … anything GDAL reads).") var files: [String]
    @Option(help: "The layer to read; default: the file's only layer.") var layer: String?
    @Option(name: .customLong("where"), help: "OGR SQL condition on the layer's fields, e.g. \"side = 'RU'\".") var filter: String?
    @Option(help: "CRS of the data (EPSG:32636, WKT or PROJ text) when the file has none, or to override it.") var sourceCrs: String?
    @OptionGroup var ground: GroundOptions

    func run() throws {
        try ground.run(files: files) { repair in
            try files.map { file in
                let read = try OGRFile(file, layer: layer, where: filter, sourceCRS: sourceCrs).read(repair: repair)
                return .init(file: file, features: read.features, crs: read.crs)
            }
        }
    }
}
