/// A regular grid of sample points on the page: where a distance field is known.
public struct FieldGrid: Sendable, Equatable {
    /// Page position of sample (0, 0); sample (i, j) sits at origin + (i, j) × cell.
    public let origin: Point
    public let cell: Double
    public let columns: Int
    public let rows: Int

    /// Samples every `cell` pixels over `rect`, with one sample beyond each edge.
    public init(covering rect: Rect, cell: Double) {
        precondition(cell > 0 && rect.width > 0 && rect.height > 0, "FieldGrid needs a positive cell and rectangle")
        self.cell = cell
        origin = Point(rect.x - cell, rect.y - cell)
        columns = Int((rect.width / cell).rounded(.up)) + 3
        rows = Int((rect.height / cell).rounded(.up)) + 3
    }

    public func point(_ i: Int, _ j: Int) -> Point { Point(origin.x + Double(i) * cell, origin.y + Double(j) * cell) }
}

/// A signed distance field sampled on a grid: at each sample, the distance in page pixels to the
/// edge of a filled shape, positive inside and negative outside.
///
/// Blending two fields and tracing the zero level morphs one shape into the other: pieces grow,
/// shrink, appear, vanish, split and merge as the level set moves, which a vertex-by-vertex tween
/// cannot do. A point inside both shapes stays inside and a point outside both stays outside, so
/// every blend lies between their intersection and their union.
public struct DistanceField: Sendable {
    public let grid: FieldGrid
    public private(set) var values: [Float]

    public init(grid: FieldGrid, values: [Float]) {
        precondition(values.count == grid.columns * grid.rows, "DistanceField: \(values.count) values for the grid")
        self.grid = grid; self.values = values
    }

    /// The field of the even–odd fill of the closed subpaths of `path`. A sample is inside when its
    /// point is; distances are exact between sample centres (Euclidean transform), so the traced
    /// edge lies within half a cell of the true one.
    public init(filling path: PagePath, on grid: FieldGrid) {
        self.init(filling: [path], on: grid)
    }

    /// The field of the union of several fills. Unlike the maximum of their fields, it measures
    /// to the union's own edge: where two shapes meet, the shared edge is inside, not an edge.
    public init(filling paths: [PagePath], on grid: FieldGrid) {
        var inside = [Bool](repeating: false, count: grid.columns * grid.rows)
        for path in paths { Self.rasterize(path, grid, into: &inside) }
        let toInside = DistanceTransform.squared(columns: grid.columns, rows: grid.rows) { inside[$0] }
        let toOutside = DistanceTransform.squared(columns: grid.columns, rows: grid.rows) { !inside[$0] }
        // An empty shape is "far" everywhere: farther than anything on the grid.
        let far = Float(grid.columns + grid.rows)
        let cell = Float(grid.cell)
        var values = [Float](repeating: 0, count: inside.count)
        for k in 0..<values.count {
            values[k] =
                inside[k]
                ? (toOutside[k].squareRoot() - 0.5) * cell
                : -(min(toInside[k].squareRoot(), far) - 0.5) * cell
        }
        self.init(grid: grid, values: values)
    }

    /// (1 − t) · a + t · b: the morph of a into b at t ∈ [0, 1].
    public static func blend(_ a: DistanceField, _ b: DistanceField, t: Double) -> DistanceField {
        precondition(a.grid == b.grid, "DistanceField.blend: fields on different grids")
        let s = Float(t), r = 1 - Float(t)
        var v = a.values
        b.values.withUnsafeBufferPointer { bv in
            for k in 0..<v.count { v[k] = r * v[k] + s * bv[k] }
        }
        return DistanceField(grid: a.grid, values: v)
    }

    /// A field with nothing inside, `depth` pixels below the level everywhere. Blending a shape with
    /// it grows (or shrinks) the shape from its deepest points when `depth` is the shape's maximum.
    public static func empty(on grid: FieldGrid, depth: Double) -> DistanceField {
        DistanceField(grid: grid, values: [Float](repeating: -Float(max(depth, grid.cell)), count: grid.columns * grid.rows))
    }

    /// The largest value: how deep the shape's deepest point lies, in pixels (≤ 0 when empty).
    public var maximum: Double { Double(values.max() ?? 0) }

    /// Unsigned distance in page pixels to the nearest line of `lines` (open or closed subpaths),
    /// exact to within a cell: lines are sampled every half cell and marked on the grid.
    public init(distanceTo lines: PagePath, on grid: FieldGrid) {
        var marked = [Bool](repeating: false, count: grid.columns * grid.rows)
        func mark(_ p: Point) {
            let i = Int(((p.x - grid.origin.x) / grid.cell).rounded()), j = Int(((p.y - grid.origin.y) / grid.cell).rounded())
            if i >= 0, j >= 0, i < grid.columns, j < grid.rows { marked[j * grid.columns + i] = true }
        }
        for line in lines.subpaths where !line.isEmpty {
            let closing = lines.closed && line.count > 2 ? [line[0]] : []
            var a = line[0]
            mark(a)
            for b in line.dropFirst() + closing {
                let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
                let steps = max(1, Int((2 * length / grid.cell).rounded(.up)))
                for k in 1...steps {
                    let t = Double(k) / Double(steps)
                    mark(Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t))
                }
                a = b
            }
        }
        let d = DistanceTransform.squared(columns: grid.columns, rows: grid.rows) { marked[$0] }
        let far = Float(grid.columns + grid.rows)
        self.init(grid: grid, values: d.map { min($0.squareRoot(), far) * Float(grid.cell) })
    }

    /// Inside where either is inside (the maximum of the two fields).
    public static func union(_ a: DistanceField, _ b: DistanceField) -> DistanceField {
        precondition(a.grid == b.grid, "DistanceField.union: fields on different grids")
        var v = a.values
        for k in 0..<v.count { v[k] = max(v[k], b.values[k]) }
        return DistanceField(grid: a.grid, values: v)
    }

    /// Inside where both are inside (the minimum of the two fields).
    public static func intersection(_ a: DistanceField, _ b: DistanceField) -> DistanceField {
        precondition(a.grid == b.grid, "DistanceField.intersection: fields on different grids")
        var v = a.values
        for k in 0..<v.count { v[k] = min(v[k], b.values[k]) }
        return DistanceField(grid: a.grid, values: v)
    }

    /// Inside where this field is outside.
    public var complement: DistanceField { DistanceField(grid: grid, values: values.map { -$0 }) }

    /// The field at a page point, interpolated bilinearly (clamped to the grid).
    public func value(at p: Point) -> Double {
        let fx = min(max((p.x - grid.origin.x) / grid.cell, 0), Double(grid.columns - 1))
        let fy = min(max((p.y - grid.origin.y) / grid.cell, 0), Double(grid.rows - 1))
        let i = min(Int(fx), grid.columns - 2), j = min(Int(fy), grid.rows - 2)
        let u = fx - Double(i), w = fy - Double(j)
        func at(_ i: Int, _ j: Int) -> Double { Double(values[j * grid.columns + i]) }
        let top = at(i, j) * (1 - u) + at(i + 1, j) * u
        let bottom = at(i, j + 1) * (1 - u) + at(i + 1, j + 1) * u
        return top * (1 - w) + bottom * w
    }

    /// The zero level as closed rings, all outer rings turning one way and holes the other, so the
    /// even–odd fill and signed-area sums both give the shape.
    public func contour() -> PagePath {
        PagePath(subpaths: MarchingSquares.rings(self), closed: true)
    }

    /// Samples inside when their point falls inside the even–odd fill: crossings of each sample row
    /// by every edge, sorted, filled between pairs; set in `inside` (one pass for several paths: their
    /// union), never cleared.
    static func rasterize(_ path: PagePath, _ grid: FieldGrid, into inside: inout [Bool]) {
        var crossings = [[Double]](repeating: [], count: grid.rows)
        for ring in path.subpaths where ring.count >= 3 {
            var a = ring[ring.count - 1]
            for b in ring {
                defer { a = b }
                let lo = min(a.y, b.y), hi = max(a.y, b.y)
                // Rows whose y lies in [lo, hi): half-open, so a vertex on a row counts once.
                let first = max(0, Int(((lo - grid.origin.y) / grid.cell).rounded(.up)))
                let last = min(grid.rows - 1, Int(((hi - grid.origin.y) / grid.cell).rounded(.up)) - 1)
                guard first <= last else { continue }
                for j in first...last {
                    let y = grid.origin.y + Double(j) * grid.cell
                    crossings[j].append(a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x))
                }
            }
        }
        for j in 0..<grid.rows where crossings[j].count >= 2 {
            let xs = crossings[j].sorted()
            var k = 0
            while k + 1 < xs.count {
                let from = max(0, Int(((xs[k] - grid.origin.x) / grid.cell).rounded(.up)))
                let to = min(grid.columns - 1, Int(((xs[k + 1] - grid.origin.x) / grid.cell).rounded(.up)) - 1)
                if from <= to { for i in from...to { inside[j * grid.columns + i] = true } }
                k += 2
            }
        }
    }
}
