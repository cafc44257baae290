import Cartography

/// Every colour, width and type size a map uses, as one typed value. Sizes are for a 1080-pixel-high
/// page and scale with the layout.
public struct Theme: Sendable {
    public struct SideColors: Sendable {
        public var fill: Color
        public var line: Color
    }

    public var name: String
    public var background: Color
    public var panel: Color
    /// Land tint by territory name; others use `land`.
    public var territoryTint: [String: Color]
    public var land: Color
    public var river: Color
    public var border: Stroke
    public var borderCasing: Stroke
    public var frontLine: Stroke
    /// Colours by side id; unknown sides take the fallback palette in order.
    public var sides: [String: SideColors]
    public var fallbackSides: [SideColors]
    public var heldOpacity: Double
    public var hatchSpacing: Double
    public var settlementFill: Color
    public var settlementLine: Color
    public var eventFill: Color
    public var text: Color
    public var mutedText: Color
    public var halo: Color
    public var fontFamily: String
    /// Sea and lakes, on the main map (basemap/water.geojson) and the inset.
    public var water: Color = Color(hex: 0xC6DBEF)
    /// Names of seas and lakes.
    public var waterText: Color = Color(hex: 0x3E6E9E)
    /// Outlines of regions within the countries (basemap/regions.geojson).
    public var regionEdge: Stroke = Stroke(Color(hex: 0x8A8A8A), width: 0.9, dash: [1.5, 2.5])
    /// Coasts and lake shores: a territory's edge that is no state border.
    public var coast: Stroke = Stroke(Color(hex: 0x6F9FCB), width: 1.1)
    /// The page where the data set says nothing (outside its region): never sea-coloured.
    public var noData: Color = Color(hex: 0xE4E4E2)
    /// The outline of the main map's extent on the inset.
    public var insetExtent: Stroke = Stroke(Color(hex: 0xC0392B), width: 2)
    /// Settlement label sizes are multiplied by this.
    public var labelScale: Double = 1
    /// Width of the hatch lines on claimed, contested and changed ground, px at unit 1 (never finer
    /// than the layout allows as displayed, see `Layout.hatch`).
    public var hatchLineWidth: Double = 1.2
    /// Which layers the map draws (all by default).
    public var layers = LayerSwitches.all

    /// The same theme drawing only the layers `layers` switches on.
    public func with(layers: LayerSwitches) -> Theme {
        var t = self
        t.layers = layers
        return t
    }

    public func colors(forSide id: String, index: Int) -> SideColors {
        sides[id] ?? fallbackSides[index % fallbackSides.count]
    }

    /// Blue and vermilion stay apart under deuteranopia and protanopia; claims are hatched as well,
    /// so nothing relies on hue alone.
    public static let standard = Theme(
        name: "default",
        background: Color(hex: 0xDCE6EE),
        panel: Color(hex: 0xFFFFFF),
        territoryTint: ["Russia": Color(hex: 0xEEECE7), "Ukraine": Color(hex: 0xF9F7F1)],
        land: Color(hex: 0xF2F0EB),
        river: Color(hex: 0x8DB9DD),
        border: Stroke(Color(hex: 0x4A4A4A), width: 1.6, dash: [9, 3, 2, 3], cap: .butt),
        borderCasing: Stroke(Color(hex: 0xFFFFFF, alpha: 0.8), width: 4),
        frontLine: Stroke(Color(hex: 0x15315C), width: 2.2),
        sides: [
            "ukraine": SideColors(fill: Color(hex: 0x2F74C0), line: Color(hex: 0x1B4F8C)),
            "russia": SideColors(fill: Color(hex: 0xD55E00), line: Color(hex: 0x9A3F00)),
        ],
        fallbackSides: [
            SideColors(fill: Color(hex: 0x0072B2), line: Color(hex: 0x004C77)),
            SideColors(fill: Color(hex: 0xE69F00), line: Color(hex: 0x9A6A00)),
            SideColors(fill: Color(hex: 0x009E73), line: Color(hex: 0x006A4D)),
        ],
        heldOpacity: 0.42,
        hatchSpacing: 7,
        settlementFill: Color(hex: 0xFFFFFF),
        settlementLine: Color(hex: 0x222222),
        eventFill: Color(hex: 0xFFC20A),
        text: Color(hex: 0x1E1E1E),
        mutedText: Color(hex: 0x5E5E5E),
        halo: Color(hex: 0xFFFFFF, alpha: 0.9),
        fontFamily: "Noto Sans, DejaVu Sans, sans-serif")

    /// Greys only, for black-and-white print: the sides differ in tone (dark and light), and what
    /// changed hands is hatched, one direction per side, as on the colour maps.
    public static let print = Theme(
        name: "print",
        background: Color(hex: 0xFFFFFF),
        panel: Color(hex: 0xFFFFFF),
        territoryTint: ["Russia": Color(hex: 0xECECEC), "Ukraine": Color(hex: 0xFAFAFA)],
        land: Color(hex: 0xF2F2F2),
        river: Color(hex: 0x9A9A9A),
        border: Stroke(Color(hex: 0x000000), width: 1.6, dash: [9, 3, 2, 3], cap: .butt),
        borderCasing: Stroke(Color(hex: 0xFFFFFF, alpha: 0.85), width: 4),
        frontLine: Stroke(Color(hex: 0x000000), width: 2.4),
        sides: [
            "ukraine": SideColors(fill: Color(hex: 0x303030), line: Color(hex: 0x000000)),
            "russia": SideColors(fill: Color(hex: 0x8C8C8C), line: Color(hex: 0x5A5A5A)),
        ],
        fallbackSides: [
            SideColors(fill: Color(hex: 0x303030), line: Color(hex: 0x000000)),
            SideColors(fill: Color(hex: 0x8C8C8C), line: Color(hex: 0x5A5A5A)),
            SideColors(fill: Color(hex: 0x707070), line: Color(hex: 0x2A2A2A)),
        ],
        heldOpacity: 0.42,
        hatchSpacing: 9,
        settlementFill: Color(hex: 0xFFFFFF),
        settlementLine: Color(hex: 0x000000),
        eventFill: Color(hex: 0xD8D8D8),
        text: Color(hex: 0x000000),
        mutedText: Color(hex: 0x4A4A4A),
        halo: Color(hex: 0xFFFFFF, alpha: 0.9),
        fontFamily: "Noto Sans, DejaVu Sans, sans-serif",
        water: Color(hex: 0xDCDCDC), waterText: Color(hex: 0x4A4A4A),
        coast: Stroke(Color(hex: 0x000000), width: 0.9),
        noData: Color(hex: 0xF4F4F4),
        insetExtent: Stroke(Color(hex: 0x000000), width: 2),
        // Newsprint: ink spreads and tints under ~15% drop out, so the hatch is heavier and wider apart
        // than on screen, and the light side's ground is a 20% tone, not 12%.
        hatchLineWidth: 1.6)

    /// The themes `--theme` knows, by name.
    public static let all: [Theme] = [.standard, .print, .dark]

    public static func named(_ name: String) -> Theme? { all.first { $0.name == name } }
}
