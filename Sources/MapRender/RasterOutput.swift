import Cartography

/// A rendered page as packed 8-bit B, G, R, A bytes, top row first: what video encoders take
/// (ffmpeg's `bgra`) without a PNG round trip. The page background is opaque, so alpha is 255.
public struct RasterImage: Sendable {
    public let width: Int
    public let height: Int
    public let bgra: [UInt8]
}

extension Renderer {
    /// Renders `scene` into raw pixels (the PNG drawing path, without encoding). Pass the same
    /// `rasterizer` for every frame of a sequence so that static layers are drawn once.
    public func renderRaster(_ scene: Scene, scale: Double = 1, rasterizer: FrameRasterizer = FrameRasterizer(oneFrame: true)) throws
        -> RasterImage
    {
        try rasterizer.raster(scene, scale: scale)
    }
}
