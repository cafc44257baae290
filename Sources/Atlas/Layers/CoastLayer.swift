import Cartography

/// Coasts and lake shores: territory edges that are no state border, drawn as shorelines (the border
/// keeps its dash-dot; the front line keeps clear of both).
struct CoastLayer: MapLayer {
    var id: LayerID? { .coast }
    func staticGroups(in context: SequenceContext) -> [String] { ["coast"] }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        guard !c.coastPath.isEmpty else { return }
        let stroke = c.theme.coast.scaled(c.layout.unit)
        frame.map.append(.group(id: "coast", clip: nil, items: [.path(c.coastPath, fill: nil, stroke: stroke)]))
        frame.legend.append(LegendEntry(swatch: .line(stroke), label: c.words(.legendCoast)))
    }
}
