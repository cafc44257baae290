/// Where a piece of data comes from: enough to find it again and to credit it.
public struct SourceRef: Hashable, Sendable {
    public let name: String
    public let url: String?
    public let retrieved: String?
    public let note: String?
    /// The CRS the data were in before they were reprojected to WGS84 on import ("EPSG:32636 (WGS 84 /
    /// UTM zone 36N)"); nil for data that came in WGS84 longitude/latitude by definition (GeoJSON, KML).
    public let crs: String?

    public init(name: String, url: String? = nil, retrieved: String? = nil, note: String? = nil, crs: String? = nil) {
        self.name = name; self.url = url; self.retrieved = retrieved; self.note = note; self.crs = crs
    }
}
