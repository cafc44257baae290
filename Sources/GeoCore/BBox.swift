/// A longitude/latitude box in degrees (no antimeridian crossing).
public struct BBox: Hashable, Sendable, CustomStringConvertible {
    public let west: Double, south: Double, east: Double, north: Double

    public init(west: Double, south: Double, east: Double, north: Double) throws(GeometryError) {
        _ = try LonLat(lon: west, lat: south)
        _ = try LonLat(lon: east, lat: north)
        guard west < east, south < north else { throw .engine("box is empty: west must be < east and south < north") }
        self.west = west; self.south = south; self.east = east; self.north = north
    }

    /// The smallest box around the positions; nil for none.
    public init?(covering points: [LonLat]) {
        guard let first = points.first else { return nil }
        var w = first.lon, e = first.lon, s = first.lat, n = first.lat
        for p in points {
            w = min(w, p.lon); e = max(e, p.lon); s = min(s, p.lat); n = max(n, p.lat)
        }
        west = w; south = s; east = e; north = n
    }

    /// For rings and lines, which are never empty once validated.
    init(coveringValidated points: [LonLat]) {
        self = BBox(covering: points) ?? BBox(uncheckedWest: 0, south: 0, east: 0, north: 0)
    }

    /// Parses "W,S,E,N" in degrees.
    public init(parsing text: String) throws(GeometryError) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Double(String($0).trimmingCharacters(in: " ")) }
        guard parts.count == 4, let w = parts[0], let s = parts[1], let e = parts[2], let n = parts[3] else {
            throw .engine("box '\(text)' must be four numbers W,S,E,N in degrees")
        }
        try self.init(west: w, south: s, east: e, north: n)
    }

    public func union(_ o: BBox) -> BBox {
        BBox(uncheckedWest: min(west, o.west), south: min(south, o.south), east: max(east, o.east), north: max(north, o.north))
    }
    init(uncheckedWest w: Double, south s: Double, east e: Double, north n: Double) {
        west = w; south = s; east = e; north = n
    }

    /// The box grown by `d` degrees on every side.
    public func grown(by d: Double) -> BBox { BBox(uncheckedWest: west - d, south: south - d, east: east + d, north: north + d) }
    public func contains(_ p: LonLat) -> Bool { p.lon >= west && p.lon <= east && p.lat >= south && p.lat <= north }
    public func contains(_ o: BBox) -> Bool { o.west >= west && o.east <= east && o.south >= south && o.north <= north }
    public func intersects(_ o: BBox) -> Bool { !(o.west > east || o.east < west || o.south > north || o.north < south) }
    public var center: LonLat { LonLat(uncheckedLon: (west + east) / 2, lat: (south + north) / 2) }

    /// The box as a polygon, densified so that it stays a good outline after projection.
    public var polygon: Polygon {
        var pts: [LonLat] = []
        let n = 16
        for i in 0..<n { pts.append(LonLat(uncheckedLon: west + (east - west) * Double(i) / Double(n), lat: south)) }
        for i in 0..<n { pts.append(LonLat(uncheckedLon: east, lat: south + (north - south) * Double(i) / Double(n))) }
        for i in 0..<n { pts.append(LonLat(uncheckedLon: east - (east - west) * Double(i) / Double(n), lat: north)) }
        for i in 0..<n { pts.append(LonLat(uncheckedLon: west, lat: north - (north - south) * Double(i) / Double(n))) }
        pts.append(pts[0])
        return Polygon(outer: Ring(unchecked: pts))
    }

    public var description: String { "\(west),\(south),\(east),\(north)" }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
