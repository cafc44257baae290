import Cartography

/// Antialiased strokes of thin solid lines on image surfaces, rasterized here instead of by Cairo.
///
/// Why: Cairo 1.16 strokes by building the outline polygon of the line and scan-converting it at 15
/// sub-rows per pixel row. For the 1.2 px outline of a 1,800-vertex front across a 1080p page that
/// took 3.3 ms, more than the fill beneath it, and static strokes (rivers, borders) were a large part
/// of a one-date render. AGG, behind Mapnik, keeps a separate renderer for thin antialiased lines for
/// the same reason.
///
/// How: a segment covers a pixel by the exact area of the unit pixel square inside the infinite band
/// of the line's width along the segment (closed form: the square's projection on the band's normal is
/// a trapezoid, whose cumulative distribution is piecewise quadratic). Beyond a segment's ends, round
/// caps and joins take the coverage from the distance to the end point; butt caps scale it by how far
/// the pixel lies past the end. A pixel touched by several segments keeps the largest coverage, which
/// is the union's where segments meet at joins (joins are round: Cairo bevels thin strokes, which
/// differs only at sharp turns, by under half the width; where a line crosses itself Cairo covers the
/// union and this the larger part, a little lighter on the crossing pixel). Coverage goes into a page-sized 8-bit buffer; the
/// stroke's colour is then composited OVER the pixels of the 16 px tiles the line touched, inside the
/// current clip, with pixman's own arithmetic (what `cairo_mask` would do, without its per-call cost
/// for a clip of hundreds of tiles).
///
/// Used only on a `RasterTarget` (never PDF or SVG, which keep vector strokes), for solid strokes of a
/// device width of at most `maxDeviceWidth`. Everything else goes to `cairo_stroke`. Against Cairo's stroke the coverage differs
/// little (ThinStrokeTests measures it).
package final class ThinStroke {
    static let maxDeviceWidth = 4.0

    private var coverage: CoverageBuffer?

    package init() {}

    deinit { coverage?.free() }

    /// Strokes `path` with `stroke` on `canvas` and returns true, or returns false (drawing nothing)
    /// when this canvas or stroke is not one it handles.
    package func draw(_ path: PagePath, _ stroke: Stroke, on canvas: CairoCanvas) -> Bool {
        guard stroke.dash.isEmpty, let target = RasterTarget(canvas) else { return false }
        let deviceWidth = stroke.width * target.scale
        guard deviceWidth > 0, deviceWidth <= Self.maxDeviceWidth else { return false }
        if coverage?.width != target.width || coverage?.height != target.height {
            coverage?.free()
            coverage = CoverageBuffer(width: target.width, height: target.height)
        }
        guard var buffer = coverage else { return false }

        let buttEnds = !path.closed && stroke.cap == .butt
        for subpath in path.subpaths where subpath.count >= 2 {
            let points = subpath.map(target.device)
            let segments = path.closed ? points.count : points.count - 1
            for i in 0..<segments {
                buffer.add(
                    points[i], points[(i + 1) % points.count], halfWidth: deviceWidth / 2,
                    buttStart: buttEnds && i == 0, buttEnd: buttEnds && i == segments - 1, coverStart: !path.closed && i == 0)
            }
        }
        buffer.composite(PremultipliedPixel(stroke.color), onto: target)
        buffer.clear()
        coverage = buffer
        target.markDirty()
        return true
    }
}

/// Sparse 8-bit coverage of a page: 16 × 16 px tiles, taken from a pool in the order a stroke first
/// touches them, so a line's coverage lives in a few dozen kilobytes that stay in cache from stroke to
/// stroke (a page-sized buffer cost a cache miss per pixel). Pointers, not arrays or class properties:
/// the inner loops run per pixel and must not pay for uniqueness or exclusivity checks.
struct CoverageBuffer {
    static let tile = 16
    static let tileBytes = tile * tile
    let width: Int, height: Int
    let tilesX: Int, tilesY: Int
    /// For each tile of the page, its slot in `pool`, or -1.
    let slots: UnsafeMutablePointer<Int32>
    /// Tile coverage, row-major within a tile; slot k holds the k-th tile touched (`touchedList[k]`).
    let pool: UnsafeMutablePointer<UInt8>
    let touchedList: UnsafeMutablePointer<Int32>
    var touchedCount = 0

    init(width: Int, height: Int) {
        self.width = width; self.height = height
        tilesX = (width + Self.tile - 1) / Self.tile
        tilesY = (height + Self.tile - 1) / Self.tile
        let tiles = max(1, tilesX * tilesY)
        slots = .allocate(capacity: tiles)
        slots.initialize(repeating: -1, count: tiles)
        pool = .allocate(capacity: tiles * Self.tileBytes)
        touchedList = .allocate(capacity: tiles)
    }

    func free() {
        slots.deallocate()
        pool.deallocate()
        touchedList.deallocate()
    }

    /// The coverage byte of pixel (x, y), taking a zeroed tile from the pool on first touch.
    @inline(__always) private mutating func pixel(_ x: Int, _ y: Int) -> UnsafeMutablePointer<UInt8> {
        let index = (y >> 4) * tilesX + (x >> 4)
        var slot = Int(slots[index])
        if slot < 0 {
            slot = touchedCount
            slots[index] = Int32(slot)
            touchedList[slot] = Int32(index)
            touchedCount += 1
            (pool + slot * Self.tileBytes).update(repeating: 0, count: Self.tileBytes)
        }
        return pool + slot * Self.tileBytes + (y & 15) * Self.tile + (x & 15)
    }

    /// Adds the segment a→b (device pixels), keeping the larger coverage per pixel. Walks the segment
    /// along its major axis (x, or y when steeper), a few pixels across it per step. The disc around b
    /// (the join with the next segment, or the end cap) is covered here; the one around a only when
    /// `coverStart` (the start of an open path), since otherwise the previous segment covered it.
    mutating func add(_ a: Point, _ b: Point, halfWidth h: Double, buttStart: Bool, buttEnd: Bool, coverStart: Bool) {
        let dx = b.x - a.x, dy = b.y - a.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0, length.isFinite else { return }
        let cover = SegmentCoverage(dx: dx, dy: dy, length: length, halfWidth: h, buttStart: buttStart, buttEnd: buttEnd)
        let steep = abs(dy) > abs(dx)
        // Along the major axis: the ends (a0, a1), and the minor coordinate at a (b0) and its slope.
        let (a0, a1, b0) = steep ? (a.y, b.y, a.x) : (a.x, b.x, a.y)
        let slope = steep ? dx / dy : dy / dx
        let (majorLimit, minorLimit) = steep ? (height, width) : (width, height)
        // A pixel with any coverage has its centre within h + √½ of the line, or h + ½ of an end.
        let reach = h + 0.75
        let across = reach * length / (steep ? abs(dy) : abs(dx))
        let startReach = coverStart ? reach : 0
        let (from, to) = a1 >= a0 ? (a0 - startReach, a1 + reach) : (a1 - reach, a0 + startReach)
        let lo = max(0, Self.floor(max(-1, from))), hi = min(majorLimit - 1, Self.floor(min(Double(majorLimit), to)))
        guard lo <= hi else { return }
        // Pixel centres lie at t = rx·ux + ry·uy along the segment and s = ry·ux − rx·uy across it
        // (rx, ry from a); one pixel along the minor axis changes both by a constant.
        let (ux, uy) = (cover.ux, cover.uy)
        let (dt, ds) = steep ? (ux, -uy) : (uy, ux)
        for major in lo...hi {
            let centre = Double(major) + 0.5
            let line = b0 + (centre - a0) * slope
            let first = max(0, Self.ceil(max(-1, line - across - 0.5)))
            let last = min(minorLimit - 1, Self.floor(min(Double(minorLimit), line + across - 0.5)))
            guard first <= last else { continue }
            let rMajor = centre - a0, rMinor = Double(first) + 0.5 - b0
            var t = steep ? rMajor * uy + rMinor * ux : rMajor * ux + rMinor * uy
            var s = steep ? rMajor * ux - rMinor * uy : rMinor * ux - rMajor * uy
            for minor in first...last {
                let c = cover.at(t: t, s: s)
                if c > 0 {
                    let value = UInt8(truncatingIfNeeded: Int(c * 255 + 0.5))
                    let p = steep ? pixel(minor, major) : pixel(major, minor)
                    if value > p.pointee { p.pointee = value }
                }
                t += dt
                s += ds
            }
        }
    }

    /// Composites `color` through the coverage of the touched tiles onto `target`, inside its clip.
    func composite(_ color: PremultipliedPixel, onto target: RasterTarget) {
        for slot in 0..<touchedCount {
            let index = Int(touchedList[slot])
            let tx = (index % tilesX) * Self.tile, ty = (index / tilesX) * Self.tile
            let tile = pool + slot * Self.tileBytes
            target.composite(color, box: PixelBox(x0: tx, y0: ty, x1: tx + Self.tile, y1: ty + Self.tile)) { x, y in
                tile[(y - ty) * Self.tile + x - tx]
            }
        }
    }

    /// Returns the touched tiles to the pool.
    mutating func clear() {
        for slot in 0..<touchedCount { slots[Int(touchedList[slot])] = -1 }
        touchedCount = 0
    }

    /// ⌊x⌋ and ⌈x⌉ of a value clamped to the page (no libm call: the baseline x86-64 target has no
    /// SSE4.1 rounding instruction).
    @inline(__always) static func floor(_ x: Double) -> Int {
        let i = Int(x)
        return Double(i) > x ? i - 1 : i
    }
    @inline(__always) static func ceil(_ x: Double) -> Int {
        let i = Int(x)
        return Double(i) < x ? i + 1 : i
    }
}

/// The coverage of unit pixels by one segment of a stroke (see `ThinStroke`), as a function of the
/// pixel centre's position along the segment (t, from its start) and across it (s, signed).
struct SegmentCoverage {
    let ux: Double, uy: Double
    let length: Double, halfWidth: Double
    let buttStart: Bool, buttEnd: Bool
    /// The unit pixel's projection on the band's normal is a trapezoid from -outer to outer, flat on
    /// ±flat, for sides p ≥ q (|ux| and |uy|).
    let outer: Double, flat: Double, halfP: Double, inverseP: Double, inverseTwoPQ: Double, axisAligned: Bool

    init(dx: Double, dy: Double, length: Double, halfWidth: Double, buttStart: Bool, buttEnd: Bool) {
        self.length = length; self.halfWidth = halfWidth
        self.buttStart = buttStart; self.buttEnd = buttEnd
        ux = dx / length
        uy = dy / length
        let p = max(abs(ux), abs(uy)), q = min(abs(ux), abs(uy))
        outer = (p + q) / 2
        flat = (p - q) / 2
        halfP = p / 2
        inverseP = 1 / p
        axisAligned = q < 1e-9
        inverseTwoPQ = axisAligned ? 0 : 1 / (2 * p * q)
    }

    /// Coverage (0...1) of the unit pixel whose centre is at (t, s).
    @inline(__always) func at(t: Double, s: Double) -> Double {
        var c: Double
        if (t >= 0 && t <= length) || (t < 0 ? buttStart : buttEnd) {
            c = band(s)
        } else {
            // 1 − (distance − (halfWidth − ½)), clamped; the square root only where it is needed.
            let e = t < 0 ? t : t - length
            let d2 = e * e + s * s
            let outerRadius = halfWidth + 0.5, innerRadius = halfWidth - 0.5
            if d2 >= outerRadius * outerRadius {
                c = 0
            } else if innerRadius > 0 && d2 <= innerRadius * innerRadius {
                c = 1
            } else {
                c = min(1, outerRadius - d2.squareRoot())
            }
        }
        if buttStart { c *= min(1, max(0, 0.5 + t)) }
        if buttEnd { c *= min(1, max(0, 0.5 + length - t)) }
        return c
    }

    /// The part of the pixel inside the band |s'| ≤ halfWidth, for a pixel centre at signed distance s.
    @inline(__always) func band(_ s: Double) -> Double {
        cdf(halfWidth - s) - cdf(-halfWidth - s)
    }

    /// The share of the unit square whose projection on the normal is ≤ x (centre at 0).
    @inline(__always) func cdf(_ x: Double) -> Double {
        if x <= -outer { return 0 }
        if x >= outer { return 1 }
        if axisAligned || (x >= -flat && x <= flat) { return (x + halfP) * inverseP }
        if x < -flat {
            let d = x + outer
            return d * d * inverseTwoPQ
        }
        let d = outer - x
        return 1 - d * d * inverseTwoPQ
    }
}
