import Cartography

/// Draws a `Scene` with Cairo (text with Pango) and returns the encoded file.
///
/// The renderer holds no state; every call builds its own surface, so concurrent calls are safe.
/// Output is byte-stable: the same scene gives the same bytes, in one process or across processes.
public struct Renderer: Sendable {
    public let pngCompression: PNGCompression

    public init(pngCompression: PNGCompression = .fast) { self.pngCompression = pngCompression }

    /// Renders `scene` as `format`.
    ///
    /// - Parameter scale: device pixels per page pixel for PNG (2 gives a HiDPI image of twice the
    ///   width and height). SVG and PDF are vector documents measured in page pixels (one PDF point per
    ///   pixel) and ignore it, but it must still be a positive finite number.
    /// - Throws: `RenderError` for an empty page or an oversized PNG, a bad scale or date, or any Cairo error.
    public func render(_ scene: Scene, format: OutputFormat, scale: Double = 1) throws -> [UInt8] {
        try SceneValidation.check(scene, scale: scale, format: format)
        switch format {
        case .png: return try FastPNG.encode(try renderRaster(scene, scale: scale), compression: pngCompression)
        case .svg: return try SVGOutput.render(scene)
        case .pdf: return try PDFOutput.render(scene)
        }
    }
}
