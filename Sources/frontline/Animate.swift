import ArgumentParser
import Atlas
import Foundation
import GeoCore
import MapData
import MapRender

struct Animate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Animate control over time: a frame per step, morphing smoothly between snapshots.",
        discussion: """
            Between two snapshots the edge of the ground held moves smoothly (a morph of the shapes,
            not a cross-fade); such frames say they are interpolated. Each frame marks the events
            dated since the frame before. Pacing: time runs at most --speed days a second, each date
            stays on screen at least --date-seconds (the step grows when it would not), and snapshot
            dates are held for --hold only where snapshots are sparser than the step (daily data is
            not held every day), as is the last date. A title card opens and an end card with the
            sources closes the video (--no-cards leaves them out); a timeline bar shows the snapshot
            and event dates. The video's length is printed before rendering starts. Any --size is
            laid out at that size with the rules of the named layout nearest its shape.
            Video goes through ffmpeg; without it the frames are still written, and the command
            says what is missing. Frames render in parallel on all cores.
            Examples:
              frontline animate --from 2024-08-01 --to 2025-04-01 --out kursk.mp4
              frontline animate --speed 14 --fps 12 --size 960x540 --out kursk.gif
              frontline animate --from 2024-08-01 --to 2024-09-01 --out frames/
            """)

    @Option(help: ArgumentHelp("First date, YYYY-MM-DD (default: the first snapshot).", valueName: dateValueName)) var from: Day?
    @Option(help: ArgumentHelp("Last date, YYYY-MM-DD (default: the last snapshot).", valueName: dateValueName)) var to: Day?
    @Option(help: "Time between frames: Nd (days) or Nw (weeks). (default: \(FrameStep.daily))", transform: FrameStep.init(parsing:))
    var step = FrameStep.daily
    @Option(help: "Frames per second of the video.") var fps: Int = 24
    @Option(help: "Days of data per second of video, at most.") var speed: Double = 7
    @Option(help: "Shortest time a date stays on screen, in seconds.") var dateSeconds: Double = 0.3
    @Option(
        help: "Extra time on sparse snapshot dates and the last date: Ns, Nms, or 0. (default: \(HoldTime.oneSecond))",
        transform: HoldTime.init(parsing:))
    var hold = HoldTime.oneSecond
    @Flag(help: "Leave out the title card and the end card with the sources.") var noCards = false
    @Flag(help: "Hold each snapshot until the next instead of morphing between them (every frame then shows an assessment).")
    var noInterpolate = false
    @Option(help: "FILE.mp4, FILE.webm, FILE.gif, or a folder for PNG frames.") var out: String
    @Option(help: "Worker threads (default: all cores).") var workers: Int?
    @Option(
        help: ArgumentHelp(
            "Render part I of N (0-based) of the frames into the folder, e.g. 0/4 (see `frames --help`).", valueName: shardValueName))
    var shard: Shard?
    @Flag(help: "Finish an interrupted run into a folder: keep the frames written in full, render the rest.") var resume = false
    @OptionGroup var options: MapOptions

    /// Everything is checked before any work starts, so a bad argument writes nothing.
    func validate() throws {
        guard (1...120).contains(fps) else { throw UsageError("--fps must be between 1 and 120") }
        guard speed.isFinite, (0.1...3650).contains(speed) else { throw UsageError("--speed must be between 0.1 and 3650 days a second") }
        guard dateSeconds.isFinite, (0...10).contains(dateSeconds) else { throw UsageError("--date-seconds must be between 0 and 10") }
        let target = try AnimationTarget(out)
        if try Shard.resolve(shard) != nil, case .video = target {
            throw UsageError("--shard needs a folder for --out: a video cannot be split across machines; encode the frames after")
        }
        if resume, case .video = target { throw UsageError("--resume needs a folder for --out: a video is made in one pass") }
        try checkOrder(from: from, to: to)
    }

    func run() throws {
        let stepDays = step.days
        let holdCopies = hold.copies(fps: fps)
        let pacing = AnimationPlan.Pacing(
            fps: fps, daysPerSecond: speed, minDateSeconds: dateSeconds, holdSeconds: Double(holdCopies) / Double(fps),
            titleSeconds: noCards ? 0 : 1, endSeconds: noCards ? 0 : 2)
        let target = try AnimationTarget(out)
        let writer = options.writer
        let part = try Shard.resolve(shard)
        let (first, last) = (from, to)
        // Any size is laid out at that size, with the rules of the named layout nearest its shape, as
        // `render` does: a 960×540 GIF keeps 11 px type and thins its labels, rather than drawing the
        // 1920×1080 page at half size with 7 px type.
        let (layout, view) = options.page()
        let threads = try options.workerCount(workers, layout: layout)
        let dataset = try options.loadDataset()
        try options.checkView(dataset, view: view)
        guard let firstSnapshot = dataset.timeline.dates.first, let lastSnapshot = dataset.timeline.dates.last else {
            throw UsageError("\(options.data): the data set has no control snapshots")
        }
        let start = first ?? firstSnapshot, end = last ?? lastSnapshot
        if start < firstSnapshot { throw UsageError("--from \(start) is before the first control snapshot (\(firstSnapshot))") }
        if start > end { throw UsageError("--from \(start) is after --to \(end)") }
        try checkFrameCount((end.ordinal - start.ordinal) / max(stepDays, pacing.minStepDays) + 1)
        let plan = AnimationPlan(dataset: dataset, from: start, to: end, stepDays: stepDays, pacing: pacing)
        let (scale, renderer) = (options.scale, options.renderer)
        let (theme, crs, staleAfter, interpolate) = (try options.chosenTheme(), options.crs, options.staleAfter, !noInterpolate)
        let emphasize = options.emphasize
        let since = options.since
        let words = options.text.words

        let ffmpeg = FFmpeg.find()
        let framesFolder: String?
        switch target {
        case .folder(let dir): framesFolder = dir
        case .video(let file, _): framesFolder = ffmpeg == nil ? Self.fallbackFolder(for: file) : nil
        }
        if let framesFolder {
            // Numbering depends on the range, step, rate and hold, so they count with the picture's options.
            let record = try RunRecord(
                command: "animate",
                options: [
                    ("--from", "\(start)"), ("--to", "\(end)"), ("--step", "\(stepDays)"), ("--fps", "\(fps)"), ("--hold", "\(holdCopies)"),
                    ("--speed", "\(speed)"), ("--date-seconds", "\(dateSeconds)"), ("--no-cards", "\(noCards)"),
                ]
                    + options.pictureOptions, data: options.data, style: options.style)
            if resume, case .folder = target {
                try record.checkResumable(in: framesFolder) { $0.hasPrefix("frame-") && $0.hasSuffix(".png") }
            }
            try writer.prepareFolder(framesFolder)
            try writer.write(record.text, to: (framesFolder as NSString).appendingPathComponent(RunRecord.fileName))
        }
        if case .video(let file, _) = target { try writer.prepareFile(file) }

        let renderFrame: @Sendable (inout Worker, Int) throws -> [UInt8] = { worker, index in
            let frame = plan.frames[index]
            let scene =
                try frame.card.map { try worker.context.card($0, from: start, to: end) }
                ?? worker.context.scene(on: frame.day, events: frame.events, interpolate: interpolate)
            return framesFolder == nil
                ? try worker.renderer.renderRaster(scene, scale: scale, rasterizer: worker.rasterizer).bgra
                : try worker.renderer.render(scene, format: .png, scale: scale, rasterizer: worker.rasterizer)
        }
        let makeContext: @Sendable () throws -> SequenceContext = {
            let c = try MapOptions.context(
                dataset, theme: theme, layout: layout, view: view, crs: crs, staleAfter: staleAfter, since: since, words: words,
                emphasize: emphasize)
            c.timelineSpan = start...end
            return c
        }
        Terminal.print(Self.describe(plan, requestedStep: stepDays))
        fflush(nil)  // said before the frames are drawn, even into a pipe
        let reservation = try Self.panelReservation(plan, workers: threads, interpolate: interpolate, makeContext: makeContext)
        let makeWorker: @Sendable () throws -> Worker = {
            let c = try makeContext()
            c.panelReservation = reservation
            return Worker(context: c, renderer: renderer)
        }
        let pixelWidth = Int((Double(layout.width) * scale).rounded(.up))
        let pixelHeight = Int((Double(layout.height) * scale).rounded(.up))

        var encoder: VideoEncoder?
        defer { encoder?.abandon() }
        if case .video(let file, let format) = target, let ffmpeg {
            // ffmpeg's files (the video, its log, the GIF palette) live in a private folder of ours.
            let workspace = try VideoWorkspace(beside: file)
            let palette =
                format == .gif
                ? try Self.makePalette(
                    ffmpeg: ffmpeg, plan: plan, width: pixelWidth, height: pixelHeight, path: workspace.path("palette.png"),
                    makeWorker: makeWorker, render: renderFrame) : nil
            encoder = try VideoEncoder(
                ffmpeg: ffmpeg, format: format, width: pixelWidth, height: pixelHeight, fps: fps, palette: palette,
                workspace: workspace, target: file, writer: writer)
        }

        // This part's pictures, numbered as in the whole sequence, so parts side by side are the whole.
        let mine = part?.range(of: plan.frames.count) ?? 0..<plan.frames.count
        let firstNumbers = Self.firstFrameNumbers(plan)
        let todo =
            (resume ? framesFolder : nil).map { folder in
                Resume.missing(mine) { i in (0..<plan.frames[i].copies).map { Self.framePath(firstNumbers[i] + $0, in: folder) } }
            } ?? Array(mine)
        let progress = Progress(total: todo.count, label: "animate")
        try OrderedParallel.run(
            count: todo.count, workers: threads, window: 2 * threads, makeState: makeWorker,
            produce: { worker, k in try renderFrame(&worker, todo[k]) }
        ) { k, bytes in
            let copies = plan.frames[todo[k]].copies
            if let encoder {
                for _ in 0..<copies { try encoder.write(bytes) }
            } else if let framesFolder {
                try Self.writeFrame(bytes, copies: copies, firstNumber: firstNumbers[todo[k]], folder: framesFolder, writer: writer)
            }
            progress.update(done: k + 1)
        }
        let seconds = plan.seconds
        let shardNote = part.map { " (part \($0.index) of \($0.count): pictures \(mine.lowerBound + 1)–\(mine.upperBound))" } ?? ""
        let summary =
            "\(plan.frames.count) pictures\(shardNote), \(plan.videoFrameCount) video frames at \(fps) fps (\(formatFixed(seconds, digits: 1)) s)"
        if let encoder {
            try encoder.finish()
            Terminal.print("\(encoder.target): \(summary)")
        } else if let framesFolder {
            Terminal.print("\(framesFolder): \(summary), as frame-NNNNN.png")
            if case .video(let file, let format) = target {
                throw UsageError(
                    "ffmpeg was not found on PATH, so \(file) was not made; the frames are in \(framesFolder). "
                        + "To finish: \(FFmpeg.installHint); then run "
                        + "ffmpeg -framerate \(fps) -i \(framesFolder)/frame-%05d.png \(Self.manualArguments(format)) \(file)")
            }
        }
    }

    /// What the video will be, said before any frame is drawn: its length, the pace, and why the
    /// step is longer than asked when it is.
    static func describe(_ plan: AnimationPlan, requestedStep: Int) -> String {
        let p = plan.pacing
        let maps = plan.frames.filter { $0.card == nil }.count
        var s = "animate: \(maps) maps, \(plan.videoFrameCount) video frames at \(p.fps) fps: \(formatFixed(plan.seconds, digits: 1)) s"
        s += " (\(plan.stepDays)-day steps, at most \(formatFixed(p.daysPerSecond, digits: 1)) days a second"
        if plan.stepDays > requestedStep {
            s += "; --step \(requestedStep)d raised so each date stays \(formatFixed(p.minDateSeconds, digits: 1)) s on screen"
        }
        s += plan.heldDates.isEmpty ? "; no snapshot holds" : "; \(plan.heldDates.count) sparse snapshot dates held"
        return s + ")"
    }

    /// The panel's block heights for the whole sequence: every map frame measured (in parallel), the
    /// largest of each kept, so the panel's parts stay in the same boxes on every frame.
    static func panelReservation(
        _ plan: AnimationPlan, workers: Int, interpolate: Bool, makeContext: @escaping @Sendable () throws -> SequenceContext
    ) throws -> PanelBlocks {
        let maps = plan.frames.filter { $0.card == nil }
        var reserved = PanelBlocks()
        try OrderedParallel.run(
            count: maps.count, workers: workers, window: 2 * workers, makeState: makeContext,
            produce: { c, k in try c.panelBlocks(on: maps[k].day, events: maps[k].events, interpolate: interpolate) }
        ) { _, blocks in reserved = reserved.union(blocks) }
        return reserved
    }

    struct Worker {
        let context: SequenceContext
        let renderer: Renderer
        let rasterizer = FrameRasterizer()
    }

    /// The number of each picture's first video frame (from 1): pictures before it and their copies.
    static func firstFrameNumbers(_ plan: AnimationPlan) -> [Int] {
        var next = 1
        return plan.frames.map { f in
            defer { next += f.copies }
            return next
        }
    }

    static func framePath(_ n: Int, in folder: String) -> String {
        (folder as NSString).appendingPathComponent(String(format: "frame-%05d.png", n))
    }

    /// frame-00001.png …, one file per video frame; held copies are hard links to the first.
    static func writeFrame(_ png: [UInt8], copies: Int, firstNumber: Int, folder: String, writer: OutputWriter) throws {
        func name(_ n: Int) -> String { framePath(n, in: folder) }
        let first = name(firstNumber)
        try writer.write(png, to: first)
        for k in 1..<max(copies, 1) {
            let copy = name(firstNumber + k)
            if !(try writer.link(first, to: copy)) { try writer.write(png, to: copy) }
        }
    }

    /// Where frames go when a video was asked for and ffmpeg is missing: FILE.frames/ beside it.
    static func fallbackFolder(for file: String) -> String {
        ((file as NSString).deletingPathExtension) + ".frames"
    }

    static func manualArguments(_ format: VideoFormat) -> String {
        switch format {
        case .mp4: return "-c:v libx264 -pix_fmt yuv420p"
        case .webm: return "-c:v libvpx-vp9 -crf 32 -b:v 0"
        case .gif: return "-vf \"split[a][b];[a]palettegen[p];[b][p]paletteuse\""
        }
    }

    /// A GIF palette from a few frames spread over the sequence, made before the real pass so the
    /// encoder never has to hold the whole video in memory.
    static func makePalette(
        ffmpeg: String, plan: AnimationPlan, width: Int, height: Int, path: String,
        makeWorker: () throws -> Worker, render: (inout Worker, Int) throws -> [UInt8]
    ) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ffmpeg)
        process.arguments = [
            "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-f", "rawvideo", "-pix_fmt", "bgra",
            "-s", "\(width)x\(height)", "-i", "pipe:0", "-vf", "palettegen=max_colors=256:stats_mode=full", "-f", "image2", path,
        ]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var worker = try makeWorker()
        let n = plan.frames.count
        let picks = Set((0..<min(6, n)).map { k in n == 1 ? 0 : k * (n - 1) / max(1, min(6, n) - 1) }).sorted()
        for index in picks { try input.fileHandleForWriting.write(contentsOf: try render(&worker, index)) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw UsageError("ffmpeg could not make the GIF palette") }
        return path
    }
}

/// What `--out` names: a video file by its extension, or a folder for PNG frames.
enum AnimationTarget {
    case video(String, VideoFormat)
    case folder(String)

    init(_ out: String) throws {
        // lstat: a link at --out is refused by the writer, never followed to decide what it names.
        var st = stat()
        let exists = lstat(out, &st) == 0
        let ext = (out as NSString).pathExtension.lowercased()
        if exists && st.st_mode & S_IFMT == S_IFLNK { throw OutputWriter.linkRefused(out) }
        if exists && st.st_mode & S_IFMT == S_IFDIR {
            self = .folder(out)
        } else if let format = VideoFormat(rawValue: ext) {
            let parent = URL(fileURLWithPath: out).deletingLastPathComponent().path
            var parentIsDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: parent, isDirectory: &parentIsDir), parentIsDir.boolValue else {
                throw UsageError("--out \(out): folder \(parent) does not exist")
            }
            self = .video(out, format)
        } else if ext.isEmpty || out.hasSuffix("/") {
            if exists { throw UsageError("--out \(out): is a file, not a folder") }
            self = .folder(out)
        } else {
            throw UsageError("--out \(out): unknown extension '.\(ext)'; expected .mp4, .webm, .gif or a folder")
        }
    }
}
