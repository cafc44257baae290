/// What is wrong with a piece of geometry. Readers add the place (file, feature, ring).
public enum GeometryError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFinite(lon: Double, lat: Double)
    case outOfRange(lon: Double, lat: Double)
    case tooFewPoints(count: Int, minimum: Int)
    case unclosedRing(first: String, last: String)
    case emptyPolygon
    case engine(String)

    public var description: String {
        switch self {
        case .notFinite(let lon, let lat): return "coordinate is not a finite number (\(lon), \(lat))"
        case .outOfRange(let lon, let lat):
            return "coordinate out of range (lon \(lon), lat \(lat)); expected lon in [-180, 180], lat in [-90, 90]"
        case .tooFewPoints(let n, let min): return "has \(n) positions, needs at least \(min)"
        case .unclosedRing(let f, let l): return "ring is not closed: first position \(f), last \(l)"
        case .emptyPolygon: return "polygon has no rings"
        case .engine(let message): return "geometry engine: \(message)"
        }
    }
}
