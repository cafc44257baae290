import Cartography

/// Event markers on their places, numbered to match the panel's list (one number per place).
struct EventsLayer: MapLayer {
    var id: LayerID? { .events }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        let u = c.layout.unit, theme = c.theme, bounds = c.labelBounds
        var items: [SceneItem] = []
        for (n, e) in c.numberedLocatedEvents(frame.facts.events) {
            guard let l = e.location else { continue }
            let p = c.projection.project(l)
            guard bounds.contains(p) else { continue }
            items.append(
                .marker(
                    .star, at: Point(p.x, p.y), size: c.eventMarkerSize, fill: Fill(theme.eventFill),
                    stroke: Stroke(theme.settlementLine, width: 1.2 * u)))
            let badge = TextItem(
                c.words.format.number(n), at: Point(p.x + 9 * u, p.y - 9 * u), anchor: TextAnchor(.start, .bottom),
                style: TextStyle(
                    family: theme.fontFamily, size: 13 * u, weight: .bold, color: theme.text, halo: theme.halo, haloWidth: 2.5 * u))
            items.append(.text(badge))
        }
        if !items.isEmpty {
            frame.legend.append(
                LegendEntry(
                    swatch: .marker(.star, Fill(theme.eventFill), Stroke(theme.settlementLine, width: 1.2 * u)),
                    label: c.words(.legendEvent)))
        }
        frame.map.append(.group(id: "events", clip: nil, items: items))
    }
}
