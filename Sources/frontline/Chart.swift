import ArgumentParser
import Atlas
import Foundation
import MapData
import MapRender

struct Chart: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the area held across the border over time, with the event dates marked (PNG, SVG or PDF).",
        discussion: """
            The same numbers as `frontline stats`, drawn by the map renderer.
            Examples:
              frontline chart --out Renders/kursk-area.png
              frontline chart --out chart.svg --size 1200x675
            """)

    @Option(help: "Output file: .png, .svg or .pdf.") var out: String
    @Option(help: "Data folder.") var data: String = "GeoData"
    @Option(help: "Size in CSS pixels, WxH.") var size: String = "1600x900"
    @OptionGroup var text: TextOptions

    func run() throws {
        guard let format = OutputFormat(rawValue: (out as NSString).pathExtension.lowercased()) else {
            throw UsageError("--out '\(out)' must end in .png, .svg or .pdf")
        }
        let parts = try OptionText.size(size, in: 200...10000)
        guard parts.0 >= 300 else { throw UsageError("--size '\(size)': the chart needs a width of at least 300 pixels") }
        let writer = OutputWriter(inputs: RunInputs(data: data))
        try writer.prepareFile(out)
        let chart = AreaChart(
            dataset: text.apply(to: try Disk.loadDataset(data)), theme: .standard, measurer: try PangoTextMeasurer(), words: text.words)
        try writer.write(try Renderer(svgText: text.svgText).render(chart.scene(width: parts.0, height: parts.1), format: format), to: out)
        Terminal.print(out)
    }
}
