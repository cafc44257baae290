import Cartography

/// Where the parts of a map go on a page of a given size: an information panel beside (on wide pages)
/// or below (on square and portrait pages) the map frame, and the furniture on a grid inside the frame.
/// The page follows the rules of the named layout nearest its shape (`LayoutRules`): the width it is
/// seen at and the smallest type it sets there.
public struct Layout: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public let rules: LayoutRules
    /// Type and line sizes are multiplied by this (1 at 1080 px high; on phone layouts, by the
    /// page's pixels per displayed pixel).
    public let unit: Double
    public let panel: Rect
    public let map: Rect
    public let margin: Double
    /// The panel's text runs in this many columns (two on squarish pages, where it is short and wide).
    public let panelColumns: Int
    /// Furniture slots in the corners of the map frame: by default the inset top left, the north arrow
    /// top right, the scale bar bottom left; a map moves them off its held ground (`FurniturePlacer`).
    public internal(set) var inset: Rect
    public internal(set) var northArrow: Rect
    public internal(set) var scaleBar: Rect

    public init(width: Int, height: Int) { self.init(width: width, height: height, rules: .nearest(width: width, height: height)) }

    public init(width: Int, height: Int, rules: LayoutRules) {
        self.width = width
        self.height = height
        self.rules = rules
        let w = Double(width), h = Double(height)
        let wide = w >= 1.4 * h, square = !wide && h <= 1.25 * w
        if let seen = rules.displayWidth {
            // Seen at a fixed width: the design is set at `displayUnit` of its size there.
            unit = rules.displayUnit * w / min(w, seen)
        } else {
            // Sizes are designed for 1920×1080; other pages scale by their own long and short sides.
            // Below the map, type is sized by the page's width, a little smaller on squarish pages,
            // whose short panel holds two columns.
            unit = max(0.5, wide ? min(w / 1920, h / 1080) : min(w, h) / 1080 * (square ? 0.8 : 1))
        }
        margin = 18 * unit
        panelColumns = rules.panelColumns
        if wide {
            // Wide: the panel beside the map, as on a 16:9 screen.
            // At least 300 px of the hd design, or as much at the layout's smallest type on a small page.
            let least = 300 * max(unit, rules.minBodyPx * w / min(w, rules.displayWidth ?? w) / 11)
            let pw = rules.mapShare.map { w * (1 - $0) } ?? min(max(w * 0.25, least), 560 * unit, w * 0.4)
            panel = Rect(x: 0, y: 0, width: pw, height: h)
            map = Rect(x: pw, y: 0, width: w - pw, height: h)
        } else {
            // Square and portrait: a panel beside the map would leave the map a narrow strip, so it
            // goes below, taking what the map (wider than tall) does not need.
            let ph = rules.mapShare.map { h * (1 - $0) } ?? max(h - w * 0.8, h * 0.36)
            panel = Rect(x: 0, y: h - ph, width: w, height: ph)
            map = Rect(x: 0, y: 0, width: w, height: h - ph)
        }
        let u = unit, edge = 20 * u
        let insetWidth = min(max(map.width * 0.22, 190 * u), 340 * u, map.width * 0.3)
        inset = Rect(x: map.x + edge, y: map.y + edge, width: insetWidth, height: insetWidth * 0.8)
        northArrow = Rect(x: map.maxX - 54 * u - edge, y: map.y + edge, width: 54 * u, height: 78 * u)
        let barWidth = min(260 * u, map.width * 0.38)
        scaleBar = Rect(x: map.x + 24 * u, y: map.maxY - 70 * u, width: barWidth, height: 52 * u)
    }

    public init(_ rules: LayoutRules) { self.init(width: rules.width, height: rules.height, rules: rules) }

    /// The page sizes `--size` knows by name. A4 is in PDF points (1/72 in), landscape to suit a
    /// region wider than tall; PNG at `--scale 4.1667` is then 300 dpi.
    public static let named: [(name: String, width: Int, height: Int)] = LayoutRules.all.map { ($0.name, $0.width, $0.height) }

    /// The panel's inner margin: 28 px of the hd design, 16 px as displayed on a phone or card.
    public var panelPadding: Double { rules.displayWidth == nil ? 28 * unit : 16 * pagePerDisplayPx }

    /// The width the page is seen at, in displayed px: its rules' width, or its own.
    public var displayWidth: Double { min(Double(width), rules.displayWidth ?? Double(width)) }

    /// A page whose panel says less (see `PanelLayer`): one seen at a phone's or a link card's width,
    /// or one so small for its layout that the design's 14 px labels fall below its smallest type (a
    /// 960×540 GIF), where every line of the panel is set at that smallest type and room is short.
    public var isCompact: Bool { rules.displayWidth != nil || 14 * unit < minimumTextSize() }

    /// Page px per displayed px.
    public var pagePerDisplayPx: Double { Double(width) / displayWidth }

    /// The smallest type size allowed on this page, in page px.
    public func minimumTextSize(_ role: TextRole = .body) -> Double {
        (role == .credit ? rules.minCreditPx : rules.minBodyPx) * pagePerDisplayPx
    }

    /// A type size of the hd design (`base` px at unit 1) on this page: scaled by the unit and
    /// never below the layout's minimum as displayed. Small pages keep their type and thin labels.
    public func textSize(_ base: Double, _ role: TextRole = .body) -> Double { max(base * unit, minimumTextSize(role)) }

    /// Hatch spacing and line width on this page for a theme's `spacing` and `lineWidth` (px at unit 1),
    /// never finer than the layout's minimum as displayed.
    public func hatch(spacing: Double, lineWidth: Double) -> (spacing: Double, lineWidth: Double) {
        (
            max(spacing * unit, rules.minHatchSpacingPx * pagePerDisplayPx),
            max(lineWidth * unit, rules.minHatchWidthPx * pagePerDisplayPx)
        )
    }
}

/// What a text is, for the smallest size it may take.
public enum TextRole: Sendable, Equatable {
    case body
    /// Credits and sources in the panel's foot.
    case credit
}
