import Cartography
import MapRender

/// Renders `scene` into premultiplied ARGB32 pixels (`0xAARRGGBB`, row-major, top row first).
///
/// The same drawing path as PNG output, without encoding: for tests that look at pixels.
public func renderPixels(_ scene: Scene, scale: Double = 1) throws -> (width: Int, height: Int, pixels: [UInt32]) {
    let image = try Renderer().renderRaster(scene, scale: scale)
    let pixels = image.bgra.withUnsafeBytes { raw in
        (0..<(image.width * image.height)).map { raw.load(fromByteOffset: $0 * 4, as: UInt32.self) }
    }
    return (image.width, image.height, pixels)
}
