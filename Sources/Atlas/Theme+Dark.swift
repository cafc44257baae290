import Cartography

extension Theme {
    /// Light on dark, for screens and video: the default theme's blue and orange pair, lightened so
    /// they keep their contrast on a dark ground, apart in lightness too (the blue lighter), so they stay
    /// apart under protanopia and deuteranopia and in grey.
    public static let dark = Theme(
        name: "dark",
        background: Color(hex: 0x101820),
        panel: Color(hex: 0x18212B),
        territoryTint: ["Russia": Color(hex: 0x262C33), "Ukraine": Color(hex: 0x2E353D)],
        land: Color(hex: 0x2A3038),
        river: Color(hex: 0x3C6E99),
        border: Stroke(Color(hex: 0xC9CED4), width: 1.6, dash: [9, 3, 2, 3], cap: .butt),
        borderCasing: Stroke(Color(hex: 0x101820, alpha: 0.8), width: 4),
        frontLine: Stroke(Color(hex: 0xE8F1FA), width: 2.2),
        sides: [
            "ukraine": SideColors(fill: Color(hex: 0x5AA9F0), line: Color(hex: 0x9FCDF7)),
            "russia": SideColors(fill: Color(hex: 0xC85A14), line: Color(hex: 0xF0A064)),
        ],
        fallbackSides: [
            SideColors(fill: Color(hex: 0x56B4E9), line: Color(hex: 0xA6D8F5)),
            SideColors(fill: Color(hex: 0xE69F00), line: Color(hex: 0xF5CD70)),
            SideColors(fill: Color(hex: 0x009E73), line: Color(hex: 0x5FD3B0)),
        ],
        heldOpacity: 0.5,
        hatchSpacing: 7,
        settlementFill: Color(hex: 0x18212B),
        settlementLine: Color(hex: 0xE6E6E6),
        eventFill: Color(hex: 0xFFC20A),
        text: Color(hex: 0xEEF1F4),
        mutedText: Color(hex: 0xA9B3BD),
        halo: Color(hex: 0x101820, alpha: 0.85),
        fontFamily: "Noto Sans, DejaVu Sans, sans-serif",
        water: Color(hex: 0x1B3A57), waterText: Color(hex: 0x8FB3D9),
        coast: Stroke(Color(hex: 0x4F7FA8), width: 1.1),
        noData: Color(hex: 0x1A1F25),
        insetExtent: Stroke(Color(hex: 0xFFC20A), width: 2))
}
