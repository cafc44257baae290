import Cartography

/// Reference outlines (the furthest extent of an advance), dashed in their side's colour, only on
/// the dates they apply to: an outline of where an advance would reach is not drawn before it began.
struct ReferencesLayer: MapLayer {
    var id: LayerID? { .references }
    /// Undated outlines are the same on every frame; dated ones come and go.
    func staticGroups(in context: SequenceContext) -> [String] {
        context.dataset.references.filter { !$0.isDated }.map { "reference-\($0.id)" }
    }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        let u = c.layout.unit
        for (k, r) in c.dataset.references.enumerated() where r.isShown(on: frame.day) {
            let path = r.outline.isEmpty ? c.builder.path(r.geometry) : c.builder.path(r.outline)
            guard !path.isEmpty else { continue }
            let colors = c.theme.colors(forSide: r.side ?? "", index: k)
            let stroke = Stroke(colors.line, width: 1.5 * u, dash: [7 * u, 4 * u], cap: .butt)
            frame.map.append(.group(id: "reference-\(r.id)", clip: nil, items: [.path(path, fill: nil, stroke: stroke)]))
            frame.legend.append(LegendEntry(swatch: .line(stroke), label: r.label))
        }
    }
}
