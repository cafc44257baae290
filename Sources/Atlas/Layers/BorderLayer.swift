import Cartography

/// The state border over a light casing.
struct BorderLayer: MapLayer {
    var id: LayerID? { .border }
    func staticGroups(in context: SequenceContext) -> [String] { ["border"] }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        let u = c.layout.unit
        let border = c.theme.border.scaled(u), casing = c.theme.borderCasing.scaled(u)
        frame.map.append(
            .group(
                id: "border", clip: nil,
                items: [.path(c.borderPath, fill: nil, stroke: casing), .path(c.borderPath, fill: nil, stroke: border)]))
        frame.legend.append(LegendEntry(swatch: .line(border), label: c.words(.legendBorder)))
    }
}
