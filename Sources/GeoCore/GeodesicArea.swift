internal import CGeodesic

/// Geodesic measures on the WGS84 ellipsoid (Karney's algorithms, through GeographicLib).
public enum Geodesic {
    /// Area enclosed by a ring in km², whatever its orientation.
    public static func areaKm2(_ ring: Ring) -> Double {
        // The closing position repeats the first; the polygon closes itself.
        abs(signedAreaKm2(ring.points, count: ring.points.count - 1))
    }

    /// Signed area in km² of the ring through `points` (closed implicitly): positive when it runs
    /// counter-clockwise as seen from above.
    public static func signedAreaKm2(_ points: [LonLat]) -> Double { signedAreaKm2(points, count: points.count) }

    /// The same for the first `count` of `points`, read where they lie (no copy of a long ring).
    static func signedAreaKm2(_ points: [LonLat], count: Int) -> Double {
        if count >= RingPieceAreas.from, count < parallelFrom {
            return RingPieceAreas.signedAreaM2(points, count: count, kept: nil) / 1e6
        }
        return signedAreaKm2(points, count: count, chunks: count >= parallelFrom ? 8 : 1)
    }

    /// Rings of at least this many positions are measured in 8 pieces on every core (a geodesic per
    /// edge is about half a microsecond: 5 s for 10 million). Those from `RingPieceAreas.from` up are
    /// measured in content-defined pieces (a national front, so that the next snapshot's can reuse
    /// them); smaller ones, every Kursk ring among them, in one pass, so their areas stay exactly
    /// what they were.
    static let parallelFrom = 1_000_000

    /// `chunks` pieces (see `frontline_geodesic_polygon`); a fixed number, so the sum is the same on
    /// any machine.
    static func signedAreaKm2(_ points: [LonLat], count: Int, chunks: Int) -> Double {
        guard count >= 3, count <= points.count else { return 0 }
        return LonLat.withPairs(points) { pairs in frontline_geodesic_polygon(pairs, count, chunks) } / 1e6
    }

    /// Signed area in m² of the ring through `count` of `points` from `from` on, closed back to its
    /// first (see `RingPieceAreas`).
    static func signedAreaM2(_ points: [LonLat], from: Int, count: Int) -> Double {
        guard count >= 3, from >= 0, from + count <= points.count else { return 0 }
        return LonLat.withPairs(points) { pairs in frontline_geodesic_polygon(pairs + 2 * from, count, 1) }
    }

    /// Signed area in m² of a ring from its pieces' areas `parts` (in ring order, each closed back to
    /// its first position) and the indices `ends` of the positions where they meet (see
    /// `frontline_geodesic_pieces`, which the chunked measure shares).
    static func piecesSum(_ points: [LonLat], ends: [Int], parts: [Double]) -> Double {
        LonLat.withPairs(points) { pairs in
            ends.withUnsafeBufferPointer { e in
                parts.withUnsafeBufferPointer { p in
                    frontline_geodesic_pieces(pairs, e.baseAddress, e.count, p.baseAddress, p.count)
                }
            }
        }
    }

    /// Area of a polygon in km²: outer ring less its holes.
    public static func areaKm2(_ polygon: Polygon) -> Double {
        polygon.holes.reduce(areaKm2(polygon.outer)) { $0 - areaKm2($1) }
    }

    /// Area of a multipolygon in km² (its parts must not overlap; GEOS results don't).
    public static func areaKm2(_ multi: MultiPolygon) -> Double {
        multi.polygons.reduce(0) { $0 + areaKm2($1) }
    }

    /// Distance between two positions along the ellipsoid in km.
    public static func distanceKm(_ a: LonLat, _ b: LonLat) -> Double {
        var s12 = 0.0, azi1 = 0.0, azi2 = 0.0
        frontline_geodesic_inverse(a.lat, a.lon, b.lat, b.lon, &s12, &azi1, &azi2)
        return s12 / 1000
    }

    /// The position reached from `start` after `km` along the initial bearing `azimuth` (degrees from north).
    public static func destination(from start: LonLat, azimuth: Double, km: Double) -> LonLat {
        var lat2 = 0.0, lon2 = 0.0, azi2 = 0.0
        frontline_geodesic_direct(start.lat, start.lon, azimuth, km * 1000, &lat2, &lon2, &azi2)
        return LonLat(uncheckedLon: lon2, lat: lat2)
    }

    /// Distance in km and initial bearing (degrees from north) from `a` to `b` along the ellipsoid.
    public static func inverse(_ a: LonLat, _ b: LonLat) -> (km: Double, azimuth: Double) {
        var s12 = 0.0, azi1 = 0.0, azi2 = 0.0
        frontline_geodesic_inverse(a.lat, a.lon, b.lat, b.lon, &s12, &azi1, &azi2)
        return (s12 / 1000, azi1)
    }
}

extension MultiPolygon {
    /// Geodesic area in km² on WGS84.
    public var areaKm2: Double { Geodesic.areaKm2(self) }
}

extension Polygon {
    /// Geodesic area in km² on WGS84.
    public var areaKm2: Double { Geodesic.areaKm2(self) }
}
