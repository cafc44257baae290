import Cartography

/// Where the parts of a map go on a page of a given size: an information panel beside (on wide pages)
/// or below (on square and portrait pages) the map frame, and the furniture on a grid inside the frame.
public struct Layout: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Type and line sizes are multiplied by this (1 at 1080 px high).
    public let unit: Double
    public let panel: Rect
    public let map: Rect
    public let margin: Double
    /// The panel's text runs in this many columns (two on squarish pages, where it is short and wide).
    public let panelColumns: Int
    /// Furniture slots in the corners of the map frame: the inset top left, the north arrow top right,
    /// the scale bar bottom left (the bottom right stays free for the map).
    public let inset: Rect
    public let northArrow: Rect
    public let scaleBar: Rect

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
        let w = Double(width), h = Double(height)
        // Sizes are designed for 1920×1080; other pages scale by their own long and short sides.
        let wide = w >= 1.4 * h, square = !wide && h <= 1.25 * w
        // Wide pages are designed at 1920×1080; below the map, type is sized by the page's width, a
        // little smaller on squarish pages, whose short panel holds two columns.
        let unit = max(0.5, wide ? min(w / 1920, h / 1080) : min(w, h) / 1080 * (square ? 0.8 : 1))
        self.unit = unit
        margin = 18 * unit
        panelColumns = square ? 2 : 1
        if wide {
            // Wide: the panel beside the map, as on a 16:9 screen.
            let pw = min(max(w * 0.25, 300 * unit), 560 * unit)
            panel = Rect(x: 0, y: 0, width: pw, height: h)
            map = Rect(x: pw, y: 0, width: w - pw, height: h)
        } else {
            // Square and portrait: a panel beside the map would leave the map a narrow strip, so it
            // goes below, taking what the map (wider than tall) does not need.
            let ph = max(h - w * 0.8, h * 0.36)
            panel = Rect(x: 0, y: h - ph, width: w, height: ph)
            map = Rect(x: 0, y: 0, width: w, height: h - ph)
        }
        let edge = 20 * unit
        let insetWidth = min(max(map.width * 0.22, 190 * unit), 340 * unit)
        inset = Rect(x: map.x + edge, y: map.y + edge, width: insetWidth, height: insetWidth * 0.8)
        northArrow = Rect(x: map.maxX - 54 * unit - edge, y: map.y + edge, width: 54 * unit, height: 78 * unit)
        scaleBar = Rect(x: map.x + 24 * unit, y: map.maxY - 70 * unit, width: 260 * unit, height: 52 * unit)
    }

    /// The page sizes `--size` knows by name. A4 is in PDF points (1/72 in), landscape to suit a
    /// region wider than tall; PNG at `--scale 4.1667` is then 300 dpi.
    public static let named: [(name: String, width: Int, height: Int)] = [
        ("hd", 1920, 1080), ("square", 1080, 1080), ("portrait", 1080, 1920),
        ("a4", 842, 595), ("a4-portrait", 595, 842),
    ]
}
