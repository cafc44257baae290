import Cartography

/// Greedy label placement: in priority order, each label takes the first candidate position around
/// its anchor whose box touches no placed label, marker or piece of furniture; otherwise it is dropped.
struct LabelPlacer {
    private(set) var occupied: [Rect]
    let bounds: Rect

    init(bounds: Rect, obstacles: [Rect]) {
        self.bounds = bounds
        occupied = obstacles
    }

    /// Candidate offsets: right, left, above, below, then the diagonals.
    static let candidates: [(dx: Double, dy: Double, anchor: TextAnchor)] = [
        (1, 0, TextAnchor(.start, .middle)), (-1, 0, TextAnchor(.end, .middle)),
        (0, -1, TextAnchor(.middle, .bottom)), (0, 1, TextAnchor(.middle, .top)),
        (0.7, -0.7, TextAnchor(.start, .bottom)), (-0.7, -0.7, TextAnchor(.end, .bottom)),
        (0.7, 0.7, TextAnchor(.start, .top)), (-0.7, 0.7, TextAnchor(.end, .top)),
    ]

    /// Reserves a box without a label (a marker).
    mutating func reserve(_ r: Rect) { occupied.append(r) }

    /// Places a block of `size` next to `anchor` at `gap` px; returns its box and anchor, or nil.
    mutating func place(at anchor: Point, size: (width: Double, height: Double), gap: Double) -> (Rect, TextAnchor)? {
        for c in Self.candidates {
            let p = Point(anchor.x + c.dx * gap, anchor.y + c.dy * gap)
            let box = TextItem("", at: p, anchor: c.anchor, style: TextStyle(size: 1)).box(width: size.width, height: size.height)
            guard box.x >= bounds.x, box.y >= bounds.y, box.maxX <= bounds.maxX, box.maxY <= bounds.maxY else { continue }
            if occupied.contains(where: { $0.intersects(box) }) { continue }
            occupied.append(box)
            return (box, c.anchor)
        }
        return nil
    }
}
