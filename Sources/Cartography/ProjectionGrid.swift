import GeoCore

/// Page positions by bilinear interpolation between exactly projected nodes: GDAL's approximate
/// transformer (gdalwarp's `-et`), with the error measured rather than assumed.
///
/// A conic's forward needs a power, a tangent, a sine and a cosine a point (~90 ns); a front of tens
/// of thousands of positions spends more on that each frame than on drawing. Over a box of a few
/// hundred km the projection is smooth, so interpolating in cells of ~10 px is far inside any
/// tolerance that can be seen. When the grid is built, every cell is checked at its centre and the
/// middles of its edges (where a bilinear patch strays furthest) against the exact projection; the
/// grid doubles until the largest stray is under `maxError` px, or is not used at all.
public struct ProjectionGrid: Sendable {
    let west: Double, south: Double, dLon: Double, dLat: Double
    let columns: Int, rows: Int
    /// Page x and y of node (i, j) at j·(columns + 1) + i.
    let xs: [Double], ys: [Double]
    /// The largest distance from the exact position found at the check points, in px.
    public private(set) var checkedError: Double

    /// nil when even a 1024 × 1024 grid strays more than `maxError` px somewhere in `box`.
    public init?(_ exact: PageProjection, over box: BBox, maxError: Double = 0.01) {
        var n = 16
        while n <= 1024 {
            if let g = Self(exact, box, columns: n, rows: n), g.checkedError <= maxError {
                self = g
                return
            }
            n *= 2
        }
        return nil
    }

    private init?(_ exact: PageProjection, _ box: BBox, columns: Int, rows: Int) {
        west = box.west; south = box.south
        dLon = (box.east - box.west) / Double(columns); dLat = (box.north - box.south) / Double(rows)
        self.columns = columns; self.rows = rows
        var xs = [Double](), ys = [Double]()
        xs.reserveCapacity((columns + 1) * (rows + 1)); ys.reserveCapacity((columns + 1) * (rows + 1))
        for j in 0...rows {
            for i in 0...columns {
                let p = exact.project(LonLat(wrappingLon: west + Double(i) * dLon, clampingLat: south + Double(j) * dLat))
                xs.append(p.x); ys.append(p.y)
            }
        }
        self.xs = xs; self.ys = ys
        checkedError = .infinity
        var worst = 0.0
        for j in 0..<rows {
            for i in 0..<columns {
                for (u, v) in [(0.5, 0.5), (0.5, 0.0), (0.0, 0.5)] {
                    let p = LonLat(wrappingLon: west + (Double(i) + u) * dLon, clampingLat: south + (Double(j) + v) * dLat)
                    let a = exact.project(p), b = interpolate(p)
                    worst = max(worst, ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot())
                }
            }
        }
        checkedError = worst
        guard worst.isFinite else { return nil }
    }

    /// The page position of `p`, or nil outside the grid's box.
    @inline(__always)
    public func project(_ p: LonLat) -> Point? {
        let gx = (p.lon - west) / dLon, gy = (p.lat - south) / dLat
        guard gx >= 0, gy >= 0, gx <= Double(columns), gy <= Double(rows) else { return nil }
        return interpolate(gx: gx, gy: gy)
    }

    private func interpolate(_ p: LonLat) -> Point { interpolate(gx: (p.lon - west) / dLon, gy: (p.lat - south) / dLat) }

    @inline(__always)
    private func interpolate(gx: Double, gy: Double) -> Point {
        let i = min(Int(gx), columns - 1), j = min(Int(gy), rows - 1)
        let u = gx - Double(i), v = gy - Double(j)
        let k = j * (columns + 1) + i, up = k + columns + 1
        let x = (xs[k] * (1 - u) + xs[k + 1] * u) * (1 - v) + (xs[up] * (1 - u) + xs[up + 1] * u) * v
        let y = (ys[k] * (1 - u) + ys[k + 1] * u) * (1 - v) + (ys[up] * (1 - u) + ys[up + 1] * u) * v
        return Point(x, y)
    }
}
