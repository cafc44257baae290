import ArgumentParser
import Foundation

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

    /// Runs the command; a failure is one line on stderr ("Error: …", control characters escaped)
    /// and a non-zero status. ArgumentParser's own errors would add usage lines: they are folded into
    /// that one line. Help and `--version` print as usual.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            let lines = message(for: error).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if !lines.isEmpty { Terminal.error("Error: " + lines.joined(separator: " — ")) }
            Foundation.exit(code.rawValue)
        }
    }
}
