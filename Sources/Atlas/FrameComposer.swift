import Cartography
import GeoCore
import MapData

/// What a frame shows: a date, the snapshot in force (or the two it lies between), the areas held
/// across the border, and the events shown.
public struct FrameFacts: Sendable {
    public let day: Day
    public let snapshotDate: Day
    public let heldAcrossKm2: [(side: String, territory: String, km2: Double)]
    /// The date changes are counted from (the snapshot before), if any.
    public let since: Day?
    public let events: [Event]
    /// Set on a frame morphed between two snapshots.
    public let interpolation: Interpolation?
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
    /// The control picture of `day`: the snapshot in force, or, with `interpolate`, the morph
    /// between the snapshots either side of a day that is not a snapshot date.
    func picture(on day: Day, interpolate: Bool) throws -> (ControlPicture, snapshot: ControlSnapshot) {
        guard let snapshot = try timed(clock, .query, { try dataset.timeline.state(on: day) }) else {
            throw AtlasError.beforeFirstSnapshot(day, first: dataset.timeline.dates.first)
        }
        if interpolate, let step = interpolation(on: day) { return (try morphedPicture(step), snapshot) }
        let change = content.contains(.change) ? try timed(clock, .geometry) { try self.change(on: day) } : nil
        return (try exactPicture(snapshot, change: change), snapshot)
    }

    /// The facts of one frame: what the panel states and the alt text says.
    public func facts(on day: Day, events: [Event]? = nil, interpolate: Bool = false) throws -> FrameFacts {
        let (picture, snapshot) = try self.picture(on: day, interpolate: interpolate)
        return facts(day, picture, snapshot, events: events ?? dataset.events(on: day))
    }

    func facts(_ day: Day, _ picture: ControlPicture, _ snapshot: ControlSnapshot, events: [Event]) -> FrameFacts {
        FrameFacts(
            day: day, snapshotDate: snapshot.date, heldAcrossKm2: picture.heldAcrossKm2, since: picture.since,
            events: events, interpolation: picture.interpolation)
    }

    /// The whole map for one day, as a page-space scene.
    ///
    /// - Parameters:
    ///   - events: the events to mark and list; by default those dated `day`. An animation passes
    ///     those dated since its previous frame.
    ///   - interpolate: morph control between the snapshots either side of `day` (animations);
    ///     otherwise show the latest snapshot, as a static map of a reported date must.
    public func scene(on day: Day, events: [Event]? = nil, interpolate: Bool = false) throws -> Scene {
        try frame(on: day, events: events, interpolate: interpolate).scene
    }

    /// The scene and the facts it states, from one computation of the control picture.
    public func frame(on day: Day, events: [Event]? = nil, interpolate: Bool = false) throws -> (scene: Scene, facts: FrameFacts) {
        let (picture, snapshot) = try self.picture(on: day, interpolate: interpolate)
        let facts = timed(clock, .query) { self.facts(day, picture, snapshot, events: events ?? dataset.events(on: day)) }
        return try timed(clock, .compose) { try compose(day, picture, facts) }
    }

    /// Groups that are the same in every frame of a sequence, which a raster renderer draws once.
    var staticGroupIDs: Set<String> {
        Set(
            ["basemap", "rivers", "border", "scale-bar", "north-arrow", "inset", "panel-base"]
                + dataset.references.map { "reference-\($0.id)" })
    }

    private func compose(_ day: Day, _ picture: ControlPicture, _ facts: FrameFacts) throws -> (scene: Scene, facts: FrameFacts) {
        let u = layout.unit
        var legend: [LegendEntry] = []
        var map: [SceneItem] = []

        // Land and water.
        var land: [SceneItem] = territoryPaths.map { t in
            .path(t.path, fill: Fill(theme.territoryTint[t.name] ?? theme.land), stroke: nil)
        }
        if territoryPaths.isEmpty {
            land.append(.rect(layout.map, fill: Fill(theme.land), stroke: nil, cornerRadius: 0))
        }
        map.append(.group(id: "basemap", clip: nil, items: land))
        var rivers: [SceneItem] = []
        for r in riverPaths where theme.layers.rivers {
            let w = (r.level.map { $0 <= 2 ? 1.6 : ($0 <= 4 ? 1.1 : 0.8) } ?? 1.0) * u
            rivers.append(.path(r.path, fill: nil, stroke: Stroke(theme.river, width: w)))
        }
        map.append(.group(id: "rivers", clip: nil, items: rivers))
        if !rivers.isEmpty { legend.append(LegendEntry(swatch: .line(Stroke(theme.river, width: 1.6 * u)), label: "River")) }

        // Ground held across the border, one group per side.
        for (index, side) in dataset.manifest.sides.enumerated() {
            let colors = theme.colors(forSide: side.id, index: index)
            var items: [SceneItem] = []
            for held in picture.held where held.side == side.id {
                let fill = heldFill(colors, status: held.status)
                items.append(.path(held.path, fill: fill, stroke: Stroke(colors.line, width: 1.2 * u)))
                let whereText = held.territory.map { " in \($0)" } ?? ""
                legend.append(
                    LegendEntry(
                        swatch: .area(fill, Stroke(colors.line, width: 1.2 * u)),
                        label: "\(side.name)\(whereText): \(statusPhrase(held.status))"))
            }
            map.append(.group(id: "control-\(side.id)", clip: nil, items: items))
        }

        // Ground that changed hands since the previous snapshot: the taker's colour, hatched, one
        // direction per side, so advances and retreats stay apart in grey print too.
        if let since = picture.since, theme.layers.changes {
            var items: [SceneItem] = []
            let soFar = picture.interpolation == nil ? "" : " (so far, interpolated)"
            for (index, side) in dataset.manifest.sides.enumerated() {
                guard let taken = picture.taken.first(where: { $0.side == side.id }), !taken.path.isEmpty, taken.km2 >= 0.5
                else { continue }
                let colors = theme.colors(forSide: side.id, index: index)
                let fill = Fill(
                    colors.fill.with(alpha: 0.25),
                    hatch: Hatch(color: colors.line, spacing: 5 * u, lineWidth: 1.4 * u, angle: index % 2 == 0 ? 45 : -45))
                items.append(.path(taken.path, fill: fill, stroke: Stroke(colors.line, width: 0.8 * u)))
                legend.append(
                    LegendEntry(
                        swatch: .area(fill, Stroke(colors.line, width: 0.8 * u)),
                        label: "Taken by \(side.name) since \(since.longDescription)\(soFar): \(Format.km2(taken.km2))"))
            }
            map.append(.group(id: "change", clip: nil, items: items))
        }

        // Reference outlines (furthest extent of an advance).
        for (k, r) in dataset.references.enumerated() where theme.layers.references && content.contains(.references) {
            let path = r.outline.isEmpty ? builder.path(r.geometry) : builder.path(r.outline)
            guard !path.isEmpty else { continue }
            let colors = theme.colors(forSide: r.side ?? "", index: k)
            let stroke = Stroke(colors.line, width: 1.5 * u, dash: [7 * u, 4 * u], cap: .butt)
            map.append(.group(id: "reference-\(r.id)", clip: nil, items: [.path(path, fill: nil, stroke: stroke)]))
            legend.append(LegendEntry(swatch: .line(stroke), label: r.label))
        }

        // State border over a light casing, then the front line on top of everything areal.
        let border = theme.border.scaled(u), casing = theme.borderCasing.scaled(u)
        if theme.layers.border {
            map.append(
                .group(
                    id: "border", clip: nil,
                    items: [
                        .path(borderPath, fill: nil, stroke: casing), .path(borderPath, fill: nil, stroke: border),
                    ]))
            legend.append(LegendEntry(swatch: .line(border), label: "State border"))
        }
        let front = picture.front
        if !front.isEmpty, theme.layers.frontLine, content.contains(.frontLine) {
            let stroke = theme.frontLine.scaled(u)
            map.append(.group(id: "front-line", clip: nil, items: [.path(front, fill: nil, stroke: stroke)]))
            legend.append(LegendEntry(swatch: .line(stroke), label: "Front line (edge of ground held across the border)"))
        }

        // Settlements, event markers and labels.
        if content.contains(.settlements) {
            let (places, placeLegend) = settlementItems(
                events: facts.events, changedHands: picture.changedHands, since: picture.since)
            map.append(contentsOf: places)
            legend.append(contentsOf: placeLegend)
        }

        if content.contains(.furniture) { map.append(contentsOf: furnitureItems()) }
        // The panel's static part goes first, below the map (they do not overlap), so that a raster
        // sequence draws it into the base it copies, not as an overlay composited on every frame.
        let panel = panelItems(facts, picture: picture, legend: legend)
        let items: [SceneItem] = Array(panel.prefix(1)) + [.group(id: "map", clip: layout.map, items: map)] + panel.dropFirst()
        let scene = Scene(
            width: layout.width, height: layout.height, background: theme.background, items: items,
            title: title(facts), description: altText(facts), date: day.description, staticGroups: staticGroupIDs)
        return (scene, facts)
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
        if let i = f.interpolation {
            parts.append("Control interpolated between the snapshots of \(i.from) and \(i.to), an animation aid, not an assessment.")
        } else if f.snapshotDate != f.day {
            parts.append("Control as last assessed on \(f.snapshotDate).")
        }
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
