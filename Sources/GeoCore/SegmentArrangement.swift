/// The faces that some directed, weighted segments cut the plane into, each with its winding number.
///
/// The segments are noded where they cross (a grid finds the pairs that can meet), the pieces joined
/// at their ends into a planar graph, and the graph's cycles traced keeping each face on the left.
/// A cycle that runs counter-clockwise bounds a face; one that runs clockwise is the outline of a
/// group of faces, seen from the face around it. Each cycle carries the winding number of the face on
/// its left, read at the middle of one of its edges. No hole needs assigning to measure: the area of
/// the faces that wind `k` times is the signed area of the cycles whose left winds `k` times.
///
/// Plain floating point, no snapping: a crossing's position is rounded, and a segment that passes
/// within rounding of another's end may be noded or not. Nil when a cycle has no edge to read its
/// winding at; the caller checks the result (see `ChangeChain.pieces`).
struct SegmentArrangement {
    typealias Segment = (from: LonLat, to: LonLat, weight: Int32)

    /// A closed cycle (first position repeated last) and the winding number on its left.
    struct Cycle {
        let points: [LonLat]
        let leftWinding: Int
        /// Twice its signed area on the plane: positive when it runs counter-clockwise.
        let doubleArea: Double
    }

    let cycles: [Cycle]

    /// Nil when the segments cannot be arranged within bounded work (see `SegmentPairs`,
    /// `WindingRows`) or a cycle has no edge to read its winding at.
    init?(_ segments: [Segment]) {
        guard let pieces = Self.noded(segments), let cycles = Self.traced(pieces) else { return nil }
        self.cycles = cycles
    }

    // MARK: noding

    /// The segments split where they cross, where one's end lies inside another, and where two
    /// overlap; pieces that coincide are merged, their weights summed by direction, and dropped
    /// when they cancel (a straight stretch of front that gained a vertex on one date).
    private static func noded(_ segments: [Segment]) -> [Segment]? {
        var cuts = [[(t: Double, p: LonLat)]](repeating: [], count: segments.count)
        guard let pairs = SegmentPairs(segments.map { ($0.from, $0.to) }) else { return nil }
        pairs.forEachPair { i, j in
            let (a, b) = (segments[i].from, segments[i].to), (c, d) = (segments[j].from, segments[j].to)
            let d1 = orient(a, b, c), d2 = orient(a, b, d), d3 = orient(c, d, a), d4 = orient(c, d, b)
            // One segment's end inside the other (collinear overlaps included): a node there, at
            // that exact position.
            if d1 == 0, c != a, c != b, within(c, a, b) { cuts[i].append((param(c, a, b), c)) }
            if d2 == 0, d != a, d != b, within(d, a, b) { cuts[i].append((param(d, a, b), d)) }
            if d3 == 0, a != c, a != d, within(a, c, d) { cuts[j].append((param(a, c, d), a)) }
            if d4 == 0, b != c, b != d, within(b, c, d) { cuts[j].append((param(b, c, d), b)) }
            guard (d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0), (d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0) else { return }
            // A proper crossing: one new position, shared by both; or, within `snap` of an end of
            // either, that end. A ring that runs through a vertex lying on another segment (to within
            // rounding) crosses the segment there, not at a rounded point a hair away that the
            // segment leaving the vertex would never meet.
            let t = d3 / (d3 - d4), u = d1 / (d1 - d2)
            let li = length(a, b), lj = length(c, d)
            if t * li < snap {
                cuts[j].append((u, a))
            } else if (1 - t) * li < snap {
                cuts[j].append((u, b))
            } else if u * lj < snap {
                cuts[i].append((t, c))
            } else if (1 - u) * lj < snap {
                cuts[i].append((t, d))
            } else {
                let p = LonLat(uncheckedLon: a.lon + t * (b.lon - a.lon), lat: a.lat + t * (b.lat - a.lat))
                cuts[i].append((t, p))
                cuts[j].append((u, p))
            }
        }
        var merged = EdgeTable(capacity: segments.count + cuts.reduce(0) { $0 + $1.count })
        for (k, s) in segments.enumerated() {
            var from = s.from
            for cut in cuts[k].sorted(by: { $0.t < $1.t }) where cut.p != from && cut.p != s.to {
                merged.add(from, cut.p, weight: s.weight)
                from = cut.p
            }
            merged.add(from, s.to, weight: s.weight)
        }
        return merged.windingEdges
    }

    /// Degrees within which a crossing is taken to be at a segment's end: the grid that
    /// `ChangeChain` snaps positions to, so no two ends are closer.
    static let snap = 1e-9

    private static func length(_ a: LonLat, _ b: LonLat) -> Double {
        ((b.lon - a.lon) * (b.lon - a.lon) + (b.lat - a.lat) * (b.lat - a.lat)).squareRoot()
    }

    /// Twice the signed area of the triangle a, b, c: positive when c lies left of a→b.
    static func orient(_ a: LonLat, _ b: LonLat, _ c: LonLat) -> Double {
        (b.lon - a.lon) * (c.lat - a.lat) - (c.lon - a.lon) * (b.lat - a.lat)
    }

    private static func within(_ p: LonLat, _ a: LonLat, _ b: LonLat) -> Bool {
        min(a.lon, b.lon) <= p.lon && p.lon <= max(a.lon, b.lon) && min(a.lat, b.lat) <= p.lat && p.lat <= max(a.lat, b.lat)
    }

    private static func param(_ p: LonLat, _ a: LonLat, _ b: LonLat) -> Double {
        abs(b.lon - a.lon) >= abs(b.lat - a.lat) ? (p.lon - a.lon) / (b.lon - a.lon) : (p.lat - a.lat) / (b.lat - a.lat)
    }

    // MARK: faces

    /// The cycles of the pieces' graph, each keeping its face on the left, with that face's winding.
    private static func traced(_ pieces: [Segment]) -> [Cycle]? {
        // Nodes, then each node's outgoing half-edges by angle. Half-edge 2k runs along piece k,
        // 2k + 1 against it; `heads[h]` is the node it runs to.
        var nodes = PositionIndex(capacity: pieces.count)
        var heads = [Int32](repeating: 0, count: 2 * pieces.count)
        for (k, piece) in pieces.enumerated() {
            heads[2 * k] = Int32(nodes.id(piece.to))
            heads[2 * k + 1] = Int32(nodes.id(piece.from))
        }
        func start(_ h: Int) -> LonLat { h & 1 == 0 ? pieces[h >> 1].from : pieces[h >> 1].to }
        func end(_ h: Int) -> LonLat { h & 1 == 0 ? pieces[h >> 1].to : pieces[h >> 1].from }
        // A pseudo-angle: increases with the direction's angle counter-clockwise from east, in [0, 4).
        let angle = heads.indices.map { h in
            let a = start(h), b = end(h)
            let dx = b.lon - a.lon, dy = b.lat - a.lat
            let p = dx / (abs(dx) + abs(dy))
            return dy >= 0 ? 1 - p : 3 + p
        }
        // The half-edges grouped by the node they leave (`around[first[n]..<first[n + 1]]`), each
        // group counter-clockwise; `slot[h]`: where `h` sits in its group.
        var first = [Int32](repeating: 0, count: nodes.count + 1)
        for h in heads.indices { first[Int(heads[h ^ 1]) + 1] += 1 }
        for n in 0..<nodes.count { first[n + 1] += first[n] }
        var fill = first
        var around = [Int32](repeating: 0, count: heads.count)
        for h in heads.indices {
            let n = Int(heads[h ^ 1])
            around[Int(fill[n])] = Int32(h)
            fill[n] += 1
        }
        var slot = [Int32](repeating: 0, count: heads.count)
        for n in 0..<nodes.count {
            let lo = Int(first[n]), hi = Int(first[n + 1])
            // Insertion sort: a node has a handful of edges.
            for i in (lo + 1)..<max(lo + 1, hi) {
                let h = around[i]
                var j = i
                while j > lo, (angle[Int(around[j - 1])], around[j - 1]) > (angle[Int(h)], h) {
                    around[j] = around[j - 1]
                    j -= 1
                }
                around[j] = h
            }
            for i in lo..<hi { slot[Int(around[i])] = Int32(i - lo) }
        }
        // Leaving `h`'s end, the face stays on the left by taking the edge just clockwise of the way back.
        func next(_ h: Int) -> Int {
            let n = Int(heads[h]), lo = Int(first[n]), count = Int(first[n + 1]) - lo
            let k = Int(slot[h ^ 1])
            return Int(around[lo + (k + count - 1) % count])
        }
        guard let rows = WindingRows(pieces) else { return nil }
        var seen = [Bool](repeating: false, count: heads.count)
        var cycles: [Cycle] = []
        for first in heads.indices where !seen[first] {
            var points = [start(first)]
            var h = first, doubleArea = 0.0, probe: Int?
            let o = start(first)
            repeat {
                seen[h] = true
                let a = start(h), b = end(h)
                // About the cycle's first position: products of small differences, not of degrees.
                doubleArea += (a.lon - o.lon) * (b.lat - o.lat) - (b.lon - o.lon) * (a.lat - o.lat)
                if probe == nil, a.lat != b.lat { probe = h }
                points.append(b)
                h = next(h)
                if points.count > heads.count + 1 { return nil }
            } while h != first
            guard let probe else { return nil }
            cycles.append(Cycle(points: points, leftWinding: leftWinding(probe, pieces, rows), doubleArea: doubleArea))
        }
        return cycles
    }

    /// The winding number just left of half-edge `h`, at its middle: every other piece's crossings
    /// of a ray to the east, and its own if the point lies west of it (`h` runs north).
    private static func leftWinding(_ h: Int, _ pieces: [Segment], _ rows: WindingRows) -> Int {
        let piece = pieces[h >> 1]
        let m = LonLat(uncheckedLon: (piece.from.lon + piece.to.lon) / 2, lat: (piece.from.lat + piece.to.lat) / 2)
        let along = h & 1 == 0
        let north = along ? piece.to.lat > piece.from.lat : piece.from.lat > piece.to.lat
        let own = north ? (along ? Int(piece.weight) : -Int(piece.weight)) : 0
        return rows.winding(at: m, excluding: h >> 1) + own
    }
}

/// The pairs of segments whose boxes meet, found through a grid of square cells; each pair once.
/// A segment whose box covers more than `maxCells` cells (a long straight stretch among short ones)
/// is set against every other segment instead.
struct SegmentPairs {
    private let boxes: [(w: Double, s: Double, e: Double, n: Double)]
    private let west: Double, south: Double, cell: Double
    private let columns: Int
    /// (cell << 32 | segment) for every cell a segment's box covers, sorted: the cells' members in runs.
    private let entries: [UInt64]
    /// The segments set against every other.
    private let long: [Int]
    private static let maxCells = 1024
    /// Pairs a long segment may cost in all, past which the arrangement is not tried.
    private static let maxLongPairs = 20_000_000

    init?(_ segments: [(LonLat, LonLat)]) {
        boxes = segments.map { (min($0.0.lon, $0.1.lon), min($0.0.lat, $0.1.lat), max($0.0.lon, $0.1.lon), max($0.0.lat, $0.1.lat)) }
        let w = boxes.reduce(Double.infinity) { min($0, $1.w) }, s = boxes.reduce(Double.infinity) { min($0, $1.s) }
        let e = boxes.reduce(-Double.infinity) { max($0, $1.e) }, n = boxes.reduce(-Double.infinity) { max($0, $1.n) }
        // About two segments' length a cell: most segments fall in one to four cells.
        let mean = boxes.reduce(0) { $0 + max($1.e - $1.w, $1.n - $1.s) } / Double(max(1, boxes.count))
        let span = max(e - w, n - s, .leastNormalMagnitude)
        let cell = max(2 * mean, span / 4096, .leastNormalMagnitude)
        self.cell = cell
        west = w
        south = s
        let columns = Int((e - w) / cell) + 1
        self.columns = columns
        var entries: [UInt64] = [], long: [Int] = []
        entries.reserveCapacity(2 * boxes.count)
        func key(_ v: Double, _ origin: Double) -> Int { Int(((v - origin) / cell).rounded(.down)) }
        for (i, b) in boxes.enumerated() {
            let (x0, x1, y0, y1) = (key(b.w, w), key(b.e, w), key(b.s, s), key(b.n, s))
            guard (x1 - x0 + 1) * (y1 - y0 + 1) <= Self.maxCells else {
                long.append(i)
                continue
            }
            for y in y0...y1 {
                for x in x0...x1 { entries.append(UInt64(y * columns + x) << 32 | UInt64(i)) }
            }
        }
        guard long.count * boxes.count <= Self.maxLongPairs else { return nil }
        self.entries = Self.sortedByCell(entries)
        self.long = long
    }

    private func key(_ v: Double, _ origin: Double) -> Int { Int(((v - origin) / cell).rounded(.down)) }

    /// The entries sorted by cell, each cell's in the order given (segment order): a stable radix
    /// sort on the cell's 32 bits, 11 at a time (a comparison sort was most of the grid's cost).
    static func sortedByCell(_ entries: [UInt64]) -> [UInt64] {
        var from = entries, to = entries
        for shift: UInt64 in [32, 43, 54] {
            var counts = [Int](repeating: 0, count: 2049)
            for e in from { counts[Int((e >> shift) & 0x7FF) + 1] += 1 }
            for b in 0..<2048 { counts[b + 1] += counts[b] }
            for e in from {
                let b = Int((e >> shift) & 0x7FF)
                to[counts[b]] = e
                counts[b] += 1
            }
            swap(&from, &to)
        }
        return from
    }

    private func meet(_ i: Int, _ j: Int) -> Bool {
        let a = boxes[i], b = boxes[j]
        return a.w <= b.e && b.w <= a.e && a.s <= b.n && b.s <= a.n
    }

    /// Calls `body(i, j)`, i < j, for every pair whose boxes meet: in the grid, in the cell where
    /// their common box starts (so once); then each long segment's; in a fixed order.
    func forEachPair(_ body: (Int, Int) -> Void) {
        var lo = 0
        while lo < entries.count {
            let k = Int(entries[lo] >> 32)
            var hi = lo + 1
            while hi < entries.count, Int(entries[hi] >> 32) == k { hi += 1 }
            let (x, y) = (k % columns, k / columns)
            for u in lo..<hi {
                let i = Int(entries[u] & 0xFFFF_FFFF), a = boxes[i]
                for v in (u + 1)..<hi {
                    let j = Int(entries[v] & 0xFFFF_FFFF), b = boxes[j]
                    guard meet(i, j) else { continue }
                    guard key(max(a.w, b.w), west) == x, key(max(a.s, b.s), south) == y else { continue }
                    body(i, j)
                }
            }
            lo = hi
        }
        guard !long.isEmpty else { return }
        var isLong = [Bool](repeating: false, count: boxes.count)
        for i in long { isLong[i] = true }
        for i in long {
            // Two long segments meet once: from the lesser.
            for j in boxes.indices where j != i && (!isLong[j] || j > i) && meet(i, j) { body(min(i, j), max(i, j)) }
        }
    }
}

/// Directed, weighted edges in horizontal bands, for winding numbers at many points: a ray from a
/// point crosses only edges in its band.
struct WindingRows {
    private let edges: [(from: LonLat, to: LonLat, weight: Int32)]
    private let south: Double, height: Double
    /// Band b's edges: `members[first[b]..<first[b + 1]]`.
    private let first: [Int32], members: [Int32]

    /// Nil when the edges would fill more than `maxEntries` places in the bands (many long edges
    /// across the height of the rest): the caller does without.
    init?(_ edges: [(from: LonLat, to: LonLat, weight: Int32)]) {
        self.edges = edges
        let s = edges.reduce(Double.infinity) { min($0, $1.from.lat, $1.to.lat) }
        let n = edges.reduce(-Double.infinity) { max($0, $1.from.lat, $1.to.lat) }
        let count = max(1, min(4096, edges.count / 4))
        south = s
        let height = n > s ? (n - s) / Double(count) : 1
        self.height = height
        let spans = edges.map { e in
            (Self.row(min(e.from.lat, e.to.lat), s, height, count), Self.row(max(e.from.lat, e.to.lat), s, height, count))
        }
        guard spans.reduce(0, { $0 + $1.1 - $1.0 + 1 }) <= max(Self.maxEntries, 64 * edges.count) else { return nil }
        var first = [Int32](repeating: 0, count: count + 1)
        for (lo, hi) in spans { for r in lo...hi { first[r + 1] += 1 } }
        for r in 0..<count { first[r + 1] += first[r] }
        var fill = first, members = [Int32](repeating: 0, count: Int(first[count]))
        for (i, (lo, hi)) in spans.enumerated() {
            for r in lo...hi {
                members[Int(fill[r])] = Int32(i)
                fill[r] += 1
            }
        }
        self.first = first
        self.members = members
    }

    private static let maxEntries = 1 << 22

    private static func row(_ lat: Double, _ south: Double, _ height: Double, _ count: Int) -> Int {
        min(count - 1, max(0, Int(((lat - south) / height).rounded(.down))))
    }

    /// How many times the edges wind around `p`, counter-clockwise positive (a ray to the east,
    /// each upward crossing with `p` on its left counted +, each downward one with `p` on its right -).
    func winding(at p: LonLat, excluding skip: Int = -1) -> Int {
        let count = first.count - 1
        guard p.lat >= south, p.lat <= south + height * Double(count) else { return 0 }
        var w = 0
        let r = Self.row(p.lat, south, height, count)
        for i in members[Int(first[r])..<Int(first[r + 1])] where Int(i) != skip {
            let e = edges[Int(i)]
            let (a, b) = (e.from, e.to)
            let side = (b.lon - a.lon) * (p.lat - a.lat) - (p.lon - a.lon) * (b.lat - a.lat)
            if a.lat <= p.lat {
                if b.lat > p.lat && side > 0 { w += Int(e.weight) }
            } else if b.lat <= p.lat && side < 0 {
                w -= Int(e.weight)
            }
        }
        return w
    }
}
