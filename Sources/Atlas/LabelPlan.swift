import Cartography

/// A settlement label as placed on one frame: whose it is and the box its text block takes.
public struct PlacedLabel: Sendable, Equatable {
    /// The settlement's gazetteer name (the key that follows a label from frame to frame).
    public let settlement: String
    public let box: Rect
    /// Index into `LabelPlacer.candidates`, ring by ring (right, left, above, below, diagonals).
    public let candidate: Int
}

/// Settlement labels placed once for a whole sequence, so that an animation's labels stay put.
///
/// The sequence placement runs once, against everything on every frame at a fixed place (furniture),
/// steering clear where it can of the event stars and number badges that some frames add. Key
/// places come first, then the rest by rank. A settlement is shown, marker and name, only when both
/// find room: labels are thinned by priority, never shrunk, and no marker is left without its name.
/// Each frame then starts from that placement: its event stars go down first, then the key places
/// (which always find room, out to farther rings), then the events' numbers, then the places its
/// events name, then the rest at their sequence positions unless something of higher priority took
/// the space. The result depends on the frame's own events only, never on which frame was drawn
/// before, so parallel and sharded renders agree.
struct LabelPlan {
    /// One label: text, styles and measured block, around a settlement's marker.
    struct Spec {
        let settlement: String
        let text: String
        let sub: String?
        let style: TextStyle
        let subStyle: TextStyle
        let textHeight: Double
        let size: (width: Double, height: Double)
        let anchor: Point
        let gap: Double
        /// The marker's box, which must be free too for the settlement to be shown.
        let marker: Rect
        let key: Bool
        /// The candidate the sequence placement chose; nil when it found no room.
        var preferred: Int?
    }

    /// An event star on one frame and its number badge's measured size.
    struct Star {
        let point: Point
        let box: Rect
        let badge: (width: Double, height: Double)
        /// Distance from the star's centre to its badge.
        let gap: Double
    }

    /// One frame's placement: labels, the settlements whose markers are drawn, and badge boxes by star.
    struct Frame {
        var labels: [(spec: Spec, label: PlacedLabel)] = []
        var shown: Set<String> = []
        var badges: [(box: Rect, candidate: Int)?] = []
    }

    /// In sequence priority order: key places, then by rank, events and population.
    private(set) var specs: [Spec]
    let obstacles: [Rect]
    let bounds: Rect

    /// - Parameter eventMarkers: where event stars and badges may appear on some frames: a label avoids
    ///   them when it has a free candidate that does, so that those frames need not move it.
    init(specs: [Spec], obstacles: [Rect], eventMarkers: [Rect], bounds: Rect) {
        self.specs = specs
        self.obstacles = obstacles
        self.bounds = bounds
        let home = place(priority: [], stars: [], soft: eventMarkers, sequence: true)
        var chosen: [String: Int] = [:]
        for (s, l) in home.labels { chosen[s.settlement] = l.candidate }
        for k in self.specs.indices { self.specs[k].preferred = chosen[self.specs[k].settlement] }
    }

    /// The labels of one frame. `priority` names the settlements the frame's events mention; `stars`
    /// are its events' stars, which labels keep clear of and whose numbers are placed here too.
    func place(priority: Set<String>, stars: [Star], extra: [Rect] = [], soft: [Rect] = [], sequence: Bool = false) -> Frame {
        var placer = LabelPlacer(bounds: bounds, obstacles: obstacles + extra + stars.map(\.box))
        var frame = Frame()
        // A name keeps off the markers of places that may yet be shown where it can, so that it does
        // not hide one (whose name and marker would then both go).
        let soft = soft + specs.filter { sequence || $0.preferred != nil || $0.key }.map(\.marker)
        let reach = LabelPlacer.farthestRing + 1
        func onStar(_ s: Spec) -> Bool { stars.contains { $0.box.contains(s.anchor) } }
        // Key places: markers first (a later key name must not cover an earlier key marker), then names.
        let keys = specs.filter(\.key)
        for s in keys where !onStar(s) { placer.reserve(s.marker) }
        for s in keys {
            let placed =
                placer.place(at: s.anchor, size: s.size, gap: s.gap, preferred: s.preferred, soft: soft, reach: reach)
                ?? placer.force(at: s.anchor, size: s.size, gap: s.gap, reach: reach)
            frame.labels.append((s, PlacedLabel(settlement: s.settlement, box: placed.box, candidate: placed.candidate)))
            frame.shown.insert(s.settlement)
        }
        // The events' numbers: every located event is numbered on the map.
        for star in stars {
            let placed =
                placer.place(at: star.point, size: star.badge, gap: star.gap, preferred: 4, reach: reach)
                ?? placer.force(at: star.point, size: star.badge, gap: star.gap, reach: reach)
            frame.badges.append((placed.box, placed.candidate))
        }
        let rest = specs.filter { !$0.key }
        let ordered = rest.filter { priority.contains($0.settlement) } + rest.filter { !priority.contains($0.settlement) }
        for s in ordered {
            // A label with no room in the sequence placement stays off unless the frame's events name it.
            guard sequence || s.preferred != nil || priority.contains(s.settlement) else { continue }
            // Its marker must be free, unless an event's star stands on it (and hides it).
            let covered = onStar(s)
            guard covered || !placer.touches(s.marker) else { continue }
            var trial = placer
            if !covered { trial.reserve(s.marker) }
            guard let (box, candidate) = trial.place(at: s.anchor, size: s.size, gap: s.gap, preferred: s.preferred, soft: soft)
            else { continue }
            placer = trial
            frame.labels.append((s, PlacedLabel(settlement: s.settlement, box: box, candidate: candidate)))
            frame.shown.insert(s.settlement)
        }
        return frame
    }
}

extension LabelPlacer {
    /// A block that must be shown and found no free candidate: the one inside the bounds that
    /// touches the fewest boxes (the first candidate when none is inside). Reserved like any other.
    mutating func force(at anchor: Point, size: (width: Double, height: Double), gap: Double, reach: Int) -> (
        box: Rect, candidate: Int
    ) {
        var best: (box: Rect, candidate: Int, hits: Int)?
        for k in 0..<(Self.candidates.count * reach) {
            let box = Self.box(candidate: k, at: anchor, size: size, gap: gap)
            let hits = isInside(box) ? occupied.filter { $0.intersects(box) }.count : Int.max
            if best.map({ hits < $0.hits }) ?? true { best = (box, k, hits) }
        }
        let chosen = best.map { ($0.box, $0.candidate) } ?? (Self.box(candidate: 0, at: anchor, size: size, gap: gap), 0)
        reserve(chosen.0)
        return chosen
    }
}
