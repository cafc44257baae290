import Cartography

/// Where the parts of a map go on a page of a given size: an information panel beside (or, in
/// portrait, above) the map frame, and furniture inside the frame.
public struct Layout: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Type and line sizes are multiplied by this (1 at 1080 px high).
    public let unit: Double
    public let panel: Rect
    public let map: Rect
    public let margin: Double

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
        let w = Double(width), h = Double(height)
        // Sizes are designed for 1920×1080; portrait pages scale by their own long and short sides.
        unit = max(0.5, min(max(w, h) / 1920, min(w, h) / 1080))
        margin = 18 * unit
        if w >= h {
            let pw = min(max(w * 0.25, 300 * unit), 560 * unit)
            panel = Rect(x: 0, y: 0, width: pw, height: h)
            map = Rect(x: pw, y: 0, width: w - pw, height: h)
        } else {
            let ph = h * 0.42
            panel = Rect(x: 0, y: h - ph, width: w, height: ph)
            map = Rect(x: 0, y: 0, width: w, height: h - ph)
        }
    }
}
