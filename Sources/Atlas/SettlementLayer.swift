import Cartography
import GeoCore
import MapData

extension SequenceContext {
    /// Markers, uncertainty rings, event markers and labels. Exact positions get a solid marker;
    /// approximate ones a dashed marker and a ring of their stated uncertainty.
    func settlementItems(events: [Event], changedHands: [HandsChange], since: Day?, furniture: [Rect]) -> ([SceneItem], [LegendEntry]) {
        let u = layout.unit
        let frame = layout.map.insetBy(4 * u)
        var rings: [SceneItem] = [], markers: [SceneItem] = [], labels: [SceneItem] = [], eventItems: [SceneItem] = []
        var legend: [LegendEntry] = []
        let eventPlaces = Set(events.compactMap(\.settlement))
        let located = dataset.gazetteer.settlements.compactMap { s -> (Settlement, Point)? in
            guard let l = s.location else { return nil }
            let p = projection.project(l)
            return frame.contains(p) ? (s, p) : nil
        }
        var placer = LabelPlacer(bounds: frame, obstacles: furniture)
        let solid = Stroke(theme.settlementLine, width: 1.3 * u)
        let dashed = Stroke(theme.settlementLine, width: 1.3 * u, dash: [2.5 * u, 1.8 * u], cap: .butt)
        var sawExact = false, sawApprox = false
        for (s, p) in located {
            let size = markerSize(s)
            placer.reserve(Rect(x: p.x - size / 2, y: p.y - size / 2, width: size, height: size))
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
        for h in changedHands {
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
        for (n, e) in numberedLocatedEvents(events) {
            guard let l = e.location else { continue }
            let p = projection.project(l)
            guard frame.contains(p) else { continue }
            let size = 22 * u
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
            placer.reserve(Rect(x: p.x - size / 2, y: p.y - size / 2, width: size, height: size))
            placer.reserve(badge.box(width: 14 * u, height: 16 * u))
        }
        // Labels by priority: places named in today's events, then by population.
        let ordered = located.sorted { a, b in
            let ea = eventPlaces.contains(a.0.name), eb = eventPlaces.contains(b.0.name)
            if ea != eb { return ea }
            if (a.0.population ?? 0) != (b.0.population ?? 0) { return (a.0.population ?? 0) > (b.0.population ?? 0) }
            return a.0.name < b.0.name
        }
        for (s, p) in ordered {
            let big = (s.population ?? 0) >= 4000
            let main = TextStyle(
                family: theme.fontFamily, size: (big ? 17 : 14) * u, weight: big ? .bold : .regular,
                color: theme.text, halo: theme.halo, haloWidth: 2.5 * u)
            let sub = TextStyle(
                family: theme.fontFamily, size: 11.5 * u, italic: true, color: theme.mutedText,
                halo: theme.halo, haloWidth: 2 * u)
            let name = s.isApproximate ? s.name + " (approx.)" : s.name
            let m1 = measurer.measure(name, style: main, maxWidth: nil)
            let m2 = s.nameRu.map { measurer.measure($0, style: sub, maxWidth: nil) } ?? (width: 0, height: 0)
            let block = (width: max(m1.width, m2.width), height: m1.height + m2.height)
            guard let (box, anchor) = placer.place(at: p, size: block, gap: markerSize(s) / 2 + 3 * u) else { continue }
            let x: Double, h: TextAnchor.Horizontal
            switch anchor.horizontal {
            case .start: (x, h) = (box.x, .start)
            case .end: (x, h) = (box.maxX, .end)
            case .middle: (x, h) = (box.center.x, .middle)
            }
            labels.append(.text(TextItem(name, at: Point(x, box.y), anchor: TextAnchor(h, .top), style: main)))
            if let ru = s.nameRu {
                labels.append(.text(TextItem(ru, at: Point(x, box.y + m1.height), anchor: TextAnchor(h, .top), style: sub)))
            }
        }
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
