import GeoCore

/// A GeoJSON "coordinates" value read straight into positions: 16 bytes a position, where the
/// generic tree (an array of two number values per position) takes about 110. The parser makes one
/// only for a regular value: every position exactly two numbers forming a valid `LonLat`, every
/// array non-empty, every position at the same depth; anything else stays a generic tree, so the
/// reader's errors come from the one path that has always made them.
///
/// `leaves` are the deepest arrays (a LineString's positions, a Polygon's rings), each its own
/// array so that a `Ring` or `LineString` takes it without a copy. `counts[l]` holds, for each array
/// at level `l` (the outermost is level 0) that holds arrays rather than positions, how many it
/// holds, in file order: a Polygon has `counts == [[rings]]`, a MultiPolygon
/// `[[polygons], [rings of polygon 0, rings of polygon 1, …]]`.
public struct PositionArrays: Sendable, Equatable {
    public internal(set) var leaves: [[LonLat]] = []
    public internal(set) var counts: [[Int]]

    /// Array levels above the positions: 1 for a LineString's coordinates, 2 for a Polygon's, 3 for
    /// a MultiPolygon's.
    public var depth: Int { counts.count + 1 }

    /// The number of positions, as `Limits.checkVertices` counts them.
    public var positionCount: Int { leaves.reduce(0) { $0 + $1.count } }

    init(depth: Int) { counts = Array(repeating: [], count: depth - 1) }

    /// The same value as the generic tree the parser would otherwise have made: for error paths and
    /// writing, never for reading geometry.
    public var expanded: JSONValue {
        var next = 0
        var cursors = Array(repeating: 0, count: counts.count)
        func level(_ l: Int) -> JSONValue {
            if l == counts.count {
                defer { next += 1 }
                return .array(leaves[next].map { .array([.number($0.lon), .number($0.lat)]) })
            }
            let n = counts[l][cursors[l]]
            cursors[l] += 1
            return .array((0..<n).map { _ in level(l + 1) })
        }
        return level(0)
    }
}
