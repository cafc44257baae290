import Cartography

/// Event markers on their places, numbered to match the panel's list; a number goes beside its star
/// where no name is (placed with the names, see `LabelPlan`), and events at one place share a star.
struct EventsLayer: MapLayer {
    var id: LayerID? { .events }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        let u = c.layout.unit, theme = c.theme
        let badges = frame.placement(in: c).badges
        var items: [SceneItem] = []
        for (k, s) in c.stars(frame.facts.events).enumerated() {
            items.append(
                .marker(
                    .star, at: s.point, size: c.eventMarkerSize, fill: Fill(theme.eventFill),
                    stroke: Stroke(theme.settlementLine, width: 1.2 * u)))
            guard k < badges.count, let badge = badges[k] else { continue }
            let anchor = LabelPlacer.anchor(of: badge.candidate)
            let x = anchor.horizontal == .start ? badge.box.x : anchor.horizontal == .end ? badge.box.maxX : badge.box.center.x
            items.append(
                .text(
                    TextItem(
                        SequenceContext.badgeText(s.numbers), at: Point(x, badge.box.y), anchor: TextAnchor(anchor.horizontal, .top),
                        style: c.badgeStyle)))
        }
        if !items.isEmpty {
            frame.legend.append(
                LegendEntry(
                    swatch: .marker(.star, Fill(theme.eventFill), Stroke(theme.settlementLine, width: 1.2 * u)),
                    label: c.words(.legendEvent), rank: .essential))
        }
        frame.map.append(.group(id: "events", clip: nil, items: items))
    }
}
