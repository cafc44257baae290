internal import CCairo
import Cartography

/// The size drawing gives a text on a surface like the renderer's own, so tests can check that
/// `PangoTextMeasurer` (which measures on a private 1×1 image) agrees with every output format and scale.
enum DrawnTextSize {
    /// Logical width and height, in page pixels, of `text` laid out as `SceneDrawer` lays it out on a
    /// `format` surface with user space scaled by `scale`.
    static func size(of text: String, style: TextStyle, maxWidth: Double?, format: OutputFormat,
                     scale: Double) throws -> (width: Double, height: Double) {
        let sink = ByteSink()
        return try withExtendedLifetime(sink) {
            let surface: OpaquePointer?
            switch format {
            case .png: surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 4, 4)
            case .svg: surface = cairo_svg_surface_create_for_stream(ByteSink.write, sink.closure, 4, 4)
            case .pdf: surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, 4, 4)
            }
            guard let surface else { throw RenderError("text probe: no \(format) surface") }
            let canvas = try CairoCanvas(surface: surface, stage: "text probe")
            cairo_scale(canvas.context, scale, scale)
            let layout = try TextLayout(context: canvas.context)
            layout.update(for: canvas.context)
            layout.set(text, style: style, maxWidth: maxWidth, alignment: .middle)
            let extents = layout.logicalExtents()
            try canvas.finish(stage: "text probe")
            return (extents.width, extents.height)
        }
    }
}
