/// The wider region an inset locator map shows: land and sea faces ("Land", "Black Sea"), the
/// shorelines and the national borders. From `basemap/inset.geojson`, `inset-coast.geojson` and
/// `inset-borders.geojson` (GSHHG crude resolution; see GeoData/basemap/README.md for how they are made).
public struct InsetMap: Sendable {
    public let faces: TerritoryLayer
    public let coast: LineLayer
    public let borders: LineLayer

    public init(faces: TerritoryLayer, coast: LineLayer, borders: LineLayer) {
        self.faces = faces
        self.coast = coast
        self.borders = borders
    }

    /// Water faces are named as seas are: "Black Sea", "Sea of Azov".
    public static func isWater(_ name: String) -> Bool { name.hasSuffix(" Sea") || name.hasPrefix("Sea of ") }

    /// The name of land faces that are no country (an inset made from shorelines alone): not labelled.
    public static let landName = "Land"

}
