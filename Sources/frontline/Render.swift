import ArgumentParser
import Atlas
import Cartography
import Foundation
import GeoCore
import MapData
import MapRender

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the map of one date.",
        discussion: """
            The map shows the latest control snapshot on or before the date, and the events of the date.
            Examples:
              frontline render --date 2024-09-01
              frontline render --date 2024-08-17 --format svg --out kursk-0817.svg
              frontline render --date 2025-01-05 --size 1080x1080 --scale 2 --out square@2x.png
            """)

    @Option(help: ArgumentHelp("Date to draw, YYYY-MM-DD.", valueName: dateValueName)) var date: Day
    @Option(help: "png, svg or pdf; default from --out's extension, else png.") var format: OutputFormat?
    @Option(help: "Output file; default frontline-DATE.FORMAT.") var out: String?
    @Flag(help: "Between two snapshots, morph control as `animate` does (the frame says it is interpolated).")
    var interpolate = false
    @OptionGroup var options: MapOptions

    func run() throws {
        let day = date
        let fmt = format ?? out.flatMap { OutputFormat(argument: ($0 as NSString).pathExtension) } ?? .png
        let target = out ?? "frontline-\(day).\(fmt.rawValue)"
        let writer = options.writer
        try writer.prepareFile(target)
        // Only the snapshots this date draws are decoded: the one in force and the one before it (the
        // change). A morphed frame's grid covers the ground of every snapshot, so it decodes them all.
        let context = try options.context(needs: interpolate ? .all : .around([day] + (options.since.map { [$0] } ?? [])))
        let (scene, facts) = try context.frame(on: day, interpolate: interpolate)
        let bytes = try options.renderer.render(scene, format: fmt, scale: options.scale)
        try writer.write(bytes, to: target)
        Terminal.print(target)
        // Warnings once the map is written: a run that fails prints its one error line only.
        if let age = facts.snapshotAgeDays, age > options.staleAfter {
            Disk.warn([
                DataError(
                    message:
                        "\(day) is \(age) days after the snapshot it shows (\(facts.snapshotDate)); the map says so under its date (threshold: --stale-after \(options.staleAfter))"
                )
            ])
        }
        MapOptions.warnBeyondRegion(context)
    }
}
