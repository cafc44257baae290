import GeoCore
import MapData

/// The map's extent checked against the data and the CRS before anything is drawn: a view that
/// would show nothing useful, or that the CRS cannot draw faithfully, is refused with a line saying
/// why, instead of a blank or wildly distorted map.
extension MapOptions {
    /// Smallest side of a view, in degrees (about 100 m): below it the page scale runs to billions.
    static let minViewDegrees = 0.001
    /// How many times the data's region a view may be across.
    static let maxViewOverRegion = 10.0
    /// How far past its area of use a CRS may be drawn, in degrees: zones are drawn a little past
    /// their edges (GeoData's view reaches 0.3° past UTM 36N's), but not onto another continent.
    static let crsMarginDegrees = 1.0

    func checkView(_ dataset: Dataset, view: BBox?) throws {
        let region = dataset.manifest.region
        let v = view ?? dataset.manifest.view
        let source = view == nil ? "dataset.json's view" : "--bbox \(v)"
        if view != nil {
            if v.east - v.west < Self.minViewDegrees || v.north - v.south < Self.minViewDegrees {
                throw UsageError(
                    "\(source) is smaller than \(Self.minViewDegrees)° a side (about 100 m); nothing could be drawn at that scale")
            }
            if v.east - v.west > Self.maxViewOverRegion * (region.east - region.west)
                || v.north - v.south > Self.maxViewOverRegion * (region.north - region.south)
            {
                throw UsageError(
                    "\(source) is far larger than the data (its region is \(region)): at most \(Int(Self.maxViewOverRegion)) times its width and height"
                )
            }
            if !v.intersects(region) { throw UsageError("\(source) lies outside the data's region \(region)") }
        }
        if let crs, let area = try chosenCRS()?.areaOfUse {
            let m = Self.crsMarginDegrees
            let widened = BBoxBounds(west: area.west - m, south: area.south - m, east: area.east + m, north: area.north + m)
            if !widened.contains(v) {
                throw UsageError(
                    "--crs \(crs): its area of use (\(area)) does not contain the view (\(source): \(v)); choose a CRS made for this region"
                )
            }
        }
    }
}

/// A plain box for containment tests that may reach past ±180/±90 (an area of use, widened).
private struct BBoxBounds {
    let west: Double, south: Double, east: Double, north: Double
    func contains(_ b: BBox) -> Bool { b.west >= west && b.east <= east && b.south >= south && b.north <= north }
}
