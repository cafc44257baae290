import Cartography
import GeoCore
import MapData

extension SequenceContext {
    /// The sequence's label plan, made on first use (see `LabelPlan`).
    func labelPlan() -> LabelPlan {
        if let labelPlanCache { return labelPlanCache }
        let plan = makeLabelPlan()
        labelPlanCache = plan
        return plan
    }

    /// Settlements drawn on the map (inside the frame), with their page positions, in gazetteer order.
    func locatedSettlements() -> [(Settlement, Point)] {
        let frame = labelBounds
        return dataset.gazetteer.settlements.compactMap { s -> (Settlement, Point)? in
            guard let l = s.location else { return nil }
            let p = projection.project(l)
            return frame.contains(p) ? (s, p) : nil
        }
    }

    /// Whether this map draws the inset: the theme wants it and the data set has the wider region.
    var showsInset: Bool { theme.layers[.inset] && !(dataset.inset?.coast.lines.isEmpty ?? true) }

    /// Boxes that labels must stay clear of: the furniture this theme shows.
    func furnitureRects() -> [Rect] {
        (theme.layers[.scaleBar] ? [layout.scaleBar] : []) + (theme.layers[.northArrow] ? [layout.northArrow] : [])
            + (showsInset ? [layout.inset] : [])
    }

    /// Labels stay this far inside the map frame.
    var labelBounds: Rect { layout.map.insetBy(4 * layout.unit) }

    /// The box an event's star takes, and its number badge (room for two digits).
    func eventMarkerBoxes(at p: Point) -> [Rect] {
        let u = layout.unit, size = eventMarkerSize
        return [
            Rect(x: p.x - size / 2, y: p.y - size / 2, width: size, height: size),
            Rect(x: p.x + 9 * u, y: p.y - 9 * u - 16 * u, width: 22 * u, height: 16 * u),
        ]
    }

    var eventMarkerSize: Double { 22 * layout.unit }

    private func makeLabelPlan() -> LabelPlan {
        let u = layout.unit
        let located = locatedSettlements()
        var obstacles = furnitureRects()
        for (s, p) in located {
            let size = markerSize(s)
            obstacles.append(Rect(x: p.x - size / 2, y: p.y - size / 2, width: size, height: size))
        }
        // Places any event names get room for their own star in their label's gap, so a star appearing
        // never pushes its own label. Stars and badges are only avoided where a label has room to
        // (see LabelPlan): reserving them outright would crowd out names around Sudzha on every frame.
        var eventPoints: Set<Point> = []
        for e in dataset.events { if let l = e.location { eventPoints.insert(projection.project(l)) } }
        let specs = located.map { s, p -> LabelPlan.Spec in
            let big = (s.population ?? 0) >= 4000
            let main = TextStyle(
                family: theme.fontFamily, size: (big ? 17 : 14) * u * theme.labelScale, weight: big ? .bold : .regular,
                color: theme.text, halo: theme.halo, haloWidth: 2.5 * u)
            let sub = TextStyle(
                family: theme.fontFamily, size: 11.5 * u * theme.labelScale, italic: true, color: theme.mutedText,
                halo: theme.halo, haloWidth: 2 * u)
            let name = s.isApproximate ? words(.approximateName, ["name": s.name]) : s.name
            let m1 = measurer.measure(name, style: main, maxWidth: nil)
            let ru = theme.layers[.secondNames] ? s.secondName(dataset.manifest.secondNameLanguages) : nil
            let m2 = ru.map { measurer.measure($0, style: sub, maxWidth: nil) } ?? (width: 0, height: 0)
            // Clear of the marker, of a changed-hands ring around it, and of an event star on it.
            let clearance = eventPoints.contains(p) ? eventMarkerSize / 2 : markerSize(s) / 2 + 4.5 * u
            return LabelPlan.Spec(
                settlement: s.name, text: name, sub: ru, style: main, subStyle: sub, textHeight: m1.height,
                size: (width: max(m1.width, m2.width), height: m1.height + m2.height), anchor: p, gap: clearance + 2 * u,
                preferred: nil)
        }
        // Sequence priority: towns (set bold) first, then places by how many events name them, then population.
        var mentions: [String: Int] = [:]
        for e in dataset.events { if let s = e.settlement { mentions[s, default: 0] += 1 } }
        func key(_ s: Settlement) -> (Int, Int, Int) {
            ((s.population ?? 0) >= 4000 ? 1 : 0, mentions[s.name] ?? 0, s.population ?? 0)
        }
        let ordered = zip(located, specs).sorted { a, b in
            let ka = key(a.0.0), kb = key(b.0.0)
            return ka != kb ? ka > kb : a.0.0.name < b.0.0.name
        }.map(\.1)
        let eventMarkers = eventPoints.sorted { ($0.x, $0.y) < ($1.x, $1.y) }.flatMap { eventMarkerBoxes(at: $0) }
        return LabelPlan(specs: ordered, obstacles: obstacles, eventMarkers: eventMarkers, bounds: labelBounds)
    }

    /// The labels of a frame whose events are `events`, as placed boxes (what tests check).
    public func placedLabels(events: [Event]) -> [PlacedLabel] {
        labelPlan().place(priority: Set(events.compactMap(\.settlement)), extra: badgeBoxes(events)).map(\.label)
    }

    /// The stars and number badges of a frame's events, which its labels must keep clear of.
    func badgeBoxes(_ events: [Event]) -> [Rect] {
        events.compactMap(\.location).flatMap { eventMarkerBoxes(at: projection.project($0)) }
    }

    /// Scene items for one frame's labels: the name, and under it the Russian name, in one block.
    func labelItems(events: [Event]) -> [SceneItem] {
        var items: [SceneItem] = []
        for (s, placed) in labelPlan().place(priority: Set(events.compactMap(\.settlement)), extra: badgeBoxes(events)) {
            let box = placed.box
            let x: Double, h: TextAnchor.Horizontal
            switch LabelPlacer.candidates[placed.candidate].anchor.horizontal {
            case .start: (x, h) = (box.x, .start)
            case .end: (x, h) = (box.maxX, .end)
            case .middle: (x, h) = (box.center.x, .middle)
            }
            items.append(.text(TextItem(s.text, at: Point(x, box.y), anchor: TextAnchor(h, .top), style: s.style)))
            if let ru = s.sub {
                items.append(.text(TextItem(ru, at: Point(x, box.y + s.textHeight), anchor: TextAnchor(h, .top), style: s.subStyle)))
            }
        }
        return items
    }
}
