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
final class TextHalo {
    static let maxRadius = 24.0
    private var offsets: (radius: Double, list: [(dx: Int, dy: Int, length: Float)]) = (-1, [])
    private var distance: [Float] = []

    /// Draws the halo and the text of `layout` placed at `origin` (user space) and returns true, or
    /// returns false (drawing nothing) when Cairo must draw it.
    func draw(_ text: TextLayout, at origin: Point, halo: Color, width: Double, color: Color, on canvas: CairoCanvas) -> Bool {
        guard let target = RasterTarget(canvas) else { return false }
        let radius = width * target.scale
        guard radius > 0, radius <= Self.maxRadius else { return false }
        let ink = text.inkExtents()
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

        // The mask is owned like every Cairo object here (`CairoCanvas` frees it); a failure is drawn
        // the plain way by the caller.
        guard let mask = try? CairoCanvas.alphaMask(width: Int32(box.width), height: Int32(box.height), stage: "text halo") else {
            return false
        }
        // Alive to the end of the scope: `grow` reads the mask's pixels after the last use of `mask`.
        defer { withExtendedLifetime(mask) {} }
        mask.setMatrix(scale: target.scale, x0: target.x0 - Double(box.x0), y0: target.y0 - Double(box.y0))
        mask.move(to: origin)
        mask.show(text)
        mask.flush()
        guard (try? mask.check(stage: "text halo")) != nil, let pixels = mask.pixels else { return false }
        let (data, stride) = (pixels.base, pixels.stride)

        let (w, h) = (box.width, box.height)
        grow(w, h, from: UnsafePointer(data), stride: stride, radius: radius)
        let (edge, x0, y0) = (Float(radius + 0.5), box.x0, box.y0)
        distance.withUnsafeBufferPointer { d in
            target.composite(PremultipliedPixel(halo), box: box) { x, y in
                let a = edge - d[(y - y0) * w + x - x0]
                return a <= 0 ? 0 : a >= 1 ? 255 : UInt8(a * 255 + 0.5)
            }
        }
        target.composite(PremultipliedPixel(color), box: box) { x, y in data[(y - y0) * stride + x - x0] }
        target.markDirty()
        return true
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
