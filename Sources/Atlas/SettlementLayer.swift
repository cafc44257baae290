import Cartography
import GeoCore
import MapData

extension SequenceContext {
    /// Markers, uncertainty rings, event markers and labels. Exact positions get a solid marker;
    /// approximate ones a dashed marker and a ring of their stated uncertainty.
    func settlementItems(events: [Event], changedHands: [HandsChange], since: Day?) -> ([SceneItem], [LegendEntry]) {
        let u = layout.unit
        let frame = labelBounds
        var rings: [SceneItem] = [], markers: [SceneItem] = [], labels: [SceneItem] = [], eventItems: [SceneItem] = []
        var legend: [LegendEntry] = []
        let located = locatedSettlements()
        let solid = Stroke(theme.settlementLine, width: 1.3 * u)
        let dashed = Stroke(theme.settlementLine, width: 1.3 * u, dash: [2.5 * u, 1.8 * u], cap: .butt)
        var sawExact = false, sawApprox = false
        for (s, p) in located where theme.layers.settlements {
            let size = markerSize(s)
            if case .approximate(let km) = s.precision {
                sawApprox = true
                if let km {
                    let r = km * projection.pixelsPerKm(at: s.location ?? dataset.manifest.view.center)
                    rings.append(
                        .path(
                            circle(p, r), fill: Fill(theme.settlementLine.with(alpha: 0.05)),
                            stroke: Stroke(theme.settlementLine.with(alpha: 0.45), width: 0.8 * u, dash: [3 * u, 3 * u], cap: .butt)))
                }
                markers.append(.marker(.circle, at: p, size: size, fill: Fill(theme.settlementFill), stroke: dashed))
            } else {
                sawExact = true
                markers.append(
                    .marker(
                        s.population ?? 0 >= 100_000 ? .square : .circle, at: p, size: size,
                        fill: Fill(theme.settlementFill), stroke: solid))
            }
        }
        // A ring in the new holder's colour marks a settlement that changed hands.
        var rings2: [SceneItem] = []
        for h in changedHands where theme.layers.settlements {
            guard let l = h.settlement.location, let to = h.to else { continue }
            let p = projection.project(l)
            guard frame.contains(p) else { continue }
            let index = dataset.manifest.sides.firstIndex { $0.id == to } ?? 0
            rings2.append(
                .marker(
                    .circle, at: p, size: markerSize(h.settlement) + 9 * u, fill: nil,
                    stroke: Stroke(theme.colors(forSide: to, index: index).line, width: 2.4 * u)))
        }
        if !rings2.isEmpty, let since {
            legend.append(
                LegendEntry(
                    swatch: .marker(.circle, Fill(theme.settlementFill), Stroke(theme.text, width: 2.4 * u)),
                    label: "Settlement that changed hands since \(since.longDescription) (ring in the new holder's colour)"))
        }
        markers += rings2

        // Event markers sit on their places; numbered to match the panel's list.
        for (n, e) in numberedLocatedEvents(events) where theme.layers.events {
            guard let l = e.location else { continue }
            let p = projection.project(l)
            guard frame.contains(p) else { continue }
            let size = eventMarkerSize
            eventItems.append(
                .marker(
                    .star, at: Point(p.x, p.y), size: size, fill: Fill(theme.eventFill),
                    stroke: Stroke(theme.settlementLine, width: 1.2 * u)))
            let badge = TextItem(
                "\(n)", at: Point(p.x + 9 * u, p.y - 9 * u), anchor: TextAnchor(.start, .bottom),
                style: TextStyle(
                    family: theme.fontFamily, size: 13 * u, weight: .bold, color: theme.text,
                    halo: theme.halo, haloWidth: 2.5 * u))
            eventItems.append(.text(badge))
        }
        // Labels: placed once for the sequence, so they stay put from frame to frame (see LabelPlan).
        if theme.layers.labels, theme.layers.settlements { labels = labelItems(events: events) }
        if sawExact {
            legend.append(LegendEntry(swatch: .marker(.circle, Fill(theme.settlementFill), solid), label: "Settlement (position exact)"))
        }
        if sawApprox {
            legend.append(
                LegendEntry(
                    swatch: .marker(.circle, Fill(theme.settlementFill), dashed),
                    label: "Settlement, approximate position (dashed ring: stated uncertainty)"))
        }
        if !eventItems.isEmpty {
            legend.append(
                LegendEntry(
                    swatch: .marker(.star, Fill(theme.eventFill), Stroke(theme.settlementLine, width: 1.2 * u)),
                    label: "Event reported on this date (a claim; numbers match the list)"))
        }
        return (
            [
                .group(id: "settlements", clip: nil, items: rings + markers),
                .group(id: "events", clip: nil, items: eventItems),
                .group(id: "labels", clip: nil, items: labels),
            ], legend
        )
    }

    func markerSize(_ s: Settlement) -> Double {
        let pop = s.population ?? 0
        return (pop >= 100_000 ? 12 : pop >= 10_000 ? 10 : pop >= 3_000 ? 9 : 7.5) * layout.unit
    }

    /// Events with a place on the map, numbered 1… in list order (the panel uses the same numbers).
    func numberedLocatedEvents(_ events: [Event]) -> [(Int, Event)] {
        var n = 0
        return events.compactMap { e in
            guard e.location != nil else { return nil }
            n += 1
            return (n, e)
        }
    }

    func circle(_ c: Point, _ r: Double) -> PagePath {
        let pts = (0...48).map { k -> Point in
            let a = Double(k) / 48 * 2 * .pi
            return Point(c.x + r * cos(a), c.y + r * sin(a))
        }
        return PagePath(subpaths: [pts], closed: true)
    }
}

#if canImport(Glibc)
    import Glibc
#endif
