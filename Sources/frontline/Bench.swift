import ArgumentParser
import Atlas
import Cartography
import Foundation
import GeoCore
import MapData
import MapRender

/// `frontline bench`: where the time of a frame goes, the floor, frames per second on one worker
/// and on all cores, peak memory over a long sequence, and ratios to the peer renderers measured in
/// the same run (`make bench` runs them first and passes their results with --peers).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time frames of a data set: stages, floor, frames per second, memory, ratios to peers.",
        discussion: """
            Renders the data set's snapshot dates in turn (cycling through them), PNG in memory, no
            files written. Prints per-frame medians of each stage for two kinds of frame: `bench`
            (the layers the peer renderers draw: basemap, rivers, held ground, border, title and date)
            and `full` (Frontline's published map: also the change since the previous snapshot, the
            front line, settlements and labels, scale bar, north arrow, legend, areas, credits).
            Examples:
              make bench                                   # peers and Frontline, one run, with ratios
              frontline bench --data bench/fixture --frames 30
              frontline bench --data bench/fixture --peers .build-bench/peers.jsonl --json
            """)

    @Option(help: "Frames timed one at a time, per kind of frame.") var frames: Int = 30
    @Option(help: "Frames for the frames-per-second runs (one worker, then all cores).") var fpsFrames: Int = 120
    @Option(help: "Rounds of frames-per-second runs, each one worker then all cores (medians are reported).") var fpsRounds: Int = 3
    @Option(help: "Frames in the long run whose peak memory is reported (all cores).") var memoryFrames: Int = 1000
    @Option(help: "Kind of frame the frames-per-second and memory runs draw: bench or full.") var fpsKind: String = "full"
    @Option(help: "Peer results, one JSON object a line (bench/run_peers.sh).") var peers: String?
    @Option(help: "Kinds of frame to time: bench, full or both (bench,full).") var kinds: String = "bench,full"
    @Option(
        help: ArgumentHelp(
            "Also time `frontline render --date DATE` as a whole process (start to finish), on --process-data.",
            valueName: dateValueName))
    var processDate: Day?
    @Option(help: "Data folder for the process timing.") var processData: String = "GeoData"
    @Option(help: "Runs of the process timing; the median is reported.") var processRuns: Int = 7
    @Option(help: .hidden) var memoryRun: Int?
    @Flag(help: "Print one JSON object instead of the table.") var json = false
    @OptionGroup var options: MapOptions

    func validate() throws {
        guard (1...100_000).contains(frames), (1...100_000).contains(fpsFrames), (0...100_000).contains(memoryFrames) else {
            throw UsageError("--frames, --fps-frames and --memory-frames must be between 1 (0 for memory) and 100000")
        }
        guard (1...20).contains(fpsRounds) else { throw UsageError("--fps-rounds must be between 1 and 20") }
        guard (1...100).contains(processRuns) else { throw UsageError("--process-runs must be between 1 and 100") }
    }

    func run() throws {
        let (layout, view) = options.page()
        let theme = try options.chosenTheme()
        let peerResults = try peers.map(PeerResult.read) ?? []
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let crs = options.crs
        if let memoryRun {
            // The child of the memory measurement: a sequence of bench frames and nothing else.
            let dataset = try Disk.loadDataset(options.data)
            let dates = dataset.timeline.dates
            guard !dates.isEmpty else { throw UsageError("\(options.data): the data set has no control snapshots") }
            let layers = try Self.layers(named: fpsKind, option: "--fps-kind")
            try Self.renderAll(
                count: memoryRun, workers: cores, day: { dates[$0 % dates.count] },
                make: {
                    try MapOptions.context(
                        dataset, theme: theme.with(layers: theme.layers.intersection(layers)), layout: layout, view: view, crs: crs)
                },
                options.renderer, options.scale)
            // The parent reads this: VmHWM is this program's own peak (getrusage's maxrss would also
            // count the parent's pages at fork).
            print("peak-rss-kb \(PeakMemory.highWaterKB())")
            return
        }

        let loadStart = MonotonicClock.seconds()
        let dataset = try Disk.loadDataset(options.data)
        let loadSeconds = MonotonicClock.seconds() - loadStart
        let dates = dataset.timeline.dates
        guard !dates.isEmpty else { throw UsageError("\(options.data): the data set has no control snapshots") }
        let day: @Sendable (Int) -> Day = { i in dates[i % dates.count] }
        let (renderer, scale) = (options.renderer, options.scale)
        let makeContext: @Sendable (LayerSwitches) throws -> SequenceContext = { layers in
            try MapOptions.context(
                dataset, theme: theme.with(layers: theme.layers.intersection(layers)), layout: layout, view: view, crs: crs)
        }

        var report = BenchReport(
            data: options.data, width: layout.width, height: layout.height, frames: frames,
            snapshots: dates.count,
            vertices: try (try dataset.timeline.snapshots()).first?.areas.polygons().reduce(0) { $0 + $1.vertexCount } ?? 0,
            loadMs: loadSeconds * 1000, compression: options.pngCompression.rawValue, peers: peerResults)

        let chosen = try kinds.split(separator: ",").map { k in (String(k), try Self.layers(named: String(k), option: "--kinds")) }
        let fpsLayers = try Self.layers(named: fpsKind, option: "--fps-kind")
        report.fpsKind = fpsKind
        for (name, layers) in chosen {
            let context = try makeContext(layers)
            let clock = StageClock()
            context.clock = clock
            let rasterizer = FrameRasterizer(), floorRasterizer = FrameRasterizer()
            var timings = StageTimings()
            for i in 0..<frames {
                _ = clock.take()
                let start = MonotonicClock.seconds()
                let scene = try context.scene(on: day(i))
                _ = try renderer.render(scene, format: .png, scale: scale, rasterizer: rasterizer)
                let total = MonotonicClock.seconds() - start
                var stages = clock.take()
                stages[.draw] = rasterizer.lastDrawSeconds
                stages[.encode] = rasterizer.lastEncodeSeconds
                // The floor: this frame's control fills over the cached static layers, then the encode.
                let floorStart = MonotonicClock.seconds()
                _ = try renderer.render(Self.floorScene(scene), format: .png, scale: scale, rasterizer: floorRasterizer)
                timings.add(stages: stages, frame: total, floor: MonotonicClock.seconds() - floorStart)
            }
            report.kinds.append(timings.summary(name: name))
        }

        // One worker, then all cores, side by side in each round: this host's speed drifts by 10–30 %
        // within minutes, so a ratio of two runs minutes apart measured the drift as much as the code.
        let counts = Array(Set([1, cores])).sorted()
        var rounds: [[Double]] = []
        for _ in 0..<fpsRounds {
            var round: [Double] = []
            for workers in counts {
                let start = MonotonicClock.seconds()
                try Self.renderAll(count: fpsFrames, workers: workers, day: day, make: { try makeContext(fpsLayers) }, renderer, scale)
                round.append(Double(fpsFrames) / (MonotonicClock.seconds() - start))
            }
            rounds.append(round)
        }
        report.fps = counts.indices.map { i in (counts[i], median(rounds.map { $0[i] })) }
        report.fpsRounds = fpsRounds
        report.fpsRatios = counts.count > 1 ? rounds.map { $0[$0.count - 1] / $0[0] } : []
        if let processDate {
            report.process = try processTiming(date: processDate)
        }
        report.memoryFrames = memoryFrames
        report.peakRSSMB = memoryFrames > 0 ? try sequencePeakMB() : 0
        report.loadAverage = PeakMemory.loadAverage()
        print(json ? report.json() : report.table())
    }

    /// Peak resident memory of a separate process that loads the data and renders `memoryFrames`
    /// bench frames on all cores (this process's own peak includes the timing runs above).
    func sequencePeakMB() throws -> Double {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        child.arguments =
            [
                "bench", "--memory-run", String(memoryFrames), "--fps-kind", fpsKind, "--data", options.data, "--size", options.size.text,
                "--scale",
                String(options.scale), "--theme", options.theme.name, "--png-compression", options.pngCompression.rawValue,
            ] + (options.bbox.map { ["--bbox", $0.description] } ?? []) + (options.style.map { ["--style", $0] } ?? [])
            + (options.crs.map { ["--crs", $0] } ?? [])
        let output = Pipe()
        child.standardOutput = output
        try child.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        guard child.terminationStatus == 0, let line = text.split(separator: "\n").last(where: { $0.hasPrefix("peak-rss-kb ") }),
            let kb = Double(line.dropFirst("peak-rss-kb ".count))
        else { throw UsageError("the memory run (\(memoryFrames) frames) failed") }
        return kb / 1024
    }

    /// `frontline render` of one date as a user runs it: a new process each time (loading, linking,
    /// fonts, data, GEOS, drawing, encoding, writing), timed from start to exit.
    func processTiming(date: Day) throws -> ProcessTiming {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var seconds: [Double] = []
        for run in 0..<processRuns {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: "/proc/self/exe")
            child.arguments = [
                "render", "--data", processData, "--date", "\(date)", "--out", folder.appendingPathComponent("\(run).png").path,
            ]
            child.standardOutput = FileHandle.nullDevice
            let start = MonotonicClock.seconds()
            try child.run()
            child.waitUntilExit()
            seconds.append(MonotonicClock.seconds() - start)
            guard child.terminationStatus == 0 else { throw UsageError("frontline render --data \(processData) --date \(date) failed") }
        }
        return ProcessTiming(
            data: processData, date: "\(date)", runs: processRuns, medianMs: median(seconds) * 1000, fastestMs: (seconds.min() ?? 0) * 1000)
    }

    /// The layers of a kind of frame by its name (bench or full).
    static func layers(named name: String, option: String) throws -> LayerSwitches {
        guard let c = LayerSwitches.named.first(where: { $0.0 == name }) else {
            throw UsageError("\(option): unknown kind '\(name)'; expected bench or full")
        }
        return c.1
    }

    /// Renders `count` frames to PNG bytes on `workers` threads, in order, keeping nothing.
    static func renderAll(
        count: Int, workers: Int, day: @escaping @Sendable (Int) -> Day, make: @escaping @Sendable () throws -> SequenceContext,
        _ renderer: Renderer, _ scale: Double
    ) throws {
        try OrderedParallel.run(
            count: count, workers: workers, window: 2 * workers, run: SequenceContext.workerRun,
            makeState: { (try make(), FrameRasterizer()) },
            produce: { w, i in try renderer.render(try w.0.scene(on: day(i)), format: .png, scale: scale, rasterizer: w.1).count }
        ) { _, _ in }
    }

    /// The frame reduced to its static groups and the fills of the control areas and of the change
    /// since the previous snapshot (no outlines): what any renderer must paint for this frame.
    static func floorScene(_ scene: Scene) -> Scene {
        func keep(_ items: [SceneItem]) -> [SceneItem] {
            items.compactMap { item in
                guard case let .group(id, clip, children) = item else { return nil }
                if scene.staticGroups.contains(id) { return item }
                if id.hasPrefix("control-") || id == "change" {
                    return .group(
                        id: id, clip: clip,
                        items: children.compactMap { c in
                            guard case let .path(p, fill, _) = c else { return nil }
                            return .path(p, fill: fill, stroke: nil)
                        })
                }
                let inner = keep(children)
                return inner.isEmpty ? nil : .group(id: id, clip: clip, items: inner)
            }
        }
        var floor = scene
        floor.items = keep(scene.items)
        return floor
    }
}
