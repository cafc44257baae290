import Cartography

/// Rivers, wider for the larger ones (GSHHG levels 1–2, then 3–4, then the rest).
struct RiversLayer: MapLayer {
    var id: LayerID? { .rivers }
    func staticGroups(in context: SequenceContext) -> [String] { ["rivers"] }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        let u = c.layout.unit
        var rivers: [SceneItem] = []
        for r in c.riverPaths {
            let w = (r.level.map { $0 <= 2 ? 1.6 : ($0 <= 4 ? 1.1 : 0.8) } ?? 1.0) * u
            rivers.append(.path(r.path, fill: nil, stroke: Stroke(c.theme.river, width: w)))
        }
        frame.map.append(.group(id: "rivers", clip: nil, items: rivers))
        if !rivers.isEmpty {
            frame.legend.append(LegendEntry(swatch: .line(Stroke(c.theme.river, width: 1.6 * u)), label: c.words(.legendRiver)))
        }
    }
}
