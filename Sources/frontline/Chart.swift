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
    @Option(help: "Size in CSS pixels, WxH.") var size = PageSize(width: 1600, height: 900)
    @OptionGroup var text: TextOptions

    /// The format `--out`'s extension names.
    var format: OutputFormat? { OutputFormat(argument: (out as NSString).pathExtension) }

    func validate() throws {
        guard format != nil else { throw UsageError("--out '\(out)' must end in .png, .svg or .pdf") }
        try size.check(in: 200...10000, layouts: false)
        guard size.width >= 300 else { throw UsageError("--size '\(size)': the chart needs a width of at least 300 pixels") }
    }

    func run() throws {
        guard let format else { throw UsageError("--out '\(out)' must end in .png, .svg or .pdf") }
        let writer = OutputWriter(inputs: RunInputs(data: data))
        try writer.prepareFile(out)
        let chart = AreaChart(
            dataset: text.apply(to: try Disk.loadDataset(data)), theme: .standard, measurer: try PangoTextMeasurer(), words: text.words)
        try writer.write(
            try Renderer(svgText: text.svgText).render(chart.scene(width: size.width, height: size.height), format: format), to: out)
        Terminal.print(out)
    }
}
