import Cartography
import GeoCore
import MapData

/// What stays the same for every frame of a sequence at one size: the projection, the basemap paths,
/// and the per-snapshot measures and lines (cached). Build once, then compose many frames.
public final class SequenceContext {
    public let dataset: Dataset
    public let theme: Theme
    public let layout: Layout
    public let projection: PageProjection
    public let builder: PathBuilder
    let measurer: any TextMeasurer
    /// The layers frames draw, in order: the standard list less those the theme switches off.
    public var layers: [any MapLayer]
    /// Set to time the stages of each frame (`frontline bench`).
    public var clock: StageClock?
    let engine = GeometryEngine()
    /// The state border drawn on the map: the shared edge of the territories when the data has them
    /// (so it matches the ground the control areas were split by), else the basemap border.
    let borderPath: PagePath
    let riverPaths: [(level: Int?, path: PagePath)]
    let territoryPaths: [(name: String, path: PagePath)]
    private var frontLines: [Day: PagePath] = [:]
    private var changes: [Day: ControlChange] = [:]
    private var morph: MorphFields?
    private var cachedTerritoryEdges: [LineString]?
    /// Per-snapshot results kept at most: frames come in date order, so a few are enough, and memory
    /// stays flat however long the sequence.
    static let cachedSnapshots = 8
    /// Settlement labels placed once for the sequence (see `LabelPlan`); made on first use.
    var labelPlanCache: LabelPlan?
    /// The inset locator map, the same on every frame; made on first use.
    var insetCache: [SceneItem]?

    /// - Parameter crs: draw in this CRS (`--crs`); by default a conformal conic fitted to the view.
    public init(
        dataset: Dataset, theme: Theme, layout: Layout, measurer: any TextMeasurer, view: BBox? = nil, crs: CRSProjection? = nil
    ) throws {
        self.dataset = dataset
        self.theme = theme
        self.layout = layout
        self.measurer = measurer
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
        if dataset.territories.territories.count >= 2, !dataset.manifest.bordersFromFile {
            let a = try engine.boundary(dataset.territories.territories[0].geometry)
            let region = dataset.manifest.region
            let edge = try LineString(region.polygon.outer.points)
            // The region's own outline is not a border.
            borderPath = builder.path(try engine.lines(a, fartherThan: 1e-6, from: [edge]))
        } else {
            borderPath = builder.path(dataset.border.lineStrings)
        }
    }

    /// The areas the map fills: ground held across the border, or every area when the data is not
    /// split by territory (nothing then tells own ground from taken ground).
    func filledAreas(_ snapshot: ControlSnapshot) -> [ControlArea] {
        snapshot.areas.contains { $0.territory != nil } ? dataset.acrossBorder(snapshot) : snapshot.areas
    }

    /// The front line: the outline of ground held across the border, less the stretches along the border itself.
    func frontLine(_ snapshot: ControlSnapshot) throws -> PagePath {
        if let cached = frontLines[snapshot.date] { return cached }
        var outline: [LineString] = []
        for a in dataset.acrossBorder(snapshot) { outline += try engine.boundary(a.geometry) }
        // A data set whose border and the basemap's disagree says by how much (dataset.json), in km.
        let tolerance = dataset.manifest.borderToleranceKm.map { $0 / 111.32 } ?? 0.002
        let edges = try self.territoryEdges() ?? dataset.border.lineStrings
        // Only the stretch of border near the outline matters; buffering the whole border for every
        // snapshot was most of the time of a one-date render.
        var near = edges
        if let box = BBox(covering: outline.flatMap(\.points)),
            let grown = try? BBox(
                west: box.west - 10 * tolerance, south: box.south - 10 * tolerance, east: box.east + 10 * tolerance,
                north: box.north + 10 * tolerance)
        {
            near = try engine.clip(edges, to: grown)
        }
        let lines = try engine.lines(outline, fartherThan: tolerance, from: near)
        let path = builder.path(lines)
        if frontLines.count >= Self.cachedSnapshots { frontLines.removeAll() }
        frontLines[snapshot.date] = path
        return path
    }

    /// The first territory's outline (the border the control areas were split along), made once.
    private func territoryEdges() throws -> [LineString]? {
        if let cachedTerritoryEdges { return cachedTerritoryEdges }
        guard let first = dataset.territories.territories.first else { return nil }
        let edges = try engine.boundary(first.geometry)
        cachedTerritoryEdges = edges
        return edges
    }

    /// The morph's fields, made on first use: a sample every 1.5 px (at 1080p) over the part of the
    /// map that any snapshot fills, with a margin, so the cost follows the front, not the page.
    func morphFields() throws -> MorphFields {
        if let morph { return morph }
        var box: Rect?
        for snapshot in try dataset.timeline.snapshots() {
            for area in filledAreas(snapshot) {
                for polygon in area.geometry.polygons {
                    for p in polygon.outer.points {
                        let q = projection.project(p)
                        box = box.map { $0.including(q) } ?? Rect(x: q.x, y: q.y, width: 0, height: 0)
                    }
                }
            }
        }
        let area = box.flatMap { $0.insetBy(-48 * layout.unit).intersection(layout.map) } ?? layout.map
        let m = MorphFields(grid: FieldGrid(covering: area, cell: 1.5 * layout.unit), border: borderPath)
        morph = m
        return m
    }

    /// What changed since the snapshot before the one in force on `day` (nil for the first), cached per snapshot.
    public func change(on day: Day) throws -> ControlChange? {
        guard let current = try dataset.timeline.state(on: day), let previous = try dataset.timeline.previous(before: day) else {
            return nil
        }
        if let cached = changes[current.date] { return cached }
        let c = try ControlChange.between(
            previous.date, current.date, timeline: dataset.timeline,
            sides: dataset.manifest.sides.map(\.id), gazetteer: dataset.gazetteer, engine: engine)
        if changes.count >= Self.cachedSnapshots { changes.removeAll() }
        changes[current.date] = c
        return c
    }
}
