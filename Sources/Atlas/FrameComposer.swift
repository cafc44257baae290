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
    /// Settlements claimed taken since the snapshot in force, which the snapshot does not show.
    public let claims: [SettlementClaim]
    /// Days between the snapshot shown and the day (0 on a snapshot date; nil when interpolated).
    public var snapshotAgeDays: Int? { interpolation == nil ? day.ordinal - snapshotDate.ordinal : nil }
    /// The sources of the snapshot's areas, per side, in file order.
    public let sources: [String: [String]]
    /// The snapshot is a placeholder with no control data (see `ControlSnapshot.isPlaceholder`).
    public var snapshotIsPlaceholder = false
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
        let change = needs.contains(.change) ? try timed(clock, .geometry) { try self.change(on: day) } : nil
        return (try exactPicture(snapshot, change: change), snapshot)
    }

    /// The facts of one frame: what the panel states and the alt text says.
    public func facts(on day: Day, events: [Event]? = nil, interpolate: Bool = false) throws -> FrameFacts {
        let (picture, snapshot) = try self.picture(on: day, interpolate: interpolate)
        return facts(day, picture, snapshot, events: events ?? dataset.events(on: day))
    }

    func facts(_ day: Day, _ picture: ControlPicture, _ snapshot: ControlSnapshot, events: [Event]) -> FrameFacts {
        var sources: [String: [String]] = [:]
        for a in snapshot.areas where !(sources[a.side] ?? []).contains(a.source.name) {
            sources[a.side, default: []].append(a.source.name)
        }
        var facts = FrameFacts(
            day: day, snapshotDate: snapshot.date, heldAcrossKm2: picture.heldAcrossKm2, since: picture.since,
            events: EventRanking.ranked(events), interpolation: picture.interpolation, claims: standingClaims(on: day, over: snapshot),
            sources: sources)
        facts.snapshotIsPlaceholder = snapshot.isPlaceholder
        return facts
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

    /// The layers' items for one frame, before they become a scene.
    func draft(_ day: Day, _ picture: ControlPicture, _ facts: FrameFacts) throws -> FrameDraft {
        var frame = FrameDraft(day: day, facts: facts, picture: picture)
        for layer in layers {
            let before = frame.legend.count
            try layer.draw(&frame, in: self)
            // What the basemap layers explain gives way first in a short panel (see `legendItems`).
            if Self.basemapLayers.contains(where: { $0 == type(of: layer) }) {
                for k in before..<frame.legend.count { frame.legend[k].rank = .basemap }
            }
        }
        return frame
    }

    /// The layers that draw the ground the data lies on, not the data.
    static let basemapLayers: [any MapLayer.Type] = [
        BasemapLayer.self, WaterLayer.self, RegionsLayer.self, CoastLayer.self, RiversLayer.self, BorderLayer.self,
    ]

    /// The heights the panel's blocks take on `day`, drawn as an animation frame (see `PanelBlocks`).
    public func panelBlocks(on day: Day, events: [Event], interpolate: Bool) throws -> PanelBlocks {
        let (picture, snapshot) = try self.picture(on: day, interpolate: interpolate)
        return try draft(day, picture, facts(day, picture, snapshot, events: events)).panelBlocks
    }

    /// Groups that are the same in every frame of a sequence, which a raster renderer draws once:
    /// those the layers say are.
    var staticGroupIDs: Set<String> { Set(layers.flatMap { $0.staticGroups(in: self) }) }

    /// The facts this map's layers draw on.
    var needs: FrameNeeds { layers.reduce(into: FrameNeeds()) { $0.formUnion($1.needs(in: self)) } }

    /// Each layer in turn adds its items and legend entries; the map's own go in the clipped frame.
    private func compose(_ day: Day, _ picture: ControlPicture, _ facts: FrameFacts) throws -> (scene: Scene, facts: FrameFacts) {
        let frame = try draft(day, picture, facts)
        let items = frame.belowMap + [.group(id: "map", clip: layout.map, items: frame.map)] + frame.aboveMap
        let scene = Scene(
            width: layout.width, height: layout.height, background: theme.background, items: items,
            title: title(facts), description: altText(facts), date: day, staticGroups: staticGroupIDs)
        return (scene, facts)
    }

    /// Assessed ground is filled; claimed and contested ground is paler with straight lines (level for
    /// claims, upright for contested) and a dashed edge, so neither reads as assessed ground nor as
    /// the change layer's diagonal hatching.
    func heldFill(_ c: Theme.SideColors, status: ControlStatus) -> Fill {
        switch status {
        case .assessed: return Fill(c.fill.with(alpha: theme.heldOpacity))
        case .claimed, .contested:
            let hatch = layout.hatch(spacing: theme.hatchSpacing, lineWidth: theme.hatchLineWidth)
            return Fill(
                c.fill.with(alpha: theme.heldOpacity * 0.45),
                hatch: Hatch(
                    color: c.line, spacing: hatch.spacing, lineWidth: hatch.lineWidth,
                    angle: status == .claimed ? 0 : 90))
        }
    }

    /// The edge of held ground: solid when assessed, dashed for claims and contested ground.
    func heldStroke(_ c: Theme.SideColors, status: ControlStatus) -> Stroke {
        let u = layout.unit
        return status == .assessed
            ? Stroke(c.line, width: 1.2 * u) : Stroke(c.line, width: 1.2 * u, dash: [5 * u, 3 * u], cap: .butt)
    }

    func statusPhrase(_ s: ControlStatus) -> String {
        switch s {
        case .assessed: return words(.heldAssessed)
        case .claimed: return words(.heldClaimed)
        case .contested: return words(.heldContested)
        }
    }

    func title(_ f: FrameFacts) -> String { words(.sceneTitle, ["title": dataset.manifest.title, "date": words.longDate(f.day)]) }

    /// Alt text: what the map shows, in one paragraph, from the data.
    func altText(_ f: FrameFacts) -> String {
        let w = words
        var parts = [w(.altMap, ["title": dataset.manifest.title, "date": f.day.description])]
        if let i = f.interpolation {
            parts.append(w(.altInterpolated, ["from": i.from.description, "to": i.to.description]))
        } else if let age = f.snapshotAgeDays, age > 0 {
            parts.append(w(.altStale, ["date": f.snapshotDate.description, "days": w.plural(.days, age)]))
        }
        for h in f.heldAcrossKm2 {
            let name = dataset.manifest.side(h.side)?.name ?? h.side
            let source = (f.sources[h.side] ?? []).joined(separator: "; ")
            parts.append(
                w(
                    source.isEmpty ? .altHolds : .altHoldsSource,
                    ["side": name, "area": w.format.km2Rounded(h.km2), "territory": h.territory, "sources": source]))
        }
        for claim in f.claims {
            let name = dataset.manifest.side(claim.taker)?.name ?? claim.taker
            parts.append(
                w(.altClaim, ["place": claim.settlement.name, "side": name, "claimants": claim.claimants.joined(separator: "; ")]))
        }
        if !f.events.isEmpty { parts.append(w(.altEvents, ["n": w.format.number(f.events.count)])) }
        if let c = dataset.manifest.caveat { parts.append(c) }
        return parts.joined(separator: " ")
    }
}

extension Stroke {
    func scaled(_ u: Double) -> Stroke { Stroke(color, width: width * u, dash: dash.map { $0 * u }, cap: cap) }
}
