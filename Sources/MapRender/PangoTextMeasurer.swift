import Cartography

/// Measures text exactly as `Renderer` will draw it: the same layout set-up and the same extents
/// function, on a layout that does not depend on the output surface or scale.
///
/// Holds one Pango layout, made once and reused (it keeps each text's extents, see
/// `TextLayout.extents(of:)`), so it is cheap per call but not thread-safe: use one measurer per
/// thread or task. (It is deliberately not `Sendable`.)
public struct PangoTextMeasurer: TextMeasurer {
    private let text: TextLayout

    /// - Throws: `RenderError` if Pango cannot create a layout.
    public init() throws { text = try TextLayout() }

    /// Width and height in page pixels of the logical box of `text` in `style`, wrapped at `maxWidth`;
    /// zero for a style with no positive size (which the renderer does not draw).
    public func measure(_ text: String, style: TextStyle, maxWidth: Double?) -> (width: Double, height: Double) {
        guard TextLayout.canSet(style) else { return (0, 0) }
        let logical = self.text.extents(of: TextShape(text, style: style, maxWidth: maxWidth, alignment: .start)).logical
        return (logical.width, logical.height)
    }
}
