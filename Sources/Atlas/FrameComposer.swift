import Cartography
import GeoCore
import MapData

/// What a frame shows: a date, and (for an event date) the snapshot in force.
public struct FrameFacts: Sendable {
    public let day: Day
    public let snapshotDate: Day
    public let heldAcrossKm2: [(side: String, territory: String, km2: Double)]
    public let previousDate: Day?
    public let events: [Event]
}

public enum AtlasError: Error, CustomStringConvertible {
    case beforeFirstSnapshot(Day, first: Day?)
    public var description: String {
        switch self {
        case .beforeFirstSnapshot(let d, let first):
            return first.map { "date \(d) is before the first control snapshot (\($0))" } ?? "the data set has no control snapshots"
        }
    }
}

extension SequenceContext {
    /// The facts for one day: snapshot in force, areas held across the border, events of the day.
    public func facts(on day: Day) throws -> FrameFacts {
        guard let snapshot = dataset.timeline.state(on: day) else {
            throw AtlasError.beforeFirstSnapshot(day, first: dataset.timeline.dates.first)
        }
        let held = dataset.acrossBorder(snapshot).compactMap { a in a.territory.map { (a.side, $0, a.geometry.areaKm2) } }
        return FrameFacts(
            day: day, snapshotDate: snapshot.date, heldAcrossKm2: held.map { (side: $0.0, territory: $0.1, km2: $0.2) },
            previousDate: dataset.timeline.previous(before: day)?.date, events: dataset.events(on: day))
    }

    /// The whole map for one day, as a page-space scene.
    public func scene(on day: Day) throws -> Scene {
        let facts = try self.facts(on: day)
        guard let snapshot = dataset.timeline.state(on: day) else { throw AtlasError.beforeFirstSnapshot(day, first: nil) }
        let u = layout.unit
        var legend: [LegendEntry] = []
        var map: [SceneItem] = []

        // Land and water.
        for t in territoryPaths {
            map.append(.path(t.path, fill: Fill(theme.territoryTint[t.name] ?? theme.land), stroke: nil))
        }
        if territoryPaths.isEmpty {
            map.append(.rect(layout.map, fill: Fill(theme.land), stroke: nil, cornerRadius: 0))
        }
        var rivers: [SceneItem] = []
        for r in riverPaths {
            let w = (r.level.map { $0 <= 2 ? 1.6 : ($0 <= 4 ? 1.1 : 0.8) } ?? 1.0) * u
            rivers.append(.path(r.path, fill: nil, stroke: Stroke(theme.river, width: w)))
        }
        map.append(.group(id: "rivers", clip: nil, items: rivers))
        if !rivers.isEmpty { legend.append(LegendEntry(swatch: .line(Stroke(theme.river, width: 1.6 * u)), label: "River")) }

        // Ground held across the border, one group per side.
        let across = filledAreas(snapshot)
        for (index, side) in dataset.manifest.sides.enumerated() {
            let colors = theme.colors(forSide: side.id, index: index)
            var items: [SceneItem] = []
            for status in ControlStatus.allCases {
                let areas = across.filter { $0.side == side.id && $0.status == status }
                let path = PagePath(subpaths: areas.flatMap { builder.path($0.geometry).subpaths }, closed: true)
                guard !path.isEmpty else { continue }
                let fill = heldFill(colors, status: status)
                let stroke = Stroke(colors.line, width: 1.2 * u)
                items.append(.path(path, fill: fill, stroke: stroke))
                let whereText = areas.first?.territory.map { " in \($0)" } ?? ""
                legend.append(
                    LegendEntry(
                        swatch: .area(fill, stroke),
                        label: "\(side.name)\(whereText): \(statusPhrase(status))"))
            }
            map.append(.group(id: "control-\(side.id)", clip: nil, items: items))
        }

        // Ground that changed hands since the previous snapshot: the taker's colour, hatched, one
        // direction per side, so advances and retreats stay apart in grey print too.
        let change = try self.change(on: day)
        if let change {
            var items: [SceneItem] = []
            for (index, sideChange) in change.sides.enumerated() {
                let path = builder.path(sideChange.gained)
                guard !path.isEmpty, sideChange.gainedKm2 >= 0.5 else { continue }
                let colors = theme.colors(forSide: sideChange.side, index: index)
                let fill = Fill(
                    colors.fill.with(alpha: 0.25),
                    hatch: Hatch(color: colors.line, spacing: 5 * u, lineWidth: 1.4 * u, angle: index % 2 == 0 ? 45 : -45))
                items.append(.path(path, fill: fill, stroke: Stroke(colors.line, width: 0.8 * u)))
                let name = dataset.manifest.side(sideChange.side)?.name ?? sideChange.side
                legend.append(
                    LegendEntry(
                        swatch: .area(fill, Stroke(colors.line, width: 0.8 * u)),
                        label: "Taken by \(name) since \(change.from.longDescription): \(Format.km2(sideChange.gainedKm2))"))
            }
            map.append(.group(id: "change", clip: nil, items: items))
        }

        // Reference outlines (furthest extent of an advance).
        for (k, r) in dataset.references.enumerated() {
            let path = r.outline.isEmpty ? builder.path(r.geometry) : builder.path(r.outline)
            guard !path.isEmpty else { continue }
            let colors = theme.colors(forSide: r.side ?? "", index: k)
            let stroke = Stroke(colors.line, width: 1.5 * u, dash: [7 * u, 4 * u], cap: .butt)
            map.append(.group(id: "reference-\(r.id)", clip: nil, items: [.path(path, fill: nil, stroke: stroke)]))
            legend.append(LegendEntry(swatch: .line(stroke), label: r.label))
        }

        // State border over a light casing, then the front line on top of everything areal.
        let border = theme.border.scaled(u), casing = theme.borderCasing.scaled(u)
        map.append(
            .group(
                id: "border", clip: nil,
                items: [
                    .path(borderPath, fill: nil, stroke: casing), .path(borderPath, fill: nil, stroke: border),
                ]))
        legend.append(LegendEntry(swatch: .line(border), label: "State border"))
        let front = try frontLine(snapshot)
        if !front.isEmpty {
            let stroke = theme.frontLine.scaled(u)
            map.append(.group(id: "front-line", clip: nil, items: [.path(front, fill: nil, stroke: stroke)]))
            legend.append(LegendEntry(swatch: .line(stroke), label: "Front line (edge of ground held across the border)"))
        }

        // Settlements, event markers and labels.
        let furniture = furnitureRects()
        let (places, placeLegend) = settlementItems(
            events: facts.events, changedHands: change?.settlements ?? [],
            since: change?.from, furniture: furniture)
        map.append(contentsOf: places)
        legend.append(contentsOf: placeLegend)

        map.append(contentsOf: furnitureItems())
        var items: [SceneItem] = [.group(id: "map", clip: layout.map, items: map)]
        items.append(contentsOf: panelItems(facts, change: change, legend: legend))
        return Scene(
            width: layout.width, height: layout.height, background: theme.background, items: items,
            title: title(facts), description: altText(facts), date: day.description)
    }

    func heldFill(_ c: Theme.SideColors, status: ControlStatus) -> Fill {
        switch status {
        case .assessed: return Fill(c.fill.with(alpha: theme.heldOpacity))
        case .claimed, .contested:
            return Fill(
                c.fill.with(alpha: theme.heldOpacity * 0.45),
                hatch: Hatch(
                    color: c.line, spacing: theme.hatchSpacing * layout.unit, lineWidth: 1.2 * layout.unit,
                    angle: status == .claimed ? 45 : -45))
        }
    }

    func statusPhrase(_ s: ControlStatus) -> String {
        switch s {
        case .assessed: return "held (assessed)"
        case .claimed: return "claimed, not confirmed (hatched)"
        case .contested: return "contested (cross-hatched)"
        }
    }

    func title(_ f: FrameFacts) -> String { "\(dataset.manifest.title) — \(f.day.longDescription)" }

    /// Alt text: what the map shows, in one paragraph, from the data.
    func altText(_ f: FrameFacts) -> String {
        var parts = ["Map of \(dataset.manifest.title) on \(f.day)."]
        if f.snapshotDate != f.day { parts.append("Control as last assessed on \(f.snapshotDate).") }
        for h in f.heldAcrossKm2 {
            let name = dataset.manifest.side(h.side)?.name ?? h.side
            parts.append("\(name) hold about \(Format.km2(h.km2)) in \(h.territory).")
        }
        if !f.events.isEmpty { parts.append("\(f.events.count) event(s) reported on this date, shown as claims with sources.") }
        if let c = dataset.manifest.caveat { parts.append(c) }
        return parts.joined(separator: " ")
    }
}

extension Stroke {
    func scaled(_ u: Double) -> Stroke { Stroke(color, width: width * u, dash: dash.map { $0 * u }, cap: cap) }
}
