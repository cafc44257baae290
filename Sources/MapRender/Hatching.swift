import Cartography

/// Draws a hatch as explicit parallel strokes clipped to a shape.
///
/// Chosen over a repeating recording-surface tile: Cairo's image backend rasterises such a tile at one
/// pixel per unit and resamples it when rotating or scaling, which gave stair-stepped lines in PNG
/// (worse at scale 2), whereas real strokes are antialiased exactly at any scale, stay vector in SVG and
/// PDF, and leave no tile seams for viewers to show. Lines are anchored to the page origin, so
/// neighbouring areas with the same hatch line up.
enum Hatching {
    /// Above this many lines the hatch is drawn as a solid tint of equal average coverage.
    static let maxLines = 50_000.0

    /// Hatches the area enclosed by `addShape` (even-odd). Leaves no current path.
    static func draw(_ hatch: Hatch, in addShape: () -> Void, on canvas: CairoCanvas) {
        let s = hatch.spacing
        guard s.isFinite, s > 0, hatch.lineWidth.isFinite, hatch.lineWidth > 0, hatch.color.a > 0,
            hatch.angle.isFinite
        else { return }
        canvas.save()
        defer { canvas.restore() }
        canvas.newPath()
        addShape()
        canvas.clipEvenOdd()
        // Rotate user space so the hatch runs along its x axis: page y points down, so a line at `angle`
        // degrees counter-clockwise runs along (cos a, −sin a), the image of the x axis under rotate(−a).
        canvas.rotate(by: -hatch.angle * Double.pi / 180)
        let (x1, y1, x2, y2) = canvas.clipExtents()
        guard x2 > x1, y2 > y1 else { return }
        let first = (y1 / s).rounded(.down) - 1, last = (y2 / s).rounded(.up) + 1
        guard hatch.lineWidth < s, last - first <= maxLines else {
            let coverage = min(1, hatch.lineWidth / s)
            canvas.paint(hatch.color.with(alpha: hatch.color.a * coverage))
            return
        }
        // Run each line a line width past the clip so butt ends never show.
        let left = x1 - hatch.lineWidth, right = x2 + hatch.lineWidth
        var k = first
        while k <= last {
            canvas.move(to: Point(left, k * s))
            canvas.line(to: Point(right, k * s))
            k += 1
        }
        canvas.stroke(Stroke(hatch.color, width: hatch.lineWidth, cap: .butt))
    }
}
