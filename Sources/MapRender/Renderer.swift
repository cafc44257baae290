import Cartography

/// Draws a `Scene` with Cairo (text with Pango) and returns the encoded file.
///
/// The renderer holds no state; every call builds its own surface, so concurrent calls are safe.
/// Output is byte-stable: the same scene gives the same bytes, in one process or across processes.
public struct Renderer: Sendable {
    public let pngCompression: PNGCompression
    public let svgText: SVGTextMode

    public init(pngCompression: PNGCompression = .fast, svgText: SVGTextMode = .text) {
        self.pngCompression = pngCompression; self.svgText = svgText
    }

    /// Renders `scene` as `format`.
    ///
    /// - Parameter scale: device pixels per page pixel for PNG (2 gives a HiDPI image of twice the
    ///   width and height). SVG and PDF are vector documents measured in page pixels (one PDF point per
    ///   pixel) and ignore it, but it must still be a positive finite number.
    ///   - rasterizer: for PNG, the surface and static-layer cache to draw with; pass one per thread
    ///     for every frame of a sequence (see `FrameRasterizer`).
    /// - Throws: `RenderError` for an empty page or an oversized PNG, a bad scale or date, or any Cairo error.
    public func render(
        _ scene: Scene, format: OutputFormat, scale: Double = 1, rasterizer: FrameRasterizer = FrameRasterizer(oneFrame: true)
    ) throws -> [UInt8] {
        try SceneValidation.check(scene, scale: scale, format: format)
        switch format {
        case .png: return try rasterizer.png(scene, scale: scale, compression: pngCompression)
        case .svg: return try SVGOutput.render(scene, text: svgText)
        case .pdf: return try PDFOutput.render(pages: [scene])
        }
    }

    /// Renders `pages` as one PDF, a page per scene, each page the size of its scene.
    ///
    /// The document's title, subject and creation date come from the first scene; with more than one
    /// page each page also gets a bookmark named by its scene's title.
    /// - Throws: `RenderError` for no pages, an empty page, a bad date, or any Cairo error.
    public func renderPDF(pages: [Scene]) throws -> [UInt8] {
        for page in pages { try SceneValidation.check(page, scale: 1, format: .pdf) }
        return try PDFOutput.render(pages: pages)
    }
}
