import Synchronization

/// The areas of a big ring's pieces, kept so that a ring sharing most of its positions with one
/// measured before (the next snapshot of a front that moved in a few sectors) measures only its new
/// pieces: a 28,000-vertex national front is ~25 ms of geodesics from scratch, a few ms this way.
///
/// Pieces are content-defined: a piece ends at a position whose bits hash to a multiple of
/// `pieceLength` (or after `longestPiece` positions), so a change in one sector moves the ends of the
/// pieces there only, wherever the ring starts. A piece is measured as the ring through its positions,
/// closed back to its first; the ring's area is the sum of its pieces' and of the ring through the
/// pieces' ends (each closing edge is that ring's edge the other way round), summed in ring order, so
/// it does not depend on what was kept: a kept area is the same double a new measure gives.
///
/// Thread-safe: workers of one sequence share one (`DatasetCache`).
public final class RingPieceAreas: Sendable {
    /// A piece's own positions (a copy: a slice would keep the whole ring's array alive).
    private struct Piece: Hashable, Sendable {
        let positions: [LonLat]
    }
    private let areas = Mutex<[Piece: Double]>([:])
    /// Pieces kept at most (then all are forgotten): a national snapshot is ~450 pieces of ~1 KB.
    let limit: Int
    /// The mean piece, in positions, and the longest.
    static let pieceLength: UInt64 = 64
    static let longestPiece = 1_024
    /// Rings with fewer positions are measured whole, as they always were. (Kursk's biggest, up to
    /// 5,169 positions, go in pieces and print the same figures.)
    static let from = 4_096

    public init(limit: Int = 20_000) { self.limit = limit }

    /// Pieces kept now (tests: a ring that shares most of another's positions adds few).
    var count: Int { areas.withLock { $0.count } }

    /// Area in km² of the ring (closing position repeated last), whatever its orientation.
    public func areaKm2(_ ring: Ring) -> Double {
        abs(Self.signedAreaM2(ring.points, count: ring.points.count - 1, kept: self)) / 1e6
    }

    /// Signed area in m² of the ring through the first `count` of `points` (closed implicitly), in
    /// pieces, those of `kept` reused and the new ones added to it. `Geodesic` measures every ring of
    /// `from` positions or more this way (with nothing kept), so the result is the same either way.
    static func signedAreaM2(_ points: [LonLat], count: Int, kept: RingPieceAreas?) -> Double {
        guard count >= 3, count <= points.count else { return 0 }
        // The pieces' ends, in ring order; position `count` (the first again) ends the last piece.
        var ends = [0]
        for i in 1..<count where endsPiece(points[i]) || i - ends[ends.count - 1] >= longestPiece { ends.append(i) }
        ends.append(count)
        let closed = count < points.count ? points : points + [points[0]]
        let range = 0..<(ends.count - 1)
        // Keys only when pieces are kept; made outside the lock, once.
        let pieces = kept == nil ? [] : range.map { Piece(positions: Array(closed[ends[$0]...ends[$0 + 1]])) }
        var found = [Double?](repeating: nil, count: range.count)
        if let kept {
            kept.areas.withLock { areas in
                for k in range { found[k] = areas[pieces[k]] }
            }
        }
        var made: [(Piece, Double)] = []
        for k in range where found[k] == nil {
            let a = Geodesic.signedAreaM2(closed, from: ends[k], count: ends[k + 1] - ends[k] + 1)
            found[k] = a
            if kept != nil { made.append((pieces[k], a)) }
        }
        if let kept, !made.isEmpty {
            kept.areas.withLock { areas in
                if areas.count + made.count > kept.limit { areas.removeAll(keepingCapacity: true) }
                for (p, a) in made { areas[p] = a }
            }
        }
        // Pieces in ring order, then the ring through their ends: a fixed order, the same bytes.
        return Geodesic.piecesSum(closed, ends: Array(ends.dropLast()), parts: found.map { $0 ?? 0 })
    }

    /// Area in km² of a polygon: outer ring less its holes.
    public func areaKm2(_ polygon: Polygon) -> Double { polygon.holes.reduce(areaKm2(polygon.outer)) { $0 - areaKm2($1) } }

    /// Area in km² of a multipolygon whose parts do not overlap.
    public func areaKm2(_ multi: MultiPolygon) -> Double { multi.polygons.reduce(0) { $0 + areaKm2($1) } }

    /// Whether a piece ends at `p`: its bit patterns mixed (no seed, so the same in every process).
    private static func endsPiece(_ p: LonLat) -> Bool {
        var h = (p.lon + 0).bitPattern &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ (h >> 29) ^ (p.lat + 0).bitPattern) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return h % pieceLength == 0
    }
}
