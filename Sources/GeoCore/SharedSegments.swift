/// The segments of some lines, as undirected keys: two lines share an edge exactly when they hold
/// the same segment, either way round. Outlines polygonized from one set of lines (territories, the
/// sea) share their vertices, so a hash finds in O(n) the edges an exact overlay finds by noding
/// every segment of both (an overlay of two 10,000-vertex outlines that coincide along a border
/// costs ~60 ms: every segment meets its twin).
public struct SegmentSet: Sendable {
    private let segments: EdgeTable

    public init(_ lines: [LineString]) { segments = EdgeTable(lines: lines.map(\.points)) }

    public var isEmpty: Bool { segments.distinct == 0 }

    public func contains(_ p: LonLat, _ q: LonLat) -> Bool { segments.contains(p, q) }

    /// The runs of `lines` whose segments are in the set (`keep: true`) or not in it (`keep: false`),
    /// each in its line's own direction; repeated positions neither start nor break a run.
    public func runs(of lines: [LineString], keep: Bool) -> [LineString] {
        var out: [LineString] = []
        for line in lines {
            // The run as a range of positions, copied out only when it ends (see `LineString.part`).
            let p = line.points
            var start: Int?, end = 0
            for i in 0..<max(0, p.count - 1) where p[i] != p[i + 1] {
                if contains(p[i], p[i + 1]) == keep {
                    if start == nil { start = i }
                    end = i + 1
                } else if let s = start {
                    out.append(line.part(s...end, droppingRepeats: true))
                    start = nil
                }
            }
            if let s = start { out.append(line.part(s...end, droppingRepeats: true)) }
        }
        return out
    }
}

extension GeometryEngine {
    /// The parts of `lines` that coincide with `other`, merged end to end, for lines that share their
    /// vertices where they meet (polygonized outlines): the segments both hold, by hash, then GEOS's
    /// line merge, which joins them into the same lines an exact overlay's result merges into.
    public func lines(_ lines: [LineString], sharingVerticesWith other: [LineString]) throws(GeometryError) -> [LineString] {
        let shared = SegmentSet(other).runs(of: lines, keep: true)
        return shared.isEmpty ? [] : try merged(shared)
    }
}

/// The segments of some lines in a grid of square cells, to find the few that come near other lines
/// without testing every pair: a national front's outline meets the territory edges along a border
/// and a coast, but its free stretch (the front itself) comes near them only at its ends.
public struct SegmentGrid: Sendable {
    private struct Cell: Hashable, Sendable { let x: Int, y: Int }
    private let lines: [LineString]
    private let cell: Double
    /// Per cell, the segments whose box touches it: (line, index of the segment's first point).
    private var cells: [Cell: [(line: Int, segment: Int)]] = [:]
    /// The cells that hold a segment, for `touches` (asked for every segment of a front on every frame).
    private var occupied = CellTable()
    /// Segments too long to list per cell, picked for every query.
    private var always: [(line: Int, segment: Int)] = []
    private static let maxCells = 4096

    /// - Parameter cell: the cell's side in degrees; `near` finds every segment within it.
    public init(_ lines: [LineString], cell: Double) {
        self.lines = lines
        self.cell = cell
        for (l, line) in lines.enumerated() {
            let p = line.points
            for i in 0..<max(0, p.count - 1) {
                let (x0, x1) = (key(min(p[i].lon, p[i + 1].lon)), key(max(p[i].lon, p[i + 1].lon)))
                let (y0, y1) = (key(min(p[i].lat, p[i + 1].lat)), key(max(p[i].lat, p[i + 1].lat)))
                // A long slanted segment would fill a square of cells: it is always picked instead.
                guard (x1 - x0 + 1) * (y1 - y0 + 1) <= Self.maxCells else {
                    always.append((l, i))
                    continue
                }
                for x in x0...x1 {
                    for y in y0...y1 {
                        cells[Cell(x: x, y: y), default: []].append((l, i))
                        occupied.insert(x, y)
                    }
                }
            }
        }
    }

    private func key(_ v: Double) -> Int { Int((v / cell).rounded(.down)) }

    /// `others` cut into the runs that may come within one cell of this grid's segments (`near`) and
    /// the runs that cannot (`far`: every point of them is farther than a cell from every segment here).
    public func split(_ others: [LineString]) -> (near: [LineString], far: [LineString]) {
        var near: [LineString] = [], far: [LineString] = []
        for line in others {
            let p = line.points
            var start = 0, runIsNear = false
            // A dense line's segments mostly share their window of cells with the one before.
            var last: Window?
            for i in 0..<max(0, p.count - 1) {
                let w = window(p[i], p[i + 1])
                let isNear = w == last ? runIsNear : touches(w)
                last = w
                if i > start, isNear != runIsNear {
                    if runIsNear { near.append(line.part(start...i)) } else { far.append(line.part(start...i)) }
                    start = i
                }
                runIsNear = isNear
            }
            if p.count >= 2 {
                if runIsNear { near.append(line.part(start...(p.count - 1))) } else { far.append(line.part(start...(p.count - 1))) }
            }
        }
        return (near, far)
    }

    /// The cells within one cell of a segment's box: x0, x1, y0, y1.
    private struct Window: Equatable { let x0: Int, x1: Int, y0: Int, y1: Int }

    private func window(_ a: LonLat, _ b: LonLat) -> Window {
        Window(
            x0: key(min(a.lon, b.lon)) - 1, x1: key(max(a.lon, b.lon)) + 1, y0: key(min(a.lat, b.lat)) - 1, y1: key(max(a.lat, b.lat)) + 1)
    }

    /// Whether some segment of the grid has its box in a cell of `w`.
    private func touches(_ w: Window) -> Bool {
        guard always.isEmpty else { return true }
        guard (w.x1 - w.x0 + 1) * (w.y1 - w.y0 + 1) <= Self.maxCells else { return true }
        for x in w.x0...w.x1 {
            for y in w.y0...w.y1 where occupied.contains(x, y) { return true }
        }
        return false
    }

    /// The runs of this grid's lines (in their own direction) made of the segments that may come
    /// within one cell of `others`: every segment closer than that is in, and every one left out
    /// is at least that far away, so a buffer narrower than a cell is the same near `others`.
    public func runs(near others: [LineString]) -> [LineString] {
        var stride = 1
        for line in lines { stride = max(stride, line.points.count) }
        var picked = Set(always.map { $0.line * stride + $0.segment })
        for line in others {
            let p = line.points
            var last: Window?
            for i in 0..<max(0, p.count - 1) {
                let w = window(p[i], p[i + 1])
                // The same cells as the segment before pick the same segments again.
                if w == last { continue }
                last = w
                // A long slanted query segment: everything (a superset is always right, only slower).
                guard (w.x1 - w.x0 + 1) * (w.y1 - w.y0 + 1) <= Self.maxCells else { return lines }
                for x in w.x0...w.x1 {
                    for y in w.y0...w.y1 {
                        for s in cells[Cell(x: x, y: y)] ?? [] { picked.insert(s.line * stride + s.segment) }
                    }
                }
            }
        }
        var out: [LineString] = []
        for (l, line) in lines.enumerated() {
            var run: [LonLat] = []
            for i in 0..<max(0, line.points.count - 1) {
                if picked.contains(l * stride + i) {
                    if run.isEmpty { run.append(line.points[i]) }
                    run.append(line.points[i + 1])
                } else if !run.isEmpty {
                    out.append(LineString(unchecked: run))
                    run = []
                }
            }
            if !run.isEmpty { out.append(LineString(unchecked: run)) }
        }
        return out
    }
}

/// Grid cells (two integers) in an open-addressing set: `SegmentGrid.touches` asks for nine cells per
/// segment of a 15,000-vertex front each frame, where a `Set` or `Dictionary` spends its time hashing.
struct CellTable: Sendable {
    private var keys: [UInt64] = []
    private var used: [Bool] = []
    private var count = 0

    mutating func insert(_ x: Int, _ y: Int) {
        if 2 * (count + 1) > used.count { grow() }
        let k = Self.key(x, y)
        var i = Self.slot(k, used.count)
        while used[i] {
            if keys[i] == k { return }
            i = (i + 1) & (used.count - 1)
        }
        keys[i] = k
        used[i] = true
        count += 1
    }

    func contains(_ x: Int, _ y: Int) -> Bool {
        guard !used.isEmpty else { return false }
        let k = Self.key(x, y)
        var i = Self.slot(k, used.count)
        while used[i] {
            if keys[i] == k { return true }
            i = (i + 1) & (used.count - 1)
        }
        return false
    }

    private static func key(_ x: Int, _ y: Int) -> UInt64 {
        UInt64(UInt32(truncatingIfNeeded: x)) << 32 | UInt64(UInt32(truncatingIfNeeded: y))
    }

    private static func slot(_ k: UInt64, _ size: Int) -> Int {
        let h = (k ^ (k >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: h ^ (h >> 32)) & (size - 1)
    }

    private mutating func grow() {
        let old = zip(keys, used).filter { $0.1 }.map(\.0)
        let size = max(64, 2 * used.count)
        keys = [UInt64](repeating: 0, count: size)
        used = [Bool](repeating: false, count: size)
        count = 0
        for k in old {
            var i = Self.slot(k, size)
            while used[i] { i = (i + 1) & (size - 1) }
            keys[i] = k
            used[i] = true
            count += 1
        }
    }
}
