import ArgumentParser
import GeoCore
import MapData

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a data folder: references resolve, positions lie in the region, polygons are valid, sources present.",
        discussion: """
            Prints every problem with its file and feature, and exits with status 1 if there is any.
            Example:
              frontline validate GeoData
            """)

    @Argument(help: "Data folder.") var folder: String = "GeoData"

    func run() throws {
        // Every file is read even after one fails, so one run lists every problem. Invalid polygons
        // are reported as problems (the drawing commands repair them with a warning).
        let source = try GeoJSONFolder(folder)
        let (dataset, failed) = source.datasetCollectingProblems()
        var problems = failed.map { "\($0)" } + source.warnings.map { "\($0)" }
        if let dataset {
            problems += DatasetValidator().problems(in: dataset, engine: GeometryEngine()).map { "\(folder)/\($0)" }
        }
        for p in problems { Terminal.print(p) }
        guard let dataset, problems.isEmpty else {
            Terminal.print("\(problems.count) problem\(problems.count == 1 ? "" : "s")")
            throw ExitCode(1)
        }
        let areas = (try dataset.timeline.snapshots()).reduce(0) { $0 + $1.areas.count }
        Terminal.print(
            "\(folder): OK — \(dataset.timeline.dates.count) snapshots (\(areas) areas), \(dataset.gazetteer.settlements.count) settlements, \(dataset.events.count) events, \(dataset.references.count) reference layer(s)"
        )
    }
}
