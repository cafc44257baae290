import ArgumentParser
import Atlas
import Cartography
import Foundation
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

    @Option(help: "Date to draw, YYYY-MM-DD.") var date: String
    @Option(help: "png, svg or pdf; default from --out's extension, else png.") var format: String?
    @Option(help: "Output file; default frontline-DATE.FORMAT.") var out: String?
    @Flag(help: "Between two snapshots, morph control as `animate` does (the frame says it is interpolated).")
    var interpolate = false
    @OptionGroup var options: MapOptions

    func run() throws {
        let day = try parseDay(date, option: "--date")
        let fmt: OutputFormat
        if let format {
            guard let f = OutputFormat(rawValue: format.lowercased()) else {
                throw UsageError("unknown format '\(format)'; expected png, svg or pdf")
            }
            fmt = f
        } else if let out, let f = OutputFormat(rawValue: (out as NSString).pathExtension.lowercased()) {
            fmt = f
        } else {
            fmt = .png
        }
        let target = out ?? "frontline-\(day).\(fmt.rawValue)"
        let writer = options.writer
        try writer.prepareFile(target)
        // Only the snapshots this date draws are decoded: the one in force and the one before it (the
        // change). A morphed frame's grid covers the ground of every snapshot, so it decodes them all.
        let context = try options.context(needs: interpolate ? .all : .around([day] + (try options.sinceDay().map { [$0] } ?? [])))
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

struct Frames: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render one map per reported date, named by its date.",
        discussion: """
            Reported dates are the snapshot dates and the event dates together (see `frontline dates`).
            Frames render in parallel on all cores. --shard I/N renders part I (0-based) of N, a
            contiguous block of the dates, with the same file names, for a Slurm job array or a
            Kubernetes Indexed Job (read from SLURM_ARRAY_TASK_ID/COUNT or JOB_COMPLETION_INDEX
            with FRONTLINE_SHARDS when --shard is not given).
            Examples:
              frontline frames --out Renders/ --format png,svg
              frontline frames --from 2024-08-01 --to 2024-09-01 --out frames/
              frontline frames --out frames/ --shard 0/4
              frontline frames --from 2024-08-01 --to 2025-02-16 --step 1d --out daily/ --resume
            """)

    @Option(help: "First date, YYYY-MM-DD (default: the first reported date).") var from: String?
    @Option(help: "Last date, YYYY-MM-DD (default: the last reported date).") var to: String?
    @Option(help: "Output folder.") var out: String
    @Option(help: "Formats, comma-separated: png, svg, pdf.") var format: String = "png"
    @Option(help: "File name prefix.") var prefix: String = ""
    @Option(help: "Render part I of N (0-based), e.g. 0/4.") var shard: String?
    @Option(help: "Worker threads (default: all cores).") var workers: Int?
    @Option(help: "A map every N days (Nd) or weeks (Nw) from --from to --to, not only on reported dates.") var step: String?
    @Flag(help: "Finish an interrupted run in --out: keep the frames written in full, render the rest.") var resume = false
    @OptionGroup var options: MapOptions

    func run() throws {
        let stepDays = try step.map(OptionText.step)
        let first = try from.map { try parseDay($0, option: "--from") }
        let last = try to.map { try parseDay($0, option: "--to") }
        if let first, let last, first > last { throw UsageError("--from \(first) is after --to \(last)") }
        let formats = try parseFormats(format)
        let part = try Shard.resolve(shard)
        let (layout, view) = try options.page()
        let threads = try options.workerCount(workers, layout: layout)
        let dataset = try options.loadDataset()
        try options.checkView(dataset, view: view)
        let all =
            try stepDays.map { try FrameDays.stepped(dataset: dataset, from: first, to: last, every: $0) }
            ?? dataset.reportedDates.filter { d in (first.map { d >= $0 } ?? true) && (last.map { d <= $0 } ?? true) }
        guard !all.isEmpty else { throw UsageError("no reported dates in the range") }
        let days = part.map { Array(all[$0.range(of: all.count)]) } ?? all
        for f in formats { try OutputName.check("\(prefix)\(days[0]).\(f.rawValue)", from: "--prefix") }
        let writer = options.writer
        // Frames are independent of the range and the names, so only the picture's options count.
        let record = try RunRecord(command: "frames", options: options.pictureOptions, data: options.data, style: options.style)
        if resume { try record.checkResumable(in: out) { name in formats.contains { name.hasSuffix(".\($0.rawValue)") } } }
        try writer.prepareFolder(out)
        try writer.write(record.text, to: (out as NSString).appendingPathComponent(RunRecord.fileName))
        let (renderer, scale, prefix, out) = (options.renderer, options.scale, prefix, out)
        @Sendable func file(_ day: Day, _ f: OutputFormat) -> String {
            (out as NSString).appendingPathComponent("\(prefix)\(day).\(f.rawValue)")
        }
        let todo = resume ? FrameDays.missing(days, files: { d in formats.map { file(d, $0) } }) : days
        let (theme, crs, staleAfter, since) = (try options.chosenTheme(), options.crs, options.staleAfter, try options.sinceDay())
        let words = options.text.words
        let emphasize = options.emphasize
        try OrderedParallel.run(
            count: todo.count, workers: threads, window: 2 * threads, run: SequenceContext.workerRun,
            makeState: {
                (
                    try MapOptions.context(
                        dataset, theme: theme, layout: layout, view: view, crs: crs, staleAfter: staleAfter, since: since,
                        words: words, emphasize: emphasize),
                    FrameRasterizer()
                )
            },
            produce: { worker, index in
                let scene = try worker.0.scene(on: todo[index])
                return try formats.map { f in
                    (file(todo[index], f), try renderer.render(scene, format: f, scale: scale, rasterizer: worker.1))
                }
            }
        ) { index, files in
            for (path, bytes) in files { try writer.write(bytes, to: path) }
            Terminal.print("\(todo[index])")
        }
    }
}

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
