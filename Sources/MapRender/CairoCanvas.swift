internal import CCairo
import Cartography

/// Owns one Cairo surface and one context drawing on it; both are released in `deinit`.
///
/// Drawing goes through its methods (paths, clips, typed styles, Pango layouts, image pixels), so
/// that the files that draw (`SceneDrawer`, the shapes of CairoCanvas+Shapes, `Hatching`,
/// `ThinStroke`, `TextHalo`, `FrameRasterizer`) never touch the raw context or import Cairo. Each
/// method is the Cairo call sequence the drawing code used to make itself, in the same order, so
/// output is unchanged to the byte. The type and the methods FrontlineTestSupport's test pages use
/// are `package` (not public); the C handles stay internal to MapRender.
package final class CairoCanvas {
    let surface: OpaquePointer
    let context: OpaquePointer

    /// Takes ownership of `surface` (a reference returned by a `cairo_*_surface_create*` call).
    init(surface: OpaquePointer, stage: String) throws {
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw Self.error(status, stage: "\(stage): creating surface")
        }
        guard let context = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw RenderError("\(stage): cairo_create returned no context")
        }
        self.surface = surface
        self.context = context
        try check(stage: "\(stage): creating context")
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Throws if the context or the surface is in an error state.
    package func check(stage: String) throws {
        let contextStatus = cairo_status(context)
        guard contextStatus == CAIRO_STATUS_SUCCESS else { throw Self.error(contextStatus, stage: stage) }
        let surfaceStatus = cairo_surface_status(surface)
        guard surfaceStatus == CAIRO_STATUS_SUCCESS else { throw Self.error(surfaceStatus, stage: stage) }
    }

    /// Finishes the surface (vector surfaces write their document now) and checks for errors.
    func finish(stage: String) throws {
        try check(stage: stage)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw Self.error(status, stage: "\(stage): finishing") }
    }

    /// An error naming a Cairo status and the stage at which it was seen.
    private static func error(_ status: cairo_status_t, stage: String) -> RenderError {
        let name = cairo_status_to_string(status).map { String(cString: $0) } ?? "status \(status.rawValue)"
        return RenderError("\(stage): cairo: \(name)")
    }

    // MARK: state

    func save() { cairo_save(context) }
    func restore() { cairo_restore(context) }
    /// Multiplies user space by `factor` on both axes.
    package func scale(by factor: Double) { cairo_scale(context, factor, factor) }
    /// Rotates user space by `radians` (positive turns +x towards +y).
    func rotate(by radians: Double) { cairo_rotate(context, radians) }

    /// Curve flattening tolerance, in device pixels.
    var tolerance: Double {
        get { cairo_get_tolerance(context) }
        set { cairo_set_tolerance(context, newValue) }
    }

    // MARK: paths (user space)

    func newPath() { cairo_new_path(context) }
    func newSubPath() { cairo_new_sub_path(context) }
    func move(to p: Point) { cairo_move_to(context, p.x, p.y) }
    func line(to p: Point) { cairo_line_to(context, p.x, p.y) }
    func closePath() { cairo_close_path(context) }
    func rectangle(_ r: Rect) { cairo_rectangle(context, r.x, r.y, r.width, r.height) }
    /// A circular arc, angles in radians, clockwise on the page (y down).
    func arc(center: Point, radius: Double, from start: Double, to end: Double) {
        cairo_arc(context, center.x, center.y, radius, start, end)
    }
    /// The outlines of `text`'s glyphs, its origin at the current point.
    func addOutline(of text: TextLayout) { pango_cairo_layout_path(context, text.layout) }

    // MARK: clipping

    /// Narrows the clip to `rect` (the current fill rule; a rectangle is the same under both).
    package func clip(to rect: Rect) {
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
    }

    /// Narrows the clip to the current path, even-odd, and clears the path.
    func clipEvenOdd() {
        cairo_set_fill_rule(context, CAIRO_FILL_RULE_EVEN_ODD)
        cairo_clip(context)
    }

    /// The clip's bounding box in user space: (x1, y1, x2, y2).
    func clipExtents() -> (x1: Double, y1: Double, x2: Double, y2: Double) {
        var x1 = 0.0, y1 = 0.0, x2 = 0.0, y2 = 0.0
        cairo_clip_extents(context, &x1, &y1, &x2, &y2)
        return (x1, y1, x2, y2)
    }

    // MARK: painting

    func setSource(_ color: Color) { cairo_set_source_rgba(context, color.r, color.g, color.b, color.a) }

    /// Fills the current path with `color`, even-odd, and clears the path.
    func fillEvenOdd(_ color: Color) {
        cairo_set_fill_rule(context, CAIRO_FILL_RULE_EVEN_ODD)
        setSource(color)
        cairo_fill(context)
    }

    /// Strokes the current path with `stroke`, curves flattened to `tolerance` device pixels when
    /// given, and clears the path.
    func stroke(_ stroke: Stroke, tolerance: Double? = nil) {
        setStyle(of: stroke)
        guard let tolerance else { return cairo_stroke(context) }
        let saved = self.tolerance
        self.tolerance = tolerance
        cairo_stroke(context)
        self.tolerance = saved
    }

    /// Sets source, width, cap, joins and dash for stroking with `stroke`.
    private func setStyle(of stroke: Stroke) {
        setSource(stroke.color)
        cairo_set_line_width(context, stroke.width)
        cairo_set_line_cap(context, stroke.cap == .round ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
        // Round joins cost a fan of polygons at every vertex: on a 1,500-vertex front outline that
        // tripled the stroke's time. Below 2 px a bevel looks the same (the cut is under a pixel).
        var device = (stroke.width, 0.0)
        cairo_user_to_device_distance(context, &device.0, &device.1)
        let thin = (device.0 * device.0 + device.1 * device.1).squareRoot() <= 2
        cairo_set_line_join(context, thin ? CAIRO_LINE_JOIN_BEVEL : CAIRO_LINE_JOIN_ROUND)
        // Cairo rejects negative lengths and an all-zero pattern (it puts the context in an error state).
        let dash = stroke.dash.allSatisfy { $0 >= 0 && $0.isFinite } && stroke.dash.contains { $0 > 0 } ? stroke.dash : []
        dash.withUnsafeBufferPointer { cairo_set_dash(context, $0.baseAddress, Int32($0.count), 0) }
    }

    /// Paints `color` over the whole clip.
    func paint(_ color: Color) {
        setSource(color)
        cairo_paint(context)
    }

    /// Replaces every pixel in the clip with `color` (SOURCE, not OVER).
    func replaceAll(with color: Color) {
        cairo_save(context)
        setSource(color)
        cairo_set_operator(context, CAIRO_OPERATOR_SOURCE)
        cairo_paint(context)
        cairo_restore(context)
    }

    /// Draws `text`'s glyphs in `color`, its origin at the current point.
    func show(_ text: TextLayout, color: Color) {
        setSource(color)
        show(text)
    }

    /// Draws `text`'s glyphs in the current source, its origin at the current point.
    func show(_ text: TextLayout) { pango_cairo_show_layout(context, text.layout) }
}
