/// Undirected edges (two positions, either way round) counted in an open-addressing table.
///
/// Change windows and front lines hash every edge of a national front's outline on every frame
/// (56,000 a snapshot pair); a `Set` of edges spends most of that in its seeded hasher. Here a key
/// is the four coordinates' bit patterns, mixed by multiplication (no seed: the table's order is
/// fixed by its input, so results never depend on the process), probed linearly in flat arrays.
public struct EdgeTable: Sendable {
    /// Per slot: the edge's four bit patterns (lon, lat of its lesser end, then of the other).
    private var keys: [UInt64]
    /// Per slot: how often the edge was added; 0 marks an empty slot.
    private var counts: [UInt32]
    /// Per slot: the sum of the weights it was added with, each signed by its direction (+ when it
    /// runs from the key's lesser end): a chain of directed edges in which opposite ones cancel.
    private var winding: [Int32]
    private var mask: Int
    public private(set) var distinct = 0

    /// - Parameter capacity: the edges expected (the table grows past it if need be).
    public init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        keys = [UInt64](repeating: 0, count: 4 * size)
        counts = [UInt32](repeating: 0, count: size)
        winding = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    /// The edges of `lines` (repeated positions skipped).
    public init(lines: [[LonLat]]) {
        self.init(capacity: lines.reduce(0) { $0 + $1.count })
        for p in lines { addEdges(of: p) }
    }

    /// Adds every edge of the polyline `p` (consecutive positions; repeated ones skipped).
    public mutating func addEdges(of p: [LonLat]) {
        guard p.count > 1 else { return }
        for i in 1..<p.count where p[i - 1] != p[i] { add(p[i - 1], p[i]) }
    }

    /// Adds the edges of the closed ring `p` (first position repeated last), each from `p[i]` to
    /// `p[i + 1]` with `weight` (see `windingEdges`).
    public mutating func addDirectedEdges(of p: [LonLat], weight: Int32) {
        guard p.count > 1 else { return }
        for i in 1..<p.count where p[i - 1] != p[i] { add(p[i - 1], p[i], weight: weight) }
    }

    /// Adds one occurrence of the edge between `p` and `q`; `weight` counts it from `p` to `q` in the
    /// winding chain (0: undirected use only).
    public mutating func add(_ p: LonLat, _ q: LonLat, weight: Int32 = 0) {
        if 2 * (distinct + 1) > counts.count { grow() }
        let (k, forward) = Self.key(p, q)
        let w = forward ? weight : -weight
        var i = Self.hash(k) & mask
        while counts[i] != 0 {
            if matches(i, k) {
                counts[i] += 1
                winding[i] += w
                return
            }
            i = (i + 1) & mask
        }
        store(i, k, count: 1, winding: w)
        distinct += 1
    }

    /// How often the edge between `p` and `q` (either way round) was added.
    public func count(_ p: LonLat, _ q: LonLat) -> Int {
        let k = Self.key(p, q).key
        var i = Self.hash(k) & mask
        while counts[i] != 0 {
            if matches(i, k) { return Int(counts[i]) }
            i = (i + 1) & mask
        }
        return 0
    }

    public func contains(_ p: LonLat, _ q: LonLat) -> Bool { count(p, q) > 0 }

    /// The edges added an odd number of times, lesser end first, in table order.
    public var oddEdges: [(LonLat, LonLat)] { edges { $0 & 1 == 1 } }

    /// The edges whose count passes `keep`, lesser end first, in table order.
    public func edges(where keep: (Int) -> Bool) -> [(LonLat, LonLat)] {
        var out: [(LonLat, LonLat)] = []
        for i in counts.indices where counts[i] != 0 && keep(Int(counts[i])) { out.append(ends(i)) }
        return out
    }

    /// The edges whose weights did not cancel, each directed from `from` to `to` with its net weight
    /// (positive), in table order.
    public var windingEdges: [(from: LonLat, to: LonLat, weight: Int32)] {
        var out: [(from: LonLat, to: LonLat, weight: Int32)] = []
        for i in counts.indices where counts[i] != 0 && winding[i] != 0 {
            let (a, b) = ends(i)
            out.append(winding[i] > 0 ? (a, b, winding[i]) : (b, a, -winding[i]))
        }
        return out
    }

    /// The net weight of the edge from `p` to `q` (negative when the chain runs from `q` to `p`).
    public func winding(_ p: LonLat, _ q: LonLat) -> Int32 {
        let (k, forward) = Self.key(p, q)
        var i = Self.hash(k) & mask
        while counts[i] != 0 {
            if matches(i, k) { return forward ? winding[i] : -winding[i] }
            i = (i + 1) & mask
        }
        return 0
    }

    private func ends(_ i: Int) -> (LonLat, LonLat) {
        let b = 4 * i
        return (
            LonLat(uncheckedLon: Double(bitPattern: keys[b]), lat: Double(bitPattern: keys[b + 1])),
            LonLat(uncheckedLon: Double(bitPattern: keys[b + 2]), lat: Double(bitPattern: keys[b + 3]))
        )
    }

    private typealias Key = (UInt64, UInt64, UInt64, UInt64)

    /// The edge's key: its lesser end (by lon, then lat) first; -0 read as 0 so equal positions match.
    /// `forward`: `p` is the lesser end.
    private static func key(_ p: LonLat, _ q: LonLat) -> (key: Key, forward: Bool) {
        let forward = (p.lon, p.lat) < (q.lon, q.lat)
        let (a, b) = forward ? (p, q) : (q, p)
        return (((a.lon + 0).bitPattern, (a.lat + 0).bitPattern, (b.lon + 0).bitPattern, (b.lat + 0).bitPattern), forward)
    }

    private static func hash(_ k: Key) -> Int {
        var h = k.0 &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ (h >> 29) ^ k.1) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 31) ^ k.2) &* 0x94D0_49BB_1331_11EB
        h = (h ^ (h >> 29) ^ k.3) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }

    private func matches(_ i: Int, _ k: Key) -> Bool {
        let b = 4 * i
        return keys[b] == k.0 && keys[b + 1] == k.1 && keys[b + 2] == k.2 && keys[b + 3] == k.3
    }

    private mutating func store(_ i: Int, _ k: Key, count: UInt32, winding w: Int32) {
        let b = 4 * i
        keys[b] = k.0
        keys[b + 1] = k.1
        keys[b + 2] = k.2
        keys[b + 3] = k.3
        counts[i] = count
        winding[i] = w
    }

    private mutating func grow() {
        let (oldKeys, oldCounts, oldWinding) = (keys, counts, winding)
        keys = [UInt64](repeating: 0, count: 8 * oldCounts.count)
        counts = [UInt32](repeating: 0, count: 2 * oldCounts.count)
        winding = [Int32](repeating: 0, count: 2 * oldCounts.count)
        mask = counts.count - 1
        for j in oldCounts.indices where oldCounts[j] != 0 {
            let b = 4 * j
            let k = (oldKeys[b], oldKeys[b + 1], oldKeys[b + 2], oldKeys[b + 3])
            var i = Self.hash(k) & mask
            while counts[i] != 0 { i = (i + 1) & mask }
            store(i, k, count: oldCounts[j], winding: oldWinding[j])
        }
    }
}
