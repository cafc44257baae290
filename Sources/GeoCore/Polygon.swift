/// A polygon in degrees: one outer ring and any number of holes.
public struct Polygon: Hashable, Sendable {
    public let outer: Ring
    public let holes: [Ring]

    public init(outer: Ring, holes: [Ring] = []) {
        self.outer = outer
        self.holes = holes
    }

    public var rings: [Ring] { [outer] + holes }
    public var bounds: BBox { outer.bounds }

    public func contains(_ p: LonLat) -> Bool {
        outer.contains(p) && !holes.contains { $0.contains(p) }
    }

    public var vertexCount: Int { rings.reduce(0) { $0 + $1.points.count } }

    /// Area in square degrees on the plane (outer ring less holes, shoelace): a size test only.
    public var planarAreaDegrees: Double {
        abs(Ring.doubleSignedArea(outer.points)) / 2 - holes.reduce(0) { $0 + abs(Ring.doubleSignedArea($1.points)) / 2 }
    }
}

/// Any number of polygons in degrees; the empty value is valid and means "nothing held".
public struct MultiPolygon: Hashable, Sendable {
    public let polygons: [Polygon]

    public init(_ polygons: [Polygon]) { self.polygons = polygons }
    public static let empty = MultiPolygon([])

    public var isEmpty: Bool { polygons.isEmpty }
    public var bounds: BBox? {
        polygons.map(\.bounds).reduce(nil) { acc, b in acc.map { $0.union(b) } ?? b }
    }
    public func contains(_ p: LonLat) -> Bool { polygons.contains { $0.contains(p) } }
    public var vertexCount: Int { polygons.reduce(0) { $0 + $1.vertexCount } }
}

/// An open line in degrees: a border or a river.
public struct LineString: Hashable, Sendable {
    public let points: [LonLat]

    public init(_ points: [LonLat]) throws(GeometryError) {
        guard points.count >= 2 else { throw .tooFewPoints(count: points.count, minimum: 2) }
        self.points = points
    }

    init(unchecked points: [LonLat]) { self.points = points }
    public var bounds: BBox { BBox(coveringValidated: points) }
}

extension LineString {
    /// Positions `range` as a line of their own: the line itself, its storage shared, when the range
    /// is all of it (a run that never breaks costs no copy); with `droppingRepeats`, without
    /// positions equal to the one before.
    func part(_ range: ClosedRange<Int>, droppingRepeats: Bool = false) -> LineString {
        let whole = range.count == points.count ? self : LineString(unchecked: Array(points[range]))
        return droppingRepeats ? (whole.withoutRepeats ?? whole) : whole
    }

    /// The line without positions equal to the one before them (itself when it has none, sharing its
    /// storage); nil when fewer than two positions are left, as GEOS drops such a line.
    var withoutRepeats: LineString? {
        let p = points
        guard let first = p.indices.dropLast().first(where: { p[$0] == p[$0 + 1] }) else { return self }
        var kept = Array(p[...first])
        kept.reserveCapacity(p.count)
        for q in p[(first + 1)...] where q != kept[kept.count - 1] { kept.append(q) }
        return kept.count >= 2 ? LineString(unchecked: kept) : nil
    }
}
