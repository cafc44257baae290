import Cartography
import GeoCore
import MapData

/// What stays the same for every frame of a sequence at one size: the projection, the basemap paths,
/// and the per-snapshot measures and lines (cached). Build once, then compose many frames.
public final class SequenceContext {
    public let dataset: Dataset
    public let theme: Theme
    /// The page, its furniture moved off what the map is about (`Layout.arranged`).
    public internal(set) var layout: Layout
    public let projection: PageProjection
    public let builder: PathBuilder
    let measurer: any TextMeasurer
    /// The layers frames draw, in order: the standard list less those the theme switches off.
    public var layers: [any MapLayer]
    /// Count and hatch change since the snapshot in force on this date (`--since`) instead of the
    /// snapshot before each frame's.
    public var since: Day?
    /// The words, numbers and dates of every text drawn, in the output locale (`--locale`).
    public var words = Words()
    /// A map more than this many days past its snapshot says so under its date (`--stale-after`).
    public var staleAfterDays = 7
    /// An animation's panel: each block's height for the whole sequence, so the panel's parts stay
    /// in fixed boxes from frame to frame (see `PanelBlocks`); nil for a single map.
    public var panelReservation: PanelBlocks?
    /// An animation's span of dates, which its timeline bar shows; nil (no timeline) for a single map.
    public var timelineSpan: ClosedRange<Day>?
    /// Set to time the stages of each frame: `frontline bench` only, so visible within the package,
    /// not in the library's API.
    package var clock: StageClock?
    let engine = GeometryEngine()
    /// The state border drawn on the map: the shared edge of the territories when the data has them
    /// (so it matches the ground the control areas were split by), else the basemap border.
    let borderPath: PagePath
    let riverPaths: [(level: Int?, path: PagePath)]
    let territoryPaths: [(name: String, path: PagePath)]
    let waterPaths: [(name: String, path: PagePath)]
    /// Regions within the countries (basemap/regions.geojson), named, and the boundaries between them.
    let regionPaths: [(name: String, path: PagePath)]
    let regionBoundaryPath: PagePath
    /// Coasts and lake shores (see `BasemapLines`).
    let coastPath: PagePath
    let basemapLines: BasemapLines
    /// Whether the map frame reaches past the data set's region (drawn as "no data").
    public let showsBeyondRegion: Bool
    private var frontLines: [Day: PagePath] = [:]
    struct EdgeIndex: Sendable {
        let tolerance: Double
        let segments: SegmentSet
        let grid: SegmentGrid
    }
    private var edgeIndexCache: EdgeIndex?
    /// The front line's stretches near territory edges, and what of them lies farther than the
    /// tolerance, for the last snapshot drawn (see `frontLine`).
    private var frontNearCache: (close: [LineString], kept: [LineString])?
    private(set) var changes: [Day: ControlChange] = [:]
    private var morph: MorphFields?
    /// Ground held across the border per snapshot, in km² (see `acrossKm2`).
    var acrossCache: [(date: Day, areas: [(side: String, territory: String, km2: Double)])] = []
    /// The filled areas' page paths of the last two snapshots shown (see `filledPaths`).
    var pathCache: [(date: Day, paths: [PagePath])] = []
    /// Per-snapshot results kept at most: frames come in date order, so a few are enough, and memory
    /// stays flat however long the sequence.
    static let cachedSnapshots = 8
    /// Consecutive frames a worker should draw in a row (`OrderedParallel`'s `run`): a frame carries
    /// its snapshot's measures from the frame before, kept for `cachedSnapshots` snapshots.
    public static let workerRun = cachedSnapshots
    /// Settlement labels placed once for the sequence (see `LabelPlan`); made on first use.
    var labelPlanCache: LabelPlan?
    /// Gazetteer names of the key places: dataset.json's `keyPlaces` and any `emphasize`d.
    public internal(set) var keyPlaces: Set<String>
    /// The inset locator map, the same on every frame; made on first use.
    var insetCache: (items: [SceneItem], page: PageProjection)?
    /// Area names placed per pair of snapshots shown (see `PlaceNamesLayer`).
    var namesCache: [(key: String, items: [SceneItem])] = []
    /// The named areas' own distance fields on the names' grid (see `namedAreaFields`).
    var namedAreaFieldsCache: (grid: FieldGrid, fields: [DistanceField])?

    /// - Parameter crs: draw in this CRS (`--crs`); by default a conformal conic fitted to the view.
    public init(
        dataset: Dataset, theme: Theme, layout: Layout, measurer: any TextMeasurer, view: BBox? = nil, crs: CRSProjection? = nil
    ) throws {
        self.dataset = dataset
        self.theme = theme
        self.layout = layout
        self.measurer = measurer
        keyPlaces = Set(dataset.manifest.keyPlaces.compactMap { dataset.gazetteer.resolve($0)?.name })
        layers = MapLayers.standard.filter { layer in layer.id.map { theme.layers[$0] } ?? true }
        let box = view ?? dataset.manifest.view
        let frame = layout.map.insetBy(layout.margin)
        // Batches of positions (every outline) go through a grid over the view and a margin beyond
        // it, within 0.01 px of the exact projection (see `ProjectionGrid`).
        let grown = try? BBox(
            west: max(-180, box.west - (box.east - box.west) / 4), south: max(-89, box.south - (box.north - box.south) / 4),
            east: min(180, box.east + (box.east - box.west) / 4), north: min(89, box.north + (box.north - box.south) / 4))
        let exact = PageProjection(raw: crs ?? LambertConformalConic(fitting: box), fitting: box, into: frame)
        projection = grown.map { exact.withGrid(over: $0) } ?? exact
        // Bleed: geometry runs past the frame, whose group clips it, so clipped edges never show.
        let builder = PathBuilder(projection: projection, clip: layout.map.insetBy(-20))
        self.builder = builder
        riverPaths = dataset.rivers.lines.map { (level: $0.level, path: builder.path([$0.line])) }.filter { !$0.path.isEmpty }
        territoryPaths = dataset.territories.territories.map { (name: $0.name, path: builder.path($0.geometry)) }
        waterPaths = dataset.water.territories.map { (name: $0.name, path: builder.path($0.geometry)) }.filter { !$0.path.isEmpty }
        regionPaths = dataset.regions.territories.map { (name: $0.name, path: builder.path($0.geometry)) }.filter { !$0.path.isEmpty }
        let lines = try BasemapLines(dataset, engine: engine)
        regionBoundaryPath =
            dataset.regions.territories.isEmpty
            ? PagePath(subpaths: [], closed: false)
            : builder.path(try BasemapLines.regionBoundaries(dataset.regions.territories, engine: engine))
        borderPath = builder.path(lines.borders)
        coastPath = builder.path(lines.coasts)
        basemapLines = lines
        // Outside the region the data says nothing: the frame's corners traced back to the ground.
        let m = layout.map
        let corners = [Point(m.x, m.y), Point(m.maxX, m.y), Point(m.maxX, m.maxY), Point(m.x, m.maxY)].map { exact.unproject($0) }
        let region = dataset.manifest.region
        showsBeyondRegion = corners.contains { !region.contains($0) }
        self.layout = layout.arranged(avoiding: furnitureWeights())
    }

    /// What the furniture should not cover, by weight: key places 10, places with events 4, towns and
    /// cities 2, villages 1 (fixed positions only, so every frame agrees).
    func furnitureWeights() -> [(point: Point, weight: Double)] {
        let frame = layout.map
        var out: [(point: Point, weight: Double)] = []
        for s in dataset.gazetteer.settlements {
            guard let l = s.location else { continue }
            let p = projection.project(l)
            guard frame.contains(p) else { continue }
            out.append((p, keyPlaces.contains(s.name) ? 10 : SettlementRank(s) == .village ? 1 : 2))
        }
        for e in dataset.events {
            guard let l = e.location else { continue }
            let p = projection.project(l)
            if frame.contains(p) { out.append((p, 4)) }
        }
        // Ground a reference outline holds (the furthest extent of an advance), sampled every 16 px:
        // the furniture keeps off the whole story, not only its towns.
        let step = 16 * layout.unit
        for r in dataset.references {
            let path = builder.path(r.geometry)
            guard let box = path.bounds?.intersection(frame) else { continue }
            var y = box.y + step / 2
            while y < box.maxY {
                var x = box.x + step / 2
                while x < box.maxX {
                    let p = Point(x, y)
                    if path.containsEvenOdd(p) { out.append((p, 0.5)) }
                    x += step
                }
                y += step
            }
        }
        return out
    }

    /// The areas the map fills: ground held across the border, or every area when the data is not
    /// split by territory (nothing then tells own ground from taken ground).
    func filledAreas(_ snapshot: ControlSnapshot) -> [ControlArea] {
        snapshot.areas.contains { $0.territory != nil } ? dataset.acrossBorder(snapshot) : snapshot.areas
    }

    /// The front line: where one side's ground meets another's. Ground held across the border meets the
    /// other side's (held or, in one-sided data, implied) everywhere but along territory edges, so the
    /// front is that ground's outline less every territory edge: state borders, coasts and the region's
    /// outline.
    ///
    /// Outline segments that are territory-edge segments (control split by territory shares their
    /// vertices) drop out by hash; the rest keeps clear of the territory edges by `tolerance`, tested
    /// only where it comes within a grid cell of an edge, against those edges (`SegmentGrid`). A national
    /// front meets the edges only at its ends, so its buffer is a few segments, not the country's outline
    /// (that buffer was most of a full frame's time). The parts left are the same: the edges left out are
    /// farther than a cell (4 × tolerance) from every part tested.
    func frontLine(_ snapshot: ControlSnapshot) throws -> PagePath {
        if let cached = frontLines[snapshot.date] { return cached }
        var outline: [LineString] = []
        for a in dataset.acrossBorder(snapshot) { outline += try engine.boundary(a.geometry) }
        let index = edgeIndex
        let free = index.segments.runs(of: outline, keep: false)
        // Stretches farther than a cell from every edge are kept whole; only the others are tested.
        let (close, far) = index.grid.split(free)
        // Where the front meets the borders and coasts it rarely moves: the last snapshot's test of
        // the same stretches is reused (GEOS's buffer of them was a tenth of a bench/fixture frame).
        let kept: [LineString]
        if let hit = frontNearCache, hit.close == close {
            kept = hit.kept
        } else {
            kept = try engine.lines(close, fartherThan: index.tolerance, from: index.grid.runs(near: close))
            frontNearCache = (close, kept)
        }
        let lines = try engine.merged(far + kept)
        let path = builder.path(lines)
        if frontLines.count >= Self.cachedSnapshots { frontLines.removeAll() }
        frontLines[snapshot.date] = path
        return path
    }

    /// The territory edges as a segment set and grid, made once per data set and shared by every
    /// worker's context (see `frontLine`, `DatasetCache`).
    var edgeIndex: EdgeIndex {
        if let edgeIndexCache { return edgeIndexCache }
        // A data set whose border and the basemap's disagree says by how much (dataset.json), in km.
        let tolerance = dataset.manifest.borderToleranceKm.map { $0 / 111.32 } ?? 0.002
        let edges = basemapLines.territoryEdges
        let index = dataset.cache.value("territory-edge-index") {
            EdgeIndex(tolerance: tolerance, segments: SegmentSet(edges), grid: SegmentGrid(edges, cell: 4 * tolerance))
        }
        edgeIndexCache = index
        return index
    }

    /// The morph's fields, made on first use: a sample every 1.5 px (at 1080p) over the part of the
    /// map that any snapshot fills, with a margin, so the cost follows the front, not the page.
    func morphFields() throws -> MorphFields {
        if let morph { return morph }
        var box: Rect?
        for snapshot in try dataset.timeline.snapshots() {
            for area in filledAreas(snapshot) {
                for polygon in try area.geometry.polygons {
                    for p in polygon.outer.points {
                        let q = projection.project(p)
                        box = box.map { $0.including(q) } ?? Rect(x: q.x, y: q.y, width: 0, height: 0)
                    }
                }
            }
        }
        let area = box.flatMap { $0.insetBy(-48 * layout.unit).intersection(layout.map) } ?? layout.map
        // The morphed front keeps clear of borders and coasts alike.
        let edges = PagePath(subpaths: borderPath.subpaths + coastPath.subpaths, closed: false)
        let m = MorphFields(grid: FieldGrid(covering: area, cell: 1.5 * layout.unit), border: edges)
        morph = m
        return m
    }

    /// What changed since the snapshot before the one in force on `day` (nil for the first), cached per snapshot.
    /// With `since`, what changed between the snapshot in force on that date and the one on `day`.
    public func change(on day: Day) throws -> ControlChange? {
        guard let current = try dataset.timeline.state(on: day) else { return nil }
        let from: ControlSnapshot
        if let since {
            guard let s = try dataset.timeline.state(on: since), s.date < current.date else { return nil }
            from = s
        } else {
            guard let previous = try dataset.timeline.previous(before: day) else { return nil }
            from = previous
        }
        if let cached = changes[current.date] { return cached }
        let c = try ControlChange.between(
            from.date, current.date, timeline: dataset.timeline,
            sides: dataset.manifest.sides.map(\.id), gazetteer: dataset.gazetteer, engine: engine)
        if changes.count >= Self.cachedSnapshots { changes.removeAll() }
        changes[current.date] = c
        return c
    }
}
