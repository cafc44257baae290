/// A position on the WGS84 ellipsoid in degrees: longitude east, latitude north.
public struct LonLat: Hashable, Sendable, CustomStringConvertible {
    public let lon: Double
    public let lat: Double

    /// Builds a validated position: finite, longitude in [-180, 180], latitude in [-90, 90].
    public init(lon: Double, lat: Double) throws(GeometryError) {
        guard lon.isFinite, lat.isFinite else { throw .notFinite(lon: lon, lat: lat) }
        guard (-180...180).contains(lon), (-90...90).contains(lat) else {
            throw .outOfRange(lon: lon, lat: lat)
        }
        self.lon = lon
        self.lat = lat
    }

    /// For values already known to be valid (results of GEOS or of our own arithmetic on valid input).
    init(uncheckedLon lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }

    /// Any pair of numbers made valid: longitude wrapped into [-180, 180], latitude clamped to
    /// [-90, 90], and a non-finite value read as 0. For positions computed from page points.
    public init(wrappingLon lon: Double, clampingLat lat: Double) {
        var x = lon.isFinite ? lon.truncatingRemainder(dividingBy: 360) : 0
        if x > 180 { x -= 360 } else if x < -180 { x += 360 }
        self.lon = x
        self.lat = lat.isFinite ? min(max(lat, -90), 90) : 0
    }

    public var description: String { "\(lon),\(lat)" }
}
