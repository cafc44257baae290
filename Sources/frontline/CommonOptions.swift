import ArgumentParser
import Atlas
import Foundation
import GeoCore
import MapData
import MapRender

/// Options every drawing command shares.
struct MapOptions: ParsableArguments {
    @Option(help: "Data folder (see GeoData/README.md for its layout).") var data: String = "GeoData"
    @OptionGroup var text: TextOptions
    @Option(
        help: ArgumentHelp(
            "Page size: a layout, hd (1920x1080), square (1080x1080), mobile (1080x1350, seen 390 px wide), story (1080x1920; alias portrait), card (1200x630), a4 (842x595 pt), a4-portrait; or WxH in CSS pixels, which takes the rules of the layout nearest its shape.",
            valueName: pageSizeValueName))
    var size = PageSize(width: 1920, height: 1080)
    @Option(
        help: ArgumentHelp(
            "Label this settlement on every map, a step up in marker and type, as dataset.json's keyPlaces are (repeatable).",
            valueName: "name"))
    var emphasize: [String] = []
    @Option(help: "Pixel density for PNG (2 for HiDPI).") var scale: Double = 1
    @Option(help: ArgumentHelp("Map extent W,S,E,N in degrees; default: the data set's view.", valueName: boxValueName))
    var bbox: BBox?
    @Option(help: "PNG compression: fast (no filter, ISA-L deflate 1) or small (no filter, zlib deflate 9).")
    var pngCompression: PNGCompression = .fast

    @Option(help: "Theme: default (colour, safe for colour-blind readers), print (greys and hatching) or dark.")
    var theme: Theme = .standard
    @Option(help: "JSON style file overriding parts of the theme: colours, strokes, fonts, sizes, layers (see README).")
    var style: String?
    @Option(help: "Draw in this CRS through PROJ, e.g. EPSG:3035; default: a conformal conic fitted to the view.")
    var crs: String?

    @Flag(help: "Refuse invalid polygons instead of repairing them (GEOS make-valid) with a warning.")
    var strict = false
    @Option(help: "A map more than this many days past its snapshot says so under its date (render also warns).")
    var staleAfter: Int = 7
    @Option(
        help: ArgumentHelp(
            "Hatch and measure what changed since the snapshot in force on this date (YYYY-MM-DD); default: the snapshot before each map's.",
            valueName: dateValueName))
    var since: Day?

    var renderer: Renderer { Renderer(pngCompression: pngCompression, svgText: text.svgText) }

    /// The options that shape a picture, for the run record `--resume` checks (`RunRecord`); the
    /// style file's bytes go into the record's data digest.
    var pictureOptions: [(String, String?)] {
        [
            ("--size", size.text), ("--scale", "\(scale)"), ("--bbox", bbox?.description), ("--png-compression", "\(pngCompression)"),
            ("--theme", theme.name), ("--crs", crs), ("--strict", "\(strict)"), ("--stale-after", "\(staleAfter)"),
            ("--since", since?.description),
            ("--emphasize", emphasize.isEmpty ? nil : emphasize.joined(separator: ",")),
        ] + text.pictureOptions
    }

    /// The writer for this run's outputs, which never writes over the data folder's files or the style.
    var writer: OutputWriter { OutputWriter(inputs: RunInputs(data: data, files: [style])) }

    /// Checks the options against each other, before any file is read: everything but the data
    /// and the style file.
    func validate() throws {
        guard scale.isFinite, scale > 0, scale <= 8 else { throw UsageError("--scale must be between 0 and 8") }
        guard (0...36_500).contains(staleAfter) else { throw UsageError("--stale-after must be between 0 and 36500 days") }
        _ = try chosenCRS()
        try size.check(in: 100...10000, layouts: true)
        // Checked before anything is drawn, so a huge page is refused, not allocated.
        let pixels = Double(size.width) * Double(size.height) * scale * scale
        guard pixels <= Double(Limits.maxPixels) else {
            throw UsageError(
                "--size \(size) at --scale \(formatFixed(scale, digits: 2)) is \(Int(pixels / 1e6)) megapixels; the limit is \(Limits.maxPixels / 1_000_000)"
            )
        }
    }

    /// The page's layout and the map extent (checked by `validate()`).
    func page() -> (layout: Layout, view: BBox?) { (size.layout, bbox) }

    /// Worker threads for a sequence, so that the pages drawn at once stay within `Limits.maxPixels`
    /// for the whole run, not per worker: by default as many cores as fit; an explicit `--workers`
    /// that would exceed it is refused.
    func workerCount(_ requested: Int?, layout: Layout) throws -> Int {
        if let requested, !(1...256).contains(requested) { throw UsageError("--workers must be between 1 and 256") }
        let page = max(1, Double(layout.width) * Double(layout.height) * scale * scale)
        let fit = min(256, max(1, Int((Double(Limits.maxPixels) / page).rounded(.down))))
        guard let requested else { return min(ProcessInfo.processInfo.activeProcessorCount, fit) }
        guard requested <= fit else {
            throw UsageError(
                "--workers \(requested) at \(formatFixed(page / 1e6, digits: 1)) megapixels a page is more than the run's limit of \(Limits.maxPixels / 1_000_000) megapixels at once; use --workers \(fit) or fewer"
            )
        }
        return requested
    }

    /// The theme with the style file's changes, if there is one (read here, once the options are checked).
    func chosenTheme() throws -> Theme {
        guard let style else { return theme }
        return try StyleFile.apply(try DiskFolder.readFile(style), file: style, to: theme)
    }

    /// The projection `--crs` asks for, checked by PROJ; nil for the default conic.
    func chosenCRS() throws -> CRSProjection? {
        guard let crs else { return nil }
        do { return try CRSProjection(crs) } catch {
            if case .engine(let message) = error { throw UsageError("--crs: \(message)") }
            throw UsageError("--crs: \(error)")
        }
    }

    /// Loads the data, with the control snapshots `needs` names, and prepares a sequence context for
    /// this page size (or `layout`, when the command sets the page, as a PDF report's paper does).
    func context(needs: SnapshotNeeds = .all, layout: Layout? = nil) throws -> SequenceContext {
        let (asked, view) = page()
        let layout = layout ?? asked
        let dataset = try loadDataset(needs: needs)
        try checkView(dataset, view: view)
        return try Self.context(
            dataset, theme: try chosenTheme(), layout: layout, view: view, crs: crs, staleAfter: staleAfter, since: since,
            words: text.words, emphasize: emphasize)
    }

    /// The data folder's data set, with `--title` and its kin applied.
    func loadDataset(needs: SnapshotNeeds = .all) throws -> Dataset {
        text.apply(to: try Disk.loadDataset(data, strict: strict, needs: needs))
    }

    /// Says on stderr, once the map is written, when the page shows more than the data covers (a wide
    /// --bbox, or a view widened to the page's shape): that ground is drawn as "no data". (After the
    /// write, so that a run that fails prints its one error line only.)
    static func warnBeyondRegion(_ c: SequenceContext) {
        guard c.showsBeyondRegion else { return }
        let r = c.dataset.manifest.region
        Disk.warn([
            DataError(
                message:
                    "the map reaches past the data set's region (\(r.west),\(r.south),\(r.east),\(r.north)); ground there is drawn as no data"
            )
        ])
    }

    /// A sequence context (one per thread: it holds a Pango font map, caches and its own PROJ handle).
    static func context(
        _ dataset: Dataset, theme: Theme, layout: Layout, view: BBox?, crs: String?, staleAfter: Int = 7, since: Day? = nil,
        words: Words = Words(), emphasize: [String] = []
    ) throws -> SequenceContext {
        let c = try SequenceContext(
            dataset: dataset, theme: theme, layout: layout, measurer: PangoTextMeasurer(), view: view,
            crs: try crs.map { try CRSProjection($0) })
        do { try c.emphasize(emphasize) } catch { throw UsageError("--emphasize \(error)") }
        c.staleAfterDays = staleAfter
        c.since = since
        c.words = words
        return c
    }
}

extension PNGCompression: ExpressibleByArgument {}
