import Cartography

/// Reference outlines (the furthest extent of an advance), dashed in their side's colour.
struct ReferencesLayer: MapLayer {
    var id: LayerID? { .references }
    func staticGroups(in context: SequenceContext) -> [String] { context.dataset.references.map { "reference-\($0.id)" } }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        let u = c.layout.unit
        for (k, r) in c.dataset.references.enumerated() {
            let path = r.outline.isEmpty ? c.builder.path(r.geometry) : c.builder.path(r.outline)
            guard !path.isEmpty else { continue }
            let colors = c.theme.colors(forSide: r.side ?? "", index: k)
            let stroke = Stroke(colors.line, width: 1.5 * u, dash: [7 * u, 4 * u], cap: .butt)
            frame.map.append(.group(id: "reference-\(r.id)", clip: nil, items: [.path(path, fill: nil, stroke: stroke)]))
            frame.legend.append(LegendEntry(swatch: .line(stroke), label: r.label))
        }
    }
}
