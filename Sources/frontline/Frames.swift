import ArgumentParser
import Atlas
import Foundation
import GeoCore
import MapData
import MapRender

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

    @Option(help: ArgumentHelp("First date, YYYY-MM-DD (default: the first reported date).", valueName: dateValueName)) var from: Day?
    @Option(help: ArgumentHelp("Last date, YYYY-MM-DD (default: the last reported date).", valueName: dateValueName)) var to: Day?
    @Option(help: "Output folder.") var out: String
    @Option(help: "Formats, comma-separated: png, svg, pdf.") var format = OutputFormats([.png])
    @Option(help: "File name prefix.") var prefix: String = ""
    @Option(help: ArgumentHelp("Render part I of N (0-based), e.g. 0/4.", valueName: shardValueName)) var shard: Shard?
    @Option(help: "Worker threads (default: all cores).") var workers: Int?
    @Option(
        help: "A map every N days (Nd) or weeks (Nw) from --from to --to, not only on reported dates.", transform: FrameStep.init(parsing:))
    var step: FrameStep?
    @Flag(help: "Finish an interrupted run in --out: keep the frames written in full, render the rest.") var resume = false
    @OptionGroup var options: MapOptions

    /// The options checked together, before any file is read.
    func validate() throws {
        try checkOrder(from: from, to: to)
        _ = try Shard.resolve(shard)
        _ = try options.workerCount(workers, layout: options.page().layout)
    }

    func run() throws {
        let stepDays = step?.days
        let (first, last, formats) = (from, to, format.formats)
        let part = try Shard.resolve(shard)
        let (layout, view) = options.page()
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
        let (theme, crs, staleAfter, since) = (try options.chosenTheme(), options.crs, options.staleAfter, options.since)
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
