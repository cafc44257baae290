internal import CCairo
import Cartography

/// Applying typed styles (`Color`, `Stroke`) to a Cairo context.
enum CairoStyle {
    static func setColor(_ cr: OpaquePointer, _ color: Color) {
        cairo_set_source_rgba(cr, color.r, color.g, color.b, color.a)
    }

    /// Sets source, width, cap, round joins and dash for stroking with `stroke`.
    static func apply(_ stroke: Stroke, to cr: OpaquePointer) {
        setColor(cr, stroke.color)
        cairo_set_line_width(cr, stroke.width)
        cairo_set_line_cap(cr, stroke.cap == .round ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
        // Round joins cost a fan of polygons at every vertex: on a 1,500-vertex front outline that
        // tripled the stroke's time. Below 2 px a bevel looks the same (the cut is under a pixel).
        var device = (stroke.width, 0.0)
        cairo_user_to_device_distance(cr, &device.0, &device.1)
        let thin = (device.0 * device.0 + device.1 * device.1).squareRoot() <= 2
        cairo_set_line_join(cr, thin ? CAIRO_LINE_JOIN_BEVEL : CAIRO_LINE_JOIN_ROUND)
        // Cairo rejects negative lengths and an all-zero pattern (it puts the context in an error state).
        let dash = stroke.dash.allSatisfy { $0 >= 0 && $0.isFinite } && stroke.dash.contains { $0 > 0 } ? stroke.dash : []
        dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
    }

    /// Whether a stroke would leave any mark.
    static func isVisible(_ stroke: Stroke) -> Bool { stroke.width > 0 && stroke.color.a > 0 }
}
