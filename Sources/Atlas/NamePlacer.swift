import Cartography

/// Finds room for area names (countries, seas, regions) as a cartographer does: the whole label box
/// inside its own area, clear of what the map is about (held and changed ground, settlements) and of
/// names already placed, as deep inside the free room as it will go.
///
/// Room is a signed distance field on a coarse page grid (`DistanceField`): one rasterization and two
/// distance transforms per area, so a 100,000-vertex coast costs what its pixels cost, not its
/// vertices. Candidates are taken deepest first, and the search stops once no deeper centre is left,
/// since a box can never be farther from the edge than its own centre.
struct NamePlacer {
    let grid: FieldGrid
    /// At each sample, the least of the distance out of blocked ground (the ground shown, the
    /// settlements) and the distance to the frame's edge: the room any name has there, made once.
    private let open: [Float]
    private(set) var placed: [Rect] = []

    init(frame rect: Rect, blocked paths: [PagePath], cell: Double) {
        grid = FieldGrid(covering: rect, cell: cell)
        let blocked = DistanceField(filling: paths, on: grid)
        var open = [Float](repeating: 0, count: grid.columns * grid.rows)
        for j in 0..<grid.rows {
            for i in 0..<grid.columns {
                let p = grid.point(i, j), k = j * grid.columns + i
                let edge = min(p.x - rect.x, rect.maxX - p.x, p.y - rect.y, rect.maxY - p.y)
                open[k] = min(-blocked.values[k], Float(edge))
            }
        }
        self.open = open
    }

    /// Free room inside an area whose own field (`DistanceField(filling:on: grid)`) is `own`: the
    /// least of the area's depth and the open room. The areas are the basemap's, the same on every
    /// frame, so their fields are made once (`SequenceContext.namedAreaFields`).
    func room(within own: DistanceField) -> DistanceField {
        DistanceField(grid: grid, values: zip(own.values, open).map { min($0, $1) })
    }

    /// Page area of the free room, px²: what a name's size is read from.
    func area(of room: DistanceField) -> Double {
        Double(room.values.lazy.filter { $0 > 0 }.count) * grid.cell * grid.cell
    }

    /// The centre of the deepest `width` × `height` box that lies wholly in `room` with `pad` to
    /// spare and overlaps no name placed before; nil when none fits. The box is remembered.
    mutating func place(width: Double, height: Double, in room: DistanceField, pad: Double) -> Point? {
        let need = pad + height / 2
        // Deepest first; ties by grid order, so the choice never depends on anything but the inputs.
        // A heap: the search usually stops after a few of the thousands of samples deep enough.
        var candidates = DeepestFirst(room.values, atLeast: Float(need))
        var best: (point: Point, score: Double)?
        while let c = candidates.next() {
            if let best, Double(c.depth) <= best.score { break }
            let p = grid.point(c.k % grid.columns, c.k / grid.columns)
            let box = Rect(x: p.x - width / 2, y: p.y - height / 2, width: width, height: height)
            guard !placed.contains(where: { $0.intersects(box.insetBy(-pad)) }) else { continue }
            // A box is taken only with at least `pad` of room and more than the best so far.
            let score = clearance(of: box, in: room, unless: max(pad, best?.score ?? -.infinity))
            if score >= pad, best.map({ score > $0.score }) ?? true { best = (p, score) }
        }
        guard let best else { return nil }
        placed.append(Rect(x: best.point.x - width / 2, y: best.point.y - height / 2, width: width, height: height))
        return best.point
    }

    /// The least room along the box's edges and middle line, sampled every half cell; once it falls
    /// below `bound` (when the box could not be taken), some value below it.
    private func clearance(of box: Rect, in room: DistanceField, unless bound: Double) -> Double {
        let step = grid.cell / 2
        var least = room.value(at: box.center)
        let xs = Int((box.width / step).rounded(.up)), ys = Int((box.height / step).rounded(.up))
        for i in 0...xs {
            let x = box.x + box.width * Double(i) / Double(xs)
            for y in [box.y, box.center.y, box.maxY] { least = min(least, room.value(at: Point(x, y))) }
            if least < max(bound, 0) { return least }
        }
        for j in 0...ys {
            let y = box.y + box.height * Double(j) / Double(ys)
            least = min(least, room.value(at: Point(box.x, y)), room.value(at: Point(box.maxX, y)))
            if least < max(bound, 0) { return least }
        }
        return least
    }
}

/// The samples of a field at least as deep as a bound, deepest first, ties in grid order: a binary
/// heap, so taking the first few costs a pass over the field, not a sort of it.
struct DeepestFirst {
    private var heap: [(k: Int32, depth: Float)]

    init(_ values: [Float], atLeast bound: Float) {
        heap = []
        for (k, v) in values.enumerated() where v >= bound { heap.append((Int32(k), v)) }
        for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { down(i) }
    }

    /// Whether `a` comes before `b`: deeper, or as deep and earlier in the grid.
    private static func before(_ a: (k: Int32, depth: Float), _ b: (k: Int32, depth: Float)) -> Bool {
        a.depth != b.depth ? a.depth > b.depth : a.k < b.k
    }

    mutating func next() -> (k: Int, depth: Float)? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            down(0)
        }
        return (Int(top.k), top.depth)
    }

    private mutating func down(_ i: Int) {
        var i = i
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < heap.count, Self.before(heap[l], heap[m]) { m = l }
            if r < heap.count, Self.before(heap[r], heap[m]) { m = r }
            if m == i { return }
            heap.swapAt(i, m)
            i = m
        }
    }
}
