import ArgumentParser
import Atlas
import Foundation
import GeoCore
import MapData
import MapRender

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a report of the reported dates: a static web page (a folder) or a PDF.",
        discussion: """
            HTML (default): --out is a folder that gets index.html, maps/DATE.svg and maps/DATE.png for each
            reported date (and maps/phone/DATE.png, the mobile layout, which a screen under 600 px shows), chart.svg, and data/stats.csv and data/stats.json. The page needs no network and
            works from file://: a slider, ← → and Play step through the dates; the events of the shown date
            are listed with their sources, under the area chart, the statistics and the caveats.
            An existing folder is replaced only if it is empty or a report frontline made (it holds .frontline-report).
            PDF: a cover page (summary and area chart), then one page per reported date, on A4 or US Letter
            paper (--paper, landscape), the maps laid out for print at the paper's size (--size is for
            the HTML report); text is selectable.
            The chart always covers every reported date; --from and --to choose the maps and the table.
            Examples:
              frontline report --out report/
              frontline report --from 2024-08-01 --to 2024-12-31 --out autumn/
              frontline report --format pdf --out kursk-report.pdf
              frontline report --paper letter --out kursk-report.pdf
            """)

    @Option(help: "Output: a folder (html) or a .pdf file.") var out: String
    @Option(help: "html or pdf; default pdf when --out ends in .pdf, else html.") var format: ReportFormat?
    @Option(help: ArgumentHelp("First date, YYYY-MM-DD (default: the first reported date).", valueName: dateValueName)) var from: Day?
    @Option(help: ArgumentHelp("Last date, YYYY-MM-DD (default: the last reported date).", valueName: dateValueName)) var to: Day?
    @Option(help: "Paper of a PDF report, landscape: a4 (842x595 pt, the default) or letter (792x612 pt).") var paper: Paper?
    @OptionGroup var options: MapOptions

    /// Paper sizes in PDF points (1/72 in), landscape to suit a map wider than tall.
    enum Paper: String, ExpressibleByArgument, CaseIterable {
        case a4, letter
        var layout: Layout {
            switch self {
            case .a4: return Layout(width: 842, height: 595)
            case .letter: return Layout(width: 792, height: 612)
            }
        }
    }

    /// The file every HTML report folder holds: only a folder with it is ever replaced.
    static let marker = ".frontline-report"

    /// What kind of report: `--format`, else from `--out`'s extension.
    var kind: ReportFormat { format ?? (out.lowercased().hasSuffix(".pdf") ? .pdf : .html) }

    func validate() throws {
        if kind == .pdf, !out.lowercased().hasSuffix(".pdf") { throw UsageError("--out '\(out)' must end in .pdf for a PDF report") }
        try checkOrder(from: from, to: to)
        // A PDF's pages are the paper; the HTML report's maps are --size.
        if paper != nil, kind != .pdf { throw UsageError("--paper is for a PDF report (--format pdf or --out FILE.pdf)") }
    }

    func run() throws {
        let (first, last) = (from, to)
        let writer = options.writer
        // Checked before any work, so a refused --out costs nothing.
        if kind == .pdf {
            try writer.prepareFile(out)
        } else {
            try StagedFolder.checkReplaceable(out, marker: Self.marker, inputs: writer.inputs)
        }
        let context = try options.context(layout: kind == .pdf ? (paper ?? .a4).layout : nil)
        let days = context.dataset.reportedDates.filter { d in (first.map { d >= $0 } ?? true) && (last.map { d <= $0 } ?? true) }
        guard !days.isEmpty else { throw UsageError("no reported dates in the range") }
        let shown = Set(days)
        let rows = try DateStatistics.table(context.dataset).filter { shown.contains($0.date) }
        if kind == .pdf {
            try writePDF(context, days: days, rows: rows, writer: writer)
        } else {
            try writeHTML(context, days: days, rows: rows, writer: writer)
        }
    }

    func writePDF(_ context: SequenceContext, days: [Day], rows: [DateStatistics], writer: OutputWriter) throws {
        let cover = ReportCover(dataset: context.dataset, theme: context.theme, measurer: try PangoTextMeasurer(), words: context.words)
        var pages = [try cover.scene(width: context.layout.width, height: context.layout.height, rows: rows)]
        for day in days { pages.append(try context.scene(on: day)) }
        try writer.write(try Renderer().renderPDF(pages: pages), to: out)
        Terminal.print("\(out): \(pages.count) pages (cover and \(days.count) dates)")
    }

    func writeHTML(_ context: SequenceContext, days: [Day], rows: [DateStatistics], writer: OutputWriter) throws {
        let folder = try StagedFolder(out, marker: Self.marker, inputs: writer.inputs)
        let renderer = options.renderer
        var frames: [HTMLReport.Frame] = []
        // A phone sees each date drawn for a phone, not the --size map scaled to a third of its type;
        // unless --size is already a phone's. The data set is the one already loaded.
        let phone =
            try context.layout.isCompact
            ? nil
            : MapOptions.context(
                context.dataset, theme: context.theme, layout: Layout(LayoutRules.phone), view: options.page().view, crs: options.crs,
                staleAfter: options.staleAfter, since: options.since, words: context.words, emphasize: options.emphasize)
        for day in days {
            let scene = try context.scene(on: day)
            let svg = "maps/\(day).svg", png = "maps/\(day).png"
            try folder.write(try renderer.render(scene, format: .svg), to: svg)
            try folder.write(try renderer.render(scene, format: .png, scale: options.scale), to: png)
            var frame = HTMLReport.Frame(
                day: day, mapFile: svg, pngFile: png, width: scene.width, height: scene.height, altText: scene.description)
            if let phone {
                let small = try phone.scene(on: day), file = "maps/phone/\(day).png"
                try folder.write(try renderer.render(small, format: .png), to: file)
                frame.phone = (file, small.width, small.height)
            }
            frames.append(frame)
        }
        let chart = try AreaChart(dataset: context.dataset, theme: context.theme, measurer: try PangoTextMeasurer(), words: context.words)
            .scene(
                width: 1600, height: 900)
        try folder.write(try renderer.render(chart, format: .svg), to: "chart.svg")
        try folder.write(Array(Stats.csv(rows).utf8), to: "data/stats.csv")
        try folder.write(Array(Stats.json(rows).utf8), to: "data/stats.json")
        let page = HTMLReport(
            dataset: context.dataset, frames: frames, stats: rows, chartFile: "chart.svg", chartAlt: chart.description,
            chartSize: (chart.width, chart.height),
            dataFiles: [(context.words(.dataCSV), "data/stats.csv"), (context.words(.dataJSON), "data/stats.json")], words: context.words)
        try folder.write(Array(page.html().utf8), to: "index.html")
        try folder.commit()
        Terminal.print((out as NSString).appendingPathComponent("index.html") + ": \(days.count) dates")
    }
}
