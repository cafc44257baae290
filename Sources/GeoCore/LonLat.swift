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

    public var description: String { "\(lon),\(lat)" }
}
