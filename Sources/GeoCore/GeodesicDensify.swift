/// Points added along the geodesics of long edges, so that planar geometry (GEOS works in lon/lat
/// as if flat) cuts a polygon where its geodesic edges really run.
///
/// Areas are geodesic: an edge is the geodesic between its ends. Cutting an edge at a point of the
/// straight lon/lat line moves that part of it off the geodesic (about 56 m at the middle of a
/// 60 km east–west edge at 38°N), and the pieces no longer add up to the whole. Points that lie on
/// the geodesic itself change nothing (the geodesic between two of them is the same curve), and
/// with them no remaining edge is long enough for a cut to matter: under a centimetre off for 1 km.
extension Geodesic {
    /// `m` with every edge longer than `maxKm` split into equal geodesic parts; same geodesic area.
    public static func densified(_ m: MultiPolygon, maxKm: Double) -> MultiPolygon {
        func ring(_ r: Ring) -> Ring {
            var pts: [LonLat] = []
            for (a, b) in zip(r.points, r.points.dropFirst()) {
                pts.append(a)
                let (km, azimuth) = inverse(a, b)
                let parts = Int((km / maxKm).rounded(.up))
                if parts > 1 {
                    for k in 1..<parts { pts.append(destination(from: a, azimuth: azimuth, km: km * Double(k) / Double(parts))) }
                }
            }
            if let last = r.points.last { pts.append(last) }
            return Ring(unchecked: pts)
        }
        return MultiPolygon(m.polygons.map { Polygon(outer: ring($0.outer), holes: $0.holes.map(ring)) })
    }
}
