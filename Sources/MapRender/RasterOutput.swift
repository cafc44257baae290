internal import CCairo
import Cartography

/// A scene drawn into an ARGB32 image surface.
enum RasterOutput {
    /// Draws `scene` on a new ARGB32 surface of `ceil(width × scale) × ceil(height × scale)` device pixels.
    static func rasterize(_ scene: Scene, scale: Double) throws -> CairoCanvas {
        let width = Int32((Double(scene.width) * scale).rounded(.up))
        let height = Int32((Double(scene.height) * scale).rounded(.up))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height) else {
            throw RenderError("PNG: cairo_image_surface_create returned no surface")
        }
        let canvas = try CairoCanvas(surface: surface, stage: "PNG")
        cairo_scale(canvas.context, scale, scale)
        try SceneDrawer(context: canvas.context).draw(scene)
        cairo_surface_flush(canvas.surface)
        try canvas.check(stage: "PNG: drawing")
        return canvas
    }
}

/// Renders `scene` into premultiplied ARGB32 pixels (`0xAARRGGBB`, row-major, top row first).
///
/// The same drawing path as PNG output, without encoding: for tests that look at pixels.
func renderPixels(_ scene: Scene, scale: Double = 1) throws -> (width: Int, height: Int, pixels: [UInt32]) {
    let image = try Renderer().renderRaster(scene, scale: scale)
    let pixels = image.bgra.withUnsafeBytes { raw in
        (0..<(image.width * image.height)).map { raw.load(fromByteOffset: $0 * 4, as: UInt32.self) }
    }
    return (image.width, image.height, pixels)
}

/// A rendered page as packed 8-bit B, G, R, A bytes, top row first: what video encoders take
/// (ffmpeg's `bgra`) without a PNG round trip. The page background is opaque, so alpha is 255.
public struct RasterImage: Sendable {
    public let width: Int
    public let height: Int
    public let bgra: [UInt8]
}

extension Renderer {
    /// Renders `scene` into raw pixels (the PNG drawing path, without encoding).
    public func renderRaster(_ scene: Scene, scale: Double = 1) throws -> RasterImage {
        try SceneValidation.check(scene, scale: scale, format: .png)
        let canvas = try RasterOutput.rasterize(scene, scale: scale)
        let width = Int(cairo_image_surface_get_width(canvas.surface))
        let height = Int(cairo_image_surface_get_height(canvas.surface))
        let stride = Int(cairo_image_surface_get_stride(canvas.surface))
        guard let data = cairo_image_surface_get_data(canvas.surface) else {
            throw RenderError("pixels: image surface has no data")
        }
        let rowBytes = width * 4
        // ARGB32 is native-endian 0xAARRGGBB: B, G, R, A in memory on little-endian machines.
        let bytes = [UInt8](unsafeUninitializedCapacity: rowBytes * height) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            for row in 0..<height {
                let source = UnsafeRawPointer(data + row * stride)
                UnsafeMutableRawPointer(base + row * rowBytes).copyMemory(from: source, byteCount: rowBytes)
            }
            count = rowBytes * height
        }
        return RasterImage(width: width, height: height, bgra: bytes)
    }
}
