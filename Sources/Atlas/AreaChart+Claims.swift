import Cartography
import GeoCore
import MapData

extension AreaChart {
    /// Reported area figures (ISW's ~800 km², Kyiv's >1,000 km²): totals claimed for a side, which
    /// the chart shows as dated points beside the measured line, labelled by claimant, never joined
    /// to it.
    func areaClaims(from first: Day, to last: Day) -> [(event: Event, km2: Double, side: Int)] {
        dataset.events.compactMap { e in
            guard e.date >= first, e.date <= last, let km2 = e.areaClaimKm2,
                let side = dataset.manifest.sides.firstIndex(where: { $0.id == e.actor })
            else { return nil }
            return (e, km2, side)
        }
    }

    /// Hollow diamonds in the side's colour, each with "claimant: ~800"; labels at one date stack.
    func claimItems(
        _ claims: [(event: Event, km2: Double, side: Int)], x: (Day) -> Double, y: (Double) -> Double, unit u: Double,
        placer: inout ChartTextPlacer
    ) -> [SceneItem] {
        var items: [SceneItem] = []
        for c in claims.sorted(by: { ($0.event.date, -$0.km2) < ($1.event.date, -$1.km2) }) {
            let side = dataset.manifest.sides[c.side]
            let colors = theme.colors(forSide: side.id, index: c.side)
            let p = Point(x(c.event.date), y(c.km2))
            items.append(
                .marker(.diamond, at: p, size: 13 * u, fill: Fill(theme.panel), stroke: Stroke(colors.line, width: 2.2 * u)))
            let text = words(
                .claimLabel, ["claimant": c.event.claimedBy, "figure": c.event.figureQualifier + words.format.km2Rounded(c.km2)])
            let style = TextStyle(
                family: theme.fontFamily, size: 12 * u, italic: true, color: colors.line, halo: theme.halo, haloWidth: 2.5 * u)
            // Beside its point, or stepped down until it finds room (at most five tries).
            var label = TextItem(text, at: Point(p.x + 11 * u, p.y), anchor: TextAnchor(.start, .middle), style: style)
            for _ in 0..<5 {
                if placer.place(label) {
                    items.append(.text(label))
                    break
                }
                label.position.y += placer.size(label).height + 2 * u
            }
        }
        return items
    }
}
