import GeoCore

/// A raw map projection: degrees in, unitless plane coordinates out (y up). Pure functions.
public protocol RawProjection: Sendable {
    func forward(lon: Double, lat: Double) -> (x: Double, y: Double)
    /// The inverse of `forward`, for measuring shapes drawn on the page (morphs) on the ellipsoid.
    func inverse(x: Double, y: Double) -> (lon: Double, lat: Double)
    /// `forward` of every point, then `x·scale + tx, ty − y·scale`: one call a ring, so the loop
    /// runs without dynamic dispatch per point.
    func forward(_ points: [LonLat], scale: Double, translate: Point) -> [Point]
}

extension RawProjection {
    public func forward(_ points: [LonLat], scale: Double, translate: Point) -> [Point] {
        points.map { p in
            let q = forward(lon: p.lon, lat: p.lat)
            return Point(translate.x + scale * q.x, translate.y - scale * q.y)
        }
    }
}

/// Lambert conformal conic on the sphere, secant at two standard parallels: shapes and angles are kept,
/// which suits a region a few hundred km across. (Areas are never measured here: see `Geodesic`.)
public struct LambertConformalConic: RawProjection {
    public let centralMeridian: Double
    private let n: Double, f: Double

    public init(centralMeridian: Double, standardParallels p1: Double, _ p2: Double) {
        self.centralMeridian = centralMeridian
        let φ1 = p1 * .pi / 180, φ2 = p2 * .pi / 180
        func t(_ φ: Double) -> Double { tan(.pi / 4 + φ / 2) }
        n = abs(φ1 - φ2) < 1e-9 ? sin(φ1) : log(cos(φ1) / cos(φ2)) / log(t(φ2) / t(φ1))
        f = cos(φ1) * pow(t(φ1), n) / n
    }

    /// Standard parallels at one sixth and five sixths of the box's latitude span (a common rule).
    public init(fitting box: BBox) {
        let span = box.north - box.south
        self.init(
            centralMeridian: (box.west + box.east) / 2,
            standardParallels: box.south + span / 6, box.north - span / 6)
    }

    public func forward(lon: Double, lat: Double) -> (x: Double, y: Double) {
        let λ = (lon - centralMeridian) * .pi / 180
        let φ = max(min(lat, 89.9), -89.9) * .pi / 180
        let ρ = f / pow(tan(.pi / 4 + φ / 2), n)
        return (ρ * sin(n * λ), f - ρ * cos(n * λ))
    }

    public func forward(_ points: [LonLat], scale: Double, translate: Point) -> [Point] {
        let (n, f, c) = (self.n, self.f, self.centralMeridian)
        return [Point](unsafeUninitializedCapacity: points.count) { out, count in
            for (i, p) in points.enumerated() {
                let λ = (p.lon - c) * .pi / 180
                let φ = max(min(p.lat, 89.9), -89.9) * .pi / 180
                let ρ = f / pow(tan(.pi / 4 + φ / 2), n)
                out[i] = Point(translate.x + scale * (ρ * sin(n * λ)), translate.y - scale * (f - ρ * cos(n * λ)))
            }
            count = points.count
        }
    }

    public func inverse(x: Double, y: Double) -> (lon: Double, lat: Double) {
        let dy = f - y
        let ρ = (n < 0 ? -1.0 : 1.0) * (x * x + dy * dy).squareRoot()
        let θ = n < 0 ? atan2(-x, -dy) : atan2(x, dy)
        let φ = ρ == 0 ? (n < 0 ? -.pi / 2 : .pi / 2) : 2 * atan(pow(f / ρ, 1 / n)) - .pi / 2
        return (centralMeridian + θ / n * 180 / .pi, φ * 180 / .pi)
    }
}

/// A raw projection placed on the page: scaled and translated so that a box fills a rectangle.
public struct PageProjection: Sendable {
    public let raw: any RawProjection
    public let scale: Double
    public let translate: Point
    /// Interpolates batches of positions inside its box (see `ProjectionGrid`); exact without one.
    public private(set) var grid: ProjectionGrid?

    public init(raw: any RawProjection, scale: Double, translate: Point) {
        self.raw = raw; self.scale = scale; self.translate = translate
    }

    /// Fits `box` (its densified outline) inside `rect`, centred, keeping the aspect ratio.
    public init(raw: any RawProjection, fitting box: BBox, into rect: Rect) {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for p in box.polygon.outer.points {
            let q = raw.forward(lon: p.lon, lat: p.lat)
            minX = min(minX, q.x); maxX = max(maxX, q.x); minY = min(minY, q.y); maxY = max(maxY, q.y)
        }
        let k = min(rect.width / (maxX - minX), rect.height / (maxY - minY))
        let c = rect.center
        self.init(raw: raw, scale: k, translate: Point(c.x - k * (minX + maxX) / 2, c.y + k * (minY + maxY) / 2))
    }

    @inline(__always)
    public func project(_ p: LonLat) -> Point {
        let q = raw.forward(lon: p.lon, lat: p.lat)
        return Point(translate.x + scale * q.x, translate.y - scale * q.y)
    }

    /// Every point of `points` on the page: through the grid where it has one (within its checked
    /// error), else exactly.
    public func project(_ points: [LonLat]) -> [Point] {
        guard let grid else { return raw.forward(points, scale: scale, translate: translate) }
        return points.map { grid.project($0) ?? project($0) }
    }

    /// This projection with a grid over `box` for batches of positions, when one meets `maxError` px.
    public func withGrid(over box: BBox, maxError: Double = 0.01) -> PageProjection {
        var p = self
        p.grid = ProjectionGrid(self, over: box, maxError: maxError)
        return p
    }

    /// The position drawn at page point `p` (longitude wrapped, latitude clamped to the valid range).
    public func unproject(_ p: Point) -> LonLat {
        let q = raw.inverse(x: (p.x - translate.x) / scale, y: (translate.y - p.y) / scale)
        return LonLat(wrappingLon: q.lon, clampingLat: q.lat)
    }

    /// Page pixels per km at `p`, measured along the parallel (conformal, so the same in every direction).
    public func pixelsPerKm(at p: LonLat) -> Double {
        let q = Geodesic.destination(from: p, azimuth: 90, km: 10)
        let a = project(p), b = project(q)
        return ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot() / 10
    }

    /// Direction of north at `p` on the page, as an angle in radians from "straight up", clockwise.
    public func northAngle(at p: LonLat) -> Double {
        let a = project(p), b = project(LonLat(uncheckedNear: p, dLat: 0.05))
        return atan2(b.x - a.x, -(b.y - a.y))
    }
}

extension LonLat {
    init(uncheckedNear p: LonLat, dLat: Double) {
        // Stays valid: callers use small offsets away from the poles.
        self = (try? LonLat(lon: p.lon, lat: min(p.lat + dLat, 90))) ?? p
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Any CRS PROJ knows, as a raw projection (`--crs EPSG:NNNN`). Areas are still measured on the
/// ellipsoid from the source data, whatever the map is drawn in.
extension CRSProjection: RawProjection {}
