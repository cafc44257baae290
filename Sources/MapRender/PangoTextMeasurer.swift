internal import CCairo
import Cartography

/// Measures text exactly as `Renderer` will draw it (same layout set-up, same extents function).
///
/// Holds one Pango layout on a private 1×1 image surface, made once and reused, so it is cheap per call
/// but not thread-safe: use one measurer per thread or task. (It is deliberately not `Sendable`.)
public struct PangoTextMeasurer: TextMeasurer {
    private let engine: Engine

    /// - Throws: `RenderError` if Cairo or Pango cannot create the measuring surface or layout.
    public init() throws { engine = try Engine() }

    /// Width and height in page pixels of the logical box of `text` in `style`, wrapped at `maxWidth`.
    public func measure(_ text: String, style: TextStyle, maxWidth: Double?) -> (width: Double, height: Double) {
        engine.text.set(text, style: style, maxWidth: maxWidth, alignment: .start)
        let extents = engine.text.logicalExtents()
        return (extents.width, extents.height)
    }

    /// Owns the surface, context and layout (released in that order's reverse when the last copy goes).
    private final class Engine {
        let canvas: CairoCanvas
        let text: TextLayout

        init() throws {
            guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1) else {
                throw RenderError("text measurer: cairo_image_surface_create returned no surface")
            }
            canvas = try CairoCanvas(surface: surface, stage: "text measurer")
            text = try TextLayout(context: canvas.context)
        }
    }
}
