/// A closed linear ring in degrees: at least four positions, first equal to last.
public struct Ring: Hashable, Sendable {
    public let points: [LonLat]

    public init(_ points: [LonLat]) throws(GeometryError) {
        guard points.count >= 4 else { throw .tooFewPoints(count: points.count, minimum: 4) }
        guard let first = points.first, let last = points.last, first == last else {
            throw .unclosedRing(first: points.first?.description ?? "-", last: points.last?.description ?? "-")
        }
        self.points = points
    }

    /// Closes an open ring (as some KML writers leave them) before validating.
    public init(closing points: [LonLat]) throws(GeometryError) {
        var closed = points
        if let first = points.first, points.last != first { closed.append(first) }
        try self.init(closed)
    }

    init(unchecked points: [LonLat]) { self.points = points }

    public var bounds: BBox { BBox(coveringValidated: points) }

    /// Twice the signed area on the plane of the closed ring through `p` (first position repeated
    /// last): positive when it runs counter-clockwise.
    static func doubleSignedArea(_ p: [LonLat]) -> Double {
        zip(p, p.dropFirst()).reduce(0) { $0 + ($1.0.lon * $1.1.lat - $1.1.lon * $1.0.lat) }
    }

    /// Even-odd crossing test; points exactly on the boundary may fall either way.
    public func contains(_ p: LonLat) -> Bool {
        var inside = false
        var j = points.count - 1
        for i in 0..<points.count {
            let a = points[i], b = points[j]
            if (a.lat > p.lat) != (b.lat > p.lat) {
                let x = (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon
                if p.lon < x { inside.toggle() }
            }
            j = i
        }
        return inside
    }
}
