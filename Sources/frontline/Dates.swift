import ArgumentParser
import MapData

struct Dates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the reported dates: control snapshots and event dates.",
        discussion: """
            Example:
              frontline dates --data GeoData
            """)

    @Option(help: "Data folder.") var data: String = "GeoData"
    @Flag(help: "Print only the dates.") var plain = false

    func run() throws {
        let dataset = try Disk.loadDataset(data)
        let snapshots = Set(dataset.timeline.dates)
        for d in dataset.reportedDates {
            if plain { Terminal.print("\(d)"); continue }
            var what: [String] = []
            if snapshots.contains(d) { what.append("snapshot") }
            let n = dataset.events(on: d).count
            if n > 0 { what.append("\(n) event\(n == 1 ? "" : "s")") }
            Terminal.print("\(d)  \(what.joined(separator: ", "))")
        }
    }
}
