import Cartography

/// Haloed text on raster targets: the halo grown from the glyphs' own coverage instead of stroking
/// their outlines.
///
/// Why: a halo used to be the layout's outline (`pango_cairo_layout_path`) stroked at twice the halo
/// width with round joins. Cairo flattens every glyph curve and builds a round join at each of the
/// thousands of vertices, so the 78 haloed labels of a one-date Kursk render spent 32 ms there, most
/// of the text's 41 ms.
///
/// How: the layout is drawn once into an 8-bit mask on the page's device grid (Pango and Cairo
/// rasterize the glyphs exactly as they would on the page). Each pixel's distance to the glyphs comes
/// from the mask: a pixel of coverage c lies about ½ − c from the glyph edge, so the distance of p is
/// the least |p − q| + ½ − c(q) over glyph pixels q (the usual estimate of antialiased distance
/// transforms, within a few tenths of a pixel). The halo covers clamp(R + ½ − distance), R being the
/// halo width: all that a stroke of width 2R along the outlines covers outside the glyphs, with a
/// one-pixel antialiased edge. The halo colour, then the text colour through the glyph mask, are
/// composited with pixman's arithmetic (`PremultipliedPixel`).
///
/// Only on a `RasterTarget` and for halos up to `maxRadius` device pixels; elsewhere (PDF, SVG,
/// clip paths) the stroked outline stays. TextHaloTests compares the two.
///
/// Why not Cartography's `DistanceTransform` (exact Euclidean, Felzenszwalb–Huttenlocher): that one
/// gives min |p − q|² + f(q), an offset added to the *squared* distance, which is what parabola
/// envelopes can do in linear time. The halo needs min |p − q| + ½ − c(q), an offset added to the
/// distance itself (an additively weighted distance), for which the envelope trick does not hold: no
/// f makes √(|p − q|² + f(q)) equal |p − q| + ½ − c(q) at every distance, and the offset is negative
/// inside the glyphs. So the halo cannot come from that transform byte for byte (Renders and the
/// goldens would change), and it has no need of it: it only looks `radius` + 1 pixels around the
/// glyphs' edge pixels (interior pixels skipped), which is the cost it was tuned to.
///
/// A sequence draws the same labels at the same places on every frame, so what the glyphs give (their
/// mask and the halo's coverage, a "stamp") is kept per text, place, scale and width, and a frame
/// that repeats a label only composites it. Kept stamps are bytes made exactly as a new one would be,
/// so a frame's pixels do not depend on the frames before it.
final class TextHalo {
    static let maxRadius = 24.0
    private var offsets: (radius: Double, list: [(dx: Int, dy: Int, length: Float)]) = (-1, [])
    private var distance: [Float] = []

    /// Everything a stamp's bytes depend on.
    private struct StampKey: Hashable {
        let shape: TextShape
        let originX: Double, originY: Double
        let scale: Double, x0: Double, y0: Double
        let radius: Double
    }
    /// The glyphs' coverage and the halo's on the box the key gives, a byte a pixel each.
    private struct Stamp {
        let glyphs: [UInt8]
        let halo: [UInt8]
    }
    private var stamps: [StampKey: Stamp] = [:]
    private var stampBytes = 0
    /// Stamps made so far (tests read it: a repeated label must not make another).
    private(set) var stampsMade = 0
    /// Bytes of stamps kept at most (then all are forgotten): a Kursk frame's labels take about 1 MB.
    static let stampBytesKept = 16 << 20

    /// Draws the halo and the text of `shape` (its ink box `ink`; `layout` gives the layout holding it,
    /// asked for only when the stamp is not kept) placed at `origin` (user space) and returns true, or
    /// returns false (drawing nothing) when Cairo must draw it.
    func draw(
        _ shape: TextShape, ink: Rect, at origin: Point, halo: Color, width: Double, color: Color, on canvas: CairoCanvas,
        layout: () throws -> TextLayout
    ) throws -> Bool {
        guard let target = RasterTarget(canvas) else { return false }
        let radius = width * target.scale
        guard radius > 0, radius <= Self.maxRadius else { return false }
        guard ink.width > 0, ink.height > 0 else { return true }
        let topLeft = target.device(Point(origin.x + ink.x, origin.y + ink.y))
        let bottomRight = target.device(Point(origin.x + ink.maxX, origin.y + ink.maxY))
        let margin = radius + 2
        let limit = 1e6
        guard abs(topLeft.x) < limit, abs(topLeft.y) < limit, abs(bottomRight.x) < limit, abs(bottomRight.y) < limit else { return false }
        let box = PixelBox(
            x0: Int((topLeft.x - margin).rounded(.down)), y0: Int((topLeft.y - margin).rounded(.down)),
            x1: Int((bottomRight.x + margin).rounded(.up)), y1: Int((bottomRight.y + margin).rounded(.up)))
        guard box.width * box.height <= 1 << 22 else { return false }
        // Nothing of it on the page (or in the clip): nothing to draw.
        guard
            target.clip.contains(where: {
                max($0.x0, box.x0, 0) < min($0.x1, box.x1, target.width) && max($0.y0, box.y0, 0) < min($0.y1, box.y1, target.height)
            })
        else { return true }

        let key = StampKey(
            shape: shape, originX: origin.x, originY: origin.y, scale: target.scale, x0: target.x0, y0: target.y0, radius: radius)
        let stamp: Stamp
        if let kept = stamps[key] {
            stamp = kept
        } else {
            guard let made = self.stamp(try layout(), at: origin, box: box, target: target, radius: radius) else { return false }
            let bytes = made.glyphs.count + made.halo.count
            if stampBytes + bytes > Self.stampBytesKept {
                stamps.removeAll(keepingCapacity: true)
                stampBytes = 0
            }
            stamps[key] = made
            stampBytes += bytes
            stampsMade += 1
            stamp = made
        }
        let w = box.width
        stamp.halo.withUnsafeBufferPointer { a in
            target.composite(PremultipliedPixel(halo), box: box) { x, y in a[(y - box.y0) * w + x - box.x0] }
        }
        stamp.glyphs.withUnsafeBufferPointer { g in
            target.composite(PremultipliedPixel(color), box: box) { x, y in g[(y - box.y0) * w + x - box.x0] }
        }
        target.markDirty()
        return true
    }

    /// The glyphs of `text` drawn into a mask on `box` of the target's device grid, and the halo's
    /// coverage grown from them; nil when the mask could not be made (Cairo then draws the text).
    private func stamp(_ text: TextLayout, at origin: Point, box: PixelBox, target: RasterTarget, radius: Double) -> Stamp? {
        // The mask is owned like every Cairo object here (`CairoCanvas` frees it).
        guard let mask = try? CairoCanvas.alphaMask(width: Int32(box.width), height: Int32(box.height), stage: "text halo") else {
            return nil
        }
        // Alive to the end of the scope: the bytes are read after the last use of `mask`.
        defer { withExtendedLifetime(mask) {} }
        mask.setMatrix(scale: target.scale, x0: target.x0 - Double(box.x0), y0: target.y0 - Double(box.y0))
        mask.move(to: origin)
        mask.show(text)
        mask.flush()
        guard (try? mask.check(stage: "text halo")) != nil, let pixels = mask.pixels else { return nil }
        let (data, stride) = (pixels.base, pixels.stride)
        let (w, h) = (box.width, box.height)
        grow(w, h, from: UnsafePointer(data), stride: stride, radius: radius)
        let edge = Float(radius + 0.5)
        let halo = distance.map { d -> UInt8 in
            let a = edge - d
            return a <= 0 ? 0 : a >= 1 ? 255 : UInt8(a * 255 + 0.5)
        }
        var glyphs = [UInt8](repeating: 0, count: w * h)
        for y in 0..<h {
            for x in 0..<w { glyphs[y * w + x] = data[y * stride + x] }
        }
        return Stamp(glyphs: glyphs, halo: halo)
    }

    /// Fills `distance` (w × h) with each pixel's estimated distance to the glyphs of `mask`, for the
    /// pixels within `radius` + 1 of them (others stay at +∞).
    private func grow(_ w: Int, _ h: Int, from mask: UnsafePointer<UInt8>, stride: Int, radius: Double) {
        if offsets.radius != radius {
            let reach = Int((radius + 1).rounded(.up))
            var list: [(dx: Int, dy: Int, length: Float)] = []
            for dy in -reach...reach {
                for dx in -reach...reach {
                    let length = Double(dx * dx + dy * dy).squareRoot()
                    if length < radius + 1 { list.append((dx, dy, Float(length))) }
                }
            }
            offsets = (radius, list)
        }
        distance.removeAll(keepingCapacity: true)
        distance.append(contentsOf: repeatElement(Float.infinity, count: w * h))
        let list = offsets.list
        // Away from the edges every offset lands inside: one add a neighbour, no bounds tests.
        let reach = list.reduce(0) { max($0, abs($1.dx), abs($1.dy)) }
        let linear = list.map { (step: $0.dy * w + $0.dx, length: $0.length) }
        distance.withUnsafeMutableBufferPointer { d in
            for y in 0..<h {
                for x in 0..<w {
                    let c = mask[y * stride + x]
                    guard c > 0 else { continue }
                    let own = 0.5 - Float(c) / 255
                    // A pixel inside the glyph whose four neighbours are too is never the nearest glyph
                    // pixel of anything outside: a nearer edge pixel lies between.
                    if c == 255, x > 0, y > 0, x < w - 1, y < h - 1, mask[y * stride + x - 1] == 255, mask[y * stride + x + 1] == 255,
                        mask[(y - 1) * stride + x] == 255, mask[(y + 1) * stride + x] == 255
                    {
                        d[y * w + x] = min(d[y * w + x], own)
                        continue
                    }
                    if x >= reach, y >= reach, x < w - reach, y < h - reach {
                        let at = y * w + x
                        for o in linear {
                            let v = o.length + own
                            if v < d[at + o.step] { d[at + o.step] = v }
                        }
                        continue
                    }
                    for o in list {
                        let px = x + o.dx, py = y + o.dy
                        guard px >= 0, py >= 0, px < w, py < h else { continue }
                        let i = py * w + px
                        let v = o.length + own
                        if v < d[i] { d[i] = v }
                    }
                }
            }
        }
    }
}
