import ArgumentParser

@main
struct Frontline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontline",
        abstract: "Render dated territorial-control maps: PNG, SVG and PDF, one per reported date.",
        discussion: """
            Reads a data folder (default: GeoData) of control snapshots, settlements and events.
            Examples:
              frontline dates
              frontline render --date 2024-09-01 --out kursk.png
              frontline frames --from 2024-08-01 --to 2024-12-31 --out Renders/
              frontline validate GeoData
            """,
        subcommands: [
            Render.self, Frames.self, Animate.self, Dates.self, Diff.self, Stats.self, Chart.self, Report.self, Validate.self,
            Import.self, Init.self, Bench.self,
        ])
}
