/// Measures text as the renderer will draw it, so that layout (legends, labels, the panel) is done
/// before drawing. MapRender implements it with Pango (`PangoTextMeasurer`); the CLI hands that to
/// Atlas, which names only this protocol. Tests may pass any measurer.
public protocol TextMeasurer {
    /// Width and height in pixels of `text` set in `style`, wrapped at `maxWidth` if given.
    func measure(_ text: String, style: TextStyle, maxWidth: Double?) -> (width: Double, height: Double)
}
