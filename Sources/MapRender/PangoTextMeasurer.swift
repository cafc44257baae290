import Cartography

/// Measures text exactly as `Renderer` will draw it: the same layout set-up and the same extents
/// function, on a layout that does not depend on the output surface or scale.
///
/// Holds one Pango layout, made once and reused, and the sizes it measured (a sequence measures the
/// same legend, labels and panel lines on every frame), so it is cheap per call but not thread-safe:
/// use one measurer per thread or task. (It is deliberately not `Sendable`.)
public struct PangoTextMeasurer: TextMeasurer {
    private let text: TextLayout
    private let sizes = Sizes()

    private final class Sizes {
        var known: [TextShape: (width: Double, height: Double)] = [:]
    }
    /// Texts whose sizes are kept at most (then all are forgotten).
    static let sizesKept = 4096

    /// - Throws: `RenderError` if Pango cannot create a layout.
    public init() throws { text = try TextLayout() }

    /// Width and height in page pixels of the logical box of `text` in `style`, wrapped at `maxWidth`;
    /// zero for a style with no positive size (which the renderer does not draw).
    public func measure(_ text: String, style: TextStyle, maxWidth: Double?) -> (width: Double, height: Double) {
        guard TextLayout.canSet(style) else { return (0, 0) }
        let shape = TextShape(text, style: style, maxWidth: maxWidth, alignment: .start)
        if let known = sizes.known[shape] { return known }
        self.text.set(shape)
        let extents = self.text.logicalExtents()
        if sizes.known.count >= Self.sizesKept { sizes.known.removeAll(keepingCapacity: true) }
        sizes.known[shape] = (extents.width, extents.height)
        return (extents.width, extents.height)
    }
}
