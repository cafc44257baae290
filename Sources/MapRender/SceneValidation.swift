import Cartography

/// Checks that a scene and scale describe a page Cairo can create.
enum SceneValidation {
    /// Cairo's largest image surface side, in device pixels.
    static let maxPixelSide = 32767.0

    /// Throws unless both page sides are positive, `scale` is positive and finite, and (for PNG, the only
    /// format with a pixel buffer) the scaled image fits Cairo's limit.
    static func check(_ scene: Scene, scale: Double, format: OutputFormat) throws {
        guard scene.width > 0, scene.height > 0 else {
            throw RenderError("page size \(scene.width)×\(scene.height) px: both sides must be positive")
        }
        guard scale.isFinite, scale > 0 else {
            throw RenderError("scale \(scale): must be a positive finite number")
        }
        guard format == .png else { return }
        let w = (Double(scene.width) * scale).rounded(.up), h = (Double(scene.height) * scale).rounded(.up)
        guard w <= maxPixelSide, h <= maxPixelSide else {
            throw RenderError(
                "page size \(scene.width)×\(scene.height) px at scale \(scale): larger than \(Int(maxPixelSide)) device pixels a side")
        }
    }
}
