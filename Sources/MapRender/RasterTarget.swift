internal import CCairo
import Cartography

/// The pixels under a Cairo context, when Frontline may draw on them itself with the same result as
/// Cairo (`ThinStroke`, `TextHalo`): an ARGB32 image surface with no group pushed, a matrix that is a
/// uniform scale and a translation, the OVER operator, default antialiasing, and a clip made of whole
/// device pixels. PDF and SVG surfaces, and anything else, stay with Cairo.
struct RasterTarget {
    let surface: OpaquePointer
    let pixels: UnsafeMutablePointer<UInt8>
    let width: Int, height: Int, rowBytes: Int
    /// Device pixels per user unit, and the device position of the user origin.
    let scale: Double, x0: Double, y0: Double
    /// The clip in device pixels (rectangles, possibly none: everything clipped).
    let clip: [PixelBox]

    /// The canvas's target, flushed for direct access, or nil when Cairo must draw.
    init?(_ canvas: CairoCanvas) {
        let cr = canvas.context
        guard cairo_get_operator(cr) == CAIRO_OPERATOR_OVER, cairo_get_antialias(cr) == CAIRO_ANTIALIAS_DEFAULT,
            let target = cairo_get_group_target(cr), target == cairo_get_target(cr),
            cairo_surface_get_type(target) == CAIRO_SURFACE_TYPE_IMAGE, cairo_image_surface_get_format(target) == CAIRO_FORMAT_ARGB32
        else { return nil }
        var m = cairo_matrix_t()
        cairo_get_matrix(cr, &m)
        guard m.xy == 0, m.yx == 0, m.xx == m.yy, m.xx > 0, let clip = Self.deviceClip(cr, m) else { return nil }
        cairo_surface_flush(target)
        guard let pixels = cairo_image_surface_get_data(target) else { return nil }
        surface = target
        self.pixels = pixels
        width = Int(cairo_image_surface_get_width(target))
        height = Int(cairo_image_surface_get_height(target))
        rowBytes = Int(cairo_image_surface_get_stride(target))
        scale = m.xx
        x0 = m.x0
        y0 = m.y0
        self.clip = clip
    }

    /// A user-space point in device pixels.
    func device(_ p: Point) -> Point { Point(p.x * scale + x0, p.y * scale + y0) }

    /// Tells Cairo the pixels changed.
    func markDirty() { cairo_surface_mark_dirty(surface) }

    /// Composites `color` OVER the pixels of `box` (device, any part of it may be off the page)
    /// through 8-bit `coverage(x, y)`, inside the clip.
    @inline(__always) func composite(_ color: PremultipliedPixel, box: PixelBox, coverage: (Int, Int) -> UInt8) {
        for c in clip {
            let x0 = max(box.x0, c.x0, 0), x1 = min(box.x1, c.x1, width)
            let y0 = max(box.y0, c.y0, 0), y1 = min(box.y1, c.y1, height)
            guard x0 < x1, y0 < y1 else { continue }
            for y in y0..<y1 {
                let row = UnsafeMutableRawPointer(pixels + y * rowBytes).assumingMemoryBound(to: UInt32.self)
                for x in x0..<x1 {
                    let m = coverage(x, y)
                    if m != 0 { row[x] = color.over(row[x], coverage: m) }
                }
            }
        }
    }

    /// The current clip as whole device pixel rectangles, or nil when it is not such rectangles
    /// (a clip path, or edges between pixels, which Cairo antialiases).
    private static func deviceClip(_ cr: OpaquePointer, _ m: cairo_matrix_t) -> [PixelBox]? {
        guard let list = cairo_copy_clip_rectangle_list(cr) else { return nil }
        defer { cairo_rectangle_list_destroy(list) }
        guard list.pointee.status == CAIRO_STATUS_SUCCESS else { return nil }
        var out: [PixelBox] = []
        for i in 0..<Int(list.pointee.num_rectangles) {
            let r = list.pointee.rectangles[i]
            let edges = [r.x * m.xx + m.x0, r.y * m.yy + m.y0, (r.x + r.width) * m.xx + m.x0, (r.y + r.height) * m.yy + m.y0]
            let whole = edges.map { $0.rounded() }
            guard zip(edges, whole).allSatisfy({ abs($0 - $1) < 1e-6 }), whole.allSatisfy({ abs($0) < 1e9 }) else { return nil }
            out.append(PixelBox(x0: Int(whole[0]), y0: Int(whole[1]), x1: Int(whole[2]), y1: Int(whole[3])))
        }
        return out
    }
}

/// A rectangle of device pixels, x0..<x1 by y0..<y1.
struct PixelBox: Equatable {
    var x0: Int, y0: Int, x1: Int, y1: Int
    var width: Int { x1 - x0 }
    var height: Int { y1 - y0 }
}
