import Cartography

/// A settlement label as placed on one frame: whose it is and the box its text block takes.
public struct PlacedLabel: Sendable, Equatable {
    /// The settlement's gazetteer name (the key that follows a label from frame to frame).
    public let settlement: String
    public let box: Rect
    /// Index into `LabelPlacer.candidates` (right, left, above, below, diagonals).
    public let candidate: Int
}

/// Settlement labels placed once for a whole sequence, so that an animation's labels stay put.
///
/// The sequence placement runs once, against everything on every frame at a fixed place (furniture,
/// every settlement marker), steering clear where it can of the event stars and number badges that
/// some frames add. Each frame then starts from that placement: a label keeps its sequence position unless a
/// label of higher priority on that frame (a place named in the frame's events comes first) takes
/// the space, and only then tries the other candidates or is dropped. The result depends on the frame's
/// own events only, never on which frame was drawn before, so parallel and sharded renders agree.
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
        /// The candidate the sequence placement chose; nil when it found no room.
        var preferred: Int?
    }

    /// In sequence priority order: population, then name.
    private(set) var specs: [Spec]
    let obstacles: [Rect]
    let bounds: Rect

    /// - Parameter eventMarkers: where event stars and badges may appear on some frames: a label avoids
    ///   them when it has a free candidate that does, so that those frames need not move it.
    init(specs: [Spec], obstacles: [Rect], eventMarkers: [Rect], bounds: Rect) {
        self.specs = specs
        self.obstacles = obstacles
        self.bounds = bounds
        var placer = LabelPlacer(bounds: bounds, obstacles: obstacles)
        for k in self.specs.indices {
            let s = self.specs[k]
            self.specs[k].preferred = placer.place(at: s.anchor, size: s.size, gap: s.gap, soft: eventMarkers)?.candidate
        }
    }

    /// The labels of one frame. `priority` names the settlements the frame's events mention; `extra`
    /// holds boxes the sequence placement could not know of.
    func place(priority: Set<String>, extra: [Rect] = []) -> [(spec: Spec, label: PlacedLabel)] {
        var placer = LabelPlacer(bounds: bounds, obstacles: obstacles + extra)
        let ordered = specs.filter { priority.contains($0.settlement) } + specs.filter { !priority.contains($0.settlement) }
        var out: [(Spec, PlacedLabel)] = []
        for s in ordered {
            // A label with no room in the sequence placement stays off unless the frame's events name it.
            guard s.preferred != nil || priority.contains(s.settlement) else { continue }
            guard let (box, candidate) = placer.place(at: s.anchor, size: s.size, gap: s.gap, preferred: s.preferred)
            else { continue }
            out.append((s, PlacedLabel(settlement: s.settlement, box: box, candidate: candidate)))
        }
        return out
    }
}
