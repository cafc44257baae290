import ArgumentParser

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import source data (KML, GeoJSON or any GDAL vector format control maps, a gazetteer CSV, a border) into a data folder.",
        subcommands: [ImportKML.self, ImportGeoJSON.self, ImportOGR.self, ImportGazetteer.self, ImportTerritories.self])
}
