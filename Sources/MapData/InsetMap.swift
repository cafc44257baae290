/// The wider region an inset locator map shows: shorelines and national borders, as lines. From
/// `basemap/inset-coast.geojson` and `basemap/inset-borders.geojson` (GSHHG crude resolution; see
/// GeoData/basemap/README.md for how they are made and why they are not polygons).
public struct InsetMap: Sendable {
    public let coast: LineLayer
    public let borders: LineLayer

    public init(coast: LineLayer, borders: LineLayer) {
        self.coast = coast
        self.borders = borders
    }

}
