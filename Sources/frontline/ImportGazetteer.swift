import ArgumentParser
import Foundation
import GeoCore
import MapData

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
