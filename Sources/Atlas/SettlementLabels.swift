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
            + (showsInset ? [layout.inset] : []) + (timelineSpan != nil && theme.layers[.timeline] ? [TimelineLayer.box(layout)] : [])
    }

    /// Labels stay this far inside the map frame.
    var labelBounds: Rect { layout.map.insetBy(4 * layout.unit) }

    /// The box an event's star takes.
    func eventStarBox(at p: Point) -> Rect {
        let size = eventMarkerSize
        return Rect(x: p.x - size / 2, y: p.y - size / 2, width: size, height: size)
    }

    /// The box an event's star takes, and its number badge where it usually goes (room for two digits).
    func eventMarkerBoxes(at p: Point) -> [Rect] {
        let u = layout.unit, badge = badgeStyle, h = badge.size * 1.25
        return [eventStarBox(at: p), Rect(x: p.x + 9 * u, y: p.y - 9 * u - h, width: badge.size * 1.4, height: h)]
    }

    var eventMarkerSize: Double { 22 * layout.unit }

    /// An event number's type: bold, at least the layout's body size.
    var badgeStyle: TextStyle {
        TextStyle(
            family: theme.fontFamily, size: layout.textSize(13), weight: .bold, color: theme.text, halo: theme.halo,
            haloWidth: 2.5 * layout.unit)
    }

    /// A settlement's marker size in pixels, by rank (a key place a step up).
    func markerSize(_ s: Settlement) -> Double { symbol(s).markerSize * layout.unit }

    /// Halo width of settlement names: wide enough to read over hatched ground.
    var labelHalo: Double { 3.5 * layout.unit }

    private func makeLabelPlan() -> LabelPlan {
        let u = layout.unit
        let located = locatedSettlements()
        // Places any event names get room for their own star in their label's gap, so a star appearing
        // never pushes its own label. Stars and badges are only avoided where a label has room to
        // (see LabelPlan): reserving them outright would crowd out names around Sudzha on every frame.
        var eventPoints: Set<Point> = []
        for e in dataset.events { if let l = e.location { eventPoints.insert(projection.project(l)) } }
        // A second name is set at the layout's smallest type at least; one that would have to grow
        // more than 10% to get there is left off (the page is too small for it), not enlarged.
        let designed = 11.5 * u * theme.labelScale, subSize = max(designed, layout.minimumTextSize())
        let showSub = theme.layers[.secondNames] && designed >= 0.9 * layout.minimumTextSize()
        let specs = located.map { s, p -> LabelPlan.Spec in
            let symbol = symbol(s)
            let main = TextStyle(
                family: theme.fontFamily, size: layout.textSize(symbol.nameSize * theme.labelScale), weight: symbol.nameWeight,
                color: theme.text, halo: theme.halo, haloWidth: labelHalo)
            let sub = TextStyle(
                family: theme.fontFamily, size: subSize, italic: true, color: theme.mutedText, halo: theme.halo, haloWidth: 0.8 * labelHalo)
            // Approximate positions are said once, in the legend, not after each name.
            let m1 = measurer.measure(s.name, style: main, maxWidth: nil)
            let ru = showSub ? s.secondName(dataset.manifest.secondNameLanguages) : nil
            let m2 = ru.map { measurer.measure($0, style: sub, maxWidth: nil) } ?? (width: 0, height: 0)
            let size = markerSize(s)
            // Clear of the marker, of a changed-hands ring around it, and of an event star on it.
            let clearance = max(eventPoints.contains(p) ? eventMarkerSize / 2 : 0, size / 2 + 4.5 * u)
            return LabelPlan.Spec(
                settlement: s.name, text: s.name, sub: ru, style: main, subStyle: sub, textHeight: m1.height,
                size: (width: max(m1.width, m2.width), height: m1.height + m2.height), anchor: p, gap: clearance + 2 * u,
                marker: Rect(x: p.x - size / 2, y: p.y - size / 2, width: size, height: size), key: symbol.key, preferred: nil)
        }
        // Sequence priority: key places, then by rank, then places by how many events name them, then population.
        var mentions: [String: Int] = [:]
        for e in dataset.events { if let s = e.settlement { mentions[s, default: 0] += 1 } }
        func key(_ s: Settlement) -> (Int, Int, Int, Int) {
            (keyPlaces.contains(s.name) ? 1 : 0, SettlementRank(s).rawValue, mentions[s.name] ?? 0, s.population ?? 0)
        }
        let ordered = zip(located, specs).sorted { a, b in
            let ka = key(a.0.0), kb = key(b.0.0)
            return ka != kb ? ka > kb : a.0.0.name < b.0.0.name
        }.map(\.1)
        let eventMarkers = eventPoints.sorted { ($0.x, $0.y) < ($1.x, $1.y) }.flatMap { eventMarkerBoxes(at: $0) }
        return LabelPlan(specs: ordered, obstacles: furnitureRects(), eventMarkers: eventMarkers, bounds: labelBounds)
    }

    /// One frame's event stars: one per place (events at the same place share it), numbered with the
    /// panel's numbers, in number order.
    func stars(_ events: [Event]) -> [(star: LabelPlan.Star, point: Point, numbers: [Int])] {
        var out: [(star: LabelPlan.Star, point: Point, numbers: [Int])] = []
        let bounds = labelBounds
        for (n, e) in numberedLocatedEvents(events) {
            guard let l = e.location else { continue }
            let p = projection.project(l)
            guard bounds.contains(p) else { continue }
            if let k = out.firstIndex(where: { abs($0.point.x - p.x) < 1 && abs($0.point.y - p.y) < 1 }) {
                // One number per place (`EventRanking.starNumbers`): two events at Sudzha are both "1".
                if !out[k].numbers.contains(n) { out[k].numbers.append(n) }
            } else {
                out.append((LabelPlan.Star(point: p, box: eventStarBox(at: p), badge: (0, 0), gap: 0), p, [n]))
            }
        }
        let u = layout.unit
        return out.map { s in
            let m = measurer.measure(Self.badgeText(s.numbers), style: badgeStyle, maxWidth: nil)
            let star = LabelPlan.Star(point: s.point, box: eventStarBox(at: s.point), badge: (m.width, m.height), gap: 12.7 * u)
            return (star, s.point, s.numbers)
        }
    }

    static func badgeText(_ numbers: [Int]) -> String { numbers.map(String.init).joined(separator: ",") }

    /// One frame's placement of names, shown markers and event numbers (what the layers draw).
    func placement(events: [Event], avoiding extra: [Rect] = []) -> LabelPlan.Frame {
        labelPlan().place(priority: Set(events.compactMap(\.settlement)), stars: stars(events).map(\.star), extra: extra)
    }

    /// The labels of a frame whose events are `events`, as placed boxes (what tests check, through
    /// `@testable import`).
    func placedLabels(events: [Event]) -> [PlacedLabel] { placement(events: events).labels.map(\.label) }

    /// Scene items for one frame's labels: the name, and under it the second name, in one block.
    func labelItems(_ frame: LabelPlan.Frame) -> [SceneItem] {
        var items: [SceneItem] = []
        for (s, placed) in frame.labels {
            let box = placed.box
            let x: Double, h: TextAnchor.Horizontal
            switch LabelPlacer.anchor(of: placed.candidate).horizontal {
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
